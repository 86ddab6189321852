/* rmm-cse-list-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-cse-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-circulate-dialog.h"
#include "rmm-cse-list-view.h"
#include "rmm-dates.h"
#include "rmm-documents.h"
#include "rmm-gui-utils.h"
#include "rmm-preview.h"

struct _RmmCseListView
{
  GtkBox          parent_instance;

  RmmStore       *store;
  GDate           day;

  GtkLabel       *date_label;
  GtkLabel       *summary_label;
  GtkColumnView  *column_view;
};

G_DEFINE_FINAL_TYPE (RmmCseListView, rmm_cse_list_view, GTK_TYPE_BOX)

static const RmmTextColumn columns[] = {
  { "reference", N_("Reference"), FALSE },
  { "last-name", N_("Last Name"), TRUE },
  { "first-name", N_("First Name"), TRUE },
  { "area-name", N_("Area"), TRUE },
  { "rating-label", N_("Rating"), TRUE },
  { "change-text", N_("Since a Week Before"), FALSE },
};

/* The change column says it in words, and a removal or a rise stands out. */
static void
show_cell (GtkLabel   *label,
           GObject    *item,
           const char *property)
{
  RmmCseEntry *entry = RMM_CSE_ENTRY (item);
  RmmCseChange change = rmm_cse_entry_get_change (entry);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (g_str_equal (property, "change-text"))
    {
      text = g_strdup (rmm_cse_change_label (change));
      if (change == RMM_CSE_CHANGE_UP || change == RMM_CSE_CHANGE_ADDED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    g_object_get (item, property, &text, NULL);
  if (change == RMM_CSE_CHANGE_REMOVED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_label_set_text (label, text ? text : "");
}

static void
summarise (RmmCseListView *self,
           GListModel     *entries)
{
  guint counts[RMM_CSE_N_CHANGES];
  guint n = g_list_model_get_n_items (entries);
  g_autofree char *summary = NULL;
  g_autofree char *listed = NULL;

  rmm_cse_entries_count_changes (entries, counts);
  listed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child on the list",
                                         "%u children on the list",
                                         n - counts[RMM_CSE_CHANGE_REMOVED]),
                            n - counts[RMM_CSE_CHANGE_REMOVED]);
  /* TRANSLATORS: "12 children on the list · 1 added, 0 removed, …" */
  summary = g_strdup_printf (_("%s · %u added, %u removed, %u rated up, %u rated down since a "
                               "week before"), listed, counts[RMM_CSE_CHANGE_ADDED],
                             counts[RMM_CSE_CHANGE_REMOVED], counts[RMM_CSE_CHANGE_UP],
                             counts[RMM_CSE_CHANGE_DOWN]);
  gtk_label_set_text (self->summary_label, summary);
}

static void
show_day (RmmCseListView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  char date[64], label[96];

  g_date_strftime (date, sizeof date, "%-d %B %Y", &self->day);
  g_snprintf (label, sizeof label, _("As of %s"), date);
  gtk_label_set_text (self->date_label, label);
  if (self->store == NULL)
    return;
  if (!(entries = rmm_store_list_cse (self->store, &self->day, &error)))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  summarise (self, entries);
  sorted = gtk_sort_list_model_new (g_object_ref (entries),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

static void
set_today (RmmCseListView *self)
{
  rmm_date_set_today (&self->day);
}

static void
action_previous_week (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (widget);

  g_date_subtract_days (&self->day, 7);
  show_day (self);
}

static void
action_next_week (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (widget);

  g_date_add_days (&self->day, 7);
  show_day (self);
}

/* The list of the week shown, with names or anonymised for a wider circulation. */
static void
action_pdf (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (widget);
  RmmDocumentOptions options = { NULL, g_variant_get_boolean (parameter), FALSE,
                                 rmm_settings_get_documents_language () };
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = rmm_date_format (&self->day);
  g_autofree char *file_name = g_strdup_printf (options.anonymised ? "cse-list-%s-anonymised.pdf"
                                                                   : "cse-list-%s.pdf", day);

  document = rmm_cse_list_document_new (self->store, &self->day, &options, &error);
  rmm_preview_show (widget, document, error, file_name);
}

/* The list of the week shown, named, to its distribution: the dialog says who, and how. */
static void
action_circulate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (widget);
  g_autoptr(GError) error = NULL;
  RmmCirculateDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = rmm_circulate_dialog_new_for_cse_list (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  self->store, &self->day, &error);
  if (dialog == NULL)
    rmm_show_message (widget, _("Nothing to Circulate"), error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_today (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (widget);

  set_today (self);
  show_day (self);
}

void
rmm_cse_list_view_load (RmmCseListView *self,
                        RmmStore       *store)
{
  gboolean may_circulate;

  g_return_if_fail (RMM_IS_CSE_LIST_VIEW (self));

  g_set_object (&self->store, store);
  /* On a server, a chair or administrator of any area sends the list: to anyone else the
   * button says so rather than failing at Send. */
  may_circulate = store != NULL && rmm_store_holds_right_anywhere (store, RMM_RIGHT_CIRCULATE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cse.circulate", may_circulate);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "cse.circulate",
                              may_circulate ? NULL
                              : _("Only an administrator or a chair circulates the CSE list."));
  show_day (self);
}

static void
rmm_cse_list_view_dispose (GObject *object)
{
  RmmCseListView *self = RMM_CSE_LIST_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CSE_LIST_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_cse_list_view_parent_class)->dispose (object);
}

static void
rmm_cse_list_view_class_init (RmmCseListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_cse_list_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-cse-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmCseListView, date_label);
  gtk_widget_class_bind_template_child (widget_class, RmmCseListView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RmmCseListView, column_view);

  gtk_widget_class_install_action (widget_class, "cse.previous-week", NULL, action_previous_week);
  gtk_widget_class_install_action (widget_class, "cse.next-week", NULL, action_next_week);
  gtk_widget_class_install_action (widget_class, "cse.today", NULL, action_today);
  gtk_widget_class_install_action (widget_class, "cse.pdf", "b", action_pdf);
  gtk_widget_class_install_action (widget_class, "cse.circulate", NULL, action_circulate);
}

static void
rmm_cse_list_view_init (RmmCseListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->day, 1);
  set_today (self);
  rmm_column_view_add_text_columns (self->column_view, RMM_TYPE_CSE_ENTRY, columns,
                                    G_N_ELEMENTS (columns), show_cell);
}

GtkWidget *
rmm_cse_list_view_new (void)
{
  return g_object_new (RMM_TYPE_CSE_LIST_VIEW, NULL);
}
