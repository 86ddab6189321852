/* test-demo.c: the demo database is complete, deterministic and fictitious-only, and its
 * history tells the truth: nothing recorded before it happened, every agenda reason and every
 * path of the meeting shown, professionals and children never sharing a name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rmm-agenda-item.h"
#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-error.h"
#include "rmm-meeting.h"
#include "rmm-working-calendar.h"

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


/* The scans read one demo of the default size (what a new user sees), made once. */
static char *shared_folder;
static char *shared_path;

static const char *
shared_demo (void)
{
  if (shared_path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RmmStore) store = NULL;
      RmmDemoOptions options;

      rmm_demo_options_init (&options);
      g_assert_true (rmm_date_parse ("2026-11-23", &options.today));
      shared_folder = rmm_test_make_folder ();
      shared_path = g_build_filename (shared_folder, "shared.sqlite", NULL);
      store = rmm_demo_create (shared_path, &options, FALSE, &error);
      g_assert_no_error (error);
    }
  return shared_path;
}

static sqlite3 *
open_shared (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (shared_demo (), &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  return db;
}

/* @sql selects the rows that break a rule: there must be none. On failure, the first few
 * rows say which. */
static void
assert_none (sqlite3    *db,
             const char *rule,
             const char *sql)
{
  g_autofree char *limited = g_strdup_printf ("SELECT * FROM (%s) LIMIT 5", sql);
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, limited, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (rows, "\n  ");
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (rows, "%s%s", c ? " | " : "",
                                (const char *)sqlite3_column_text (stmt, c) ?: "NULL");
    }
  sqlite3_finalize (stmt);
  if (rows->len > 0)
    g_error ("%s, yet:%s", rule, rows->str);
}

/* Nothing is recorded at a meeting before it happened, and nothing after today. */
static void
test_in_time (void)
{
  sqlite3 *db = open_shared ();

  assert_none (db, "A trigger is answered at a meeting after it was raised",
               "SELECT t.id, t.raised_at, m.meets_on FROM trigger_response r "
               "JOIN strategy_trigger t ON t.id = r.trigger_id "
               "JOIN meeting m ON m.id = r.meeting_id "
               "WHERE substr(t.raised_at, 1, 10) >= m.meets_on");
  assert_none (db, "A strategy discussion is reported once held, after its trigger",
               "SELECT r.id, t.raised_at, r.convened_on, m.meets_on FROM trigger_response r "
               "JOIN strategy_trigger t ON t.id = r.trigger_id "
               "JOIN meeting m ON m.id = r.meeting_id "
               "WHERE r.convened AND (r.convened_on >= m.meets_on "
               "                      OR r.convened_on < substr(t.raised_at, 1, 10))");
  assert_none (db, "A trigger response is recorded and confirmed on its meeting's day",
               "SELECT r.id, r.recorded_at, m.meets_on FROM trigger_response r "
               "JOIN meeting m ON m.id = r.meeting_id "
               "WHERE substr(r.recorded_at, 1, 10) <> m.meets_on "
               "   OR substr(r.chair1_confirmed_at, 1, 10) <> m.meets_on "
               "   OR substr(r.chair2_confirmed_at, 1, 10) <> m.meets_on");
  assert_none (db, "A meeting's decision is proposed by its day and confirmed on it",
               "SELECT d.id, d.kind, d.proposed_at, d.chair2_confirmed_at, m.meets_on "
               "FROM decision d JOIN meeting m ON m.id = d.meeting_id "
               "WHERE substr(d.proposed_at, 1, 10) > m.meets_on "
               "   OR (d.status = 'confirmed' "
               "       AND (substr(d.chair1_confirmed_at, 1, 10) <> m.meets_on "
               "            OR substr(d.chair2_confirmed_at, 1, 10) <> m.meets_on))");
  assert_none (db, "A plan version is written on its meeting's day",
               "SELECT v.id, v.created_at, m.meets_on FROM safety_plan_version v "
               "JOIN meeting m ON m.id = v.meeting_id "
               "WHERE substr(v.created_at, 1, 10) <> m.meets_on");
  assert_none (db, "An action is reviewed at a later meeting than agreed it, and found not "
                   "done only once due",
               "SELECT x.id, x.status, x.due_on, a.meets_on, m.meets_on FROM plan_action x "
               "JOIN meeting a ON a.id = x.meeting_id "
               "JOIN meeting m ON m.id = x.status_meeting_id "
               "WHERE m.meets_on <= a.meets_on OR x.due_on <= a.meets_on "
               "   OR (x.status IN ('not-done-agency', 'carried-forward') "
               "       AND x.due_on > m.meets_on)");
  assert_none (db, "A closure closes the plan on its meeting's day",
               "SELECT d.id, p.closed_on, m.meets_on FROM decision d "
               "JOIN meeting m ON m.id = d.meeting_id "
               "JOIN safety_plan p ON p.closure_decision_id = d.id "
               "WHERE p.closed_on <> m.meets_on");
  assert_none (db, "A child is discussed only after the referral",
               "SELECT i.id, r.received_at, m.meets_on FROM agenda_item i "
               "JOIN meeting m ON m.id = i.meeting_id "
               "JOIN referral r ON r.child_id = i.child_id "
               "WHERE m.status = 'signed-off' AND substr(r.received_at, 1, 10) >= m.meets_on");
  assert_none (db, "A missing episode is recorded once the child is back",
               "SELECT id, ended_at, recorded_at FROM missing_episode "
               "WHERE ended_at IS NULL OR ended_at > recorded_at OR started_at > ended_at");
  assert_none (db, "Nothing is recorded after today",
               "SELECT id, at, entity FROM audit_event WHERE at >= '2026-11-24'");
  assert_none (db, "Only held meetings have items discussed or deferred",
               "SELECT i.id, m.meets_on, i.status FROM agenda_item i "
               "JOIN meeting m ON m.id = i.meeting_id "
               "WHERE (m.meets_on < '2026-11-23') <> (i.status IN ('discussed', 'deferred'))");
  sqlite3_close (db);
}

