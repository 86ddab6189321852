/* rmm-store-meetings.h: meetings: arranged, placed, listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-meeting.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

gboolean     rmm_store_check_meeting_roles  (gint64               chair_children_id,
                                             gint64               chair_family_id,
                                             gint64               minute_taker_id,
                                             GError             **error);
gint64       rmm_store_add_meeting          (RmmStore            *self,
                                             gint64               area_id,
                                             const char          *meets_on,
                                             gint64               chair_children_id,
                                             gint64               chair_family_id,
                                             gint64               minute_taker_id,
                                             GError             **error);
gboolean     rmm_store_set_meeting_location (RmmStore            *self,
                                             gint64               meeting_id,
                                             const char          *location,
                                             GError             **error);
GListModel  *rmm_store_list_meetings        (RmmStore            *self,
                                             gint64               area_id,
                                             GError             **error);
RmmMeeting  *rmm_store_get_meeting          (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gint64       rmm_store_find_next_meeting    (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);

G_END_DECLS
