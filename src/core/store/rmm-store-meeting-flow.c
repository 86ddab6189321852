/* rmm-store-meeting-flow.c: opening a meeting, concluding it, signing it off, and what it
 * decided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * planned → open (attendance taken, confidentiality statement read) → concluded (every child
 * discussed, deferred or removed) → signed-off (both chairs; history from then on).
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <inttypes.h>

#include "rmm-dates.h"
#include "rmm-document-i18n.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

void
rmm_attendance_free (RmmAttendance *attendance)
{
  if (attendance == NULL)
    return;
  g_free (attendance->agency);
  g_free (attendance->name);
  g_free (attendance->information_sent_at);
  g_free (attendance);
}

void
rmm_summary_line_free (RmmSummaryLine *line)
{
  if (line == NULL)
    return;
  g_free (line->reference);
  g_free (line->name);
  g_free (line->detail);
  g_free (line);
}

static gboolean
expect_status (RmmStore          *self,
               gint64             meeting_id,
               RmmMeetingStatus   expected,
               const char        *message,
               GError           **error)
{
  int status = rmm_store_read_meeting_status (self, meeting_id, error);

  if (status < 0)
    return FALSE;
  if (status != (int)expected)
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_attendance (const RmmAttendanceInput  *rows,
                  guint                      n_rows,
                  GError                   **error)
{
  gboolean anyone_present = FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      const RmmAttendanceInput *row = &rows[i];

      if (row->status >= RMM_ATTENDANCE_STATUS_UNKNOWN)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("An agency is present, sends apologies or information, or observes."));
          return FALSE;
        }
      if (row->status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION &&
          !rmm_date_parse (row->information_sent_at, NULL) &&
          !rmm_time_is_valid (row->information_sent_at))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("Say when the agency sent its information (YYYY-MM-DD)."));
          return FALSE;
        }
      if (row->status == RMM_ATTENDANCE_STATUS_OBSERVER &&
          (row->name == NULL || *row->name == '\0'))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Give each observer’s name."));
          return FALSE;
        }
      anyone_present |= row->status == RMM_ATTENDANCE_STATUS_PRESENT;
    }
  if (!anyone_present)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Record at least one agency as present."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_attendance (RmmStore                  *self,
                   gint64                     meeting_id,
                   const RmmAttendanceInput  *row,
                   GError                   **error)
{
  gboolean sent = row->status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION;
  gint64 works_for = row->professional_id == 0 ? row->agency_id
                   : rmm_store_query_int (self, "SELECT coalesce((SELECT agency_id FROM "
                                                "professional WHERE id = ?), 0)",
                                          row->professional_id, error);
  RmmField fields[] = {
    RMM_REF ("meeting_id", meeting_id),
    RMM_REF ("agency_id", row->agency_id),
    RMM_REF ("professional_id", row->professional_id),
    RMM_TEXT ("name", row->name ? row->name : ""),
    RMM_TEXT ("status", rmm_state_to_text (RMM_TYPE_ATTENDANCE_STATUS, row->status)),
    RMM_TEXT ("information_sent_at", sent ? row->information_sent_at : NULL),
  };

  /* The minutes name them under the row's agency: it must be theirs. */
  if (works_for != row->agency_id)
    {
      if (works_for >= 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                     _("Someone in the attendance is recorded for an agency they do not "
                       "work for."));
      return FALSE;
    }
  return rmm_store_insert (self, "attendance", fields, G_N_ELEMENTS (fields), error) != 0;
}

/* The chairs open a planned meeting: who is there, who sent apologies or information, the
 * observers, and that the confidentiality statement was read out. All or nothing. */
gboolean
rmm_store_open_meeting (RmmStore                  *self,
                        gint64                     meeting_id,
                        const RmmAttendanceInput  *rows,
                        guint                      n_rows,
                        gboolean                   statement_read,
                        GError                   **error)
{
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  if (!statement_read)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The chairs read the confidentiality statement out before the meeting "
                     "opens."));
      return FALSE;
    }
  if (!check_attendance (rows, n_rows, error) || !rmm_store_begin (self, error))
    return FALSE;
  ok = expect_status (self, meeting_id, RMM_MEETING_STATUS_PLANNED,
                      _("Only a coming meeting can be opened; this one is under way or held."),
                      error);
  for (guint i = 0; ok && i < n_rows; i++)
    ok = insert_attendance (self, meeting_id, &rows[i], error);
  if (ok)
    {
      RmmField fields[] = {
        RMM_TEXT ("status", "open"),
        RMM_TEXT ("opened_at", now = rmm_store_now (self)),
        RMM_TEXT ("statement_read_at", now),
      };

      ok = rmm_store_update (self, "meeting", meeting_id, fields, G_N_ELEMENTS (fields), error);
    }
  return rmm_store_end (self, ok, error);
}

