/* rmm-cli-import.c: rmmctl import referrals: an agency’s CSV, checked, then added whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-cli-private.h"
#include "rmm-referral-import.h"

static void
print_import_summary (RmmReferralImport *import,
                      const char        *file,
                      gboolean           written)
{
  g_auto(GStrv) agencies = rmm_referral_import_dup_new_agencies (import);
  g_autofree char *counts = rmm_referral_import_describe (import, file, written);

  /* TRANSLATORS: "Read referrals.csv (UTF-8): 3 referrals. Added 2 referrals: …" */
  g_print (_("Read %s\n"), counts);
  if (agencies[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", agencies);
      g_print (written ? _("New agencies added: %s.\n") : _("New agencies to add: %s.\n"), list);
    }
  for (guint i = 0; i < rmm_referral_import_get_n_rows (import); i++)
    {
      const RmmImportRow *row = rmm_referral_import_get_row (import, i);

      if (row->repeat && !row->duplicate)
        {
          g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

          g_print (_("line %u: repeat referral for %s (within 12 months of the last)\n"),
                   row->line, rmm_cli_text (pool, row->child_ref));
        }
    }
}

int
rmm_cli_import (const char *database,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("referrals FILE.csv — add the "
                                                             "referrals in an agency’s CSV file"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  gboolean template = FALSE, dry_run = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_NONE, &template, N_("Print the header row and exit"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and report; write nothing"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("All or nothing: any wrong row rejects the file, every "
                                "problem is listed as “line N, column X (name): what is "
                                "wrong”, and the database is unchanged. Referrals already "
                                "recorded are skipped, so importing a file twice adds "
                                "nothing. UTF-8 (with or without a byte-order mark), "
                                "UTF-16 and Windows-1252 files are read, the encoding "
                                "decided from the whole file; a file partly UTF-8 is "
                                "refused, naming each place that is not. A row with "
                                "more or fewer fields than the header, or a control "
                                "character in a field, is refused; so is a file over "
                                "250 MB. Dates as 2026-11-23 or 23/11/2026, times as UK "
                                "local time."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc < 2 || !g_str_equal (argv[1], "referrals"))
    return rmm_cli_usage_error (context, _("import what? referrals"));
  if (template)
    {
      g_print ("%s\n", rmm_referral_import_get_template ());
      return EXIT_SUCCESS;
    }
  if (argc != 3)
    return rmm_cli_usage_error (context, _("import referrals needs one CSV file"));

  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);

  file = g_file_new_for_commandline_arg (argv[2]);
  name = g_path_get_basename (argv[2]);
  import = rmm_referral_import_new (store, name);
  if (!rmm_referral_import_read_file (import, file, NULL, &error))
    {
      GPtrArray *problems = rmm_referral_import_get_problems (import);
      guint n_problems = rmm_referral_import_get_n_problems (import);

      /* A file that cannot be opened at all is one line saying why. */
      if (error->domain == G_IO_ERROR)
        return rmm_cli_fail (error);
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", (char *)g_ptr_array_index (problems, i));
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "rmmctl: %s: %u problem, nothing was imported\n",
                               "rmmctl: %s: %u problems, nothing was imported\n", n_problems),
                  argv[2], n_problems);
      return EXIT_FAILURE;
    }
  if (!dry_run && !rmm_referral_import_commit (import, &error))
    return rmm_cli_fail (error);
  print_import_summary (import, argv[2], !dry_run);
  return EXIT_SUCCESS;
}
