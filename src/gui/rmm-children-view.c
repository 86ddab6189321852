/* rmm-children-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over a filter and a sort model: only the rows on screen have widgets, so
 * 20,000 children scroll as smoothly as 20.
 */
#define G_LOG_DOMAIN "rmm-children-view"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "rmm-children-view.h"
#include "rmm-gui-utils.h"
#include "rmm-framework.h"

struct _RmmChildrenView
{
  GtkBox              parent_instance;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *needle;        /* casefolded search text */

  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (RmmChildrenView, rmm_children_view, GTK_TYPE_BOX)

static const RmmTextColumn columns[] = {
  { "reference", N_("Reference"), FALSE },
  { "last-name", N_("Last Name"), TRUE },
  { "first-name", N_("First Name"), TRUE },
  { "date-of-birth", N_("Born"), FALSE },
  { "area-name", N_("Area"), TRUE },
  { "school", N_("School"), TRUE },
  { "rating-label", N_("Rating"), FALSE },
};

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack ? haystack : "", -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
match_child (gpointer item,
             gpointer user_data)
{
  RmmChildrenView *self = user_data;
  RmmChild *child = item;
  g_autofree char *full_name = NULL;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  full_name = g_strdup_printf ("%s %s", rmm_child_get_first_name (child),
                               rmm_child_get_last_name (child));
  return contains (full_name, self->needle) ||
         contains (rmm_child_get_reference (child), self->needle) ||
         contains (rmm_child_get_school (child), self->needle);
}

static void
update_count (RmmChildrenView *self)
{
  guint shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child",
                                                        "%u children", shown), shown);

  gtk_label_set_text (self->count_label, text);
}

static void
on_search_changed (RmmChildrenView *self,
                   GtkSearchEntry  *entry)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* (Re)load every child of every area. */
void
rmm_children_view_load (RmmChildrenView *self,
                        RmmStore        *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) children = NULL;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  g_return_if_fail (RMM_IS_CHILDREN_VIEW (self));

  if (!(children = rmm_store_list_children (store, 0, &error)))
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  self->filtered = gtk_filter_list_model_new (g_steal_pointer (&children),
                                              GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_count (self);
}

void
rmm_children_view_focus_search (RmmChildrenView *self)
{
  g_return_if_fail (RMM_IS_CHILDREN_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rmm_children_view_dispose (GObject *object)
{
  RmmChildrenView *self = RMM_CHILDREN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CHILDREN_VIEW);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->needle, g_free);
  self->filtered = NULL;

  G_OBJECT_CLASS (rmm_children_view_parent_class)->dispose (object);
}

static void
rmm_children_view_class_init (RmmChildrenViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_children_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-children-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmChildrenView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RmmChildrenView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RmmChildrenView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
}

static void
rmm_children_view_init (RmmChildrenView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (match_child, self, NULL);
  rmm_column_view_add_text_columns (self->column_view, RMM_TYPE_CHILD, columns,
                                    G_N_ELEMENTS (columns), NULL);
  /* Alphabetical by last name to start with, as a list of people is read. */
  {
    g_autoptr(GtkColumnViewColumn) last_name =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 1);
    gtk_column_view_sort_by_column (self->column_view, last_name, GTK_SORT_ASCENDING);
  }
}

GtkWidget *
rmm_children_view_new (void)
{
  return g_object_new (RMM_TYPE_CHILDREN_VIEW, NULL);
}
