/* rmm-meeting-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-meeting-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-actions-dialog.h"
#include "rmm-add-child-dialog.h"
#include "rmm-agenda-row.h"
#include "rmm-circulate-dialog.h"
#include "rmm-conclude-dialog.h"
#include "rmm-documents.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-item-page.h"
#include "rmm-meeting-view.h"
#include "rmm-move-dialog.h"
#include "rmm-open-meeting-dialog.h"
#include "rmm-preview.h"

struct _RmmMeetingView
{
  GtkWidget                parent_instance;

  RmmStore             *store;
  GSettings            *settings;
  RmmMeeting           *meeting;
  GListModel           *agenda;
  char                 *framework_id;   /* of the meeting's area */
  gboolean              agenda_stale;   /* the open item changed since the list was read */
  char                 *why_not_schedule; /* why this login may not change the agenda */

  GtkStack             *pages;
  GtkLabel             *date_label;
  GtkLabel             *time_label;
  GtkLabel             *area_label;
  GtkLabel             *framework_label;
  GtkLabel             *status_label;
  GtkLabel             *chair_children_label;
  GtkLabel             *chair_family_label;
  GtkLabel             *minute_taker_label;
  GtkLabel             *children_label;
  AdwPreferencesGroup  *agenda_group;
  GtkListView          *agenda_view;
  GtkWidget            *add_child_button;
  GtkWidget            *open_button;
  GtkWidget            *move_button;
  GtkWidget            *actions_button;
  GtkWidget            *conclude_button;
  GtkMenuButton        *documents_button;
  GMenuModel           *documents_menu;
  RmmItemPage          *item_page;     /* made when first needed: memory at start-up */
  GSimpleActionGroup   *actions;       /* "meeting.*", reached from anywhere in the window */
  RmmMeetingSession    *session;       /* the meeting and the child on show, and the clock */
  gboolean              active;        /* on show in its window */
  gboolean              enabled[16];   /* each action's own state, whether on show or not */
  gint64                focus_item_id; /* the row to focus once the rows are made; 0: first */
  guint                 focus_source;
};

G_DEFINE_FINAL_TYPE (RmmMeetingView, rmm_meeting_view, GTK_TYPE_WIDGET)

static void action_open_item (GSimpleAction *, GVariant *, gpointer);
static void action_show_agenda (GSimpleAction *, GVariant *, gpointer);
static void action_open_meeting (GSimpleAction *, GVariant *, gpointer);
static void action_previous_actions (GSimpleAction *, GVariant *, gpointer);
static void action_conclude (GSimpleAction *, GVariant *, gpointer);
static void action_add_child (GSimpleAction *, GVariant *, gpointer);
static void action_document (GSimpleAction *, GVariant *, gpointer);
static void action_export_plans (GSimpleAction *, GVariant *, gpointer);
static void action_move (GSimpleAction *, GVariant *, gpointer);
static void action_circulate_minutes (GSimpleAction *, GVariant *, gpointer);

/* Their keys are the application's (rmm-shortcuts.c), so they work wherever focus is. */
static const GActionEntry meeting_actions[] = {
  { "open-item", action_open_item, "x" },
  { "show-agenda", action_show_agenda },
  { "open", action_open_meeting },
  { "previous-actions", action_previous_actions },
  { "conclude", action_conclude },
  { "add-child", action_add_child },
  { "document", action_document, "s" },
  { "export-plans", action_export_plans, "s" },
  { "move", action_move },
  { "circulate-minutes", action_circulate_minutes },
};

/* An action of the meeting on show, enabled by its state while the view is on show. */
static void
set_enabled (RmmMeetingView *self,
             const char     *name,
             gboolean        enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (meeting_actions); i++)
    if (g_str_equal (meeting_actions[i].name, name))
      {
        GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

        self->enabled[i] = enabled;
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled && self->active);
      }
}

enum {
  PROP_0,
  PROP_ITEM_SHOWN,
  PROP_ITEM_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
children_text (guint n_children)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children", n_children),
                          n_children);
}

