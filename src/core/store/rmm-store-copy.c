/* rmm-store-copy.c: every row of one RMM Desk database into another, of either engine, as it
 * is: a server's database to an SQLite file (a backup for offline reading), or a file to an
 * empty server (moving a team onto it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables and their columns are the schema's own (the migrations', built in memory), never
 * what either database says of itself. Rows keep their ids, so the audit trail and its hashes
 * come across unchanged and the copy passes the same check as its source.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "rmm-error.h"
#include "rmm-store-copy.h"
#include "rmm-server.h"
#include "rmm-store-integrity-private.h"
#include "rmm-store-members.h"

/* A server's result comes whole: a table is read a slice of rows at a time, and written
 * ROWS_AT_ONCE rows a statement (well within either engine's limit on parameters). */
#define SLICE        5000
#define ROWS_AT_ONCE 100

static void
rmm_store_table_copy_free (RmmStoreTableCopy *copy)
{
  g_free (copy->table);
  g_free (copy);
}

/* Column names of @table as the migrations make it; *@has_id if one is "id". */
static GPtrArray *
list_columns (const char *table,
              gboolean   *has_id,
              GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_expected_db (), sql, error);

  if (stmt == NULL)
    return NULL;
  *has_id = FALSE;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_ptr_array_add (columns, rmm_db_stmt_dup_text (stmt, 1));
      *has_id |= g_str_equal (rmm_db_stmt_get_text (stmt, 1), "id");
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* The tables, each after those its foreign keys refer to. */
static GPtrArray *
list_tables_in_order (GError **error)
{
  RmmDb *schema = rmm_store_expected_db ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (schema, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name <> 'schema_version' ORDER BY rowid", error)))
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    g_ptr_array_add (pending, rmm_db_stmt_dup_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while (pending->len > 0)
    {
      guint before = pending->len;

      for (guint i = 0; i < pending->len;)
        {
          const char *table = g_ptr_array_index (pending, i);
          gboolean ready = TRUE;

          if (!(stmt = rmm_db_prepare (schema, "SELECT DISTINCT \"table\" FROM "
                                               "pragma_foreign_key_list(?) WHERE \"table\" <> ?",
                                       error)))
            return NULL;
          rmm_db_stmt_bind_text (stmt, 1, table);
          rmm_db_stmt_bind_text (stmt, 2, table);
          while (rmm_db_stmt_step (stmt, NULL))
            ready &= g_hash_table_contains (placed, rmm_db_stmt_get_text (stmt, 0));
          if (ready)
            {
              char *name = g_ptr_array_steal_index (pending, i);

              g_ptr_array_add (ordered, name);
              g_hash_table_add (placed, name);
            }
          else
            i++;
        }
      if (pending->len == before)
        g_error ("the schema's foreign keys go round in a circle");
    }
  return g_steal_pointer (&ordered);
}

/* INSERT of @n_rows rows at once: one statement for many rows spares a server a round trip
 * for each. */
static char *
insert_sql (const char *table,
            GPtrArray  *columns,
            guint       n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", (char *)g_ptr_array_index (columns, i));
  g_string_append (sql, ") VALUES ");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row ? ", (" : "(");
      for (guint i = 0; i < columns->len; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
    }
  return g_string_free (sql, FALSE);
}

/* The SQL that reads @table a slice at a time: after the last id read (a table keyed by id),
 * or after the number of rows read (the few small tables keyed otherwise). */
static char *
select_sql (const char *table,
            GPtrArray  *columns,
            gboolean    has_id)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", (char *)g_ptr_array_index (columns, i));
  g_string_append_printf (sql, " FROM %s ", table);
  if (has_id)
    g_string_append_printf (sql, "WHERE id > ? ORDER BY id LIMIT %d", SLICE);
  else
    g_string_append_printf (sql, "ORDER BY %s LIMIT %d OFFSET ?",
                            (char *)g_ptr_array_index (columns, 0), SLICE);
  return g_string_free (sql, FALSE);
}

/* Writes @rows (each a GPtrArray of its values, NULL for NULL), up to ROWS_AT_ONCE a
 * statement. */
static gboolean
write_rows (RmmDb       *to,
            const char  *table,
            GPtrArray   *columns,
            GPtrArray   *rows,
            GError     **error)
{
  for (guint first = 0; first < rows->len; first += ROWS_AT_ONCE)
    {
      guint n = MIN (ROWS_AT_ONCE, rows->len - first);
      g_autofree char *sql = insert_sql (table, columns, n);
      RmmDbStmt *writer = rmm_db_prepare (to, sql, error);

      if (writer == NULL)
        return FALSE;
      for (guint row = 0; row < n; row++)
        {
          GPtrArray *values = g_ptr_array_index (rows, first + row);

          for (guint i = 0; i < columns->len; i++)
            rmm_db_stmt_bind_text (writer, row * columns->len + i + 1,
                                   g_ptr_array_index (values, i));
        }
      if (!rmm_db_stmt_run (writer, error))
        return FALSE;
    }
  return TRUE;
}

