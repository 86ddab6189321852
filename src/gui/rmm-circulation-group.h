/* rmm-circulation-group.h: a child's network and who holds which version of their plan,
 * on the child's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group shows; the page it sits on acts: its buttons are the page's actions
 * (item.add-to-network, item.remove-from-network, item.circulate, item.circulate-outdated).
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CIRCULATION_GROUP (rmm_circulation_group_get_type ())
G_DECLARE_FINAL_TYPE (RmmCirculationGroup, rmm_circulation_group, RMM, CIRCULATION_GROUP,
                      AdwPreferencesGroup)

void     rmm_circulation_group_show         (RmmCirculationGroup *self,
                                             RmmStore            *store,
                                             gint64               child_id,
                                             gboolean             has_plan);
guint    rmm_circulation_group_get_n_members (RmmCirculationGroup *self);
guint    rmm_circulation_group_get_n_outdated (RmmCirculationGroup *self);

G_END_DECLS
