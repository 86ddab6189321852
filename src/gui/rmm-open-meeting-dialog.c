/* rmm-open-meeting-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-open-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-gui-utils.h"
#include "rmm-open-meeting-dialog.h"
#include "rmm-unsaved-guard.h"

/* An agency's attendance: one of these, or not represented (none active). */
static const struct { RmmAttendanceStatus status; const char *label; } choices[] = {
  { RMM_ATTENDANCE_STATUS_PRESENT, N_("Present") },
  { RMM_ATTENDANCE_STATUS_APOLOGIES, N_("Apologies") },
  { RMM_ATTENDANCE_STATUS_SENT_INFORMATION, N_("Sent Information") },
};

typedef struct
{
  gint64          agency_id;
  AdwExpanderRow *row;
  GtkToggleButton *toggles[G_N_ELEMENTS (choices)];
  AdwEntryRow    *name_row;
  RmmDateRow     *sent_row;
} AgencyRows;

typedef struct
{
  gint64     agency_id;
  char      *name;
  GtkWidget *row;
} Observer;

struct _RmmOpenMeetingDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  GPtrArray           *agencies;        /* RmmNamedId */
  GArray              *agency_rows;     /* AgencyRows */
  GPtrArray           *observers;       /* Observer */

  AdwWindowTitle      *title;
  GtkLabel            *statement_label;
  GtkToggleButton     *read_check;
  AdwPreferencesGroup *agencies_group;
  AdwPreferencesGroup *observers_group;
  AdwEntryRow         *observer_row;
  AdwComboRow         *observer_agency_row;
};

G_DEFINE_FINAL_TYPE (RmmOpenMeetingDialog, rmm_open_meeting_dialog, ADW_TYPE_WINDOW)

static void
observer_free (Observer *observer)
{
  g_free (observer->name);
  g_free (observer);
}

/* The meeting opens only once the statement has been read out. */
static void
on_read_toggled (RmmOpenMeetingDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "open-meeting.open",
                                 gtk_toggle_button_get_active (self->read_check));
}

static int
chosen (const AgencyRows *rows)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (gtk_toggle_button_get_active (rows->toggles[i]))
      return i;
  return -1;
}

/* One toggle at a time, or none (not represented); the subtitle says which. */
static void
on_toggled (GtkToggleButton *toggle,
            AgencyRows      *rows)
{
  int choice;

  if (gtk_toggle_button_get_active (toggle))
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      if (rows->toggles[i] != toggle)
        gtk_toggle_button_set_active (rows->toggles[i], FALSE);
  choice = chosen (rows);
  adw_expander_row_set_subtitle (rows->row, choice < 0 ? _("Not represented")
                                                       : _(choices[choice].label));
  gtk_widget_set_visible (GTK_WIDGET (rows->sent_row),
                          choice >= 0 &&
                          choices[choice].status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION);
}

static GtkWidget *
choice_toggles (AgencyRows *rows,
                const char *agency)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", agency, _(choices[i].label));
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(choices[i].label));

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), rows);
      rows->toggles[i] = GTK_TOGGLE_BUTTON (toggle);
      gtk_box_append (GTK_BOX (box), toggle);
    }
  return box;
}

/* One row per agency: its attendance on toggles; who came, and when information was
 * sent, inside. */
static void
add_agency_rows (RmmOpenMeetingDialog *self,
                 const RmmNamedId     *agency,
                 guint                 index)
{
  g_autoptr(GDate) day = rmm_meeting_dup_date (self->meeting);
  AgencyRows *rows = &g_array_index (self->agency_rows, AgencyRows, index);

  rows->agency_id = agency->id;
  rows->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->row), agency->name);
  adw_expander_row_set_subtitle (rows->row, _("Not represented"));
  adw_expander_row_add_action (rows->row, choice_toggles (rows, agency->name));
  rows->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row),
                                 _("Who attended or sent apologies"));
  rows->sent_row = RMM_DATE_ROW (rmm_date_row_new (_("Information sent on")));
  if (day != NULL)
    {
      g_autofree char *before = NULL;

      g_date_subtract_days (day, 1);
      rmm_date_row_set_date (rows->sent_row, before = rmm_date_format (day));
    }
  gtk_widget_set_visible (GTK_WIDGET (rows->sent_row), FALSE);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->name_row));
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->sent_row));
  adw_preferences_group_add (self->agencies_group, GTK_WIDGET (rows->row));
}

static void
on_remove_observer (GtkButton            *button,
                    RmmOpenMeetingDialog *self)
{
  Observer *observer = g_object_get_data (G_OBJECT (button), "observer");

  adw_preferences_group_remove (self->observers_group, observer->row);
  g_ptr_array_remove (self->observers, observer);
}

static void
on_observer_apply (RmmOpenMeetingDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->observer_row))));
  guint selected = adw_combo_row_get_selected (self->observer_agency_row);
  RmmNamedId *agency;
  Observer *observer;
  GtkWidget *remove;

  if (*name == '\0' || selected >= self->agencies->len)
    return;
  agency = g_ptr_array_index (self->agencies, selected);
  observer = g_new0 (Observer, 1);
  observer->agency_id = agency->id;
  observer->name = g_steal_pointer (&name);
  observer->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (observer->row), observer->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (observer->row), agency->name);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Observer"));
  g_object_set_data (G_OBJECT (remove), "observer", observer);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_observer), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (observer->row), remove);
  adw_preferences_group_add (self->observers_group, observer->row);
  g_ptr_array_add (self->observers, observer);
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
      AgencyRows *agency = &g_array_index (self->agency_rows, AgencyRows, i);
      int choice = chosen (agency);
      char *sent = NULL;
      RmmAttendanceInput row = {
        .agency_id = agency->agency_id,
        .name = gtk_editable_get_text (GTK_EDITABLE (agency->name_row)),
      };

      if (choice < 0)
        continue;
      row.status = choices[choice].status;
      if (row.status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION)
        {
          if (!rmm_date_row_get_date (agency->sent_row, &sent, error))
            return NULL;
          g_ptr_array_add (dates, sent);
          row.information_sent_at = sent;
        }
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < self->observers->len; i++)
    {
      Observer *observer = g_ptr_array_index (self->observers, i);
      RmmAttendanceInput row = {
        .agency_id = observer->agency_id, .name = observer->name, .status = RMM_ATTENDANCE_STATUS_OBSERVER,
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
  g_clear_pointer (&self->agency_rows, g_array_unref);
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
  self->agency_rows = g_array_new (FALSE, TRUE, sizeof (AgencyRows));
  self->observers = g_ptr_array_new_with_free_func ((GDestroyNotify)observer_free);
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
  g_array_set_size (self->agency_rows, self->agencies->len);
  for (guint i = 0; i < self->agencies->len; i++)
    {
      const RmmNamedId *agency = g_ptr_array_index (self->agencies, i);

      add_agency_rows (self, agency, i);
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
