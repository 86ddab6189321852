/* rmm-test-support.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

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

/* Writes @sql into the store's file as another program (or an older RMM Desk) would: past
 * the store, its rules and its audit trail. For tests of what the store makes of such a
 * file; every other test goes through the store. */
void
rmm_test_write_below_store (RmmStore   *store,
                            const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

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
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (rmm_store_get_path (store), &db, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
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

void
rmm_test_store_set_up (RmmTestStore  *t,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  t->folder = rmm_test_make_folder ();
  path = g_build_filename (t->folder, "rmm.sqlite", NULL);
  t->store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
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
