/* rmm-store-documents.c: what the documents that leave the room read, beyond the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minutes need a meeting's opening and sign-off times, the trigger responses and
 * closures recorded there; a safety plan needs the child, the new information and the
 * police disruption notes. Each is read here so the PDF layer holds no SQL.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-store-private.h"

void
rmm_meeting_record_free (RmmMeetingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->opened_at);
  g_free (record->statement_read_at);
  g_free (record->concluded_at);
  g_free (record->chair1_signed_at);
  g_free (record->chair2_signed_at);
  g_free (record);
}

void
rmm_trigger_response_free (RmmTriggerResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->rule_id);
  g_free (response->reason);
  g_free (response->raised_at);
  g_free (response->convened_on);
  g_free (response->agencies_present);
  g_free (response->outcome);
  g_free (response->reasons);
  g_free (response);
}

void
rmm_closure_free (RmmClosure *closure)
{
  if (closure == NULL)
    return;
  g_free (closure->reasons);
  g_free (closure->good_practice);
  g_free (closure->onward_agency);
  g_free (closure->onward_referral);
  g_free (closure);
}

void
rmm_child_record_free (RmmChildRecord *child)
{
  if (child == NULL)
    return;
  g_free (child->reference);
  g_free (child->first_name);
  g_free (child->last_name);
  g_free (child->date_of_birth);
  g_free (child->gender);
  g_free (child->school);
  g_free (child->area);
  g_free (child->framework_id);
  g_free (child->social_worker);
  g_free (child->rating);
  g_free (child);
}

RmmMeetingRecord *
rmm_store_get_meeting_record (RmmStore  *self,
                              gint64     meeting_id,
                              GError   **error)
{
  RmmMeetingRecord *record;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT opened_at, statement_read_at, concluded_at, chair1_signed_at, "
                         "       chair2_signed_at FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_store_step_row (stmt, N_("meeting"), meeting_id, error))
    return NULL;
  record = g_new0 (RmmMeetingRecord, 1);
  record->opened_at = rmm_db_stmt_dup_text (stmt, 0);
  record->statement_read_at = rmm_db_stmt_dup_text (stmt, 1);
  record->concluded_at = rmm_db_stmt_dup_text (stmt, 2);
  record->chair1_signed_at = rmm_db_stmt_dup_text (stmt, 3);
  record->chair2_signed_at = rmm_db_stmt_dup_text (stmt, 4);
  rmm_db_stmt_reset (stmt);
  return record;
}

static gpointer
trigger_response_from_row (RmmDbStmt *stmt)
{
  RmmTriggerResponse *row = g_new0 (RmmTriggerResponse, 1);

  row->trigger_id = rmm_db_stmt_get_int (stmt, 0);
  row->child_id = rmm_db_stmt_get_int (stmt, 1);
  row->rule_id = rmm_db_stmt_dup_text (stmt, 2);
  row->reason = rmm_db_stmt_dup_text (stmt, 3);
  row->raised_at = rmm_db_stmt_dup_text (stmt, 4);
  row->convened = rmm_db_stmt_get_int (stmt, 5);
  row->convened_on = rmm_db_stmt_dup_text (stmt, 6);
  row->agencies_present = rmm_db_stmt_dup_text (stmt, 7);
  row->outcome = rmm_db_stmt_dup_text (stmt, 8);
  row->section47 = rmm_db_stmt_get_int (stmt, 9);
  row->reasons = rmm_db_stmt_dup_text (stmt, 10);
  row->confirmed = rmm_db_stmt_get_int (stmt, 11);
  row->chair1_confirmed = rmm_db_stmt_get_int (stmt, 12);
  row->chair2_confirmed = rmm_db_stmt_get_int (stmt, 13);
  return row;
}

/**
 * rmm_store_list_trigger_responses:
 * @child_id: 0 for every child
 *
 * The responses to strategy-discussion triggers recorded at @meeting_id, with why each
 * trigger was raised, oldest trigger first.
 */
