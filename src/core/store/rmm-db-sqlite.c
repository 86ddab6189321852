/* rmm-db-sqlite.c: the connection layer on an SQLite file: statements, transactions, checks;
 * the only file that talks to SQLite
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
#include "rmm-db-sqlite.h"
#include "rmm-error.h"

/* How long SQLite itself waits for another process's write lock before the store's own,
 * patient wait takes over (rmm_store_begin()), saying that it waits. */
#define BUSY_TIMEOUT_MS 1000

/* SQLite's page cache for a connection, as a PRAGMA cache_size value (negative: KiB). The
 * operating system caches the file already; a window or a command needs only its hot pages.
 * A bulk writer raises it while it writes (rmm_store_set_bulk_writing()). */
#define CACHE_SIZE      "-512"
#define BULK_CACHE_SIZE "-65536"

typedef struct
{
  RmmDbStmt     parent;
  sqlite3_stmt *handle;
} SqliteStmt;

struct _RmmDbSqlite
{
  RmmDb       parent_instance;

  char       *path;
  sqlite3    *handle;
  gboolean    damaged;     /* SQLite said the file is corrupt: never write to it again */
  char       *file_key;    /* in open_files while the connection is open */
};

G_DEFINE_FINAL_TYPE (RmmDbSqlite, rmm_db_sqlite, RMM_TYPE_DB)

#define HANDLE(stmt) (((SqliteStmt *)(stmt))->handle)
#define DB(stmt)     ((RmmDbSqlite *)((RmmDbStmt *)(stmt))->db)

/* A broken rule of the schema, from SQLite's "UNIQUE constraint failed: area.name, …". */
static void
set_refused (GError     **error,
             int          code,
             const char  *detail)
{
  const char *failed = strstr (detail, "failed: ");
  g_autofree char *table = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  RmmDbRefusal why = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
                     ? RMM_DB_REFUSED_DUPLICATE
                     : code == SQLITE_CONSTRAINT_NOTNULL ? RMM_DB_REFUSED_MISSING
                     : code == SQLITE_CONSTRAINT_FOREIGNKEY ? RMM_DB_REFUSED_REFERENCE
                     : RMM_DB_REFUSED_VALUE;

  if (failed != NULL && why != RMM_DB_REFUSED_VALUE)
    {
      g_auto(GStrv) names = g_strsplit (failed + strlen ("failed: "), ", ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *dot = strchr (names[i], '.');

          if (dot == NULL)
            continue;
          if (table == NULL)
            table = g_strndup (names[i], dot - names[i]);
          g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", dot + 1);
        }
    }
  rmm_db_set_refused (error, why, table, columns->str);
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
        set_refused (error, code, detail);
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
note_damage (RmmDbSqlite *self,
             int          code)
{
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    self->damaged = TRUE;
}

static gboolean
set_error_from_db (RmmDbSqlite  *self,
                   GError      **error)
{
  int code = sqlite3_extended_errcode (self->handle);

  note_damage (self, code);
  set_error_from_code (error, code, self->path, sqlite3_errmsg (self->handle));
  return FALSE;
}

/* Does @a sort after @b, as SQLite's own max () compares them (numbers before text)? */
static gboolean
sorts_after (sqlite3_value *a,
             sqlite3_value *b)
{
  int type_a = sqlite3_value_numeric_type (a), type_b = sqlite3_value_numeric_type (b);
  gboolean number_a = type_a == SQLITE_INTEGER || type_a == SQLITE_FLOAT;
  gboolean number_b = type_b == SQLITE_INTEGER || type_b == SQLITE_FLOAT;

  if (number_a && number_b)
    return sqlite3_value_double (a) > sqlite3_value_double (b);
  if (number_a != number_b)
    return number_b;
  return strcmp ((const char *)sqlite3_value_text (a), (const char *)sqlite3_value_text (b)) > 0;
}

/* PostgreSQL's greatest (): the largest argument, NULLs ignored. SQLite has no such function
 * (its max (a, b) is NULL when either is), and the repositories' SQL stays one copy. */
static void
greatest_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  sqlite3_value *found = NULL;

  for (int i = 0; i < argc; i++)
    if (sqlite3_value_type (argv[i]) != SQLITE_NULL &&
        (found == NULL || sorts_after (argv[i], found)))
      found = argv[i];
  if (found != NULL)
    sqlite3_result_value (context, found);
  else
    sqlite3_result_null (context);
}

