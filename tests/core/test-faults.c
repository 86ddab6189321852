/* test-faults.c: nothing confirmed is lost when things go wrong under the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second process writing to the same file is seen within a second; a writer killed
 * (SIGKILL) in the middle of bursts of writes, again and again, leaves a database that
 * passes its checks and holds everything it had acknowledged; a full disk (an SQLite VFS
 * that fails writes on demand) refuses the change with a clear message and keeps what was
 * saved before.
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rmm-error.h"
#include "rmm-store.h"

typedef struct
{
  char     *folder;
  char     *path;
  RmmStore *store;
  gint64    chair1;
  gint64    chair2;
  gint64    meeting;
  gint64    child;
  gint64    item;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 area, children_services, family_services;
  RmmChildInput child = {
    .reference = "T-001", .first_name = "Robin", .last_name = "Testchild",
    .date_of_birth = "2011-03-04",
  };
  RmmAttendanceInput present = { .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT };

  f->folder = rmm_test_make_folder ();
  f->path = g_build_filename (f->folder, "rmm.sqlite", NULL);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  children_services = rmm_store_add_agency (f->store, "Testshire Children’s Services",
                                            "childrens-services", NULL);
  family_services = rmm_store_add_agency (f->store, "Testshire Family Services",
                                          "family-services", NULL);
  f->chair1 = rmm_store_add_professional (f->store, children_services, "Ada Chairwell", "", NULL);
  f->chair2 = rmm_store_add_professional (f->store, family_services, "Ben Cochair", "", NULL);
  f->meeting = rmm_store_add_meeting (f->store, area, "2026-11-23", f->chair1, f->chair2, 0,
                                      NULL);
  child.area_id = area;
  f->child = rmm_store_add_child (f->store, &child, &error);
  f->item = rmm_store_add_agenda_item (f->store, f->meeting, f->child, "new-referral", &error);
  present.agency_id = children_services;
  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, &present, 1, TRUE, &error));
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

static char *
writer_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "fault-writer", NULL);
}

/* ---- two processes on one file ---- */

static void
test_second_process_seen_within_a_second (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *writer = writer_path ();
  g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, f->child);
  g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, f->meeting);
  g_autofree char *chair1 = g_strdup_printf ("%" G_GINT64_FORMAT, f->chair1);
  g_autofree char *chair2 = g_strdup_printf ("%" G_GINT64_FORMAT, f->chair2);
  const char *argv[] = { writer, "decision", f->path, child, meeting, chair1, chair2, NULL };
  g_autofree char *out = NULL;
  g_autofree char *rating = NULL;
  g_autoptr(GError) error = NULL;
  gint64 committed, seen = 0;
  int status;

  rating = rmm_store_get_current_rating (f->store, f->child, NULL);
  g_assert_true (rating == NULL || *rating == '\0');
  g_clear_pointer (&rating, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  committed = g_ascii_strtoll (out, NULL, 10);

  /* As the app does: ask SQLite every 400 ms whether another process wrote. */
  while (!rmm_store_poll (f->store))
    {
      g_assert_cmpint (g_get_monotonic_time () - committed, <, 5 * G_USEC_PER_SEC);
      g_usleep (400 * 1000);
    }
  rating = rmm_store_get_current_rating (f->store, f->child, &error);
  seen = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpstr (rating, ==, "medium");
  g_assert_cmpint (seen - committed, <, G_USEC_PER_SEC);
}

/* ---- a long write by another process ---- */

typedef struct
{
  guint    calls;
  gboolean done;
  gint64   first_us;
  gint64   give_up_us;   /* 0: wait as long as it takes */
} Waiting;

static gboolean
count_wait (RmmStore *store,
            gint64    waited_us,
            gpointer  data)
{
  Waiting *waiting = data;

  if (waited_us < 0)
    {
      waiting->done = TRUE;
      return FALSE;
    }
  if (waiting->calls++ == 0)
    waiting->first_us = waited_us;
  g_usleep (100 * 1000);
  return waiting->give_up_us == 0 || waited_us < waiting->give_up_us;
}

