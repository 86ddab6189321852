/* rmm-window-private.h: what the window's files share (rmm-window.c, rmm-window-actions.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-meeting-view.h"
#include "rmm-projector.h"
#include "rmm-server-banner.h"
#include "rmm-sidebar.h"
#include "rmm-window.h"

G_BEGIN_DECLS

/* Older meetings are shown this many at a time. */
#define RMM_WINDOW_MORE_MEETINGS 52

struct _RmmWindow
{
  AdwApplicationWindow  parent_instance;

  RmmStore             *store;
  GListModel           *areas;
  GListModel           *meetings;
  GtkSliceListModel    *shown_meetings;   /* the coming ones and the last weeks */
  GSettings            *settings;
  RmmProjector         *projector;
  GtkWindow            *shortcuts;      /* made when first asked for */
  GtkMenuButton        *projector_button;
  GMenuModel           *projector_menu;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  gboolean              restoring;      /* reopening the place of last time */
  gboolean              damage_shown;   /* the file was found damaged and this window said so */
  guint                 reload_source;
  gint64                listed_area_id;  /* whose meetings the list shows */

  /* template widgets */
  GtkRevealer          *demo_revealer;
  RmmServerBanner      *server_banner;
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *areas_pane;
  GtkWidget            *meetings_pane;
  GtkWidget            *details_pane;
  AdwWindowTitle       *app_title;
  AdwWindowTitle       *meetings_title;
  AdwWindowTitle       *meeting_title;
  RmmSidebar           *sidebar;
  GtkStack             *list_stack;
  GtkWidget            *details_separator;
  GtkListBox           *meeting_list;
  GtkWidget            *older_button;
  GtkStack             *detail_stack;
  AdwStatusPage        *empty_page;
  GtkMenuButton        *jump_button;
  RmmMeetingView       *meeting_view;
  gboolean              item_actions_offered;
  GtkWidget            *agenda_button;
};

void       rmm_window_class_init_actions        (GtkWidgetClass *widget_class);
void       rmm_window_update_projector_actions  (RmmWindow      *self);

RmmArea   *rmm_window_selected_area             (RmmWindow      *self);
void       rmm_window_update_older_button       (RmmWindow      *self);
void       rmm_window_select_meeting_for_week   (RmmWindow      *self);
GtkWidget *rmm_window_ensure_view               (RmmWindow      *self,
                                                 const char     *page,
                                                 GType           type);

G_END_DECLS
