/* rmm-schedule-dialog.c: an area's weekly meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The day, time, place, chairs and minute-taker of an area's weekly meetings. Saving keeps
 * its meetings scheduled eight weeks ahead (rmm_store_set_meeting_series); meetings already
 * scheduled keep their day and are moved one by one from the meeting (Move…).
 */
#define G_LOG_DOMAIN "rmm-schedule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-schedule-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmScheduleDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmArea       *area;
  GPtrArray     *people;        /* RmmNamedId: who can chair or take minutes */
  AdwComboRow   *weekday_row;
  AdwEntryRow   *time_row;
  AdwEntryRow   *place_row;
  AdwComboRow   *chair_children_row;
  AdwComboRow   *chair_family_row;
  AdwComboRow   *minute_taker_row;
};

G_DEFINE_FINAL_TYPE (RmmScheduleDialog, rmm_schedule_dialog, ADW_TYPE_WINDOW)

static void
on_save (RmmScheduleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  RmmSeriesInput input = {
    .area_id = rmm_area_get_id (self->area),
    .weekday = G_DATE_MONDAY + adw_combo_row_get_selected (self->weekday_row),
    .starts_at = time,
    .location = gtk_editable_get_text (GTK_EDITABLE (self->place_row)),
    .chair_children_id = rmm_combo_row_get_id (self->chair_children_row, self->people, 1),
    .chair_family_id = rmm_combo_row_get_id (self->chair_family_row, self->people, 1),
    .minute_taker_id = rmm_combo_row_get_id (self->minute_taker_row, self->people, 1),
  };

  if (!rmm_store_set_meeting_series (self->store, &input, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Meetings Were Not Scheduled"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_schedule_dialog_dispose (GObject *object)
{
  RmmScheduleDialog *self = RMM_SCHEDULE_DIALOG (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->area);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_schedule_dialog_parent_class)->dispose (object);
}

static void
rmm_schedule_dialog_class_init (RmmScheduleDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_schedule_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_schedule_dialog_init (RmmScheduleDialog *self)
{
}

static AdwComboRow *
person_row (RmmScheduleDialog *self,
            const char        *title,
            gint64             id)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GListModel) model = rmm_named_ids_model (self->people, _("Not named yet"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, model);
  rmm_combo_row_set_id (row, self->people, 1, id);
  return row;
}

static AdwComboRow *
weekday_row (GDateWeekday weekday)
{
  const char *days[] = { _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
                         NULL };
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (days);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Meets every"));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, weekday >= G_DATE_MONDAY && weekday <= G_DATE_FRIDAY
                                   ? weekday - G_DATE_MONDAY : 1);
  return row;
}

/* Starts from the area's series, or from its latest meeting when it has none yet. */
RmmScheduleDialog *
rmm_schedule_dialog_new (GtkWindow *parent,
                         RmmStore  *store,
                         RmmArea   *area)
{
  g_autoptr(RmmMeetingSeries) series = rmm_store_get_meeting_series (store, rmm_area_get_id (area),
                                                                     NULL);
  RmmScheduleDialog *self = g_object_new (RMM_TYPE_SCHEDULE_DIALOG, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *save;

  self->store = g_object_ref (store);
  self->area = g_object_ref (area);
  self->people = rmm_store_list_assessors (store, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new ();
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("Weekly Meetings"),
                                rmm_area_get_name (area), _("Cancel"), _("Schedule"), &save);
  adw_preferences_group_set_description (group,
                                         _("The area’s meetings are kept scheduled eight weeks "
                                           "ahead; one on a bank holiday moves to the next "
                                           "working day. Meetings already scheduled keep their "
                                           "day: move one from the meeting itself (Move…)."));
  self->weekday_row = weekday_row (series ? series->weekday : G_DATE_TUESDAY);
  self->time_row = rmm_entry_row_new (_("Starts at (HH:MM)"), series ? series->starts_at : "10:00");
  self->place_row = rmm_entry_row_new (_("Where"), series ? series->location : NULL);
  self->chair_children_row = person_row (self, _("Chair, Children’s Services"),
                                         series ? series->chair_children_id : 0);
  self->chair_family_row = person_row (self, _("Chair, Family Services"),
                                       series ? series->chair_family_id : 0);
  self->minute_taker_row = person_row (self, _("Minute-taker"),
                                       series ? series->minute_taker_id : 0);
  adw_preferences_group_add (group, GTK_WIDGET (self->weekday_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->time_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->place_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->chair_children_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->chair_family_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->minute_taker_row));
  g_signal_connect_object (save, "clicked", G_CALLBACK (on_save), self, G_CONNECT_SWAPPED);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Schedule You Were Changing?"));
  return self;
}
