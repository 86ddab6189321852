/* rmm-meeting-view.h: one meeting: its details and agenda, and each child as the room runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-meeting-session.h"

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_MEETING_VIEW (rmm_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmMeetingView, rmm_meeting_view, RMM, MEETING_VIEW, GtkWidget)

void        rmm_meeting_view_set_store    (RmmMeetingView *self,
                                           RmmStore       *store,
                                           GSettings      *settings);
void        rmm_meeting_view_show_meeting (RmmMeetingView *self,
                                           RmmMeeting     *meeting,
                                           const char     *framework_id);
RmmMeeting *rmm_meeting_view_get_meeting  (RmmMeetingView *self);
gboolean    rmm_meeting_view_item_changed (RmmMeetingView *self,
                                           gint64          item_id);
gboolean    rmm_meeting_view_get_item_shown (RmmMeetingView *self);
RmmAgendaItem *rmm_meeting_view_get_current_item (RmmMeetingView *self);
gboolean    rmm_meeting_view_open_item    (RmmMeetingView *self,
                                           gint64          item_id);
gboolean    rmm_meeting_view_show_agenda  (RmmMeetingView *self);
void        rmm_meeting_view_step_item    (RmmMeetingView *self,
                                           int             delta);

GActionGroup   *rmm_meeting_view_get_actions      (RmmMeetingView *self);
GActionGroup   *rmm_meeting_view_get_item_actions (RmmMeetingView *self);
void            rmm_meeting_view_set_active       (RmmMeetingView *self,
                                                   gboolean        active);

RmmMeetingSession *rmm_meeting_view_get_session  (RmmMeetingView *self);

G_END_DECLS
