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

#include "rmm-audit.h"
#include "rmm-error.h"
#include "rmm-referral-import.h"
#include "rmm-store-anchors.h"
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
  f->path = rmm_test_new_database (f->folder);
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
  g_assert_true (g_file_set_contents_full (to, bytes, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                           0600, NULL));
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

/* 64 bytes of garbage over the header of a page of the notes' table, in the middle of the
 * file: one holding a note's row (its summary not after a quote, as in the trail's JSON),
 * which nothing reads at open. */
static void
damage_middle_page (const char *path)
{
  g_autoptr(GBytes) before = read_bytes (path);
  const char *bytes = g_bytes_get_data (before, NULL);
  gsize size = g_bytes_get_size (before);
  const char *found = NULL;
  guint8 garbage[64];
  FILE *file;
  gsize page;

  for (gsize at = 1; found == NULL && at + strlen ("note 30 ") <= size; at++)
    if (bytes[at - 1] != '"' && memcmp (bytes + at, "note 30 ", strlen ("note 30 ")) == 0)
      found = bytes + at;
  g_assert_nonnull (found);
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8)(0xA5 ^ (i * 37));
  page = ((found - bytes) / 4096) * 4096;
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  fseek (file, (long)page, SEEK_SET);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  fclose (file);
}

/* Opened with @flags, a damaged file is read as far as it can be (rmmctl list); the first
 * change waits for SQLite's check and is refused, saying what a restore would lose; not one
 * byte of the file changes. */
static void
expect_damage_refused (Fixture           *f,
                       RmmStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RmmStore) reopened = NULL;

  add_notes (f->store, f->child, 60, "note");
  g_clear_object (&f->store);
  damage_middle_page (f->path);
  before = read_bytes (f->path);

  reopened = rmm_store_open (f->path, flags, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_area (reopened, "Testshire South", "surrey-3-level", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "no automatic backup"));
  g_assert_nonnull (rmm_store_get_damage (reopened));
  g_clear_object (&reopened);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* rmmctl: the check runs before the first change. */
static void
test_damaged_file_never_written (Fixture       *f,
                                 gconstpointer  data)
{
  expect_damage_refused (f, RMM_STORE_OPEN_EXISTING);
}

/* The app: the check runs in the background from the start. */
static void
test_damaged_file_found_in_background (Fixture       *f,
                                       gconstpointer  data)
{
  expect_damage_refused (f, RMM_STORE_OPEN_CHECK_IN_BACKGROUND);
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
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
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

/* A database readable by others is refused, whatever is asked of it, and left as it was:
 * the refusal says how to make it private. */
static void
test_exposed_file_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (wal);
  g_unlink (shm);
  for (guint i = 0; i < 3; i++)
    {
      static const int modes[] = { 0640, 0604, 0660 };

      g_assert_cmpint (g_chmod (f->path, modes[i]), ==, 0);
      expect_refused_unchanged (f->path, RMM_ERROR_EXPOSED);
    }
  g_assert_null (rmm_store_open (f->path, RMM_STORE_OPEN_CREATE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_EXPOSED);
  g_assert_nonnull (strstr (error->message, "chmod 600"));

  /* Unmarked (a dump read back into a new file) is no less ours to keep private. */
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  make_sqlite_file (f->path, "PRAGMA application_id = 0;");
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  expect_refused_unchanged (f->path, RMM_ERROR_EXPOSED);
}

/* ...unless it is opened read-only, a copy to read: then it is read, nothing can be changed
 * in it, not a byte of it is written, and the WAL and index SQLite makes beside it are not
 * readable by others. */
static void
test_exposed_file_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  GStatBuf st;

  g_clear_object (&f->store);
  g_unlink (wal);
  g_unlink (shm);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  before = read_bytes (f->path);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_is_exposed (f->store));
  g_assert_nonnull (rmm_store_get_read_only (f->store));
  children = rmm_store_list_children (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire West", "surrey-3-level", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (rmm_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&f->store);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_stat (wal, &st) != 0 || (st.st_mode & 077) == 0);
  g_assert_true (g_stat (shm, &st) != 0 || (st.st_mode & 077) == 0);
  g_chmod (f->path, 0600);
}

