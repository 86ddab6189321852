/* rmm-store-schedule.c: each area's weekly meetings, always scheduled ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An area's meetings are a weekly series (meeting_series: weekday, time, place, chairs,
 * minute-taker). The series keeps the area's meetings scheduled at least
 * RMM_SCHEDULE_WEEKS_AHEAD weeks ahead; a week whose day is a bank holiday (the working
 * calendar, data/calendars/) meets on the next working day. Each meeting stays editable on
 * its own (day, time, place) until it is held. All of it through the audited repository
 * functions.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"
#include "rmm-text.h"
#include "rmm-working-calendar.h"

void
rmm_meeting_series_free (RmmMeetingSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->starts_at);
  g_free (series->location);
  g_free (series);
}

/* The time as the store keeps it ("09:00"), or NULL with the reason. */
static char *
time_of_day (const char  *text,
             GError     **error)
{
  char *time = rmm_time_of_day_parse (text);

  if (time == NULL)
    {
      /* Said back as typed, but never a page of it, nor a character that turns it round. */
      g_autofree char *shown = rmm_text_quote (text, 20);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a time of day: type it as 10:00 or 9:30."), shown);
    }
  return time;
}

static gboolean
check_series (const RmmSeriesInput  *input,
              GError               **error)
{
  if (input->weekday < G_DATE_MONDAY || input->weekday > G_DATE_FRIDAY)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("An area meets on a weekday, Monday to Friday."));
  else if (input->location != NULL && !rmm_store_check_location (input->location, error))
    return FALSE;
  else if (!rmm_store_check_meeting_roles (input->chair_children_id, input->chair_family_id,
                                           input->minute_taker_id, error))
    return FALSE;
  else
    return TRUE;
  return FALSE;
}

RmmMeetingSeries *
rmm_store_get_meeting_series (RmmStore  *self,
                              gint64     area_id,
                              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmMeetingSeries *series;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT id, area_id, weekday, starts_at, location, "
                         "       coalesce(chair_children_id, 0), coalesce(chair_family_id, 0), "
                         "       coalesce(minute_taker_id, 0) "
                         "FROM meeting_series WHERE area_id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  series = g_new0 (RmmMeetingSeries, 1);
  series->id = rmm_db_stmt_get_int (stmt, 0);
  series->area_id = rmm_db_stmt_get_int (stmt, 1);
  series->weekday = rmm_db_stmt_get_int (stmt, 2);
  series->starts_at = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  series->location = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  series->chair_children_id = rmm_db_stmt_get_int (stmt, 5);
  series->chair_family_id = rmm_db_stmt_get_int (stmt, 6);
  series->minute_taker_id = rmm_db_stmt_get_int (stmt, 7);
  rmm_db_stmt_reset (stmt);
  return series;
}

/* The day the week of @candidate meets: that day, or the next working day when it is a
 * bank holiday. */
static void
working_day_of (GDate *candidate)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();

  for (guint i = 0; i < 6 && !rmm_working_calendar_is_working_day (calendar, candidate); i++)
    g_date_add_days (candidate, 1);
}

static gint64
add_series_meeting (RmmStore          *self,
                    RmmMeetingSeries  *series,
                    const GDate       *day,
                    GError           **error)
{
  g_autofree char *meets_on = rmm_date_format (day);
  /* A series set before the rule held may name a chair as its minute-taker: the meeting is
   * still made, with the minutes left for someone else to take. */
  gboolean taker_chairs = series->minute_taker_id != 0 &&
                          (series->minute_taker_id == series->chair_children_id ||
                           series->minute_taker_id == series->chair_family_id);
  RmmField fields[] = {
    RMM_REF ("area_id", series->area_id),
    RMM_TEXT ("meets_on", meets_on),
    RMM_TEXT ("starts_at", series->starts_at),
    RMM_TEXT ("location", series->location),
    RMM_REF ("chair_children_id", series->chair_children_id),
    RMM_REF ("chair_family_id", series->chair_family_id),
    RMM_REF ("minute_taker_id", taker_chairs ? 0 : series->minute_taker_id),
  };

  return rmm_store_insert (self, "meeting", fields, G_N_ELEMENTS (fields), error);
}