static void
setup_agenda_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RmmMeetingView           *self)
{
  gtk_list_item_set_child (list_item, rmm_agenda_row_new (self->store));
  /* Enter or a double click opens the child (on_agenda_activate). */
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
bind_agenda_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RmmMeetingView           *self)
{
  RmmAgendaRow *row = RMM_AGENDA_ROW (gtk_list_item_get_child (list_item));

  rmm_agenda_row_set_item (row, gtk_list_item_get_item (list_item), self->framework_id);
  rmm_agenda_row_set_why_not_change (row, self->why_not_schedule);
}

static void
unbind_agenda_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RmmMeetingView           *self)
{
  rmm_agenda_row_set_item (RMM_AGENDA_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

/* The agenda recycles its rows: the 20,000-child database has 180 children on a meeting. */
static void
setup_agenda_view (RmmMeetingView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_agenda_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_agenda_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_agenda_row), self, 0);
  gtk_list_view_set_factory (self->agenda_view, factory);
}

/* "25 children · about 2 h 5 min" */
static void
describe_agenda (RmmMeetingView *self)
{
  g_autofree char *children = NULL;
  g_autofree char *text = NULL;
  guint n_items = 0, minutes = 0;

  for (guint i = 0; self->agenda && i < g_list_model_get_n_items (self->agenda); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (self->agenda, i);

      if (rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_REMOVED)
        continue;
      n_items++;
      minutes += rmm_agenda_item_get_time_box (item);
    }
  children = children_text (n_items);
  text = minutes >= 60
    ? g_strdup_printf (_("%s · about %u h %u min"), children, minutes / 60, minutes % 60)
    : g_strdup_printf (_("%s · about %u min"), children, minutes);
  adw_preferences_group_set_description (self->agenda_group, n_items ? text : NULL);
}

static void
show_error (RmmMeetingView *self,
            const GError   *error)
{
  rmm_show_message (GTK_WIDGET (self), _("Could Not Read the Database"), error->message);
}

/* A coming meeting's agenda is brought up to date with the data as it is shown (the store
 * writes only what changed); a held meeting's is shown as it was. A failure (another
 * program holding the file, say) leaves the agenda as last stored: say so, and show that. */
/* The agenda row keyboard focus is on: its item's id, or 0 when focus is elsewhere. */
static gint64
focused_item (RmmMeetingView *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->agenda_view));
  GtkWidget *child = row ? gtk_widget_get_first_child (row) : NULL;
  RmmAgendaItem *item = RMM_IS_AGENDA_ROW (child) ? rmm_agenda_row_get_item (RMM_AGENDA_ROW (child))
                                                  : NULL;

  return item ? rmm_agenda_item_get_id (item) : 0;
}

/* Focus on the row of @item_id, or on the first row (0), if it is on screen. GTK 4.8 has no
 * call to focus a list's item by position, so the row widget showing it is found. */
static gboolean
focus_row (RmmMeetingView *self,
           gint64          item_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      RmmAgendaItem *item = RMM_IS_AGENDA_ROW (child)
                            ? rmm_agenda_row_get_item (RMM_AGENDA_ROW (child)) : NULL;

      if (item != NULL && (item_id == 0 || rmm_agenda_item_get_id (item) == item_id))
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}

static gboolean
focus_row_later (gpointer data)
{
  RmmMeetingView *self = data;

  focus_row (self, self->focus_item_id);
  self->focus_source = 0;
  return G_SOURCE_REMOVE;
}

/* Once the rows exist (they are made when the list is next laid out). */
static void
focus_row_when_shown (RmmMeetingView *self,
                      gint64          item_id)
{
  self->focus_item_id = item_id;
  if (self->focus_source == 0)
    self->focus_source = g_idle_add_full (G_PRIORITY_LOW, focus_row_later, self, NULL);
}

