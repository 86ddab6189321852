/* rmm-cli-maintenance.c: rmmctl demo, check, backup and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-cli-private.h"
#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-store-anchors.h"

int
rmm_cli_demo (const char *database,
              int         argc,
              char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— create a demo database of "
                                                             "fictitious people"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autofree char *today = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *children_text = NULL;
  g_autofree char *meetings_text = NULL;
  RmmDemoOptions options;
  int n_children = 1500, years = 1, seed = 1, status = 0;
  guint made_children, made_meetings;
  gboolean force = FALSE;
  gint64 started;
  GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_INT, &n_children, N_("How many children (default 1500)"), "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of weekly meetings (default 1)"), "Y" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: same seed, same data (default 1)"), "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The demo’s today (default: today)"), "YYYY-MM-DD" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing database file"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Every person, place and school in it is invented."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("demo takes no arguments"));
  if (n_children < 1 || n_children > 1000000 || years < 1 || years > 20 || seed < 0)
    return rmm_cli_usage_error (context, _("--children must be 1–1000000, --years 1–20, --seed ≥ 0"));

  rmm_demo_options_init (&options);
  options.n_children = n_children;
  options.years = years;
  options.seed = seed;
  if (today != NULL && !rmm_date_parse (today, &options.today))
    return rmm_cli_usage_error (context, _("--today must be a date as YYYY-MM-DD"));

  started = g_get_monotonic_time ();
  if (!(store = rmm_demo_create (database, &options, force, &error)))
    return rmm_cli_fail (error);

  meetings = rmm_store_list_meetings (store, 0, NULL);
  children = rmm_store_list_children (store, 0, NULL);
  made_children = children ? g_list_model_get_n_items (children) : 0;
  made_meetings = meetings ? g_list_model_get_n_items (meetings) : 0;
  children_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children",
                                                made_children), made_children);
  meetings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings",
                                                made_meetings), made_meetings);
  /* TRANSLATORS: "Created the demo database demo.sqlite: 2000 children, 1560 meetings, …" */
  g_print (_("Created the demo database %s: %s, %s, in %.1f s.\n"), database, children_text,
           meetings_text,
           (g_get_monotonic_time () - started) / 1e6);
  return EXIT_SUCCESS;
}

int
rmm_cli_check (const char *database,
               int         argc,
               char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— check the database’s "
                                                             "integrity and audit trail"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seals = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "anchor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &seals,
      N_("An audit seal from a signed-off minutes (“Audit seal: event 9031, 3f2a…”), as "
         "9031:3f2a…; may be repeated"), "EVENT:HASH" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Runs SQLite’s integrity and foreign-key checks, compares "
                                "the schema and its guards with RMM Desk’s, verifies the "
                                "audit trail’s hash chain, replays the trail against "
                                "every row, and checks that the trail still reaches "
                                "every anchor kept outside the file (each backup’s, "
                                "this computer’s, and any --anchor). Prints “ok”, or "
                                "each problem, one a line, and exits 1."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("check takes no arguments"));
  for (guint i = 0; seals != NULL && seals[i] != NULL; i++)
    {
      g_autofree char *source = g_strdup_printf (_("the seal %s"), seals[i]);
      RmmAnchor *anchor = rmm_anchor_parse (seals[i], source, &error);

      if (anchor == NULL)
        return rmm_cli_usage_error (context, error->message);
      g_ptr_array_add (anchors, anchor);
    }
  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);

  if (rmm_store_check_against (store, anchors, &problems, NULL))
    {
      g_print ("ok\n");
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *)g_ptr_array_index (problems, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "rmmctl: %s failed its check (%u problem)\n",
                          "rmmctl: %s failed its check (%u problems)\n", problems->len),
              database, problems->len);
  return EXIT_FAILURE;
}

int
rmm_cli_backup (const char *database,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DEST — copy the database "
                                                             "safely, even while in use"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rmm_cli_usage_error (context, _("backup needs one destination file"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !rmm_store_backup (store, argv[1], &error))
    return rmm_cli_fail (error);
  g_print (_("Backed up %s to %s (its audit trail’s head is in %s.anchor: keep them "
             "together)\n"), database, argv[1], argv[1]);
  return EXIT_SUCCESS;
}

int
rmm_cli_restore (const char *database,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("SRC — replace the database "
                                                             "with a backup"));
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  int status = 0;

  g_option_context_set_description (context,
                                    _("The backup must pass “rmmctl check”, and reach the head "
                                      "recorded beside it (SRC.anchor) when there is one. The "
                                      "database it replaces is kept beside it as "
                                      "NAME.before-restore-TIME. Close RMM Desk first."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rmm_cli_usage_error (context, _("restore needs one backup file"));
  if (!rmm_store_restore (argv[1], database, &saved, &error))
    return rmm_cli_fail (error);
  g_print (_("Restored %s from %s\n"), database, argv[1]);
  if (saved != NULL)
    g_print (_("The database it replaced is kept as %s\n"), saved);
  return EXIT_SUCCESS;
}
