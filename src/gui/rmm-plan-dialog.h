/* rmm-plan-dialog.h: a child's CSE safety plan, written as a new version at the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PLAN_DIALOG (rmm_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmPlanDialog, rmm_plan_dialog, RMM, PLAN_DIALOG, AdwWindow)

RmmPlanDialog *rmm_plan_dialog_new           (GtkWindow     *parent,
                                              RmmStore      *store,
                                              RmmMeeting    *meeting,
                                              RmmAgendaItem *item,
                                              const char    *framework_id);
void           rmm_plan_dialog_focus_actions (RmmPlanDialog *self);

G_END_DECLS
