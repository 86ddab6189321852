/* rmm-conclude-dialog.h: what the meeting decided, read back; concluding and sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CONCLUDE_DIALOG (rmm_conclude_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmConcludeDialog, rmm_conclude_dialog, RMM, CONCLUDE_DIALOG, AdwWindow)

RmmConcludeDialog *rmm_conclude_dialog_new (GtkWindow  *parent,
                                            RmmStore   *store,
                                            RmmMeeting *meeting);

G_END_DECLS
