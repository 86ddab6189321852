/* rmm-working-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-working-calendar"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "rmm-core-resources.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-working-calendar.h"

#define DEFAULT_CALENDAR "/org/rmmdesk/RmmDesk/core/calendars/england-and-wales.txt"
/* GDate's own limit is far beyond; this is as far as anyone schedules or counts. */
#define USUAL_YEARS_UNTIL 2200

struct _RmmWorkingCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;   /* julian day → name */
  guint       last_year;  /* the last year the data lists */
};

G_DEFINE_FINAL_TYPE (RmmWorkingCalendar, rmm_working_calendar, G_TYPE_OBJECT)

static void
rmm_working_calendar_finalize (GObject *object)
{
  RmmWorkingCalendar *self = (RmmWorkingCalendar *)object;

  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (rmm_working_calendar_parent_class)->finalize (object);
}

static void
rmm_working_calendar_class_init (RmmWorkingCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_working_calendar_finalize;
}

static void
rmm_working_calendar_init (RmmWorkingCalendar *self)
{
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* One holiday a line: "YYYY-MM-DD Name"; blank lines and # comments are skipped. */
RmmWorkingCalendar *
rmm_working_calendar_new_from_data (const char  *data,
                                    const char  *source_name,
                                    GError     **error)
{
  g_autoptr(RmmWorkingCalendar) self = g_object_new (RMM_TYPE_WORKING_CALENDAR, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *date = NULL;
      GDate day;

      if (*line == '\0' || *line == '#')
        continue;
      date = g_strndup (line, 10);
      if (!rmm_date_parse (date, &day) || (line[10] != '\0' && line[10] != ' '))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("%s, line %u: “%s” does not start with a date as YYYY-MM-DD"),
                       source_name, i + 1, line);
          return NULL;
        }
      g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&day)),
                           g_strdup (g_strstrip (line + 10)));
      self->last_year = MAX (self->last_year, g_date_get_year (&day));
    }
  return g_steal_pointer (&self);
}

/* Easter Sunday (the anonymous Gregorian computus). */
static void
easter_sunday (guint  year,
               GDate *day)
{
  guint a = year % 19, b = year / 100, c = year % 100;
  guint d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31, date = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (day, 1);
  g_date_set_dmy (day, date, month, year);
}

static gboolean
is_weekend (const GDate *day)
{
  return g_date_get_weekday (day) >= G_DATE_SATURDAY;
}

/* A holiday that falls on a weekend is kept on the next weekday that is not one already. */
static void
add_rule_holiday (RmmWorkingCalendar *self,
                  const GDate        *on,
                  const char         *name)
{
  GDate day = *on;

  if (!is_weekend (&day))
    {
      g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&day)),
                           g_strdup (name));
      return;
    }
  while (is_weekend (&day) ||
         g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&day))))
    g_date_add_days (&day, 1);
  g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&day)),
                       g_strdup_printf (_("%s (substitute day)"), name));
}

/* The Monday of @month's first (@last FALSE) or last week. */
static void
monday_of (guint     year,
           GDateMonth month,
           gboolean  last,
           GDate    *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, last ? g_date_get_days_in_month (month, year) : 1, month, year);
  while (g_date_get_weekday (day) != G_DATE_MONDAY)
    {
      if (last)
        g_date_subtract_days (day, 1);
      else
        g_date_add_days (day, 1);
    }
}

/* England and Wales's usual bank holidays, for a year nothing has been announced for yet.
 * Christmas and Boxing Day: one on a weekday keeps its day before the other is moved. */
static void
add_usual_year (RmmWorkingCalendar *self,
                guint               year)
{
  GDate day, christmas, boxing;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, year);
  add_rule_holiday (self, &day, _("New Year’s Day"));
  easter_sunday (year, &day);
  g_date_subtract_days (&day, 2);
  add_rule_holiday (self, &day, _("Good Friday"));
  g_date_add_days (&day, 3);
  add_rule_holiday (self, &day, _("Easter Monday"));
  monday_of (year, G_DATE_MAY, FALSE, &day);
  add_rule_holiday (self, &day, _("Early May bank holiday"));
  monday_of (year, G_DATE_MAY, TRUE, &day);
  add_rule_holiday (self, &day, _("Spring bank holiday"));
  monday_of (year, G_DATE_AUGUST, TRUE, &day);
  add_rule_holiday (self, &day, _("Summer bank holiday"));

  g_date_clear (&christmas, 1);
  g_date_set_dmy (&christmas, 25, G_DATE_DECEMBER, year);
  boxing = christmas;
  g_date_add_days (&boxing, 1);
  if (is_weekend (&christmas) && !is_weekend (&boxing))
    {
      add_rule_holiday (self, &boxing, _("Boxing Day"));
      add_rule_holiday (self, &christmas, _("Christmas Day"));
    }
  else
    {
      add_rule_holiday (self, &christmas, _("Christmas Day"));
      add_rule_holiday (self, &boxing, _("Boxing Day"));
    }
}

/**
 * rmm_working_calendar_add_usual_years:
 * @until_year: the last year to fill in
 *
 * Every year after the last one the data lists, up to @until_year, gets England and Wales's
 * usual bank holidays, so that a series scheduled years ahead still skips them.
 */
void
rmm_working_calendar_add_usual_years (RmmWorkingCalendar *self,
                                      guint               until_year)
{
  g_return_if_fail (RMM_IS_WORKING_CALENDAR (self));

  for (guint year = self->last_year + 1; year <= until_year; year++)
    add_usual_year (self, year);
  self->last_year = MAX (self->last_year, until_year);
}

static RmmWorkingCalendar *
load_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RmmWorkingCalendar *calendar;

  if (rmm_core_get_resource () == NULL)
    g_error ("the core resources are missing from the build");
  bytes = g_resources_lookup_data (DEFAULT_CALENDAR, 0, &error);
  if (bytes == NULL)
    g_error ("%s", error->message);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The shipped file is checked by the test suite; a broken one is a build bug. */
  if (!(calendar = rmm_working_calendar_new_from_data (text, "england-and-wales.txt", &error)))
    g_error ("%s", error->message);
  rmm_working_calendar_add_usual_years (calendar, USUAL_YEARS_UNTIL);
  return calendar;
}

/* England and Wales: the days the file lists, and the usual ones in the years after. */
RmmWorkingCalendar *
rmm_working_calendar_get_default (void)
{
  static RmmWorkingCalendar *calendar;

  if (g_once_init_enter (&calendar))
    g_once_init_leave (&calendar, load_default ());
  return calendar;
}

const char *
rmm_working_calendar_get_holiday (RmmWorkingCalendar *self,
                                  const GDate        *day)
{
  g_return_val_if_fail (RMM_IS_WORKING_CALENDAR (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (day)));
}

gboolean
rmm_working_calendar_is_working_day (RmmWorkingCalendar *self,
                                     const GDate        *day)
{
  GDateWeekday weekday;

  g_return_val_if_fail (RMM_IS_WORKING_CALENDAR (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  weekday = g_date_get_weekday (day);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY &&
         rmm_working_calendar_get_holiday (self, day) == NULL;
}

/* Move @day on by @n_days working days: a referral received on Friday has its 7th working
 * day on the second Tuesday after, or later if bank holidays fall in between. */
void
rmm_working_calendar_add_working_days (RmmWorkingCalendar *self,
                                       GDate              *day,
                                       guint               n_days)
{
  g_return_if_fail (RMM_IS_WORKING_CALENDAR (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  while (n_days > 0)
    {
      g_date_add_days (day, 1);
      if (rmm_working_calendar_is_working_day (self, day))
        n_days--;
    }
}
