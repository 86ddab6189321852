/* rmm-test-support.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rmm-server.h"
#include "rmm-test-support.h"

/* A new private folder for one test's files. */
char *
rmm_test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("rmm-test-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* The folder and everything in it: databases with their -wal and -shm, CSV files, copies. */
void
rmm_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rmm_test_remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

/* The audit trail's newest event: every change moves it, so an unchanged mark is a store
 * that wrote nothing. */
gint64
rmm_test_change_mark (RmmStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 mark = rmm_store_get_change_mark (store, &error);

  g_assert_no_error (error);
  return mark;
}

gboolean
rmm_test_has_open_plan (RmmStore *store,
                        gint64    child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmChildRecord) child = rmm_store_get_child_record (store, child_id, &error);

  g_assert_no_error (error);
  return child->has_open_plan;
}

/* The child's triggers, of one rule or (@rule_id NULL) any. */
guint
rmm_test_count_triggers (RmmStore   *store,
                         gint64      child_id,
                         const char *rule_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) triggers = rmm_store_list_triggers (store, child_id, FALSE, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < triggers->len; i++)
    {
      RmmTrigger *trigger = g_ptr_array_index (triggers, i);

      n += rule_id == NULL || g_strcmp0 (trigger->rule_id, rule_id) == 0;
    }
  return n;
}

static GListModel *
list_meetings (RmmStore *store,
               gint64    area_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *meetings = rmm_store_list_meetings (store, area_id, &error);

  g_assert_no_error (error);
  return meetings;
}

/* The area's meeting on @day (YYYY-MM-DD), or 0. */
gint64
rmm_test_find_meeting_on (RmmStore   *store,
                          gint64      area_id,
                          const char *day)
{
  g_autoptr(GListModel) meetings = list_meetings (store, area_id);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_str_equal (rmm_meeting_get_meets_on (meeting), day))
        return rmm_meeting_get_id (meeting);
    }
  return 0;
}

guint
rmm_test_count_meetings_on (RmmStore   *store,
                            gint64      area_id,
                            const char *day)
{
  g_autoptr(GListModel) meetings = list_meetings (store, area_id);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);

      n += g_str_equal (rmm_meeting_get_meets_on (meeting), day);
    }
  return n;
}

