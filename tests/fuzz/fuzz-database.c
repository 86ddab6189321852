/* fuzz-database.c: any file given as the database: the header check, opening (and its
 * migrations), `check`, a few reads, and restoring from it and over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What must hold, whatever the file:
 *   - nothing crashes, and a refusal comes with an error;
 *   - a file the header check refuses is never opened;
 *   - a file that cannot be opened, or that fails its check, is left as it was: RMM Desk
 *     never writes into what it cannot trust;
 *   - restoring from it succeeds only when it passes its check, and the restored copy then
 *     passes too; when it fails, the destination is untouched and no temporary file stays;
 *   - restoring a good backup over it succeeds, and a file that cannot be opened is kept
 *     aside byte for byte.
 *
 * Every byte is compared: RMM Desk identifies a file and runs SQLite's quick check before
 * anything may write to it (the switch to WAL and migrations included).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rmm-db.h"
#include "rmm-store-anchors.h"
#include "rmm-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;

static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

static void
remove_database (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  /* Every input is a new database at the same path, not the last one cut short. */
  rmm_anchor_forget (path);
}

/* Whatever a restore left in the folder (a saved copy, a half-made incoming file). */
static void
empty_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

static void
remove_folder (void)
{
  g_autofree char *good = g_build_filename (folder, "good", NULL);
  g_autofree char *good_path = g_build_filename (good, "good.sqlite", NULL);

  remove_database (good_path);
  g_rmdir (good);
  empty_folder ();
  g_rmdir (folder);
}

static void
write_file (const char *path,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;

  remove_database (path);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_error ("%s", error->message);
}

/* The schema version the file says it is at, read without any chance of writing to it
 * (immutable: no locks, no journal), or -1. */
static gint64
peek_schema_version (const char *path)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT max(version) FROM schema_version", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* @path holds @data still, every byte; @what says when it must. */
static void
assert_unchanged (const char    *path,
                  const uint8_t *data,
                  size_t         size,
                  const char    *what)
{
  g_autofree char *now = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &now, &length, NULL))
    g_error ("%s: the file is gone", what);
  if (length != size)
    g_error ("%s: the file was written to (%zu bytes, now %zu)", what, size, length);
  for (gsize i = 0; i < size; i++)
    if ((uint8_t)now[i] != data[i])
      g_error ("%s: the file was written to (byte %zu: %02x, now %02x)", what, i, data[i],
               (guchar)now[i]);
}

/* A handful of the reads the window and rmmctl make. None of them may write. */
static void
read_a_little (RmmStore *store)
{
  g_autoptr(GListModel) children = rmm_store_list_children (store, 0, NULL);
  GListModel *list;
  GPtrArray *array;
  GDate day;

  list = rmm_store_list_areas (store, NULL);
  g_clear_object (&list);
  list = rmm_store_list_meetings (store, 0, NULL);
  g_clear_object (&list);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 16, 11, 2026);
  list = rmm_store_list_cse (store, &day, NULL);
  g_clear_object (&list);
  array = rmm_store_list_agencies (store, NULL);
  g_clear_pointer (&array, g_ptr_array_unref);
  array = rmm_store_list_triggers (store, 0, FALSE, NULL);
  g_clear_pointer (&array, g_ptr_array_unref);
  g_free (rmm_store_get_info (store, "demo"));
  if (children != NULL && g_list_model_get_n_items (children) > 0)
    {
      g_autoptr(RmmChild) child = g_list_model_get_item (children, 0);

      g_clear_pointer (&(RmmChildRecord *) { rmm_store_get_child_record (store,
                                                                         rmm_child_get_id (child),
                                                                         NULL) },
                       rmm_child_record_free);
    }
}

/* Restoring from the file: only when it passes its check, and then to a copy that does. */
static void
restore_from (const char *path,
              gboolean    passed_check)
{
  g_autofree char *dest = g_build_filename (folder, "restored.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gboolean restored = rmm_store_restore (path, dest, &saved, &error);

  if (!passed_check)
    g_assert_false (restored);
  if (!restored)
    {
      g_assert_nonnull (error);
      g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
      /* The source's own journal files may now exist; nothing named after @dest may. */
      {
        g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (dir)) != NULL)
          if (g_str_has_prefix (name, "restored.sqlite"))
            g_error ("a failed restore left “%s” behind", name);
      }
      return;
    }

  g_assert_no_error (error);
  g_assert_null (saved);
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(RmmStore) copy = rmm_store_open (dest, RMM_STORE_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    if (!rmm_store_check (copy, &problems, &error))
      g_error ("a restored copy fails its check: %s", error->message);
  }
  remove_database (dest);
}

/* A good database, made once in a folder of its own (the fuzzed files' folder is emptied
 * after every input): restored over the fuzzed file below. */
static const char *
good_database (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RmmStore) store = NULL;
      g_autofree char *good = g_build_filename (folder, "good", NULL);

      g_mkdir (good, 0700);
      path = g_build_filename (good, "good.sqlite", NULL);
      store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rmm_store_add_area (store, "Testshire North", "surrey-3-level", NULL), >,
                       0);
    }
  return path;
}

/* Restoring a good backup over the fuzzed file, as a chair would over a damaged database:
 * it works, and a file that does not open is kept aside exactly as it was. */
static void
restore_over (const uint8_t *data,
              size_t         size,
              gboolean       opens)
{
  g_autofree char *current = g_build_filename (folder, "current.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  write_file (current, data, size);
  if (!rmm_store_restore (good_database (), current, &saved, &error))
    g_error ("restoring a good backup over a damaged file failed: %s", error->message);
  g_assert_nonnull (saved);
  if (!opens)
    assert_unchanged (saved, data, size, "the damaged database kept aside by a restore");
  remove_database (current);
  remove_database (saved);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  RmmStore *store;
  gboolean header_ok, opened, current, check_ok = FALSE;

  if (folder == NULL)
    {
      folder = g_dir_make_tmp ("rmm-fuzz-db-XXXXXX", NULL);
      atexit (remove_folder);
    }
  path = g_build_filename (folder, "fuzz.sqlite", NULL);
  write_file (path, data, size);
  current = peek_schema_version (path) == rmm_store_get_known_schema_version ();

  header_ok = rmm_db_check_header (path, &error);
  g_assert (header_ok == (error == NULL));
  g_clear_error (&error);

  store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &error);
  opened = store != NULL;
  if (!opened)
    {
      g_assert_nonnull (error);
      assert_unchanged (path, data, size, "a database that failed to open");
      g_clear_error (&error);
    }
  else
    {
      g_assert_true (header_ok);
      g_assert_no_error (error);
      check_ok = rmm_store_check (store, &problems, &error);
      g_assert (check_ok == (error == NULL));
      g_assert (check_ok == (problems->len == 0));
      g_clear_error (&error);
      read_a_little (store);
      g_object_unref (store);
      /* An older file that passed SQLite's check was migrated: that write is allowed. */
      if (!check_ok && current)
        assert_unchanged (path, data, size, "a database that failed its check");
    }

  restore_from (path, check_ok);
  remove_database (path);
  restore_over (data, size, opened);
  empty_folder ();
  return 0;
}
