/* rmm-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-gui-utils.h"
#include "rmm-import-dialog.h"
#include "rmm-referral-import.h"

struct _RmmImportDialog
{
  AdwWindow          parent_instance;

  RmmStore          *store;
  RmmReferralImport *import;
  GtkFileChooserNative *chooser;

  GtkStack          *stack;
  GtkWidget         *import_button;
  GtkLabel          *summary_label;
  GtkListBox        *row_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox        *problem_list;
};

G_DEFINE_FINAL_TYPE (RmmImportDialog, rmm_import_dialog, ADW_TYPE_WINDOW)

/* Rows listed in the preview; the summary counts them all. */
#define MAX_LISTED_ROWS 1000

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_problems (RmmImportDialog *self,
               const char      *file_name,
               GPtrArray       *problems,
               guint            n_problems)
{
  g_autofree char *description =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "%s has %u problem. Correct it in the spreadsheet, save it "
                                  "as CSV again, and choose it again.",
                                  "%s has %u problems. Correct them in the spreadsheet, save "
                                  "it as CSV again, and choose it again.", n_problems),
                     file_name, n_problems);

  rmm_list_box_remove_all (self->problem_list);
  adw_preferences_group_set_description (self->problems_group, description);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problem_list, text_row (g_ptr_array_index (problems, i), NULL));
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "problems");
}

static const char *
row_status (const RmmImportRow *row)
{
  if (row->duplicate)
    return _("already recorded, skipped");
  if (row->child_id == 0)
    return row->repeat ? _("new child, repeat referral") : _("new child");
  return row->repeat ? _("known child, repeat referral") : _("known child");
}

static void
show_preview (RmmImportDialog *self,
              const char      *file_name)
{
  g_auto(GStrv) agencies = rmm_referral_import_dup_new_agencies (self->import);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *counts = rmm_referral_import_describe (self->import, file_name, FALSE);
  guint n_new = rmm_referral_import_count_new (self->import);
  guint n_rows = rmm_referral_import_get_n_rows (self->import);

  g_string_append (summary, counts);
  if (agencies[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", agencies);
      g_string_append_printf (summary, _(" New agencies: %s."), list);
    }
  gtk_label_set_text (self->summary_label, summary->str);

  rmm_list_box_remove_all (self->row_list);
  /* A row each for a big file would take longer to build than the file to read. */
  for (guint i = 0; i < MIN (n_rows, MAX_LISTED_ROWS); i++)
    {
      const RmmImportRow *row = rmm_referral_import_get_row (self->import, i);
      g_autofree char *title = g_strdup_printf ("%s %s (%s)", row->first_name, row->last_name,
                                                row->child_ref);
      g_autofree char *received = rmm_time_format_uk (row->received_at, "%-d %b %Y %H:%M");
      g_autofree char *subtitle = g_strdup_printf (_("Line %u · %s · received %s · %s"),
                                                   row->line, row->area, received,
                                                   row_status (row));

      gtk_list_box_append (self->row_list, text_row (title, subtitle));
    }
  if (n_rows > MAX_LISTED_ROWS)
    {
      guint rest = n_rows - MAX_LISTED_ROWS;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more referral",
                                                            "and %u more referrals", rest),
                                               rest);

      gtk_list_box_append (self->row_list, text_row (more, NULL));
    }
  gtk_widget_set_sensitive (self->import_button, n_new > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* Read and check the whole file; nothing is written until Import. */
void
rmm_import_dialog_load_file (RmmImportDialog *self,
                             GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);

  g_return_if_fail (RMM_IS_IMPORT_DIALOG (self));

  g_clear_object (&self->import);
  self->import = rmm_referral_import_new (self->store, name);
  if (!rmm_referral_import_read_file (self->import, file, NULL, NULL))
    show_problems (self, name, rmm_referral_import_get_problems (self->import),
                   rmm_referral_import_get_n_problems (self->import));
  else
    show_preview (self, name);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     RmmImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      rmm_import_dialog_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
action_choose (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RmmImportDialog *self = RMM_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Referrals CSV File"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
action_commit (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RmmImportDialog *self = RMM_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_added;

  if (self->import == NULL)
    return;
  if (!rmm_referral_import_commit (self->import, &error))
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new ();

      g_ptr_array_add (problems, error->message);
      show_problems (self, _("The file"), problems, 1);
      return;
    }
  /* Counted after writing: another import may have added some meanwhile. */
  n_added = rmm_referral_import_count_new (self->import);
  g_signal_emit (self, signals[IMPORTED], 0, n_added);
  gtk_window_close (GTK_WINDOW (self));
}

static void
rmm_import_dialog_dispose (GObject *object)
{
  RmmImportDialog *self = RMM_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->chooser);
  g_clear_object (&self->import);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_import_dialog_parent_class)->dispose (object);
}

static void
rmm_import_dialog_class_init (RmmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_import_dialog_dispose;

  /**
   * RmmImportDialog::imported:
   * @n_referrals: how many referrals were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, row_list);
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RmmImportDialog, problem_list);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, action_choose);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, action_commit);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_import_dialog_init (RmmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmImportDialog *
rmm_import_dialog_new (GtkWindow *parent,
                       RmmStore  *store)
{
  RmmImportDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
