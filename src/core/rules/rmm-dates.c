/* rmm-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-dates"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rmm-dates.h"

/* Strictly YYYY-MM-DD and a real day: "2026-02-30" is refused, not rolled over. */
gboolean
rmm_date_parse (const char *text,
                GDate      *out)
{
  int year, month, day, consumed = 0;

  /* sscanf alone would take "2026-+1-15" and "2026- 1-15": every other place is a digit. */
  for (guint i = 0; text != NULL && i < 10 && text[i] != '\0'; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 ||
      consumed != 10 || text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy (day, month, year) || year < 1900)
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* Today, on this computer's calendar (the UK day a person at it is living). */
void
rmm_date_set_today (GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
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

/* English and Welsh month names and their usual short forms, January first. */
static const char *month_names[12][5] = {
  { "january", "jan", "ionawr", "ion", NULL },
  { "february", "feb", "chwefror", "chwe", NULL },
  { "march", "mar", "mawrth", "maw", NULL },
  { "april", "apr", "ebrill", "ebr", NULL },
  { "may", "mai", NULL },
  { "june", "jun", "mehefin", "meh", NULL },
  { "july", "jul", "gorffennaf", "gorff", NULL },
  { "august", "aug", "awst", NULL },
  { "september", "sep", "sept", "medi", NULL },
  { "october", "oct", "hydref", "hyd", NULL },
  { "november", "nov", "tachwedd", "tach", NULL },
  { "december", "dec", "rhagfyr", "rhag", NULL },
};

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (int month = 0; month < 12; month++)
    for (int i = 0; month_names[month][i] != NULL; i++)
      if (g_str_equal (lower, month_names[month][i]))
        return month + 1;
  return 0;
}

/* Two digits of a year are this century's: the people and meetings here are all of it. */
static int
full_year (const char *digits)
{
  int year = atoi (digits);

  return strlen (digits) == 2 ? 2000 + year : year;
}

static gboolean
set_day (GDate *out,
         int    day,
         int    month,
         int    year)
{
  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * rmm_date_parse_uk:
 *
 * A date as people type it here, day first always: 2026-11-23, 23/11/2026, 23/11/26,
 * 3.1.2026, 23-11-2026, 23 Nov 2026, 23rd November 2026, 23 Tachwedd 2026. Two-digit
 * years are 20YY. A day that does not exist (30/02/2026) is refused, never rolled over.
 */
gboolean
rmm_date_parse_uk (const char *text,
                   GDate      *out)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *trimmed = NULL;
  static GRegex *numeric, *named;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (rmm_date_parse (trimmed, out))
    return TRUE;
  if (g_once_init_enter (&numeric))
    g_once_init_leave (&numeric,
                       g_regex_new ("^([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4}|[0-9]{2})$", 0, 0, NULL));
  if (g_once_init_enter (&named))
    g_once_init_leave (&named,
                       g_regex_new ("^([0-9]{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+([0-9]{4}|[0-9]{2})$",
                                    G_REGEX_CASELESS, 0, NULL));
  if (g_regex_match (numeric, trimmed, 0, &match))
    {
      g_autofree char *day = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 3);
      g_autofree char *year = g_match_info_fetch (match, 4);

      return set_day (out, atoi (day), atoi (month), full_year (year));
    }
  g_clear_pointer (&match, g_match_info_unref);
  if (g_regex_match (named, trimmed, 0, &match))
    {
      g_autofree char *day = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *year = g_match_info_fetch (match, 3);
      int month_number = month_from_name (month);

      return month_number > 0 && set_day (out, atoi (day), month_number, full_year (year));
    }
  return FALSE;
}

static GTimeZone *
uk_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *london = g_time_zone_new_identifier ("Europe/London");

      /* Without tzdata, UTC is the closest honest answer: an hour out in summer. */
      g_once_init_leave (&zone, london ? london : g_time_zone_new_utc ());
    }
  return zone;
}

