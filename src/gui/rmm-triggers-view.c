/* rmm-triggers-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-triggers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-trigger-entry.h"
#include "rmm-triggers-view.h"

/* What the dropdown offers, in its order. */
enum {
  SHOW_OPEN,
  SHOW_OVERDUE,
  SHOW_ANSWERED,
  SHOW_ALL,
};

struct _RmmTriggersView
{
  GtkBox           parent_instance;

  RmmStore        *store;
  GListStore      *entries;
  GtkCustomFilter *filter;

  GtkLabel        *summary_label;
  GtkDropDown     *filter_dropdown;
  GtkColumnView   *column_view;
};

G_DEFINE_FINAL_TYPE (RmmTriggersView, rmm_triggers_view, GTK_TYPE_BOX)

static const RmmTextColumn columns[] = {
  { "status", N_("Status"), FALSE },
  { "reference", N_("Reference"), FALSE },
  { "child-name", N_("Child"), TRUE },
  { "area", N_("Area"), TRUE },
  { "rule", N_("Why"), TRUE },
  { "raised-on", N_("Raised"), FALSE },
  { "open-for", N_("Open For"), FALSE },
};

/* Overdue is the one thing nobody may miss; an answered trigger is history. */
static void
show_cell (GtkLabel   *label,
           GObject    *item,
           const char *property)
{
  RmmTriggerEntry *entry = RMM_TRIGGER_ENTRY (item);
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  if (g_str_equal (property, "open-for") && text != NULL)
    {
      /* The text sorts by its zero-padded days; people read the number. */
      const char *digits = text;

      while (*digits == '0' && digits[1] >= '0' && digits[1] <= '9')
        digits++;
      gtk_label_set_text (label, digits);
    }
  else
    gtk_label_set_text (label, text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (rmm_trigger_entry_get_overdue (entry))
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else if (!rmm_trigger_entry_get_open (entry))
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static gboolean
keep (gpointer item,
      gpointer user_data)
{
  RmmTriggersView *self = user_data;
  RmmTriggerEntry *entry = item;

  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case SHOW_OPEN: return rmm_trigger_entry_get_open (entry);
    case SHOW_OVERDUE: return rmm_trigger_entry_get_overdue (entry);
    case SHOW_ANSWERED: return !rmm_trigger_entry_get_open (entry);
    default: return TRUE;
    }
}

static void
on_filter_changed (RmmTriggersView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill (RmmTriggersView *self,
      GPtrArray       *triggers)
{
  RmmTriggerRules *rules = rmm_store_get_trigger_rules (self->store, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *summary = NULL;
  guint open = 0, overdue = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_list_store_remove_all (self->entries);
  for (guint i = 0; i < triggers->len; i++)
    {
      const RmmTrigger *trigger = g_ptr_array_index (triggers, i);
      const RmmTriggerRule *rule = rules ? rmm_trigger_rules_find (rules, trigger->rule_id) : NULL;
      g_autoptr(RmmTriggerEntry) entry =
        rmm_trigger_entry_new (trigger, rule ? rule->title
                                             : g_str_equal (trigger->rule_id, "manual")
                                               ? _("Raised by hand") : NULL, &today);

      open += trigger->open;
      overdue += trigger->overdue;
      g_list_store_append (self->entries, entry);
    }
  summary = g_strdup_printf (_("%u open, %u of them overdue · %u answered"), open, overdue,
                             triggers->len - open);
  gtk_label_set_text (self->summary_label, summary);
}

void
rmm_triggers_view_load (RmmTriggersView *self,
                        RmmStore        *store)
{
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RMM_IS_TRIGGERS_VIEW (self));

  g_set_object (&self->store, store);
  if (!(triggers = rmm_store_list_triggers (store, 0, FALSE, &error)))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  fill (self, triggers);
}

static void
rmm_triggers_view_dispose (GObject *object)
{
  RmmTriggersView *self = RMM_TRIGGERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_TRIGGERS_VIEW);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_triggers_view_parent_class)->dispose (object);
}

static void
rmm_triggers_view_class_init (RmmTriggersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_triggers_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-triggers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmTriggersView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RmmTriggersView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RmmTriggersView, column_view);
}

static void
rmm_triggers_view_init (RmmTriggersView *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (RMM_TYPE_TRIGGER_ENTRY);
  self->filter = gtk_custom_filter_new (keep, self, NULL);
  rmm_column_view_add_text_columns (self->column_view, RMM_TYPE_TRIGGER_ENTRY, columns,
                                    G_N_ELEMENTS (columns), show_cell);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                        GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
}