/* ---- tampering, and what check says of it ---- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* What someone with the file and sqlite3 would do first: drop the guards; on a server, a
 * superuser's session with every trigger off. */
static RmmTestRaw *
open_unguarded (const char *location)
{
  RmmTestRaw *db = rmm_test_raw_open (location);

  if (rmm_test_on_server ())
    rmm_test_raw_exec (db, "SET session_replication_role = replica");
  else
    rmm_test_raw_exec (db, "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;"
                           "DROP TRIGGER decision_confirmed_no_update;");
  return db;
}

/* The same on a file only, as sqlite3 has it. */
static sqlite3 *
open_file_unguarded (const char *path)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;"
                "DROP TRIGGER decision_confirmed_no_update;");
  return db;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *what)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), what) != NULL)
      return TRUE;
  return FALSE;
}

/* Checks @path as `rmmctl check` would (a new session), expecting a problem with @what. */
static void
expect_check_finds (const char *path,
                    const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RmmStore) store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  g_assert_false (rmm_store_check (store, &problems, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED);
  if (!has_problem (problems, what))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("problem: %s\n", (char *)g_ptr_array_index (problems, i));
      g_error ("no problem names “%s”", what);
    }
}

static gint64
import_referrals (Fixture    *f,
                  const char *prefix,
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "test.csv");
  g_autoptr(GString) csv = g_string_new (rmm_referral_import_get_template ());

  g_string_append_c (csv, '\n');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%u,Kim,Tamper,2012-01-01,Testshire North,2026-11-02 10:00,"
                            "Ruth Referrer,Testshire Constabulary,single-point-of-access,"
                            "Worry %u,,\n", prefix, i, i);
  g_assert_true (rmm_referral_import_read (import, csv->str, csv->len, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_referral_import_commit (import, &error));
  g_assert_no_error (error);
  return rmm_store_query_int (f->store, "SELECT max(id) FROM audit_event", 0, NULL);
}

/* A session that wrote leaves the trail's head in this user's state when it closes. */
static void
close_session (Fixture *f)
{
  g_clear_object (&f->store);
}

static void
reopen_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
}

static void
test_check_clean_after_work (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rmm_store_add_agency (f->store, "Testshire Constabulary", "police", NULL), >, 0);
  import_referrals (f, "A", 30);
  add_notes (f->store, f->child, 5, "note");
  g_assert_true (rmm_store_set_info (f->store, "marking", "OFFICIAL-SENSITIVE", &error));
  g_assert_true (rmm_store_set_info (f->store, "marking", "OFFICIAL", &error));
  close_session (f);
  reopen_session (f);
  g_assert_true (rmm_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_check_finds_tail_cut (Fixture       *f,
                           gconstpointer  data)
{
  RmmTestRaw *db;

  g_assert_cmpint (rmm_store_add_agency (f->store, "Testshire Constabulary", "police", NULL), >, 0);
  import_referrals (f, "A", 20);
  close_session (f);

  /* The last event, with nothing else touched. */
  db = open_unguarded (f->path);
  rmm_test_raw_exec (db, "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)");
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "events were cut from its end");
}

static void
test_check_finds_all_events_deleted (Fixture       *f,
                                     gconstpointer  data)
{
  RmmTestRaw *db;

  close_session (f);
  db = open_unguarded (f->path);
  rmm_test_raw_exec (db, "DELETE FROM audit_event");
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "has no audit event: it was added outside RMM Desk");
  expect_check_finds (f->path, "events were cut from its end");
}

/* A whole import removed, its rows and its events: every row left agrees with the trail
 * left, and only the anchor kept outside the file shows the cut. */
