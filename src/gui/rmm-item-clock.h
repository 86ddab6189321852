/* rmm-item-clock.h: how long the room has spent on each child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RMM_TYPE_ITEM_CLOCK (rmm_item_clock_get_type ())
G_DECLARE_FINAL_TYPE (RmmItemClock, rmm_item_clock, RMM, ITEM_CLOCK, GObject)

RmmItemClock *rmm_item_clock_new         (void);
void          rmm_item_clock_turn_to     (RmmItemClock *self,
                                          gint64        item_id);
gint64        rmm_item_clock_get_item    (RmmItemClock *self);
gint64        rmm_item_clock_get_seconds (RmmItemClock *self,
                                          gint64        item_id);
char         *rmm_item_clock_describe    (RmmItemClock *self,
                                          gint64        item_id,
                                          guint         time_box_minutes,
                                          gboolean     *over);

G_END_DECLS
