/* rmm-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name here is invented: the areas, schools, agencies and people do not exist. The
 * history is simulated through the store's own repository functions, so the demo database
 * has the same audit trail and rules as a real one. Same seed and same "today", same
 * database (under the same trigger rules: the store raises triggers by the installation's
 * rules, and the demo follows whatever they raise).
 *
 * The history tells the truth: each child's story runs forward in time, and nothing is
 * recorded at a meeting before it happened. A strategy discussion is reported at the first
 * meeting after it was held; what happens between two meetings (missing episodes, new
 * information, police disruption) brings the child to the next meeting when the rules raise
 * a trigger or the chairs add them; each past agenda item carries the reasons the store
 * would have given it on the day; a case closes only when the rating has come down to the
 * lowest level (or, at 18, once adult services have taken the young person on).
 *
 * This file runs the whole: the county (rmm-demo-world.c), then child after child
 * (rmm-demo-case.c), each meeting's discussion (rmm-demo-discussion.c) and how it ends
 * (rmm-demo-outcomes.c), what happens in between (rmm-demo-events.c), then the meetings are
 * held and the coming week prepared.
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rmm-demo-private.h"
#include "rmm-error.h"
#include "rmm-server.h"

/* Agencies record concerns they decided not to refer, with reasons. */
static gboolean
add_concerns_not_referred (Demo     *demo,
                           GError  **error)
{
  for (guint i = 0; i < N_AREAS * 2; i++)
    {
      AgencyKind kind = i % 2 ? AG_EDUCATION : AG_HEALTH;
      const char *recorded_by = rmm_demo_pick_staff_name (demo, kind);
      GDate day = demo->today;

      g_date_subtract_days (&day, 1 + pick (demo, 60));
      rmm_demo_set_clock (demo, &day, 14, 0);
      if (!rmm_store_add_concern_not_referred (demo->store, 0, demo->agencies[kind], recorded_by,
                                               "Pupil seen leaving school with an older "
                                               "student.",
                                               "Discussed with the safeguarding lead: known "
                                               "family friend, no indicators of exploitation; "
                                               "will keep under review.", error))
        return FALSE;
    }
  return TRUE;
}

