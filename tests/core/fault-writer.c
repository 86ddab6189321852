/* fault-writer.c: a second process writing to a database, for tests/core/test-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fault-writer decision DATABASE CHILD MEETING CHAIR1 CHAIR2
 *       confirm a medium rating by both chairs, print the time of the commit, exit
 *   fault-writer burst DATABASE ITEM ACKS
 *       save minute text "burst N" for N = 1, 2, … and every tenth time also record new
 *       information, forever; after each commit append N to ACKS and sync it, so whoever kills
 *       this process knows what it was told was saved
 *   fault-writer checkpoints DATABASE CHILD ACKS
 *       record twenty long notes in one transaction, then checkpoint the WAL into the file, for
 *       N = 1, 2, … forever, acknowledging N after each commit: killed, the file is left
 *       part-way through a checkpoint, with the rest of its pages still in the WAL
 *   fault-writer hold DATABASE SECONDS
 *       take the write lock (as a long import does), print "holding", keep it for SECONDS,
 *       record a note of it and commit
 *   fault-writer imports DATABASE AREA AGENCY PREFIX ACKS
 *       import a file of fifty new referrals (references PREFIX-N-…) as N, checkpointing after every other one,
 *       forever, acknowledging N after each import
 */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rmm-referral-import.h"
#include "rmm-store-private.h"

static gint64
number (const char *text)
{
  return g_ascii_strtoll (text, NULL, 10);
}

static int
write_decision (RmmStore  *store,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = number (argv[3]), .meeting_id = number (argv[4]), .kind = RMM_DECISION_KIND_RISK_RATING,
    .value = "medium",
  };
  gint64 id = rmm_store_propose_decision (store, &input, &error);

  if (id == 0 || !rmm_store_confirm_decision (store, id, number (argv[5]), &error) ||
      !rmm_store_confirm_decision (store, id, number (argv[6]), &error))
    {
      g_printerr ("fault-writer: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  return EXIT_SUCCESS;
}

/* Tell whoever kills this process that @n was saved. */
static gboolean
acknowledge (int   acks,
             guint n)
{
  g_autofree char *line = g_strdup_printf ("%u\n", n);

  return write (acks, line, strlen (line)) >= 0 && fsync (acks) == 0;
}

static int
fail (GError *error)
{
  g_printerr ("fault-writer: %s\n", error->message);
  return EXIT_FAILURE;
}

static gboolean
checkpoint (RmmStore  *store,
            GError   **error)
{
  return rmm_db_exec (rmm_store_get_db (store), "PRAGMA wal_checkpoint(FULL)", error);
}

static int
write_checkpoints (RmmStore  *store,
                   char     **argv)
{
  g_autofree char *padding = g_strnfill (1500, 'x');
  int acks = open (argv[4], O_WRONLY | O_CREAT | O_APPEND, 0600);

  /* Only the explicit checkpoints below, each over many pages. */
  rmm_db_exec (rmm_store_get_db (store), "PRAGMA wal_autocheckpoint = 0", NULL);
  for (guint n = 1;; n++)
    {
      g_autoptr(GError) error = NULL;

      if (!rmm_store_begin (store, &error))
        return fail (error);
      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *summary = g_strdup_printf ("checkpoint %u.%u %s", n, i, padding);
          RmmInformationNoteInput note = {
            .child_id = number (argv[3]), .kind = "update", .summary = summary,
          };

          if (rmm_store_add_information_note (store, &note, &error) == 0)
            return fail (error);
        }
      if (!rmm_store_commit (store, &error))
        return fail (error);
      if (!acknowledge (acks, n) || !checkpoint (store, &error))
        return error ? fail (error) : EXIT_FAILURE;
    }
}

static char *
referrals_file (const char *prefix,
                guint       n,
                const char *area,
                const char *agency)
{
  GString *csv = g_string_new (rmm_referral_import_get_template ());

  g_string_append_c (csv, '\n');
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (csv, "%s-%u-%u,Kit,Killtest,2012-01-01,%s,2026-11-02 10:00,"
                            "Ruth Referrer,%s,single-point-of-access,Import %u row %u,,\n",
                            prefix, n, i, area, agency, n, i);
  return g_string_free (csv, FALSE);
}

static int
write_imports (RmmStore  *store,
               char     **argv)
{
  int acks = open (argv[6], O_WRONLY | O_CREAT | O_APPEND, 0600);

  rmm_db_exec (rmm_store_get_db (store), "PRAGMA wal_autocheckpoint = 0", NULL);
  for (guint n = 1;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RmmReferralImport) import = rmm_referral_import_new (store, "kill.csv");
      g_autofree char *csv = referrals_file (argv[5], n, argv[3], argv[4]);

      if (!rmm_referral_import_read (import, csv, strlen (csv), &error) ||
          !rmm_referral_import_commit (import, &error))
        return fail (error);
      if (!acknowledge (acks, n) || (n % 2 == 0 && !checkpoint (store, &error)))
        return error ? fail (error) : EXIT_FAILURE;
    }
}

static int
hold_lock (RmmStore  *store,
           char     **argv)
{
  g_autoptr(GError) error = NULL;

  if (!rmm_store_begin (store, &error))
    return fail (error);
  g_print ("holding\n");
  fflush (stdout);
  g_usleep (number (argv[3]) * G_USEC_PER_SEC);
  if (!rmm_store_set_info (store, "held-by", "fault-writer", &error) ||
      !rmm_store_commit (store, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
write_bursts (RmmStore  *store,
              char     **argv)
{
  gint64 item_id = number (argv[3]);
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (store, item_id, NULL);
  gint64 version = facts->row_version;
  int acks = open (argv[4], O_WRONLY | O_CREAT | O_APPEND, 0600);

  for (guint n = 1;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("burst %u", n);

      version = rmm_store_set_minute_text (store, item_id, text, version, &error);
      if (version == 0)
        {
          g_printerr ("fault-writer: %s\n", error->message);
          return EXIT_FAILURE;
        }
      if (n % 10 == 0)
        {
          RmmInformationNoteInput note = {
            .child_id = facts->child_id, .kind = "update", .summary = text,
          };

          if (rmm_store_add_information_note (store, &note, &error) == 0)
            {
              g_printerr ("fault-writer: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      if (!acknowledge (acks, n))
        return EXIT_FAILURE;
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;

  if (argc < 3 || !(store = rmm_store_open (argv[2], RMM_STORE_OPEN_EXISTING, &error)))
    {
      g_printerr ("fault-writer: %s\n", error ? error->message : "usage");
      return 2;
    }
  if (g_str_equal (argv[1], "decision") && argc == 7)
    return write_decision (store, argv);
  if (g_str_equal (argv[1], "burst") && argc == 5)
    return write_bursts (store, argv);
  if (g_str_equal (argv[1], "hold") && argc == 4)
    return hold_lock (store, argv);
  if (g_str_equal (argv[1], "checkpoints") && argc == 5)
    return write_checkpoints (store, argv);
  if (g_str_equal (argv[1], "imports") && argc == 7)
    return write_imports (store, argv);
  return 2;
}
