/* rmm-meeting-session.h: the meeting on show and the child the room is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rmm-agenda-item.h"
#include "rmm-item-clock.h"
#include "rmm-meeting.h"

G_BEGIN_DECLS

#define RMM_TYPE_MEETING_SESSION (rmm_meeting_session_get_type ())
G_DECLARE_FINAL_TYPE (RmmMeetingSession, rmm_meeting_session, RMM, MEETING_SESSION, GObject)

RmmMeetingSession *rmm_meeting_session_new         (void);
RmmMeeting        *rmm_meeting_session_get_meeting (RmmMeetingSession *self);
void               rmm_meeting_session_set_meeting (RmmMeetingSession *self,
                                                    RmmMeeting        *meeting);
RmmAgendaItem     *rmm_meeting_session_get_item    (RmmMeetingSession *self);
void               rmm_meeting_session_set_item    (RmmMeetingSession *self,
                                                    RmmAgendaItem     *item);
RmmItemClock      *rmm_meeting_session_get_clock   (RmmMeetingSession *self);

G_END_DECLS