static gpointer
attendance_from_row (RmmDbStmt *stmt)
{
  RmmAttendance *row = g_new0 (RmmAttendance, 1);

  row->agency_id = rmm_db_stmt_get_int (stmt, 0);
  row->agency = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  row->name = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  row->status = rmm_state_from_text (RMM_TYPE_ATTENDANCE_STATUS,
                                     rmm_db_stmt_get_text (stmt, 3),
                                     RMM_ATTENDANCE_STATUS_UNKNOWN);
  row->information_sent_at = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  return row;
}

/* The meeting's attendance, agencies by name: RmmAttendance rows. */
GPtrArray *
rmm_store_list_attendance (RmmStore  *self,
                           gint64     meeting_id,
                           GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT t.agency_id, g.name, "
                         "       CASE t.name WHEN '' THEN coalesce(p.full_name, '') "
                         "       ELSE t.name END, t.status, "
                         "       coalesce(t.information_sent_at, '') "
                         "FROM attendance t JOIN agency g ON g.id = t.agency_id "
                         "LEFT JOIN professional p ON p.id = t.professional_id "
                         "WHERE t.meeting_id = ? ORDER BY t.status = 'observer', g.name, t.id",
                         error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  return rmm_store_collect_rows (stmt, attendance_from_row,
                                 (GDestroyNotify)rmm_attendance_free, error);
}

/* The room has been through the agenda: every child discussed, deferred or removed. */
gboolean
rmm_store_conclude_meeting (RmmStore  *self,
                            gint64     meeting_id,
                            GError   **error)
{
  g_autofree char *now = NULL;
  gint64 pending;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = expect_status (self, meeting_id, RMM_MEETING_STATUS_OPEN,
                      _("Only a meeting under way can be concluded: open it first."), error);
  if (ok)
    {
      pending = rmm_store_query_int (self, "SELECT count(*) FROM agenda_item WHERE "
                                           "meeting_id = ? AND status = 'pending'",
                                     meeting_id, error);
      ok = pending == 0;
      if (pending > 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%" PRId64 " child is not yet discussed or deferred.",
                                  "%" PRId64 " children are not yet discussed or "
                                  "deferred.", pending), pending);
    }
  if (ok)
    {
      RmmField fields[] = {
        RMM_TEXT ("status", "concluded"),
        RMM_TEXT ("concluded_at", now = rmm_store_now (self)),
      };

      ok = rmm_store_update (self, "meeting", meeting_id, fields, G_N_ELEMENTS (fields), error);
    }
  return rmm_store_end (self, ok, error);
}

/* One chair signs the minutes off; once both have, the meeting is signed off and its
 * minutes and attendance are history. */
gboolean
rmm_store_sign_off_meeting (RmmStore  *self,
                            gint64     meeting_id,
                            gint64     chair_id,
                            GError   **error)
{
  g_autofree char *now = NULL;
  RmmDbStmt *stmt;
  gint64 chair1 = 0, chair2 = 0;
  gboolean signed1 = FALSE, signed2 = FALSE, ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = expect_status (self, meeting_id, RMM_MEETING_STATUS_CONCLUDED,
                      _("The minutes are signed off once the meeting is concluded."), error) &&
       (stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT coalesce(chair_children_id, 0), "
                               "       coalesce(chair_family_id, 0), "
                               "       chair1_signed_at IS NOT NULL, chair2_signed_at IS NOT NULL "
                               "FROM meeting WHERE id = ?", error)) != NULL;
  if (ok)
    {
      rmm_db_stmt_bind_int (stmt, 1, meeting_id);
      ok = rmm_store_step_row (stmt, N_("meeting"), meeting_id, error);
    }
  if (ok)
    {
      chair1 = rmm_db_stmt_get_int (stmt, 0);
      chair2 = rmm_db_stmt_get_int (stmt, 1);
      signed1 = rmm_db_stmt_get_int (stmt, 2);
      signed2 = rmm_db_stmt_get_int (stmt, 3);
      rmm_db_stmt_reset (stmt);
      if (chair_id == 0 || (chair_id != chair1 && chair_id != chair2))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("Only the meeting’s two chairs sign the minutes off."));
          ok = FALSE;
        }
      else if ((chair_id == chair1 && signed1) || (chair_id == chair2 && signed2))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("This chair has already signed the minutes off."));
          ok = FALSE;
        }
    }
  if (ok)
    {
      gboolean both = chair_id == chair1 ? signed2 : signed1;
      RmmField fields[] = {
        RMM_TEXT (chair_id == chair1 ? "chair1_signed_at" : "chair2_signed_at",
                  now = rmm_store_now (self)),
        RMM_TEXT ("status", both ? "signed-off" : "concluded"),
      };

      ok = rmm_store_update (self, "meeting", meeting_id, fields, G_N_ELEMENTS (fields), error);
    }
  return rmm_store_end (self, ok, error);
}

