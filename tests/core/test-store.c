/* test-store.c: the store, its repositories, its guards and its audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rmm-error.h"
#include "rmm-store.h"
#include "rmm-test-support.h"

typedef struct
{
  char     *folder;
  char     *path;
  RmmStore *store;
  gint64    area;
  gint64    agency;
  gint64    chair1;
  gint64    chair2;
  gint64    child;
  gint64    meeting;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput child = {
    .reference = "CH-000001", .first_name = "Amara", .last_name = "Testwood",
    .date_of_birth = "2011-04-02", .gender = "female",
  };

  f->folder = rmm_test_make_folder ();
  f->path = rmm_test_new_database (f->folder);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", &error);
  g_assert_no_error (error);
  f->agency = rmm_store_add_agency (f->store, "Testshire Children’s Services",
                                    "childrens-services", &error);
  g_assert_no_error (error);
  f->chair1 = rmm_store_add_professional (f->store, f->agency, "Ada Chairwell", "Chair", &error);
  g_assert_no_error (error);
  f->chair2 = rmm_store_add_professional (f->store, f->agency, "Ben Cochair", "Chair", &error);
  g_assert_no_error (error);
  child.area_id = f->area;
  f->child = rmm_store_add_child (f->store, &child, &error);
  g_assert_no_error (error);
  f->meeting = rmm_store_add_meeting (f->store, f->area, "2026-11-24", f->chair1, f->chair2, 0,
                                      &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store)
    g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->path);
  g_free (f->folder);
}

/* A second, raw connection: what another program (or an attacker) could do to the file. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static int
raw_exec (sqlite3    *db,
          const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static gint64
raw_count (const char *path,
           const char *sql)
{
  return rmm_test_count_at (path, sql, 0);
}

static gint64
propose_rating (Fixture    *f,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = value,
  };
  gint64 id = rmm_store_propose_decision (f->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
confirmed_rating (Fixture    *f,
                  const char *value)
{
  g_autoptr(GError) error = NULL;
  gint64 id = propose_rating (f, value);

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  struct stat st;

  g_assert_cmpuint (rmm_store_get_schema_version (f->store), ==,
                    rmm_store_get_known_schema_version ());
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name IN ('audit_event', 'decision', 'safety_plan', "
                                       "'strategy_trigger', 'disruption_note', 'transition')"),
                   ==, 6);
  g_assert_cmpint (raw_count (f->path, "PRAGMA foreign_keys"), ==, 0); /* per connection */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) areas = NULL;

  g_clear_object (&f->store);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  areas = rmm_store_list_areas (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 1);
}

/* The last close empties the journal it keeps, so the next open has nothing to recover
 * and a read (rmmctl agenda, the window's start) neither checkpoints nor syncs. */
