/* rmm-meeting-row.c: a weekly meeting in an area's list: its day, state and children
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row's accessible name says it all in words ("Meeting on Monday 7 December 2026,
 * Planned, 5 children"), so a screen reader and the tests find the meeting by it.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-meeting-row.h"

struct _RmmMeetingRow
{
  GtkListBoxRow  parent_instance;

  RmmMeeting    *meeting;

  GtkLabel      *day_label;
  GtkLabel      *details_label;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (RmmMeetingRow, rmm_meeting_row, GTK_TYPE_LIST_BOX_ROW)

static void
rmm_meeting_row_dispose (GObject *object)
{
  RmmMeetingRow *self = RMM_MEETING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_MEETING_ROW);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rmm_meeting_row_parent_class)->dispose (object);
}

static void
rmm_meeting_row_class_init (RmmMeetingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_meeting_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmMeetingRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, RmmMeetingRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RmmMeetingRow, status_label);
}

static void
rmm_meeting_row_init (RmmMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_meeting_row_new (RmmMeeting *meeting)
{
  RmmMeetingRow *self;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *children = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (RMM_IS_MEETING (meeting), NULL);

  self = g_object_new (RMM_TYPE_MEETING_ROW, NULL);
  self->meeting = g_object_ref (meeting);
  date = rmm_meeting_format_date (meeting, "%A %-d %B %Y");
  day = rmm_meeting_format_date (meeting, "%-d %B %Y");
  weekday = rmm_meeting_format_date (meeting, "%A");
  children = rmm_children_text (rmm_meeting_get_n_children (meeting));
  details = g_strdup_printf ("%s · %s", weekday, children);
  accessible = g_strdup_printf (_("Meeting on %s, %s, %s"), date,
                                rmm_meeting_get_status_label (meeting), children);
  gtk_label_set_text (self->day_label, day);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->status_label, rmm_meeting_get_status_label (meeting));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            rmm_meeting_is_coming (meeting) ? "planned" : "signed-off");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

/* The meeting the row was made for: rows outlive a model swap, so never index the model. */
RmmMeeting *
rmm_meeting_row_get_meeting (RmmMeetingRow *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_ROW (self), NULL);

  return self->meeting;
}
