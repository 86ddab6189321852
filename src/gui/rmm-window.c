/* rmm-window.c: the main window: the sidebar of views and areas (RmmSidebar), an area's
 * meetings, the meeting on show, and what the window says about its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its actions are in rmm-window-actions.c; the fields both share in rmm-window-private.h.
 */
#define G_LOG_DOMAIN "rmm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-children-view.h"
#include "rmm-cse-list-view.h"
#include "rmm-oversight-view.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-meeting-row.h"
#include "rmm-referrals-view.h"
#include "rmm-store-keeper.h"
#include "rmm-triggers-view.h"
#include "rmm-unsaved-guard.h"
#include "rmm-window-private.h"

G_DEFINE_FINAL_TYPE (RmmWindow, rmm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_list_page (RmmWindow  *self,
                            const char *page);

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  return rmm_meeting_row_new (RMM_MEETING (item));
}

/* The meeting a row was made for (a new reference), or NULL. */
static RmmMeeting *
row_meeting (GtkListBoxRow *row)
{
  return row ? g_object_ref (rmm_meeting_row_get_meeting (RMM_MEETING_ROW (row))) : NULL;
}

/* "Coming" above next week's meetings, "Past" above the first held one. The header is one
 * plain heading label, made here rather than from a template: GtkLabel cannot be subclassed,
 * and a template class around it would add a widget between the row and its label (another
 * node for the stylesheet and for AT-SPI) and hold nothing but these five properties. */
static void
meeting_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  g_autoptr(RmmMeeting) meeting = row_meeting (row);
  g_autoptr(RmmMeeting) previous = row_meeting (before);
  GtkWidget *header;

  if (meeting == NULL || (previous != NULL && rmm_meeting_is_coming (previous) == rmm_meeting_is_coming (meeting)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (rmm_meeting_is_coming (meeting) ? _("Coming") : _("Past"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

RmmArea *
rmm_window_selected_area (RmmWindow *self)
{
  return rmm_sidebar_dup_area (self->sidebar);
}

static RmmMeeting *
selected_meeting (RmmWindow *self)
{
  return row_meeting (gtk_list_box_get_selected_row (self->meeting_list));
}

static void
show_error (RmmWindow    *self,
            const GError *error)
{
  rmm_show_message (GTK_WIDGET (self), _("Could Not Read the Database"), error->message);
}

static void on_item_shown (RmmWindow *self);

/* The meeting's and the child's keys work while they are on show, and only then. The
 * child's actions join the window once its page exists (it is made when first needed). */
static void
update_meeting_actions (RmmWindow *self)
{
  GActionGroup *item_actions = rmm_meeting_view_get_item_actions (self->meeting_view);

  if (item_actions != NULL && !self->item_actions_offered)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self), "item", item_actions);
      self->item_actions_offered = TRUE;
    }
  rmm_meeting_view_set_active (self->meeting_view,
                               gtk_widget_get_visible (self->details_pane) &&
                               g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack),
                                            "meeting"));
}

