/* rmm-db.c: the connection layer: statements, transactions, checks, the only file that
 * talks to SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rmm-db-private.h"
#include "rmm-error.h"

/* How long SQLite itself waits for another process's write lock before the store's own,
 * patient wait takes over (rmm_store_begin()), saying that it waits. */
#define BUSY_TIMEOUT_MS 1000

struct _RmmDbStmt
{
  sqlite3_stmt *handle;
  RmmDb        *db;
};

struct _RmmDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;  /* SQL text → RmmDbStmt */
  guint       depth;
  gboolean    created;
  gboolean    damaged;     /* SQLite said the file is corrupt: never write to it again */
  char       *file_key;    /* in open_files while the connection is open */
};

G_DEFINE_FINAL_TYPE (RmmDb, rmm_db, G_TYPE_OBJECT)

static void
stmt_free (gpointer data)
{
  RmmDbStmt *stmt = data;

  sqlite3_finalize (stmt->handle);
  g_free (stmt);
}

static void
rmm_db_finalize (GObject *object)
{
  RmmDb *self = (RmmDb *)object;

  rmm_db_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file_key, g_free);

  G_OBJECT_CLASS (rmm_db_parent_class)->finalize (object);
}

static void
rmm_db_class_init (RmmDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_db_finalize;
}

static void
rmm_db_init (RmmDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
}

/* Map an SQLite failure to our error domain with a message a user can act on. */
static void
set_error_from_code (GError     **error,
                     int          code,
                     const char  *path,
                     const char  *detail)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE,
                   _("“%s” is damaged or is not a database (%s)."), path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RMM_ERROR, RMM_ERROR_LOCKED,
                   _("“%s” is locked by another program. Close it and try again."), path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("RMM Desk cannot write to “%s” (%s). Check the file’s permissions."),
                   path, detail);
      break;
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_TRIGGER)
        g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE, "%s", detail);
      else
        g_set_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                     _("The change was refused: %s"), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("The disk holding “%s” is full: this change was not saved, and everything "
                     "saved before it is safe. Free some space and try again."), path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("Could not write to “%s” (%s). Check that the disk has space."),
                   path, detail);
      break;
    default:
      g_set_error (error, RMM_ERROR, RMM_ERROR_FAILED, "%s: %s", path, detail);
      break;
    }
}

/* Damage found at any moment, by any statement, ends writing for the connection's life. */
static void
note_damage (RmmDb *self,
             int    code)
{
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    self->damaged = TRUE;
}

static gboolean
set_error_from_db (RmmDb   *self,
                   GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);

  note_damage (self, code);
  set_error_from_code (error, code, self->path, sqlite3_errmsg (self->handle));
  return FALSE;
}

/* Settings of this connection only: none of them writes to the file. */
static gboolean
configure_connection (RmmDb   *self,
                      GError **error)
{
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);

  /* Reading the schema is the first real read: a file SQLite cannot read fails here. A
   * size limit also makes the last connection truncate the kept WAL to nothing when it
   * closes; without one, every later open would recover the same checkpointed frames and
   * every close would checkpoint and sync them again, even for a read. */
  return rmm_db_exec (self,
                      "SELECT count(*) FROM sqlite_master;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA journal_size_limit = 4194304;"
                      "PRAGMA cache_size = " RMM_DB_CACHE_SIZE ";",
                      error);
}

/**
 * rmm_db_enable_writing:
 *
 * Switches the file to write-ahead logging, the first thing that may write to it: call it
 * only once the file is known to be one of ours and sound (rmm_db_quick_check()).
 */
gboolean
rmm_db_enable_writing (RmmDb   *self,
                       GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gboolean wal;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  /* Keep the journal files between connections: every short-lived rmmctl would otherwise
   * create, checkpoint and delete them. A connection that only reads (a backup's anchor)
   * leaves none behind. */
  sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_PERSIST_WAL, &(int) { 1 });
  if (!(stmt = rmm_db_prepare (self, "PRAGMA journal_mode=WAL", error)))
    return FALSE;
  if (!rmm_db_stmt_step (stmt, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  wal = g_strcmp0 (rmm_db_stmt_get_text (stmt, 0), "wal") == 0;
  rmm_db_stmt_reset (stmt);
  if (!wal)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("RMM Desk cannot write beside “%s”: it needs to create its journal "
                     "files in the same folder."), self->path);
      return FALSE;
    }
  rmm_db_file_make_companions_private (self->path);
  return TRUE;
}

/**
 * rmm_db_quick_check:
 *
 * SQLite's own quick check of every page: FALSE, with a message naming what it found, when
 * the file is damaged. Reads the whole file; run it off the main thread in the app.
 */
