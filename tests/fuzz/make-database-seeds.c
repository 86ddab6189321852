/* make-database-seeds.c: the seed corpus of fuzz-database, small real RMM Desk databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-database-seeds DIR
 *
 * Writes into DIR: an empty database at every schema version (so that the migrations are
 * fuzzed too), a small one with a meeting, decisions, a plan and a trigger made through the
 * store (so its audit trail is real and `check` passes), and a foreign SQLite file. Each is
 * rewritten with 512-byte pages and vacuumed, a few tens of KB, so that mutations reach
 * every page. Fictitious people only.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "rmm-core-resources.h"
#include "rmm-store.h"

#define MIGRATIONS_PATH "/org/rmmdesk/RmmDesk/core/migrations/sqlite"

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Small pages, no free space, and back to WAL as RMM Desk keeps its files (@wal), or in
 * the rollback-journal mode most other programs leave theirs in. */
static void
compact (const char *path,
         gboolean    wal)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("cannot open %s", path);
  exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;");
  if (wal)
    exec (db, "PRAGMA journal_mode = WAL;");
  sqlite3_close (db);
}

static void
remove_journals (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* An empty database as RMM Desk at schema @version left it: the store's own migrations, in
 * order, each recorded in schema_version, as rmm-store.c applies them. */
static void
make_old_schema (const char *path,
                 guint       version)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  sqlite3 *db = NULL;

  rmm_core_get_resource ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);
  g_assert (version <= sorted->len);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("cannot create %s", path);
  exec (db, "PRAGMA journal_mode = WAL; BEGIN;"
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "  version    INTEGER PRIMARY KEY,"
            "  applied_at TEXT NOT NULL)");
  for (guint i = 0; i < version; i++)
    {
      g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH,
                                                (char *)g_ptr_array_index (sorted, i), NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autofree char *record = g_strdup_printf ("INSERT INTO schema_version VALUES "
                                                 "(%u, '2026-01-05T09:00:00Z')", i + 1);

      exec (db, sql);
      exec (db, record);
    }
  exec (db, "COMMIT");
  sqlite3_close (db);
}

static RmmStore *
create (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 16, 9, 30, 0);
  RmmStore *store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  rmm_store_set_clock (store, now);
  rmm_store_set_actor (store, "fuzz.seed");
  return store;
}

#define OK(call) G_STMT_START { if (!(call)) g_error ("%s: %s", #call, error->message); } G_STMT_END

/* Two areas, agencies and professionals, two children with referrals, a meeting that rated
 * one (with its plan and an action) and a trigger on the other. */