static void
test_check_finds_import_removed (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *sql = NULL;
  gint64 before_import;
  RmmTestRaw *db;

  g_assert_cmpint (rmm_store_add_agency (f->store, "Testshire Constabulary", "police", NULL), >, 0);
  before_import = import_referrals (f, "A", 10);
  import_referrals (f, "B", 10);
  close_session (f);

  db = open_unguarded (f->path);
  sql = g_strdup_printf ("DELETE FROM referral WHERE child_id IN "
                         "  (SELECT id FROM child WHERE reference LIKE 'B-%%');"
                         "DELETE FROM child WHERE reference LIKE 'B-%%';"
                         "DELETE FROM audit_event WHERE id > %" G_GINT64_FORMAT ";",
                         before_import);
  rmm_test_raw_exec (db, sql);
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "events were cut from its end");
}

static void
test_check_finds_row_deleted (Fixture       *f,
                              gconstpointer  data)
{
  RmmTestRaw *db;

  g_assert_cmpint (rmm_store_add_agency (f->store, "Testshire Constabulary", "police", NULL), >, 0);
  import_referrals (f, "A", 3);
  close_session (f);
  db = rmm_test_raw_open (f->path);
  rmm_test_raw_exec (db, "DELETE FROM referral WHERE id = (SELECT max(id) FROM referral)");
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "was deleted outside RMM Desk");
}

static void
test_check_finds_name_changed (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *expected = NULL;
  RmmTestRaw *db;

  close_session (f);
  db = rmm_test_raw_open (f->path);
  rmm_test_raw_exec (db, "UPDATE child SET last_name = 'Otherchild', date_of_birth = '2010-01-01' "
                "WHERE reference = 'T-001'");
  rmm_test_raw_close (db);
  expected = g_strdup_printf ("child %" G_GINT64_FORMAT ": last_name differs from audit event",
                              f->child);
  expect_check_finds (f->path, expected);
  expect_check_finds (f->path, "date_of_birth differs from audit event");
}

/* The guard dropped, a confirmed "high" made "low"; the guard left dropped: the file is
 * read, never written. */
static void
test_check_finds_guard_dropped (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 agency, chair1, chair2, meeting, decision;
  RmmDecisionInput input = { .child_id = f->child, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "high" };
  RmmTestRaw *db;

  agency = rmm_store_add_agency (f->store, "Testshire Children’s Services", "childrens-services",
                                 NULL);
  chair1 = rmm_store_add_professional (f->store, agency, "Ada Chairwell", "", NULL);
  chair2 = rmm_store_add_professional (f->store, agency, "Ben Cochair", "", NULL);
  meeting = rmm_store_add_meeting (f->store, f->area, "2026-11-23", chair1, chair2, 0, NULL);
  input.meeting_id = meeting;
  decision = rmm_store_propose_decision (f->store, &input, &error);
  g_assert_true (rmm_store_confirm_decision (f->store, decision, chair1, &error));
  g_assert_true (rmm_store_confirm_decision (f->store, decision, chair2, &error));
  g_assert_no_error (error);
  close_session (f);

  db = rmm_test_raw_open (f->path);
  rmm_test_raw_exec (db, rmm_test_on_server ()
                         ? "ALTER TABLE decision DISABLE TRIGGER decision_confirmed_no_update;"
                           "UPDATE decision SET value = 'low' WHERE value = 'high'"
                         : "DROP TRIGGER decision_confirmed_no_update;"
                           "UPDATE decision SET value = 'low' WHERE value = 'high'");
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "the trigger “decision_confirmed_no_update” is missing");
  expect_check_finds (f->path, "value differs from audit event");

  reopen_session (f);
  g_assert_nonnull (rmm_store_get_read_only (f->store));
  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire South", "surrey-3-level", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "decision_confirmed_no_update"));
}

/* Rewrites event @id's "after" and recomputes the chain from there on, as someone who knows
 * the hash (plain SHA-256, no key) would. */