static void
show_meeting (RmmWindow  *self,
              RmmMeeting *meeting)
{
  g_autoptr(RmmArea) area = rmm_window_selected_area (self);

  if (meeting == NULL)
    {
      adw_window_title_set_title (self->meeting_title, "");
      adw_window_title_set_subtitle (self->meeting_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      update_meeting_actions (self);
      return;
    }
  adw_window_title_set_subtitle (self->meeting_title, rmm_meeting_get_area_name (meeting));
  rmm_meeting_view_show_meeting (self->meeting_view, meeting,
                                 area ? rmm_area_get_framework_id (area) : "");
  gtk_stack_set_visible_child_name (self->detail_stack, "meeting");
  on_item_shown (self);
}

/* Where the chair is, kept as it changes, so that a restart after a crash comes back there. */
static void
remember_place (RmmWindow *self)
{
  RmmMeeting *meeting = rmm_meeting_view_get_meeting (self->meeting_view);
  RmmAgendaItem *item = rmm_meeting_view_get_current_item (self->meeting_view);

  if (self->settings == NULL || self->restoring || meeting == NULL)
    return;
  g_settings_set (self->settings, "last-place", "(sxx)", rmm_store_get_path (self->store),
                  rmm_meeting_get_id (meeting), item ? rmm_agenda_item_get_id (item) : 0);
}

/* With a child on show, the header names the child and leads back to the agenda. */
static void
on_item_shown (RmmWindow *self)
{
  g_autofree char *title = NULL;
  RmmMeeting *meeting = rmm_meeting_view_get_meeting (self->meeting_view);
  gboolean shown = rmm_meeting_view_get_item_shown (self->meeting_view);

  gtk_widget_set_visible (self->agenda_button, shown);
  update_meeting_actions (self);
  if (meeting == NULL)
    return;
  remember_place (self);
  if (shown)
    g_object_get (self->meeting_view, "item-title", &title, NULL);
  else
    title = rmm_meeting_format_date (meeting, "%A %-d %B %Y");
  adw_window_title_set_title (self->meeting_title, title);
}

static void
on_meeting_selected (RmmWindow     *self,
                     GtkListBoxRow *row)
{
  g_autoptr(RmmMeeting) meeting = selected_meeting (self);

  show_meeting (self, meeting);
}

static void
on_meeting_activated (RmmWindow     *self,
                      GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}


static int
find_meeting (GListModel *meetings,
              gint64      id)
{
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);

      if (rmm_meeting_get_id (meeting) == id)
        return i;
    }
  return -1;
}

/* An area has a row for every week of its history; the list starts with the coming
 * meetings and the last half year, and grows a year at a time on request
 * (RMM_WINDOW_MORE_MEETINGS). */
#define RECENT_MEETINGS 26

void
rmm_window_update_older_button (RmmWindow *self)
{
  guint total = self->meetings ? g_list_model_get_n_items (self->meetings) : 0;

  gtk_widget_set_visible (self->older_button,
                          gtk_slice_list_model_get_size (self->shown_meetings) < total);
}

static void
show_meetings (RmmWindow *self,
               gint64     keep_meeting_id,
               gboolean   same_area)
{
  guint size = RECENT_MEETINGS;
  int keep = find_meeting (self->meetings, keep_meeting_id);

  for (guint i = 0; self->meetings && i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (self->meetings, i);

      if (!rmm_meeting_is_coming (meeting))
        break;
      size++;
    }
  size = MAX (size, (guint)keep + 1);
  /* A reload of the same area's list keeps the older meetings the user asked for. */
  if (same_area && self->shown_meetings != NULL &&
      gtk_slice_list_model_get_model (self->shown_meetings) != NULL)
    size = MAX (size, gtk_slice_list_model_get_size (self->shown_meetings));

  g_clear_object (&self->shown_meetings);
  self->shown_meetings = gtk_slice_list_model_new (self->meetings ? g_object_ref (self->meetings)
                                                                  : NULL, 0, size);
  gtk_list_box_bind_model (self->meeting_list, G_LIST_MODEL (self->shown_meetings),
                           create_meeting_row, self, NULL);
  rmm_window_update_older_button (self);
}

static void
load_meetings (RmmWindow *self,
               gint64     keep_meeting_id)
{
  g_autoptr(RmmArea) area = rmm_window_selected_area (self);
  g_autoptr(GError) error = NULL;
  gint64 area_id = area ? rmm_area_get_id (area) : 0;
  gboolean same_area = area_id == self->listed_area_id;
  int position;

  self->listed_area_id = area_id;
  g_clear_object (&self->meetings);
  if (area != NULL && !(self->meetings = rmm_store_list_meetings (self->store,
                                                                  rmm_area_get_id (area),
                                                                  &error)))
    show_error (self, error);

  adw_window_title_set_title (self->meetings_title, area ? rmm_area_get_name (area)
                                                         : _("Meetings"));
  adw_window_title_set_subtitle (self->meetings_title, _("Weekly meetings"));
  show_meetings (self, keep_meeting_id, same_area);

  position = find_meeting (self->meetings, keep_meeting_id);
  if (position >= 0)
    gtk_list_box_select_row (self->meeting_list,
                             gtk_list_box_get_row_at_index (self->meeting_list, position));
  else
    rmm_window_select_meeting_for_week (self);
}

