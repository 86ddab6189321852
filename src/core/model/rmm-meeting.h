/* rmm-meeting.h: one weekly RMM of an area, as listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rmm-states.h"

G_BEGIN_DECLS

#define RMM_TYPE_MEETING (rmm_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RmmMeeting, rmm_meeting, RMM, MEETING, GObject)

gint64      rmm_meeting_get_id                 (RmmMeeting *self);
gint64      rmm_meeting_get_area_id            (RmmMeeting *self);
const char *rmm_meeting_get_area_name          (RmmMeeting *self);
const char *rmm_meeting_get_meets_on           (RmmMeeting *self);
const char *rmm_meeting_get_starts_at          (RmmMeeting *self);
const char *rmm_meeting_get_location           (RmmMeeting *self);
const char *rmm_meeting_get_status            (RmmMeeting *self);
RmmMeetingStatus rmm_meeting_get_state       (RmmMeeting *self);
const char *rmm_meeting_get_chair_children     (RmmMeeting *self);
const char *rmm_meeting_get_chair_family       (RmmMeeting *self);
const char *rmm_meeting_get_minute_taker       (RmmMeeting *self);
guint       rmm_meeting_get_n_children         (RmmMeeting *self);
gint64      rmm_meeting_get_chair_children_id  (RmmMeeting *self);
gint64      rmm_meeting_get_chair_family_id    (RmmMeeting *self);
GDate      *rmm_meeting_dup_date               (RmmMeeting *self);
char       *rmm_meeting_format_date            (RmmMeeting *self,
                                                const char *format);
gboolean    rmm_meeting_is_coming              (RmmMeeting *self);
const char *rmm_meeting_get_status_label       (RmmMeeting *self);
const char *rmm_meeting_get_confidentiality_statement (void);

G_END_DECLS
