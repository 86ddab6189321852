/* rmm-db.c: the connection layer: what both engines share (kept statements, nested
 * transactions) and the calls that reach the engine underneath
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-db"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-db-private.h"
#include "rmm-error.h"

typedef struct
{
  char       *location;    /* a file's path, or a server's address without its password */
  GHashTable *statements;  /* SQL text → RmmDbStmt */
  guint       depth;
  gboolean    created;
} RmmDbPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RmmDb, rmm_db, G_TYPE_OBJECT)

#define CLASS(self) RMM_DB_GET_CLASS (self)

static void
stmt_free (gpointer data)
{
  RmmDbStmt *stmt = data;

  CLASS (stmt->db)->stmt_free (stmt);
}

static void
rmm_db_finalize (GObject *object)
{
  RmmDb *self = (RmmDb *)object;
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  rmm_db_close (self);
  g_clear_pointer (&priv->statements, g_hash_table_unref);
  g_clear_pointer (&priv->location, g_free);

  G_OBJECT_CLASS (rmm_db_parent_class)->finalize (object);
}

static gboolean
nothing_to_do (RmmDb   *self,
               GError **error)
{
  return TRUE;
}

static gboolean
answer_no (RmmDb *self)
{
  return FALSE;
}

static gboolean
answer_yes (RmmDb *self)
{
  return TRUE;
}

static gboolean
refuse_backup (RmmDb       *self,
               const char  *dest_path,
               GError     **error)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("This database cannot be copied to a file this way."));
  return FALSE;
}

static void
rmm_db_class_init (RmmDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_db_finalize;

  klass->enable_writing = nothing_to_do;
  klass->quick_check = nothing_to_do;
  klass->is_in_wal_mode = answer_yes;
  klass->is_damaged = answer_no;
  klass->is_exposed = answer_no;
  klass->backup_to = refuse_backup;
}

static void
rmm_db_init (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  priv->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
}

/* For the engines: where the database is, as the store names it to the user. */
void
rmm_db_set_location (RmmDb      *self,
                     const char *location,
                     gboolean    created)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_free (priv->location);
  priv->location = g_strdup (location);
  priv->created = created;
}

RmmDbEngine
rmm_db_get_engine (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), RMM_DB_ENGINE_SQLITE);
  return CLASS (self)->engine;
}

/**
 * rmm_db_enable_writing:
 *
 * Makes the database ready for writing (an SQLite file switches to write-ahead logging, the
 * first thing that may write to it): call it only once the database is known to be one of
 * ours and sound (rmm_db_quick_check()).
 */
gboolean
rmm_db_enable_writing (RmmDb   *self,
                       GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->enable_writing (self, error);
}

/**
 * rmm_db_quick_check:
 *
 * The engine's own check of the stored pages: FALSE, with a message naming what it found,
 * when the file is damaged. Reads the whole file; run it off the main thread in the app. A
 * server checks its own pages.
 */
gboolean
rmm_db_quick_check (RmmDb   *self,
                    GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->quick_check (self, error);
}

/* Is the file in write-ahead-log mode already (so switching to it writes nothing)? */
gboolean
rmm_db_is_in_wal_mode (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->is_in_wal_mode (self);
}

/* Has the engine found the file damaged since it was opened? */
gboolean
rmm_db_is_damaged (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->is_damaged (self);
}

/* Others than the owner may read the file (or write to it). */
gboolean
rmm_db_is_exposed (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->is_exposed (self);
}

const char *
rmm_db_get_path (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_DB (self), NULL);
  return priv->location;
}

gboolean
rmm_db_get_created (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return priv->created;
}

void
rmm_db_close (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_if_fail (RMM_IS_DB (self));

  g_hash_table_remove_all (priv->statements);
  CLASS (self)->close (self);
}

gboolean
rmm_db_exec (RmmDb       *self,
             const char  *sql,
             GError     **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->exec (self, sql, error);
}