/* Starts a writer that holds the write lock for @seconds; returns once it holds it. */
static GPid
hold_lock_elsewhere (Fixture *f,
                     guint    seconds)
{
  g_autofree char *writer = writer_path ();
  g_autofree char *duration = g_strdup_printf ("%u", seconds);
  const char *argv[] = { writer, "hold", f->path, duration, NULL };
  g_autoptr(GError) error = NULL;
  char line[16] = { 0 };
  GPid pid;
  int out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out, line, sizeof line - 1), >, 0);
  g_assert_cmpstr (line, ==, "holding\n");
  close (out);
  return pid;
}

static void
test_change_waits_for_another_writer (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Waiting waiting = { 0 };
  gint64 started;
  GPid pid;
  int status;

  rmm_store_set_wait_func (f->store, count_wait, &waiting, NULL);
  pid = hold_lock_elsewhere (f, 3);
  started = g_get_monotonic_time ();

  /* Saved once the other process lets go: not refused at 1 s, nor at SQLite's 5 s. */
  g_assert_cmpint (rmm_store_set_minute_text (f->store, f->item, "Typed while they saved", 1,
                                              &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (waiting.calls, >, 5);
  g_assert_cmpint (waiting.first_us, >=, 900 * 1000);
  g_assert_true (waiting.done);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  {
    g_autofree char *held = rmm_store_get_info (f->store, "held-by");

    g_assert_cmpstr (held, ==, "fault-writer");
  }
}

static void
test_change_given_up_says_so (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Waiting waiting = { .give_up_us = 1500 * 1000 };
  GPid pid;

  rmm_store_set_wait_func (f->store, count_wait, &waiting, NULL);
  pid = hold_lock_elsewhere (f, 3);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, f->item, "Typed", 1, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_assert_true (waiting.done);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

/* ---- killed mid-write, again and again ---- */

static guint
last_ack (const char *acks)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint last = 0;

  if (!g_file_get_contents (acks, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        guint n = (guint)g_ascii_strtoull (lines[i], NULL, 10);

        g_assert_cmpuint (n, ==, last + 1);
        last = n;
      }
  return last;
}

/* Starts the fault writer with @args, kills it (SIGKILL) after a random 60–300 ms and returns
 * the last change it acknowledged as saved. */
static guint
kill_writer_at_random (const char * const *args,
                       const char         *acks)
{
  g_autofree char *writer = writer_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, writer);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, (char *)acks);
  g_ptr_array_add (argv, NULL);

  g_unlink (acks);
  g_assert_true (g_spawn_async (NULL, (char **)argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_usleep (g_test_rand_int_range (60, 300) * 1000);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  return last_ack (acks);
}

/* The file a killed writer left opens (never "damaged"), passes every check, and the store
 * is handed back for the caller to look for what was acknowledged. */
static RmmStore *
reopen_checked (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  g_assert_true (rmm_store_check (store, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static guint
kill_rounds (void)
{
  return g_test_slow () ? 200 : 20;
}

static void
test_killed_writer_loses_nothing_acknowledged (Fixture       *f,
                                               gconstpointer  data)
{
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, f->item);
  g_autofree char *acks = g_build_filename (f->folder, "acks", NULL);
  const char *args[] = { "burst", f->path, item, NULL };

  g_clear_object (&f->store);
  for (guint round = 0; round < kill_rounds (); round++)
    {
      guint acked = kill_writer_at_random (args, acks);
      g_autoptr(RmmStore) store = reopen_checked (f);
      g_autoptr(RmmItemFacts) facts = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GError) error = NULL;

      facts = rmm_store_get_item_facts (store, f->item, &error);
      g_assert_no_error (error);
      if (acked > 0)
        {
          guint saved;

          g_assert_true (g_str_has_prefix (facts->minute_text, "burst "));
          saved = (guint)g_ascii_strtoull (facts->minute_text + 6, NULL, 10);
          g_assert_cmpuint (saved, >=, acked);
        }
      notes = rmm_store_list_information_notes (store, f->child, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (notes->len, >=, acked / 10);
    }
}

/* Killed part-way through a checkpoint, the file is shorter than its header says and the
 * missing pages are in the WAL: that is a healthy database, and must open as one. */
static void
test_killed_checkpoint_opens (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, f->child);
  g_autofree char *acks = g_build_filename (f->folder, "acks", NULL);
  const char *args[] = { "checkpoints", f->path, child, NULL };
  guint total = 0;

  g_clear_object (&f->store);
  for (guint round = 0; round < kill_rounds (); round++)
    {
      guint acked = kill_writer_at_random (args, acks);
      g_autoptr(RmmStore) store = reopen_checked (f);

      total += acked;
      g_assert_cmpint (rmm_test_count_in_file (store, "SELECT count(*) FROM information_note "
                                               "WHERE summary LIKE 'checkpoint %'", 0),
                       >=, total * 20);
    }  /* The writer got somewhere: a test that never wrote would prove nothing. */
  g_assert_cmpuint (total, >, 0);
}

static void
test_killed_import_opens (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *acks = g_build_filename (f->folder, "acks", NULL);
  guint total = 0;

  g_assert_cmpint (rmm_store_add_agency (f->store, "Testshire Constabulary", "police", NULL),
                   >, 0);
  g_clear_object (&f->store);
  for (guint round = 0; round < kill_rounds (); round++)
    {
      g_autofree char *prefix = g_strdup_printf ("R%u", round);
      const char *args[] = { "imports", f->path, "Testshire North", "Testshire Constabulary",
                             prefix, NULL };
      guint acked = kill_writer_at_random (args, acks);
      g_autoptr(RmmStore) store = reopen_checked (f);

      total += acked;
      g_assert_cmpint (rmm_test_count_in_file (store, "SELECT count(*) FROM referral", 0),
                       >=, total * 50);
    }  g_assert_cmpuint (total, >, 0);
}

/* ---- the disk fills up ---- */

/* A VFS over the default one whose writes fail (disk full, read-only) while told to. The default
 * VFS opens files with several method tables (the database, its WAL, temporary files), so
 * each gets its own wrapped copy. */
static sqlite3_vfs full_vfs;
static int failing_writes;     /* SQLITE_OK, or the code every write fails with */

typedef struct
{
  const sqlite3_io_methods *real;
  sqlite3_io_methods        wrapped;
} WrappedMethods;

static WrappedMethods wrapped_methods[8];

static const sqlite3_io_methods *
real_methods_of (sqlite3_file *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (wrapped_methods); i++)
    if (file->pMethods == &wrapped_methods[i].wrapped)
      return wrapped_methods[i].real;
  g_assert_not_reached ();
}

static int
full_write (sqlite3_file *file,
            const void   *data,
            int           amount,
            sqlite3_int64 offset)
{
  if (failing_writes != SQLITE_OK)
    return failing_writes;
  return real_methods_of (file)->xWrite (file, data, amount, offset);
}

static const sqlite3_io_methods *
wrap_methods (const sqlite3_io_methods *real)
{
  for (guint i = 0; i < G_N_ELEMENTS (wrapped_methods); i++)
    {
      if (wrapped_methods[i].real == real)
        return &wrapped_methods[i].wrapped;
      if (wrapped_methods[i].real == NULL)
        {
          wrapped_methods[i].real = real;
          wrapped_methods[i].wrapped = *real;
          wrapped_methods[i].wrapped.xWrite = full_write;
          return &wrapped_methods[i].wrapped;
        }
    }
  g_assert_not_reached ();
}

static int
full_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  sqlite3_vfs *real = vfs->pAppData;
  int rc = real->xOpen (real, name, file, flags, out_flags);

  if (rc == SQLITE_OK && file->pMethods != NULL)
    file->pMethods = wrap_methods (file->pMethods);
  return rc;
}

static void
install_full_vfs (void)
{
  sqlite3_vfs *real = sqlite3_vfs_find (NULL);

  if (g_str_equal (real->zName, "rmm-full"))
    return;
  full_vfs = *real;
  full_vfs.zName = "rmm-full";
  full_vfs.pAppData = real;
  full_vfs.xOpen = full_open;
  sqlite3_vfs_register (&full_vfs, 1);
}

static void
test_disk_full_refuses_and_keeps (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
  };
  gint64 saved_version;

  /* Open through the failing VFS, and save some minutes while there is room. */
  g_clear_object (&f->store);
  install_full_vfs ();
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  saved_version = rmm_store_set_minute_text (f->store, f->item, "Saved before the disk filled",
                                             1, &error);
  g_assert_no_error (error);

  failing_writes = SQLITE_FULL;
  g_assert_cmpint (rmm_store_propose_decision (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, f->item, "Typed while full",
                                              saved_version, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
  g_clear_error (&error);
  failing_writes = SQLITE_OK;

  /* Room again: nothing half-written, everything from before still there, work goes on. */
  g_clear_object (&f->store);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_check (f->store, NULL, &error));
  {
    g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (f->store, f->item, &error);

    g_assert_cmpstr (facts->minute_text, ==, "Saved before the disk filled");
  }
  g_assert_cmpint (rmm_test_count_in_file (f->store, "SELECT count(*) FROM decision "
                                                     "WHERE child_id = ?", f->child), ==, 0);
  g_assert_cmpint (rmm_store_propose_decision (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- the file removed underneath ---- */

static void
test_removed_file_rescued_read_only (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rescued = NULL;
  g_autoptr(RmmStore) copy = NULL;
  gint64 version;

  version = rmm_store_set_minute_text (f->store, f->item, "Saved before the file went", 1,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_verify_file (f->store, &error));

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_false (rmm_store_verify_file (f->store, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "removed"));
  g_clear_error (&error);

  /* What the session still holds is copied out, and the session stops writing. */
  rescued = rmm_store_rescue (f->store, &error);
  g_assert_no_error (error);
  rmm_store_set_read_only (f->store, "This session is read-only.");
  g_assert_cmpint (rmm_store_set_minute_text (f->store, f->item, "Typed after", version, &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (f->store, f->item, &error);

    g_assert_cmpstr (facts->minute_text, ==, "Saved before the file went");
  }

  copy = rmm_store_open (rescued, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_check (copy, NULL, &error));
  {
    g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (copy, f->item, &error);

    g_assert_cmpstr (facts->minute_text, ==, "Saved before the file went");
  }
}

/* The file turned read-only under the session (a remount, a permission change): refused with
 * a message that says so, and nothing saved before is touched. */
static void
test_read_only_refuses_and_keeps (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = f->child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "high",
  };

  g_clear_object (&f->store);
  install_full_vfs ();
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, f->item, "Saved while writable", 1,
                                              &error), >, 0);
  failing_writes = SQLITE_READONLY;
  g_assert_cmpint (rmm_store_propose_decision (f->store, &input, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->code == RMM_ERROR_READ_ONLY || error->code == RMM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  failing_writes = SQLITE_OK;

  g_clear_object (&f->store);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_check (f->store, NULL, &error));
  {
    g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (f->store, f->item, &error);

    g_assert_cmpstr (facts->minute_text, ==, "Saved while writable");
  }
  g_assert_cmpint (rmm_test_count_in_file (f->store, "SELECT count(*) FROM decision "
                                                     "WHERE child_id = ?", f->child), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/faults/two-processes/seen-within-a-second", test_second_process_seen_within_a_second);
  ADD ("/faults/kill/nothing-acknowledged-lost", test_killed_writer_loses_nothing_acknowledged);
  ADD ("/faults/kill/checkpoint-opens", test_killed_checkpoint_opens);
  ADD ("/faults/lock/change-waits", test_change_waits_for_another_writer);
  ADD ("/faults/lock/given-up", test_change_given_up_says_so);
  ADD ("/faults/kill/import-opens", test_killed_import_opens);
  ADD ("/faults/file-removed/rescued-read-only", test_removed_file_rescued_read_only);
  ADD ("/faults/disk-full/refused-and-kept", test_disk_full_refuses_and_keeps);
  ADD ("/faults/read-only/refused-and-kept", test_read_only_refuses_and_keeps);
#undef ADD

  return g_test_run ();
}
