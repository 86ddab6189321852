/* rmm-store-schedule.h: an area's weekly meetings, kept eight weeks ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

/* An area's weekly meetings (rmm-store-schedule.c). */
#define RMM_SCHEDULE_WEEKS_AHEAD 8

typedef struct
{
  gint64        area_id;
  GDateWeekday  weekday;            /* G_DATE_MONDAY … G_DATE_FRIDAY */
  const char   *starts_at;          /* HH:MM */
  const char   *location;
  gint64        chair_children_id;  /* 0: not named yet */
  gint64        chair_family_id;
  gint64        minute_taker_id;
} RmmSeriesInput;

typedef struct
{
  gint64        id;
  gint64        area_id;
  GDateWeekday  weekday;
  char         *starts_at;
  char         *location;
  gint64        chair_children_id;
  gint64        chair_family_id;
  gint64        minute_taker_id;
} RmmMeetingSeries;

void              rmm_meeting_series_free       (RmmMeetingSeries      *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmMeetingSeries, rmm_meeting_series_free)

RmmMeetingSeries *rmm_store_get_meeting_series  (RmmStore              *self,
                                                 gint64                 area_id,
                                                 GError               **error);
gboolean          rmm_store_set_meeting_series  (RmmStore              *self,
                                                 const RmmSeriesInput  *input,
                                                 GError               **error);
gint              rmm_store_schedule_ahead      (RmmStore              *self,
                                                 gint64                 area_id,
                                                 guint                  weeks,
                                                 GError               **error);
gboolean          rmm_store_reschedule_meeting  (RmmStore              *self,
                                                 gint64                 meeting_id,
                                                 const char            *meets_on,
                                                 const char            *starts_at,
                                                 const char            *location,
                                                 GError               **error);

G_END_DECLS
