/* test-schedule.c: an area's weekly meetings stay scheduled ahead, around bank holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rmm-test-support.h"

#include "rmm-error.h"
#include "rmm-store.h"

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    area;
  gint64    agency;
  gint64    chair1;
  gint64    chair2;
} Fixture;

static void
at (Fixture    *f,
    const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  rmm_store_set_clock (f->store, when);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
  at (f, "2026-11-30T09:00:00Z");
  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  f->agency = rmm_store_add_agency (f->store, "Testshire Children’s Services", "childrens-services",
                                 NULL);
  f->chair1 = rmm_store_add_professional (f->store, f->agency, "Ada Chairwell", "", NULL);
  f->chair2 = rmm_store_add_professional (f->store, f->agency, "Ben Cochair", "", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

/* "2026-12-07 10:00 Room 4" for each of the area's meetings, in order. */
static char *
list_meetings (Fixture *f)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, f->area, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = g_list_model_get_n_items (meetings); i > 0; i--)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i - 1);

      g_string_append_printf (text, "%s %s %s\n", rmm_meeting_get_meets_on (meeting),
                              rmm_meeting_get_starts_at (meeting),
                              rmm_meeting_get_location (meeting));
    }
  return g_string_free (text, FALSE);
}

static void
test_series_around_bank_holidays (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meetings = NULL;
  RmmSeriesInput input = {
    .area_id = f->area, .weekday = G_DATE_MONDAY, .starts_at = "09:30", .location = " Room 4 ",
    .chair_children_id = f->chair1, .chair_family_id = f->chair2,
  };

  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  g_assert_no_error (error);
  meetings = list_meetings (f);
  /* Eight weeks ahead of Monday 30 November; Boxing Day's substitute (Monday 28 December)
   * meets on the Tuesday. */
  g_assert_cmpstr (meetings, ==,
                   "2026-11-30 09:30 Room 4\n2026-12-07 09:30 Room 4\n"
                   "2026-12-14 09:30 Room 4\n2026-12-21 09:30 Room 4\n"
                   "2026-12-29 09:30 Room 4\n2027-01-04 09:30 Room 4\n"
                   "2027-01-11 09:30 Room 4\n2027-01-18 09:30 Room 4\n"
                   "2027-01-25 09:30 Room 4\n");

  /* Nothing more to add the same day; a week on, one more. */
  g_assert_cmpint (rmm_store_schedule_ahead (f->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, &error), ==, 0);
  at (f, "2026-12-07T09:00:00Z");
  g_assert_cmpint (rmm_store_schedule_ahead (f->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_series_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmSeriesInput weekend = { .area_id = f->area, .weekday = G_DATE_SATURDAY, .starts_at = "10:00" };
  RmmSeriesInput bad_time = { .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "25:00" };
  RmmSeriesInput same_chair = {
    .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00",
    .chair_children_id = f->chair1, .chair_family_id = f->chair1,
  };
  RmmSeriesInput chair_takes_minutes = {
    .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00",
    .chair_children_id = f->chair1, .chair_family_id = f->chair2, .minute_taker_id = f->chair2,
  };
  RmmSeriesInput two_lines = {
    .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00", .location = "Room\n4",
  };
  const RmmSeriesInput *cases[] = {
    &weekend, &bad_time, &same_chair, &chair_takes_minutes, &two_lines,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (rmm_store_set_meeting_series (f->store, cases[i], &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (rmm_store_get_meeting_series (f->store, f->area, &error));
  g_assert_no_error (error);
}

static void
test_move_one_meeting (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmMeeting) moved = NULL;
  RmmSeriesInput input = { .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00" };
  gint64 id;

  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  id = rmm_test_find_meeting_on (f->store, f->area, "2026-12-08");
  g_assert_true (rmm_store_reschedule_meeting (f->store, id, "2026-12-09", "14:00",
                                               "Council House", &error));
  g_assert_no_error (error);
  moved = rmm_store_get_meeting (f->store, id, &error);
  g_assert_cmpstr (rmm_meeting_get_meets_on (moved), ==, "2026-12-09");
  g_assert_cmpstr (rmm_meeting_get_starts_at (moved), ==, "14:00");
  g_assert_cmpstr (rmm_meeting_get_location (moved), ==, "Council House");

  /* Not onto another meeting's day, not to a day that does not exist, not once held. */
  g_assert_false (rmm_store_reschedule_meeting (f->store, id, "2026-12-15", NULL, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_reschedule_meeting (f->store, id, "2026-02-30", NULL, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  {
    RmmAttendanceInput present = {
      .agency_id = f->agency, .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT,
    };

    g_assert_true (rmm_store_open_meeting (f->store, id, &present, 1, TRUE, NULL));
  }
  g_assert_false (rmm_store_reschedule_meeting (f->store, id, "2026-12-10", NULL, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
}

/* How many of the area's meetings fall on @iso. */
static gint64
meetings_on (Fixture    *f,
             const char *iso)
{
  return rmm_test_count_meetings_on (f->store, f->area, iso);
}

/* A meeting moved far ahead leaves no gap behind it; one moved within its week is that
 * week's; the past, far years, weekends and bank holidays are refused. */
static void
test_moves_leave_no_gap (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmSeriesInput input = { .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00" };
  static const char *refused[] = {
    "2026-11-27",   /* the past */
    "2099-12-15",   /* more than a year ahead */
    "2026-12-25",   /* Christmas Day */
    "2026-12-26",   /* a Saturday */
  };
  gint64 postponed, within;

  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  postponed = rmm_test_find_meeting_on (f->store, f->area, "2027-01-19");
  within = rmm_test_find_meeting_on (f->store, f->area, "2026-12-15");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (rmm_store_reschedule_meeting (f->store, within, refused[i], NULL, NULL,
                                                    &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (rmm_store_reschedule_meeting (f->store, postponed, "2027-03-02", NULL, NULL,
                                               &error));
  g_assert_true (rmm_store_reschedule_meeting (f->store, within, "2026-12-17", NULL, NULL,
                                               &error));
  g_assert_no_error (error);

  /* Five weeks on: every week to eight weeks ahead has its meeting, the postponed one's
   * week too; the week whose meeting moved to the Thursday has no second one. */
  at (f, "2027-01-04T09:00:00Z");
  g_assert_cmpint (rmm_store_schedule_ahead (f->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (meetings_on (f, "2026-12-15"), ==, 0);
  g_assert_cmpint (meetings_on (f, "2027-01-19"), ==, 1);
  g_assert_cmpint (meetings_on (f, "2027-02-02"), ==, 1);
  g_assert_cmpint (meetings_on (f, "2027-02-23"), ==, 1);
  g_assert_cmpint (meetings_on (f, "2027-03-02"), ==, 1);
}

/* Times as people type them are kept as HH:MM; setting what is already set records nothing. */
static void
test_times_as_typed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmMeetingSeries) series = NULL;
  RmmSeriesInput input = { .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "9:00" };
  gint64 events, id;

  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  g_assert_no_error (error);
  series = rmm_store_get_meeting_series (f->store, f->area, &error);
  g_assert_cmpstr (series->starts_at, ==, "09:00");

  events = rmm_test_change_mark (f->store);
  input.starts_at = "09.00";
  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rmm_test_change_mark (f->store), ==, events);

  id = rmm_test_find_meeting_on (f->store, f->area, "2026-12-08");
  g_assert_true (rmm_store_reschedule_meeting (f->store, id, NULL, "9.30", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RmmMeeting) moved = rmm_store_get_meeting (f->store, id, &error);

    g_assert_cmpstr (rmm_meeting_get_starts_at (moved), ==, "09:30");
  }
  g_assert_false (rmm_store_reschedule_meeting (f->store, id, NULL, "9:3", NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“9:3”"));
}

/* A series stored before a chair could not take the minutes still makes its meetings, with
 * the minute-taker left to be chosen. */
static void
test_old_series_chair_taking_minutes (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmMeetingSeries) series = NULL;
  RmmSeriesInput input = {
    .area_id = f->area, .weekday = G_DATE_TUESDAY, .starts_at = "10:00",
    .chair_children_id = f->chair1, .chair_family_id = f->chair2,
  };
  g_autoptr(GListModel) meetings = NULL;
  g_autofree char *old = NULL;

  g_assert_true (rmm_store_set_meeting_series (f->store, &input, &error));
  series = rmm_store_get_meeting_series (f->store, f->area, &error);
  /* As a version before the rule wrote it: the store itself refuses it now. */
  old = g_strdup_printf ("UPDATE meeting_series SET minute_taker_id = %" G_GINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT, f->chair2, series->id);
  rmm_test_write_below_store (f->store, old);
  at (f, "2026-12-15T09:00:00Z");
  g_assert_cmpint (rmm_store_schedule_ahead (f->store, f->area, RMM_SCHEDULE_WEEKS_AHEAD, &error),
                   >, 0);
  g_assert_no_error (error);
  /* Made, with both chairs, and nobody yet taking the minutes. */
  meetings = rmm_store_list_meetings (f->store, f->area, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);

      g_assert_cmpstr (rmm_meeting_get_minute_taker (meeting), ==, "");
      g_assert_cmpint (rmm_meeting_get_chair_family_id (meeting), ==, f->chair2);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/schedule/series-around-bank-holidays", test_series_around_bank_holidays);
  ADD ("/schedule/refused", test_series_refused);
  ADD ("/schedule/move-one", test_move_one_meeting);
  ADD ("/schedule/moves-leave-no-gap", test_moves_leave_no_gap);
  ADD ("/schedule/times-as-typed", test_times_as_typed);
  ADD ("/schedule/old-series-chair-taking-minutes", test_old_series_chair_taking_minutes);
  return g_test_run ();
}
