/* rmm-store-meetings.c: meetings: arranged, placed, listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"
#include "rmm-text.h"

#define MEETING_SELECT \
  "SELECT m.id, m.area_id, a.name, m.meets_on, m.starts_at, m.location, m.status, " \
  "       coalesce(pc.full_name, ''), coalesce(pf.full_name, ''), " \
  "       coalesce(pm.full_name, ''), " \
  "       (SELECT count(*) FROM agenda_item i " \
  "        WHERE i.meeting_id = m.id AND i.status <> 'removed'), " \
  "       coalesce(m.chair_children_id, 0), coalesce(m.chair_family_id, 0) " \
  "FROM meeting m JOIN area a ON a.id = m.area_id " \
  "LEFT JOIN professional pc ON pc.id = m.chair_children_id " \
  "LEFT JOIN professional pf ON pf.id = m.chair_family_id " \
  "LEFT JOIN professional pm ON pm.id = m.minute_taker_id "

/* Where the meeting stands as the file says, or -1 with @error when there is no such meeting.
 * Text the store never writes reads as signed off: nothing may change it. */
int
rmm_store_read_meeting_status (RmmStore  *self,
                               gint64     meeting_id,
                               GError   **error)
{
  g_autofree char *text = rmm_store_query_text (self, "SELECT status FROM meeting WHERE id = ?",
                                                N_("meeting"), meeting_id, error);

  if (text == NULL)
    return -1;
  return rmm_state_from_text (RMM_TYPE_MEETING_STATUS, text, RMM_MEETING_STATUS_SIGNED_OFF);
}

/* Two chairs, and a minute-taker who is neither: 0 for a role not yet filled. */
gboolean
rmm_store_check_meeting_roles (gint64    chair_children_id,
                               gint64    chair_family_id,
                               gint64    minute_taker_id,
                               GError  **error)
{
  if (chair_children_id != 0 && chair_children_id == chair_family_id)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("The meeting needs two different chairs."));
  else if (minute_taker_id != 0 &&
           (minute_taker_id == chair_children_id || minute_taker_id == chair_family_id))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("The minute-taker cannot also chair the meeting: choose someone else to "
                   "take the minutes."));
  else
    return TRUE;
  return FALSE;
}

gint64
rmm_store_add_meeting (RmmStore    *self,
                       gint64       area_id,
                       const char  *meets_on,
                       gint64       chair_children_id,
                       gint64       chair_family_id,
                       gint64       minute_taker_id,
                       GError     **error)
{
  RmmField fields[] = {
    RMM_REF ("area_id", area_id),
    RMM_TEXT ("meets_on", meets_on),
    RMM_REF ("chair_children_id", chair_children_id),
    RMM_REF ("chair_family_id", chair_family_id),
    RMM_REF ("minute_taker_id", minute_taker_id),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!rmm_date_parse (meets_on, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a meeting date: use YYYY-MM-DD."), meets_on ? meets_on : "");
      return 0;
    }
  if (!rmm_store_check_meeting_roles (chair_children_id, chair_family_id, minute_taker_id,
                                      error))
    return 0;
  return rmm_store_insert (self, "meeting", fields, G_N_ELEMENTS (fields), error);
}

#define MAX_LOCATION_LENGTH 200

/* A meeting's place (trimmed): one line of at most MAX_LOCATION_LENGTH characters, for a
 * meeting and for the weekly series its meetings are made from. */
gboolean
rmm_store_check_location (const char  *location,
                          GError     **error)
{
  if (!g_utf8_validate (location, -1, NULL) || rmm_text_find_control (location, FALSE, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A meeting’s place is plain text on one line: no line breaks, tabs or "
                     "control characters."));
      return FALSE;
    }
  if (g_utf8_strlen (location, -1) <= MAX_LOCATION_LENGTH)
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "A meeting’s place is at most %d character long.",
                            "A meeting’s place is at most %d characters long.",
                            MAX_LOCATION_LENGTH), MAX_LOCATION_LENGTH);
  return FALSE;
}

gboolean
rmm_store_set_meeting_location (RmmStore    *self,
                                gint64       meeting_id,
                                const char  *location,
                                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (location ? location : ""));
  RmmField fields[] = { RMM_TEXT ("location", trimmed) };
  int status;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_check_location (trimmed, error))
    return FALSE;
  if ((status = rmm_store_read_meeting_status (self, meeting_id, error)) < 0)
    return FALSE;
  if (status == RMM_MEETING_STATUS_SIGNED_OFF)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The meeting is signed off: where it was held cannot change."));
      return FALSE;
    }
  return rmm_store_update (self, "meeting", meeting_id, fields, G_N_ELEMENTS (fields), error);
}

static GObject *
meeting_from_row (RmmDbStmt *stmt)
{
  return g_object_new (RMM_TYPE_MEETING,
                       "id", rmm_db_stmt_get_int (stmt, 0),
                       "area-id", rmm_db_stmt_get_int (stmt, 1),
                       "area-name", rmm_db_stmt_get_text (stmt, 2),
                       "meets-on", rmm_db_stmt_get_text (stmt, 3),
                       "starts-at", rmm_db_stmt_get_text (stmt, 4),
                       "location", rmm_db_stmt_get_text (stmt, 5),
                       "status", rmm_db_stmt_get_text (stmt, 6),
                       "chair-children", rmm_db_stmt_get_text (stmt, 7),
                       "chair-family", rmm_db_stmt_get_text (stmt, 8),
                       "minute-taker", rmm_db_stmt_get_text (stmt, 9),
                       "n-children", (guint)rmm_db_stmt_get_int (stmt, 10),
                       "chair-children-id", rmm_db_stmt_get_int (stmt, 11),
                       "chair-family-id", rmm_db_stmt_get_int (stmt, 12),
                       NULL);
}

/* Newest first, so that next week's meetings and the last few are at the top. */
GListModel *
rmm_store_list_meetings (RmmStore  *self,
                         gint64     area_id,
                         GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         MEETING_SELECT
                         "WHERE ? = 0 OR m.area_id = ? "
                         "ORDER BY m.meets_on DESC, a.name", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_int (stmt, 2, area_id);
  return rmm_store_collect (stmt, RMM_TYPE_MEETING, meeting_from_row, error);
}

RmmMeeting *
rmm_store_get_meeting (RmmStore    *self,
                       gint64       meeting_id,
                       GError     **error)
{
  RmmMeeting *meeting;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self), MEETING_SELECT "WHERE m.id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_store_step_row (stmt, N_("meeting"), meeting_id, error))
    return NULL;
  meeting = RMM_MEETING (meeting_from_row (stmt));
  rmm_db_stmt_reset (stmt);
  return meeting;
}

/* The area's next meeting after @meeting_id, for the minutes to say when it is; 0 when
 * none is arranged yet. */
gint64
rmm_store_find_next_meeting (RmmStore  *self,
                             gint64     meeting_id,
                             GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  return rmm_store_query_int (self,
                              "SELECT coalesce((SELECT n.id FROM meeting m JOIN meeting n "
                              "  ON n.area_id = m.area_id AND n.meets_on > m.meets_on "
                              "  WHERE m.id = ?1 ORDER BY n.meets_on LIMIT 1), 0)",
                              meeting_id, error);
}
