/* rmm-open-meeting-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-open-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-attendance-row.h"
#include "rmm-dates.h"
#include "rmm-gui-utils.h"
#include "rmm-observer-row.h"
#include "rmm-open-meeting-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmOpenMeetingDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  GPtrArray           *agencies;        /* RmmNamedId */
  GPtrArray           *agency_rows;     /* RmmAttendanceRow, the group's */
  GPtrArray           *observers;       /* RmmObserverRow, the group's */

  AdwWindowTitle      *title;
  GtkLabel            *statement_label;
  GtkToggleButton     *read_check;
  AdwPreferencesGroup *agencies_group;
  AdwPreferencesGroup *observers_group;
  AdwEntryRow         *observer_row;
  AdwComboRow         *observer_agency_row;
};

G_DEFINE_FINAL_TYPE (RmmOpenMeetingDialog, rmm_open_meeting_dialog, ADW_TYPE_WINDOW)

/* The meeting opens only once the statement has been read out. */
static void
on_read_toggled (RmmOpenMeetingDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "open-meeting.open",
                                 gtk_toggle_button_get_active (self->read_check));
}

/* One row per agency; information is taken to have been sent the day before the meeting
 * until the chair says otherwise. */
static void
add_agency_row (RmmOpenMeetingDialog *self,
                const RmmNamedId     *agency)
{
  g_autoptr(GDate) day = rmm_meeting_dup_date (self->meeting);
  g_autofree char *before = NULL;
  GtkWidget *row;

  if (day != NULL)
    {
      g_date_subtract_days (day, 1);
      before = rmm_date_format (day);
    }
  row = rmm_attendance_row_new (agency, before);
  adw_preferences_group_add (self->agencies_group, row);
  g_ptr_array_add (self->agency_rows, row);
}

static void
on_remove_observer (RmmObserverRow       *row,
                    RmmOpenMeetingDialog *self)
{
  g_ptr_array_remove (self->observers, row);
  adw_preferences_group_remove (self->observers_group, GTK_WIDGET (row));
}

static void
on_observer_apply (RmmOpenMeetingDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->observer_row));
  g_autofree char *name = g_strstrip (g_strdup (typed));
  guint selected = adw_combo_row_get_selected (self->observer_agency_row);
  GtkWidget *row;

  if (*name == '\0' || selected >= self->agencies->len)
    return;
  row = rmm_observer_row_new (name, g_ptr_array_index (self->agencies, selected));
  g_signal_connect_object (row, "remove", G_CALLBACK (on_remove_observer), self, 0);
  adw_preferences_group_add (self->observers_group, row);
  g_ptr_array_add (self->observers, row);
  gtk_editable_set_text (GTK_EDITABLE (self->observer_row), "");
}

static void
show_error (RmmOpenMeetingDialog *self,
            const GError         *error)
{
  rmm_show_message (GTK_WIDGET (self), _("The Meeting Was Not Opened"), error->message);
}

/* The attendance as filled in; the strings belong to the rows, or to @dates. NULL when a
 * date typed is not one. */
static GArray *
collect_attendance (RmmOpenMeetingDialog  *self,
                    GPtrArray             *dates,
                    GError               **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RmmAttendanceInput));

  for (guint i = 0; i < self->agency_rows->len; i++)
    {
      RmmAttendanceRow *agency = g_ptr_array_index (self->agency_rows, i);
      g_autoptr(GError) wrong_date = NULL;
      RmmAttendanceInput row;
      char *sent = NULL;

      if (!rmm_attendance_row_read (agency, &row, &sent, &wrong_date))
        {
          if (wrong_date == NULL)
            continue;
          g_propagate_error (error, g_steal_pointer (&wrong_date));
          return NULL;
        }
      if (sent != NULL)
        g_ptr_array_add (dates, sent);
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < self->observers->len; i++)
    {
      RmmObserverRow *observer = g_ptr_array_index (self->observers, i);
      RmmAttendanceInput row = {
        .agency_id = rmm_observer_row_get_agency_id (observer),
        .name = rmm_observer_row_get_name (observer),
        .status = RMM_ATTENDANCE_STATUS_OBSERVER,
      };

      g_array_append_val (rows, row);
    }
  return g_steal_pointer (&rows);
}

