/* rmm-response-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-response-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-gui-utils.h"
#include "rmm-response-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmResponseDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmMeeting    *meeting;
  gint64         trigger_id;
  gint64         response_id;   /* 0 until recorded */

  GtkWidget     *record_button;
  GtkSwitch     *convened_switch;
  RmmDateRow    *held_row;
  AdwEntryRow   *agencies_row;
  GtkTextView   *outcome_view;
  GtkSwitch     *s47_switch;
  GtkTextView   *reasons_view;
  AdwActionRow  *status_row;
  GtkWidget     *chair_buttons[2];
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

static void
show_state (RmmResponseDialog *self)
{
  gboolean both = self->confirmed[0] && self->confirmed[1];

  for (int chair = 0; chair < 2; chair++)
    {
      g_autofree char *label = self->confirmed[chair]
        ? g_strdup_printf (_("Confirmed by %s"), chair_name (self, chair))
        : g_strdup_printf (_("Confirm as %s"), chair_name (self, chair));

      gtk_button_set_label (GTK_BUTTON (self->chair_buttons[chair]), label);
      gtk_widget_set_sensitive (self->chair_buttons[chair],
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
  g_autofree char *outcome = rmm_text_view_dup_text (self->outcome_view);
  g_autofree char *reasons = rmm_text_view_dup_text (self->reasons_view);
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
  int chair = button == GTK_BUTTON (self->chair_buttons[0]) ? 0 : 1;
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

static void
add_chairs (RmmResponseDialog   *self,
            AdwPreferencesGroup *group)
{
  static const char *titles[] = { N_("Chair, Children’s Services"), N_("Chair, Family Services") };

  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_action_row_set_subtitle_lines (self->status_row, 3);
  adw_preferences_group_add (group, GTK_WIDGET (self->status_row));
  for (int chair = 0; chair < 2; chair++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[chair]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), chair_name (self, chair));
      self->chair_buttons[chair] = gtk_button_new ();
      gtk_widget_set_valign (self->chair_buttons[chair], GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->chair_buttons[chair], "suggested-action");
      g_signal_connect_object (self->chair_buttons[chair], "clicked", G_CALLBACK (on_confirm),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->chair_buttons[chair]);
      adw_preferences_group_add (group, row);
    }
}

/* The facts that raised it, each in words, so the room answers what was recorded. */
static void
add_facts (RmmResponseDialog   *self,
           AdwPreferencesGroup *group,
           const RmmTrigger    *trigger)
{
  g_auto(GStrv) facts = rmm_store_describe_trigger_facts (self->store, trigger->facts, NULL);
  g_autofree char *text = NULL;
  GtkWidget *row;

  if (facts == NULL || facts[0] == NULL)
    return;
  text = g_strjoinv ("\n", facts);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Raised by"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
}

static void
rmm_response_dialog_dispose (GObject *object)
{
  RmmResponseDialog *self = RMM_RESPONSE_DIALOG (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_response_dialog_parent_class)->dispose (object);
}

static void
rmm_response_dialog_class_init (RmmResponseDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_response_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_response_dialog_init (RmmResponseDialog *self)
{
}

RmmResponseDialog *
rmm_response_dialog_new (GtkWindow        *parent,
                         RmmStore         *store,
                         RmmMeeting       *meeting,
                         const RmmTrigger *trigger)
{
  g_autofree char *child = g_strdup_printf ("%s (%s)", trigger->child_name, trigger->reference);
  RmmResponseDialog *self = g_object_new (RMM_TYPE_RESPONSE_DIALOG, NULL);
  AdwPreferencesGroup *group, *chairs;
  GtkWidget *why = adw_action_row_new ();
  GtkWidget *row;

  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->trigger_id = trigger->id;
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("Strategy Discussion"), child,
                                _("Close"), _("Record Response"), &self->record_button);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (why), _("Why it was raised"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (why), trigger->reason);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (why), 4);
  adw_preferences_group_add (group, why);
  add_facts (self, group, trigger);
  self->convened_switch = rmm_switch_row_add (group, _("A strategy discussion was convened"),
                                              TRUE);
  self->held_row = RMM_DATE_ROW (rmm_date_row_new (_("Held on")));
  rmm_date_row_set_date (self->held_row, rmm_meeting_get_meets_on (meeting));
  self->agencies_row = rmm_entry_row_new (_("Agencies present"), NULL);
  adw_preferences_group_add (group, GTK_WIDGET (self->held_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->agencies_row));
  row = rmm_text_row_new (_("Outcome"), &self->outcome_view);
  adw_preferences_group_add (group, row);
  self->s47_switch = rmm_switch_row_add (group, _("Section 47 enquiries follow"), FALSE);
  row = rmm_text_row_new (_("If not convened: the reasons"), &self->reasons_view);
  adw_preferences_group_add (group, row);

  chairs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (chairs, _("The Chairs"));
  add_chairs (self, chairs);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (group),
                                                                           ADW_TYPE_PREFERENCES_PAGE)),
                            chairs);
  g_signal_connect_object (self->record_button, "clicked", G_CALLBACK (on_record), self,
                           G_CONNECT_SWAPPED);
  show_state (self);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Response You Were Recording?"));
  return self;
}
