/* rmm-calendar.h: what is coming, for the chairs' and lead professionals' calendars: the
 * meetings, and every safety plan's review and plan action's due date, as iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RMM_CALENDAR_MEETING,       /* a coming meeting, at its time */
  RMM_CALENDAR_PLAN_REVIEW,   /* a safety plan's review date: the whole day */
  RMM_CALENDAR_ACTION_DUE,    /* a plan action's due date: the whole day */
} RmmCalendarKind;

/**
 * RmmCalendarEvent:
 * @id: the meeting's, plan version's or action's: the event's lasting UID
 * @day: YYYY-MM-DD
 * @time: HH:MM in UK time for a meeting, NULL for a whole day
 * @reference: the child's reference (never a name), for a review or an action
 * @agency: the agency whose action it is, or NULL
 * @location: where a meeting is, or NULL
 * @child_id: whose review or action (for the record of who looked), or 0
 */
typedef struct
{
  RmmCalendarKind  kind;
  gint64           id;
  char            *day;
  char            *time;
  char            *area;
  char            *reference;
  char            *agency;
  char            *location;
  gint64           child_id;
} RmmCalendarEvent;

/* How long a meeting is put in the calendar for. */
#define RMM_CALENDAR_MEETING_MINUTES 120

GPtrArray        *rmm_calendar_events_new (void);
RmmCalendarEvent *rmm_calendar_add        (GPtrArray        *events,
                                           RmmCalendarKind   kind,
                                           gint64            id,
                                           const char       *day,
                                           const char       *time,
                                           const char       *area);
char             *rmm_calendar_to_ics     (GPtrArray        *events,
                                           GError          **error);

G_END_DECLS
