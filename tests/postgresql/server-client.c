/* server-client.c: one of many laptops on one server, for test-concurrency.py
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   server-client CONNINFO setup N      an area, two chairs, a meeting in progress, and an
 *                                       agenda item for each of N clients; prints their ids
 *   server-client CONNINFO load K SECONDS EVERY AGENDA MEETING CHAIR1 CHAIR2 ITEM
 *                                       for the benchmark: reads the agenda of meeting AGENDA,
 *                                       saves ITEM's minutes and confirms a rating with both
 *                                       chairs, each timed, starting again every EVERY ms (0: at
 *                                       once); prints "agenda|minutes|decision MILLISECONDS"
 *   server-client CONNINFO conflict ITEM
 *                                       two laptops save the same item's minutes from the same
 *                                       version: the second is refused, as across windows
 *   server-client CONNINFO run K SECONDS AREA MEETING CHAIR1 CHAIR2 ITEM
 *                                       client K: for SECONDS, again and again, imports a
 *                                       referral, confirms a rating with both chairs and saves
 *                                       its item's minutes; prints every change the store
 *                                       acknowledged, one line each
 *
 * Only fictitious people.
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>

#include "rmm-error.h"
#include "rmm-referral-import.h"
#include "rmm-store.h"

static RmmStore *
open_store (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  RmmStore *store = rmm_store_open (conninfo, RMM_STORE_OPEN_EXISTING, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static gint64
must (gint64  id,
      GError *error)
{
  if (id <= 0)
    g_error ("%s", error ? error->message : "refused");
  return id;
}

static int
set_up (const char *conninfo,
        guint       n_clients)
{
  g_autoptr(RmmStore) store = open_store (conninfo);
  g_autoptr(GError) error = NULL;
  gint64 area, agency, chair1, chair2, meeting;
  RmmAttendanceInput present = { 0 };

  area = must (rmm_store_add_area (store, "Testshire Central", "surrey-3-level", &error), error);
  agency = must (rmm_store_add_agency (store, "Testshire Children’s Services",
                                       "childrens-services", &error), error);
  must (rmm_store_add_agency (store, "Testshire Constabulary", "police", &error), error);
  chair1 = must (rmm_store_add_professional (store, agency, "Ada Chairwell", "", &error), error);
  chair2 = must (rmm_store_add_professional (store, agency, "Ben Cochair", "", &error), error);
  meeting = must (rmm_store_add_meeting (store, area, "2026-11-30", chair1, chair2, 0, &error),
                  error);
  present.agency_id = agency;
  present.name = "Ada Chairwell";
  present.status = RMM_ATTENDANCE_STATUS_PRESENT;
  if (!rmm_store_open_meeting (store, meeting, &present, 1, TRUE, &error))
    g_error ("%s", error->message);
  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
           area, meeting, chair1, chair2);
  for (guint k = 0; k < n_clients; k++)
    {
      g_autofree char *reference = g_strdup_printf ("TC-%u", k);
      RmmChildInput child = {
        .reference = reference, .first_name = "Robin", .last_name = "Testchild",
        .date_of_birth = "2012-05-01", .gender = "female", .area_id = area,
      };
      gint64 child_id = must (rmm_store_add_child (store, &child, &error), error);

      g_print (" %" G_GINT64_FORMAT,
               must (rmm_store_add_agenda_item (store, meeting, child_id, "added-by-chair",
                                                &error), error));
    }
  g_print ("\n");
  return EXIT_SUCCESS;
}

/* A referral for a new child, as an agency's CSV brings it; its reference when saved. */
static char *
import_referral (RmmStore   *store,
                 guint       client,
                 guint       n)
{
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (store, "client.csv");
  g_autoptr(GString) csv = g_string_new (rmm_referral_import_get_template ());
  g_autofree char *reference = g_strdup_printf ("W%u-%u", client, n);

  g_string_append_printf (csv, "\n%s,Kit,Testchild,2012-01-01,Testshire Central,"
                          "2026-11-27 10:00,Ruth Referrer,Testshire Constabulary,"
                          "single-point-of-access,Concern %u,,\n", reference, n);
  if (!rmm_referral_import_read (import, csv->str, csv->len, NULL) ||
      !rmm_referral_import_commit (import, NULL))
    return NULL;
  return g_steal_pointer (&reference);
}

static int
run (const char *conninfo,
     char      **argv)
{
  g_autoptr(RmmStore) store = open_store (conninfo);
  guint client = atoi (argv[0]);
  gint64 seconds = atoi (argv[1]);
  gint64 meeting = g_ascii_strtoll (argv[3], NULL, 10);
  gint64 chair1 = g_ascii_strtoll (argv[4], NULL, 10);
  gint64 chair2 = g_ascii_strtoll (argv[5], NULL, 10);
  gint64 item = g_ascii_strtoll (argv[6], NULL, 10);
  gint64 version = 1;
  gint64 last_rating = 0;
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (store, item, NULL);

  for (guint n = 0; g_get_monotonic_time () < until; n++)
    {
      g_autofree char *reference = import_referral (store, client, n);
      g_autofree char *text = g_strdup_printf ("Client %u, minute %u.", client, n);
      RmmDecisionInput rating = {
        .child_id = facts->child_id, .meeting_id = meeting,
        .kind = RMM_DECISION_KIND_RISK_RATING, .value = n % 2 ? "high" : "medium",
      };
      gint64 decision, saved;

      if (reference != NULL)
        g_print ("referral %s\n", reference);
      /* The child's rating, then corrections of it, each confirmed by both chairs. */
      decision = last_rating == 0
                 ? rmm_store_decide (store, &rating, NULL, chair1, NULL, NULL)
                 : rmm_store_correct_decision (store, last_rating, &rating, NULL,
                                               "Reviewed again", NULL);
      if (decision > 0 &&
          (last_rating == 0 || rmm_store_confirm_decision (store, decision, chair1, NULL)) &&
          rmm_store_confirm_decision (store, decision, chair2, NULL))
        {
          last_rating = decision;
          g_print ("decision %" G_GINT64_FORMAT " %s\n", decision, rating.value);
        }
      if ((saved = rmm_store_set_minute_text (store, item, text, version, NULL)) > 0)
        {
          version = saved;
          g_print ("minute %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n", item, version, text);
        }
    }
  return EXIT_SUCCESS;
}