/* The meeting's agenda item @item_id (removed ones included); NULL if it has none. */
RmmAgendaItem *
rmm_test_find_item (RmmStore *store,
                    gint64    meeting_id,
                    gint64    item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = rmm_store_list_agenda (store, meeting_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (agenda, i);

      if (rmm_agenda_item_get_id (item) == item_id)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* Runs @sql (taken) on the test server's database @conninfo, past the store. */
static void
server_exec (const char *conninfo,
             char       *sql)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
  g_free (sql);
}

/* The count @sql (its one ?, if any, as @param) reads on the test server's database. */
static gint64
server_count (const char *conninfo,
              const char *sql,
              gint64      param)
{
  g_auto(GStrv) parts = g_strsplit (sql, "?", 2);
  g_autofree char *text = g_strjoinv ("$1", parts);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, param);
  const char *values[] = { value };
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;
  gint64 count;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexecParams (conn, text, parts[1] != NULL ? 1 : 0, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    g_error ("%s: %s", text, PQerrorMessage (conn));
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return count;
}

/* Writes @sql into the store's file as another program (or an older RMM Desk) would: past
 * the store, its rules and its audit trail. For tests of what the store makes of such a
 * file; every other test goes through the store. */
void
rmm_test_write_below_store (RmmStore   *store,
                            const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (rmm_test_on_server ())
    {
      server_exec (rmm_store_get_path (store), g_strdup (sql));
      return;
    }
  g_assert_cmpint (sqlite3_open_v2 (rmm_store_get_path (store), &db, SQLITE_OPEN_READWRITE,
                                    NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* An oracle: the number @sql (binding @param to any ?) counts in the store's file, read
 * with sqlite3 directly, independently of the store's own readers. */
gint64
rmm_test_count_in_file (RmmStore   *store,
                        const char *sql,
                        gint64      param)
{
  return rmm_test_count_at (rmm_store_get_path (store), sql, param);
}

/* The same, at a database no store has open: a file's path or a server's address. */
gint64
rmm_test_count_at (const char *location,
                   const char *sql,
                   gint64      param)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  if (rmm_server_is_connection_string (location))
    return server_count (location, sql, param);
  g_assert_cmpint (sqlite3_open_v2 (location, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* A connection past the store to a database (a file, or the test server's), for tests of
 * what check finds when someone writes there. */
struct _RmmTestRaw
{
  sqlite3 *file;
  PGconn  *server;
};

RmmTestRaw *
rmm_test_raw_open (const char *location)
{
  RmmTestRaw *raw = g_new0 (RmmTestRaw, 1);

  if (rmm_server_is_connection_string (location))
    {
      raw->server = PQconnectdb (location);
      g_assert_cmpint (PQstatus (raw->server), ==, CONNECTION_OK);
    }
  else
    g_assert_cmpint (sqlite3_open (location, &raw->file), ==, SQLITE_OK);
  return raw;
}

void
rmm_test_raw_exec (RmmTestRaw *raw,
                   const char *sql)
{
  char *message = NULL;

  if (raw->server != NULL)
    {
      PGresult *result = PQexec (raw->server, sql);

      if (PQresultStatus (result) != PGRES_COMMAND_OK &&
          PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQerrorMessage (raw->server));
      PQclear (result);
    }
  else if (sqlite3_exec (raw->file, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
rmm_test_raw_close (RmmTestRaw *raw)
{
  if (raw->server != NULL)
    PQfinish (raw->server);
  else
    sqlite3_close (raw->file);
  g_free (raw);
}

/* Do the tests run against the throw-away PostgreSQL server (tests/postgresql/with-cluster
 * and RMM_TEST_ENGINE=postgresql)? */
gboolean
rmm_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("RMM_TEST_ENGINE"), "postgresql") == 0;
}

/* A new, empty RMM Desk database on the test server: a copy of one set up once per process
 * by "rmmctl server init"'s own code. */
static char *
make_server_database (void)
{
  static guint made;
  static char *template_name;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (template_name == NULL)
    {
      g_autofree char *conninfo = NULL;

      template_name = g_strdup_printf ("rmm_template_%d", getpid ());
      server_exec ("dbname=postgres", g_strdup_printf ("CREATE DATABASE %s", template_name));
      conninfo = g_strdup_printf ("dbname=%s", template_name);
      g_assert_true (rmm_server_init (conninfo, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  name = g_strdup_printf ("rmm_test_%d_%u", getpid (), ++made);
  server_exec ("dbname=postgres", g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name,
                                              template_name));
  return g_strdup_printf ("dbname=%s", name);
}

/* Where a test's new database is: a file in @folder (not made yet), or a new, empty RMM Desk
 * database on the test server. */
char *
rmm_test_new_database (const char *folder)
{
  if (rmm_test_on_server ())
    return make_server_database ();
  return g_build_filename (folder, "rmm.sqlite", NULL);
}

/* A new, empty database for a test, opened. */
RmmStore *
rmm_test_open_store (const char  *folder,
                     GError     **error)
{
  g_autofree char *location = rmm_test_new_database (folder);

  return rmm_store_open (location, RMM_STORE_OPEN_CREATE, error);
}

static void
skip_test (gconstpointer reason)
{
  g_test_skip (reason);
}

/* Adds @path as a test skipped on the server, for @reason (what only an SQLite file has). */
void
rmm_test_add_skipped (const char *path,
                      const char *reason)
{
  g_test_add_data_func (path, reason, skip_test);
}

/* Skips the rest of a test about what only an SQLite file has; TRUE when skipped. */
gboolean
rmm_test_skip_on_server (const char *what)
{
  g_autofree char *reason = NULL;

  if (!rmm_test_on_server ())
    return FALSE;
  reason = g_strdup_printf ("%s: only an SQLite file has that", what);
  g_test_skip (reason);
  return TRUE;
}

void
rmm_test_store_set_up (RmmTestStore  *t,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  t->folder = rmm_test_make_folder ();
  t->store = rmm_test_open_store (t->folder, &error);
  g_assert_no_error (error);
  rmm_test_store_at (t, "2026-09-01T09:00:00Z");
  t->area = rmm_store_add_area (t->store, "Testshire North", "surrey-3-level", &error);
  t->agency = rmm_store_add_agency (t->store, "Testshire Children’s Services",
                                    "childrens-services", &error);
  t->chair1 = rmm_store_add_professional (t->store, t->agency, "Ada Chairwell", "", &error);
  t->chair2 = rmm_store_add_professional (t->store, t->agency, "Ben Cochair", "", &error);
  g_assert_no_error (error);
}

void
rmm_test_store_tear_down (RmmTestStore  *t,
                          gconstpointer  data)
{
  g_assert_finalize_object (t->store);
  rmm_test_remove_folder (t->folder);
  g_free (t->folder);
}

/* The store's clock, as an ISO 8601 time. */
void
rmm_test_store_at (RmmTestStore *t,
                   const char   *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  rmm_store_set_clock (t->store, when);
}

/* A child of the area, first name as @reference. */
gint64
rmm_test_store_add_child (RmmTestStore *t,
                          const char   *reference,
                          const char   *born)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = {
    .reference = reference, .first_name = reference, .last_name = "Testchild",
    .date_of_birth = born, .area_id = t->area,
  };
  gint64 id = rmm_store_add_child (t->store, &input, &error);

  g_assert_no_error (error);
  return id;
}

/* A decision proposed and confirmed by both chairs (@meeting_id 0: outside a meeting); a
 * closure with its reasons. */
gint64
rmm_test_store_decide (RmmTestStore    *t,
                       gint64           child_id,
                       gint64           meeting_id,
                       RmmDecisionKind  kind,
                       const char      *value)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = child_id, .meeting_id = meeting_id, .kind = kind, .value = value,
  };
  gint64 id = rmm_store_propose_decision (t->store, &input, &error);

  g_assert_no_error (error);
  if (kind == RMM_DECISION_KIND_CLOSURE)
    {
      RmmClosureInput closure = { .reasons = "Risk reduced and sustained" };

      g_assert_cmpint (rmm_store_add_closure_record (t->store, id, &closure, &error), >, 0);
    }
  g_assert_true (rmm_store_confirm_decision (t->store, id, t->chair1, &error));
  g_assert_true (rmm_store_confirm_decision (t->store, id, t->chair2, &error));
  g_assert_no_error (error);
  return id;
}
