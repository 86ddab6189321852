/* rmm-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-preferences-window"

#include "config.h"

#include "rmm-preferences-window.h"

struct _RmmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *time_box_spin;
  AdwComboRow          *order_row;
};

G_DEFINE_FINAL_TYPE (RmmPreferencesWindow, rmm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_order_selected (RmmPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "agenda-order", adw_combo_row_get_selected (self->order_row));
}

static void
rmm_preferences_window_dispose (GObject *object)
{
  RmmPreferencesWindow *self = RMM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rmm_preferences_window_parent_class)->dispose (object);
}

static void
rmm_preferences_window_class_init (RmmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, time_box_spin);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, order_row);
}

static void
rmm_preferences_window_init (RmmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmPreferencesWindow *
rmm_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  RmmPreferencesWindow *self = g_object_new (RMM_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "agenda-time-box",
                   gtk_spin_button_get_adjustment (self->time_box_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_combo_row_set_selected (self->order_row, g_settings_get_enum (settings, "agenda-order"));
  g_signal_connect_object (self->order_row, "notify::selected", G_CALLBACK (on_order_selected),
                           self, G_CONNECT_SWAPPED);
  return self;
}
