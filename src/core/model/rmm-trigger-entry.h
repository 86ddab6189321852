/* rmm-trigger-entry.h: a strategy-discussion trigger as a row of the triggers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_TRIGGER_ENTRY (rmm_trigger_entry_get_type ())
G_DECLARE_FINAL_TYPE (RmmTriggerEntry, rmm_trigger_entry, RMM, TRIGGER_ENTRY, GObject)

RmmTriggerEntry *rmm_trigger_entry_new         (const RmmTrigger *trigger,
                                                const char       *rule_title,
                                                const GDate      *today);
gboolean         rmm_trigger_entry_get_open    (RmmTriggerEntry  *self);
gboolean         rmm_trigger_entry_get_overdue (RmmTriggerEntry  *self);

G_END_DECLS
