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

#include "rmm-gui-utils.h"
#include "rmm-schedule-dialog.h"

struct _RmmScheduleDialog
{
  RmmFormDialog  parent_instance;

  RmmArea       *area;
  GPtrArray     *people;        /* RmmNamedId: who can chair or take minutes */
  AdwComboRow   *weekday_row;
  AdwEntryRow   *time_row;
  AdwEntryRow   *place_row;
  AdwComboRow   *chair_children_row;
  AdwComboRow   *chair_family_row;
  AdwComboRow   *minute_taker_row;
};

G_DEFINE_FINAL_TYPE (RmmScheduleDialog, rmm_schedule_dialog, RMM_TYPE_FORM_DIALOG)

static gboolean
rmm_schedule_dialog_record (RmmFormDialog  *dialog,
                            GError        **error)
{
  RmmScheduleDialog *self = RMM_SCHEDULE_DIALOG (dialog);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *time = g_strstrip (g_strdup (typed));
  RmmSeriesInput input = {
    .area_id = rmm_area_get_id (self->area),
    .weekday = G_DATE_MONDAY + adw_combo_row_get_selected (self->weekday_row),
    .starts_at = time,
    .location = gtk_editable_get_text (GTK_EDITABLE (self->place_row)),
    .chair_children_id = rmm_combo_row_get_id (self->chair_children_row, self->people, 1),
    .chair_family_id = rmm_combo_row_get_id (self->chair_family_row, self->people, 1),
    .minute_taker_id = rmm_combo_row_get_id (self->minute_taker_row, self->people, 1),
  };

  return rmm_store_set_meeting_series (rmm_form_dialog_get_store (dialog), &input, error);
}

static void
rmm_schedule_dialog_dispose (GObject *object)
{
  RmmScheduleDialog *self = RMM_SCHEDULE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_SCHEDULE_DIALOG);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (rmm_schedule_dialog_parent_class)->dispose (object);
}

static void
rmm_schedule_dialog_class_init (RmmScheduleDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_schedule_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_schedule_dialog_record;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, chair_children_row);
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, chair_family_row);
  gtk_widget_class_bind_template_child (widget_class, RmmScheduleDialog, minute_taker_row);
}

static void
rmm_schedule_dialog_init (RmmScheduleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Who is chosen, from everyone who can chair or take the minutes. */
static void
choose_person (RmmScheduleDialog *self,
               AdwComboRow       *row,
               gint64             id)
{
  g_autoptr(GListModel) model = rmm_named_ids_model (self->people, _("Not named yet"));

  adw_combo_row_set_model (row, model);
  rmm_combo_row_set_id (row, self->people, 1, id);
}

/* Starts from the area's series, or from Tuesday at 10:00 when it has none yet. */
RmmScheduleDialog *
rmm_schedule_dialog_new (GtkWindow *parent,
                         RmmStore  *store,
                         RmmArea   *area)
{
  g_autoptr(RmmMeetingSeries) series = rmm_store_get_meeting_series (store, rmm_area_get_id (area),
                                                                     NULL);
  RmmScheduleDialog *self = g_object_new (RMM_TYPE_SCHEDULE_DIALOG, "transient-for", parent,
                                          "store", store, "subtitle", rmm_area_get_name (area),
                                          NULL);
  GDateWeekday weekday = series ? (GDateWeekday)series->weekday : G_DATE_TUESDAY;

  self->area = g_object_ref (area);
  self->people = rmm_store_list_assessors (store, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new ();
  adw_combo_row_set_selected (self->weekday_row,
                              weekday >= G_DATE_MONDAY && weekday <= G_DATE_FRIDAY
                              ? weekday - G_DATE_MONDAY : 1);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), series ? series->starts_at : "10:00");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), series ? series->location : "");
  choose_person (self, self->chair_children_row, series ? series->chair_children_id : 0);
  choose_person (self, self->chair_family_row, series ? series->chair_family_id : 0);
  choose_person (self, self->minute_taker_row, series ? series->minute_taker_id : 0);
  return self;
}