/* Every meeting, held or coming, is on a working day: a bank holiday's moved to the next. */
static void
test_meeting_days (void)
{
  sqlite3 *db = open_shared ();
  sqlite3_stmt *stmt = NULL;
  guint n_meetings = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT meets_on FROM meeting", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *meets_on = (const char *)sqlite3_column_text (stmt, 0);
      GDate day;

      g_assert_true (rmm_date_parse (meets_on, &day));
      if (!rmm_working_calendar_is_working_day (rmm_working_calendar_get_default (), &day))
        g_error ("A meeting on %s, which is not a working day", meets_on);
      n_meetings++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n_meetings, >, 100);
}

static const char *agenda_reasons[] = {
  "trigger", "new-referral", "review-due", "closure", "overdue-actions", "transition",
  "early-help-check", "added-by-chair",
};

/* Every reason the agenda knows is on some held meeting's agenda and on some coming one
 * (read through the store, as the app shows them); and a held meeting's "trigger" is true of
 * its day. */
static void
test_agenda_reasons (void)
{
  g_autoptr(RmmStore) store = rmm_store_open (shared_demo (), RMM_STORE_OPEN_EXISTING, NULL);
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (store, 0, NULL);
  g_autoptr(GHashTable) past = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) coming = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db;

  g_assert_nonnull (meetings);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);
      gboolean held = g_str_equal (rmm_meeting_get_status (meeting), "signed-off");
      g_autoptr(GListModel) agenda = rmm_store_list_agenda (store, rmm_meeting_get_id (meeting),
                                                           NULL);

      g_assert_nonnull (agenda);
      for (guint j = 0; j < g_list_model_get_n_items (agenda); j++)
        {
          g_autoptr(RmmAgendaItem) item = g_list_model_get_item (agenda, j);

          for (guint r = 0; r < G_N_ELEMENTS (agenda_reasons); r++)
            if (rmm_agenda_item_has_reason (item, agenda_reasons[r]))
              g_hash_table_add (held ? past : coming, (gpointer)agenda_reasons[r]);
        }
    }
  for (guint r = 0; r < G_N_ELEMENTS (agenda_reasons); r++)
    {
      if (!g_hash_table_contains (past, agenda_reasons[r]))
        g_error ("No held meeting's agenda has the reason %s", agenda_reasons[r]);
      if (!g_hash_table_contains (coming, agenda_reasons[r]))
        g_error ("No coming meeting's agenda has the reason %s", agenda_reasons[r]);
    }

  /* A trigger open at a held meeting: raised before its day, not answered at an earlier one. */
  db = open_shared ();
  assert_none (db, "A held meeting's item says trigger exactly when one was open",
               "SELECT i.id, i.reasons, m.meets_on FROM agenda_item i "
               "JOIN meeting m ON m.id = i.meeting_id "
               "WHERE m.status = 'signed-off' "
               "  AND (' ' || i.reasons || ' ' LIKE '% trigger %') <> EXISTS "
               "      (SELECT 1 FROM strategy_trigger t WHERE t.child_id = i.child_id "
               "       AND substr(t.raised_at, 1, 10) < m.meets_on "
               "       AND NOT EXISTS (SELECT 1 FROM trigger_response r "
               "                       JOIN meeting rm ON rm.id = r.meeting_id "
               "                       WHERE r.trigger_id = t.id AND rm.meets_on < m.meets_on))");
  assert_none (db, "A held meeting's item says overdue-actions only for an action agreed "
               "earlier and past its date",
               "SELECT i.id, m.meets_on FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
               "WHERE m.status = 'signed-off' "
               "  AND ' ' || i.reasons || ' ' LIKE '% overdue-actions %' "
               "  AND NOT EXISTS (SELECT 1 FROM plan_action x "
               "                  JOIN safety_plan p ON p.id = x.plan_id "
               "                  JOIN meeting a ON a.id = x.meeting_id "
               "                  WHERE p.child_id = i.child_id AND a.area_id = m.area_id "
               "                  AND a.meets_on < m.meets_on AND x.due_on < m.meets_on)");
  /* And no action is left outstanding: one past its date is reviewed at the first held
   * meeting that discusses its child (a deferred item reviews nothing). */
  assert_none (db, "An action was left outstanding past a meeting that discussed its child",
               "SELECT x.id, x.due_on FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id "
               "WHERE x.status = 'open' AND p.closed_on IS NULL "
               "  AND EXISTS (SELECT 1 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
               "              WHERE i.child_id = p.child_id AND i.status = 'discussed' "
               "              AND m.status = 'signed-off' AND m.meets_on > x.due_on "
               "              AND m.meets_on > (SELECT a.meets_on FROM meeting a "
               "                                WHERE a.id = x.meeting_id))");
  /* Nor left off the agenda: a child with one outstanding at a held meeting is on it. */
  assert_none (db, "A child with an outstanding action was left off a held meeting's agenda",
               "SELECT x.id, m.meets_on FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id "
               "JOIN child c ON c.id = p.child_id JOIN meeting a ON a.id = x.meeting_id "
               "JOIN meeting m ON m.area_id = c.area_id AND m.status = 'signed-off' "
               "  AND m.meets_on > x.due_on AND m.meets_on > a.meets_on "
               "WHERE (x.status = 'open' OR (SELECT r.meets_on FROM meeting r "
               "                             WHERE r.id = x.status_meeting_id) > m.meets_on) "
               "  AND (p.closed_on IS NULL OR p.closed_on > m.meets_on) "
               "  AND NOT EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = m.id "
               "                  AND i.child_id = p.child_id)");
  sqlite3_close (db);
}

