/* test-demo.c: the demo database is complete, deterministic and fictitious-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-error.h"

typedef struct
{
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = rmm_test_make_folder ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static void
small_options (RmmDemoOptions *options,
               guint32         seed)
{
  rmm_demo_options_init (options);
  options->n_children = 150;
  options->years = 1;
  options->seed = seed;
  g_assert_true (rmm_date_parse ("2026-11-23", &options->today));
}

static char *
make_demo (Fixture    *f,
           const char *name,
           guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;
  char *path = g_build_filename (f->folder, name, NULL);
  RmmDemoOptions options;

  small_options (&options, seed);
  store = rmm_demo_create (path, &options, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_is_demo (store));
  return path;
}

/* A digest of every row of every table, in order: equal digests, equal databases. */
static char *
content_digest (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name <> 'schema_version' ORDER BY name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2",
                                              (char *)g_ptr_array_index (tables, t));

      g_checksum_update (checksum, g_ptr_array_index (tables, t), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);
            g_checksum_update (checksum, text ? text : (const guchar *)"\\N", -1);
            g_checksum_update (checksum, (const guchar *)"|", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = make_demo (f, "one.sqlite", 7);
  g_autofree char *second = make_demo (f, "two.sqlite", 7);
  g_autofree char *other = make_demo (f, "three.sqlite", 8);
  g_autofree char *digest_first = content_digest (first);
  g_autofree char *digest_second = content_digest (second);
  g_autofree char *digest_other = content_digest (other);

  g_assert_cmpstr (digest_first, ==, digest_second);
  g_assert_cmpstr (digest_first, !=, digest_other);
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = make_demo (f, "demo.sqlite", 1);
  g_autoptr(RmmStore) store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, NULL);
  sqlite3 *db = NULL;

  g_assert_true (rmm_store_check (store, NULL, NULL));
  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  /* Both frameworks, agencies and professionals. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT framework) FROM area"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM agency"), >=, 8);
  g_assert_cmpint (count (db, "SELECT count(*) FROM child"), ==, 150);
  g_assert_cmpint (count (db, "SELECT count(*) FROM referral"), ==, 150);
  g_assert_cmpint (count (db, "SELECT count(*) FROM assessment_vulnerability"), >, 150);
  /* Past meetings signed off with confirmed decisions; next week's ready to run. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting WHERE status = 'signed-off'"), >, 250);
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting WHERE status = 'planned' "
                              "AND meets_on BETWEEN '2026-11-23' AND '2026-11-30'"), >=, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item i JOIN meeting m "
                              "ON m.id = i.meeting_id WHERE m.status = 'planned'"), >, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM decision WHERE status = 'confirmed' "
                              "AND kind = 'risk-rating'"), >, 100);
  g_assert_cmpint (count (db, "SELECT count(*) FROM decision WHERE kind = 'lead-agency'"), >, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM attendance"), >, 250);
  /* Safety plans with versions and actions in every state. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM safety_plan_version WHERE version > 1"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT status) FROM plan_action"), ==, 5);
  /* Open and answered triggers, both kinds of answer. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM strategy_trigger t WHERE NOT EXISTS "
                              "(SELECT 1 FROM trigger_response r WHERE r.trigger_id = t.id)"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT convened) FROM trigger_response"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM missing_episode"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM closure"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM transition"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM concern_not_referred"), >, 0);
  sqlite3_close (db);
}

static void
test_refuses_overwrite (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = make_demo (f, "demo.sqlite", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) again = NULL;
  RmmDemoOptions options;

  small_options (&options, 2);
  again = rmm_demo_create (path, &options, FALSE, &error);
  g_assert_null (again);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_EXISTS);
  g_clear_error (&error);

  again = rmm_demo_create (path, &options, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/demo/deterministic", Fixture, NULL, fixture_set_up, test_deterministic,
              fixture_tear_down);
  g_test_add ("/demo/complete", Fixture, NULL, fixture_set_up, test_complete, fixture_tear_down);
  g_test_add ("/demo/refuses-overwrite", Fixture, NULL, fixture_set_up, test_refuses_overwrite,
              fixture_tear_down);
  return g_test_run ();
}