/* Settings of this connection only: none of them writes to the file. */
static gboolean
configure_connection (RmmDbSqlite  *self,
                      GError      **error)
{
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_create_function (self->handle, "greatest", -1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           greatest_function, NULL, NULL);

  /* Reading the schema is the first real read: a file SQLite cannot read fails here. A
   * size limit also makes the last connection truncate the kept WAL to nothing when it
   * closes; without one, every later open would recover the same checkpointed frames and
   * every close would checkpoint and sync them again, even for a read. */
  return rmm_db_exec (RMM_DB (self),
                      "SELECT count(*) FROM sqlite_master;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA journal_size_limit = 4194304;"
                      "PRAGMA cache_size = " CACHE_SIZE ";",
                      error);
}

/* Switches the file to write-ahead logging, the first thing that may write to it. */
static gboolean
rmm_db_sqlite_enable_writing (RmmDb   *db,
                              GError **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gboolean wal;

  /* Keep the journal files between connections: every short-lived rmmctl would otherwise
   * create, checkpoint and delete them. A connection that only reads (a backup's anchor)
   * leaves none behind. */
  sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_PERSIST_WAL, &(int) { 1 });
  if (!(stmt = rmm_db_prepare (db, "PRAGMA journal_mode=WAL", error)))
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

/* SQLite's own quick check of every page: FALSE, with a message naming what it found. */
static gboolean
rmm_db_sqlite_quick_check (RmmDb   *db,
                           GError **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (db, "PRAGMA quick_check(1)", error)))
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

static gboolean
rmm_db_sqlite_is_in_wal_mode (RmmDb *db)
{
  RmmDbStmt *stmt;
  gboolean wal = FALSE;

  if ((stmt = rmm_db_prepare (db, "PRAGMA journal_mode", NULL)) != NULL &&
      rmm_db_stmt_step (stmt, NULL))
    {
      wal = g_strcmp0 (rmm_db_stmt_get_text (stmt, 0), "wal") == 0;
      rmm_db_stmt_reset (stmt);
    }
  return wal;
}

static gboolean
rmm_db_sqlite_is_damaged (RmmDb *db)
{
  return RMM_DB_SQLITE (db)->damaged;
}

/* Others than the owner may read the file (or write to it). */
static gboolean
rmm_db_sqlite_is_exposed (RmmDb *db)
{
  GStatBuf st;

  return g_stat (RMM_DB_SQLITE (db)->path, &st) == 0 && (st.st_mode & 077) != 0;
}

static gboolean
open_handle (RmmDbSqlite  *self,
             const char   *path,
             gboolean      read_only,
             GError      **error)
{
  int rc = sqlite3_open_v2 (path, &self->handle,
                            (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                            SQLITE_OPEN_NOMUTEX, NULL);

  self->path = g_strdup (path);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, path, sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  return TRUE;
}

RmmDb *
rmm_db_open (const char      *path,
             RmmDbOpenFlags   flags,
             GError         **error)
{
  g_autoptr(RmmDbSqlite) self = NULL;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("No database file was given."));
      return NULL;
    }

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && !rmm_db_check_header (path, error))
    return NULL;
  if (exists && !(flags & RMM_DB_OPEN_READ_ONLY) &&
      (!rmm_db_file_check_private (path, error) || !rmm_db_file_check_writable (path, error)))
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

  self = g_object_new (RMM_TYPE_DB_SQLITE, NULL);
  rmm_db_set_location (RMM_DB (self), path, !exists);
  if (open_handle (self, path, (flags & RMM_DB_OPEN_READ_ONLY) != 0, error))
    self->file_key = rmm_db_file_register (self->path);
  else
    g_clear_pointer (&self->path, g_free);
  if (self->path == NULL || !configure_connection (self, error))
    {
      rmm_db_close (RMM_DB (self));
      if (!exists)
        g_unlink (path);
      return NULL;
    }
  /* Reading a file in WAL mode makes its index (and WAL) beside it, as readable as it. */
  if (flags & RMM_DB_OPEN_READ_ONLY)
    rmm_db_file_make_companions_private (path);

  return RMM_DB (g_steal_pointer (&self));
}