static void
show_agenda (RmmMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  /* A reload (this window or another changed the record) keeps focus on the same child. */
  gint64 focused = focused_item (self);
  guint time_box = self->settings ? g_settings_get_uint (self->settings, "agenda-time-box") : 5;
  RmmAgendaOrder order = self->settings ? g_settings_get_enum (self->settings, "agenda-order")
                                        : RMM_AGENDA_ORDER_RISK_FIRST;

  self->agenda_stale = FALSE;

  if (rmm_meeting_is_coming (self->meeting) &&
      !rmm_store_refresh_agenda (self->store, rmm_meeting_get_id (self->meeting), time_box,
                                 order, &error))
    {
      g_autofree char *title = g_strdup_printf (_("The agenda was not brought up to date: %s"),
                                                error->message);

      rmm_show_toast (GTK_WIDGET (self), title);
      g_clear_error (&error);
    }
  g_clear_object (&self->agenda);
  self->agenda = rmm_store_list_agenda (self->store, rmm_meeting_get_id (self->meeting), &error);
  if (error != NULL)
    show_error (self, error);

  selection = gtk_no_selection_new (self->agenda ? g_object_ref (self->agenda) : NULL);
  gtk_list_view_set_model (self->agenda_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_view),
                          self->agenda && g_list_model_get_n_items (self->agenda) > 0);
  describe_agenda (self);
  if (focused != 0)
    focus_row_when_shown (self, focused);
}

/* The step the meeting is at decides what the chairs can do next: open it, review the
 * previous actions and conclude it, sign it off, or read what it decided. */
static void
show_progress (RmmMeetingView *self)
{
  RmmMeetingStatus status = rmm_meeting_get_state (self->meeting);
  gboolean planned = status == RMM_MEETING_STATUS_PLANNED;
  gboolean open = status == RMM_MEETING_STATUS_OPEN;
  gboolean signed_off = status == RMM_MEETING_STATUS_SIGNED_OFF;
  gint64 area_id = rmm_meeting_get_area_id (self->meeting);
  /* What this login may not do here, on a server, by its role in the meeting's area. */
  g_autofree char *why_not_minute = rmm_store_why_not_in_area (self->store, RMM_RIGHT_MINUTE,
                                                               area_id);
  g_autofree char *why_not_decide = rmm_store_why_not_in_area (self->store, RMM_RIGHT_DECIDE,
                                                               area_id);
  g_autofree char *why_not_circulate = rmm_store_why_not_in_area (self->store,
                                                                  RMM_RIGHT_CIRCULATE, area_id);
  const char *why_not_schedule;

  g_free (self->why_not_schedule);
  self->why_not_schedule = rmm_store_why_not_in_area (self->store, RMM_RIGHT_SCHEDULE, area_id);
  why_not_schedule = self->why_not_schedule;

  gtk_widget_set_visible (self->open_button, planned);
  gtk_widget_set_visible (self->actions_button, open);
  gtk_widget_set_visible (self->conclude_button, !planned);
  gtk_button_set_label (GTK_BUTTON (self->conclude_button),
                        open ? _("Conclude…")
                             : status == RMM_MEETING_STATUS_CONCLUDED ? _("Sign Off…")
                                                                  : _("Decisions…"));
  set_enabled (self, "open", planned && why_not_minute == NULL);
  set_enabled (self, "move", planned && why_not_schedule == NULL);
  gtk_widget_set_visible (self->move_button, planned);
  set_enabled (self, "previous-actions", open && why_not_minute == NULL);
  /* A signed-off meeting's decisions are there to read, for every login. */
  set_enabled (self, "conclude", !planned && (signed_off || why_not_decide == NULL));
  set_enabled (self, "add-child", why_not_schedule == NULL);
  /* The minutes go out once signed off, by the area's chairs and administrators. */
  set_enabled (self, "circulate-minutes", signed_off && why_not_circulate == NULL);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.circulate-minutes",
                              signed_off ? why_not_circulate : NULL);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.open", why_not_minute);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.move", why_not_schedule);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.previous-actions", why_not_minute);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.conclude",
                              signed_off ? NULL : why_not_decide);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "meeting.add-child", why_not_schedule);
}