/* The children, referrals, CSE list and triggers views are made when first shown: most sessions are
 * a meeting. The stack holds them by page name. */
GtkWidget *
rmm_window_ensure_view (RmmWindow  *self,
                        const char *page,
                        GType       type)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->list_stack, page);

  if (view == NULL)
    {
      view = g_object_new (type, NULL);
      gtk_stack_add_named (self->list_stack, view, page);
    }
  return view;
}

static void
set_list_title (RmmWindow  *self,
                const char *title,
                const char *subtitle)
{
  adw_window_title_set_title (self->meetings_title, title);
  adw_window_title_set_subtitle (self->meetings_title, subtitle);
}

/* Meetings of an area use three panes; the children and referrals lists take the width of
 * the last two. */
static void
show_list_page (RmmWindow  *self,
                const char *page)
{
  gboolean meetings = g_str_equal (page, "meetings");

  if (g_str_equal (page, "children"))
    {
      set_list_title (self, _("Children"), _("All areas"));
      rmm_children_view_load (RMM_CHILDREN_VIEW (rmm_window_ensure_view (self, page, RMM_TYPE_CHILDREN_VIEW)),
                              self->store);
    }
  else if (g_str_equal (page, "cse-list"))
    {
      set_list_title (self, _("County-wide CSE List"), _("All areas"));
      rmm_cse_list_view_load (RMM_CSE_LIST_VIEW (rmm_window_ensure_view (self, page, RMM_TYPE_CSE_LIST_VIEW)),
                              self->store);
    }
  else if (g_str_equal (page, "triggers"))
    {
      set_list_title (self, _("Strategy-Discussion Triggers"), _("All areas"));
      rmm_triggers_view_load (RMM_TRIGGERS_VIEW (rmm_window_ensure_view (self, page,
                                                              RMM_TYPE_TRIGGERS_VIEW)),
                              self->store);
    }
  else if (g_str_equal (page, "oversight"))
    {
      set_list_title (self, _("Oversight"), _("The board’s figures, with no child identifiable"));
      rmm_oversight_view_load (RMM_OVERSIGHT_VIEW (rmm_window_ensure_view (self, page,
                                                                  RMM_TYPE_OVERSIGHT_VIEW)),
                               self->store);
    }
  else if (g_str_equal (page, "referrals"))
    {
      set_list_title (self, _("Referrals"), _("All areas, by week received"));
      rmm_referrals_view_load (RMM_REFERRALS_VIEW (rmm_window_ensure_view (self, page,
                                                                RMM_TYPE_REFERRALS_VIEW)),
                               self->store);
    }
  gtk_stack_set_visible_child_name (self->list_stack, page);
  gtk_widget_set_visible (self->details_pane, meetings);
  gtk_widget_set_visible (self->details_separator, meetings);
  update_meeting_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_button), meetings);
  gtk_widget_set_hexpand (self->meetings_pane, !meetings);
}

static void
on_view_chosen (RmmWindow  *self,
                const char *page)
{
  show_list_page (self, page);
}

static void
on_area_chosen (RmmWindow *self,
                RmmArea   *area)
{
  show_list_page (self, "meetings");
  load_meetings (self, 0);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-area", rmm_area_get_name (area));
}

static void
on_sidebar_activated (RmmWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->meetings_pane);
}

