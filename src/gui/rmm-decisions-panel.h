/* rmm-decisions-panel.h: the chairs' decisions on a child's page, and where each stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The risk rating, the lead agency, the safety plan and closure: what stands, what waits
 * for which chair. The panel says what the chairs asked for (::decide, ::write-plan,
 * ::plan-pdf); the page it sits on does it.
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_DECISIONS_PANEL (rmm_decisions_panel_get_type ())
G_DECLARE_FINAL_TYPE (RmmDecisionsPanel, rmm_decisions_panel, RMM, DECISIONS_PANEL,
                      AdwPreferencesGroup)

void rmm_decisions_panel_set_store        (RmmDecisionsPanel  *self,
                                           RmmStore           *store);
void rmm_decisions_panel_set_meeting      (RmmDecisionsPanel  *self,
                                           RmmMeeting         *meeting);
void rmm_decisions_panel_set_framework_id (RmmDecisionsPanel  *self,
                                           const char         *framework_id);
void rmm_decisions_panel_show_facts       (RmmDecisionsPanel  *self,
                                           const RmmItemFacts *facts);

G_END_DECLS
