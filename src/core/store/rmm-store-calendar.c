/* rmm-store-calendar.c: what is coming, for a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a day on, for an area or every area the login sees: the meetings not yet concluded,
 * the review date of each open safety plan's newest version, and the due date of each plan
 * action still open. Children by reference only (rmm-calendar.c says why).
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <string.h>

#include "rmm-calendar.h"
#include "rmm-dates.h"
#include "rmm-store-private.h"

/* Each row of @sql (?1 the area or 0, ?2 the first day) as an event of @kind: its id, day,
 * time, area, then a meeting's location, or a child's reference, the agency and the child. */
static gboolean
add_rows (RmmStore         *self,
          GPtrArray        *events,
          RmmCalendarKind   kind,
          const char       *sql,
          gint64            area_id,
          const char       *from,
          GError          **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_text (stmt, 2, from);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmCalendarEvent *event = rmm_calendar_add (events, kind, rmm_db_stmt_get_int (stmt, 0),
                                                  rmm_db_stmt_get_text (stmt, 1),
                                                  rmm_db_stmt_get_text (stmt, 2),
                                                  rmm_db_stmt_get_text (stmt, 3));
      const char *fourth = rmm_db_stmt_get_text (stmt, 4);
      const char *fifth = rmm_db_stmt_get_text (stmt, 5);

      if (kind == RMM_CALENDAR_MEETING)
        event->location = g_strdup (fourth);
      else
        {
          event->reference = g_strdup (fourth);
          event->agency = g_strdup (fifth);
          event->child_id = rmm_db_stmt_get_int (stmt, 6);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * rmm_store_list_calendar:
 * @area_id: one area, or 0 for every area
 * @from: the first day
 *
 * Returns: (transfer full): the events from @from on, meetings first, each kind by date
 */
GPtrArray *
rmm_store_list_calendar (RmmStore     *self,
                         gint64        area_id,
                         const GDate  *from,
                         GError      **error)
{
  g_autoptr(GPtrArray) events = rmm_calendar_events_new ();
  g_autofree char *day = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  day = rmm_date_format (from);
  if (!add_rows (self, events, RMM_CALENDAR_MEETING,
                 "SELECT m.id, m.meets_on, m.starts_at, a.name, m.location, NULL, 0 "
                 "FROM meeting m JOIN area a ON a.id = m.area_id "
                 "WHERE (?1 = 0 OR m.area_id = ?1) AND m.meets_on >= ?2 "
                 "AND m.status IN ('planned', 'open') ORDER BY m.meets_on, a.name",
                 area_id, day, error) ||
      !add_rows (self, events, RMM_CALENDAR_PLAN_REVIEW,
                 "SELECT v.id, v.review_on, NULL, a.name, c.reference, NULL, c.id "
                 "FROM safety_plan p JOIN child c ON c.id = p.child_id "
                 "JOIN area a ON a.id = c.area_id "
                 "JOIN safety_plan_version v ON v.plan_id = p.id AND v.version = "
                 "  (SELECT max (w.version) FROM safety_plan_version w WHERE w.plan_id = p.id) "
                 "WHERE p.closed_on IS NULL AND (?1 = 0 OR c.area_id = ?1) "
                 "AND v.review_on >= ?2 ORDER BY v.review_on, c.reference",
                 area_id, day, error) ||
      !add_rows (self, events, RMM_CALENDAR_ACTION_DUE,
                 "SELECT x.id, x.due_on, NULL, a.name, c.reference, g.name, c.id "
                 "FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id "
                 "JOIN child c ON c.id = p.child_id JOIN area a ON a.id = c.area_id "
                 "LEFT JOIN agency g ON g.id = x.agency_id "
                 "WHERE x.status = 'open' AND p.closed_on IS NULL "
                 "AND (?1 = 0 OR c.area_id = ?1) AND x.due_on >= ?2 "
                 "ORDER BY x.due_on, c.reference",
                 area_id, day, error))
    return NULL;
  return g_steal_pointer (&events);
}

/* The ids of the children @events name, as ",12,45,": the calendar's making is a look at
 * each one's record, as a list's is. */
static char *
children_of (GPtrArray *events)
{
  GString *ids = g_string_new (",");

  for (guint i = 0; i < events->len; i++)
    {
      RmmCalendarEvent *event = g_ptr_array_index (events, i);
      g_autofree char *mark = g_strdup_printf (",%" G_GINT64_FORMAT ",", event->child_id);

      if (event->child_id != 0 && strstr (ids->str, mark) == NULL)
        g_string_append_printf (ids, "%" G_GINT64_FORMAT ",", event->child_id);
    }
  return g_string_free (ids, FALSE);
}

/**
 * rmm_store_write_calendar:
 * @area_id: one area, or 0 for every area
 * @from: the first day (today)
 * @path: the .ics file to write, private to the user
 *
 * The calendar from @from on, written whole or not at all, and its making recorded as a look
 * at each child it lists (rmmctl access).
 */
gboolean
rmm_store_write_calendar (RmmStore     *self,
                          gint64        area_id,
                          const GDate  *from,
                          const char   *path,
                          GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *children = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && path != NULL, FALSE);

  if (!(events = rmm_store_list_calendar (self, area_id, from, error)) ||
      !(ics = rmm_calendar_to_ics (events, error)))
    return FALSE;
  children = children_of (events);
  return rmm_store_record_access (self, &(RmmAccessInput) {
                                    .kind = RMM_ACCESS_DOCUMENT, .document = "calendar",
                                    .audience = "professional", .area_id = area_id,
                                    .children = children },
                                  error) &&
         g_file_set_contents_full (path, ics, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
