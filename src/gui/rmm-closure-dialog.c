/* rmm-closure-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-closure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-closure-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-text-row.h"
#include "rmm-transition-dialog.h"

struct _RmmClosureDialog
{
  RmmDecisionDialog  parent_instance;

  GPtrArray         *agencies;        /* RmmNamedId */
  char              *reasons;         /* as last read, for the proposal */
  char              *closure_reasons; /* as last read, for the closure record */
  char              *practice;
  RmmTextRow        *reasons_row;
  RmmTextRow        *practice_row;
  AdwComboRow       *onward_agency_row;
  AdwEntryRow       *onward_row;
  AdwActionRow      *refusal_row;
};

G_DEFINE_FINAL_TYPE (RmmClosureDialog, rmm_closure_dialog, RMM_TYPE_DECISION_DIALOG)

static gboolean
rmm_closure_dialog_read_proposal (RmmDecisionDialog  *dialog,
                                  RmmDecisionInput   *input,
                                  GError            **error)
{
  RmmClosureDialog *self = RMM_CLOSURE_DIALOG (dialog);

  g_free (self->reasons);
  self->reasons = rmm_text_row_dup_text (self->reasons_row);
  if (*self->reasons == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Give the reasons for closing."));
      return FALSE;
    }
  input->value = "closed";
  input->rationale = self->reasons;
  return TRUE;
}

static void
rmm_closure_dialog_show_proposal (RmmDecisionDialog      *dialog,
                                  const RmmDecisionState *state)
{
}

static char *
rmm_closure_dialog_describe (RmmDecisionDialog      *dialog,
                             const RmmDecisionState *state)
{
  return g_strdup (_("Close the case"));
}

/* The reasons go in with the proposal: the store refuses to confirm a closure without. */
static gboolean
rmm_closure_dialog_read_closure (RmmDecisionDialog *dialog,
                                 RmmClosureInput   *closure)
{
  RmmClosureDialog *self = RMM_CLOSURE_DIALOG (dialog);

  g_free (self->closure_reasons);
  self->closure_reasons = rmm_text_row_dup_text (self->reasons_row);
  g_free (self->practice);
  self->practice = rmm_text_row_dup_text (self->practice_row);
  *closure = (RmmClosureInput) {
    .reasons = self->closure_reasons,
    .good_practice = self->practice,
    .onward_agency_id = rmm_combo_row_get_id (self->onward_agency_row, self->agencies, 1),
    .onward_referral = gtk_editable_get_text (GTK_EDITABLE (self->onward_row)),
  };
  return TRUE;
}

/* A closure the store would refuse (17 or 18 with risk remaining) says so at once, with
 * the way forward: record the transition plan or the agreed adult package. */
static void
show_refusal (RmmClosureDialog *self)
{
  RmmDecisionDialog *dialog = RMM_DECISION_DIALOG (self);
  RmmMeeting *meeting = rmm_decision_dialog_get_meeting (dialog);
  RmmAgendaItem *item = rmm_decision_dialog_get_item (dialog);
  g_autoptr(GError) error = NULL;
  gboolean refused;

  refused = !rmm_store_check_closure (rmm_decision_dialog_get_store (dialog),
                                      rmm_agenda_item_get_child_id (item),
                                      rmm_meeting_get_meets_on (meeting), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_row), refused);
  if (refused)
    adw_action_row_set_subtitle (self->refusal_row, error->message);
}

static void
on_transition_destroyed (RmmClosureDialog *self)
{
  show_refusal (self);
}

static void
on_transition_clicked (RmmClosureDialog *self)
{
  RmmDecisionDialog *dialog = RMM_DECISION_DIALOG (self);
  RmmTransitionDialog *transition =
    rmm_transition_dialog_new (GTK_WINDOW (self), rmm_decision_dialog_get_store (dialog),
                               rmm_decision_dialog_get_meeting (dialog),
                               rmm_decision_dialog_get_item (dialog));

  g_signal_connect_object (transition, "destroy", G_CALLBACK (on_transition_destroyed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (transition));
}

static void
rmm_closure_dialog_dispose (GObject *object)
{
  RmmClosureDialog *self = RMM_CLOSURE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CLOSURE_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->reasons, g_free);
  g_clear_pointer (&self->closure_reasons, g_free);
  g_clear_pointer (&self->practice, g_free);

  G_OBJECT_CLASS (rmm_closure_dialog_parent_class)->dispose (object);
}

static void
rmm_closure_dialog_class_init (RmmClosureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RmmDecisionDialogClass *dialog_class = RMM_DECISION_DIALOG_CLASS (klass);

  object_class->dispose = rmm_closure_dialog_dispose;
  dialog_class->kind = RMM_DECISION_KIND_CLOSURE;
  dialog_class->read_proposal = rmm_closure_dialog_read_proposal;
  dialog_class->show_proposal = rmm_closure_dialog_show_proposal;
  dialog_class->describe = rmm_closure_dialog_describe;
  dialog_class->read_closure = rmm_closure_dialog_read_closure;

  g_type_ensure (RMM_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-closure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmClosureDialog, reasons_row);
  gtk_widget_class_bind_template_child (widget_class, RmmClosureDialog, practice_row);
  gtk_widget_class_bind_template_child (widget_class, RmmClosureDialog, onward_agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmClosureDialog, onward_row);
  gtk_widget_class_bind_template_child (widget_class, RmmClosureDialog, refusal_row);
  gtk_widget_class_bind_template_callback (widget_class, on_transition_clicked);
}

static void
rmm_closure_dialog_init (RmmClosureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmClosureDialog *
rmm_closure_dialog_new (GtkWindow     *parent,
                        RmmStore      *store,
                        RmmMeeting    *meeting,
                        RmmAgendaItem *item)
{
  RmmDecisionDialog *dialog;
  RmmClosureDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_CLOSURE_DIALOG, "transient-for", parent, NULL);
  dialog = RMM_DECISION_DIALOG (self);
  rmm_decision_dialog_setup (dialog, store, meeting, item);
  self->agencies = rmm_combo_row_offer_agencies (self->onward_agency_row, store,
                                                 _("No onward referral"));
  show_refusal (self);
  rmm_decision_dialog_refresh (dialog);
  return self;
}
