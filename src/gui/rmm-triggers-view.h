/* rmm-triggers-view.h: strategy-discussion triggers across areas: open, overdue, answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_TRIGGERS_VIEW (rmm_triggers_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmTriggersView, rmm_triggers_view, RMM, TRIGGERS_VIEW, GtkBox)

void rmm_triggers_view_load (RmmTriggersView *self,
                             RmmStore        *store);

G_END_DECLS