/* H:MM, HH:MM or HH:MM:SS with ASCII digits only: no signs, no spaces. */
static gboolean
parse_clock (const char *text,
             char        separator,
             int        *hour,
             int        *minute,
             int        *second)
{
  const char *p = text;
  int *parts[] = { hour, minute, second };
  guint n_parts = 0;

  *hour = *minute = *second = 0;
  while (n_parts < G_N_ELEMENTS (parts))
    {
      guint n_digits = 0;

      for (*parts[n_parts] = 0; g_ascii_isdigit (*p) && n_digits < 3; p++, n_digits++)
        *parts[n_parts] = *parts[n_parts] * 10 + (*p - '0');
      /* Only the hour may be one digit. */
      if (n_digits == 0 || n_digits > 2 || (n_parts > 0 && n_digits != 2))
        return FALSE;
      n_parts++;
      if (*p != separator)
        break;
      p++;
    }
  return *p == '\0' && n_parts >= 2 && *hour <= 23 && *minute <= 59 && *second <= 59;
}

/* A local (UK) date and time as people type it, stored as UTC: "2026-11-23 14:05",
 * "2026-11-23T14:05:00Z" (already UTC), "23/11/2026 14:05", or a date alone (the start of
 * that day, so that a deadline counted from it is never later than the true one). */
char *
rmm_time_parse_uk (const char *text)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  char *space;
  int hour = 0, minute = 0, second = 0;
  GDate day;

  if (text == NULL)
    return NULL;
  if (rmm_time_is_valid (text))
    return g_strdup (text);

  copy = g_strstrip (g_strdup (text));
  /* The time, if any, follows ISO's T ("2026-12-15T10:00"), or is the last word and has a
   * colon ("15 Dec 2026 10:00"). */
  if (strlen (copy) > 10 && copy[10] == 'T')
    space = copy + 10;
  else if ((space = strrchr (copy, ' ')) != NULL && strchr (space, ':') == NULL)
    space = NULL;
  if (space != NULL)
    {
      *space = '\0';
      if (!parse_clock (space + 1, ':', &hour, &minute, &second))
        return NULL;
    }
  if (!rmm_date_parse_uk (copy, &day))
    return NULL;

  local = g_date_time_new (uk_time_zone (), g_date_get_year (&day), g_date_get_month (&day),
                           g_date_get_day (&day), hour, minute, second);
  /* A time the clocks skip in spring (01:30 on the last Sunday of March) is no time at all:
   * GLib would move it on an hour, and a typo would be stored as something else. */
  if (local == NULL || g_date_time_get_hour (local) != hour ||
      g_date_time_get_minute (local) != minute)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* "9:00", "09:00", "9.00" or "09.00" as "09:00", the form the store keeps a meeting's time
 * in; NULL when @text is not a time of day. */
