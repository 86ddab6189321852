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
#include "rmm-gui-utils.h"
#include "rmm-move-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmMoveDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmMeeting    *meeting;
  RmmDateRow    *date_row;
  AdwEntryRow   *time_row;
  AdwEntryRow   *place_row;
};

G_DEFINE_FINAL_TYPE (RmmMoveDialog, rmm_move_dialog, ADW_TYPE_WINDOW)

static void
on_move (RmmMoveDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));

  if (!rmm_date_row_get_date (self->date_row, &date, &error) ||
      !rmm_store_reschedule_meeting (self->store, rmm_meeting_get_id (self->meeting), date, time,
                                     gtk_editable_get_text (GTK_EDITABLE (self->place_row)),
                                     &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Meeting Was Not Moved"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_move_dialog_dispose (GObject *object)
{
  RmmMoveDialog *self = RMM_MOVE_DIALOG (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_move_dialog_parent_class)->dispose (object);
}

static void
rmm_move_dialog_class_init (RmmMoveDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_move_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_move_dialog_init (RmmMoveDialog *self)
{
}

RmmMoveDialog *
rmm_move_dialog_new (GtkWindow  *parent,
                     RmmStore   *store,
                     RmmMeeting *meeting)
{
  g_autofree char *day = rmm_meeting_format_date (meeting, "%A %-d %B %Y");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", rmm_meeting_get_area_name (meeting),
                                               day);
  RmmMoveDialog *self = g_object_new (RMM_TYPE_MOVE_DIALOG, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *move;

  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("Move the Meeting"), subtitle,
                                _("Cancel"), _("Move"), &move);
  adw_preferences_group_set_description (group,
                                         _("This meeting only; the area’s weekly meetings stay "
                                           "as they are."));
  self->date_row = RMM_DATE_ROW (rmm_date_row_new (_("Date")));
  rmm_date_row_set_date (self->date_row, rmm_meeting_get_meets_on (meeting));
  self->time_row = rmm_entry_row_new (_("Starts at (HH:MM)"), rmm_meeting_get_starts_at (meeting));
  self->place_row = rmm_entry_row_new (_("Where"), rmm_meeting_get_location (meeting));
  adw_preferences_group_add (group, GTK_WIDGET (self->date_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->time_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->place_row));
  g_signal_connect_object (move, "clicked", G_CALLBACK (on_move), self, G_CONNECT_SWAPPED);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Change You Were Making?"));
  return self;
}
