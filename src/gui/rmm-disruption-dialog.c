/* rmm-disruption-dialog.c: record police disruption of a person of concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-disruption-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-disruption-dialog.h"
#include "rmm-labels.h"
#include "rmm-text-row.h"

struct _RmmDisruptionDialog
{
  RmmFormDialog  parent_instance;

  AdwEntryRow   *subject_row;
  AdwComboRow   *tactic_row;
  RmmTextRow    *detail_row;
};

G_DEFINE_FINAL_TYPE (RmmDisruptionDialog, rmm_disruption_dialog, RMM_TYPE_FORM_DIALOG)

static gboolean
rmm_disruption_dialog_record (RmmFormDialog  *dialog,
                              GError        **error)
{
  RmmDisruptionDialog *self = RMM_DISRUPTION_DIALOG (dialog);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *subject = g_strstrip (g_strdup (text));
  g_autofree char *detail = rmm_text_row_dup_text (self->detail_row);
  guint n_tactics;
  const RmmLabel *tactics = rmm_disruption_tactics (&n_tactics);
  guint tactic = MIN (adw_combo_row_get_selected (self->tactic_row), n_tactics - 1);
  RmmDisruptionNoteInput input = {
    .child_id = rmm_agenda_item_get_child_id (rmm_form_dialog_get_item (dialog)),
    .subject_ref = subject,
    .tactic = tactics[tactic].id,
    .detail = detail,
  };

  return rmm_store_add_disruption_note (rmm_form_dialog_get_store (dialog), &input,
                                        error) != 0;
}

static void
rmm_disruption_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_DISRUPTION_DIALOG);

  G_OBJECT_CLASS (rmm_disruption_dialog_parent_class)->dispose (object);
}

static void
rmm_disruption_dialog_class_init (RmmDisruptionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_disruption_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_disruption_dialog_record;

  g_type_ensure (RMM_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-disruption-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmDisruptionDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDisruptionDialog, tactic_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDisruptionDialog, detail_row);
}

static void
rmm_disruption_dialog_init (RmmDisruptionDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_tactics;
  const RmmLabel *tactics = rmm_disruption_tactics (&n_tactics);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n_tactics; i++)
    gtk_string_list_append (labels, _(tactics[i].label));
  adw_combo_row_set_model (self->tactic_row, G_LIST_MODEL (labels));
}

RmmDisruptionDialog *
rmm_disruption_dialog_new (GtkWindow     *parent,
                           RmmStore      *store,
                           RmmAgendaItem *item)
{
  return g_object_new (RMM_TYPE_DISRUPTION_DIALOG, "transient-for", parent, "store", store,
                       "item", item, NULL);
}