static void
test_close_empties_journal (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (rmm_store_add_area (f->store, "Northbrook", "surrey-3-level", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  g_clear_object (&f->store);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;

  rmm_test_write_below_store (f->store, "INSERT INTO schema_version VALUES (999, 'future')");
  g_clear_object (&f->store);

  store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of RMM Desk"));
}

static void
expect_open_error (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_null (store);
  g_assert_error (error, RMM_ERROR, code);
  /* The message says which file (or, for a missing folder, which folder). */
  if (strstr (error->message, folder) == NULL)
    g_error ("“%s” does not name “%s”", error->message, folder);
}

static void
assert_bytes_unchanged (const char *path,
                        const char *expected,
                        gsize       length)
{
  g_autofree char *contents = NULL;
  gsize read_length;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_get_contents (path, &contents, &read_length, NULL));
  g_assert_cmpmem (contents, read_length, expected, length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->folder, "minutes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->folder, "empty.sqlite", NULL);
  g_autofree char *folder = g_build_filename (f->folder, "a-folder", NULL);
  g_autofree char *missing = g_build_filename (f->folder, "no", "such", "db.sqlite", NULL);
  const char *garbage = "Minutes of the meeting\nnot a database at all\n";

  g_assert_true (g_file_set_contents (text, garbage, -1, NULL));
  expect_open_error (text, RMM_ERROR_NOT_DATABASE);
  assert_bytes_unchanged (text, garbage, strlen (garbage));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  expect_open_error (empty, RMM_ERROR_EMPTY_FILE);
  assert_bytes_unchanged (empty, "", 0);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  expect_open_error (folder, RMM_ERROR_IS_FOLDER);

  expect_open_error (missing, RMM_ERROR_NO_FOLDER);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_truncated_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->folder, "truncated.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* A checkpointed copy, then cut in half as a failed copy or full disk would. */
  g_assert_true (rmm_store_backup (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (copy, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents_full (copy, contents, length / 2,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));

  expect_open_error (copy, RMM_ERROR_NOT_DATABASE);
  assert_bytes_unchanged (copy, contents, length / 2);
}

static void
test_foreign_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (f->folder, "other.sqlite", NULL);
  sqlite3 *db = raw_open (foreign);

  g_assert_cmpint (raw_exec (db, "CREATE TABLE recipes (name TEXT)"), ==, 0);
  sqlite3_close (db);
  /* Private: an unmarked file others could read is refused for that first. */
  g_assert_cmpint (g_chmod (foreign, 0600), ==, 0);
  expect_open_error (foreign, RMM_ERROR_FOREIGN);
  g_assert_cmpint (raw_count (foreign, "SELECT count(*) FROM sqlite_master"), ==, 1);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  gboolean as_root = geteuid () == 0;

  /* Root may write to any file: act as nobody for the check, then come back to clean up. */
  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  if (as_root)
    g_assert_cmpint (seteuid (65534), ==, 0);
  expect_open_error (f->path, RMM_ERROR_READ_ONLY);
  if (as_root)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_chmod (f->path, 0600);
}

static void
test_locked_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->folder, "locked.sqlite", NULL);
  sqlite3 *holder;

  /* A new RMM Desk file another program holds an exclusive lock on: migrating must wait,
   * then give up with a clear message and leave the file as it was. */
  g_clear_object (&f->store);
  {
    g_autoptr(RmmStore) store = rmm_store_open (fresh, RMM_STORE_OPEN_CREATE, NULL);
    g_assert_nonnull (store);
  }
  holder = raw_open (fresh);
  g_assert_cmpint (raw_exec (holder, "PRAGMA journal_mode=DELETE"), ==, 0);
  g_assert_cmpint (raw_exec (holder, "BEGIN EXCLUSIVE"), ==, 0);
  g_assert_cmpint (raw_exec (holder, "DELETE FROM schema_version"), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RmmStore) store = rmm_store_open (fresh, RMM_STORE_OPEN_EXISTING, &error);

    g_assert_null (store);
    g_assert_true (g_error_matches (error, RMM_ERROR, RMM_ERROR_LOCKED) ||
                   g_error_matches (error, RMM_ERROR, RMM_ERROR_READ_ONLY));
  }
  raw_exec (holder, "ROLLBACK");
  sqlite3_close (holder);
}