/* Which chairs have signed the minutes off: bit 1 the Children's Services chair, bit 2 the
 * Family Services chair; -1 on error. */
int
rmm_store_get_sign_off (RmmStore  *self,
                        gint64     meeting_id,
                        GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), -1);

  return (int)rmm_store_query_int (self,
                                   "SELECT CASE WHEN chair1_signed_at IS NULL THEN 0 ELSE 1 END "
                                   "     + CASE WHEN chair2_signed_at IS NULL THEN 0 ELSE 2 END "
                                   "FROM meeting WHERE id = ?", meeting_id, error);
}

static void
add_line (GPtrArray     *lines,
          RmmSummaryKind kind,
          RmmDbStmt     *stmt,
          char          *detail)
{
  RmmSummaryLine *line = g_new0 (RmmSummaryLine, 1);

  line->kind = kind;
  line->reference = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  line->name = g_strdup_printf ("%s %s", rmm_db_stmt_get_text (stmt, 1),
                                rmm_db_stmt_get_text (stmt, 2));
  line->detail = detail;
  g_ptr_array_add (lines, line);
}

/* Ratings decided at the meeting, each against the rating that stood before it. */
static gboolean
summarize_ratings (RmmStore   *self,
                   gint64      meeting_id,
                   GPtrArray  *lines,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT c.reference, c.first_name, c.last_name, d.value, d.status, "
                         "       a.framework, coalesce((SELECT p.value FROM decision p "
                         "         WHERE p.child_id = d.child_id AND p.kind = 'risk-rating' "
                         "         AND p.status = 'confirmed' AND p.id <> d.id "
                         "         AND (p.meeting_id IS NULL OR p.meeting_id <> d.meeting_id) "
                         "         AND p.proposed_at <= d.proposed_at "
                         "         ORDER BY p.proposed_at DESC, p.id DESC LIMIT 1), ''), "
                         "       d.dissent "
                         "FROM decision d JOIN child c ON c.id = d.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "WHERE d.meeting_id = ? AND d.kind = 'risk-rating' "
                         "  AND d.status IN ('confirmed', 'disputed') "
                         "  AND NOT EXISTS (SELECT 1 FROM decision n WHERE n.child_id = d.child_id "
                         "                  AND n.meeting_id = d.meeting_id "
                         "                  AND n.kind = 'risk-rating' AND n.id > d.id) "
                         "ORDER BY c.last_name, c.first_name, c.reference", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmFramework *framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 5));
      const char *value = rmm_db_stmt_get_text (stmt, 3);
      const char *before = rmm_db_stmt_get_text (stmt, 6);
      const char *label = rmm_framework_describe_level (framework, value);
      int change = *before && framework ? rmm_framework_compare (framework, value, before) : 0;

      if (rmm_state_from_text (RMM_TYPE_DECISION_STATUS, rmm_db_stmt_get_text (stmt, 4),
                               RMM_DECISION_STATUS_PROPOSED) == RMM_DECISION_STATUS_DISPUTED)
        add_line (lines, RMM_SUMMARY_KIND_RATING_DISPUTED, stmt,
                  g_strdup_printf (_("%s disputed, escalated to service managers: %s"), label,
                                   rmm_db_stmt_get_text (stmt, 7)));
      else if (*before == '\0')
        add_line (lines, RMM_SUMMARY_KIND_RATING_NEW, stmt, g_strdup_printf (_("Rated %s"), label));
      else if (change != 0)
        add_line (lines, change > 0 ? RMM_SUMMARY_KIND_RATING_UP : RMM_SUMMARY_KIND_RATING_DOWN,
                  stmt, g_strdup_printf (_("%s, was %s"), label,
                                         rmm_framework_describe_level (framework, before)));
      else
        add_line (lines, RMM_SUMMARY_KIND_RATING_SAME, stmt,
                  g_strdup_printf (_("%s, unchanged"), label));
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Lead agencies, closures, triggers raised by the meeting's decisions or on its day, and
 * the items deferred or removed. */
