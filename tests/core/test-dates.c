/* test-dates.c: dates as people in the room type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-dates.h"

static void
test_uk_forms (void)
{
  static const char *typed[] = {
    "2026-12-15", "15/12/2026", "15/12/26", "15-12-2026", "15.12.2026", "15 Dec 2026",
    "15 Dec. 2026", "15 Dec, 2026", "15th December 2026", "15 DECEMBER 26", "15 Rhagfyr 2026",
    "  15/12/2026  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *stored = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_assert_true (rmm_date_parse_uk (typed[i], &day));
      stored = rmm_date_format (&day);
      g_assert_cmpstr (stored, ==, "2026-12-15");
    }
}

static void
test_refused (void)
{
  /* Never a day that does not exist, never month first, nothing half-typed. */
  static const char *typed[] = {
    "30/02/2026", "12/31/2026", "Dec 15 2026", "15 Foo 2026", "15/12-2026", "15/12",
    "15/12/202", "", "   ", "2026-02-30", "15/12/2026x", "١٥/١٢/٢٠٢٦",
    /* One digit from another script would be read as where the ASCII ones stop. */
    "1٥/12/2026", "15/1２/2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_false (rmm_date_parse_uk (typed[i], NULL));
  g_assert_false (rmm_date_parse_uk (NULL, NULL));
}