static void
test_area_and_people (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(RmmArea) area = NULL;
  g_autoptr(RmmArea) found = NULL;
  g_autoptr(RmmChild) child = NULL;
  RmmChildInput bad = { .reference = "CH-2", .first_name = "Bo", .last_name = "Test",
                        .date_of_birth = "2011-02-30", .area_id = f->area };

  g_assert_cmpint (rmm_store_add_area (f->store, "Nowhere", "made-up-framework", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_area (f->store, "  ", "surrey-3-level", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire North", "seraf-4-category", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_agency (f->store, "Odd", "bakery", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_child (f->store, &bad, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  areas = rmm_store_list_areas (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 1);
  area = g_list_model_get_item (areas, 0);
  g_assert_cmpstr (rmm_area_get_name (area), ==, "Testshire North");
  g_assert_cmpstr (rmm_area_get_framework_id (area), ==, "surrey-3-level");
  g_assert_cmpuint (rmm_area_get_n_children (area), ==, 1);
  found = rmm_store_find_area (f->store, "Testshire North", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_area_get_id (found), ==, f->area);
  g_assert_null (rmm_store_find_area (f->store, "Elsewhere", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  children = rmm_store_list_children (f->store, f->area, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  child = g_list_model_get_item (children, 0);
  g_assert_cmpstr (rmm_child_get_reference (child), ==, "CH-000001");
  g_assert_cmpstr (rmm_child_get_area_name (child), ==, "Testshire North");
  g_assert_cmpstr (rmm_child_get_rating (child), ==, "");
  {
    g_autofree char *initials = rmm_child_dup_initials (child);
    g_assert_cmpstr (initials, ==, "A.T.");
  }
}

static void
test_referral (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmReferralInput input = {
    .child_id = f->child, .route = "single-point-of-access", .referrer_name = "Cara Refer",
    .referrer_agency_id = f->agency, .received_at = "2026-11-20T09:15:00Z",
    .concern_summary = "Seen with an older adult, “quotes” and ünïcödé",
  };

  g_assert_cmpint (rmm_store_add_referral (f->store, &input, &error), >, 0);
  g_assert_no_error (error);

  input.route = "by-pigeon";
  g_assert_cmpint (rmm_store_add_referral (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.route = "lead-professional";
  input.received_at = "20/11/2026";
  g_assert_cmpint (rmm_store_add_referral (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM referral"), ==, 1);
}

static void
test_meetings_and_agenda (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  gint64 item;

  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2026-13-01", f->chair1, f->chair2,
                                          0, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2026-12-01", f->chair1, f->chair1,
                                          0, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2026-11-24", f->chair1, f->chair2,
                                          0, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);   /* one meeting a day per area */
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2026-12-01", f->chair1, f->chair2,
                                          0, &error), >, 0);

  item = rmm_store_add_agenda_item (f->store, f->meeting, f->child, "new-referral", &error);
  g_assert_no_error (error);
  g_assert_cmpint (item, >, 0);
  g_assert_cmpint (rmm_store_add_agenda_item (f->store, f->meeting, f->child, "trigger", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
  g_clear_error (&error);

  meetings = rmm_store_list_meetings (f->store, f->area, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  meeting = g_list_model_get_item (meetings, 1);   /* newest first */
  g_assert_cmpstr (rmm_meeting_get_meets_on (meeting), ==, "2026-11-24");
  g_assert_cmpstr (rmm_meeting_get_chair_children (meeting), ==, "Ada Chairwell");
  g_assert_cmpstr (rmm_meeting_get_chair_family (meeting), ==, "Ben Cochair");
  g_assert_cmpstr (rmm_meeting_get_status (meeting), ==, "planned");
  g_assert_cmpuint (rmm_meeting_get_n_children (meeting), ==, 1);
  g_clear_object (&meeting);
  meeting = rmm_store_get_meeting (f->store, f->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rmm_meeting_get_area_name (meeting), ==, "Testshire North");
  g_assert_null (rmm_store_get_meeting (f->store, 99999, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
}

static void
test_decision_needs_both_chairs (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rating = NULL;
  gint64 outsider = rmm_store_add_professional (f->store, f->agency, "Cy Outsider", "", NULL);
  gint64 id = propose_rating (f, "high");

  g_assert_false (rmm_store_confirm_decision (f->store, id, outsider, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  rating = rmm_store_get_current_rating (f->store, f->child, &error);
  g_assert_cmpstr (rating, ==, "");          /* one chair is not a decision */
  g_clear_pointer (&rating, g_free);

  g_assert_false (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_no_error (error);
  rating = rmm_store_get_current_rating (f->store, f->child, &error);
  g_assert_cmpstr (rating, ==, "high");
  /* Beside each chair named, the login (or user) that gave the confirmation. */
  g_assert_cmpint (rmm_test_count_in_file (f->store, "SELECT count(*) FROM decision WHERE "
                                           "id = ? AND chair1_login <> '' AND "
                                           "chair1_login = chair2_login", id), ==, 1);

  g_assert_false (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
  g_clear_error (&error);

  {
    RmmDecisionInput wrong = {
      .child_id = f->child, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "4",
    };
    RmmDecisionInput no_kind = {
      .child_id = f->child, .kind = RMM_DECISION_KIND_UNKNOWN, .value = "high",
    };

    g_assert_cmpint (rmm_store_propose_decision (f->store, &wrong, &error), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);  /* SERAF level in a Surrey area */
    g_clear_error (&error);
    /* Not a decision the chairs make: refused in words before the schema's CHECK. */
    g_assert_cmpint (rmm_store_propose_decision (f->store, &no_kind, &error), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not a decision the chairs make"));
    g_clear_error (&error);
    /* Asking where one stands is refused too, never answered "none recorded". */
    g_assert_null (rmm_store_find_current_decision (f->store, f->child,
                                                    RMM_DECISION_KIND_UNKNOWN, &error));
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  }
}

static void
test_confirmed_decision_refuses_change (Fixture       *f,
                                        gconstpointer  data)
{
  gint64 id = confirmed_rating (f, "medium");
  g_autofree char *update = g_strdup_printf ("UPDATE decision SET value = 'low' WHERE id = %"
                                             G_GINT64_FORMAT, id);
  g_autofree char *delete = g_strdup_printf ("DELETE FROM decision WHERE id = %" G_GINT64_FORMAT,
                                             id);
  /* Superseding another child's decision (on a server, one of an area the login does not
   * see) would take that child off the CSE list. */
  g_autofree char *other_child = g_strdup_printf (
    "BEGIN; INSERT INTO child (reference, first_name, last_name, date_of_birth, area_id, "
    "created_at) SELECT 'T-OTHER', 'Sam', 'Testchild', '2012-01-01', area_id, 'now' FROM child "
    "LIMIT 1; INSERT INTO decision (child_id, kind, value, proposed_at, supersedes_id, "
    "supersede_reason) SELECT max(id), 'risk-rating', 'low', '2026-11-24T10:00:00Z', %"
    G_GINT64_FORMAT ", 'another child' FROM child", id);
  sqlite3 *db = raw_open (f->path);

  g_assert_cmpint (raw_exec (db, update) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, delete) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, "UPDATE audit_event SET actor = 'someone else'") & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, "DELETE FROM audit_event") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, other_child) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, "ROLLBACK"), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM decision WHERE value = 'medium'"),
                   ==, 1);
}

static void
test_supersede (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rating = NULL;
  gint64 first = confirmed_rating (f, "medium");
  RmmDecisionInput correction = {
    .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "high",
  };
  gint64 second;

  g_assert_cmpint (rmm_store_supersede_decision (f->store, first, &correction, " ", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  second = rmm_store_supersede_decision (f->store, first, &correction,
                                         "Police information received after the meeting.",
                                         &error);
  g_assert_no_error (error);
  rating = rmm_store_get_current_rating (f->store, f->child, NULL);
  g_assert_cmpstr (rating, ==, "medium");    /* until both chairs confirm the correction */
  g_clear_pointer (&rating, g_free);

  g_assert_true (rmm_store_confirm_decision (f->store, second, f->chair1, NULL));
  g_assert_true (rmm_store_confirm_decision (f->store, second, f->chair2, NULL));
  rating = rmm_store_get_current_rating (f->store, f->child, NULL);
  g_assert_cmpstr (rating, ==, "high");

  /* History is a query: the first decision is still there, unchanged. */
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM decision WHERE value = 'medium' "
                                       "AND status = 'confirmed'"), ==, 1);
  g_assert_cmpint (rmm_store_supersede_decision (f->store, first, &correction, "again", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
}

/* A chair's word through the one workflow the chairs' dialog calls: the first word proposes,
 * the second chair's confirms; a dispute keeps the proposal when the same value is decided
 * again and proposes anew when it changed; a confirmed decision is not decided again; and a
 * word that is refused changes nothing. */
static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput medium = {
    .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
  };
  RmmDecisionInput high = medium;
  gint64 first, again, other;

  high.value = "high";
  first = rmm_store_decide (f->store, &medium, NULL, f->chair1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  /* The other chair disagrees; deciding the same value again keeps the disputed proposal. */
  g_assert_cmpint (rmm_store_decide (f->store, &medium, NULL, f->chair2, "Too low", &error), ==,
                   first);
  again = rmm_store_decide (f->store, &medium, NULL, f->chair2, NULL, &error);
  g_assert_cmpint (again, ==, first);
  {
    g_autoptr(RmmDecisionState) state =
      rmm_store_find_meeting_decision (f->store, f->child, f->meeting, RMM_DECISION_KIND_RISK_RATING, NULL);

    g_assert_cmpint (state->status, ==, RMM_DECISION_STATUS_CONFIRMED);
  }
  /* Confirmed: refused, and nothing is written (no new proposal stands at the meeting). */
  g_assert_cmpint (rmm_store_decide (f->store, &high, NULL, f->chair1, NULL, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
  g_clear_error (&error);
  {
    g_autoptr(RmmDecisionState) state =
      rmm_store_find_meeting_decision (f->store, f->child, f->meeting, RMM_DECISION_KIND_RISK_RATING, NULL);
    g_autofree char *rating = rmm_store_get_current_rating (f->store, f->child, NULL);

    g_assert_cmpint (state->id, ==, first);
    g_assert_cmpstr (rating, ==, "medium");
  }

  /* A lead-agency proposal disputed, then decided with another value: a new proposal. */
  {
    RmmDecisionInput lead = {
      .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_LEAD_AGENCY,
      .lead_agency_id = f->agency,
    };

    first = rmm_store_decide (f->store, &lead, NULL, f->chair1, NULL, &error);
    g_assert_cmpint (rmm_store_decide (f->store, &lead, NULL, f->chair2, "Not them", &error), ==,
                     first);
    lead.lead_professional_id = f->chair1;
    other = rmm_store_decide (f->store, &lead, NULL, f->chair1, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (other, !=, first);
  }
}

static void
test_dissent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmDecisionState) state = NULL;
  gint64 outsider = rmm_store_add_professional (f->store, f->agency, "Cy Outsider", "", NULL);
  gint64 id = propose_rating (f, "medium");

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, NULL));
  g_assert_false (rmm_store_record_dissent (f->store, id, f->chair2, "  ", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_record_dissent (f->store, id, outsider, "No", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_record_dissent (f->store, id, f->chair2,
                                           "High: a new adult of concern", &error));
  g_assert_no_error (error);

  /* Disputed: recorded, escalated, and not a decision. */
  state = rmm_store_find_meeting_decision (f->store, f->child, f->meeting, RMM_DECISION_KIND_RISK_RATING, NULL);
  g_assert_cmpint (state->id, ==, id);
  g_assert_cmpint (state->status, ==, RMM_DECISION_STATUS_DISPUTED);
  g_assert_true (state->escalated);
  g_assert_true (state->chair1_confirmed && !state->chair2_confirmed);
  g_assert_cmpstr (state->dissent, ==, "Ben Cochair: High: a new adult of concern");
  {
    g_autofree char *rating = rmm_store_get_current_rating (f->store, f->child, NULL);
    g_assert_cmpstr (rating, ==, "");
  }

  /* A confirmed decision cannot be disputed afterwards. */
  {
    gint64 confirmed = confirmed_rating (f, "high");
    g_assert_false (rmm_store_record_dissent (f->store, confirmed, f->chair1, "No", &error));
    g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
  }
  g_assert_null (rmm_store_find_meeting_decision (f->store, f->child, f->meeting, RMM_DECISION_KIND_LEAD_AGENCY,
                                                  NULL));
}

/* Is one of @problems (sentences from rmm_store_check()) the one containing @what? */
static gboolean
has_problem (GPtrArray  *problems,
             const char *what)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), what) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_audit_chain (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  confirmed_rating (f, "high");
  g_assert_true (rmm_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  /* Every change so far is in the trail: 7 records, 2 confirmations, and the plan and
   * trigger the high rating brought. */
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit_event"), ==, 11);

  /* Someone drops the guard and rewrites who confirmed the decision. */
  rmm_test_write_below_store (f->store, rmm_test_on_server ()
                              ? "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;"
                                "UPDATE audit_event SET actor = 'mallory' WHERE id = 8"
                              : "DROP TRIGGER audit_event_no_update;"
                                "UPDATE audit_event SET actor = 'mallory' WHERE id = 8");

  g_assert_false (rmm_store_check (f->store, &problems, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED);
  g_assert_true (has_problem (problems,
                              "audit event 8: hash does not match, the event was changed"));
  g_assert_true (has_problem (problems, "the trigger “audit_event_no_update” is missing"));
}

static void
test_audit_deletion_detected (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;

  rmm_test_write_below_store (f->store, rmm_test_on_server ()
                              ? "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_delete;"
                                "DELETE FROM audit_event WHERE id = 3"
                              : "DROP TRIGGER audit_event_no_delete;"
                                "DELETE FROM audit_event WHERE id = 3");

  g_assert_false (rmm_store_check (f->store, &problems, NULL));
  g_assert_true (has_problem (problems, "audit event 4 does not follow"));
}

static void
test_audit_records_before_and_after (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 id = propose_rating (f, "low");

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, NULL));
  g_assert_cmpint (raw_count (f->path,
                              "SELECT count(*) FROM audit_event WHERE entity = 'decision' "
                              "AND action = 'update' AND before LIKE '%\"chair2_id\":null%' "
                              "AND after LIKE '%\"status\":\"proposed\"%'"), ==, 1);
}

static void
on_changed (RmmStore   *store,
            const char *entity,
            gint64      id,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, id));
}

static void
test_changed_after_commit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gint64 area;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  g_assert_true (rmm_store_begin (f->store, NULL));
  area = rmm_store_add_area (f->store, "Testshire South", "seraf-4-category", NULL);
  g_assert_cmpuint (seen->len, ==, 0);     /* nothing announced before commit */
  g_assert_true (rmm_store_commit (f->store, NULL));
  g_assert_cmpuint (seen->len, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("area:%" G_GINT64_FORMAT, area);
    g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, expected);
  }

  /* A rolled-back change is neither announced nor stored, nor audited. */
  g_assert_true (rmm_store_begin (f->store, NULL));
  rmm_store_add_area (f->store, "Testshire West", "seraf-4-category", NULL);
  rmm_store_rollback (f->store);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM area"), ==, 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit_event WHERE after LIKE "
                                       "'%Testshire West%'"), ==, 0);
  g_signal_handlers_disconnect_by_func (f->store, on_changed, seen);
}

static void
test_poll_sees_other_process (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RmmStore) other = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, NULL);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  g_assert_false (rmm_store_poll (f->store));
  g_assert_cmpint (rmm_store_add_area (other, "Testshire East", "surrey-3-level", NULL), >, 0);
  /* A server tells of the change a moment after its commit. */
  for (guint i = 0; i < 200 && !rmm_store_poll (f->store); i++)
    g_usleep (5000);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "*:0");
  g_signal_handlers_disconnect_by_func (f->store, on_changed, seen);
}

/* Another program reads the file while a second connection of this process came and went
 * (the app's background check, a backup): the WAL the store writes to must still be the
 * file's, so what it saves after reaches everyone else. Reading the header with an fd of
 * our own and closing it used to drop the process's locks; the other program then took
 * itself for the file's last user and deleted the WAL, and every later save was lost. */
static void
test_second_connection_keeps_the_wal (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *script = "import sqlite3, sys\n"
                       "c = sqlite3.connect(sys.argv[1])\n"
                       "print(c.execute('SELECT count(*) FROM area').fetchone()[0])\n"
                       "c.close()\n";
  int status = -1;

  if (python == NULL)
    {
      g_test_skip ("python3 is needed to read the file from another process");
      return;
    }
  {
    g_autoptr(RmmStore) second = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    g_assert_nonnull (second);
  }
  {
    const char *argv[] = { python, "-c", script, f->path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 NULL, &status, &error));
    g_assert_cmpstr (out, ==, "1\n");
    g_clear_pointer (&out, g_free);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire East", "surrey-3-level", &error), >, 0);
  g_assert_no_error (error);
  {
    const char *argv[] = { python, "-c", script, f->path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 NULL, &status, &error));
    g_assert_cmpstr (out, ==, "2\n");
  }
}

/* A backup of a database with a confirmed rating, at @backup: private, and never written
 * over by a second one. */
static void
back_up (Fixture    *f,
         const char *backup)
{
  g_autoptr(GError) error = NULL;
  struct stat st;

  confirmed_rating (f, "high");
  g_assert_true (rmm_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (rmm_store_backup (f->store, backup, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_EXISTS);
}

/* A backup is a checked copy of every row, trail and all: from a file, or from a server's
 * database into a file for offline reading. */
static void
test_backup_is_a_checked_copy (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->folder, "backup.sqlite", NULL);
  g_autoptr(RmmStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  back_up (f, backup);
  copy = rmm_store_open (backup, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_check (copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (backup, "SELECT count(*) FROM audit_event"), ==,
                   raw_count (f->path, "SELECT count(*) FROM audit_event"));
  g_assert_cmpint (raw_count (backup, "SELECT count(*) FROM decision WHERE status = 'confirmed'"),
                   ==, 1);
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->folder, "backup.sqlite", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  back_up (f, backup);
  /* Work after the backup, then restore: the backup's state returns, the newer one is kept. */
  rmm_store_add_area (f->store, "After The Backup", "surrey-3-level", NULL);
  g_clear_object (&f->store);
  g_assert_true (rmm_store_restore (backup, f->path, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM area"), ==, 1);
  g_assert_cmpint (raw_count (saved, "SELECT count(*) FROM area"), ==, 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM decision WHERE status = 'confirmed'"),
                   ==, 1);
}

/* Automatic backups: each a checked copy, in a private folder beside the database, and only
 * the newest few kept. */
static void
test_auto_backups_rotate (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *folder = rmm_store_get_backup_folder (f->store);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  struct stat st;

  confirmed_rating (f, "high");
  g_assert_true (rmm_store_backup_is_due (f->store));
  for (guint i = 0; i < 5; i++)
    {
      /* Through the session's connection, or (as the app does) a worker's own. */
      char *path = i % 2 ? rmm_auto_backup_file (f->path, "daily", 3, &error)
                         : rmm_store_auto_backup (f->store, "concluded", 3, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_ptr_array_add (made, path);
    }
  g_assert_false (rmm_store_backup_is_due (f->store));
  kept = rmm_store_list_backups (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RmmStore) copy = NULL;

      /* The newest three, oldest first. */
      g_assert_cmpstr (g_ptr_array_index (kept, i), ==, g_ptr_array_index (made, i + 2));
      copy = rmm_store_open (g_ptr_array_index (kept, i), RMM_STORE_OPEN_EXISTING, &error);
      g_assert_no_error (error);
      g_assert_true (rmm_store_check (copy, NULL, &error));
      g_assert_cmpint (raw_count (g_ptr_array_index (kept, i),
                                  "SELECT count(*) FROM decision WHERE status = 'confirmed'"),
                       ==, 1);
    }
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (g_ptr_array_index (kept, 0), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_restore_refuses_bad_backup (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->folder, "tampered.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (rmm_store_backup (f->store, backup, NULL));
  db = raw_open (backup);
  raw_exec (db, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET after = '{}' "
                "WHERE id = 2");
  sqlite3_close (db);

  g_clear_object (&f->store);
  g_assert_false (rmm_store_restore (backup, f->path, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM area"), ==, 1);
}

static void
test_foreign_keys_enforced (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmReferralInput input = {
    .child_id = 424242, .route = "lead-professional", .referrer_name = "Dee Ghost",
    .received_at = "2026-11-20T09:15:00Z",
  };

  g_assert_cmpint (rmm_store_add_referral (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
}

/* A change that breaks a rule of the schema is refused in a sentence of ours, the same on
 * both engines: which record and which field, never the engine's words or the values. */
static void
test_refusal_in_our_words (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire Central", "surrey-3-level", &error),
                   >, 0);
  g_assert_cmpint (rmm_store_add_area (f->store, "Testshire Central", "surrey-3-level", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "The change was refused: another area already has the same name.");
}

/* Who works on which area. A file has one user, its owner: refused. On a server a login is
 * made a role's member of some areas and revoked again, all or nothing, each change in the
 * trail; every bad name is refused with nothing written; and an area with a meeting open
 * keeps its last chair. */
static void
expect_nothing_granted (Fixture                   *f,
                        const char                *role,
                        const char * const        *areas,
                        const char                *login,
                        int                        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_assert_false (rmm_store_grant_role (f->store, login, role, areas, &error));
  g_assert_error (error, RMM_ERROR, code);
  g_clear_error (&error);
  members = rmm_store_list_members (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 0);
}

static guint
count_members (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = rmm_store_list_members (f->store, &error);

  g_assert_no_error (error);
  return members->len;
}

static void
test_area_members (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *north[] = { "Testshire North", NULL };
  const char *nowhere[] = { "Testshire Nowhere", NULL };
  const char *none[] = { NULL };
  RmmAttendanceInput present = { .name = "Ada Chairwell",
                                 .status = RMM_ATTENDANCE_STATUS_PRESENT };

  if (!rmm_test_on_server ())
    {
      expect_nothing_granted (f, "chair", north, "rmm_test_amy", RMM_ERROR_INVALID);
      return;
    }
  rmm_test_write_below_store (f->store,
                              "DO $$ BEGIN "
                              "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rmm_test_amy') "
                              "THEN CREATE ROLE rmm_test_amy LOGIN; END IF; "
                              "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rmm_test_ben') "
                              "THEN CREATE ROLE rmm_test_ben LOGIN; END IF; END $$");

  expect_nothing_granted (f, "bishop", north, "rmm_test_amy", RMM_ERROR_INVALID);
  expect_nothing_granted (f, "chair", nowhere, "rmm_test_amy", RMM_ERROR_NOT_FOUND);
  expect_nothing_granted (f, "chair", none, "rmm_test_amy", RMM_ERROR_INVALID);
  expect_nothing_granted (f, "chair", north, "rmm_test_nobody", RMM_ERROR_NOT_FOUND);

  g_assert_true (rmm_store_grant_role (f->store, "rmm_test_amy", "chair", north, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_grant_role (f->store, "rmm_test_amy", "chair", north, &error));
  g_assert_cmpuint (count_members (f), ==, 1);

  /* The meeting is open: its area keeps its last chair. */
  present.agency_id = f->agency;
  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, &present, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (rmm_store_revoke_role (f->store, "rmm_test_amy", "chair", NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "last chair of Testshire North"));
  g_clear_error (&error);
  g_assert_cmpuint (count_members (f), ==, 1);

  g_assert_true (rmm_store_grant_role (f->store, "rmm_test_ben", "chair", north, &error));
  g_assert_true (rmm_store_revoke_role (f->store, "rmm_test_amy", "chair", north, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_members (f), ==, 1);
  g_assert_false (rmm_store_revoke_role (f->store, "rmm_test_amy", "chair", NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two grants, one refused (unchanged), a revoke: each change in the trail, which holds. */
  g_assert_cmpint (rmm_test_count_in_file (f->store, "SELECT count(*) FROM audit_event "
                                           "WHERE entity = 'area_member'", 0), ==, 3);
  g_assert_true (rmm_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Two logins: the window is told, before the server would refuse, which confirmation this
 * login may not give; the server refuses it all the same. A file has one user: no such
 * setting, nothing withheld. */
static void
test_two_logins (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *not_chair = NULL;
  g_autofree char *other_chair = NULL;
  const char *north[] = { "Testshire North", NULL };
  const char *me = rmm_store_get_actor (f->store);
  gint64 id = propose_rating (f, "medium");

  if (!rmm_test_on_server ())
    {
      g_assert_false (rmm_store_set_two_logins (f->store, TRUE, &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
      g_assert_null (rmm_store_why_not_confirm (f->store, f->child, id, 1));
      g_assert_true (rmm_store_may_see_looks (f->store, f->child));   /* its one user */
      g_assert_true (rmm_store_may_see_police (f->store, f->child));
      g_assert_true (rmm_store_sees_everything (f->store));
      for (RmmRight right = RMM_RIGHT_REFER; right <= RMM_RIGHT_NOTE; right++)
        {
          g_assert_null (rmm_store_why_not_for_child (f->store, right, f->child));
          g_assert_true (rmm_store_holds_right_anywhere (f->store, right));
        }
      return;
    }
  /* The database's owner, though no chair, sees the whole record, who looked included. */
  g_assert_true (rmm_store_sees_everything (f->store));
  g_assert_true (rmm_store_may_see_looks (f->store, f->child));
  g_assert_true (rmm_store_may_see_police (f->store, f->child));
  g_assert_null (rmm_store_why_not_confirm (f->store, f->child, id, 1));   /* off */
  for (RmmRight right = RMM_RIGHT_REFER; right <= RMM_RIGHT_NOTE; right++)
    g_assert_null (rmm_store_why_not_for_child (f->store, right, f->child));
  g_assert_true (rmm_store_set_two_logins (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_get_two_logins (f->store));

  not_chair = rmm_store_why_not_confirm (f->store, f->child, id, 1);
  g_assert_cmpstr (not_chair, ==, "Only a chair of Testshire North can confirm a decision.");
  g_assert_false (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_nonnull (strstr (error->message, "Only a chair of Testshire North"));
  g_clear_error (&error);

  g_assert_true (rmm_store_grant_role (f->store, me, "chair", north, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_may_see_looks (f->store, f->child));
  g_assert_null (rmm_store_why_not_confirm (f->store, f->child, id, 1));
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_no_error (error);
  other_chair = rmm_store_why_not_confirm (f->store, f->child, id, 2);
  g_assert_nonnull (other_chair);
  g_assert_nonnull (strstr (other_chair, "each chair confirms from their own"));
  g_assert_false (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_nonnull (strstr (error->message, "two different chairs' logins"));
  g_clear_error (&error);
  g_assert_true (rmm_store_revoke_role (f->store, me, "chair", NULL, &error));
  g_assert_true (rmm_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_FILE(path, func, why) \
  RMM_TEST_ADD_FILE_ONLY (path, Fixture, fixture_set_up, func, fixture_tear_down, why)
  ADD_FILE ("/store/migrate/from-empty", test_migrate_from_empty,
            "a new file is made and migrated on open; a server is set up by rmmctl server init (postgresql-server-init)");
  ADD ("/store/migrate/reopen", test_reopen_keeps_data);
  ADD_FILE ("/store/migrate/close-empties-journal", test_close_empties_journal,
            "the write-ahead log is a file’s");
  ADD ("/store/migrate/newer-schema-refused", test_newer_schema_refused);
  ADD ("/store/open/bad-files", test_bad_files);
  ADD_FILE ("/store/open/truncated", test_truncated_file,
            "a truncated file");
  ADD ("/store/open/foreign", test_foreign_database);
  ADD_FILE ("/store/open/read-only", test_read_only_file,
            "a file’s permissions");
  ADD ("/store/open/locked", test_locked_file);
  ADD ("/store/people/areas-children", test_area_and_people);
  ADD ("/store/refusal-in-our-words", test_refusal_in_our_words);
  ADD ("/store/referral/add", test_referral);
  ADD ("/store/meeting/add-list-agenda", test_meetings_and_agenda);
  ADD ("/store/decision/both-chairs", test_decision_needs_both_chairs);
  ADD_FILE ("/store/decision/refuses-update", test_confirmed_decision_refuses_change,
            "the server’s guards are tested by postgresql-schema");
  ADD ("/store/decision/supersede", test_supersede);
  ADD ("/store/decision/dissent", test_dissent);
  ADD ("/store/decision/decide", test_decide);
  ADD ("/store/audit/tamper-detected", test_audit_chain);
  ADD ("/store/audit/deletion-detected", test_audit_deletion_detected);
  ADD ("/store/audit/before-after", test_audit_records_before_and_after);
  ADD ("/store/changed/after-commit", test_changed_after_commit);
  ADD ("/store/changed/other-process", test_poll_sees_other_process);
  ADD_FILE ("/store/locks/second-connection-keeps-the-wal", test_second_connection_keeps_the_wal,
            "the write-ahead log is a file’s");
  ADD ("/store/backup/checked-copy", test_backup_is_a_checked_copy);
  ADD_FILE ("/store/backup/restore", test_backup_and_restore, "restoring a file from its backups");
  ADD_FILE ("/store/backup/restore-refuses-bad", test_restore_refuses_bad_backup,
            "restoring a file from its backups");
  ADD_FILE ("/store/backup/automatic-rotated", test_auto_backups_rotate,
            "a server’s backups are its operators’ (pg_dump, replication)");
  ADD ("/store/constraints/foreign-keys", test_foreign_keys_enforced);
  ADD ("/store/members/granted-and-revoked", test_area_members);
  ADD ("/store/members/two-logins", test_two_logins);
#undef ADD_FILE
#undef ADD

  return g_test_run ();
}
