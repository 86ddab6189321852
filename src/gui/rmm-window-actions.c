/* rmm-window-actions.c: the main window's actions ("win.*"), and the keys and menus that
 * reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's state and views stay in rmm-window.c; what a chair or administrator asks of
 * the window (move between areas and meetings, the projector, a new referral, import,
 * preferences, the shortcuts) is here, as gnome-text-editor keeps its window's actions.
 * The meeting's and the child's own actions are their views' ("meeting.*", "item.*").
 */
#define G_LOG_DOMAIN "rmm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-children-view.h"
#include "rmm-concern-dialog.h"
#include "rmm-dates.h"
#include "rmm-gui-utils.h"
#include "rmm-import-dialog.h"
#include "rmm-preferences-window.h"
#include "rmm-referral-dialog.h"
#include "rmm-schedule-dialog.h"
#include "rmm-window-private.h"

static void
action_show_older_meetings (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  gtk_slice_list_model_set_size (self->shown_meetings,
                                 gtk_slice_list_model_get_size (self->shown_meetings) +
                                 RMM_WINDOW_MORE_MEETINGS);
  rmm_window_update_older_button (self);
}

static void
select_view (RmmWindow  *self,
             const char *page)
{
  rmm_sidebar_show_view (self->sidebar, page);
  adw_leaflet_set_visible_child (self->leaflet, self->meetings_pane);
}

static void
action_find_child (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  GtkWidget *children = rmm_window_ensure_view (self, "children", RMM_TYPE_CHILDREN_VIEW);

  select_view (self, "children");
  rmm_children_view_focus_search (RMM_CHILDREN_VIEW (children));
}

static void
action_show_referrals (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  select_view (self, "referrals");
}

static void
action_show_oversight (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  select_view (RMM_WINDOW (widget), "oversight");
}

static void
action_newer_meeting (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rmm_list_box_move_selection (RMM_WINDOW (widget)->meeting_list, -1);
}

static void
action_older_meeting (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rmm_list_box_move_selection (RMM_WINDOW (widget)->meeting_list, 1);
}

static void
action_previous_area (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rmm_sidebar_move_area (RMM_WINDOW (widget)->sidebar, -1);
}

static void
action_next_area (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rmm_sidebar_move_area (RMM_WINDOW (widget)->sidebar, 1);
}

static void
action_this_week (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  rmm_window_select_meeting_for_week (self);
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

/* Back from a child to the agenda, else from the meeting to the list of meetings. */
static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "meeting") ||
      !rmm_meeting_view_show_agenda (self->meeting_view))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
step_item (RmmWindow *self,
           int        delta)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "meeting"))
    return;
  rmm_meeting_view_step_item (self->meeting_view, delta);
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

/* The projector: F5 puts it up or takes it down; Ctrl+B blanks it, Ctrl+Shift+B shows it
 * again; Ctrl+Shift+N shows (or hides again) the name of the child on show. */
void
rmm_window_update_projector_actions (RmmWindow *self)
{
  gboolean open = self->projector != NULL && rmm_projector_is_open (self->projector);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projector-blank", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projector-unblank", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projector-reveal", open);
}

/* The selected area's weekly meetings. */
static void
action_schedule (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  g_autoptr(RmmArea) area = rmm_window_selected_area (self);

  if (area == NULL)
    {
      rmm_show_toast (widget, _("Choose an area first"));
      return;
    }
  gtk_window_present (GTK_WINDOW (rmm_schedule_dialog_new (GTK_WINDOW (self), self->store,
                                                           area)));
}

static void
on_calendar_chosen (RmmWindow            *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(RmmArea) area = rmm_window_selected_area (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) ||
      !(path = g_file_get_path (file)))
    return;
  rmm_date_set_today (&today);
  if (!rmm_store_write_calendar (self->store, area ? rmm_area_get_id (area) : 0, &today, path,
                                 &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Calendar Was Not Saved"), error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    rmm_show_toast (GTK_WIDGET (self), text);
  }
}

/* The coming meetings, plan reviews and actions due of the area on show (or every area), for
 * the chairs' and lead professionals' calendars: children by reference, never by name. */