/* Statements are prepared once and kept: the same SQL runs thousands of times in a demo
 * or an import. The returned statement is reset, with no bindings, and owned by @self. */
RmmDbStmt *
rmm_db_prepare (RmmDb       *self,
                const char  *sql,
                GError     **error)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (priv->statements, sql);
  if (stmt == NULL)
    {
      if (!(stmt = CLASS (self)->prepare (self, sql, error)))
        return NULL;
      stmt->db = self;
      g_hash_table_insert (priv->statements, g_strdup (sql), stmt);
    }
  CLASS (self)->stmt_clear (stmt);
  return stmt;
}

void
rmm_db_stmt_bind_int (RmmDbStmt *stmt,
                      int        index,
                      gint64     value)
{
  CLASS (stmt->db)->bind_int (stmt, index, value);
}

void
rmm_db_stmt_bind_text (RmmDbStmt  *stmt,
                       int         index,
                       const char *value)
{
  CLASS (stmt->db)->bind_text (stmt, index, value);
}

void
rmm_db_stmt_bind_null (RmmDbStmt *stmt,
                       int        index)
{
  CLASS (stmt->db)->bind_text (stmt, index, NULL);
}

/* TRUE while there is a row; FALSE at the end, with @error set if it failed. */
gboolean
rmm_db_stmt_step (RmmDbStmt  *stmt,
                  GError    **error)
{
  return CLASS (stmt->db)->step (stmt, error);
}

/* Run a statement that returns no rows (or whose rows do not matter). */
gboolean
rmm_db_stmt_run (RmmDbStmt  *stmt,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  while (rmm_db_stmt_step (stmt, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * rmm_db_admit_login:
 * @login: an existing login on the server
 * @group: (nullable): one of the server's group roles (rmm_chair…) to make @login a member
 *   of, letting it into this database; %NULL to let it no longer into this database
 *
 * Inside the current transaction, so that it is undone with it. Roles are the whole server's,
 * a database one county's: a login is let into each database on its own. A file has one
 * user, its owner, and no logins: refused.
 */
gboolean
rmm_db_admit_login (RmmDb       *self,
                    const char  *login,
                    const char  *group,
                    GError     **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (rmm_db_get_depth (self) > 0, FALSE);

  if (!rmm_db_has_logins (self, error))
    return FALSE;
  return CLASS (self)->admit_login (self, login, group, error);
}

/* Whether the database has logins of its own (a server's); if not (a file, whose owner is its
 * only user), FALSE with @error saying so. */
gboolean
rmm_db_has_logins (RmmDb   *self,
                   GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  if (CLASS (self)->admit_login != NULL)
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("Logins and roles belong to a shared server; “%s” is a file, whose owner is "
                 "its only user."), rmm_db_get_path (self));
  return FALSE;
}

/**
 * rmm_db_stmt_send:
 *
 * Run a statement that returns no rows, inside a write transaction, when nothing the
 * transaction does next depends on its outcome: a server's connection sends it on with the
 * next statement, one round trip for both, and its failure is then reported by that
 * statement, or by the commit, failing the change all the same. For the writes every change
 * makes and none expects refused (its audit event, the agenda facts it makes stale); not for
 * one whose refusal a caller tells apart.
 */
gboolean
rmm_db_stmt_send (RmmDbStmt  *stmt,
                  GError    **error)
{
  if (CLASS (stmt->db)->send == NULL)
    return rmm_db_stmt_run (stmt, error);
  return CLASS (stmt->db)->send (stmt, error);
}

/**
 * rmm_db_stmt_insert:
 *
 * Run an INSERT of one row and return the id the database gave it, or 0 with @error. The
 * statement's SQL says nothing about returning it: each engine has its own way.
 */
gint64
rmm_db_stmt_insert (RmmDbStmt  *stmt,
                    GError    **error)
{
  return CLASS (stmt->db)->insert (stmt, error);
}

/* Finish with a statement before its last row: it holds a read lock until then. */
void
rmm_db_stmt_reset (RmmDbStmt *stmt)
{
  CLASS (stmt->db)->reset (stmt);
}

gint64
rmm_db_stmt_get_int (RmmDbStmt *stmt,
                     int        column)
{
  return CLASS (stmt->db)->get_int (stmt, column);
}

const char *
rmm_db_stmt_get_text (RmmDbStmt *stmt,
                      int        column)
{
  return CLASS (stmt->db)->get_text (stmt, column);
}

/* A copy of the column's text; NULL reads as "". */
char *
rmm_db_stmt_dup_text (RmmDbStmt *stmt,
                      int        column)
{
  const char *text = rmm_db_stmt_get_text (stmt, column);

  return g_strdup (text ? text : "");
}

gboolean
rmm_db_stmt_is_null (RmmDbStmt *stmt,
                     int        column)
{
  return CLASS (stmt->db)->is_null (stmt, column);
}

static gboolean
begin (RmmDb     *self,
       gboolean   wait,
       GError   **error)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  if (priv->depth == 0)
    {
      if (!CLASS (self)->begin_writing (self, wait, error))
        return FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT rmm_%u", priv->depth);

      if (!rmm_db_exec (self, sql, error))
        return FALSE;
    }
  priv->depth++;
  return TRUE;
}

/* Transactions nest: the outermost takes the engine's write lock at once (one writer at a
 * time, on a file as on a server); inner ones are savepoints. */
gboolean
rmm_db_begin (RmmDb   *self,
              GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return begin (self, TRUE, error);
}

/* The outermost transaction without waiting for another writer's lock: RMM_ERROR_LOCKED at
 * once if it is held (for a caller that waits in its own way between tries). */
gboolean
rmm_db_try_begin (RmmDb   *self,
                  GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (rmm_db_get_depth (self) == 0, FALSE);
  return begin (self, FALSE, error);
}

gboolean
rmm_db_commit (RmmDb   *self,
               GError **error)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (priv->depth > 0, FALSE);

  sql = priv->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE rmm_%u", priv->depth - 1);
  if (!rmm_db_exec (self, sql, error))
    {
      rmm_db_rollback (self);
      return FALSE;
    }
  priv->depth--;
  return TRUE;
}