void
rmm_demo_options_init (RmmDemoOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  options->n_children = 1500;
  options->years = 1;
  options->seed = 1;
  g_date_clear (&options->today, 1);
  g_date_set_dmy (&options->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static gboolean
mark_as_demo (Demo                  *demo,
              const RmmDemoOptions  *options,
              GError               **error)
{
  g_autofree char *seed = g_strdup_printf ("%u", options->seed);
  g_autofree char *today = rmm_date_format (&options->today);

  return rmm_store_set_info (demo->store, "demo", "true", error) &&
         rmm_store_set_info (demo->store, "demo_seed", seed, error) &&
         rmm_store_set_info (demo->store, "demo_today", today, error);
}

/* Each area's next meeting has its agenda, built by the store as for a real area, with
 * the children the chairs added after new information since the last meeting. */
static gboolean
build_coming_agendas (Demo     *demo,
                      GError  **error)
{
  rmm_demo_set_clock (demo, &demo->today, 8, 0);
  for (guint i = 0; i < demo->chair_additions->len; i++)
    {
      ChairAddition *addition = &g_array_index (demo->chair_additions, ChairAddition, i);

      if (!rmm_store_add_agenda_item (demo->store, addition->meeting_id, addition->child_id,
                                      "added-by-chair", error))
        return FALSE;
    }
  rmm_demo_set_clock (demo, &demo->today, 8, 30);
  for (guint a = 0; a < N_AREAS; a++)
    {
      DemoArea *area = &demo->areas[a];
      guint next = rmm_demo_meeting_on_or_after (area, &demo->today);

      if (next < area->meetings->len &&
          !rmm_store_refresh_agenda (demo->store, rmm_demo_meeting_id (area, next), 5,
                                     RMM_AGENDA_ORDER_RISK_FIRST, error))
        return FALSE;
    }
  return TRUE;
}

/* Children are written in batches of this many per transaction, so the journal stays
 * small on the 20,000-child database; a failure removes the whole file anyway. */
#define CHILDREN_PER_TRANSACTION 1000

static gboolean
write_demo (Demo                  *demo,
            const RmmDemoOptions  *options,
            GError               **error)
{
  if (!rmm_store_begin (demo->store, error))
    return FALSE;
  rmm_demo_set_clock (demo, &demo->start, 8, 0);
  if (!mark_as_demo (demo, options, error) || !rmm_demo_add_agencies (demo, error))
    goto failed;
  for (guint i = 0; i < N_AREAS; i++)
    if (!rmm_demo_add_area (demo, i, error))
      goto failed;

  for (guint i = 0; i < options->n_children; i++)
    {
      if (!rmm_demo_simulate_child (demo, error))
        goto failed;
      if ((i + 1) % CHILDREN_PER_TRANSACTION == 0 &&
          (!rmm_store_commit (demo->store, error) || !rmm_store_begin (demo->store, error)))
        return FALSE;
    }
  if (!rmm_demo_hold_meetings (demo, error) || !add_concerns_not_referred (demo, error) ||
      !rmm_demo_prepare_coming_week (demo, error) || !build_coming_agendas (demo, error) ||
      !rmm_demo_add_series (demo, error))
    goto failed;
  return rmm_store_commit (demo->store, error);

failed:
  rmm_store_rollback (demo->store);
  return FALSE;
}

gboolean
rmm_demo_generate (RmmStore              *store,
                   const RmmDemoOptions  *options,
                   GError               **error)
{
  g_autofree char *actor = g_strdup (rmm_store_get_actor (store));
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->today), FALSE);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.names_in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.chair_additions = g_array_new (FALSE, FALSE, sizeof (ChairAddition));
  demo.today = options->today;
  demo.start = options->today;
  g_date_subtract_days (&demo.start, 365 * MAX (options->years, 1));
  rmm_store_set_actor (store, "demo");

  rmm_store_set_bulk_writing (store, TRUE);
  ok = write_demo (&demo, options, error);
  rmm_store_set_bulk_writing (store, FALSE);

  rmm_store_set_clock (store, NULL);
  rmm_store_set_actor (store, actor);
  g_rand_free (demo.rand);
  for (guint i = 0; i < N_AGENCIES; i++)
    {
      g_clear_pointer (&demo.staff[i], g_array_unref);
      g_clear_pointer (&demo.staff_names[i], g_ptr_array_unref);
    }
  g_hash_table_unref (demo.names_in_use);
  g_array_unref (demo.chair_additions);
  for (guint i = 0; i < N_AREAS; i++)
    {
      g_clear_pointer (&demo.areas[i].meetings, g_array_unref);
      g_clear_pointer (&demo.areas[i].days, g_array_unref);
    }
  return ok;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* --force may replace a demo, never anything else; even a demo is kept aside first, as
 * "NAME.replaced-TIME", since the demo is where people try things out. */
static gboolean
set_aside_demo (const char  *path,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RmmStore) old = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &local_error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.replaced-%s", path, stamp);

  if (old == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” could not be read as a demo database (%s); --force replaces only a "
                     "demo database. Move the file away yourself if you mean to."),
                   path, local_error->message);
      return FALSE;
    }
  if (!rmm_store_is_demo (old))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” is not a demo database: it may hold real children’s records. "
                     "--force replaces only a demo database."), path);
      return FALSE;
    }
  return rmm_store_backup (old, aside, error);
}

/* A new demo database at @path; an existing file is replaced only when @replace, and only
 * when it is a demo itself. */
RmmStore *
rmm_demo_create (const char            *path,
                 const RmmDemoOptions  *options,
                 gboolean               replace,
                 GError               **error)
{
  g_autoptr(RmmStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* A server's database (a training one) is never replaced: it must be empty. */
  if (rmm_server_is_connection_string (path))
    {
      if (!(store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, error)) ||
          !rmm_store_is_empty (store, error) ||
          !rmm_demo_generate (store, options, error))
        return NULL;
      return g_steal_pointer (&store);
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IS_FOLDER,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!replace)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                       _("“%s” already exists; use --force to replace it."), path);
          return NULL;
        }
      if (!set_aside_demo (path, error))
        return NULL;
      remove_database_files (path);
    }

  if (!(store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, error)))
    return NULL;
  if (!rmm_demo_generate (store, options, error))
    {
      g_clear_object (&store);
      remove_database_files (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}