static void
rewrite_chain_from (const char *path,
                    gint64      id,
                    const char *after)
{
  sqlite3 *db = open_file_unguarded (path);
  sqlite3_stmt *select = NULL, *update = NULL;
  g_autofree char *prev = NULL;

  sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, entity, entity_id, before, after, "
                          "prev_hash FROM audit_event WHERE id >= ? ORDER BY id", -1, &select, NULL);
  sqlite3_prepare_v2 (db, "UPDATE audit_event SET after = ?, prev_hash = ?, hash = ? WHERE id = ?",
                      -1, &update, NULL);
  sqlite3_bind_int64 (select, 1, id);
  raw_exec (db, "BEGIN");
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      gint64 event_id = sqlite3_column_int64 (select, 0);
      g_autofree char *new_after = g_strdup (event_id == id ? after
                                             : (const char *)sqlite3_column_text (select, 7));
      g_autofree char *prev_hash = g_strdup (prev ? prev
                                             : (const char *)sqlite3_column_text (select, 8));
      RmmAuditEvent event = {
        .id = event_id,
        .at = (const char *)sqlite3_column_text (select, 1),
        .actor = (const char *)sqlite3_column_text (select, 2),
        .action = (const char *)sqlite3_column_text (select, 3),
        .entity = (const char *)sqlite3_column_text (select, 4),
        .entity_id = sqlite3_column_int64 (select, 5),
        .before = (const char *)sqlite3_column_text (select, 6),
        .after = new_after,
        .prev_hash = prev_hash,
      };

      g_free (prev);
      prev = rmm_audit_hash (&event);
      sqlite3_bind_text (update, 1, new_after, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, prev_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 3, prev, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 4, event_id);
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
      sqlite3_reset (update);
    }
  raw_exec (db, "COMMIT");
  sqlite3_finalize (select);
  sqlite3_finalize (update);
  raw_exec (db, "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
                "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
                "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
                "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
                "CREATE TRIGGER decision_confirmed_no_update BEFORE UPDATE ON decision "
                "WHEN OLD.status = 'confirmed' "
                "BEGIN SELECT RAISE(ABORT, 'a confirmed decision cannot be changed; record a "
                "correction that supersedes it'); END;");
  sqlite3_close (db);
}

static void
test_check_finds_chain_recomputed (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 created;
  g_autofree char *after = NULL;
  sqlite3 *db;

  add_notes (f->store, f->child, 3, "note");
  close_session (f);
  {
    g_autoptr(RmmStore) store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, NULL);

    created = rmm_store_query_int (store, "SELECT id FROM audit_event WHERE entity = 'child' "
                                          "AND action = 'create'", 0, NULL);
    after = rmm_store_query_text (store, "SELECT after FROM audit_event WHERE id = ?", "event",
                                  created, NULL);
  }
  db = raw_open (f->path);
  raw_exec (db, "UPDATE child SET last_name = 'Otherchild' WHERE reference = 'T-001'");
  sqlite3_close (db);
  {
    g_autofree char *forged = NULL;
    GString *text = g_string_new (after);

    g_string_replace (text, "Testchild", "Otherchild", 0);
    forged = g_string_free (text, FALSE);
    rewrite_chain_from (f->path, created, forged);
  }
  expect_check_finds (f->path, "the trail was rewritten");
}

/* A backup whose tail was cut is refused by restore: its anchor is beside it. */
static void
test_restore_refuses_cut_backup (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->folder, "backup.sqlite", NULL);
  g_autofree char *target = g_build_filename (f->folder, "target.sqlite", NULL);
  g_autofree char *saved = NULL;
  sqlite3 *db;

  add_notes (f->store, f->child, 3, "note");
  g_assert_true (rmm_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (g_strconcat (backup, ".anchor", NULL), G_FILE_TEST_EXISTS));

  /* Whole, it restores. */
  g_assert_true (rmm_store_restore (backup, target, &saved, &error));
  g_assert_no_error (error);

  db = open_file_unguarded (backup);
  raw_exec (db, "DELETE FROM information_note WHERE id = (SELECT max(id) FROM information_note);"
                "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)");
  sqlite3_close (db);
  g_assert_false (rmm_store_restore (backup, target, &saved, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED);
}