/* Whether the week of @candidate (a day of the series) already has the area's meeting: one
 * (of any status, moved or not) from that week's Monday to its Sunday, or to the working day
 * a bank holiday moves it to, if later. So a meeting moved within its week stands for it, a
 * holiday's meeting moved into the next week stands for that week too (no two meetings four
 * days apart), and a week whose meeting was moved to another week is met again. */
static gboolean
week_is_met (RmmStore     *self,
             gint64        area_id,
             const GDate  *candidate,
             gboolean     *met,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate monday = *candidate, last, shifted = *candidate;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  RmmDbStmt *stmt;

  g_date_subtract_days (&monday, g_date_get_weekday (candidate) - G_DATE_MONDAY);
  last = monday;
  g_date_add_days (&last, 6);
  working_day_of (&shifted);
  if (g_date_compare (&shifted, &last) > 0)
    last = shifted;
  from = rmm_date_format (&monday);
  to = rmm_date_format (&last);
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT 1 FROM meeting WHERE area_id = ? "
                               "AND meets_on BETWEEN ? AND ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_text (stmt, 2, from);
  rmm_db_stmt_bind_text (stmt, 3, to);
  *met = rmm_db_stmt_step (stmt, &local_error);
  rmm_db_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Goes through the series' days from today to @horizon, adding (when @add) a meeting for
 * each week not yet met, on its day or the working day after a bank holiday. Weeks are never
 * skipped because a later meeting exists.
 *
 * Returns: how many weeks were (or, without @add, would be) given a meeting; -1 with @error */
static gint
fill_series (RmmStore          *self,
             RmmMeetingSeries  *series,
             const GDate       *today,
             const GDate       *horizon,
             gboolean           add,
             GError           **error)
{
  GDate candidate = *today;
  gint added = 0;

  while (g_date_get_weekday (&candidate) != (GDateWeekday) series->weekday)
    g_date_add_days (&candidate, 1);
  for (; g_date_compare (&candidate, horizon) <= 0; g_date_add_days (&candidate, 7))
    {
      GDate day = candidate;
      gboolean met;

      if (!week_is_met (self, series->area_id, &candidate, &met, error))
        return -1;
      if (met)
        continue;
      if (!add)
        return 1;   /* enough to know the series is due */
      working_day_of (&day);
      if (add_series_meeting (self, series, &day, error) == 0)
        return -1;
      added++;
    }
  return added;
}

/**
 * rmm_store_schedule_ahead:
 * @area_id: one area's series, or 0 for every area's
 * @weeks: how far ahead, from today (the store's clock)
 *
 * Adds the meetings each series is missing up to @weeks ahead, in one transaction.
 *
 * Returns: how many were added, or -1 with @error
 */
gint
rmm_store_schedule_ahead (RmmStore  *self,
                          gint64     area_id,
                          guint      weeks,
                          GError   **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_meeting_series_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDate) today = NULL;
  GDate horizon;
  RmmDbStmt *stmt;
  gint added = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), -1);

  now = rmm_store_now (self);
  today = rmm_date_from_time (now);
  horizon = *today;
  g_date_add_days (&horizon, weeks * 7);
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT area_id FROM meeting_series "
                               "WHERE ?1 = 0 OR area_id = ?1 ORDER BY area_id", error)))
    return -1;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    g_ptr_array_add (areas, GSIZE_TO_POINTER (rmm_db_stmt_get_int (stmt, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  /* Read first: most days nothing is missing, and then nothing is written (a write waits
   * for the check RMM Desk runs on a database it opens). */
  for (guint i = 0; i < areas->len; i++)
    {
      g_autofree char *why_not = rmm_store_why_not_in_area (self, RMM_RIGHT_SCHEDULE,
                                                            GPOINTER_TO_SIZE (areas->pdata[i]));
      RmmMeetingSeries *series;
      gint missing;

      /* On a server, each area's meetings are its administrators' and chairs' to schedule. */
      if (why_not != NULL)
        continue;
      series = rmm_store_get_meeting_series (self, GPOINTER_TO_SIZE (areas->pdata[i]), error);
      missing = series ? fill_series (self, series, today, &horizon, FALSE, error) : -1;

      if (missing < 0)
        {
          rmm_meeting_series_free (series);
          return -1;
        }
      if (missing > 0)
        g_ptr_array_add (due, series);
      else
        rmm_meeting_series_free (series);
    }
  if (due->len == 0)
    return 0;
  if (!rmm_store_begin (self, error))
    return -1;
  for (guint i = 0; i < due->len && added >= 0; i++)
    {
      gint n = fill_series (self, g_ptr_array_index (due, i), today, &horizon, TRUE, error);

      added = n < 0 ? -1 : added + n;
    }
  if (added < 0)
    {
      rmm_store_rollback (self);
      return -1;
    }
  return rmm_store_commit (self, error) ? added : -1;
}

/* Takes @why_not (NULL: this login may schedule here); FALSE with it said in @error. */
static gboolean
may_schedule (char     *why_not,
              GError  **error)
{
  if (why_not == NULL)
    return TRUE;
  g_set_error_literal (error, RMM_ERROR, RMM_ERROR_READ_ONLY, why_not);
  g_free (why_not);
  return FALSE;
}

/* The area's weekly series, made or changed, then scheduled RMM_SCHEDULE_WEEKS_AHEAD weeks
 * ahead. Meetings already scheduled keep their day: each can be changed on its own. */
gboolean
rmm_store_set_meeting_series (RmmStore              *self,
                              const RmmSeriesInput  *input,
                              GError               **error)
{
  g_autoptr(RmmMeetingSeries) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *location = g_strstrip (g_strdup (input->location ? input->location : ""));
  g_autofree char *starts_at = NULL;
  RmmField fields[] = {
    RMM_REF ("area_id", input->area_id),
    RMM_INT ("weekday", input->weekday),
    RMM_TEXT ("starts_at", NULL),
    RMM_TEXT ("location", location),
    RMM_REF ("chair_children_id", input->chair_children_id),
    RMM_REF ("chair_family_id", input->chair_family_id),
    RMM_REF ("minute_taker_id", input->minute_taker_id),
  };
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!may_schedule (rmm_store_why_not_in_area (self, RMM_RIGHT_SCHEDULE, input->area_id),
                     error))
    return FALSE;

  if (!check_series (input, error) || !(starts_at = time_of_day (input->starts_at, error)))
    return FALSE;
  fields[2].text = starts_at;
  if (!rmm_store_begin (self, error))
    return FALSE;
  existing = rmm_store_get_meeting_series (self, input->area_id, &local_error);
  if (local_error != NULL)
    ok = FALSE;
  else if (existing != NULL)
    ok = rmm_store_update (self, "meeting_series", existing->id, fields + 1,
                           G_N_ELEMENTS (fields) - 1, &local_error);
  else
    ok = rmm_store_insert (self, "meeting_series", fields, G_N_ELEMENTS (fields),
                           &local_error) != 0;
  if (!ok || !rmm_store_commit (self, &local_error))
    {
      if (rmm_db_get_depth (rmm_store_get_db (self)) > 0)
        rmm_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return rmm_store_schedule_ahead (self, input->area_id, RMM_SCHEDULE_WEEKS_AHEAD, error) >= 0;
}

/* Whether another meeting of the area is on @meets_on (an area meets once a day). */
static gboolean
date_taken (RmmStore   *self,
            gint64      meeting_id,
            const char *meets_on)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT 1 FROM meeting n JOIN meeting m "
                                    "ON n.area_id = m.area_id AND n.id <> m.id "
                                    "WHERE m.id = ?1 AND n.meets_on = ?2", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  rmm_db_stmt_bind_text (stmt, 2, meets_on);
  taken = rmm_db_stmt_step (stmt, NULL);
  rmm_db_stmt_reset (stmt);
  return taken;
}

/* A day a meeting can move to: a working day (not a weekend or a bank holiday), from today
 * (the store's clock: the past is history) to a year ahead. */
static gboolean
check_new_day (RmmStore    *self,
               const char  *meets_on,
               GError     **error)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();
  g_autofree char *now = rmm_store_now (self);
  g_autoptr(GDate) today = rmm_date_from_time (now);
  GDate day, last = *today;
  const char *holiday;

  g_date_add_years (&last, 1);
  if (!rmm_date_parse (meets_on, &day))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("“%s” is not a meeting date: use YYYY-MM-DD."), meets_on);
  else if (g_date_compare (&day, today) < 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("%s is in the past: a meeting moves to today or later."), meets_on);
  else if (g_date_compare (&day, &last) > 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("%s is more than a year ahead: a meeting moves within the coming year."),
                 meets_on);
  else if ((holiday = rmm_working_calendar_get_holiday (calendar, &day)) != NULL)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("%s is a bank holiday (%s): choose a working day."), meets_on, holiday);
  else if (!rmm_working_calendar_is_working_day (calendar, &day))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("%s is a weekend day: choose a working day."), meets_on);
  else
    return TRUE;
  return FALSE;
}