char *
rmm_time_of_day_parse (const char *text)
{
  g_autofree char *copy = NULL;
  int hour, minute, second;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (!parse_clock (copy, ':', &hour, &minute, &second) &&
      !parse_clock (copy, '.', &hour, &minute, &second))
    return NULL;
  if (second != 0)
    return NULL;
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

/* 1 January 1970, as GDate counts days (1 January of the year 1 is day 1). */
#define EPOCH_JULIAN 719163

/* The @n ASCII digits at @text as a number, or -1. */
static int
read_digits (const char *text,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* The days from 1 January 1970 to @day of @month of @year (proleptic Gregorian). */
static gint64
days_from_epoch (int year,
                 int month,
                 int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (gint64)g_date_get_julian (&date) - EPOCH_JULIAN;
}

/* A stored time in its usual form, 2026-07-01T09:30:00Z, read off its digits. */
static gboolean
read_usual_time (const char *utc_time,
                 gint64     *seconds)
{
  int year, month, day, hour, minute, second;

  if (strlen (utc_time) != 20 || utc_time[4] != '-' || utc_time[7] != '-' ||
      utc_time[10] != 'T' || utc_time[13] != ':' || utc_time[16] != ':' || utc_time[19] != 'Z')
    return FALSE;
  year = read_digits (utc_time, 4);
  month = read_digits (utc_time + 5, 2);
  day = read_digits (utc_time + 8, 2);
  hour = read_digits (utc_time + 11, 2);
  minute = read_digits (utc_time + 14, 2);
  second = read_digits (utc_time + 17, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 59)
    return FALSE;
  *seconds = days_from_epoch (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return TRUE;
}

/**
 * rmm_time_read_unix:
 * @utc_time: a stored UTC time, 2026-07-01T09:30:00Z
 * @seconds: (out): the seconds since 1970 it is
 *
 * A stored time read as a number, for the board's figures, which compare hundreds of
 * thousands of them: the usual form read off its digits, any other that
 * rmm_time_is_valid () takes (2026-07-01 09:30:00Z, as an import may hold it) as GLib
 * reads it.
 *
 * Returns: %FALSE if @utc_time is not a stored time
 */
gboolean
rmm_time_read_unix (const char *utc_time,
                    gint64     *seconds)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (utc_time == NULL)
    return FALSE;
  if (read_usual_time (utc_time, seconds))
    return TRUE;
  if (!rmm_time_is_valid (utc_time) ||
      !(parsed = g_date_time_new_from_iso8601 (utc_time, NULL)))
    return FALSE;
  *seconds = g_date_time_to_unix (parsed);
  return TRUE;
}

/**
 * rmm_date_set_uk_from_unix:
 * @day: the UK calendar day, set
 * @seconds: a time, in seconds since 1970
 *
 * The UK day a time fell on. The UK has been from 0 to 2 hours ahead of UTC since 1847, so a
 * time from 01:00 to 21:59 UTC falls on its UTC day in the UK: those are worked out at
 * once; the others ask the time zone.
 */
void
rmm_date_set_uk_from_unix (GDate  *day,
                           gint64  seconds)
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  gint64 hour = (seconds - days * 86400) / 3600;
  gint64 julian = days + EPOCH_JULIAN;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_date_clear (day, 1);
  if (hour >= 1 && hour <= 21 && julian >= 1 && julian <= G_MAXUINT32)
    {
      g_date_set_julian (day, (guint32)julian);
      return;
    }
  if ((utc = g_date_time_new_from_unix_utc (seconds)) == NULL)
    return;
  local = g_date_time_to_timezone (utc, uk_time_zone ());
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* The UK calendar day of a stored UTC time. */
GDate *
rmm_date_from_time (const char *utc_time)
{
  gint64 seconds;
  GDate *day;

  if (!rmm_time_read_unix (utc_time, &seconds))
    return NULL;
  day = g_date_new ();
  rmm_date_set_uk_from_unix (day, seconds);
  if (!g_date_valid (day))
    g_clear_pointer (&day, g_date_free);
  return day;
}

/* TRUE when @earlier is no more than @months calendar months before @later (both stored
 * UTC times): MARAC practice counts a referral within 12 months of the last as a repeat. */
gboolean
rmm_time_within_months (const char *earlier,
                        const char *later,
                        int         months)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) second = NULL;
  g_autoptr(GDateTime) limit = NULL;

  if (earlier == NULL || later == NULL ||
      !(first = g_date_time_new_from_iso8601 (earlier, NULL)) ||
      !(second = g_date_time_new_from_iso8601 (later, NULL)))
    return FALSE;
  limit = g_date_time_add_months (second, -months);
  return g_date_time_compare (first, limit) >= 0 && g_date_time_compare (first, second) <= 0;
}

/* A stored UTC time as a UK reader expects it, e.g. "%-d %b %Y %H:%M" → "20 Nov 2026 14:05". */
char *
rmm_time_format_uk (const char *utc_time,
                    const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!rmm_time_is_valid (utc_time) ||
      !(utc = g_date_time_new_from_iso8601 (utc_time, NULL)))
    return g_strdup (utc_time ? utc_time : "");
  local = g_date_time_to_timezone (utc, uk_time_zone ());
  return g_date_time_format (local, format);
}

/* A stored date (YYYY-MM-DD) formatted, e.g. "%-d %B %Y" → "3 November 2026"; the text as
 * given when it is not a date. */
char *
rmm_date_format_uk (const char *date,
                    const char *format)
{
  g_autoptr(GDateTime) day = NULL;
  GDate parsed;

  if (!rmm_date_parse (date, &parsed))
    return g_strdup (date ? date : "");
  day = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                               g_date_get_day (&parsed), 12, 0, 0);
  return g_date_time_format (day, format);
}
