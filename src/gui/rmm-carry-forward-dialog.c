/* rmm-carry-forward-dialog.c: the new due date for an action carried forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asked by RmmActionsDialog when the room says an action is carried forward: the action stays
 * on the plan, and the room agrees its new date first. The question is an AdwMessageDialog
 * (the outcome chooser before it is one too); the date row sits in its extra child. The caller
 * answers ::response: on "carry", rmm_carry_forward_dialog_dup_due_on() is the date to record.
 */
#define G_LOG_DOMAIN "rmm-carry-forward-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-carry-forward-dialog.h"
#include "rmm-date-row.h"
#include "rmm-dates.h"

struct _RmmCarryForwardDialog
{
  AdwMessageDialog  parent_instance;

  gint64            action_id;
  GDate            *meeting_day;   /* NULL when the meeting has no date */

  RmmDateRow       *date_row;
};

G_DEFINE_FINAL_TYPE (RmmCarryForwardDialog, rmm_carry_forward_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A message dialog closes on any answer: Carry Forward is only offered once the date typed
 * is a day after the meeting, so a wrong date is never taken and thrown away. */
static void
on_date_changed (RmmCarryForwardDialog *self)
{
  g_autofree char *due = NULL;
  GDate day;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "carry",
                                           rmm_date_row_get_date (self->date_row, &due, NULL) &&
                                           rmm_date_parse (due, &day) &&
                                           self->meeting_day != NULL &&
                                           g_date_compare (&day, self->meeting_day) > 0);
}

static void
rmm_carry_forward_dialog_dispose (GObject *object)
{
  RmmCarryForwardDialog *self = RMM_CARRY_FORWARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CARRY_FORWARD_DIALOG);
  g_clear_pointer (&self->meeting_day, g_date_free);

  G_OBJECT_CLASS (rmm_carry_forward_dialog_parent_class)->dispose (object);
}

static void
rmm_carry_forward_dialog_class_init (RmmCarryForwardDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_carry_forward_dialog_dispose;

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-carry-forward-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmCarryForwardDialog, date_row);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
}

static void
rmm_carry_forward_dialog_init (RmmCarryForwardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmCarryForwardDialog *
rmm_carry_forward_dialog_new (GtkWindow           *parent,
                              RmmMeeting          *meeting,
                              const RmmPlanAction *action)
{
  RmmCarryForwardDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RMM_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  body = g_strdup_printf (_("%s (%s): “%s” stays on the plan with a new date."),
                          action->child_name, action->reference, action->description);
  self = g_object_new (RMM_TYPE_CARRY_FORWARD_DIALOG, "transient-for", parent, "body", body,
                       NULL);
  self->action_id = action->id;
  self->meeting_day = rmm_meeting_dup_date (meeting);
  return self;
}

/* Shown with the date row ready to type in. */
void
rmm_carry_forward_dialog_present (RmmCarryForwardDialog *self)
{
  g_return_if_fail (RMM_IS_CARRY_FORWARD_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

gint64
rmm_carry_forward_dialog_get_action_id (RmmCarryForwardDialog *self)
{
  g_return_val_if_fail (RMM_IS_CARRY_FORWARD_DIALOG (self), 0);

  return self->action_id;
}

/* The new due date as the store keeps it, or NULL while none is typed that the store takes. */
char *
rmm_carry_forward_dialog_dup_due_on (RmmCarryForwardDialog *self)
{
  g_autofree char *due = NULL;

  g_return_val_if_fail (RMM_IS_CARRY_FORWARD_DIALOG (self), NULL);

  if (!rmm_date_row_get_date (self->date_row, &due, NULL))
    return NULL;
  return g_steal_pointer (&due);
}
