/* rmm-actions-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-actions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-actions-dialog.h"
#include "rmm-carry-forward-dialog.h"
#include "rmm-gui-utils.h"
#include "rmm-plan-action-row.h"
#include "rmm-state-types.h"

/* Each RmmActionStatus as the chooser offers it, in order; the first is "not yet". */
static const char *outcome_labels[] = {
  [RMM_ACTION_STATUS_OPEN] = N_("Not yet reviewed"),
  [RMM_ACTION_STATUS_DONE] = N_("Done"),
  [RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES] = N_("Not done: circumstances changed"),
  [RMM_ACTION_STATUS_NOT_DONE_AGENCY] = N_("Not done by the agency"),
  [RMM_ACTION_STATUS_CARRIED_FORWARD] = N_("Carried forward…"),
  [RMM_ACTION_STATUS_UNKNOWN] = N_("Not known"),
};

struct _RmmActionsDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  GPtrArray           *actions;     /* RmmPlanAction */
  GPtrArray           *rows;        /* the rows shown, so a reload can take them away */

  AdwWindowTitle      *title;
  GtkStack            *stack;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (RmmActionsDialog, rmm_actions_dialog, ADW_TYPE_WINDOW)

static void reload (RmmActionsDialog *self);

static gboolean
reload_now (gpointer user_data)
{
  reload (RMM_ACTIONS_DIALOG (user_data));
  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt after the signal that changed one has finished with it. */
static void
reload_later (RmmActionsDialog *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_now, g_object_ref (self), g_object_unref);
}

const char *
rmm_action_outcome_label (RmmActionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (outcome_labels), "");

  return _(outcome_labels[status]);
}

static void
show_error (RmmActionsDialog *self,
            const GError     *error)
{
  rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
}

static void
record (RmmActionsDialog *self,
        gint64            action_id,
        RmmActionStatus   outcome,
        const char       *new_due_on)
{
  g_autoptr(GError) error = NULL;

  if (!rmm_store_review_action (self->store, action_id, rmm_meeting_get_id (self->meeting),
                                outcome, new_due_on, &error))
    show_error (self, error);
  reload_later (self);
}

static void
on_date_response (RmmCarryForwardDialog *dialog,
                  const char            *response,
                  RmmActionsDialog      *self)
{
  g_autofree char *due = NULL;

  if (g_str_equal (response, "carry") &&
      (due = rmm_carry_forward_dialog_dup_due_on (dialog)) != NULL)
    record (self, rmm_carry_forward_dialog_get_action_id (dialog),
            RMM_ACTION_STATUS_CARRIED_FORWARD, due);
  else
    reload_later (self);
}

/* Carried forward: the room agrees the new date first. */
static void
ask_new_date (RmmActionsDialog    *self,
              const RmmPlanAction *action)
{
  RmmCarryForwardDialog *dialog = rmm_carry_forward_dialog_new (GTK_WINDOW (self), self->meeting,
                                                                action);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_date_response), self, 0);
  rmm_carry_forward_dialog_present (dialog);
}

static void
on_outcome_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RmmActionsDialog *self)
{
  const RmmPlanAction *action = g_object_get_data (G_OBJECT (dialog), "action");
  /* The answers are the outcomes' stored names; "cancel" is none of them. */
  int outcome = rmm_state_from_text (RMM_TYPE_ACTION_STATUS, response, RMM_ACTION_STATUS_OPEN);

  if (outcome == RMM_ACTION_STATUS_OPEN)
    return;
  if (outcome == RMM_ACTION_STATUS_CARRIED_FORWARD)
    ask_new_date (self, action);
  else
    record (self, action->id, outcome, NULL);
}

/* Recording an action's outcome asks which; each answer is a button. */
static void
on_record (RmmPlanActionRow *row,
           RmmActionsDialog *self)
{
  const RmmPlanAction *action = rmm_plan_action_row_get_action (row);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Became of the Action?"),
                                              action->description);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"));
  for (guint i = RMM_ACTION_STATUS_DONE; i <= RMM_ACTION_STATUS_CARRIED_FORWARD; i++)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog),
                                     rmm_state_to_text (RMM_TYPE_ACTION_STATUS, i),
                                     _(outcome_labels[i]));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "action", (gpointer)action);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_outcome_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload (RmmActionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint open = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = rmm_store_list_previous_actions (self->store, rmm_meeting_get_id (self->meeting),
                                                   &error);
  if (self->actions == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < self->actions->len; i++)
    {
      const RmmPlanAction *action = g_ptr_array_index (self->actions, i);
      GtkWidget *row = rmm_plan_action_row_new (action);

      g_signal_connect_object (row, "record", G_CALLBACK (on_record), self, 0);
      open += action->status == RMM_ACTION_STATUS_OPEN;
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u waiting for an outcome",
                                           "%u waiting for an outcome", open), open);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, self->actions->len ? "actions" : "empty");
}

static void
rmm_actions_dialog_dispose (GObject *object)
{
  RmmActionsDialog *self = RMM_ACTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_ACTIONS_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_actions_dialog_parent_class)->dispose (object);
}

static void
rmm_actions_dialog_class_init (RmmActionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_actions_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-actions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmActionsDialog, title);
  gtk_widget_class_bind_template_child (widget_class, RmmActionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RmmActionsDialog, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_actions_dialog_init (RmmActionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

RmmActionsDialog *
rmm_actions_dialog_new (GtkWindow  *parent,
                        RmmStore   *store,
                        RmmMeeting *meeting)
{
  RmmActionsDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_ACTIONS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  reload (self);
  return self;
}
