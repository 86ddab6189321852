/* rmm-preferences-window.c: the agenda's time-box and order, the projector's screen, the
 * documents' language and marking, and the domains documents may be emailed to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-distribution-group.h"
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
  AdwComboRow          *projector_row;
  AdwComboRow          *language_row;
  GPtrArray            *connectors;     /* of the projector row's choices; "" first */
  GtkWidget            *documents_group;
  AdwEntryRow          *marking_row;
  AdwPreferencesGroup  *domains_group;
  AdwEntryRow          *domain_row;
  RmmDistributionGroup *distribution_group;
  GPtrArray            *domain_rows;    /* one per allowed domain, taken out on each show */
  gboolean              may_change_domains;
};

G_DEFINE_FINAL_TYPE (RmmPreferencesWindow, rmm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_order_selected (RmmPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "agenda-order", adw_combo_row_get_selected (self->order_row));
}

/* The rows of the documents language, in the settings' words. */
static const char * const documents_languages[] = { "area", "en", "cy", "both" };

static void
on_language_selected (RmmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < G_N_ELEMENTS (documents_languages))
    g_settings_set_string (self->settings, "documents-language", documents_languages[selected]);
}

static void
show_documents_language (RmmPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "documents-language");

  for (guint i = 0; i < G_N_ELEMENTS (documents_languages); i++)
    if (g_str_equal (language, documents_languages[i]))
      adw_combo_row_set_selected (self->language_row, i);
}

static void
on_projector_selected (RmmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->projector_row);

  if (selected < self->connectors->len)
    g_settings_set_string (self->settings, "projector-monitor",
                           g_ptr_array_index (self->connectors, selected));
}

/* "Automatic", then each screen connected now, by make and connector; a remembered screen
 * that is not connected stays chosen, by name. */
static void
fill_projector_row (RmmPreferencesWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_settings_get_string (self->settings, "projector-monitor");
  guint selected = 0;

  self->connectors = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Automatic"));
  g_ptr_array_add (self->connectors, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);
      const char *model = gdk_monitor_get_model (monitor);
      GdkRectangle geometry;
      g_autofree char *label = NULL;

      if (connector == NULL)
        continue;
      gdk_monitor_get_geometry (monitor, &geometry);
      label = g_strdup_printf (_("%s (%s, %d × %d)"), model ? model : _("Screen"), connector,
                               geometry.width, geometry.height);
      if (g_str_equal (connector, chosen))
        selected = self->connectors->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->connectors, g_strdup (connector));
    }
  if (*chosen != '\0' && selected == 0)
    {
      g_autofree char *label = g_strdup_printf (_("%s (not connected)"), chosen);

      selected = self->connectors->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->connectors, g_strdup (chosen));
    }
  adw_combo_row_set_model (self->projector_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->projector_row, selected);
  g_signal_connect_object (self->projector_row, "notify::selected",
                           G_CALLBACK (on_projector_selected), self, G_CONNECT_SWAPPED);
}

/* The marking belongs to the database, so rmmctl and every laptop on it print the same. */
static void
on_marking_apply (RmmPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->marking_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *marking = rmm_document_check_marking (text, &error);

  if (marking == NULL || !rmm_store_set_info (self->store, RMM_MARKING_INFO_KEY, marking, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Marking Was Not Changed"), error->message);
      return;
    }
  /* As it will print: trimmed; blank shows the default's placeholder again. */
  gtk_editable_set_text (GTK_EDITABLE (self->marking_row), marking);
}

static void show_domains (RmmPreferencesWindow *self);

static gboolean
change_domain (RmmPreferencesWindow *self,
               const char           *domain,
               gboolean              allow)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = allow ? rmm_store_allow_domain (self->store, domain, &error)
                           : rmm_store_disallow_domain (self->store, domain, &error);

  if (!changed)
    rmm_show_message (GTK_WIDGET (self), _("The Domains Were Not Changed"), error->message);
  show_domains (self);
  return changed;
}

static void
on_disallow_clicked (GtkButton            *button,
                     RmmPreferencesWindow *self)
{
  change_domain (self, g_object_get_data (G_OBJECT (button), "domain"), FALSE);
}

static void
on_domain_apply (RmmPreferencesWindow *self)
{
  g_autofree char *domain = g_strstrip (g_strdup (gtk_editable_get_text (
                                                    GTK_EDITABLE (self->domain_row))));

  /* Refused, it stays to be corrected. */
  if (change_domain (self, domain, TRUE))
    gtk_editable_set_text (GTK_EDITABLE (self->domain_row), "");
}

static GtkWidget *
domain_row (RmmPreferencesWindow *self,
            const char           *domain)
{
  g_autofree char *label = g_strdup_printf (_("Stop allowing %s"), domain);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = rmm_remove_button_new (label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), domain);
  gtk_widget_set_sensitive (button, self->may_change_domains);
  g_object_set_data_full (G_OBJECT (button), "domain", g_strdup (domain), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_disallow_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The allowed domains as the database keeps them, before the row that adds one. */
static void
show_domains (RmmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) domains = rmm_store_list_allowed_domains (self->store, &error);

  for (guint i = 0; i < self->domain_rows->len; i++)
    adw_preferences_group_remove (self->domains_group, g_ptr_array_index (self->domain_rows, i));
  g_ptr_array_set_size (self->domain_rows, 0);
  /* The entry row goes last again: rows are added after it. */
  g_object_ref (self->domain_row);
  adw_preferences_group_remove (self->domains_group, GTK_WIDGET (self->domain_row));
  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    {
      GtkWidget *row = domain_row (self, domains[i]);

      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
    }
  if (domains == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
    }
  adw_preferences_group_add (self->domains_group, GTK_WIDGET (self->domain_row));
  g_object_unref (self->domain_row);
}

static void
rmm_preferences_window_dispose (GObject *object)
{
  RmmPreferencesWindow *self = RMM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->connectors, g_ptr_array_unref);
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_preferences_window_parent_class)->dispose (object);
}

static void
rmm_preferences_window_class_init (RmmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_preferences_window_dispose;

  g_type_ensure (RMM_TYPE_DISTRIBUTION_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, time_box_spin);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, order_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, projector_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, marking_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, domains_group);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, domain_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPreferencesWindow, distribution_group);
  gtk_widget_class_bind_template_callback (widget_class, on_marking_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_domain_apply);
}

static void
rmm_preferences_window_init (RmmPreferencesWindow *self)
{
  self->domain_rows = g_ptr_array_new ();
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
  show_documents_language (self);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);
  fill_projector_row (self);
  if (store != NULL)
    {
      g_autofree char *marking = rmm_store_get_info (store, RMM_MARKING_INFO_KEY);

      self->store = g_object_ref (store);
      gtk_editable_set_text (GTK_EDITABLE (self->marking_row), marking ? marking : "");
      /* On a server, the marking every laptop prints is the chairs' to set. */
      if (!rmm_store_holds_right_anywhere (store, RMM_RIGHT_DECIDE))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->marking_row), FALSE);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->marking_row),
                                       _("Only a chair sets the protective marking every "
                                         "document of this database carries."));
        }
      /* On a server, the chairs and administrators keep the domains. */
      self->may_change_domains = rmm_store_holds_right_anywhere (store, RMM_RIGHT_CIRCULATE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->domain_row), self->may_change_domains);
      show_domains (self);
      rmm_distribution_group_load (self->distribution_group, store);
    }
  gtk_widget_set_visible (self->documents_group, store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->domains_group), store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->distribution_group), store != NULL);
  return self;
}
