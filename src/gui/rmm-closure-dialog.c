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
#include "rmm-transition-dialog.h"

struct _RmmClosureDialog
{
  RmmDecisionDialog  parent_instance;

  GPtrArray         *agencies;        /* RmmNamedId */
  char              *reasons;         /* as last read, for the proposal */
  char              *closure_reasons; /* as last read, for the closure record */
  char              *practice;
  GtkTextView       *reasons_view;
  GtkTextView       *practice_view;
  GtkWidget         *reasons_row;
  GtkWidget         *practice_row;
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
  self->reasons = rmm_text_view_dup_text (self->reasons_view);
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
  self->closure_reasons = rmm_text_view_dup_text (self->reasons_view);
  g_free (self->practice);
  self->practice = rmm_text_view_dup_text (self->practice_view);
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
  g_autoptr(GError) error = NULL;
  gboolean refused;

  refused = !rmm_store_check_closure (rmm_decision_dialog_get_store (dialog),
                                      rmm_agenda_item_get_child_id (rmm_decision_dialog_get_item (dialog)),
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
  RmmDecisionDialogClass *dialog_class = RMM_DECISION_DIALOG_CLASS (klass);

  object_class->dispose = rmm_closure_dialog_dispose;
  dialog_class->kind = "closure";
  dialog_class->read_proposal = rmm_closure_dialog_read_proposal;
  dialog_class->show_proposal = rmm_closure_dialog_show_proposal;
  dialog_class->describe = rmm_closure_dialog_describe;
  dialog_class->read_closure = rmm_closure_dialog_read_closure;
}

static AdwEntryRow *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_ENTRY_ROW (row);
}

static void
rmm_closure_dialog_init (RmmClosureDialog *self)
{
  GtkWidget *button = gtk_button_new_with_label (_("Transition Plan…"));

  gtk_window_set_title (GTK_WINDOW (self), _("Close the Case"));
  self->reasons_row = rmm_text_row_new (_("Reasons for closing"), &self->reasons_view);
  self->practice_row = rmm_text_row_new (_("Areas of good practice"), &self->practice_view);
  self->onward_row = entry_row (_("Onward referral"));
  self->onward_agency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->onward_agency_row),
                                 _("Referred on to"));
  self->refusal_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->refusal_row),
                                 _("The case cannot close yet"));
  adw_action_row_set_subtitle_lines (self->refusal_row, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->refusal_row), "error");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_transition_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->refusal_row, button);
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
  rmm_decision_dialog_set_intro (dialog, NULL,
                                 _("The case closes once both chairs confirm it: the safety "
                                   "plan closes and the child leaves the CSE list. A young "
                                   "person of 18 or over still at risk stays open until adult "
                                   "support is agreed."),
                                 _("Earlier closure"));
  self->agencies = rmm_combo_row_offer_agencies (self->onward_agency_row, store,
                                                 _("No onward referral"));
  rmm_decision_dialog_add_row (dialog, GTK_WIDGET (self->refusal_row), FALSE);
  rmm_decision_dialog_add_row (dialog, self->reasons_row, TRUE);
  rmm_decision_dialog_add_row (dialog, self->practice_row, TRUE);
  rmm_decision_dialog_add_row (dialog, GTK_WIDGET (self->onward_agency_row), TRUE);
  rmm_decision_dialog_add_row (dialog, GTK_WIDGET (self->onward_row), TRUE);
  show_refusal (self);
  rmm_decision_dialog_refresh (dialog);
  return self;
}