void
rmm_db_rollback (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);
  g_autofree char *sql = NULL;

  g_return_if_fail (RMM_IS_DB (self));
  g_return_if_fail (priv->depth > 0);

  sql = priv->depth == 1
    ? g_strdup ("ROLLBACK")
    : g_strdup_printf ("ROLLBACK TO rmm_%u; RELEASE rmm_%u", priv->depth - 1, priv->depth - 1);
  /* A failed COMMIT may already have ended the transaction: nothing left to undo then. */
  if (priv->depth > 1 || CLASS (self)->in_transaction (self))
    rmm_db_exec (self, sql, NULL);
  priv->depth--;
}

guint
rmm_db_get_depth (RmmDb *self)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_DB (self), 0);
  return priv->depth;
}

/* A read-only transaction that sees the database as it was at one moment, however long
 * reading takes and whoever writes meanwhile (a copy's source); not for writing. */
gboolean
rmm_db_begin_snapshot (RmmDb   *self,
                       GError **error)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (priv->depth == 0, FALSE);

  return rmm_db_exec (self, CLASS (self)->begin_snapshot, error);
}

void
rmm_db_end_snapshot (RmmDb *self)
{
  g_return_if_fail (RMM_IS_DB (self));

  rmm_db_exec (self, "COMMIT", NULL);
}

/* After rows of @table were written with their ids given (a copy), the ids the database
 * gives new rows continue after them. */
gboolean
rmm_db_follow_ids (RmmDb       *self,
                   const char  *table,
                   GError     **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->follow_ids == NULL || CLASS (self)->follow_ids (self, table, error);
}

/* Changes by other connections bump this number. */
gint64
rmm_db_get_data_version (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), -1);
  return CLASS (self)->get_data_version (self);
}