/* The column of @columns named @name, or -1. */
static int
find_column (GPtrArray  *columns,
             const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return i;
  return -1;
}

/* Nothing is added to a signed-off meeting (the schema's guards, version 8): a meeting comes
 * across concluded, its ids kept in @signed_off, and is signed off again once every row of
 * it is in (sign_off_again ()). */
static void
hold_sign_off (GPtrArray *values,
               int        status_column,
               int        id_column,
               GArray    *signed_off)
{
  gint64 id;

  if (status_column < 0 || g_strcmp0 (g_ptr_array_index (values, status_column), "signed-off") != 0)
    return;
  id = g_ascii_strtoll (g_ptr_array_index (values, id_column), NULL, 10);
  g_array_append_val (signed_off, id);
  g_free (g_ptr_array_index (values, status_column));
  g_ptr_array_index (values, status_column) = g_strdup ("concluded");
}

static gboolean
sign_off_again (RmmDb    *to,
                GArray   *signed_off,
                GError  **error)
{
  RmmDbStmt *stmt;

  if (signed_off->len == 0)
    return TRUE;
  stmt = rmm_db_prepare (to, "UPDATE meeting SET status = 'signed-off' WHERE id = ?", error);
  for (guint i = 0; stmt != NULL && i < signed_off->len; i++)
    {
      rmm_db_stmt_bind_int (stmt, 1, g_array_index (signed_off, gint64, i));
      if (!rmm_db_stmt_run (stmt, error))
        return FALSE;
    }
  return stmt != NULL;
}

/* The rows of @table from @from into @to, a slice at a time; how many, or -1 with @error. */
static gint64
copy_table (RmmDb       *from,
            RmmDb       *to,
            const char  *table,
            GPtrArray   *columns,
            gboolean     has_id,
            GArray      *signed_off,
            GError     **error)
{
  g_autofree char *select = select_sql (table, columns, has_id);
  int status_column = g_str_equal (table, "meeting") ? find_column (columns, "status") : -1;
  guint id_column = 0;
  gint64 copied = 0, last_id = 0;
  guint in_slice;

  while (has_id && !g_str_equal (g_ptr_array_index (columns, id_column), "id"))
    id_column++;
  do
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      RmmDbStmt *reader = rmm_db_prepare (from, select, error);

      if (reader == NULL)
        return -1;
      rmm_db_stmt_bind_int (reader, 1, has_id ? last_id : copied);
      while (rmm_db_stmt_step (reader, &local_error))
        {
          GPtrArray *values = g_ptr_array_new_full (columns->len, g_free);

          for (guint i = 0; i < columns->len; i++)
            g_ptr_array_add (values, g_strdup (rmm_db_stmt_get_text (reader, i)));
          hold_sign_off (values, status_column, id_column, signed_off);
          g_ptr_array_add (rows, values);
          last_id = rmm_db_stmt_get_int (reader, id_column);
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      if (!write_rows (to, table, columns, rows, error))
        return -1;
      in_slice = rows->len;
      copied += in_slice;
    }
  while (in_slice == SLICE);
  return copied;
}

/* How many rows @table holds, or -1 with @error. */
static gint64
count_rows (RmmDb       *db,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (db, sql, error);
  gint64 rows;

  if (stmt == NULL)
    return -1;
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  rows = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  return rows;
}

/* Does @to hold as many rows of @table as @from's snapshot, and as were copied? */
static gboolean
counts_match (RmmDb              *from,
              RmmDb              *to,
              RmmStoreTableCopy  *copy,
              GError            **error)
{
  gint64 in_from = count_rows (from, copy->table, error);
  gint64 in_to = in_from < 0 ? -1 : count_rows (to, copy->table, error);

  if (in_from < 0 || in_to < 0)
    return FALSE;
  if (in_from != copy->rows || in_to != copy->rows)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED,
                   _("The copy of the table “%s” does not match its source: %" PRId64
                     " rows there, %" PRId64 " copied, %" PRId64 " here."),
                   copy->table, in_from, copy->rows, in_to);
      return FALSE;
    }
  return TRUE;
}

/**
 * rmm_store_copy_rows:
 * @from: the database copied, read in one snapshot
 * @to: an empty database at the same schema version, in a transaction the caller commits
 *
 * Every row of every table (the schema's versions excepted: each database keeps its own),
 * ids and all, each table's rows then counted on both sides. Returns what was copied, table by table (RmmStoreTableCopy), or NULL.
 */
