/* rmm-carry-forward-dialog.h: the new due date for an action carried forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CARRY_FORWARD_DIALOG (rmm_carry_forward_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmCarryForwardDialog, rmm_carry_forward_dialog, RMM,
                      CARRY_FORWARD_DIALOG, AdwMessageDialog)

RmmCarryForwardDialog *rmm_carry_forward_dialog_new         (GtkWindow             *parent,
                                                             RmmMeeting            *meeting,
                                                             const RmmPlanAction   *action);
void                   rmm_carry_forward_dialog_present     (RmmCarryForwardDialog *self);
gint64                 rmm_carry_forward_dialog_get_action_id (RmmCarryForwardDialog *self);
char                  *rmm_carry_forward_dialog_dup_due_on  (RmmCarryForwardDialog *self);

G_END_DECLS
