/* rmm-preferences-window.c: the agenda's time-box and order; the documents' marking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-documents.h"
#include "rmm-gui-utils.h"
#include "rmm-preferences-window.h"

struct _RmmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  RmmStore             *store;

  GtkSpinButton        *time_box_spin;
  AdwComboRow          *order_row;
  GtkWidget            *documents_group;
  AdwEntryRow          *marking_row;
};

G_DEFINE_FINAL_TYPE (RmmPreferencesWindow, rmm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_order_selected (RmmPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "agenda-order", adw_combo_row_get_selected (self->order_row));
}

/* The marking belongs to the database, so rmmctl and every laptop on it print the same. */
static void
on_marking_apply (RmmPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->marking_row));
  g_autofree char *marking = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (!rmm_store_set_info (self->store, RMM_MARKING_INFO_KEY, marking, &error))
    rmm_show_message (GTK_WIDGET (self), _("The Marking Was Not Changed"), error->message);
}

static void
rmm_preferences_window_dispose (GObject *object)
{
  RmmPreferencesWindow *self = RMM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

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
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, marking_row);
  gtk_widget_class_bind_template_callback (widget_class, on_marking_apply);
}

static void
rmm_preferences_window_init (RmmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rmm_preferences_window_new:
 * @store: (nullable): the open database, whose documents' marking is shown; none, none
 */
RmmPreferencesWindow *
rmm_preferences_window_new (GtkWindow *parent,
                            GSettings *settings,
                            RmmStore  *store)
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
  if (store != NULL)
    {
      g_autofree char *marking = rmm_store_get_info (store, RMM_MARKING_INFO_KEY);

      self->store = g_object_ref (store);
      gtk_editable_set_text (GTK_EDITABLE (self->marking_row), marking ? marking : "");
    }
  gtk_widget_set_visible (self->documents_group, store != NULL);
  return self;
}