/* The paths a meeting can take are all there: the chairs' dispute, a deferral, police-
 * sensitive information and disruption, typed minutes, both answers to a trigger. */
static void
test_every_path (void)
{
  sqlite3 *db = open_shared ();

  g_assert_cmpint (count (db, "SELECT count(*) FROM decision WHERE status = 'disputed' "
                              "AND escalated AND dissent LIKE '%:%' || char(10) || '%:%'"),
                   >, 0);
  assert_none (db, "A disputed rating is settled at the next meeting",
               "SELECT d.id, m.meets_on FROM decision d JOIN meeting m ON m.id = d.meeting_id "
               "WHERE d.status = 'disputed' AND m.meets_on < '2026-11-16' "
               "  AND NOT EXISTS (SELECT 1 FROM decision e JOIN meeting n ON n.id = e.meeting_id "
               "                  WHERE e.child_id = d.child_id AND e.kind = d.kind "
               "                  AND e.status = 'confirmed' AND n.area_id = m.area_id "
               /* The area's next meeting: a week on, or a day later after a bank holiday. */
               "                  AND n.meets_on = (SELECT min(o.meets_on) FROM meeting o "
               "                                    WHERE o.area_id = m.area_id "
               "                                    AND o.meets_on > m.meets_on))");
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item WHERE status = 'deferred' "
                              "AND status_reason <> ''"), >, 0);
  assert_none (db, "A deferred child is on the next meeting's agenda",
               "SELECT i.id, m.meets_on FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
               "WHERE i.status = 'deferred' AND NOT EXISTS "
               "  (SELECT 1 FROM agenda_item j JOIN meeting n ON n.id = j.meeting_id "
               "   WHERE j.child_id = i.child_id AND n.area_id = m.area_id "
               "   AND n.meets_on = (SELECT min(o.meets_on) FROM meeting o "
               "                     WHERE o.area_id = m.area_id AND o.meets_on > m.meets_on))");
  assert_none (db, "A deferred item records no decision",
               "SELECT i.id FROM agenda_item i JOIN decision d ON d.meeting_id = i.meeting_id "
               "AND d.child_id = i.child_id WHERE i.status = 'deferred'");
  g_assert_cmpint (count (db, "SELECT count(*) FROM information_note WHERE police_sensitive"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM information_note WHERE NOT police_sensitive"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM disruption_note"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item WHERE status = 'discussed' "
                              "AND minute_text <> ''"), >, 100);
  assert_none (db, "Only a discussed item has typed minutes",
               "SELECT id FROM agenda_item WHERE status <> 'discussed' AND minute_text <> ''");
  g_assert_cmpint (count (db, "SELECT count(DISTINCT convened) FROM trigger_response"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT rule_id) FROM strategy_trigger"), >, 3);
  /* A closure the lead professional proposed before the meeting that confirmed it. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM decision d JOIN meeting m "
                              "ON m.id = d.meeting_id WHERE d.kind = 'closure' "
                              "AND d.status = 'confirmed' "
                              "AND substr(d.proposed_at, 1, 10) < m.meets_on"), >, 0);
  sqlite3_close (db);
}

#define FIRST_NAME(full) "substr(" full ", 1, instr(" full ", ' ') - 1)"
#define LAST_NAME(full) "substr(" full ", instr(" full ", ' ') + 1)"

/* Professionals and children never share a first or last name, nor two professionals a
 * full name; whoever refers or records is one of the professionals. */
static void
test_names_apart (void)
{
  sqlite3 *db = open_shared ();

  g_assert_cmpint (count (db, "SELECT count(*) FROM professional"), >, 100);
  assert_none (db, "No professional shares a first or last name with a child",
               "SELECT p.full_name, c.first_name, c.last_name FROM professional p, child c "
               "WHERE " FIRST_NAME ("p.full_name") " IN (c.first_name, c.last_name) "
               "   OR " LAST_NAME ("p.full_name") " IN (c.first_name, c.last_name)");
  assert_none (db, "No two professionals share a full name",
               "SELECT full_name, count(*) FROM professional GROUP BY full_name "
               "HAVING count(*) > 1");
  assert_none (db, "Every referrer is a professional of the referring agency",
               "SELECT r.id, r.referrer_name FROM referral r WHERE NOT EXISTS "
               "(SELECT 1 FROM professional p WHERE p.full_name = r.referrer_name "
               " AND p.agency_id = r.referrer_agency_id)");
  assert_none (db, "Every concern not referred is recorded by a professional",
               "SELECT n.id, n.recorded_by FROM concern_not_referred n WHERE NOT EXISTS "
               "(SELECT 1 FROM professional p WHERE p.full_name = n.recorded_by "
               " AND p.agency_id = n.agency_id)");
  assert_none (db, "Every attendance names the professional who came",
               "SELECT t.id, t.name FROM attendance t JOIN professional p "
               "ON p.id = t.professional_id WHERE t.name <> p.full_name");
  sqlite3_close (db);
}

/* A case closes at the lowest level, or at 18 once adult services take over, never as a
 * "High, unchanged" (or the top SERAF category); a closed case stays closed. */
static void
test_closures (void)
{
  sqlite3 *db = open_shared ();

  g_assert_cmpint (count (db, "SELECT count(*) FROM closure"), >, 100);
  assert_none (db, "Every closure has the meeting's own rating",
               "SELECT c.id FROM decision c WHERE c.kind = 'closure' AND c.status = 'confirmed' "
               "AND NOT EXISTS (SELECT 1 FROM decision r WHERE r.child_id = c.child_id "
               "                AND r.meeting_id = c.meeting_id AND r.kind = 'risk-rating' "
               "                AND r.status = 'confirmed')");
  assert_none (db, "No case closes at the top level",
               "SELECT c.id, r.value FROM decision c JOIN decision r "
               "ON r.child_id = c.child_id AND r.meeting_id = c.meeting_id "
               "AND r.kind = 'risk-rating' AND r.status = 'confirmed' "
               "WHERE c.kind = 'closure' AND r.value IN ('high', '4')");
  assert_none (db, "A closure above the lowest level is a move to adult services at 18",
               "SELECT c.id, r.value, x.reasons FROM decision c "
               "JOIN closure x ON x.decision_id = c.id "
               "JOIN decision r ON r.child_id = c.child_id AND r.meeting_id = c.meeting_id "
               "AND r.kind = 'risk-rating' AND r.status = 'confirmed' "
               "JOIN child ch ON ch.id = c.child_id JOIN meeting m ON m.id = c.meeting_id "
               "WHERE c.kind = 'closure' AND r.value NOT IN ('low', '1') "
               "  AND (x.reasons NOT LIKE '%adult%' "
               "       OR date(ch.date_of_birth, '+18 years') > m.meets_on "
               "       OR NOT EXISTS (SELECT 1 FROM transition t WHERE t.child_id = c.child_id "
               "                      AND t.adult_package_agreed_on <= m.meets_on))");
  assert_none (db, "A closed child is on no coming agenda",
               "SELECT i.child_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
               "JOIN decision z ON z.child_id = i.child_id AND z.kind = 'closure' "
               "AND z.status = 'confirmed' WHERE m.status = 'planned'");
  assert_none (db, "A closed child has no open plan",
               "SELECT p.id FROM safety_plan p JOIN decision z ON z.child_id = p.child_id "
               "AND z.kind = 'closure' AND z.status = 'confirmed' WHERE p.closed_on IS NULL");
  assert_none (db, "An s42 referral is for an adult",
               "SELECT t.id FROM transition t JOIN child c ON c.id = t.child_id "
               "WHERE t.s42_referral_on < date(c.date_of_birth, '+18 years')");
  sqlite3_close (db);
}

/* The chairs put some actions on the family's copy, never the police's own. */
static void
test_family_copy (void)
{
  sqlite3 *db = open_shared ();
  gint64 all = count (db, "SELECT count(*) FROM plan_action");
  gint64 family = count (db, "SELECT count(*) FROM plan_action WHERE family_visible");

  assert_none (db, "No police-owned action is for the family",
               "SELECT x.id, x.description FROM plan_action x "
               "JOIN agency g ON g.id = x.agency_id WHERE g.kind = 'police' AND x.family_visible");
  g_assert_cmpint (family, >, 0);
  g_assert_cmpint (family, <, all / 2);
  sqlite3_close (db);
}

/* The history went through the store's trigger rules as it happened: running them again
 * finds nothing new. */
static void
test_rules_agree (void)
{
  g_autoptr(RmmStore) store = rmm_store_open (shared_demo (), RMM_STORE_OPEN_EXISTING, NULL);
  g_autoptr(GError) error = NULL;
  RmmTriggerRules *rules = rmm_store_get_trigger_rules (store, &error);
  guint raised = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_true (rmm_store_evaluate_triggers (store, rules, 0, &raised, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (raised, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/demo/deterministic", Fixture, NULL, fixture_set_up, test_deterministic,
              fixture_tear_down);
  g_test_add ("/demo/complete", Fixture, NULL, fixture_set_up, test_complete, fixture_tear_down);
  g_test_add ("/demo/refuses-overwrite", Fixture, NULL, fixture_set_up, test_refuses_overwrite,
              fixture_tear_down);
  g_test_add_func ("/demo/in-time", test_in_time);
  g_test_add_func ("/demo/meeting-days", test_meeting_days);
  g_test_add_func ("/demo/agenda-reasons", test_agenda_reasons);
  g_test_add_func ("/demo/every-path", test_every_path);
  g_test_add_func ("/demo/names-apart", test_names_apart);
  g_test_add_func ("/demo/closures", test_closures);
  g_test_add_func ("/demo/family-copy", test_family_copy);
  g_test_add_func ("/demo/rules-agree", test_rules_agree);
  status = g_test_run ();
  if (shared_folder != NULL)
    rmm_test_remove_folder (shared_folder);
  g_free (shared_folder);
  g_free (shared_path);
  return status;
}
