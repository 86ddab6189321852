/* test-calendar.c: the calendar file, read back with libical as a calendar would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "rmm-calendar.h"
#include "rmm-error.h"

/* The UTC time of the VEVENT whose UID is @uid ("YYYYMMDDTHHMMSSZ"), or its day. */
static char *
start_of (icalcomponent *calendar,
          const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start;

      if (g_strcmp0 (icalcomponent_get_uid (event), uid) != 0)
        continue;
      start = icalcomponent_get_dtstart (event);
      if (start.is_date)
        return g_strdup (icaltime_as_ical_string (start));
      start = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
      return g_strdup (icaltime_as_ical_string (start));
    }
  return NULL;
}

static const char *
summary_of (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return icalcomponent_get_summary (event);
  return NULL;
}

/* A meeting at 10:00 on the wall is 09:00 UTC in British Summer Time and 10:00 after the
 * clocks go back (25 October 2026); a review is the whole day, whichever. */
static void
test_clock_change (void)
{
  g_autoptr(GPtrArray) events = rmm_calendar_events_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *before = NULL, *after = NULL, *review = NULL;
  icalcomponent *calendar;
  RmmCalendarEvent *event;

  rmm_calendar_add (events, RMM_CALENDAR_MEETING, 1, "2026-10-20", "10:00",
                    "Testshire North")->location = g_strdup ("Room 4, Testshire House");
  rmm_calendar_add (events, RMM_CALENDAR_MEETING, 2, "2026-10-27", "10:00", "Testshire North");
  event = rmm_calendar_add (events, RMM_CALENDAR_PLAN_REVIEW, 3, "2026-10-25", NULL,
                            "Testshire North");
  event->reference = g_strdup ("T-001");
  event = rmm_calendar_add (events, RMM_CALENDAR_ACTION_DUE, 4, "2026-03-29", NULL,
                            "Testshire North");
  event->reference = g_strdup ("T-002");
  event->agency = g_strdup ("Testshire Police");

  ics = rmm_calendar_to_ics (events, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics, "TZID=Europe/London"));
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 4);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  before = start_of (calendar, "meeting-1@rmmdesk.org");
  after = start_of (calendar, "meeting-2@rmmdesk.org");
  review = start_of (calendar, "plan-review-3@rmmdesk.org");
  g_assert_cmpstr (before, ==, "20261020T090000Z");
  g_assert_cmpstr (after, ==, "20261027T100000Z");
  g_assert_cmpstr (review, ==, "20261025");
  g_assert_cmpstr (summary_of (calendar, "plan-review-3@rmmdesk.org"), ==,
                   "Safety plan review due: T-001 (Testshire North)");
  g_assert_cmpstr (summary_of (calendar, "action-4@rmmdesk.org"), ==,
                   "Plan action due: T-002, Testshire Police (Testshire North)");
  icalcomponent_free (calendar);
}

/* A date the record should never hold makes no calendar, and says so. */
static void
test_bad_date (void)
{
  g_autoptr(GPtrArray) events = rmm_calendar_events_new ();
  g_autoptr(GError) error = NULL;

  rmm_calendar_add (events, RMM_CALENDAR_MEETING, 1, "2026-02-30", "10:00", "Testshire North");
  g_assert_null (rmm_calendar_to_ics (events, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/clock-change", test_clock_change);
  g_test_add_func ("/calendar/bad-date", test_bad_date);
  return g_test_run ();
}
