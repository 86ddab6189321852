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
 */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rmm-store.h"

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
    .child_id = number (argv[3]), .meeting_id = number (argv[4]), .kind = "risk-rating",
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
      g_autofree char *line = g_strdup_printf ("%u\n", n);

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
      if (write (acks, line, strlen (line)) < 0 || fsync (acks) != 0)
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
  return 2;
}
