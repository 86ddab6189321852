/* rmm-store-audit.c: the audit trail written: each change's event chained to the last, and
 * marks to ask later whether anything changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include "rmm-audit.h"
#include "rmm-store-private.h"

/* Appends one event, chained to the last. Must run inside the transaction of the change. */
gboolean
rmm_store_audit (RmmStore    *self,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *before,
                 const char  *after,
                 GError     **error)
{
  g_autofree char *at = rmm_store_now (self);
  g_autofree char *hash = NULL;
  const char *prev_hash;
  RmmAuditEvent event = { 0 };
  RmmDbStmt *stmt;
  gint64 head_id;

  if (!rmm_store_get_audit_head (self, &head_id, &prev_hash, error))
    return FALSE;
  event.id = head_id + 1;
  event.at = at;
  event.actor = rmm_store_get_actor (self);
  event.action = action;
  event.entity = entity;
  event.entity_id = entity_id;
  event.before = before ? before : "";
  event.after = after ? after : "";
  event.prev_hash = prev_hash;
  hash = rmm_audit_hash (&event);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "INSERT INTO audit_event (id, at, actor, action, entity, "
                               "entity_id, before, after, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, event.id);
  rmm_db_stmt_bind_text (stmt, 2, event.at);
  rmm_db_stmt_bind_text (stmt, 3, event.actor);
  rmm_db_stmt_bind_text (stmt, 4, event.action);
  rmm_db_stmt_bind_text (stmt, 5, event.entity);
  rmm_db_stmt_bind_int (stmt, 6, event.entity_id);
  rmm_db_stmt_bind_text (stmt, 7, event.before);
  rmm_db_stmt_bind_text (stmt, 8, event.after);
  rmm_db_stmt_bind_text (stmt, 9, event.prev_hash);
  rmm_db_stmt_bind_text (stmt, 10, hash);
  if (!rmm_db_stmt_send (stmt, error))
    return FALSE;
  rmm_store_set_audit_head (self, event.id, g_steal_pointer (&hash));
  return TRUE;
}

/* The newest event of the audit trail: a mark to ask later whether anything changed. */
gint64
rmm_store_get_change_mark (RmmStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), -1);

  return rmm_store_query_int (self, "SELECT coalesce(max(id), 0) FROM audit_chain", 0, error);
}

/* Whether anyone has changed a child, referral, agency or area since @mark (every change is
 * in the audit trail): 1 if so, 0 if not, -1 on error. */
int
rmm_store_people_changed_since (RmmStore  *self,
                                gint64     mark,
                                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 changed;

  g_return_val_if_fail (RMM_IS_STORE (self), -1);

  /* "entity || ''" keeps the engine on the id range rather than the index on entity. */
  changed = rmm_store_query_int (self,
                                 "SELECT EXISTS (SELECT 1 FROM audit_chain WHERE id > ? AND "
                                 "entity || '' IN ('child', 'referral', 'agency', 'area'))",
                                 mark, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return changed != 0;
}