GPtrArray *
rmm_store_list_trigger_responses (RmmStore  *self,
                                  gint64     meeting_id,
                                  gint64     child_id,
                                  GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT t.id, t.child_id, t.rule_id, t.reason, t.raised_at, r.convened, "
                         "  r.convened_on, r.agencies_present, r.outcome, r.section47, r.reasons, "
                         "  r.chair1_confirmed_at IS NOT NULL AND r.chair2_confirmed_at IS NOT NULL, "
                         "  r.chair1_confirmed_at IS NOT NULL, r.chair2_confirmed_at IS NOT NULL "
                         "FROM trigger_response r JOIN strategy_trigger t ON t.id = r.trigger_id "
                         "WHERE r.meeting_id = ?1 AND (?2 = 0 OR t.child_id = ?2) "
                         "ORDER BY t.raised_at, t.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  rmm_db_stmt_bind_int (stmt, 2, child_id);
  return rmm_store_collect_rows (stmt, trigger_response_from_row,
                                 (GDestroyNotify)rmm_trigger_response_free, error);
}

/* The closure record of a closure decision, or NULL (no error) when none was written. */
RmmClosure *
rmm_store_get_closure (RmmStore  *self,
                       gint64     decision_id,
                       GError   **error)
{
  GError *local_error = NULL;
  RmmClosure *closure = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT z.reasons, z.good_practice, COALESCE(a.name, ''), "
                         "       z.onward_referral "
                         "FROM closure z LEFT JOIN agency a ON a.id = z.onward_agency_id "
                         "WHERE z.decision_id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, decision_id);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      closure = g_new0 (RmmClosure, 1);
      closure->reasons = rmm_db_stmt_dup_text (stmt, 0);
      closure->good_practice = rmm_db_stmt_dup_text (stmt, 1);
      closure->onward_agency = rmm_db_stmt_dup_text (stmt, 2);
      closure->onward_referral = rmm_db_stmt_dup_text (stmt, 3);
      rmm_db_stmt_reset (stmt);
    }
  rmm_store_finish_rows (local_error, error);
  return closure;
}

#define CHILD_RECORD_SQL \
  "SELECT c.id, c.reference, c.first_name, c.last_name, c.date_of_birth, c.gender, c.school, " \
  "  c.looked_after, a.name, a.framework, COALESCE(p.full_name, ''), " \
  "  COALESCE(" RMM_CURRENT_RATING_SQL ("c.id") ", ''), " \
  "  EXISTS (SELECT 1 FROM safety_plan s WHERE s.child_id = c.id AND s.closed_on IS NULL) " \
  "FROM child c JOIN area a ON a.id = c.area_id " \
  "LEFT JOIN professional p ON p.id = c.social_worker_id "

static RmmChildRecord *
child_record_from_row (RmmDbStmt *stmt)
{
  RmmChildRecord *child = g_new0 (RmmChildRecord, 1);

  child->id = rmm_db_stmt_get_int (stmt, 0);
  child->reference = rmm_db_stmt_dup_text (stmt, 1);
  child->first_name = rmm_db_stmt_dup_text (stmt, 2);
  child->last_name = rmm_db_stmt_dup_text (stmt, 3);
  child->date_of_birth = rmm_db_stmt_dup_text (stmt, 4);
  child->gender = rmm_db_stmt_dup_text (stmt, 5);
  child->school = rmm_db_stmt_dup_text (stmt, 6);
  child->looked_after = rmm_db_stmt_get_int (stmt, 7);
  child->area = rmm_db_stmt_dup_text (stmt, 8);
  child->framework_id = rmm_db_stmt_dup_text (stmt, 9);
  child->social_worker = rmm_db_stmt_dup_text (stmt, 10);
  child->rating = rmm_db_stmt_dup_text (stmt, 11);
  child->has_open_plan = rmm_db_stmt_get_int (stmt, 12);
  return child;
}

RmmChildRecord *
rmm_store_get_child_record (RmmStore  *self,
                            gint64     child_id,
                            GError   **error)
{
  RmmChildRecord *child;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self), CHILD_RECORD_SQL "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (!rmm_store_step_row (stmt, N_("child"), child_id, error))
    return NULL;
  child = child_record_from_row (stmt);
  rmm_db_stmt_reset (stmt);
  return child;
}

/* The children of the area with an open safety plan, by name. */
GPtrArray *
rmm_store_list_open_plan_children (RmmStore  *self,
                                   gint64     area_id,
                                   GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_child_record_free);
  GError *local_error = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         CHILD_RECORD_SQL
                         "WHERE c.area_id = ? AND EXISTS (SELECT 1 FROM safety_plan o "
                         "  WHERE o.child_id = c.id AND o.closed_on IS NULL) "
                         "ORDER BY c.last_name, c.first_name, c.reference", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    g_ptr_array_add (rows, child_record_from_row (stmt));
  if (!rmm_store_finish_rows (local_error, error))
    return NULL;
  return g_steal_pointer (&rows);
}