static void
show_details (RmmMeetingView *self)
{
  RmmMeeting *meeting = self->meeting;
  RmmFramework *framework = rmm_framework_lookup (self->framework_id);
  g_autofree char *date = rmm_meeting_format_date (meeting, "%A %-d %B %Y");
  g_autofree char *children = g_strdup_printf ("%u", rmm_meeting_get_n_children (meeting));

  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->time_label, rmm_meeting_get_starts_at (meeting));
  gtk_label_set_text (self->area_label, rmm_meeting_get_area_name (meeting));
  gtk_label_set_text (self->framework_label, framework ? rmm_framework_get_name (framework) : "");
  gtk_label_set_text (self->status_label, rmm_meeting_get_status_label (meeting));
  gtk_label_set_text (self->chair_children_label, rmm_meeting_get_chair_children (meeting));
  gtk_label_set_text (self->chair_family_label, rmm_meeting_get_chair_family (meeting));
  gtk_label_set_text (self->minute_taker_label, rmm_meeting_get_minute_taker (meeting));
  gtk_label_set_text (self->children_label, children);
  gtk_widget_set_visible (self->add_child_button, rmm_meeting_is_coming (meeting));
  show_progress (self);
}

static RmmAgendaItem *
find_item (RmmMeetingView *self,
           gint64          item_id,
           guint          *position)
{
  for (guint i = 0; self->agenda && i < g_list_model_get_n_items (self->agenda); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (self->agenda, i);

      if (rmm_agenda_item_get_id (item) == item_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
    }
  return NULL;
}

static gboolean
find_position (RmmMeetingView *self,
               gint64          item_id,
               guint          *position)
{
  g_autoptr(RmmAgendaItem) item = find_item (self, item_id, position);

  return item != NULL;
}

gboolean
rmm_meeting_view_get_item_shown (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), FALSE);

  return g_str_equal (gtk_stack_get_visible_child_name (self->pages), "item");
}

static RmmItemPage *
ensure_item_page (RmmMeetingView *self)
{
  if (self->item_page == NULL)
    {
      self->item_page = g_object_new (RMM_TYPE_ITEM_PAGE, NULL);
      rmm_item_page_set_clock (self->item_page, rmm_meeting_session_get_clock (self->session));
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->item_page), "item");
    }
  return self->item_page;
}

static void
show_item (RmmMeetingView *self,
           RmmAgendaItem  *item)
{
  ensure_item_page (self);
  rmm_item_page_show_item (self->item_page, self->store, self->meeting, item,
                           self->framework_id);
  gtk_stack_set_visible_child_name (self->pages, "item");
  /* The child's time runs from now, when the room turns to them. */
  rmm_meeting_session_set_item (self->session, item);
  rmm_item_page_set_active (self->item_page, self->active);
  set_enabled (self, "show-agenda", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_SHOWN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_TITLE]);
  gtk_widget_child_focus (GTK_WIDGET (self->item_page), GTK_DIR_TAB_FORWARD);
}

/* Back to the agenda, on the item that was open. FALSE if the agenda was on show already. */
gboolean
rmm_meeting_view_show_agenda (RmmMeetingView *self)
{
  RmmAgendaItem *item;
  guint position = 0;

  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), FALSE);

  if (!rmm_meeting_view_get_item_shown (self))
    return FALSE;
  rmm_item_page_save_minutes (self->item_page);
  if (self->agenda_stale)
    show_agenda (self);
  item = rmm_item_page_get_item (self->item_page);
  gtk_stack_set_visible_child_name (self->pages, "overview");
  rmm_meeting_session_set_item (self->session, NULL);
  rmm_item_page_set_active (self->item_page, FALSE);
  set_enabled (self, "show-agenda", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_SHOWN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_TITLE]);
  if (item != NULL)
    find_position (self, rmm_agenda_item_get_id (item), &position);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); its list action does the scrolling. */
  gtk_widget_activate_action (GTK_WIDGET (self->agenda_view), "list.scroll-to-item", "u",
                              position);
  gtk_widget_grab_focus (GTK_WIDGET (self->agenda_view));
  return TRUE;
}

/* The next (or previous) child still on the agenda; removed items are skipped. */
void
rmm_meeting_view_step_item (RmmMeetingView *self,
                            int             delta)
{
  RmmAgendaItem *current;
  guint position = 0, n_items;

  g_return_if_fail (RMM_IS_MEETING_VIEW (self));

  if (self->agenda == NULL || (n_items = g_list_model_get_n_items (self->agenda)) == 0)
    return;
  current = rmm_meeting_view_get_item_shown (self) ? rmm_item_page_get_item (self->item_page)
                                                   : NULL;
  if (current == NULL || !find_position (self, rmm_agenda_item_get_id (current), &position))
    position = delta > 0 ? (guint)-1 : n_items;
  for (int i = (int)position + delta; i >= 0 && i < (int)n_items; i += delta)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (self->agenda, i);

      if (rmm_agenda_item_get_state (item) != RMM_ITEM_STATUS_REMOVED)
        {
          show_item (self, item);
          return;
        }
    }
}