static void
make_small (const char *path)
{
  g_autoptr(RmmStore) store = create (path);
  g_autoptr(GError) error = NULL;
  gint64 north, west, social_care, family, police, chair1, chair2, worker, meeting;
  gint64 robin, sky, item, decision, plan;

  OK (north = rmm_store_add_area (store, "Testshire North", "surrey-3-level", &error));
  OK (west = rmm_store_add_area (store, "Cwm Prawf", "seraf-4-category", &error));
  OK (social_care = rmm_store_add_agency (store, "Testshire Children’s Services",
                                          "childrens-services", &error));
  OK (family = rmm_store_add_agency (store, "Testshire Family Services", "family-services",
                                     &error));
  OK (police = rmm_store_add_agency (store, "Testshire Constabulary", "police", &error));
  OK (chair1 = rmm_store_add_professional (store, social_care, "Ada Chairwell", "chair",
                                           &error));
  OK (chair2 = rmm_store_add_professional (store, family, "Ben Cochair", "chair", &error));
  OK (worker = rmm_store_add_professional (store, family, "Cai Keyworker", "", &error));
  {
    RmmChildInput child = {
      .reference = "FZ-0001", .first_name = "Robin", .last_name = "Testchild",
      .date_of_birth = "2011-03-04", .gender = "female", .area_id = north,
      .school = "Testshire Academy", .social_worker_id = worker,
    };
    OK (robin = rmm_store_add_child (store, &child, &error));
    child = (RmmChildInput) {
      .reference = "FZ-0002", .first_name = "Sky", .last_name = "Exampleson",
      .date_of_birth = "2009-12-31", .area_id = west,
    };
    OK (sky = rmm_store_add_child (store, &child, &error));
  }
  {
    RmmReferralInput referral = {
      .child_id = robin, .route = "single-point-of-access", .referrer_name = "Dee Referrer",
      .referrer_agency_id = police, .received_at = "2026-11-09T10:15:00Z",
      .concern_summary = "Seen with older men at the station; “gifts” of a phone.",
      .source = "fuzz seed",
    };
    OK (rmm_store_add_referral (store, &referral, &error));
    referral.child_id = sky;
    referral.route = "lead-professional";
    referral.concern_summary = "Missing overnight twice; عائلة, 家族 — mixed scripts.";
    OK (rmm_store_add_referral (store, &referral, &error));
  }
  OK (meeting = rmm_store_add_meeting (store, north, "2026-11-16", chair1, chair2, worker,
                                       &error));
  OK (item = rmm_store_add_agenda_item (store, meeting, robin, "new-referral", &error));
  {
    RmmDecisionInput rating = {
      .child_id = robin, .meeting_id = meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
      .rationale = "Two disclosures this month.",
    };
    OK (decision = rmm_store_propose_decision (store, &rating, &error));
    OK (rmm_store_confirm_decision (store, decision, chair1, &error));
    OK (rmm_store_confirm_decision (store, decision, chair2, &error));
  }
  {
    RmmPlanInput input = {
      .child_id = robin, .meeting_id = meeting, .risks = "Contact with unknown adults online.",
      .protective_factors = "Attends school; close to her aunt.",
      .child_views = "Wants her phone back.", .review_on = "2026-12-14",
    };
    RmmActionInput action = {
      .child_id = robin, .meeting_id = meeting, .description = "Return-home interview",
      .owner_id = worker, .agency_id = family, .due_on = "2026-11-23", .family_visible = TRUE,
    };
    OK (plan = rmm_store_save_plan_version (store, &input, &error));
    OK (rmm_store_add_plan_action (store, &action, &error));
  }
  OK (rmm_store_set_minute_text (store, item, "Discussed; plan agreed.", 0, &error) >= 0);
  OK (rmm_store_raise_trigger (store, sky, "Missing three times in 28 days.", &error));
  (void)plan;
}

static void
make_foreign (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("cannot create %s", path);
  exec (db, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT);"
            "INSERT INTO note (text) VALUES ('not an RMM Desk database');");
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  guint known = rmm_store_get_known_schema_version ();
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);

  if (argc != 2 || !g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      g_printerr ("usage: make-database-seeds DIR\n");
      return EXIT_FAILURE;
    }

  for (guint version = 1; version < known; version++)
    {
      char *path = g_strdup_printf ("%s/schema-%u-empty.sqlite", argv[1], version);

      make_old_schema (path, version);
      g_ptr_array_add (made, path);
    }
  {
    char *path = g_strdup_printf ("%s/empty.sqlite", argv[1]);

    g_object_unref (create (path));
    g_ptr_array_add (made, path);
  }
  g_ptr_array_add (made, g_strdup_printf ("%s/small.sqlite", argv[1]));
  make_small (g_ptr_array_index (made, made->len - 1));
  g_ptr_array_add (made, g_strdup_printf ("%s/foreign.sqlite", argv[1]));
  make_foreign (g_ptr_array_index (made, made->len - 1));

  for (guint i = 0; i < made->len; i++)
    {
      const char *path = g_ptr_array_index (made, i);
      GStatBuf st;

      compact (path, !g_str_has_suffix (path, "/foreign.sqlite"));
      remove_journals (path);
      g_stat (path, &st);
      g_print ("%s: %ld bytes\n", path, (long)st.st_size);
    }
  return EXIT_SUCCESS;
}