gboolean
rmm_db_quick_check (RmmDb   *self,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  if (!(stmt = rmm_db_prepare (self, "PRAGMA quick_check(1)", error)))
    return FALSE;
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      found = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (found, "ok") != 0)
    {
      /* "*** in database main ***\nOn tree page 9 cell 0: …": the finding, on one line. */
      if (found == NULL)
        found = g_strdup ("");
      if (g_str_has_prefix (found, "*** in database main ***"))
        memmove (found, found + 24, strlen (found + 24) + 1);
      g_strdelimit (g_strstrip (found), "\n", ' ');
      self->damaged = TRUE;
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE,
                   _("“%s” is damaged: SQLite’s check of the file found “%s”."), self->path,
                   found);
      return FALSE;
    }
  return TRUE;
}

/* Is the file in write-ahead-log mode already (so switching to it writes nothing)? */
gboolean
rmm_db_is_in_wal_mode (RmmDb *self)
{
  RmmDbStmt *stmt;
  gboolean wal = FALSE;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  if ((stmt = rmm_db_prepare (self, "PRAGMA journal_mode", NULL)) != NULL &&
      rmm_db_stmt_step (stmt, NULL))
    {
      wal = g_strcmp0 (rmm_db_stmt_get_text (stmt, 0), "wal") == 0;
      rmm_db_stmt_reset (stmt);
    }
  return wal;
}

/* Has SQLite found the file damaged since it was opened? */
gboolean
rmm_db_is_damaged (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return self->damaged;
}

/* Others than the owner may read the file (or write to it). */
gboolean
rmm_db_is_exposed (RmmDb *self)
{
  GStatBuf st;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return g_stat (self->path, &st) == 0 && (st.st_mode & 077) != 0;
}

RmmDb *
rmm_db_open (const char      *path,
             RmmDbOpenFlags   flags,
             GError         **error)
{
  g_autoptr(RmmDb) self = NULL;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("No database file was given."));
      return NULL;
    }

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && !rmm_db_check_header (path, error))
    return NULL;
  if (!exists)
    {
      if (!(flags & RMM_DB_OPEN_CREATE))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                       _("There is no database at “%s”."), path);
          return NULL;
        }
      if (!rmm_db_file_create_private (path, error))
        return NULL;
    }

  self = g_object_new (RMM_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->created = !exists;

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    self->file_key = rmm_db_file_register (self->path);
  if (rc != SQLITE_OK || !configure_connection (self, error))
    {
      if (rc != SQLITE_OK)
        set_error_from_code (error, rc, path, sqlite3_errstr (rc));
      rmm_db_close (self);
      if (self->created)
        g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* A private database in memory, for comparing a file's schema with what it should be. */
RmmDb *
rmm_db_open_memory (GError **error)
{
  g_autoptr(RmmDb) self = g_object_new (RMM_TYPE_DB, NULL);
  int rc;

  self->path = g_strdup (":memory:");
  rc = sqlite3_open_v2 (":memory:", &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->path, sqlite3_errstr (rc));
      rmm_db_close (self);
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  return g_steal_pointer (&self);
}

const char *
rmm_db_get_path (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), NULL);
  return self->path;
}

gboolean
rmm_db_get_created (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  return self->created;
}

void
rmm_db_close (RmmDb *self)
{
  g_return_if_fail (RMM_IS_DB (self));

  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  rmm_db_file_unregister (g_steal_pointer (&self->file_key));
}

gboolean
rmm_db_exec (RmmDb       *self,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (self->handle != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      note_damage (self, sqlite3_extended_errcode (self->handle));
      set_error_from_code (error, sqlite3_extended_errcode (self->handle), self->path,
                           message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Statements are prepared once and kept: the same SQL runs thousands of times in a demo
 * or an import. The returned statement is reset, with no bindings, and owned by @self. */
RmmDbStmt *
rmm_db_prepare (RmmDb       *self,
                const char  *sql,
                GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_DB (self), NULL);
  g_return_val_if_fail (self->handle != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      sqlite3_stmt *handle = NULL;

      if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &handle, NULL) != SQLITE_OK)
        {
          set_error_from_db (self, error);
          return NULL;
        }
      stmt = g_new0 (RmmDbStmt, 1);
      stmt->handle = handle;
      stmt->db = self;
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  sqlite3_reset (stmt->handle);
  sqlite3_clear_bindings (stmt->handle);
  return stmt;
}

void
rmm_db_stmt_bind_int (RmmDbStmt *stmt,
                      int        index,
                      gint64     value)
{
  sqlite3_bind_int64 (stmt->handle, index, value);
}

void
rmm_db_stmt_bind_text (RmmDbStmt  *stmt,
                       int         index,
                       const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt->handle, index);
  else
    sqlite3_bind_text (stmt->handle, index, value, -1, SQLITE_TRANSIENT);
}

