/* rmm-distribution-group.c: who the weekly CSE list goes to, kept in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per professional on the list's distribution (their agency and address under their
 * name, a button to take them off), then their agency and name chosen to add someone. On a
 * server only the chairs and administrators change it; others see who it goes to.
 */
#define G_LOG_DOMAIN "rmm-distribution-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-distribution-group.h"
#include "rmm-gui-utils.h"

struct _RmmDistributionGroup
{
  AdwPreferencesGroup  parent_instance;

  RmmStore            *store;
  gboolean             may_change;
  GPtrArray           *rows;            /* one per recipient, taken out on each show */
  GPtrArray           *agencies;        /* RmmNamedId */
  GPtrArray           *professionals;   /* RmmNamedId, of the agency chosen */
  AdwComboRow         *agency_row;
  AdwComboRow         *professional_row;
  GtkWidget           *add_row;
};

G_DEFINE_FINAL_TYPE (RmmDistributionGroup, rmm_distribution_group, ADW_TYPE_PREFERENCES_GROUP)

static void show_distribution (RmmDistributionGroup *self);

static void
on_remove_clicked (GtkButton            *button,
                   RmmDistributionGroup *self)
{
  gint64 place = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "place"));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!rmm_store_remove_from_cse_distribution (self->store, place, &error))
    rmm_show_message (GTK_WIDGET (self), _("Not Changed"), error->message);
  show_distribution (self);
}

static void
on_add_activated (RmmDistributionGroup *self)
{
  gint64 professional = rmm_combo_row_get_id (self->professional_row, self->professionals, 0);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (professional == 0)
    rmm_show_message (GTK_WIDGET (self), _("Not Changed"),
                      _("Choose the professional: their agency first, then their name."));
  else if (!rmm_store_add_to_cse_distribution (self->store, professional, &error))
    rmm_show_message (GTK_WIDGET (self), _("Not Changed"), error->message);
  show_distribution (self);
}

static GtkWidget *
recipient_row (RmmDistributionGroup   *self,
               const RmmNetworkMember *member)
{
  g_autofree char *label = g_strdup_printf (_("Stop sending the list to %s"), member->name);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = rmm_remove_button_new (label);

  /* TRANSLATORS: under a recipient's name: "Ashdown Constabulary · jo@police.example" */
  subtitle = g_strdup_printf (_("%s · %s"), member->agency,
                              *member->email ? member->email : _("no email address recorded"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_sensitive (button, self->may_change);
  g_object_set_data (G_OBJECT (button), "place", GSIZE_TO_POINTER (member->id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The distribution as the database keeps it, before the rows that add someone. */
static void
show_distribution (RmmDistributionGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) distribution = rmm_store_list_cse_distribution (self->store, &error);
  GtkWidget *adding[] = { GTK_WIDGET (self->agency_row), GTK_WIDGET (self->professional_row),
                          self->add_row };

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (adding); i++)
    {
      g_object_ref (adding[i]);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), adding[i]);
    }
  for (guint i = 0; distribution != NULL && i < distribution->len; i++)
    g_ptr_array_add (self->rows, recipient_row (self, g_ptr_array_index (distribution, i)));
  if (distribution == NULL || distribution->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     distribution ? _("The list goes to no one yet")
                                                  : error->message);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < G_N_ELEMENTS (adding); i++)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), adding[i]);
      g_object_unref (adding[i]);
    }
}

static void
on_agency_changed (RmmDistributionGroup *self)
{
  gint64 agency = rmm_combo_row_get_id (self->agency_row, self->agencies, 0);
  g_autoptr(GListModel) names = NULL;

  g_clear_pointer (&self->professionals, g_ptr_array_unref);
  self->professionals = agency ? rmm_store_list_professionals (self->store, agency, NULL) : NULL;
  names = rmm_named_ids_model (self->professionals, NULL);
  adw_combo_row_set_model (self->professional_row, names);
}

/* The database is let go with the window: a preferences group outlives its window in
 * libadwaita 1.2 (nothing disposes it), and must not keep the database open after it. */
static void
rmm_distribution_group_unroot (GtkWidget *widget)
{
  g_clear_object (&RMM_DISTRIBUTION_GROUP (widget)->store);
  GTK_WIDGET_CLASS (rmm_distribution_group_parent_class)->unroot (widget);
}

static void
rmm_distribution_group_dispose (GObject *object)
{
  RmmDistributionGroup *self = RMM_DISTRIBUTION_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->professionals, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_distribution_group_parent_class)->dispose (object);
}

static void
rmm_distribution_group_class_init (RmmDistributionGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_distribution_group_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = rmm_distribution_group_unroot;
}

static void
rmm_distribution_group_init (RmmDistributionGroup *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("CSE List Distribution"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    _("The county-wide CSE list names every child on it, in every area: it is circulated "
      "only to these professionals, each at the address on record for them."));
  self->agency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->agency_row), _("Agency"));
  self->professional_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->professional_row),
                                 _("Professional"));
  self->add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                 _("Send the List to Them Too"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to the CSE list’s distribution"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->add_row), button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->agency_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->professional_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

/**
 * rmm_distribution_group_load:
 * @store: the open database
 *
 * Shows who the list goes to, and lets a chair or administrator change it.
 */
void
rmm_distribution_group_load (RmmDistributionGroup *self,
                             RmmStore             *store)
{
  g_return_if_fail (RMM_IS_DISTRIBUTION_GROUP (self));
  g_return_if_fail (RMM_IS_STORE (store) && self->store == NULL);

  self->store = g_object_ref (store);
  /* On a server, the chairs and administrators keep it, as they keep the domains. */
  self->may_change = rmm_store_holds_right_anywhere (store, RMM_RIGHT_CIRCULATE);
  gtk_widget_set_visible (GTK_WIDGET (self->agency_row), self->may_change);
  gtk_widget_set_visible (GTK_WIDGET (self->professional_row), self->may_change);
  gtk_widget_set_visible (self->add_row, self->may_change);
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row, store, NULL);
  g_signal_connect_object (self->agency_row, "notify::selected",
                           G_CALLBACK (on_agency_changed), self, G_CONNECT_SWAPPED);
  on_agency_changed (self);
  show_distribution (self);
}
