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

struct _RmmWorkingCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;   /* julian day → name */
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
    }
  return g_steal_pointer (&self);
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
  return calendar;
}

/* England and Wales, as shipped. */
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