void
rmm_db_stmt_bind_null (RmmDbStmt *stmt,
                       int        index)
{
  sqlite3_bind_null (stmt->handle, index);
}

/* TRUE while there is a row; FALSE at the end, with @error set if it failed. */
gboolean
rmm_db_stmt_step (RmmDbStmt  *stmt,
                  GError    **error)
{
  int rc = sqlite3_step (stmt->handle);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_error_from_db (stmt->db, error);
  sqlite3_reset (stmt->handle);
  return FALSE;
}

/* Run a statement that returns no rows (or whose rows do not matter). */
gboolean
rmm_db_stmt_run (RmmDbStmt  *stmt,
                 GError    **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt->handle)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt->handle);
  if (rc != SQLITE_DONE)
    return set_error_from_db (stmt->db, error);
  return TRUE;
}

/**
 * rmm_db_stmt_insert:
 *
 * Run an INSERT of one row and return the id the database gave it, or 0 with @error. The
 * statement's SQL says nothing about returning it: each engine has its own way (SQLite's
 * last row id here; RETURNING would make SQLite build a temporary table for every row).
 */
gint64
rmm_db_stmt_insert (RmmDbStmt  *stmt,
                    GError    **error)
{
  if (!rmm_db_stmt_run (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (stmt->db->handle);
}

/* Finish with a statement before its last row: it holds a read lock until then. */
void
rmm_db_stmt_reset (RmmDbStmt *stmt)
{
  sqlite3_reset (stmt->handle);
}

gint64
rmm_db_stmt_get_int (RmmDbStmt *stmt,
                     int        column)
{
  return sqlite3_column_int64 (stmt->handle, column);
}

const char *
rmm_db_stmt_get_text (RmmDbStmt *stmt,
                      int        column)
{
  return (const char *)sqlite3_column_text (stmt->handle, column);
}

/* A copy of the column's text; NULL reads as "". */
char *
rmm_db_stmt_dup_text (RmmDbStmt *stmt,
                      int        column)
{
  const char *text = (const char *)sqlite3_column_text (stmt->handle, column);

  return g_strdup (text ? text : "");
}

gboolean
rmm_db_stmt_is_null (RmmDbStmt *stmt,
                     int        column)
{
  return sqlite3_column_type (stmt->handle, column) == SQLITE_NULL;
}

/* Transactions nest: the outermost takes the write lock at once (BEGIN IMMEDIATE, so two
 * processes never deadlock upgrading read locks); inner ones are savepoints. */
gboolean
rmm_db_begin (RmmDb   *self,
              GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT rmm_%u", self->depth);
  if (!rmm_db_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* The outermost BEGIN IMMEDIATE without waiting for another process's lock: RMM_ERROR_LOCKED
 * at once if it is held (for a caller that waits in its own way between tries). */
gboolean
rmm_db_try_begin (RmmDb   *self,
                  GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  sqlite3_busy_timeout (self->handle, 0);
  ok = rmm_db_begin (self, error);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  return ok;
}

gboolean
rmm_db_commit (RmmDb   *self,
               GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE rmm_%u", self->depth - 1);
  if (!rmm_db_exec (self, sql, error))
    {
      rmm_db_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
rmm_db_rollback (RmmDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (RMM_IS_DB (self));
  g_return_if_fail (self->depth > 0);

  sql = self->depth == 1
    ? g_strdup ("ROLLBACK")
    : g_strdup_printf ("ROLLBACK TO rmm_%u; RELEASE rmm_%u", self->depth - 1, self->depth - 1);
  /* A failed COMMIT may already have ended the transaction: nothing left to undo then. */
  if (self->depth > 1 || !sqlite3_get_autocommit (self->handle))
    rmm_db_exec (self, sql, NULL);
  self->depth--;
}

guint
rmm_db_get_depth (RmmDb *self)
{
  g_return_val_if_fail (RMM_IS_DB (self), 0);
  return self->depth;
}

/* Changes by other connections to the same file bump this number. */
gint64
rmm_db_get_data_version (RmmDb *self)
{
  RmmDbStmt *stmt;
  gint64 version;

  g_return_val_if_fail (RMM_IS_DB (self), -1);

  if (!(stmt = rmm_db_prepare (self, "PRAGMA data_version", NULL)) || !rmm_db_stmt_step (stmt, NULL))
    return -1;
  version = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  return version;
}

/* A consistent copy while others may be writing (SQLite online backup API), made 0600. */
gboolean
rmm_db_backup_to (RmmDb       *self,
                  const char  *dest_path,
                  GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (RMM_IS_DB (self), FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” already exists. Choose a new file for the backup."), dest_path);
      return FALSE;
    }
  if (!rmm_db_file_create_private (dest_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, dest_path, sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close_v2 (dest);
  return TRUE;
}
