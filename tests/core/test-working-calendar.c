/* test-working-calendar.c: working days and bank holidays, listed and by the usual rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-working-calendar.h"

static void
test_working_days (void)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();
  struct { const char *from; guint days; const char *expected; } cases[] = {
    { "2026-11-23", 7, "2026-12-02" },   /* Monday: Tuesday week */
    { "2026-11-20", 7, "2026-12-01" },   /* Friday: over one weekend */
    { "2026-11-21", 1, "2026-11-23" },   /* received on Saturday */
    { "2026-12-22", 7, "2027-01-05" },   /* Christmas, substitute Boxing Day, New Year */
    { "2026-03-31", 7, "2026-04-13" },   /* Good Friday and Easter Monday */
    { "2026-05-22", 1, "2026-05-26" },   /* Spring bank holiday */
    { "2022-05-31", 2, "2022-06-06" },   /* the Platinum Jubilee's two days */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = NULL;
      GDate day;

      g_assert_true (rmm_date_parse (cases[i].from, &day));
      rmm_working_calendar_add_working_days (calendar, &day, cases[i].days);
      result = rmm_date_format (&day);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
  {
    GDate boxing;
    g_assert_true (rmm_date_parse ("2026-12-28", &boxing));
    g_assert_cmpstr (rmm_working_calendar_get_holiday (calendar, &boxing), ==,
                     "Boxing Day (substitute day)");
  }
}

static void
test_calendar_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmWorkingCalendar) calendar =
    rmm_working_calendar_new_from_data ("# ok\n2026-01-01 New Year\n01/05/2026 May Day\n",
                                        "local.txt", &error);

  g_assert_null (calendar);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "local.txt, line 3"));
}

/* The file's 2026-2030 were written by the usual rules: computing them must give the same
 * days and names, so the years after the file are right too. */
static void
test_usual_rules_match_listed_years (void)
{
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmWorkingCalendar) computed =
    rmm_working_calendar_new_from_data ("2025-12-26 Boxing Day\n", "rules", &error);
  RmmWorkingCalendar *shipped = rmm_working_calendar_get_default ();
  guint n_holidays = 0;
  GDate day;

  g_assert_no_error (error);
  rmm_working_calendar_add_usual_years (computed, 2030);
  g_date_clear (&day, 1);
  for (g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026); g_date_get_year (&day) <= 2030;
       g_date_add_days (&day, 1))
    {
      g_assert_cmpstr (rmm_working_calendar_get_holiday (computed, &day), ==,
                       rmm_working_calendar_get_holiday (shipped, &day));
      if (rmm_working_calendar_get_holiday (shipped, &day) != NULL)
        n_holidays++;
    }
  g_assert_cmpuint (n_holidays, ==, 5 * 8);
}

/* After the file's last year a weekly series still skips the bank holidays. */
static void
test_years_after_the_file (void)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();
  struct { const char *day; const char *holiday; } cases[] = {
    { "2031-04-11", "Good Friday" },
    { "2031-04-14", "Easter Monday" },
    { "2032-12-27", "Christmas Day (substitute day)" },   /* Christmas on a Saturday */
    { "2032-12-28", "Boxing Day (substitute day)" },
    { "2033-12-26", "Boxing Day" },                       /* Christmas on a Sunday */
    { "2033-12-27", "Christmas Day (substitute day)" },
    { "2034-01-02", "New Year’s Day (substitute day)" },  /* New Year on a Sunday */
    { "2038-04-26", "Easter Monday" },                    /* the latest Easter */
    { "2040-05-07", "Early May bank holiday" },
    { "2040-05-28", "Spring bank holiday" },
    { "2045-08-28", "Summer bank holiday" },
    { "2100-12-28", "Boxing Day (substitute day)" },      /* 2100 is no leap year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day;

      g_assert_true (rmm_date_parse (cases[i].day, &day));
      g_assert_cmpstr (rmm_working_calendar_get_holiday (calendar, &day), ==, cases[i].holiday);
      g_assert_false (rmm_working_calendar_is_working_day (calendar, &day));
    }
  {
    GDate day;

    g_assert_true (rmm_date_parse ("2032-12-24", &day));
    g_assert_true (rmm_working_calendar_is_working_day (calendar, &day));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/working-calendar/working-days", test_working_days);
  g_test_add_func ("/working-calendar/file-errors", test_calendar_file_errors);
  g_test_add_func ("/working-calendar/usual-rules", test_usual_rules_match_listed_years);
  g_test_add_func ("/working-calendar/after-the-file", test_years_after_the_file);
  return g_test_run ();
}
