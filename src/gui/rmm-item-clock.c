/* rmm-item-clock.c: how long the room has spent on each child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One clock per meeting window: it runs for the child the chair has turned to, from the
 * moment the room turns there (not from when a projector happened to follow), keeps what
 * each child was given when the room moves on, and resumes it on return. The chair's page
 * and the projector read the same clock, so they never disagree; "tick" fires every second
 * while a child is on show.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-item-clock.h"

struct _RmmItemClock
{
  GObject     parent_instance;

  GHashTable *spent;         /* item id → microseconds before the current showing (gint64 *) */
  gint64      item_id;       /* on show, or 0 */
  gint64      since;         /* monotonic time it came on show */
  guint       tick_source;
};

G_DEFINE_FINAL_TYPE (RmmItemClock, rmm_item_clock, G_TYPE_OBJECT)

enum { TICK, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
tick (gpointer user_data)
{
  g_signal_emit (user_data, signals[TICK], 0);
  return G_SOURCE_CONTINUE;
}

static void
rmm_item_clock_finalize (GObject *object)
{
  RmmItemClock *self = RMM_ITEM_CLOCK (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_hash_table_unref (self->spent);
  G_OBJECT_CLASS (rmm_item_clock_parent_class)->finalize (object);
}

static void
rmm_item_clock_class_init (RmmItemClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_item_clock_finalize;
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
}

static void
rmm_item_clock_init (RmmItemClock *self)
{
  self->spent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static gint64
spent_microseconds (RmmItemClock *self,
                    gint64        item_id)
{
  gint64 *before = g_hash_table_lookup (self->spent, &item_id);
  gint64 spent = before ? *before : 0;

  if (item_id != 0 && item_id == self->item_id)
    spent += g_get_monotonic_time () - self->since;
  return spent;
}

RmmItemClock *
rmm_item_clock_new (void)
{
  return g_object_new (RMM_TYPE_ITEM_CLOCK, NULL);
}

/* The room turns to @item_id (0: to the agenda): the child on show keeps the time spent. */
void
rmm_item_clock_turn_to (RmmItemClock *self,
                        gint64        item_id)
{
  g_return_if_fail (RMM_IS_ITEM_CLOCK (self));

  if (item_id == self->item_id)
    return;
  if (self->item_id != 0)
    {
      gint64 spent = spent_microseconds (self, self->item_id);

      g_hash_table_replace (self->spent, g_memdup2 (&self->item_id, sizeof self->item_id),
                            g_memdup2 (&spent, sizeof spent));
    }
  self->item_id = item_id;
  self->since = g_get_monotonic_time ();
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (item_id != 0)
    self->tick_source = g_timeout_add_seconds (1, tick, self);
  g_signal_emit (self, signals[TICK], 0);
}

gint64
rmm_item_clock_get_item (RmmItemClock *self)
{
  g_return_val_if_fail (RMM_IS_ITEM_CLOCK (self), 0);
  return self->item_id;
}

/* Whole seconds spent on @item_id so far, this showing included. */
gint64
rmm_item_clock_get_seconds (RmmItemClock *self,
                            gint64        item_id)
{
  g_return_val_if_fail (RMM_IS_ITEM_CLOCK (self), 0);
  return spent_microseconds (self, item_id) / G_USEC_PER_SEC;
}

/* "3:05 left", or "0:40 over" (and @over set) against a time-box of @time_box_minutes. */
char *
rmm_item_clock_describe (RmmItemClock *self,
                         gint64        item_id,
                         guint         time_box_minutes,
                         gboolean     *over)
{
  gint64 left = (gint64)time_box_minutes * 60 - rmm_item_clock_get_seconds (self, item_id);
  guint magnitude = (guint)MIN (ABS (left), G_MAXUINT);

  if (over != NULL)
    *over = left < 0;
  if (left >= 0)
    return g_strdup_printf (_("%u:%02u left"), magnitude / 60, magnitude % 60);
  return g_strdup_printf (_("%u:%02u over"), magnitude / 60, magnitude % 60);
}