/* Enter (or a double click) on an agenda item: the room turns to that child. */
static void
on_agenda_activate (RmmMeetingView *self,
                    guint           position)
{
  g_autoptr(RmmAgendaItem) item = self->agenda ? g_list_model_get_item (self->agenda, position)
                                               : NULL;

  if (item != NULL && rmm_agenda_item_get_state (item) != RMM_ITEM_STATUS_REMOVED)
    show_item (self, item);
}

static void
action_open_item (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  g_autoptr(RmmAgendaItem) item = find_item (self, g_variant_get_int64 (parameter), NULL);

  if (item != NULL && rmm_agenda_item_get_state (item) != RMM_ITEM_STATUS_REMOVED)
    show_item (self, item);
}

static void
action_move (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RmmMeetingView *self = user_data;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_window_present (GTK_WINDOW (rmm_move_dialog_new (parent, self->store, self->meeting)));
}

/* Focus on the agenda's first row (not on the list as a whole, where Enter does nothing). */
static void
focus_agenda (RmmMeetingView *self)
{
  focus_row_when_shown (self, 0);
}

static void
action_open_meeting (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWindow *dialog = GTK_WINDOW (rmm_open_meeting_dialog_new (parent, self->store,
                                                              self->meeting));

  /* The agenda is where the chair goes next: Enter opens the first child. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (focus_agenda), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
action_previous_actions (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  gtk_window_present (GTK_WINDOW (rmm_actions_dialog_new (parent, self->store, self->meeting)));
}

static void
action_conclude (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->item_page != NULL)
    rmm_item_page_save_minutes (self->item_page);
  gtk_window_present (GTK_WINDOW (rmm_conclude_dialog_new (parent, self->store, self->meeting)));
}

/* The minutes (full or anonymised) or the chairs' pack, previewed before saving. */

static void
action_document (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  RmmDocumentOptions options = { NULL, g_str_equal (which, "minutes-anonymised"), FALSE,
                                 rmm_settings_get_documents_language () };
  gint64 meeting_id = rmm_meeting_get_id (self->meeting);
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *area = rmm_file_name_part (rmm_meeting_get_area_name (self->meeting));
  /* "minutes-ashdown-north-2026-12-01.pdf": which area's, on a shared drive of many. */
  g_autofree char *file_name = g_strdup_printf ("%s-%s-%s.pdf", which, area,
                                                rmm_meeting_get_meets_on (self->meeting));

  if (self->item_page != NULL)
    rmm_item_page_save_minutes (self->item_page);
  if (g_str_equal (which, "pack"))
    document = rmm_chairs_pack_document_new (self->store, meeting_id, &options, &error);
  else
    document = rmm_minutes_document_new (self->store, meeting_id, &options, &error);
  rmm_preview_show (widget, document, error, file_name);
}

static void
on_plans_folder (GtkNativeDialog *chooser,
                 int              response,
                 RmmMeetingView  *self)
{
  RmmPlanAudience audience = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "audience"));
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = NULL;
  RmmDocumentOptions options = { .language = rmm_settings_get_documents_language () };

  if (response == GTK_RESPONSE_ACCEPT)
    {
      folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (folder);
      written = rmm_safety_plans_write_area (self->store, rmm_meeting_get_area_id (self->meeting),
                                             audience, &options, path, &error);
      if (written == NULL)
        rmm_show_message (GTK_WIDGET (self), _("The Safety Plans Were Not Saved"),
                          error->message);
      else
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Saved %u safety plan",
                                                                "Saved %u safety plans",
                                                                written->len), written->len);

          rmm_show_toast (GTK_WIDGET (self), text);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* The signed-off minutes to everyone invited: the dialog says who gets them, and how. */
