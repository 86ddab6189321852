/* rmm-meeting-row.h: a weekly meeting in an area's list: its day, state and children
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-meeting.h"

G_BEGIN_DECLS

#define RMM_TYPE_MEETING_ROW (rmm_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmMeetingRow, rmm_meeting_row, RMM, MEETING_ROW, GtkListBoxRow)

GtkWidget  *rmm_meeting_row_new         (RmmMeeting    *meeting);
RmmMeeting *rmm_meeting_row_get_meeting (RmmMeetingRow *self);

G_END_DECLS
