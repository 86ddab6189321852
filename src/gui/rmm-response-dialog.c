/* rmm-response-dialog.c: the response to a strategy-discussion trigger, which both chairs
 * confirm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not an RmmFormDialog: recording the response does not close the window, since the chairs
 * confirm it next, here.
 */
#define G_LOG_DOMAIN "rmm-response-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-gui-utils.h"
#include "rmm-response-dialog.h"
#include "rmm-text-row.h"
#include "rmm-unsaved-guard.h"

struct _RmmResponseDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmMeeting    *meeting;
  gint64         trigger_id;
  gint64         response_id;   /* 0 until recorded */

  AdwWindowTitle *window_title;
  GtkWidget     *record_button;
  AdwActionRow  *why_row;
  AdwActionRow  *facts_row;
  GtkSwitch     *convened_switch;
  RmmDateRow    *held_row;
  AdwEntryRow   *agencies_row;
  RmmTextRow    *outcome_row;
  GtkSwitch     *s47_switch;
  RmmTextRow    *reasons_row;
  AdwActionRow  *status_row;
  AdwActionRow  *chair1_row;
  AdwActionRow  *chair2_row;
  GtkWidget     *confirm1_button;
  GtkWidget     *confirm2_button;
  gboolean       confirmed[2];
};

G_DEFINE_FINAL_TYPE (RmmResponseDialog, rmm_response_dialog, ADW_TYPE_WINDOW)

static const char *
chair_name (RmmResponseDialog *self,
            int                chair)
{
  return chair == 0 ? rmm_meeting_get_chair_children (self->meeting)
                    : rmm_meeting_get_chair_family (self->meeting);
}

static GtkWidget *
chair_button (RmmResponseDialog *self,
              int                chair)
{
  return chair == 0 ? self->confirm1_button : self->confirm2_button;
}

static void
show_state (RmmResponseDialog *self)
{
  gboolean both = self->confirmed[0] && self->confirmed[1];

  for (int chair = 0; chair < 2; chair++)
    {
      g_autofree char *label = self->confirmed[chair]
        ? g_strdup_printf (_("Confirmed by %s"), chair_name (self, chair))
        : g_strdup_printf (_("Confirm as %s"), chair_name (self, chair));

      gtk_button_set_label (GTK_BUTTON (chair_button (self, chair)), label);
      gtk_widget_set_sensitive (chair_button (self, chair),
                                self->response_id != 0 && !self->confirmed[chair]);
    }
  gtk_widget_set_sensitive (self->record_button, !both);
  adw_action_row_set_subtitle (self->status_row,
                               both ? _("Answered: confirmed by both chairs. The trigger is "
                                        "closed and stays in the history.")
                               : self->response_id != 0
                                 ? _("Recorded; it answers the trigger once both chairs confirm "
                                     "it.")
                                 : _("Record the response, then each chair confirms it."));
}

static void
on_record (RmmResponseDialog *self)
{
  g_autofree char *outcome = rmm_text_row_dup_text (self->outcome_row);
  g_autofree char *reasons = rmm_text_row_dup_text (self->reasons_row);
  g_autofree char *held = NULL;
  g_autoptr(GError) error = NULL;
  RmmTriggerResponseInput input = {
    .trigger_id = self->trigger_id,
    .meeting_id = rmm_meeting_get_id (self->meeting),
    .convened = gtk_switch_get_active (self->convened_switch),
    .agencies_present = gtk_editable_get_text (GTK_EDITABLE (self->agencies_row)),
    .outcome = outcome,
    .section47 = gtk_switch_get_active (self->s47_switch),
    .reasons = reasons,
  };
  gint64 id = 0;

  if (rmm_date_row_get_date (self->held_row, &held, &error))
    {
      input.convened_on = held;
      id = rmm_store_respond_to_trigger (self->store, &input, &error);
    }
  if (id == 0)
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
      return;
    }
  self->response_id = id;
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  self->confirmed[0] = self->confirmed[1] = FALSE;
  show_state (self);
}

static void
on_confirm (GtkButton         *button,
            RmmResponseDialog *self)
{
  int chair = GTK_WIDGET (button) == self->confirm1_button ? 0 : 1;
  gint64 chair_id = chair == 0 ? rmm_meeting_get_chair_children_id (self->meeting)
                               : rmm_meeting_get_chair_family_id (self->meeting);
  g_autoptr(GError) error = NULL;

  if (!rmm_store_confirm_trigger_response (self->store, self->response_id, chair_id, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
      return;
    }
  self->confirmed[chair] = TRUE;
  show_state (self);
}

/* The facts that raised it, each in words, so the room answers what was recorded. */
static void
show_facts (RmmResponseDialog *self,
            const RmmTrigger  *trigger)
{
  g_auto(GStrv) facts = rmm_store_describe_trigger_facts (self->store, trigger->facts, NULL);
  g_autofree char *text = NULL;

  if (facts == NULL || facts[0] == NULL)
    return;
  text = g_strjoinv ("\n", facts);
  adw_action_row_set_subtitle (self->facts_row, text);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_row), TRUE);
}

static void
rmm_response_dialog_dispose (GObject *object)
{
  RmmResponseDialog *self = RMM_RESPONSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_RESPONSE_DIALOG);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_response_dialog_parent_class)->dispose (object);
}

static void
rmm_response_dialog_class_init (RmmResponseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_response_dialog_dispose;

  g_type_ensure (RMM_TYPE_DATE_ROW);
  g_type_ensure (RMM_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, why_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, facts_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, convened_switch);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, held_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, agencies_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, s47_switch);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, reasons_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, chair1_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, chair2_row);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, confirm1_button);
  gtk_widget_class_bind_template_child (widget_class, RmmResponseDialog, confirm2_button);
  gtk_widget_class_bind_template_callback (widget_class, on_record);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_response_dialog_init (RmmResponseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmResponseDialog *
rmm_response_dialog_new (GtkWindow        *parent,
                         RmmStore         *store,
                         RmmMeeting       *meeting,
                         const RmmTrigger *trigger)
{
  g_autofree char *child = g_strdup_printf ("%s (%s)", trigger->child_name, trigger->reference);
  RmmResponseDialog *self = g_object_new (RMM_TYPE_RESPONSE_DIALOG, "transient-for", parent,
                                          NULL);

  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->trigger_id = trigger->id;
  adw_window_title_set_subtitle (self->window_title, child);
  adw_action_row_set_subtitle (self->why_row, trigger->reason);
  show_facts (self, trigger);
  rmm_date_row_set_date (self->held_row, rmm_meeting_get_meets_on (meeting));
  adw_action_row_set_subtitle (self->chair1_row, chair_name (self, 0));
  adw_action_row_set_subtitle (self->chair2_row, chair_name (self, 1));
  show_state (self);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Response You Were Recording?"));
  return self;
}