static void
action_circulate_minutes (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RmmMeetingView *self = RMM_MEETING_VIEW (user_data);
  g_autoptr(GError) error = NULL;
  RmmCirculateDialog *dialog;

  dialog = rmm_circulate_dialog_new_for_minutes (GTK_WINDOW (gtk_widget_get_root (user_data)),
                                                 self->store, self->meeting, &error);
  if (dialog == NULL)
    rmm_show_message (GTK_WIDGET (self), _("Nothing to Circulate"), error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_export_plans (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  RmmPlanAudience audience = RMM_PLAN_AUDIENCE_PROFESSIONAL;
  GtkFileChooserNative *chooser;

  rmm_plan_audience_from_string (g_variant_get_string (parameter, NULL), &audience);
  chooser = gtk_file_chooser_native_new (audience == RMM_PLAN_AUDIENCE_FAMILY
                                         ? _("Save the Family Safety Plans In")
                                         : _("Save the Professional Safety Plans In"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save"),
                                         _("_Cancel"));
  g_object_set_data (G_OBJECT (chooser), "audience", GINT_TO_POINTER (audience));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_plans_folder), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_show_agenda (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWidget *widget = user_data;
  rmm_meeting_view_show_agenda (RMM_MEETING_VIEW (widget));
}

static void
action_add_child (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWidget *widget = user_data;
  RmmMeetingView *self = RMM_MEETING_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->meeting == NULL || !rmm_meeting_is_coming (self->meeting))
    return;
  gtk_window_present (GTK_WINDOW (rmm_add_child_dialog_new (parent, self->store,
                                                            rmm_meeting_get_id (self->meeting),
                                                            rmm_meeting_get_area_id (self->meeting))));
}

void
rmm_meeting_view_set_store (RmmMeetingView *self,
                            RmmStore       *store,
                            GSettings      *settings)
{
  g_return_if_fail (RMM_IS_MEETING_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
}

void
rmm_meeting_view_show_meeting (RmmMeetingView *self,
                               RmmMeeting     *meeting,
                               const char     *framework_id)
{
  char *framework;   /* copied before the old one goes: it may be the same string */
  gboolean same;

  g_return_if_fail (RMM_IS_MEETING_VIEW (self));
  g_return_if_fail (RMM_IS_MEETING (meeting));

  same = self->meeting && rmm_meeting_get_id (self->meeting) == rmm_meeting_get_id (meeting);
  g_set_object (&self->meeting, meeting);
  rmm_meeting_session_set_meeting (self->session, meeting);
  framework = g_strdup (framework_id);
  g_free (self->framework_id);
  self->framework_id = framework;
  show_details (self);
  show_agenda (self);
  if (!same)
    rmm_meeting_view_show_agenda (self);
  else if (rmm_meeting_view_get_item_shown (self))
    rmm_item_page_reload (self->item_page);
}

/* The meeting and the child on show, for the projector and the window to follow. */
RmmMeetingSession *
rmm_meeting_view_get_session (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), NULL);
  return self->session;
}

/* The meeting's actions ("meeting.*"), for the window to offer wherever focus is. */
GActionGroup *
rmm_meeting_view_get_actions (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/* The actions of the child on show ("item.*"); NULL until a child was first shown. */
GActionGroup *
rmm_meeting_view_get_item_actions (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), NULL);
  return self->item_page ? rmm_item_page_get_actions (self->item_page) : NULL;
}

/* On show in its window or not (another view is, or no meeting): the actions follow, so a
 * key never acts on a meeting or a child the chair cannot see. */
void
rmm_meeting_view_set_active (RmmMeetingView *self,
                             gboolean        active)
{
  g_return_if_fail (RMM_IS_MEETING_VIEW (self));

  if (self->active == active)
    return;
  self->active = active;
  for (guint i = 0; i < G_N_ELEMENTS (meeting_actions); i++)
    set_enabled (self, meeting_actions[i].name, self->enabled[i]);
  if (self->item_page != NULL)
    rmm_item_page_set_active (self->item_page,
                              active && rmm_meeting_view_get_item_shown (self));
}

RmmMeeting *
rmm_meeting_view_get_meeting (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), NULL);
  return self->meeting;
}

/* The store changed item @item_id alone. When it is the child on show, that page is all
 * there is to read again (the agenda list behind it is read on the way back); FALSE when
 * the change concerns anything else. */