/* A private database in memory, for comparing a file's schema with what it should be. */
RmmDb *
rmm_db_open_memory (GError **error)
{
  g_autoptr(RmmDbSqlite) self = g_object_new (RMM_TYPE_DB_SQLITE, NULL);

  rmm_db_set_location (RMM_DB (self), ":memory:", TRUE);
  if (!open_handle (self, ":memory:", FALSE, error))
    {
      rmm_db_close (RMM_DB (self));
      return NULL;
    }
  return RMM_DB (g_steal_pointer (&self));
}

static void
rmm_db_sqlite_close (RmmDb *db)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);

  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  rmm_db_file_unregister (g_steal_pointer (&self->file_key));
}

static gboolean
rmm_db_sqlite_exec (RmmDb       *db,
                    const char  *sql,
                    GError     **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  char *message = NULL;
  int rc;

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

static RmmDbStmt *
rmm_db_sqlite_prepare (RmmDb       *db,
                       const char  *sql,
                       GError     **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;

  g_return_val_if_fail (self->handle != NULL, NULL);

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &handle, NULL) != SQLITE_OK)
    {
      set_error_from_db (self, error);
      return NULL;
    }
  stmt = g_new0 (SqliteStmt, 1);
  stmt->handle = handle;
  return (RmmDbStmt *)stmt;
}

static void
rmm_db_sqlite_stmt_free (RmmDbStmt *stmt)
{
  sqlite3_finalize (HANDLE (stmt));
  g_free (stmt);
}

static void
rmm_db_sqlite_stmt_clear (RmmDbStmt *stmt)
{
  sqlite3_reset (HANDLE (stmt));
  sqlite3_clear_bindings (HANDLE (stmt));
}

static void
rmm_db_sqlite_bind_int (RmmDbStmt *stmt,
                        int        index,
                        gint64     value)
{
  sqlite3_bind_int64 (HANDLE (stmt), index, value);
}

