/* test-integrity.c: the record can be trusted — a healthy file is never called damaged, a
 * damaged or foreign one is never written to, and tampering is found by `check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-store-private.h"

typedef struct
{
  char     *folder;
  char     *path;
  RmmStore *store;
  gint64    area;
  gint64    child;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput child = {
    .reference = "T-001", .first_name = "Robin", .last_name = "Testchild",
    .date_of_birth = "2011-03-04",
  };

  f->folder = rmm_test_make_folder ();
  f->path = g_build_filename (f->folder, "rmm.sqlite", NULL);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", &error);
  child.area_id = f->area;
  f->child = rmm_store_add_child (f->store, &child, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->path);
  g_free (f->folder);
}

static void
add_notes (RmmStore   *store,
           gint64      child,
           guint       n,
           const char *what)
{
  g_autofree char *padding = g_strnfill (1500, 'x');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = g_strdup_printf ("%s %u %s", what, i, padding);
      RmmInformationNoteInput note = { .child_id = child, .kind = "update", .summary = summary };

      g_assert_cmpint (rmm_store_add_information_note (store, &note, &error), >, 0);
      g_assert_no_error (error);
    }
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (to, bytes, length, NULL));
}

/* What a checkpoint cut short leaves: the newest page 1 from the WAL written into the file
 * (the checkpoint writes pages in order), the pages after it not yet. */
static void
write_first_page_from_wal (const char *database,
                           const char *wal)
{
  g_autofree guint8 *bytes = NULL;
  gsize length;
  guint32 page_size;
  const guint8 *newest_first = NULL;
  FILE *file;

  g_assert_true (g_file_get_contents (wal, (char **)&bytes, &length, NULL));
  g_assert_cmpuint (length, >, 32);
  page_size = GUINT32_FROM_BE (*(guint32 *)(bytes + 8));
  for (gsize at = 32; at + 24 + page_size <= length; at += 24 + page_size)
    if (GUINT32_FROM_BE (*(guint32 *)(bytes + at)) == 1)
      newest_first = bytes + at + 24;
  g_assert_nonnull (newest_first);

  file = g_fopen (database, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (newest_first, 1, page_size, file), ==, page_size);
  fclose (file);
}

static void
test_interrupted_checkpoint_is_not_damage (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->folder, "copy.sqlite", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(RmmStore) reopened = NULL;

  /* Everything so far in the file itself; then 120 long notes that are only in the WAL. */
  g_clear_object (&f->store);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  rmm_db_exec (rmm_store_get_db (f->store), "PRAGMA wal_autocheckpoint = 0", NULL);
  add_notes (f->store, f->child, 120, "in the WAL");

  /* Copied while open, as a kill would leave it; then the checkpoint's first page. */
  copy_file (f->path, copy);
  copy_file (wal, copy_wal);
  write_first_page_from_wal (copy, copy_wal);

  reopened = rmm_store_open (copy, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_check (reopened, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_query_int (reopened, "SELECT count(*) FROM information_note "
                                        "WHERE summary LIKE 'in the WAL %'", 0, NULL), ==, 120);
}

/* Cut short with no WAL to make up the rest, the file really is damaged: said so, with what a
 * restore would lose. */
static void
test_truncated_file_is_damage (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) reopened = NULL;
  GStatBuf st;

  add_notes (f->store, f->child, 60, "note");
  g_clear_object (&f->store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);

  reopened = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_null (reopened);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "no automatic backup"));
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&bytes), length);
}

/* 64 bytes of garbage over the header of a b-tree page in the middle of the file. */
static void
damage_middle_page (const char *path)
{
  g_autoptr(GBytes) before = read_bytes (path);
  guint8 garbage[64];
  FILE *file;
  gsize middle;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8)(0xA5 ^ (i * 37));
  middle = (g_bytes_get_size (before) / 4096 / 2) * 4096;
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  fseek (file, (long)middle, SEEK_SET);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  fclose (file);
}

static void
test_damaged_file_never_written (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RmmStore) reopened = NULL;

  add_notes (f->store, f->child, 60, "note");
  g_clear_object (&f->store);
  damage_middle_page (f->path);
  before = read_bytes (f->path);

  reopened = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_null (reopened);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The app opens at once and checks in the background: it reads meanwhile, and a change waits
 * for the verdict and is refused on a damaged file. */
static void
test_damaged_file_found_in_background (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RmmStore) reopened = NULL;

  add_notes (f->store, f->child, 60, "note");
  g_clear_object (&f->store);
  damage_middle_page (f->path);
  before = read_bytes (f->path);

  reopened = rmm_store_open (f->path, RMM_STORE_OPEN_CHECK_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_area (reopened, "Testshire South", "surrey-3-level", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (rmm_store_get_damage (reopened));
  g_clear_object (&reopened);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Another program's SQLite file, and one marked by a newer RMM Desk: refused, and not one
 * byte changed (no switch to WAL, no change counter bumped). */
static void
expect_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RmmStore) store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, RMM_ERROR, code);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_foreign_file_unchanged (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (f->folder, "notes.sqlite", NULL);
  g_autofree char *marked = g_build_filename (f->folder, "marked.sqlite", NULL);

  make_sqlite_file (foreign, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT);"
                             "INSERT INTO note (text) VALUES ('shopping');");
  expect_refused_unchanged (foreign, RMM_ERROR_FOREIGN);

  /* Empty, but another program's by its application id. */
  make_sqlite_file (marked, "PRAGMA application_id = 1234;");
  expect_refused_unchanged (marked, RMM_ERROR_FOREIGN);
}

static void
test_newer_user_version_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_clear_object (&f->store);
  make_sqlite_file (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;");
  expect_refused_unchanged (f->path, RMM_ERROR_NEWER_SCHEMA);
}

/* A database readable by others is still opened, but its WAL and index are not. */
static void
test_exposed_file_private_companions (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  GStatBuf st;

  g_clear_object (&f->store);
  g_unlink (wal);
  g_unlink (shm);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_is_exposed (f->store));
  add_notes (f->store, f->child, 1, "note");
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/integrity/open/interrupted-checkpoint", test_interrupted_checkpoint_is_not_damage);
  ADD ("/integrity/open/truncated", test_truncated_file_is_damage);
  ADD ("/integrity/open/damaged-never-written", test_damaged_file_never_written);
  ADD ("/integrity/open/damaged-in-background", test_damaged_file_found_in_background);
  ADD ("/integrity/open/foreign-unchanged", test_foreign_file_unchanged);
  ADD ("/integrity/open/newer-user-version", test_newer_user_version_refused);
  ADD ("/integrity/open/exposed-private-companions", test_exposed_file_private_companions);
#undef ADD

  return g_test_run ();
}
