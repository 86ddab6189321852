/* rmm-move-dialog.c: one meeting moved to another day, time or place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting not yet opened can move on its own (rmm_store_reschedule_meeting); its
 * area's weekly series stays as it is.
 */
#define G_LOG_DOMAIN "rmm-move-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-move-dialog.h"

struct _RmmMoveDialog
{
  RmmFormDialog  parent_instance;

  RmmMeeting    *meeting;
  RmmDateRow    *date_row;
  AdwEntryRow   *time_row;
  AdwEntryRow   *place_row;
};

G_DEFINE_FINAL_TYPE (RmmMoveDialog, rmm_move_dialog, RMM_TYPE_FORM_DIALOG)

static gboolean
rmm_move_dialog_record (RmmFormDialog  *dialog,
                        GError        **error)
{
  RmmMoveDialog *self = RMM_MOVE_DIALOG (dialog);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *time = g_strstrip (g_strdup (typed));
  g_autofree char *date = NULL;

  return rmm_date_row_get_date (self->date_row, &date, error) &&
         rmm_store_reschedule_meeting (rmm_form_dialog_get_store (dialog),
                                       rmm_meeting_get_id (self->meeting), date, time,
                                       gtk_editable_get_text (GTK_EDITABLE (self->place_row)),
                                       error);
}

static void
rmm_move_dialog_dispose (GObject *object)
{
  RmmMoveDialog *self = RMM_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_MOVE_DIALOG);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rmm_move_dialog_parent_class)->dispose (object);
}

static void
rmm_move_dialog_class_init (RmmMoveDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_move_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_move_dialog_record;

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmMoveDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RmmMoveDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, RmmMoveDialog, place_row);
}

static void
rmm_move_dialog_init (RmmMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The meeting as it stands, to change; its area and day under the title. */
RmmMoveDialog *
rmm_move_dialog_new (GtkWindow  *parent,
                     RmmStore   *store,
                     RmmMeeting *meeting)
{
  g_autofree char *day = rmm_meeting_format_date (meeting, "%A %-d %B %Y");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", rmm_meeting_get_area_name (meeting),
                                               day);
  RmmMoveDialog *self = g_object_new (RMM_TYPE_MOVE_DIALOG, "transient-for", parent,
                                      "store", store, "subtitle", subtitle, NULL);

  self->meeting = g_object_ref (meeting);
  rmm_date_row_set_date (self->date_row, rmm_meeting_get_meets_on (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), rmm_meeting_get_starts_at (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), rmm_meeting_get_location (meeting));
  return self;
}