static void
open_meeting (RmmOpenMeetingDialog *self)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = collect_attendance (self, dates, &error);

  if (rows == NULL ||
      !rmm_store_open_meeting (self->store, rmm_meeting_get_id (self->meeting),
                               (const RmmAttendanceInput *)(gpointer)rows->data, rows->len,
                               gtk_toggle_button_get_active (self->read_check), &error))
    {
      show_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_other_day_answer (AdwMessageDialog     *question,
                     const char           *response,
                     RmmOpenMeetingDialog *self)
{
  if (!g_str_equal (response, "open"))
    return;
  /* The question outlives this dialog, which opening closes: it lets go of it first. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  open_meeting (self);
}

/* Opening a meeting records today as the day it was held: on any other day than its date,
 * the chair is asked first (the wrong meeting chosen, or one moved without being moved). */
static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmOpenMeetingDialog *self = RMM_OPEN_MEETING_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today_text = g_date_time_format (now, "%A %-d %B %Y");
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *question;

  if (g_str_equal (today, rmm_meeting_get_meets_on (self->meeting)))
    {
      open_meeting (self);
      return;
    }
  day = rmm_meeting_format_date (self->meeting, "%A %-d %B");
  heading = g_strdup_printf (_("Open the Meeting of %s Today?"), day);
  body = g_strdup_printf (_("Today is %s. The meeting will be recorded as held today. To hold "
                            "it on another day, move it instead (Move…)."), today_text);
  question = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "cancel", _("Cancel"),
                                    "open", _("Open Today"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (on_other_day_answer), self, 0);
  gtk_window_present (GTK_WINDOW (question));
}

static void
rmm_open_meeting_dialog_dispose (GObject *object)
{
  RmmOpenMeetingDialog *self = RMM_OPEN_MEETING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_OPEN_MEETING_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->agency_rows, g_ptr_array_unref);
  g_clear_pointer (&self->observers, g_ptr_array_unref);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_open_meeting_dialog_parent_class)->dispose (object);
}

static void
rmm_open_meeting_dialog_class_init (RmmOpenMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_open_meeting_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-open-meeting-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmOpenMeetingDialog, name)
  BIND (title);
  BIND (statement_label);
  BIND (read_check);
  BIND (agencies_group);
  BIND (observers_group);
  BIND (observer_row);
  BIND (observer_agency_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_read_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_observer_apply);

  gtk_widget_class_install_action (widget_class, "open-meeting.open", NULL, action_open);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* From anywhere in the long form, without Tabbing to the button. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "open-meeting.open", NULL);
}

static void
rmm_open_meeting_dialog_init (RmmOpenMeetingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->agency_rows = g_ptr_array_new ();
  self->observers = g_ptr_array_new ();
  gtk_label_set_text (self->statement_label, rmm_meeting_get_confidentiality_statement ());
  on_read_toggled (self);
}

RmmOpenMeetingDialog *
rmm_open_meeting_dialog_new (GtkWindow  *parent,
                             RmmStore   *store,
                             RmmMeeting *meeting)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  RmmOpenMeetingDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_OPEN_MEETING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->agencies = rmm_store_list_agencies (store, NULL);
  if (self->agencies == NULL)
    self->agencies = g_ptr_array_new ();
  for (guint i = 0; i < self->agencies->len; i++)
    {
      const RmmNamedId *agency = g_ptr_array_index (self->agencies, i);

      add_agency_row (self, agency);
      gtk_string_list_append (names, agency->name);
    }
  adw_combo_row_set_model (self->observer_agency_row, G_LIST_MODEL (names));
  {
    g_autofree char *day = rmm_meeting_format_date (meeting, "%-d %B %Y");

    subtitle = g_strdup_printf ("%s · %s", rmm_meeting_get_area_name (meeting), day);
  }
  adw_window_title_set_subtitle (self->title, subtitle);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Attendance You Recorded?"));
  return self;
}
