/* rmm-child-action-row.h: an action on a child's plan, as the plan dialog lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CHILD_ACTION_ROW (rmm_child_action_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmChildActionRow, rmm_child_action_row, RMM, CHILD_ACTION_ROW,
                      AdwActionRow)

GtkWidget *rmm_child_action_row_new (const RmmPlanAction *action);

G_END_DECLS