static double
ms_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

/* One laptop of many in a meeting: the agenda read, its item's minutes saved, a rating
 * confirmed by both chairs; each timed. Begun every @every ms, as people at their laptops
 * do (laptop K first after K/50 of that, so that the laptops do not all start at once), or
 * as fast as it can. */
static int
load (const char *conninfo,
      char      **argv)
{
  g_autoptr(RmmStore) store = open_store (conninfo);
  guint client = atoi (argv[0]);
  gint64 seconds = atoi (argv[1]);
  gint64 every = g_ascii_strtoll (argv[2], NULL, 10) * 1000;
  gint64 agenda_meeting = g_ascii_strtoll (argv[3], NULL, 10);
  gint64 meeting = g_ascii_strtoll (argv[4], NULL, 10);
  gint64 chair1 = g_ascii_strtoll (argv[5], NULL, 10);
  gint64 chair2 = g_ascii_strtoll (argv[6], NULL, 10);
  gint64 item = g_ascii_strtoll (argv[7], NULL, 10);
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (store, item, NULL);
  gint64 begun = g_get_monotonic_time () + every * (client % 50) / 50;
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gint64 version = facts->row_version, last_rating = 0;

  for (guint n = 0; MAX (begun + n * every, g_get_monotonic_time ()) < until; n++)
    {
      g_autofree char *text = g_strdup_printf ("Minute %u.", n);
      RmmDecisionInput rating = {
        .child_id = facts->child_id, .meeting_id = meeting,
        .kind = RMM_DECISION_KIND_RISK_RATING, .value = n % 2 ? "high" : "medium",
      };
      g_autoptr(GListModel) agenda = NULL;
      gint64 started, saved, decision;

      if (begun + n * every > g_get_monotonic_time ())
        g_usleep (begun + n * every - g_get_monotonic_time ());
      started = g_get_monotonic_time ();
      if ((agenda = rmm_store_list_agenda (store, agenda_meeting, NULL)) == NULL)
        g_error ("the agenda could not be read");
      g_print ("agenda %.2f\n", ms_since (started));

      started = g_get_monotonic_time ();
      if ((saved = rmm_store_set_minute_text (store, item, text, version, NULL)) <= 0)
        g_error ("minutes refused");
      version = saved;
      g_print ("minutes %.2f\n", ms_since (started));

      started = g_get_monotonic_time ();
      decision = last_rating == 0
                 ? rmm_store_decide (store, &rating, NULL, chair1, NULL, NULL)
                 : rmm_store_correct_decision (store, last_rating, &rating, NULL,
                                               "Reviewed again", NULL);
      if (decision <= 0 ||
          (last_rating != 0 && !rmm_store_confirm_decision (store, decision, chair1, NULL)) ||
          !rmm_store_confirm_decision (store, decision, chair2, NULL))
        g_error ("rating refused");
      last_rating = decision;
      g_print ("decision %.2f\n", ms_since (started));
    }
  return EXIT_SUCCESS;
}

static int
conflict (const char *conninfo,
          gint64      item)
{
  g_autoptr(RmmStore) one = open_store (conninfo);
  g_autoptr(RmmStore) other = open_store (conninfo);
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (other, item, NULL);
  g_autoptr(GError) error = NULL;

  if (rmm_store_set_minute_text (one, item, "Saved first, on one laptop.", facts->row_version,
                                 &error) <= 0)
    g_error ("%s", error->message);
  if (rmm_store_set_minute_text (other, item, "Saved second, from what it had read.",
                                 facts->row_version, &error) > 0)
    g_error ("the second laptop overwrote the first's minutes");
  if (!g_error_matches (error, RMM_ERROR, RMM_ERROR_CONFLICT))
    g_error ("refused, but not as a conflict: %s", error->message);
  g_print ("conflict refused: %s\n", error->message);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[2], "setup"))
    return set_up (argv[1], atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[2], "conflict"))
    return conflict (argv[1], g_ascii_strtoll (argv[3], NULL, 10));
  if (argc == 11 && g_str_equal (argv[2], "load"))
    return load (argv[1], argv + 3);
  if (argc == 10 && g_str_equal (argv[2], "run"))
    return run (argv[1], argv + 3);
  g_printerr ("usage: server-client CONNINFO setup N | conflict ITEM | run K SECONDS AREA "
              "MEETING CHAIR1 CHAIR2 ITEM | load K SECONDS EVERY AGENDA MEETING CHAIR1 CHAIR2 "
              "ITEM\n");
  return 2;
}
