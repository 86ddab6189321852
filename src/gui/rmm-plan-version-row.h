/* rmm-plan-version-row.h: an earlier version of a child's plan, as the plan dialog lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PLAN_VERSION_ROW (rmm_plan_version_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmPlanVersionRow, rmm_plan_version_row, RMM, PLAN_VERSION_ROW,
                      AdwExpanderRow)

GtkWidget *rmm_plan_version_row_new (const RmmPlanVersion *version);

G_END_DECLS