static const struct { RmmSummaryKind kind; const char *sql; } other_lines[] = {
  { RMM_SUMMARY_KIND_LEAD_AGENCY,
    "SELECT c.reference, c.first_name, c.last_name, g.name, coalesce(p.full_name, '') "
    "FROM decision d JOIN child c ON c.id = d.child_id JOIN agency g ON g.id = d.lead_agency_id "
    "LEFT JOIN professional p ON p.id = d.lead_professional_id "
    "WHERE d.meeting_id = ?1 AND d.kind = 'lead-agency' AND d.status = 'confirmed' "
    "ORDER BY c.last_name, c.first_name" },
  { RMM_SUMMARY_KIND_CLOSURE,
    "SELECT c.reference, c.first_name, c.last_name, x.reasons, '' "
    "FROM decision d JOIN child c ON c.id = d.child_id JOIN closure x ON x.decision_id = d.id "
    "WHERE d.meeting_id = ?1 AND d.kind = 'closure' AND d.status = 'confirmed' "
    "ORDER BY c.last_name, c.first_name" },
  { RMM_SUMMARY_KIND_TRIGGER,
    "SELECT c.reference, c.first_name, c.last_name, t.reason, '' "
    "FROM strategy_trigger t JOIN child c ON c.id = t.child_id "
    "WHERE t.child_id IN (SELECT child_id FROM agenda_item WHERE meeting_id = ?1) "
    "  AND (t.facts IN (SELECT 'decision:' || id FROM decision WHERE meeting_id = ?1) "
    "       OR substr(t.raised_at, 1, 10) = (SELECT meets_on FROM meeting WHERE id = ?1)) "
    "ORDER BY c.last_name, c.first_name, t.id" },
  { RMM_SUMMARY_KIND_DEFERRED,
    "SELECT c.reference, c.first_name, c.last_name, i.status_reason, '' "
    "FROM agenda_item i JOIN child c ON c.id = i.child_id "
    "WHERE i.meeting_id = ?1 AND i.status = 'deferred' ORDER BY i.position" },
  { RMM_SUMMARY_KIND_REMOVED,
    "SELECT c.reference, c.first_name, c.last_name, i.status_reason, '' "
    "FROM agenda_item i JOIN child c ON c.id = i.child_id "
    "WHERE i.meeting_id = ?1 AND i.status = 'removed' ORDER BY i.position" },
};

static gboolean
summarize_others (RmmStore   *self,
                  gint64      meeting_id,
                  GPtrArray  *lines,
                  GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (other_lines); i++)
    {
      g_autoptr(GError) local_error = NULL;
      RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), other_lines[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      rmm_db_stmt_bind_int (stmt, 1, meeting_id);
      while (rmm_db_stmt_step (stmt, &local_error))
        {
          const char *person = rmm_db_stmt_get_text (stmt, 4);
          char *detail = *person ? g_strdup_printf ("%s: %s", rmm_db_stmt_get_text (stmt, 3),
                                                    person)
                                 : g_strdup (rmm_db_stmt_get_text (stmt, 3));

          add_line (lines, other_lines[i].kind, stmt, detail);
        }
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

static int
by_agenda_position (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *positions = user_data;
  const RmmSummaryLine *line_a = *(RmmSummaryLine * const *)a;
  const RmmSummaryLine *line_b = *(RmmSummaryLine * const *)b;
  gsize position_a = GPOINTER_TO_SIZE (g_hash_table_lookup (positions, line_a->reference)) - 1;
  gsize position_b = GPOINTER_TO_SIZE (g_hash_table_lookup (positions, line_b->reference)) - 1;

  /* Not on the agenda (0 - 1 wraps round): last. */
  return (position_a > position_b) - (position_a < position_b);
}

/* The lines in the agenda's order, each child's together, as the meeting took them. The
 * sort is stable: within a child, ratings come first, then the other decisions. */
static gboolean
sort_by_agenda (RmmStore   *self,
                gint64      meeting_id,
                GPtrArray  *lines,
                GError    **error)
{
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT c.reference, i.position FROM agenda_item i "
                                    "JOIN child c ON c.id = i.child_id WHERE i.meeting_id = ?",
                                    error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    g_hash_table_insert (positions, g_strdup (rmm_db_stmt_get_text (stmt, 0)),
                         GSIZE_TO_POINTER (rmm_db_stmt_get_int (stmt, 1) + 1));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort_with_data (lines, by_agenda_position, positions);
  return TRUE;
}

/* What the meeting decided, for the chairs to read back before signing off: ratings (new,
 * up, down, unchanged, disputed), lead agencies, closures, new triggers, deferrals and
 * removals. RmmSummaryLine rows. */
GPtrArray *
rmm_store_summarize_meeting (RmmStore  *self,
                             gint64     meeting_id,
                             GError   **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_summary_line_free);

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  /* The meeting must exist: an empty summary would say it decided nothing. */
  if (rmm_store_read_meeting_status (self, meeting_id, error) < 0 ||
      !summarize_ratings (self, meeting_id, lines, error) ||
      !summarize_others (self, meeting_id, lines, error) ||
      !sort_by_agenda (self, meeting_id, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}
