/* rmm-actions-dialog.h: the meeting records what became of earlier meetings' actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_ACTIONS_DIALOG (rmm_actions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmActionsDialog, rmm_actions_dialog, RMM, ACTIONS_DIALOG, AdwWindow)

RmmActionsDialog *rmm_actions_dialog_new (GtkWindow  *parent,
                                          RmmStore   *store,
                                          RmmMeeting *meeting);

const char       *rmm_action_outcome_label (RmmActionStatus status);

G_END_DECLS
