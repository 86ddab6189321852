/* rmm-move-dialog.h: one meeting moved to another day, time or place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"
#include "rmm-meeting.h"

G_BEGIN_DECLS

#define RMM_TYPE_MOVE_DIALOG (rmm_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmMoveDialog, rmm_move_dialog, RMM, MOVE_DIALOG, RmmFormDialog)

RmmMoveDialog *rmm_move_dialog_new (GtkWindow  *parent,
                                    RmmStore   *store,
                                    RmmMeeting *meeting);

G_END_DECLS