static int
find_area (GListModel *areas,
           const char *name,
           gint64      id)
{
  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);

      if (rmm_area_get_id (area) == id || g_strcmp0 (rmm_area_get_name (area), name) == 0)
        return i;
    }
  return -1;
}

/* Reload everything from the store, keeping the area and meeting the user was on. */
/* No area to show: a new database, or (on a server) a login not yet given any. */
static void
show_no_areas (RmmWindow *self)
{
  g_autofree char *description = NULL;

  if (rmm_store_sees_everything (self->store))
    {
      adw_status_page_set_title (self->empty_page, _("No Areas Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("This database is new. Areas and their weekly "
                                         "meetings appear here once they are set up."));
      return;
    }
  description = g_strdup_printf (_("The login “%s” works on no area of this database yet. Its "
                                   "owner gives it one: “rmmctl server grant %s ROLE --area "
                                   "NAME”."),
                                 rmm_store_get_actor (self->store),
                                 rmm_store_get_actor (self->store));
  adw_status_page_set_title (self->empty_page, _("No Areas for This Login"));
  adw_status_page_set_description (self->empty_page, description);
}

static void
load_areas (RmmWindow *self)
{
  g_autoptr(RmmArea) previous_area = rmm_window_selected_area (self);
  g_autoptr(RmmMeeting) previous_meeting = selected_meeting (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *last_area = NULL;
  gint64 meeting_id = previous_meeting ? rmm_meeting_get_id (previous_meeting) : 0;
  int position;

  g_clear_object (&self->areas);
  if (!(self->areas = rmm_store_list_areas (self->store, &error)))
    show_error (self, error);

  rmm_sidebar_set_areas (self->sidebar, self->areas);

  if (self->areas == NULL || g_list_model_get_n_items (self->areas) == 0)
    {
      show_no_areas (self);
      load_meetings (self, 0);
      return;
    }

  if (self->settings != NULL)
    last_area = g_settings_get_string (self->settings, "last-area");
  position = find_area (self->areas, previous_area ? rmm_area_get_name (previous_area) : last_area,
                        previous_area ? rmm_area_get_id (previous_area) : -1);

  rmm_sidebar_select_area (self->sidebar, MAX (position, 0));
  show_list_page (self, "meetings");
  load_meetings (self, meeting_id);
}

/* The first load: back where the chair was when RMM Desk last stopped, crash or not (the
 * meeting, and the child if one was on show, their minutes as saved a second before). The
 * place is read before anything is shown, since showing anything remembers it anew. */
static void
load_and_restore_place (RmmWindow *self)
{
  g_autofree char *path = NULL;
  gint64 meeting_id = 0, item_id = 0;
  g_autoptr(RmmMeeting) meeting = NULL;
  int area;

  if (self->settings != NULL)
    g_settings_get (self->settings, "last-place", "(sxx)", &path, &meeting_id, &item_id);
  self->restoring = TRUE;
  load_areas (self);
  if (g_strcmp0 (path, rmm_store_get_path (self->store)) == 0 && meeting_id > 0 &&
      (meeting = rmm_store_get_meeting (self->store, meeting_id, NULL)) != NULL &&
      (area = find_area (self->areas, rmm_meeting_get_area_name (meeting), -1)) >= 0)
    {
      rmm_sidebar_choose_area (self->sidebar, area);
      load_meetings (self, meeting_id);
      if (item_id > 0)
        rmm_meeting_view_open_item (self->meeting_view, item_id);
    }
  self->restoring = FALSE;
  remember_place (self);
}

/* The meeting a chair wants on opening: the next one to be held, else the newest. */
void
rmm_window_select_meeting_for_week (RmmWindow *self)
{
  int chosen = -1;

  for (guint i = 0; self->meetings != NULL && i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (self->meetings, i);

      if (rmm_meeting_is_coming (meeting))
        chosen = i;   /* newest first, so the last coming one is the soonest */
      else
        break;
    }
  if (chosen < 0 && self->meetings != NULL && g_list_model_get_n_items (self->meetings) > 0)
    chosen = 0;
  if (chosen >= 0)
    gtk_list_box_select_row (self->meeting_list,
                             gtk_list_box_get_row_at_index (self->meeting_list, chosen));
  else
    show_meeting (self, NULL);
}

static gboolean
reload_now (gpointer user_data)
{
  RmmWindow *self = user_data;
  const char *page = gtk_stack_get_visible_child_name (self->list_stack);

  self->reload_source = 0;
  if (g_str_equal (page, "meetings"))
    load_areas (self);
  else
    show_list_page (self, page);
  return G_SOURCE_REMOVE;
}

/* Coalesce a burst of changes into one reload. */
static void
on_store_changed (RmmWindow  *self,
                  const char *entity,
                  gint64      id)
{
  /* Minutes saved as they are typed touch the child on show and nothing else: reloading
   * every list (and working the agenda out again) each second would be wasted. */
  if (g_strcmp0 (entity, "agenda_item") == 0 &&
      rmm_meeting_view_item_changed (self->meeting_view, id))
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_now, self);
}