/* The seal printed on signed-off minutes is an anchor the file's holder cannot reach. */
static void
test_check_against_printed_seal (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RmmAnchor) head = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), "rmm-desk", "anchors", NULL);
  RmmTestRaw *db;

  add_notes (f->store, f->child, 3, "note");
  head = rmm_store_get_head (f->store, &error);
  printed = g_strdup_printf ("%" G_GINT64_FORMAT ":%.16s", head->event, head->hash);
  g_ptr_array_add (anchors, rmm_anchor_parse (printed, "the seal on the minutes", &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_check_against (f->store, anchors, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rmm_anchor_parse ("12:abc", "x", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  /* Cut, with this computer's own anchors gone too: the printed seal still tells. */
  close_session (f);
  rmm_test_remove_folder (state);
  db = open_unguarded (f->path);
  rmm_test_raw_exec (db, "DELETE FROM information_note WHERE id = (SELECT max(id) FROM information_note);"
                "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)");
  rmm_test_raw_close (db);
  reopen_session (f);
  g_assert_false (rmm_store_check_against (f->store, anchors, &problems, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED);
  g_assert_true (has_problem (problems, "the seal on the minutes recorded event"));
}

/* ---- who looked ---- */

static RmmAccessEvent *
access_at (GPtrArray *events,
           guint      i)
{
  g_assert_cmpuint (i, <, events->len);
  return g_ptr_array_index (events, i);
}

/* Each look at a child's record is listed for that child, oldest first, with who and what:
 * the page, the name on the projector, its plan, and the minutes of a meeting it was on;
 * none for another child; and a look changes nothing another window must reload. */
static void
test_access_recorded (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(RmmStore) other_window = NULL;
  RmmChildInput input = {
    .reference = "T-002", .first_name = "Sam", .last_name = "Testchild",
    .date_of_birth = "2012-01-01", .area_id = f->area,
  };
  gint64 other = rmm_store_add_child (f->store, &input, &error);
  gint64 meeting = rmm_store_add_meeting (f->store, f->area, "2026-12-07", 0, 0, 0, &error);
  gint64 mark;

  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_agenda_item (f->store, meeting, f->child, "added-by-chair",
                                              &error), >, 0);
  g_assert_no_error (error);
  other_window = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  mark = rmm_store_get_change_mark (f->store, NULL);

  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_CHILD_PAGE, .child_id = f->child, .meeting_id = meeting },
                 &error));
  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_NAME_REVEALED, .child_id = f->child,
                   .meeting_id = meeting }, &error));
  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_DOCUMENT, .child_id = f->child,
                   .document = "safety-plan", .audience = "family" }, &error));
  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_DOCUMENT, .meeting_id = meeting, .document = "minutes",
                   .audience = "professional" }, &error));
  g_assert_no_error (error);

  events = rmm_store_list_access (f->store, f->child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (access_at (events, 0)->what, ==, "child-page");
  g_assert_cmpint (access_at (events, 0)->meeting_id, ==, meeting);
  g_assert_cmpstr (access_at (events, 0)->actor, ==, rmm_store_get_actor (f->store));
  g_assert_cmpstr (access_at (events, 1)->what, ==, "name-revealed");
  g_assert_cmpstr (access_at (events, 2)->document, ==, "safety-plan");
  g_assert_cmpstr (access_at (events, 2)->audience, ==, "family");
  g_assert_cmpstr (access_at (events, 3)->document, ==, "minutes");
  g_assert_cmpint (access_at (events, 3)->meeting_id, ==, meeting);
  others = rmm_store_list_access (f->store, other, &error);
  g_assert_cmpuint (others->len, ==, 0);

  /* In the trail (four events), yet nothing another window shows has changed. */
  g_assert_cmpint (rmm_store_get_change_mark (f->store, NULL), ==, mark + 4);
  g_assert_false (rmm_store_poll (other_window));

  /* A change made elsewhere, then a look here before the next poll: the poll still finds
   * the change (the look's own commit does not hide it). */
  g_assert_cmpint (rmm_store_add_area (other_window, "Testshire East", "surrey-3-level",
                                       &error), >, 0);
  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_DOCUMENT, .child_id = f->child,
                   .document = "safety-plan", .audience = "professional" }, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_poll (f->store));
}

/* A page opened while someone else is saving does not wait for them: the look is kept, with
 * its time, and recorded at the next poll once they are done. */