GPtrArray *
rmm_store_copy_rows (RmmDb   *from,
                     RmmDb   *to,
                     GError **error)
{
  g_autoptr(GPtrArray) tables = list_tables_in_order (error);
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GArray) signed_off = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  if (tables == NULL || !rmm_db_begin_snapshot (from, error))
    return NULL;
  copied = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_store_table_copy_free);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = NULL;
      RmmStoreTableCopy *copy = g_new0 (RmmStoreTableCopy, 1);
      gboolean has_id;

      copy->table = g_strdup (table);
      g_ptr_array_add (copied, copy);
      ok = (columns = list_columns (table, &has_id, error)) != NULL &&
           (copy->rows = copy_table (from, to, table, columns, has_id, signed_off,
                                     error)) >= 0 &&
           counts_match (from, to, copy, error) &&
           (!has_id || rmm_db_follow_ids (to, table, error));
    }
  ok = ok && sign_off_again (to, signed_off, error);
  rmm_db_end_snapshot (from);
  return ok ? g_steal_pointer (&copied) : NULL;
}

/* Removes a copy that did not finish, with its journal files. */
static void
remove_file_and_journal (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Every table's rows, in one transaction of @to's store, committed only once @to passes its
 * check. */
static GPtrArray *
copy_in_transaction (RmmStore  *from,
                     RmmStore  *to,
                     GError   **error)
{
  g_autoptr(GPtrArray) copied = NULL;

  if (!rmm_store_begin (to, error))
    return NULL;
  if (!(copied = rmm_store_copy_rows (rmm_store_get_db (from), rmm_store_get_db (to), error)) ||
      !rmm_store_check (to, NULL, error) ||
      !rmm_store_commit (to, error))
    {
      if (rmm_db_get_depth (rmm_store_get_db (to)) > 0)
        rmm_store_rollback (to);
      return NULL;
    }
  return g_steal_pointer (&copied);
}

/**
 * rmm_store_copy_to_file:
 *
 * A server's database as a new SQLite file (0600) for offline reading: one snapshot of it,
 * checked like any database before it is kept. Nothing is left behind on failure.
 */
gboolean
rmm_store_copy_to_file (RmmStore    *self,
                        const char  *dest_path,
                        GError     **error)
{
  g_autoptr(RmmStore) copy = NULL;
  g_autoptr(GPtrArray) copied = NULL;

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” already exists. Choose a new file for the backup."), dest_path);
      return FALSE;
    }
  /* A copy of part of the record would fail its check, the chain having gaps: say why first. */
  if (!rmm_store_sees_everything (self))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A copy of the whole database is for its owner to make: this login sees "
                     "only the children of its areas."));
      return FALSE;
    }
  if (!(copy = rmm_store_open (dest_path, RMM_STORE_OPEN_CREATE, error)))
    return FALSE;
  if (!(copied = copy_in_transaction (self, copy, error)))
    {
      g_clear_object (&copy);
      remove_file_and_journal (dest_path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rmm_store_is_empty:
 *
 * Does every table (the schema's versions aside) hold no row? FALSE, with @error saying
 * which holds some, when one does.
 */
gboolean
rmm_store_is_empty (RmmStore  *store,
                    GError   **error)
{
  g_autoptr(GPtrArray) tables = list_tables_in_order (error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      gint64 rows = count_rows (rmm_store_get_db (store), g_ptr_array_index (tables, i), error);

      if (rows != 0)
        {
          if (rows > 0)
            g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                         _("The database at %s already holds RMM Desk’s records (its table "
                           "“%s” is not empty): only an empty one can take them. Nothing was "
                           "changed."),
                         rmm_store_get_path (store), (char *)g_ptr_array_index (tables, i));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * rmm_store_move_to_server:
 * @source_path: a team's SQLite database
 * @conninfo: an empty RMM Desk database on a server ("rmmctl server init")
 *
 * Copies the file's every row, audit trail and all, into the server's database in one
 * transaction: the file checked first, and the server's copy checked, and the rows of every
 * table counted on each side, before it is committed. The file is only read. Returns the tables copied
 * (RmmStoreTableCopy), or NULL with @error and the server's database as it was.
 */
GPtrArray *
rmm_store_move_to_server (const char  *source_path,
                          const char  *conninfo,
                          GError     **error)
{
  g_autoptr(RmmStore) source = NULL;
  g_autoptr(RmmStore) target = NULL;
  g_autoptr(GPtrArray) copied = NULL;

  g_return_val_if_fail (source_path != NULL && conninfo != NULL, NULL);

  if (rmm_server_is_connection_string (source_path) ||
      !rmm_server_is_connection_string (conninfo))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Moving copies an SQLite file into a server’s database: give the file "
                     "first and the server’s address second."));
      return NULL;
    }
  if (!(source = rmm_store_open (source_path, RMM_STORE_OPEN_EXISTING, error)) ||
      !rmm_store_check (source, NULL, error) ||
      !(target = rmm_store_open (conninfo, RMM_STORE_OPEN_EXISTING, error)) ||
      !rmm_store_is_empty (target, error) ||
      !(copied = copy_in_transaction (source, target, error)))
    return NULL;
  return g_steal_pointer (&copied);
}