static void
test_stored_strictly (void)
{
  static const char *stored[] = { "2026-+1-15", "2026- 1-15", "2026-12- 5", "+026-12-15" };

  g_assert_true (rmm_date_parse ("2026-12-15", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    g_assert_false (rmm_date_parse (stored[i], NULL));
}

/* A date and time as typed, kept as UTC (December: London is UTC). */
static void
test_times (void)
{
  static const struct { const char *typed, *stored; } cases[] = {
    { "15/12/2026 10:00", "2026-12-15T10:00:00Z" },
    { "15 Dec 2026 10:00", "2026-12-15T10:00:00Z" },
    { "15 Dec 2026", "2026-12-15T00:00:00Z" },
    { "15 OCT 2026", "2026-10-14T23:00:00Z" },
    { "2026-12-15T10:00", "2026-12-15T10:00:00Z" },
    { "15 Dec 2026 25:00", NULL },
    { "15/12/2026 9:05", "2026-12-15T09:05:00Z" },
    { "15/12/2026 9:05:30", "2026-12-15T09:05:30Z" },
    { "15/12/2026 -1:30", NULL },
    { "15/12/2026 +9:30", NULL },
    { "15/12/2026 9:5", NULL },
    { "15/12/2026 009:05", NULL },
    /* The clocks go forward at 01:00 on 29 March 2026: 01:30 never happens. */
    { "29/03/2026 01:30", NULL },
    { "29/03/2026 00:59", "2026-03-29T00:59:00Z" },
    { "29/03/2026 02:00", "2026-03-29T01:00:00Z" },
    /* And back at 02:00 on 25 October: 01:30 happens twice; GLib takes the second (GMT). */
    { "25/10/2026 01:30", "2026-10-25T01:30:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = rmm_time_parse_uk (cases[i].typed);

      g_assert_cmpstr (stored, ==, cases[i].stored);
    }
}

/* The UK day a stored UTC time fell on: a summer evening after 23:00 UTC is the next day
 * in the UK, a winter one is not; the clock changes; the other forms a stored time may have
 * (as an import keeps it: a space or a small t, a leap second); and what is not a stored
 * time is no day. */
static void
test_day_of_time (void)
{
  static const struct { const char *stored, *day; } cases[] = {
    { "2026-07-01T22:59:59Z", "2026-07-01" }, { "2026-07-01T23:00:00Z", "2026-07-02" },
    { "2026-12-31T23:30:00Z", "2026-12-31" }, { "2027-01-01T00:30:00Z", "2027-01-01" },
    { "2026-06-30T00:00:00Z", "2026-06-30" }, { "2026-06-30T21:59:59Z", "2026-06-30" },
    { "2026-06-30T22:00:00Z", "2026-06-30" }, { "2026-03-28T23:30:00Z", "2026-03-28" },
    { "2026-03-29T00:59:59Z", "2026-03-29" }, { "2026-03-29T23:00:00Z", "2026-03-30" },
    { "2026-10-24T23:00:00Z", "2026-10-25" }, { "2026-10-25T23:00:00Z", "2026-10-25" },
    { "2028-02-29T12:00:00Z", "2028-02-29" }, { "2027-02-29T12:00:00Z", NULL },
    { "2026-07-01T24:00:00Z", NULL }, { "2026-07-01T12:60:00Z", NULL },
    { "2026-07-01T12:00:60Z", "2026-07-01" }, { "2026-07-01 12:00:00Z", "2026-07-01" },
    { "2026-07-01t23:30:00Z", "2026-07-02" },
    { "2026-07-01T12:00:00", NULL }, { "2026-07-01T12:00:00+01:00", NULL },
    { "2026-7-01T12:00:00Z", NULL }, { "2026-07-01T1a:00:00Z", NULL },
    { "0000-07-01T12:00:00Z", NULL }, { "", NULL }, { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) day = rmm_date_from_time (cases[i].stored);
      g_autofree char *text = day ? rmm_date_format (day) : NULL;

      g_assert_cmpstr (text, ==, cases[i].day);
    }
}

/* A stored time as seconds since 1970, as the board's figures compare them, whichever form
 * rmm_time_is_valid () takes; what is not a stored time is none. */
static void
test_time_as_number (void)
{
  static const struct { const char *stored; gint64 seconds; } cases[] = {
    { "1970-01-01T00:00:00Z", 0 }, { "2026-07-01T09:30:00Z", 1782898200 },
    { "2000-02-29T23:59:59Z", 951868799 }, { "1969-12-31T23:00:00Z", -3600 },
    /* Other forms rmm_time_is_valid () takes, read as GLib reads them. */
    { "2026-07-01 10:00:00Z", 1782900000 }, { "2026-07-02t11:00:00Z", 1782990000 },
    { "2026-07-03T12:00:60Z", 1783080059 },
  };
  static const char * const refused[] = {
    "2027-02-29T12:00:00Z", "2026-07-01T24:00:00Z", "2026-07-01T12:00:00+01:00", "",
    "2026-07-01T12:00:0Z", "２026-07-01T12:00:00Z", "2026-07-01T12:00:00z", NULL,
  };
  gint64 seconds;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (rmm_time_read_unix (cases[i].stored, &seconds));
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (rmm_time_read_unix (refused[i], &seconds));
}

/* A meeting's time of day, as people type it, kept as HH:MM. */
static void
test_time_of_day (void)
{
  static const struct { const char *typed, *kept; } cases[] = {
    { "9:00", "09:00" }, { "09:00", "09:00" }, { "9.30", "09:30" }, { " 14:15 ", "14:15" },
    { "0:00", "00:00" }, { "23:59", "23:59" }, { "24:00", NULL }, { "9:60", NULL },
    { "9", NULL }, { "9:0", NULL }, { "9:000", NULL }, { "+9:00", NULL }, { "9 :00", NULL },
    { "9:00am", NULL }, { "9:00:30", NULL }, { "", NULL }, { "٩:٠٠", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = rmm_time_of_day_parse (cases[i].typed);

      g_assert_cmpstr (kept, ==, cases[i].kept);
    }
  g_assert_null (rmm_time_of_day_parse (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dates/uk-forms", test_uk_forms);
  g_test_add_func ("/dates/refused", test_refused);
  g_test_add_func ("/dates/stored-strictly", test_stored_strictly);
  g_test_add_func ("/dates/times", test_times);
  g_test_add_func ("/dates/time-of-day", test_time_of_day);
  g_test_add_func ("/dates/day-of-time", test_day_of_time);
  g_test_add_func ("/dates/time-as-number", test_time_as_number);
  return g_test_run ();
}
