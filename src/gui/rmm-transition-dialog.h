/* rmm-transition-dialog.h: preparing a young person's move to adult services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_TRANSITION_DIALOG (rmm_transition_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmTransitionDialog, rmm_transition_dialog, RMM, TRANSITION_DIALOG,
                      AdwWindow)

RmmTransitionDialog *rmm_transition_dialog_new (GtkWindow     *parent,
                                                RmmStore      *store,
                                                RmmMeeting    *meeting,
                                                RmmAgendaItem *item);

G_END_DECLS
