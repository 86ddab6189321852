/* rmm-store-access.c: who looked, in the same tamper-evident chain as every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An access event is an audit event of its own entity: "child-access" (its entity_id the
 * child), "meeting-access" (the meeting, for its minutes or pack) or "list-access" (the area,
 * 0 for every area, for the CSE list, with the ids of the children it named). No table is named after them, so `check` replays no
 * row from them, and a change mark that counts only changes passes them by.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-store-object.h"

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

/* The access's event, inside the open transaction. A look noted earlier says when it was
 * (@looked_at); otherwise it was now, when the event is appended. */
static gboolean
append_access (RmmStore              *self,
               const RmmAccessInput  *input,
               const char            *looked_at,
               GError               **error)
{
  RmmField fields[7] = {
    RMM_INT ("child_id", input->child_id),
    RMM_INT ("meeting_id", input->meeting_id),
    RMM_INT ("area_id", input->area_id),
    RMM_TEXT ("document", input->document ? input->document : ""),
    RMM_TEXT ("audience", input->audience ? input->audience : ""),
  };
  guint n_fields = 5;
  g_autofree char *after = NULL;
  gint64 entity_id;
  const char *entity = access_entity (input, &entity_id);

  /* Which children a list named, for a look at each one's record; and when a look noted
   * earlier was. */
  if (input->children != NULL)
    fields[n_fields++] = (RmmField) RMM_TEXT ("children", input->children);
  if (looked_at != NULL)
    fields[n_fields++] = (RmmField) RMM_TEXT ("looked_at", looked_at);
  after = rmm_store_fields_to_json (fields, n_fields);

  return rmm_store_audit (self, access_actions[input->kind], entity, entity_id, NULL, after,
                          error);
}

/**
 * rmm_store_record_access:
 *
 * Appends who looked at what now (the store's actor: on a server, the login) to the audit
 * trail, in a transaction of its own unless one is open, waiting for the write lock as any
 * change does (but not for the check of the file at open: rmm_store_begin_look()). In a
 * database open read-only nothing can be recorded: RMM_ERROR_READ_ONLY, and what needed the
 * record (a document) is not made.
 */
gboolean
rmm_store_record_access (RmmStore              *self,
                         const RmmAccessInput  *input,
                         GError               **error)
{
  return rmm_store_record_accesses (self, input, 1, error);
}

/* As rmm_store_record_access(), for many looks at once (an area's plans): one transaction. */
gboolean
rmm_store_record_accesses (RmmStore              *self,
                           const RmmAccessInput  *inputs,
                           guint                  n_inputs,
                           GError               **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  for (guint i = 0; i < n_inputs; i++)
    g_return_val_if_fail (inputs[i].kind <= RMM_ACCESS_DOCUMENT, FALSE);

  /* (With no input, whether any could be recorded.) */
  if (rmm_store_get_read_only (self) != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("Nothing can be recorded in a database open read-only, so no document is "
                     "made from it: who made it would not be in the audit trail."));
      return FALSE;
    }
  if (n_inputs == 0)
    return TRUE;
  if (!rmm_store_begin_look (self, TRUE, error))
    return FALSE;
  for (guint i = 0; ok && i < n_inputs; i++)
    ok = append_access (self, &inputs[i], NULL, error);
  return rmm_store_end (self, ok, error);
}

typedef struct
{
  RmmAccessInput  input;
  char           *document;
  char           *audience;
  char           *looked_at;
} NotedLook;

static void
noted_look_free (gpointer data)
{
  NotedLook *look = data;

  g_free (look->document);
  g_free (look->audience);
  g_free (look->looked_at);
  g_free (look);
}

/* The looks noted and not yet recorded, appended now if that needs no waiting (nobody else
 * is writing); else kept for the next try. FALSE while some are
 * kept only because someone else is writing: worth trying again in a moment. */
gboolean
rmm_store_record_noted_looks (RmmStore *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->noted_looks == NULL || self->noted_looks->len == 0)
    return TRUE;
  if (!rmm_store_begin_look (self, FALSE, &error))
    return !g_error_matches (error, RMM_ERROR, RMM_ERROR_LOCKED);
  for (guint i = 0; ok && i < self->noted_looks->len; i++)
    {
      NotedLook *look = g_ptr_array_index (self->noted_looks, i);

      ok = append_access (self, &look->input, look->looked_at, &error);
    }
  if (rmm_store_end (self, ok, ok ? &error : NULL))
    g_ptr_array_set_size (self->noted_looks, 0);
  else
    g_debug ("looks not recorded yet: %s", error ? error->message : "");
  return TRUE;
}

/**
 * rmm_store_note_access:
 *
 * As rmm_store_record_access(), for a look that must not wait for anyone: a child's page
 * opened, a name shown on the projector. It is recorded at once when nobody else is writing;
 * otherwise, with the time it happened, at rmm_store_poll() (which the app runs every
 * second) or when the store is closed, whichever comes first. A copy open read-only, which
 * nothing can be written to, records no look.
 */
void
rmm_store_note_access (RmmStore             *self,
                       const RmmAccessInput *input)
{
  NotedLook *look;

  g_return_if_fail (RMM_IS_STORE (self));
  g_return_if_fail (input->kind <= RMM_ACCESS_DOCUMENT);

  if (rmm_store_get_read_only (self) != NULL)
    return;
  if (self->noted_looks == NULL)
    self->noted_looks = g_ptr_array_new_with_free_func (noted_look_free);
  look = g_new0 (NotedLook, 1);
  look->input = *input;
  look->input.document = look->document = g_strdup (input->document);
  look->input.audience = look->audience = g_strdup (input->audience);
  look->looked_at = rmm_store_now (self);
  g_ptr_array_add (self->noted_looks, look);
  /* Never inside another's transaction, whose rollback would take the look with it. */
  if (rmm_db_get_depth (rmm_store_get_db (self)) == 0)
    rmm_store_record_noted_looks (self);
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
 * projector, its plan, the minutes and packs of the meetings it was on the agenda of, and
 * the CSE lists that named it. */
GPtrArray *
rmm_store_list_access (RmmStore  *self,
                       gint64     child_id,
                       GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT id, coalesce (json_extract (after, '$.looked_at'), at), "
                         "       actor, action, "
                         "       coalesce (json_extract (after, '$.document'), ''), "
                         "       coalesce (json_extract (after, '$.audience'), ''), "
                         "       coalesce (json_extract (after, '$.meeting_id'), '0') "
                         "FROM audit_event "
                         "WHERE (entity = 'child-access' AND entity_id = ?1) "
                         "   OR (entity = 'meeting-access' AND entity_id IN "
                         "       (SELECT meeting_id FROM agenda_item WHERE child_id = ?1)) "
                         "   OR (entity = 'list-access' AND "
                         "       instr (coalesce (json_extract (after, '$.children'), ''), "
                         "              ',' || ?1 || ',') > 0) "
                         "ORDER BY 2, id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, access_event_from_row,
                                 (GDestroyNotify)rmm_access_event_free, error);
}
