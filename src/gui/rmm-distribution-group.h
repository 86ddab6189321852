/* rmm-distribution-group.h: who the weekly CSE list goes to, kept in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_DISTRIBUTION_GROUP (rmm_distribution_group_get_type ())
G_DECLARE_FINAL_TYPE (RmmDistributionGroup, rmm_distribution_group, RMM, DISTRIBUTION_GROUP,
                      AdwPreferencesGroup)

void rmm_distribution_group_load (RmmDistributionGroup *self,
                                  RmmStore             *store);

G_END_DECLS