/* The audit chain's newest event as the outermost write transaction took its lock, if the
 * engine read it then (a server, in the same round trip): once, for the first event the
 * transaction appends. FALSE: ask for it. */
gboolean
rmm_db_take_chain_head (RmmDb   *self,
                        gint64  *id,
                        char   **hash)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->take_chain_head != NULL &&
         CLASS (self)->take_chain_head (self, id, hash);
}

/* Is the connection there (a file's always is)? */
gboolean
rmm_db_is_connected (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->is_connected == NULL || CLASS (self)->is_connected (self);
}

/**
 * rmm_db_reconnect:
 * @outcome: (out): what became of a change whose commit the lost connection cut off
 *
 * Connects again after the connection was lost: statements are prepared afresh, and a commit
 * that was cut off is looked up on the server, never guessed.
 */
gboolean
rmm_db_reconnect (RmmDb               *self,
                  RmmDbCommitOutcome  *outcome,
                  GError             **error)
{
  gpointer dialled;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  *outcome = RMM_DB_COMMIT_NOT_IN_DOUBT;
  if (CLASS (self)->dial == NULL)
    return TRUE;
  if (!(dialled = rmm_db_dial (self, error)))
    return FALSE;
  return rmm_db_adopt (self, dialled, outcome, error);
}

/**
 * rmm_db_dial:
 *
 * A new connection to the same server, not yet in use: safe in a worker thread while @self
 * is used meanwhile (what is on screen is still read). NULL with @error if it cannot be made.
 */
gpointer
rmm_db_dial (RmmDb   *self,
             GError **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), NULL);
  g_return_val_if_fail (CLASS (self)->dial != NULL, NULL);
  return CLASS (self)->dial (self, error);
}

/* Puts what rmm_db_dial() made (taken) in place of the lost connection, in the thread that
 * uses @self; see rmm_db_reconnect(). */
gboolean
rmm_db_adopt (RmmDb               *self,
              gpointer             dialled,
              RmmDbCommitOutcome  *outcome,
              GError             **error)
{
  RmmDbPrivate *priv = rmm_db_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (priv->depth == 0, FALSE);

  *outcome = RMM_DB_COMMIT_NOT_IN_DOUBT;
  g_hash_table_remove_all (priv->statements);
  return CLASS (self)->adopt (self, dialled, outcome, error);
}

/* A bulk writer (the demo, an import) may use more memory while it writes. */
void
rmm_db_set_bulk_writing (RmmDb    *self,
                         gboolean  bulk)
{
  g_return_if_fail (RMM_IS_DB (self));
  CLASS (self)->set_bulk_writing (self, bulk);
}

/* A consistent copy in a new private file while others may be writing. */
gboolean
rmm_db_backup_to (RmmDb       *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return CLASS (self)->backup_to (self, dest_path, error);
}

/* "date_of_birth" as "date of birth". */
static char *
as_words (const char *name)
{
  return g_strdelimit (g_strdup (name ? name : ""), "_", ' ');
}

void
rmm_db_set_refused (GError       **error,
                    RmmDbRefusal   why,
                    const char    *table,
                    const char    *columns)
{
  g_autofree char *what = as_words (table);
  g_autofree char *which = as_words (columns);

  switch (why)
    {
    case RMM_DB_REFUSED_DUPLICATE:
      g_set_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                   _("The change was refused: another %s already has the same %s."),
                   *what ? what : _("record"), *which ? which : _("details"));
      break;
    case RMM_DB_REFUSED_MISSING:
      g_set_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                   _("The change was refused: the %s of the %s is missing."),
                   *which ? which : _("value"), *what ? what : _("record"));
      break;
    case RMM_DB_REFUSED_REFERENCE:
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                           _("The change was refused: it names a record that does not exist, "
                             "or one that other records still need."));
      break;
    case RMM_DB_REFUSED_VALUE:
    default:
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                           _("The change was refused: a value in it is not one RMM Desk "
                             "accepts."));
      break;
    }
}