/* A toast about the file that stays until it is dismissed. */
static void
lasting_toast (RmmWindow  *self,
               const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What the window must say about its file from the start, in toasts that stay until
 * dismissed: a copy others can read, opened read-only by choice; a file read-only for want
 * of its guards. */
static void
warn_about_file (RmmWindow *self)
{
  if (rmm_store_is_exposed (self->store))
    lasting_toast (self, _("Read-only: other users of this computer can read this file"));
  else if (rmm_store_get_read_only (self->store) != NULL &&
           !rmm_store_reads_figures_only (self->store))
    {
      /* The guards of the history are gone (rmm_store_check_schema()): read, never write. */
      lasting_toast (self, _("This database is read-only: its safeguards were changed. "
                             "Run “rmmctl check” on it"));
    }
}

/* The server is back after it was lost: said briefly, and what became of a change whose
 * saving the loss cut off, until dismissed. */
static void
on_server_back (RmmWindow  *self,
                const char *outcome)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Connected to the server again")));
  if (outcome != NULL)
    lasting_toast (self, outcome);
}

/* The keeper (one per store, shared with any other window on it) found the file gone: the
 * store is read-only now, and a copy of what it held is beside it. */
static void
on_file_lost (RmmWindow  *self,
              const char *message)
{
  rmm_show_message (GTK_WIDGET (self), _("The Database File Is Gone"), message);
}

/* Said once the window is on screen, so that the message stacks above it. */
static void
say_if_damaged (RmmWindow *self)
{
  g_autofree char *message = NULL;

  if (self->damage_shown || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      rmm_store_get_damage (self->store) == NULL)
    return;
  message = g_strdup_printf (_("%s\n\nThis window stays open to read what it can; no change "
                               "will be saved to the file."),
                             rmm_store_get_damage (self->store));
  /* In the window itself, until dismissed; the message says the rest. */
  lasting_toast (self, _("The database file is damaged: nothing more will be saved to it"));
  self->damage_shown = TRUE;
  rmm_show_message (GTK_WIDGET (self), _("The Database File Is Damaged"), message);
}

static void
on_keeper_problem (RmmWindow  *self,
                   const char *heading,
                   const char *detail)
{
  rmm_show_message (GTK_WIDGET (self), heading, detail);
}

