/* rmm-store-server.c: the store on a shared PostgreSQL server: opening it, the connection
 * lost and found again, and how it is named and protected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rest of the store is the same on a server as on a file; what only a server has is here
 * (what only a file has, its checks and its journal, is in rmm-store.c).
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-db-private.h"  /* first: the engine class rmm-db-pg.h derives from */
#include "rmm-db-pg.h"
#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-store-object.h"

/* A database on a server: set up by "rmmctl server init" (the logins the app connects as may
 * not change the schema), at this version; the server checks its own pages. Every change is
 * recorded under the server's login, which no client can change. */
/* Not one of the app's logins (rmm_app), nor the database's owner or a superuser. */
#define FIGURES_ONLY_SQL \
  "SELECT CASE WHEN coalesce ((SELECT NOT pg_has_role (session_user, r.oid, 'MEMBER') " \
  "                            FROM pg_roles r WHERE r.rolname = 'rmm_app'), false) " \
  "  AND NOT pg_has_role (session_user, (SELECT datdba FROM pg_database " \
  "                                      WHERE datname = current_database ()), 'MEMBER') " \
  "  AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) " \
  "THEN 1 ELSE 0 END"

gboolean
rmm_store_open_on_server (RmmStore    *self,
                          const char  *conninfo,
                          GError     **error)
{
  const char *where;
  gint64 version;
  guint known = rmm_store_get_known_schema_version ();

  if (!(self->db = rmm_db_connect (conninfo, error)))
    return FALSE;
  where = rmm_db_get_path (self->db);
  if ((version = rmm_store_read_schema_version (self, error)) < 0)
    return FALSE;
  if (version < known)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   version == 0
                   ? _("The database at %s is not set up for RMM Desk yet. Its administrator "
                       "sets it up with “rmmctl server init”.")
                   : _("The database at %s was set up by an older RMM Desk. Its administrator "
                       "brings it up to date with “rmmctl server init”."), where);
      return FALSE;
    }
  self->schema_version = version;
  {
    g_autofree char *schema = rmm_store_check_schema (self);

    /* Guards dropped or disabled on the server would let history be rewritten. */
    if (schema != NULL)
      self->read_only = g_strdup_printf (_("RMM Desk will not write to the database at %s: its "
                                           "%s. Run “rmmctl check” on it and ask its "
                                           "administrator for help."), where, schema);
  }
  g_free (self->actor);
  self->actor = g_strdup (rmm_db_pg_get_login (RMM_DB_PG (self->db)));
  /* The board's oversight login reads the published figures and nothing of the record,
   * not even the chain's links. */
  if ((self->figures_only = rmm_store_query_int (self, FIGURES_ONLY_SQL, 0, NULL) > 0))
    {
      g_free (self->read_only);
      self->read_only = g_strdup (_("This login reads the figures published for the board, "
                                    "and changes nothing."));
      return TRUE;
    }
  rmm_store_mark_seen (self);
  rmm_store_remember_head (self);
  return TRUE;
}

/**
 * rmm_store_reads_figures_only:
 *
 * Whether this login is the safeguarding board's (on a server, an oversight login, not one
 * of the app's): it reads the figures published for the board (rmm_store_read_board_figures
 * ()) and nothing of the record.
 */
gboolean
rmm_store_reads_figures_only (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  return self->figures_only;
}

/* Is the database on a PostgreSQL server (not an SQLite file)? */
gboolean
rmm_store_is_on_server (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  return rmm_db_get_engine (self->db) == RMM_DB_ENGINE_POSTGRESQL;
}

/* Is the server there (a file always is)? Until it is back, every change is refused. */
gboolean
rmm_store_is_connected (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  return rmm_db_is_connected (self->db);
}

/* After the connection is back: what became of a cut-off commit, and every window reads
 * afresh. */
static void
welcome_back (RmmStore            *self,
              RmmDbCommitOutcome   last,
              char               **outcome)
{
  g_clear_pointer (&self->head_hash, g_free);
  if (outcome != NULL)
    {
      switch (last)
        {
        case RMM_DB_COMMIT_SAVED:
          *outcome = g_strdup (_("The change being saved when the connection was lost was "
                                 "saved."));
          break;
        case RMM_DB_COMMIT_NOT_SAVED:
          *outcome = g_strdup (_("The change being saved when the connection was lost was "
                                 "not saved: make it again."));
          break;
        case RMM_DB_COMMIT_UNKNOWN:
          *outcome = g_strdup (_("Whether the change being saved when the connection was lost "
                                 "was saved is not known yet: look for it before making it "
                                 "again."));
          break;
        case RMM_DB_COMMIT_NOT_IN_DOUBT:
        default:
          *outcome = NULL;
          break;
        }
    }
  rmm_store_mark_seen (self);
  rmm_store_announce_everything (self);
}

/**
 * rmm_store_reconnect:
 * @outcome: (out) (optional): a sentence on the change whose saving the lost connection cut
 *   off, as the server knows it; NULL when none was
 *
 * Connects to the server again, then says ::changed ("*"): what is on screen is read afresh.
 * Waits for the server (up to its connect timeout); rmm_store_reconnect_async() does not.
 */
gboolean
rmm_store_reconnect (RmmStore  *self,
                     char     **outcome,
                     GError   **error)
{
  RmmDbCommitOutcome last = RMM_DB_COMMIT_NOT_IN_DOUBT;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_db_reconnect (self->db, &last, error))
    return FALSE;
  welcome_back (self, last, outcome);
  return TRUE;
}

static void
dial_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  gpointer dialled = rmm_db_dial (RMM_STORE (source)->db, &error);

  if (dialled != NULL)
    g_task_return_pointer (task, dialled, NULL);
  else
    g_task_return_error (task, error);
}

/* The same, the server dialled in a worker thread: the windows go on drawing meanwhile. */
void
rmm_store_reconnect_async (RmmStore            *self,
                           GAsyncReadyCallback  callback,
                           gpointer             data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RMM_IS_STORE (self));

  task = g_task_new (self, NULL, callback, data);
  g_task_set_source_tag (task, rmm_store_reconnect_async);
  g_task_run_in_thread (task, dial_in_thread);
}

gboolean
rmm_store_reconnect_finish (RmmStore      *self,
                            GAsyncResult  *result,
                            char         **outcome,
                            GError       **error)
{
  RmmDbCommitOutcome last = RMM_DB_COMMIT_NOT_IN_DOUBT;
  gpointer dialled;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(dialled = g_task_propagate_pointer (G_TASK (result), error)) ||
      !rmm_db_adopt (self->db, dialled, &last, error))
    return FALSE;
  welcome_back (self, last, outcome);
  return TRUE;
}

/* A server's database as a person would name it ("county on rmm.example.org"); NULL for a
 * file. */
char *
rmm_store_describe_server (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!rmm_store_is_on_server (self))
    return NULL;
  return rmm_db_pg_describe (RMM_DB_PG (self->db));
}

/* How the connection to a server is protected, as a sentence; NULL for a file. */
const char *
rmm_store_describe_connection (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!rmm_store_is_on_server (self))
    return NULL;
  return rmm_db_pg_get_security (RMM_DB_PG (self->db));
}

