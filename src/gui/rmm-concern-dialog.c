/* rmm-concern-dialog.c: record a concern an agency decided not to refer, with its reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form on RmmFormDialog, saved with Save or Ctrl+S; ::saved tells the window, which says
 * so in a toast.
 */
#define G_LOG_DOMAIN "rmm-concern-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-concern-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"

struct _RmmConcernDialog
{
  RmmFormDialog  parent_instance;

  GPtrArray     *agencies;    /* RmmNamedId */

  AdwComboRow   *agency_row;
  AdwEntryRow   *recorded_by_row;
  AdwEntryRow   *reference_row;
  AdwEntryRow   *concern_row;
  AdwEntryRow   *reasons_row;
};

G_DEFINE_FINAL_TYPE (RmmConcernDialog, rmm_concern_dialog, RMM_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
rmm_concern_dialog_record (RmmFormDialog  *dialog,
                           GError        **error)
{
  RmmConcernDialog *self = RMM_CONCERN_DIALOG (dialog);
  RmmStore *store = rmm_form_dialog_get_store (dialog);
  g_autoptr(RmmChild) child = NULL;
  g_autofree char *reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));

  if (*reference != '\0' &&
      !(child = rmm_store_find_child_by_reference (store, reference, NULL)))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("No child has the reference “%s”. Leave it empty if the child is not "
                     "known here."), reference);
      return FALSE;
    }
  if (!rmm_store_add_concern_not_referred (store, child ? rmm_child_get_id (child) : 0,
                                           rmm_combo_row_get_id (self->agency_row,
                                                                 self->agencies, 0),
                                           gtk_editable_get_text (GTK_EDITABLE (self->recorded_by_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->concern_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->reasons_row)),
                                           error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/* The agencies come from the store, known once the dialog has it. */
static void
rmm_concern_dialog_constructed (GObject *object)
{
  RmmConcernDialog *self = RMM_CONCERN_DIALOG (object);

  G_OBJECT_CLASS (rmm_concern_dialog_parent_class)->constructed (object);

  self->agencies = rmm_combo_row_offer_agencies (self->agency_row,
                                                 rmm_form_dialog_get_store (RMM_FORM_DIALOG (self)),
                                                 NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->recorded_by_row), g_get_real_name ());
}

static void
rmm_concern_dialog_dispose (GObject *object)
{
  RmmConcernDialog *self = RMM_CONCERN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CONCERN_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_concern_dialog_parent_class)->dispose (object);
}

static void
rmm_concern_dialog_class_init (RmmConcernDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rmm_concern_dialog_constructed;
  object_class->dispose = rmm_concern_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_concern_dialog_record;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-concern-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, recorded_by_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, concern_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, reasons_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.record",
                                       NULL);
}

static void
rmm_concern_dialog_init (RmmConcernDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmConcernDialog *
rmm_concern_dialog_new (GtkWindow *parent,
                        RmmStore  *store)
{
  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  return g_object_new (RMM_TYPE_CONCERN_DIALOG, "transient-for", parent, "store", store, NULL);
}
