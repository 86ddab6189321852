/* rmm-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-dates"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rmm-dates.h"

/* Strictly YYYY-MM-DD and a real day: "2026-02-30" is refused, not rolled over. */
gboolean
rmm_date_parse (const char *text,
                GDate      *out)
{
  int year, month, day, consumed = 0;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 ||
      consumed != 10 || text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy (day, month, year) || year < 1900)
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
rmm_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A stored time: 2026-11-23T14:05:09Z */
gboolean
rmm_time_is_valid (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *day = NULL;

  if (text == NULL || strlen (text) != 20 || text[19] != 'Z')
    return FALSE;
  day = g_strndup (text, 10);
  if (!rmm_date_parse (day, NULL))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/* Completed years: a child born on 29 February turns a year older on 1 March. */
guint
rmm_date_age_on (const GDate *born,
                 const GDate *on)
{
  int years;

  g_return_val_if_fail (born != NULL && on != NULL, 0);

  years = g_date_get_year (on) - g_date_get_year (born);
  if (g_date_get_month (on) < g_date_get_month (born) ||
      (g_date_get_month (on) == g_date_get_month (born) &&
       g_date_get_day (on) < g_date_get_day (born)))
    years--;
  return MAX (years, 0);
}
