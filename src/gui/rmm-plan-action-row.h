/* rmm-plan-action-row.h: an action from a child's plan, up for review at the next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PLAN_ACTION_ROW (rmm_plan_action_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmPlanActionRow, rmm_plan_action_row, RMM, PLAN_ACTION_ROW, AdwActionRow)

GtkWidget           *rmm_plan_action_row_new        (const RmmPlanAction *action);
const RmmPlanAction *rmm_plan_action_row_get_action (RmmPlanActionRow    *self);

G_END_DECLS
