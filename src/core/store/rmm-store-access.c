/* rmm-store-access.c: who looked, in the same tamper-evident chain as every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An access event is an audit event of its own entity: "child-access" (its entity_id the
 * child), "meeting-access" (the meeting, for its minutes or pack) or "list-access" (the area,
 * 0 for every area, for the CSE list). No table is named after them, so `check` replays no
 * row from them, and a change mark that counts only changes passes them by.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include "rmm-store-private.h"

static const char * const access_entities[] = { "child-access", "meeting-access", "list-access" };
static const char * const access_actions[] = { "child-page", "name-revealed", "document" };

void
rmm_access_event_free (RmmAccessEvent *event)
{
  g_free (event->at);
  g_free (event->actor);
  g_free (event->what);
  g_free (event->document);
  g_free (event->audience);
  g_free (event);
}

gboolean
rmm_store_is_access_entity (const char *entity)
{
  return entity != NULL && g_strv_contains ((const char * const *)access_entities, entity);
}

/* Which record was looked at: a child's, else a meeting's, else an area's list. */
static const char *
access_entity (const RmmAccessInput *input,
               gint64               *entity_id)
{
  if (input->child_id != 0)
    {
      *entity_id = input->child_id;
      return access_entities[0];
    }
  if (input->meeting_id != 0)
    {
      *entity_id = input->meeting_id;
      return access_entities[1];
    }
  *entity_id = input->area_id;
  return access_entities[2];
}

/**
 * rmm_store_record_access:
 *
 * Appends who looked at what now (the store's actor: on a server, the login) to the audit
 * trail, in a transaction of its own unless one is open. A database open read-only records
 * nothing, and says so only to the debug log: reading it is not refused for that.
 */
gboolean
rmm_store_record_access (RmmStore              *self,
                         const RmmAccessInput  *input,
                         GError               **error)
{
  RmmField fields[] = {
    RMM_INT ("child_id", input->child_id),
    RMM_INT ("meeting_id", input->meeting_id),
    RMM_INT ("area_id", input->area_id),
    RMM_TEXT ("document", input->document ? input->document : ""),
    RMM_TEXT ("audience", input->audience ? input->audience : ""),
  };
  g_autofree char *after = NULL;
  const char *entity;
  gint64 entity_id;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (input->kind <= RMM_ACCESS_DOCUMENT, FALSE);

  if (rmm_store_get_read_only (self) != NULL)
    {
      g_debug ("a database open read-only: an access is not recorded");
      return TRUE;
    }
  entity = access_entity (input, &entity_id);
  after = rmm_store_fields_to_json (fields, G_N_ELEMENTS (fields));
  if (!rmm_store_begin (self, error))
    return FALSE;
  return rmm_store_end (self,
                        rmm_store_audit (self, access_actions[input->kind], entity, entity_id,
                                         NULL, after, error),
                        error);
}

static gpointer
access_event_from_row (RmmDbStmt *stmt)
{
  RmmAccessEvent *event = g_new0 (RmmAccessEvent, 1);

  event->id = rmm_db_stmt_get_int (stmt, 0);
  event->at = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  event->actor = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  event->what = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  event->document = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  event->audience = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  event->meeting_id = rmm_db_stmt_get_int (stmt, 6);
  return event;
}

/* Everyone who looked at @child_id's record, oldest first: its page, its name on the
 * projector, its plan, and the minutes and packs of the meetings it was on the agenda of. */
GPtrArray *
rmm_store_list_access (RmmStore  *self,
                       gint64     child_id,
                       GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT id, at, actor, action, "
                         "       coalesce (json_extract (after, '$.document'), ''), "
                         "       coalesce (json_extract (after, '$.audience'), ''), "
                         "       coalesce (json_extract (after, '$.meeting_id'), '0') "
                         "FROM audit_event "
                         "WHERE (entity = 'child-access' AND entity_id = ?1) "
                         "   OR (entity = 'meeting-access' AND entity_id IN "
                         "       (SELECT meeting_id FROM agenda_item WHERE child_id = ?1)) "
                         "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, access_event_from_row,
                                 (GDestroyNotify)rmm_access_event_free, error);
}