static void
test_access_noted_while_another_saves (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(RmmStore) saving = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_autoptr(GDateTime) looked = g_date_time_new_from_iso8601 ("2026-12-07T10:00:00Z", NULL);
  g_autoptr(GDateTime) later = g_date_time_new_from_iso8601 ("2026-12-07T10:05:00Z", NULL);
  gint64 started;

  g_assert_no_error (error);
  g_assert_true (rmm_store_begin (saving, &error));
  rmm_store_set_clock (f->store, looked);
  started = g_get_monotonic_time ();
  rmm_store_note_access (f->store, &(RmmAccessInput) {
                           .kind = RMM_ACCESS_CHILD_PAGE, .child_id = f->child });
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC / 2);
  events = rmm_store_list_access (f->store, f->child, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  rmm_store_rollback (saving);
  rmm_store_set_clock (f->store, later);
  rmm_store_poll (f->store);
  events = rmm_store_list_access (f->store, f->child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((RmmAccessEvent *)g_ptr_array_index (events, 0))->at, ==,
                   "2026-12-07T10:00:00Z");
}

/* Looks are in the same chain as changes: check passes over them, and one altered (to hide
 * who looked) is found. */
static void
test_access_tamper_found (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  RmmTestRaw *db;

  g_assert_true (rmm_store_record_access (f->store, &(RmmAccessInput) {
                   .kind = RMM_ACCESS_DOCUMENT, .child_id = f->child,
                   .document = "safety-plan", .audience = "family" }, &error));
  g_assert_true (rmm_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  close_session (f);

  db = open_unguarded (f->path);
  rmm_test_raw_exec (db, "UPDATE audit_event SET actor = 'not-who-looked' "
                         "WHERE entity = 'child-access'");
  rmm_test_raw_close (db);
  expect_check_finds (f->path, "the event was changed");
}

/* A write a server's connection sends ahead (its outcome read with the next statement, one
 * round trip for both) that is refused fails its change all the same, with the same sentence
 * as when run at once: whether the next statement reads it, or the commit, or a read that
 * ignores its errors, or an inner transaction rolled back. Nothing of the change is kept, and
 * the next change goes through. */
typedef enum
{
  READ_BY_NEXT,
  READ_BY_COMMIT,
  READ_BY_CARELESS_READ,
  READ_BY_INNER_ROLLBACK,
} ReadBy;

static gboolean
send_duplicate_area (RmmStore  *store,
                     ReadBy     read_by,
                     GError   **error)
{
  RmmDb *db = rmm_store_get_db (store);
  RmmDbStmt *insert;
  RmmDbStmt *count;

  if (!rmm_store_begin (store, error))
    return FALSE;
  insert = rmm_db_prepare (db, "INSERT INTO area (name, framework) VALUES (?, ?)", error);
  count = rmm_db_prepare (db, "SELECT count(*) FROM area", error);
  g_assert_nonnull (insert);
  g_assert_nonnull (count);
  rmm_db_stmt_bind_text (insert, 1, "Testshire Extra");
  rmm_db_stmt_bind_text (insert, 2, "surrey-3-level");
  if (!rmm_db_stmt_send (insert, error))
    return rmm_store_end (store, FALSE, NULL);
  rmm_db_stmt_bind_text (insert, 1, "Testshire North");   /* taken */
  if (!rmm_db_stmt_send (insert, error))
    return rmm_store_end (store, FALSE, NULL);
  switch (read_by)
    {
    case READ_BY_NEXT:
      if (!rmm_db_stmt_step (count, error))
        return rmm_store_end (store, FALSE, NULL);
      rmm_db_stmt_reset (count);
      break;
    case READ_BY_CARELESS_READ:
      g_free (rmm_store_get_info (store, "demo"));
      break;
    case READ_BY_INNER_ROLLBACK:
      g_assert_true (rmm_store_begin (store, NULL));
      rmm_store_rollback (store);
      break;
    case READ_BY_COMMIT:
      break;
    }
  return rmm_store_commit (store, error);
}

static void
test_refused_write_sent_ahead (Fixture       *f,
                               gconstpointer  data)
{
  for (ReadBy read_by = READ_BY_NEXT; read_by <= READ_BY_INNER_ROLLBACK; read_by++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Testshire East %d", read_by);

      g_assert_false (send_duplicate_area (f->store, read_by, &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, "another area already has the same name"));
      g_clear_error (&error);
      g_assert_cmpint (rmm_store_query_int (f->store, "SELECT count(*) FROM area WHERE id > ?",
                                            0, &error), ==, 1 + read_by);
      g_assert_cmpint (rmm_store_add_area (f->store, name, "surrey-3-level", &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (rmm_store_check (f->store, NULL, NULL));
}

/* A refusal the connection layer has no sentence of its own for is still said in our words:
 * never the server's, which may quote SQL or values. */
static void
test_server_words_never_shown (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!rmm_test_on_server ())
    {
      g_test_skip ("A server's refusals");
      return;
    }
  g_assert_cmpint (rmm_store_query_int (f->store, "SELECT Robin_Testchild FROM area WHERE id = ?",
                                        0, &error), ==, -1);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "refused this (error 42703)"));
  g_assert_null (strstr (error->message, "Robin"));
  g_assert_null (strstr (error->message, "robin"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = rmm_test_make_folder ();
  int status;

  /* This user's anchors go to a folder of the test's own (read once, before any use). */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD_FILE(path, func, why) \
  RMM_TEST_ADD_FILE_ONLY (path, Fixture, fixture_set_up, func, fixture_tear_down, why)
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD_FILE ("/integrity/open/interrupted-checkpoint", test_interrupted_checkpoint_is_not_damage,
            "a file’s write-ahead log");
  ADD_FILE ("/integrity/open/truncated", test_truncated_file_is_damage,
            "a truncated file");
  ADD_FILE ("/integrity/open/damaged-never-written", test_damaged_file_never_written,
            "a damaged file");
  ADD_FILE ("/integrity/open/damaged-in-background", test_damaged_file_found_in_background,
            "a damaged file");
  ADD ("/integrity/open/foreign-unchanged", test_foreign_file_unchanged);
  ADD_FILE ("/integrity/open/newer-user-version", test_newer_user_version_refused,
            "a file’s header (a server’s newer schema: test-store)");
  ADD_FILE ("/integrity/open/exposed-refused", test_exposed_file_refused,
            "a file’s permissions");
  ADD_FILE ("/integrity/open/exposed-read-only", test_exposed_file_read_only,
            "a file’s permissions");
  ADD ("/integrity/check/clean-after-work", test_check_clean_after_work);
  ADD ("/integrity/refused-write-sent-ahead", test_refused_write_sent_ahead);
  ADD ("/integrity/server-words-never-shown", test_server_words_never_shown);
  ADD ("/integrity/access/recorded", test_access_recorded);
  ADD ("/integrity/access/tamper-found", test_access_tamper_found);
  ADD ("/integrity/access/noted-while-another-saves", test_access_noted_while_another_saves);
  ADD ("/integrity/check/tail-cut", test_check_finds_tail_cut);
  ADD ("/integrity/check/all-events-deleted", test_check_finds_all_events_deleted);
  ADD ("/integrity/check/import-removed", test_check_finds_import_removed);
  ADD ("/integrity/check/row-deleted", test_check_finds_row_deleted);
  ADD ("/integrity/check/name-changed", test_check_finds_name_changed);
  ADD ("/integrity/check/guard-dropped", test_check_finds_guard_dropped);
  ADD_FILE ("/integrity/check/chain-recomputed", test_check_finds_chain_recomputed,
            "the chain rewritten with sqlite3 on a file; the same check reads a server");
  ADD ("/integrity/check/printed-seal", test_check_against_printed_seal);
  ADD_FILE ("/integrity/restore/cut-backup-refused", test_restore_refuses_cut_backup,
            "restoring a file from its backups");
#undef ADD_FILE
#undef ADD

  status = g_test_run ();
  rmm_test_remove_folder (state);
  return status;
}