gboolean
rmm_meeting_view_item_changed (RmmMeetingView *self,
                               gint64          item_id)
{
  RmmAgendaItem *item;

  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), FALSE);

  if (!rmm_meeting_view_get_item_shown (self) ||
      (item = rmm_item_page_get_item (self->item_page)) == NULL ||
      rmm_agenda_item_get_id (item) != item_id)
    return FALSE;
  self->agenda_stale = TRUE;
  rmm_item_page_reload (self->item_page);
  return TRUE;
}

/* Turns to the agenda item @item_id, as the chair did before RMM Desk last stopped.
 * FALSE when this meeting's agenda has no such item. */
gboolean
rmm_meeting_view_open_item (RmmMeetingView *self,
                            gint64          item_id)
{
  g_autoptr(RmmAgendaItem) item = NULL;

  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), FALSE);

  if (!(item = find_item (self, item_id, NULL)))
    return FALSE;
  show_item (self, item);
  return TRUE;
}

/* The child on show, or NULL with the agenda on show. */
RmmAgendaItem *
rmm_meeting_view_get_current_item (RmmMeetingView *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_VIEW (self), NULL);

  if (!rmm_meeting_view_get_item_shown (self))
    return NULL;
  return rmm_item_page_get_item (self->item_page);
}

static char *
item_title (RmmMeetingView *self)
{
  RmmAgendaItem *item = self->item_page ? rmm_item_page_get_item (self->item_page) : NULL;

  if (!rmm_meeting_view_get_item_shown (self) || item == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%u. %s %s", rmm_agenda_item_get_position (item),
                          rmm_agenda_item_get_first_name (item),
                          rmm_agenda_item_get_last_name (item));
}

static void
rmm_meeting_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RmmMeetingView *self = RMM_MEETING_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM_SHOWN:
      g_value_set_boolean (value, rmm_meeting_view_get_item_shown (self));
      break;
    case PROP_ITEM_TITLE:
      g_value_take_string (value, item_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_meeting_view_dispose (GObject *object)
{
  RmmMeetingView *self = RMM_MEETING_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_MEETING_VIEW);
  g_clear_object (&self->agenda);
  g_clear_object (&self->meeting);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->framework_id, g_free);
  g_clear_pointer (&self->why_not_schedule, g_free);
  g_clear_object (&self->actions);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->focus_source, g_source_remove);

  G_OBJECT_CLASS (rmm_meeting_view_parent_class)->dispose (object);
}

static void
rmm_meeting_view_class_init (RmmMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_meeting_view_dispose;
  object_class->get_property = rmm_meeting_view_get_property;

  properties[PROP_ITEM_SHOWN] =
    g_param_spec_boolean ("item-shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-meeting-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmMeetingView, name)
  BIND (pages);
  BIND (date_label);
  BIND (time_label);
  BIND (area_label);
  BIND (framework_label);
  BIND (status_label);
  BIND (chair_children_label);
  BIND (chair_family_label);
  BIND (minute_taker_label);
  BIND (children_label);
  BIND (agenda_group);
  BIND (agenda_view);
  BIND (add_child_button);
  BIND (open_button);
  BIND (move_button);
  BIND (actions_button);
  BIND (conclude_button);
  BIND (documents_button);
  BIND (documents_menu);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_activate);
}

static void
rmm_meeting_view_init (RmmMeetingView *self)
{
  self->session = rmm_meeting_session_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), meeting_actions,
                                   G_N_ELEMENTS (meeting_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (meeting_actions); i++)
    set_enabled (self, meeting_actions[i].name, FALSE);
  /* Those that need no meeting state. */
  set_enabled (self, "open-item", TRUE);
  set_enabled (self, "add-child", TRUE);
  set_enabled (self, "document", TRUE);
  set_enabled (self, "export-plans", TRUE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "meeting", G_ACTION_GROUP (self->actions));
  gtk_widget_init_template (GTK_WIDGET (self));
  rmm_menu_button_set_menu_lazily (self->documents_button, self->documents_menu);
  set_enabled (self, "show-agenda", FALSE);
  setup_agenda_view (self);
}
