/* test-server-faults.c: the server stops as a crash would, in the middle of a burst of
 * writes and in the middle of a commit: every change the store acknowledged is there after
 * the restart, every other one is refused with a sentence (never a crash), and a commit the
 * lost connection cut off is reported as the server knows it, not guessed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run beside a throw-away server (tests/postgresql/with-cluster), whose $RMM_TEST_SERVER
 * stops and starts it.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-store.h"
#include "rmm-test-support.h"

typedef struct
{
  char     *folder;
  RmmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static void
server (const char *what)
{
  g_autofree char *command = g_strdup_printf ("%s %s", g_getenv ("RMM_TEST_SERVER"), what);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Stops the server after @seconds, while the test goes on writing. */
static void
stop_server_in (double seconds)
{
  g_autofree char *command = g_strdup_printf ("sleep %.2f; \"%s\" stop", seconds,
                                              g_getenv ("RMM_TEST_SERVER"));
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                &error));
  g_assert_no_error (error);
}

/* Started again, and the store connected again (the app tries with back-off; here at once,
 * then every 100 ms). */
static char *
restart_and_reconnect (Fixture *f)
{
  char *outcome = NULL;

  server ("start");
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;

      if (rmm_store_reconnect (f->store, &outcome, &error))
        break;
      g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
      g_usleep (100 * 1000);
    }
  g_assert_true (rmm_store_is_connected (f->store));
  return outcome;
}

static gboolean
area_exists (Fixture    *f,
             const char *name)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (f->store, NULL);

  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);

      if (g_str_equal (rmm_area_get_name (area), name))
        return TRUE;
    }
  return FALSE;
}

static void
assert_checks (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rmm_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* A burst of changes; the server stops in the middle of it. */
static void
test_stopped_in_a_burst (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *outcome = NULL;
  gint64 started = g_get_monotonic_time ();

  stop_server_in (0.4);
  for (guint i = 0; refused->len < 5 && g_get_monotonic_time () - started < 20 * G_USEC_PER_SEC; i++)
    {
      g_autoptr(GError) error = NULL;
      char *name = g_strdup_printf ("Burst Area %u", i);

      if (rmm_store_add_area (f->store, name, "surrey-3-level", &error) > 0)
        g_ptr_array_add (saved, name);
      else
        {
          /* Refused with a sentence: the server is gone, or the change's fate is checked. */
          g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "server"));
          g_ptr_array_add (refused, name);
        }
    }
  g_assert_cmpuint (saved->len, >, 0);
  g_assert_cmpuint (refused->len, ==, 5);
  g_assert_false (rmm_store_is_connected (f->store));

  outcome = restart_and_reconnect (f);
  for (guint i = 0; i < saved->len; i++)
    g_assert_true (area_exists (f, g_ptr_array_index (saved, i)));
  /* The first refused may have been cut off in its commit: then the outcome says which. */
  if (outcome != NULL && strstr (outcome, "was saved"))
    g_assert_true (area_exists (f, g_ptr_array_index (refused, 0)));
  else
    g_assert_false (area_exists (f, g_ptr_array_index (refused, 0)));
  for (guint i = 1; i < refused->len; i++)
    g_assert_false (area_exists (f, g_ptr_array_index (refused, i)));
  assert_checks (f);

  /* And changes are saved again. */
  g_assert_cmpint (rmm_store_add_area (f->store, "After The Restart", "surrey-3-level", NULL), >, 0);
}

/* The server stops while a commit is in its hands: the change is reported not saved, because
 * the server, asked afterwards, says so. */
static void
test_stopped_during_a_commit (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;

  /* Every commit that adds an area takes a second and a half, from now on. */
  rmm_test_write_below_store (f->store,
                              "CREATE FUNCTION slow_commit () RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN PERFORM pg_sleep (1.5); RETURN NULL; END $$;"
                              "CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON area "
                              "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                              "EXECUTE FUNCTION slow_commit ()");
  stop_server_in (0.5);
  g_assert_cmpint (rmm_store_add_area (f->store, "Cut Off Area", "surrey-3-level", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "lost while this change was being saved"));

  outcome = restart_and_reconnect (f);
  g_assert_cmpstr (outcome, ==, "The change being saved when the connection was lost was not "
                                "saved: make it again.");
  g_assert_false (area_exists (f, "Cut Off Area"));
  assert_checks (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!rmm_test_on_server () || g_getenv ("RMM_TEST_SERVER") == NULL)
    g_error ("run beside a throw-away server: tests/postgresql/with-cluster, RMM_TEST_ENGINE=postgresql");

  g_test_add ("/server-faults/stopped-in-a-burst", Fixture, NULL, fixture_set_up,
              test_stopped_in_a_burst, fixture_tear_down);
  g_test_add ("/server-faults/stopped-during-a-commit", Fixture, NULL, fixture_set_up,
              test_stopped_during_a_commit, fixture_tear_down);
  return g_test_run ();
}