/* The area's meeting in the week of the chosen day (Monday to Sunday), or the nearest. */
static void
on_jump_day_selected (RmmWindow   *self,
                      GtkCalendar *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  int best = -1, best_distance = G_MAXINT;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  for (guint i = 0; self->meetings && i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (self->meetings, i);
      g_autoptr(GDate) date = rmm_meeting_dup_date (meeting);
      int distance = date ? ABS (g_date_days_between (&day, date)) : G_MAXINT;

      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }
  gtk_menu_button_popdown (self->jump_button);
  if (best < 0)
    return;
  if ((guint)best >= gtk_slice_list_model_get_size (self->shown_meetings))
    {
      gtk_slice_list_model_set_size (self->shown_meetings, best + 1);
      rmm_window_update_older_button (self);
    }
  gtk_list_box_select_row (self->meeting_list,
                           gtk_list_box_get_row_at_index (self->meeting_list, best));
}

static void
save_window_state (RmmWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
rmm_window_close_request (GtkWindow *window)
{
  /* A half-written plan in a dialog of this window is not thrown away with it. */
  if (rmm_unsaved_guard_hold (window))
    return TRUE;
  save_window_state (RMM_WINDOW (window));
  return GTK_WINDOW_CLASS (rmm_window_parent_class)->close_request (window);
}

/* The file's name, or the server's database as "county on rmm.example.org". */
static char *
describe_database (RmmStore *store)
{
  if (rmm_store_is_on_server (store))
    return rmm_store_describe_server (store);
  return g_path_get_basename (rmm_store_get_path (store));
}

/* On a server, what the window's menu offers follows the login's roles: referrals and
 * imports for an area's administrators and chairs, scheduling likewise (the server refuses
 * the rest, README "changes"). */
static void
offer_by_role (RmmWindow *self)
{
  gboolean refer = rmm_store_holds_right_anywhere (self->store, RMM_RIGHT_REFER);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-referral", refer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-referrals", refer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-concern", refer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.schedule",
                                 rmm_store_holds_right_anywhere (self->store,
                                                                 RMM_RIGHT_SCHEDULE));
}

/* A desktop language RMM Desk has no catalogue for leaves the window in English: said once
 * (until the desktop asks for another such language), not every time RMM Desk starts. */
static void
tell_about_language (RmmWindow *self)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *code = NULL, *told = NULL, *text = NULL;

  for (guint i = 0; names[i] != NULL && !g_str_equal (names[i], "C"); i++)
    if (g_str_has_prefix (names[i], "en") || g_str_has_prefix (names[i], "cy"))
      return;
  if (names[0] == NULL || g_str_equal (names[0], "C") || g_str_has_prefix (names[0], "C."))
    return;
  code = g_strndup (names[0], strcspn (names[0], "_.@"));
  told = self->settings ? g_settings_get_string (self->settings, "language-notice") : NULL;
  if (g_strcmp0 (told, code) == 0)
    return;
  text = g_strdup_printf (_("RMM Desk is not translated into your desktop’s language (%s): it "
                            "is shown in English"), code);
  lasting_toast (self, text);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "language-notice", code);
}

/* The board's own login reads the figures published for it and nothing of the record: the
 * Oversight view alone, and nothing offered that would read the record. */
static void
show_figures_only (RmmWindow *self)
{
  static const char * const record_actions[] = {
    "win.show-older-meetings", "win.find-child", "win.show-referrals",
    "win.import-referrals", "win.new-referral", "win.record-concern", "win.preferences",
    "win.schedule", "win.export-calendar", "win.next-item", "win.previous-item",
    "win.projector", "win.projector-blank", "win.projector-unblank", "win.projector-reveal",
    "win.this-week", "win.newer-meeting", "win.older-meeting", "win.previous-area",
    "win.next-area",
  };

  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), record_actions[i], FALSE);
  rmm_sidebar_show_figures_only (self->sidebar);
}

