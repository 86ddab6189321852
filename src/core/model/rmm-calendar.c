/* rmm-calendar.c: what is coming, as an iCalendar file (libical)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events say what and where with the child's reference, never a name, nor anything
 * typed into a plan (an action's words can name a third party): a calendar is synchronised
 * to phones and shared mailboxes far beyond the RMM network. A meeting is at its UK time
 * (Europe/London, with the zone's rules in the file, so a meeting after the clocks change
 * is at the same hour on the wall); a review or a due date is a whole day. Each event's UID
 * stays the same from one export to the next, so a calendar that imports it again updates
 * the event rather than doubling it.
 */
#define G_LOG_DOMAIN "rmm-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "rmm-calendar.h"
#include "rmm-error.h"

static void
event_free (gpointer data)
{
  RmmCalendarEvent *event = data;

  g_free (event->day);
  g_free (event->time);
  g_free (event->area);
  g_free (event->reference);
  g_free (event->agency);
  g_free (event->location);
  g_free (event);
}

GPtrArray *
rmm_calendar_events_new (void)
{
  return g_ptr_array_new_with_free_func (event_free);
}

/* A new event of @kind on @day (at @time, for a meeting) in @area; the caller fills in the
 * reference, agency or location. */
RmmCalendarEvent *
rmm_calendar_add (GPtrArray       *events,
                  RmmCalendarKind  kind,
                  gint64           id,
                  const char      *day,
                  const char      *time,
                  const char      *area)
{
  RmmCalendarEvent *event = g_new0 (RmmCalendarEvent, 1);

  event->kind = kind;
  event->id = id;
  event->day = g_strdup (day);
  event->time = g_strdup (time);
  event->area = g_strdup (area);
  g_ptr_array_add (events, event);
  return event;
}

/* UK time as calendars expect it: "Europe/London" with today's rules (the clocks go forward
 * at 01:00 GMT on the last Sunday of March and back at 02:00 BST on the last Sunday of
 * October, as since 1996), not libical's copy of the zone's whole history since 1847, under
 * a name of its own, which every event would carry. */
static const char london_rules[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:Europe/London\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZNAME:BST\r\n"
  "TZOFFSETFROM:+0000\r\n"
  "TZOFFSETTO:+0100\r\n"
  "DTSTART:19960331T010000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:GMT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0000\r\n"
  "DTSTART:19961027T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

static icaltimezone *
london (void)
{
  static icaltimezone *zone;

  if (g_once_init_enter (&zone))
    {
      icaltimezone *made = icaltimezone_new ();

      icaltimezone_set_component (made, icalparser_parse_string (london_rules));
      g_once_init_leave (&zone, made);
    }
  return zone;
}

/* @day ("2026-10-27") and @time ("10:00", or NULL for the day itself) as libical has them;
 * FALSE if either is not a date or time. */
static gboolean
parse_when (const char          *day,
            const char          *time,
            struct icaltimetype *when)
{
  int year, month, date, hour = 0, minute = 0;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &date) != 3 ||
      (time != NULL && sscanf (time, "%2d:%2d", &hour, &minute) != 2))
    return FALSE;
  *when = icaltime_null_time ();
  when->year = year;
  when->month = month;
  when->day = date;
  when->is_date = time == NULL;
  when->hour = hour;
  when->minute = minute;
  if (time != NULL)
    *when = icaltime_set_timezone (when, london ());
  return icaltime_is_valid_time (*when) && month >= 1 && month <= 12 && date >= 1 &&
         date <= icaltime_days_in_month (month, year) && hour < 24 && minute < 60;
}

static char *
summary_of (const RmmCalendarEvent *event)
{
  switch (event->kind)
    {
    case RMM_CALENDAR_MEETING:
      /* TRANSLATORS: a calendar event: "CSE Risk Management Meeting, Ashdown East" */
      return g_strdup_printf (_("CSE Risk Management Meeting, %s"), event->area);
    case RMM_CALENDAR_PLAN_REVIEW:
      /* TRANSLATORS: a calendar event: "Safety plan review due: CH-100055 (Ashdown East)" */
      return g_strdup_printf (_("Safety plan review due: %s (%s)"), event->reference,
                              event->area);
    case RMM_CALENDAR_ACTION_DUE:
    default:
      return event->agency != NULL
             /* TRANSLATORS: "Plan action due: CH-100055, Ashdown Constabulary (Ashdown East)" */
             ? g_strdup_printf (_("Plan action due: %s, %s (%s)"), event->reference,
                                event->agency, event->area)
             : g_strdup_printf (_("Plan action due: %s (%s)"), event->reference, event->area);
    }
}

static const char *
uid_kind (RmmCalendarKind kind)
{
  return kind == RMM_CALENDAR_MEETING ? "meeting"
         : kind == RMM_CALENDAR_PLAN_REVIEW ? "plan-review" : "action";
}

static icalcomponent *
new_vevent (const RmmCalendarEvent *event,
            struct icaltimetype     stamp,
            GError                **error)
{
  g_autofree char *uid = g_strdup_printf ("%s-%" G_GINT64_FORMAT "@rmmdesk.org",
                                          uid_kind (event->kind), event->id);
  g_autofree char *summary = summary_of (event);
  struct icaltimetype start;
  icalcomponent *vevent;
  icalproperty *property;

  if (!parse_when (event->day, event->time, &start))
    {
      g_autofree char *when = g_strjoin (" ", event->day ? event->day : "", event->time,
                                         NULL);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The record holds a date or time that is not one (“%s”, %s); the calendar "
                     "was not made."), g_strstrip (when), summary);
      return NULL;
    }
  vevent = icalcomponent_new_vevent ();
  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (vevent, icalproperty_new_summary (summary));
  property = icalproperty_new_dtstart (start);
  if (!start.is_date)
    {
      struct icaltimetype end = icaltime_add (start, icaldurationtype_from_int (
                                                RMM_CALENDAR_MEETING_MINUTES * 60));

      icalproperty_add_parameter (property,
                                  icalparameter_new_tzid (icaltimezone_get_tzid (london ())));
      icalcomponent_add_property (vevent, property);
      property = icalproperty_new_dtend (end);
      icalproperty_add_parameter (property,
                                  icalparameter_new_tzid (icaltimezone_get_tzid (london ())));
    }
  icalcomponent_add_property (vevent, property);
  if (event->location != NULL && *event->location != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_location (event->location));
  /* Busy for a meeting; a due date takes no one's time. */
  icalcomponent_add_property (vevent, icalproperty_new_transp (
                                start.is_date ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
  return vevent;
}

/* The events as one iCalendar file (RFC 5545), or NULL with @error if the record holds a
 * date that is not one. */
char *
rmm_calendar_to_ics (GPtrArray  *events,
                     GError    **error)
{
  icalcomponent *calendar;
  struct icaltimetype stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  char *text;
  char *copy;

  g_return_val_if_fail (events != NULL, NULL);

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//RMM Desk//RMM Desk//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *)0);
  icalcomponent_add_component (calendar,
                               icalcomponent_new_clone (icaltimezone_get_component (london ())));
  for (guint i = 0; i < events->len; i++)
    {
      icalcomponent *vevent = new_vevent (g_ptr_array_index (events, i), stamp, error);

      if (vevent == NULL)
        {
          icalcomponent_free (calendar);
          return NULL;
        }
      icalcomponent_add_component (calendar, vevent);
    }
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  copy = g_strdup (text);
  free (text);
  return copy;
}