static void
action_export_calendar (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  g_autoptr(RmmArea) area = rmm_window_selected_area (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *where = area ? rmm_file_name_part (rmm_area_get_name (area))
                                : g_strdup ("all-areas");
  g_autofree char *file_name = g_strdup_printf ("rmm-calendar-%s.ics", where);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Calendar"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_chosen), self,
                           G_CONNECT_SWAPPED);
  /* Kept while it is open, and one at a time. */
  g_object_set_data_full (G_OBJECT (self), "calendar-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_projector (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  if (self->projector == NULL)
    return;
  if (rmm_projector_is_open (self->projector))
    rmm_projector_close (self->projector);
  else
    rmm_projector_open (self->projector, GTK_WINDOW (self));
  rmm_window_update_projector_actions (self);
}

static void
action_projector_screen (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  RmmProjectorWindow *projector = self->projector ? rmm_projector_get_window (self->projector)
                                                  : NULL;

  if (projector == NULL)
    return;
  if (g_str_equal (action_name, "win.projector-reveal"))
    rmm_projector_window_set_revealed (projector,
                                       !rmm_projector_window_get_revealed (projector));
  else
    rmm_projector_window_set_blank (projector, g_str_equal (action_name, "win.projector-blank"));
}

/* The shortcuts window is built when first asked for, not with every window as GTK does
 * for a gtk/help-overlay.ui: that cost each start 3 MB. */
static void
action_show_shortcuts (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/rmmdesk/RmmDesk/rmm-shortcuts-window.ui");

      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *)&self->shortcuts);
    }
  gtk_window_present (self->shortcuts);
}

static void
action_next_item (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_item (RMM_WINDOW (widget), 1);
}

static void
action_previous_item (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_item (RMM_WINDOW (widget), -1);
}

static void
toast (RmmWindow  *self,
       const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_imported (RmmImportDialog *dialog,
             guint            n_referrals,
             RmmWindow       *self)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u referral",
                                                         "Added %u referrals", n_referrals),
                                            n_referrals);

  toast (self, title);
}

static RmmImportDialog *
open_import_dialog (RmmWindow *self)
{
  RmmImportDialog *dialog = rmm_import_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_referral_saved (RmmReferralDialog *dialog,
                   RmmWindow         *self)
{
  toast (self, _("Referral recorded"));
}

static void
action_new_referral (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  RmmReferralDialog *dialog = rmm_referral_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_referral_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_concern_saved (RmmConcernDialog *dialog,
                  RmmWindow        *self)
{
  toast (self, _("Concern recorded"));
}

static void
action_record_concern (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);
  RmmConcernDialog *dialog = rmm_concern_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_concern_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_preferences (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RmmWindow *self = RMM_WINDOW (widget);

  if (self->settings != NULL)
    gtk_window_present (GTK_WINDOW (rmm_preferences_window_new (GTK_WINDOW (self),
                                                                self->settings, self->store)));
}

/* Back to this computer's database (offered only in a window on the shared server). */
static void
action_use_own_database (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "use-own-database", NULL);
}

static void
action_import_referrals (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_import_dialog (RMM_WINDOW (widget));
}

/* Open the import dialog on @file, as when a CSV is opened with RMM Desk. */
void
rmm_window_import_file (RmmWindow *self,
                        GFile     *file)
{
  g_return_if_fail (RMM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  rmm_import_dialog_load_file (open_import_dialog (self), file);
}

void
rmm_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "win.show-older-meetings", NULL,
                                   action_show_older_meetings);
  gtk_widget_class_install_action (widget_class, "win.find-child", NULL, action_find_child);
  gtk_widget_class_install_action (widget_class, "win.show-referrals", NULL,
                                   action_show_referrals);
  gtk_widget_class_install_action (widget_class, "win.show-oversight", NULL,
                                   action_show_oversight);
  gtk_widget_class_install_action (widget_class, "win.import-referrals", NULL,
                                   action_import_referrals);
  gtk_widget_class_install_action (widget_class, "win.new-referral", NULL, action_new_referral);
  gtk_widget_class_install_action (widget_class, "win.record-concern", NULL,
                                   action_record_concern);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, action_preferences);
  gtk_widget_class_install_action (widget_class, "win.use-own-database", NULL,
                                   action_use_own_database);
  gtk_widget_class_install_action (widget_class, "win.schedule", NULL, action_schedule);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   action_export_calendar);
  gtk_widget_class_install_action (widget_class, "win.next-item", NULL, action_next_item);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   action_show_shortcuts);
  gtk_widget_class_install_action (widget_class, "win.projector", NULL, action_projector);
  gtk_widget_class_install_action (widget_class, "win.projector-blank", NULL,
                                   action_projector_screen);
  gtk_widget_class_install_action (widget_class, "win.projector-unblank", NULL,
                                   action_projector_screen);
  gtk_widget_class_install_action (widget_class, "win.projector-reveal", NULL,
                                   action_projector_screen);
  gtk_widget_class_install_action (widget_class, "win.previous-item", NULL,
                                   action_previous_item);
  gtk_widget_class_install_action (widget_class, "win.this-week", NULL, action_this_week);
  gtk_widget_class_install_action (widget_class, "win.newer-meeting", NULL, action_newer_meeting);
  gtk_widget_class_install_action (widget_class, "win.older-meeting", NULL, action_older_meeting);
  gtk_widget_class_install_action (widget_class, "win.previous-area", NULL, action_previous_area);
  gtk_widget_class_install_action (widget_class, "win.next-area", NULL, action_next_area);
}
