/* rmm-note-dialog.c: record new information on a child's open case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-note-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-labels.h"
#include "rmm-note-dialog.h"
#include "rmm-text-row.h"

struct _RmmNoteDialog
{
  RmmFormDialog  parent_instance;

  GPtrArray     *agencies;      /* RmmNamedId */
  AdwComboRow   *kind_row;
  RmmTextRow    *summary_row;
  AdwComboRow   *agency_row;
  GtkWidget     *sensitive_row;   /* offered only to whom may see police detail */
  GtkSwitch     *sensitive_switch;
};

G_DEFINE_FINAL_TYPE (RmmNoteDialog, rmm_note_dialog, RMM_TYPE_FORM_DIALOG)

static gboolean
rmm_note_dialog_record (RmmFormDialog  *dialog,
                        GError        **error)
{
  RmmNoteDialog *self = RMM_NOTE_DIALOG (dialog);
  g_autofree char *summary = rmm_text_row_dup_text (self->summary_row);
  guint n_kinds;
  const RmmLabel *kinds = rmm_note_kinds (&n_kinds);
  guint kind = MIN (adw_combo_row_get_selected (self->kind_row), n_kinds - 1);
  RmmInformationNoteInput input = {
    .child_id = rmm_agenda_item_get_child_id (rmm_form_dialog_get_item (dialog)),
    .kind = kinds[kind].id,
    .summary = summary,
    .agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
    .police_sensitive = gtk_switch_get_active (self->sensitive_switch),
  };

  return rmm_store_add_information_note (rmm_form_dialog_get_store (dialog), &input,
                                         error) != 0;
}

/* The choices come from the store and the labels, known once the dialog has its store. */
static void
rmm_note_dialog_constructed (GObject *object)
{
  RmmNoteDialog *self = RMM_NOTE_DIALOG (object);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_kinds;
  const RmmLabel *kinds = rmm_note_kinds (&n_kinds);
  RmmStore *store;
  gint64 child_id;

  G_OBJECT_CLASS (rmm_note_dialog_parent_class)->constructed (object);

  store = rmm_form_dialog_get_store (RMM_FORM_DIALOG (self));
  child_id = rmm_agenda_item_get_child_id (rmm_form_dialog_get_item (RMM_FORM_DIALOG (self)));
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (labels, _(kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row, store, _("Not recorded"));
  /* A login that may not see police-sensitive information may not record it either: the
   * choice is not there (the server would refuse the note). */
  gtk_widget_set_visible (self->sensitive_row, rmm_store_may_see_police (store, child_id));
}

static void
rmm_note_dialog_dispose (GObject *object)
{
  RmmNoteDialog *self = RMM_NOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_NOTE_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_note_dialog_parent_class)->dispose (object);
}

static void
rmm_note_dialog_class_init (RmmNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rmm_note_dialog_constructed;
  object_class->dispose = rmm_note_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_note_dialog_record;

  g_type_ensure (RMM_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmNoteDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNoteDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNoteDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNoteDialog, sensitive_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNoteDialog, sensitive_switch);
}

static void
rmm_note_dialog_init (RmmNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmNoteDialog *
rmm_note_dialog_new (GtkWindow     *parent,
                     RmmStore      *store,
                     RmmAgendaItem *item)
{
  return g_object_new (RMM_TYPE_NOTE_DIALOG, "transient-for", parent, "store", store,
                       "item", item, NULL);
}