static void
rmm_db_sqlite_bind_text (RmmDbStmt  *stmt,
                         int         index,
                         const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (HANDLE (stmt), index);
  else
    sqlite3_bind_text (HANDLE (stmt), index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
rmm_db_sqlite_step (RmmDbStmt  *stmt,
                    GError    **error)
{
  int rc = sqlite3_step (HANDLE (stmt));

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_error_from_db (DB (stmt), error);
  sqlite3_reset (HANDLE (stmt));
  return FALSE;
}

/* SQLite's last row id: RETURNING would make SQLite build a temporary table for every row. */
static gint64
rmm_db_sqlite_insert (RmmDbStmt  *stmt,
                      GError    **error)
{
  if (!rmm_db_stmt_run (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (DB (stmt)->handle);
}

static void
rmm_db_sqlite_reset (RmmDbStmt *stmt)
{
  sqlite3_reset (HANDLE (stmt));
}

static gint64
rmm_db_sqlite_get_int (RmmDbStmt *stmt,
                       int        column)
{
  return sqlite3_column_int64 (HANDLE (stmt), column);
}

static const char *
rmm_db_sqlite_get_text (RmmDbStmt *stmt,
                        int        column)
{
  return (const char *)sqlite3_column_text (HANDLE (stmt), column);
}

static gboolean
rmm_db_sqlite_is_null (RmmDbStmt *stmt,
                       int        column)
{
  return sqlite3_column_type (HANDLE (stmt), column) == SQLITE_NULL;
}

/* BEGIN IMMEDIATE takes the write lock at once, so two processes never deadlock upgrading
 * read locks; without @wait, RMM_ERROR_LOCKED at once if another process holds it. */
static gboolean
rmm_db_sqlite_begin_writing (RmmDb    *db,
                             gboolean  wait,
                             GError  **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  gboolean ok;

  if (!wait)
    sqlite3_busy_timeout (self->handle, 0);
  ok = rmm_db_sqlite_exec (db, "BEGIN IMMEDIATE", error);
  if (!wait)
    sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  return ok;
}

/* A failed COMMIT may already have ended the transaction. */
static gboolean
rmm_db_sqlite_in_transaction (RmmDb *db)
{
  return !sqlite3_get_autocommit (RMM_DB_SQLITE (db)->handle);
}

/* Changes by other connections to the same file bump this number. */
static gint64
rmm_db_sqlite_get_data_version (RmmDb *db)
{
  RmmDbStmt *stmt;
  gint64 version;

  if (!(stmt = rmm_db_prepare (db, "PRAGMA data_version", NULL)) || !rmm_db_stmt_step (stmt, NULL))
    return -1;
  version = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  return version;
}

/* A bulk writer (the demo, an import) keeps the indexes' pages in memory between its
 * inserts; afterwards the cache shrinks back to what a window needs. */
static void
rmm_db_sqlite_set_bulk_writing (RmmDb    *db,
                                gboolean  bulk)
{
  rmm_db_sqlite_exec (db, bulk ? "PRAGMA cache_size = " BULK_CACHE_SIZE
                               : "PRAGMA cache_size = " CACHE_SIZE, NULL);
}

/* A consistent copy while others may be writing (SQLite online backup API), made 0600. */
static gboolean
rmm_db_sqlite_backup_to (RmmDb       *db,
                         const char  *dest_path,
                         GError     **error)
{
  RmmDbSqlite *self = RMM_DB_SQLITE (db);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

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

static void
rmm_db_sqlite_finalize (GObject *object)
{
  RmmDbSqlite *self = (RmmDbSqlite *)object;

  rmm_db_close (RMM_DB (self));
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file_key, g_free);

  G_OBJECT_CLASS (rmm_db_sqlite_parent_class)->finalize (object);
}

static void
rmm_db_sqlite_class_init (RmmDbSqliteClass *klass)
{
  RmmDbClass *db_class = RMM_DB_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rmm_db_sqlite_finalize;

  db_class->engine = RMM_DB_ENGINE_SQLITE;
  db_class->begin_snapshot = "BEGIN DEFERRED; SELECT count(*) FROM sqlite_master";
  db_class->prepare = rmm_db_sqlite_prepare;
  db_class->stmt_free = rmm_db_sqlite_stmt_free;
  db_class->stmt_clear = rmm_db_sqlite_stmt_clear;
  db_class->bind_int = rmm_db_sqlite_bind_int;
  db_class->bind_text = rmm_db_sqlite_bind_text;
  db_class->step = rmm_db_sqlite_step;
  db_class->insert = rmm_db_sqlite_insert;
  db_class->reset = rmm_db_sqlite_reset;
  db_class->get_int = rmm_db_sqlite_get_int;
  db_class->get_text = rmm_db_sqlite_get_text;
  db_class->is_null = rmm_db_sqlite_is_null;
  db_class->exec = rmm_db_sqlite_exec;
  db_class->begin_writing = rmm_db_sqlite_begin_writing;
  db_class->in_transaction = rmm_db_sqlite_in_transaction;
  db_class->get_data_version = rmm_db_sqlite_get_data_version;
  db_class->set_bulk_writing = rmm_db_sqlite_set_bulk_writing;
  db_class->close = rmm_db_sqlite_close;
  db_class->enable_writing = rmm_db_sqlite_enable_writing;
  db_class->quick_check = rmm_db_sqlite_quick_check;
  db_class->is_in_wal_mode = rmm_db_sqlite_is_in_wal_mode;
  db_class->is_damaged = rmm_db_sqlite_is_damaged;
  db_class->is_exposed = rmm_db_sqlite_is_exposed;
  db_class->backup_to = rmm_db_sqlite_backup_to;
}

static void
rmm_db_sqlite_init (RmmDbSqlite *self)
{
}
