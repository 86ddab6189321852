/* rmm-concern-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-concern-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-concern-dialog.h"
#include "rmm-gui-utils.h"
#include "rmm-unsaved-guard.h"

struct _RmmConcernDialog
{
  AdwWindow    parent_instance;

  RmmStore    *store;
  GPtrArray   *agencies;    /* RmmNamedId */

  AdwComboRow *agency_row;
  AdwEntryRow *recorded_by_row;
  AdwEntryRow *reference_row;
  AdwEntryRow *concern_row;
  AdwEntryRow *reasons_row;
};

G_DEFINE_FINAL_TYPE (RmmConcernDialog, rmm_concern_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (RmmConcernDialog *self,
            const char       *message)
{
  rmm_show_message (GTK_WIDGET (self), _("The Concern Was Not Saved"), message);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmConcernDialog *self = RMM_CONCERN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmChild) child = NULL;
  g_autofree char *reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));

  if (*reference != '\0' &&
      !(child = rmm_store_find_child_by_reference (self->store, reference, NULL)))
    {
      g_autofree char *message = g_strdup_printf (_("No child has the reference “%s”. Leave it "
                                                    "empty if the child is not known here."),
                                                  reference);
      show_error (self, message);
      return;
    }
  if (!rmm_store_add_concern_not_referred (self->store, child ? rmm_child_get_id (child) : 0,
                                           rmm_combo_row_get_id (self->agency_row,
                                                                 self->agencies, 0),
                                           gtk_editable_get_text (GTK_EDITABLE (self->recorded_by_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->concern_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->reasons_row)),
                                           &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
rmm_concern_dialog_dispose (GObject *object)
{
  RmmConcernDialog *self = RMM_CONCERN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CONCERN_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_concern_dialog_parent_class)->dispose (object);
}

static void
rmm_concern_dialog_class_init (RmmConcernDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_concern_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-concern-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, recorded_by_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, concern_row);
  gtk_widget_class_bind_template_child (widget_class, RmmConcernDialog, reasons_row);

  gtk_widget_class_install_action (widget_class, "concern.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "concern.save",
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
  RmmConcernDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_CONCERN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row, store, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->recorded_by_row), g_get_real_name ());
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Concern You Were Recording?"));
  return self;
}