/* One meeting moved or changed (a planned one only: a held meeting is history). NULL or ''
 * leaves that part as it is. */
gboolean
rmm_store_reschedule_meeting (RmmStore    *self,
                              gint64       meeting_id,
                              const char  *meets_on,
                              const char  *starts_at,
                              const char  *location,
                              GError     **error)
{
  g_autofree char *time = NULL;
  int status;
  RmmField fields[2] = { RMM_TEXT ("meets_on", meets_on), RMM_TEXT ("starts_at", NULL) };
  guint first = 0, n = 2;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!may_schedule (rmm_store_why_not_in_meeting (self, RMM_RIGHT_SCHEDULE, meeting_id),
                     error))
    return FALSE;
  if (starts_at != NULL && *starts_at != '\0' && !(time = time_of_day (starts_at, error)))
    return FALSE;
  fields[1].text = time;
  if (meets_on != NULL && *meets_on != '\0' && !check_new_day (self, meets_on, error))
    return FALSE;
  /* Only what is given changes: the date, the time, or both. */
  if (meets_on == NULL || *meets_on == '\0')
    first = 1, n--;
  if (starts_at == NULL || *starts_at == '\0')
    n--;
  /* Read inside the transaction: another window may open the meeting meanwhile. */
  if (!rmm_store_begin (self, error))
    return FALSE;
  if ((status = rmm_store_read_meeting_status (self, meeting_id, error)) < 0)
    {
      rmm_store_rollback (self);
      return FALSE;
    }
  if (status != RMM_MEETING_STATUS_PLANNED)
    {
      rmm_store_rollback (self);
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("Only a meeting not yet opened can be moved."));
      return FALSE;
    }
  if (meets_on != NULL && *meets_on != '\0' && date_taken (self, meeting_id, meets_on))
    {
      rmm_store_rollback (self);
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The area already meets on %s."), meets_on);
      return FALSE;
    }
  if ((n > 0 && !rmm_store_update (self, "meeting", meeting_id, fields + first, n, error)) ||
      (location != NULL && !rmm_store_set_meeting_location (self, meeting_id, location, error)))
    {
      rmm_store_rollback (self);
      return FALSE;
    }
  return rmm_store_commit (self, error);
}