static void
rmm_window_constructed (GObject *object)
{
  RmmWindow *self = RMM_WINDOW (object);
  g_autofree char *where = describe_database (self->store);
  RmmStoreKeeper *keeper;
  int width, height;

  G_OBJECT_CLASS (rmm_window_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->app_title, where);
  if (rmm_store_is_on_server (self->store))
    {
      g_autofree char *how = g_strdup_printf (_("Connected as “%s”. %s"),
                                              rmm_store_get_actor (self->store),
                                              rmm_store_describe_connection (self->store));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->app_title), how);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->app_title),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, how, -1);
    }
  rmm_server_banner_watch (self->server_banner, self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-own-database",
                                 rmm_store_is_on_server (self->store));
  offer_by_role (self);
  gtk_revealer_set_reveal_child (self->demo_revealer, rmm_store_is_demo (self->store));

  if ((self->settings = rmm_settings_if_installed ()) != NULL)
    {
      /* The documents' language, chosen in the Documents menu as in Preferences. */
      g_autoptr(GAction) language = g_settings_create_action (self->settings,
                                                              "documents-language");

      g_action_map_add_action (G_ACTION_MAP (self), language);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  keeper = rmm_store_keeper_get (self->store);
  g_signal_connect_object (keeper, "file-lost", G_CALLBACK (on_file_lost), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (keeper, "damaged", G_CALLBACK (say_if_damaged), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (keeper, "problem", G_CALLBACK (on_keeper_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (say_if_damaged), NULL);
  warn_about_file (self);
  tell_about_language (self);
  rmm_meeting_view_set_store (self->meeting_view, self->store, self->settings);
  self->projector = rmm_projector_new (self->store,
                                       rmm_meeting_view_get_session (self->meeting_view),
                                       self->settings);
  rmm_window_update_projector_actions (self);
  g_signal_connect_object (self->meeting_view, "notify::item-title", G_CALLBACK (on_item_shown),
                           self, G_CONNECT_SWAPPED);
  if (rmm_store_reads_figures_only (self->store))
    show_figures_only (self);
  else
    load_and_restore_place (self);
}

static void
rmm_window_dispose (GObject *object)
{
  RmmWindow *self = RMM_WINDOW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  /* Tearing down the lists deselects their rows: nothing to show any more. */
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  if (self->meeting_list != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_WINDOW);
  g_clear_object (&self->areas);
  g_clear_object (&self->meetings);
  g_clear_object (&self->shown_meetings);
  g_clear_object (&self->projector);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_window_parent_class)->dispose (object);
}

static void
rmm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RmmWindow *self = RMM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RmmWindow *self = RMM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_window_class_init (RmmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rmm_window_constructed;
  object_class->dispose = rmm_window_dispose;
  object_class->get_property = rmm_window_get_property;
  object_class->set_property = rmm_window_set_property;
  window_class->close_request = rmm_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RMM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RMM_TYPE_MEETING_VIEW);
  g_type_ensure (RMM_TYPE_SIDEBAR);
  g_type_ensure (RMM_TYPE_SERVER_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rmmdesk/RmmDesk/rmm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, server_banner);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, areas_pane);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, meetings_pane);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, app_title);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, meetings_title);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, details_separator);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, older_button);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, jump_button);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, meeting_view);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, projector_button);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, projector_menu);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RmmWindow, agenda_button);
  gtk_widget_class_bind_template_callback (widget_class, on_jump_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_view_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_server_back);
  gtk_widget_class_bind_template_callback (widget_class, on_area_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_activated);

  rmm_window_class_init_actions (widget_class);
}

static void
rmm_window_init (RmmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "meeting",
                                  rmm_meeting_view_get_actions (self->meeting_view));
  gtk_list_box_set_header_func (self->meeting_list, meeting_header, self, NULL);
  rmm_menu_button_set_menu_lazily (self->projector_button, self->projector_menu);
  rmm_menu_button_set_menu_lazily (self->primary_button, self->primary_menu);
}

RmmWindow *
rmm_window_new (RmmApplication *application,
                RmmStore       *store)
{
  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  return g_object_new (RMM_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

RmmStore *
rmm_window_get_store (RmmWindow *self)
{
  g_return_val_if_fail (RMM_IS_WINDOW (self), NULL);
  return self->store;
}
