/* rmm-observer-row.c: an observer at a meeting, with the agency they come from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its bin button emits ::remove; the form it is on takes it away.
 */
#define G_LOG_DOMAIN "rmm-observer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-observer-row.h"

struct _RmmObserverRow
{
  AdwActionRow  parent_instance;

  char         *name;
  gint64        agency_id;
};

G_DEFINE_FINAL_TYPE (RmmObserverRow, rmm_observer_row, ADW_TYPE_ACTION_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_remove_clicked (RmmObserverRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
rmm_observer_row_finalize (GObject *object)
{
  RmmObserverRow *self = RMM_OBSERVER_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (rmm_observer_row_parent_class)->finalize (object);
}

static void
rmm_observer_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_OBSERVER_ROW);

  G_OBJECT_CLASS (rmm_observer_row_parent_class)->dispose (object);
}

static void
rmm_observer_row_class_init (RmmObserverRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_observer_row_dispose;
  object_class->finalize = rmm_observer_row_finalize;

  /* The chair asked to take the observer off the list. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-observer-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
rmm_observer_row_init (RmmObserverRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_observer_row_new (const char       *name,
                      const RmmNamedId *agency)
{
  RmmObserverRow *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (agency != NULL, NULL);

  self = g_object_new (RMM_TYPE_OBSERVER_ROW, "title", name, "subtitle", agency->name, NULL);
  self->name = g_strdup (name);
  self->agency_id = agency->id;
  return GTK_WIDGET (self);
}

const char *
rmm_observer_row_get_name (RmmObserverRow *self)
{
  g_return_val_if_fail (RMM_IS_OBSERVER_ROW (self), NULL);
  return self->name;
}

gint64
rmm_observer_row_get_agency_id (RmmObserverRow *self)
{
  g_return_val_if_fail (RMM_IS_OBSERVER_ROW (self), 0);
  return self->agency_id;
}
