/* fuzz-import-commit.c: a referrals CSV imported for real, into a throw-away database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-referral-import stops where the import's first step does, before anything is
 * written. This one commits what reads, then asks what a reviewer would:
 *   - does the database still pass `check` (integrity, foreign keys, the audit chain)?
 *   - did it gain exactly the referrals, children and agencies the import said it would?
 *   - does importing the same file again add nothing?
 * and, when the commit is refused, that nothing at all was written.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "rmm-referral-import.h"
#include "rmm-store-anchors.h"
#include "rmm-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;
static char *path;
static GBytes *template;

static void
remove_database (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  /* Every input is a new database at the same path, not the last one cut short. */
  rmm_anchor_forget (path);
}

static void
remove_folder (void)
{
  remove_database ();
  g_rmdir (folder);
}

/* The database every input starts from, made once and copied: two areas, two agencies, a
 * child with a referral (so that a file can repeat or contradict them). */
static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;
  RmmChildInput child = {
    .reference = "FZ-0001", .first_name = "Robin", .last_name = "Testchild",
    .date_of_birth = "2011-03-04",
  };
  RmmReferralInput referral = {
    .route = "single-point-of-access", .referrer_name = "Dee Referrer",
    .received_at = "2026-01-05T10:15:00Z", .concern_summary = "Seen with older men.",
    .source = "fuzz template",
  };
  char *bytes;
  gsize length;

  folder = g_dir_make_tmp ("rmm-fuzz-commit-XXXXXX", NULL);
  path = g_build_filename (folder, "fuzz.sqlite", NULL);
  atexit (remove_folder);
  store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  child.area_id = rmm_store_add_area (store, "Testshire North", "surrey-3-level", &error);
  g_assert_no_error (error);
  rmm_store_add_area (store, "Cwm Prawf", "seraf-4-category", &error);
  g_assert_no_error (error);
  referral.referrer_agency_id = rmm_store_add_agency (store, "Testshire Academy", "education",
                                                      &error);
  g_assert_no_error (error);
  rmm_store_add_agency (store, "Testshire Constabulary", "police", &error);
  g_assert_no_error (error);
  referral.child_id = rmm_store_add_child (store, &child, &error);
  g_assert_no_error (error);
  rmm_store_add_referral (store, &referral, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  if (!g_file_get_contents (path, &bytes, &length, &error))
    g_error ("%s", error->message);
  template = g_bytes_new_take (bytes, length);
}

static gint64
count (RmmStore   *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return rmm_store_query_int (store, sql, 0, NULL);
}

static void
assert_check_passes (RmmStore   *store,
                     const char *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!rmm_store_check (store, &problems, &error))
    g_error ("%s, the database fails its check: %s", when, error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmReferralImport) import = NULL;
  g_auto(GStrv) new_agencies = NULL;
  gint64 referrals, children, agencies, events;

  if (template == NULL)
    make_template ();
  remove_database ();
  if (!g_file_set_contents_full (path, g_bytes_get_data (template, NULL),
                                 g_bytes_get_size (template), G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_error ("%s", error->message);
  store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  /* A throw-away file: no need to wait for the disk after every change. */
  g_assert_true (rmm_db_exec (rmm_store_get_db (store), "PRAGMA synchronous = OFF", NULL));

  import = rmm_referral_import_new (store, "fuzz.csv");
  if (!rmm_referral_import_read (import, (const char *)data, size, NULL))
    return 0;

  referrals = count (store, "referral");
  children = count (store, "child");
  agencies = count (store, "agency");
  events = count (store, "audit_event");
  new_agencies = rmm_referral_import_dup_new_agencies (import);

  if (!rmm_referral_import_commit (import, &error))
    {
      /* All or nothing: a refused commit leaves no trace, and says why. */
      g_assert_nonnull (error);
      g_assert_cmpint (count (store, "referral"), ==, referrals);
      g_assert_cmpint (count (store, "child"), ==, children);
      g_assert_cmpint (count (store, "agency"), ==, agencies);
      g_assert_cmpint (count (store, "audit_event"), ==, events);
      assert_check_passes (store, "after a refused import");
      return 0;
    }

  assert_check_passes (store, "after an import");
  g_assert_cmpint (count (store, "referral"), ==,
                   referrals + rmm_referral_import_count_new (import));
  g_assert_cmpint (count (store, "child"), ==,
                   children + rmm_referral_import_count_new_children (import));
  g_assert_cmpint (count (store, "agency"), ==, agencies + g_strv_length (new_agencies));

  /* The same file again: it reads, and everything in it is already there. */
  {
    g_autoptr(RmmReferralImport) again = rmm_referral_import_new (store, "fuzz.csv");

    if (!rmm_referral_import_read (again, (const char *)data, size, &error))
      g_error ("an imported file no longer reads: %s", error->message);
    g_assert_cmpuint (rmm_referral_import_count_new (again), ==, 0);
    g_assert_cmpuint (rmm_referral_import_count_new_children (again), ==, 0);
  }
  return 0;
}
