/* rmm-cli-area.c: rmmctl area: an area's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl area language NAME [en|cy|both]
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-area.h"
#include "rmm-error.h"
#include "rmm-cli-private.h"

/* "en" → "English": as the README and the window say them. */
static const char *
describe_language (const char *language)
{
  if (g_strcmp0 (language, "cy") == 0)
    return _("Welsh");
  if (g_strcmp0 (language, "both") == 0)
    return _("Welsh and English (bilingual, Welsh first)");
  return _("English");
}

int
rmm_cli_area (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("language NAME [en|cy|both] — "
                                                             "an area’s documents language"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmArea) area = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  int status = 0;
  GOptionEntry entries[] = { { NULL } };

  if (!rmm_cli_parse_options (context, entries,
                              _("The language an area’s documents are written in: en "
                                "(English), cy (Welsh) or both (bilingual, Welsh first, as the "
                                "Welsh Language Standards expect). An export may still ask "
                                "for another (--language). Without a language, says the "
                                "area’s. On a server, the database owner’s to set, as the "
                                "areas are."),
                              NULL, &argc, &argv, &status))
    return status;
  if ((argc != 3 && argc != 4) || !g_str_equal (argv[1], "language"))
    return rmm_cli_usage_error (context, _("area language NAME [en|cy|both]"));
  if (argc == 4 && !g_str_equal (argv[3], "en") && !g_str_equal (argv[3], "cy") &&
      !g_str_equal (argv[3], "both"))
    return rmm_cli_usage_error (context, _("the documents language is en (English), cy "
                                           "(Welsh) or both (bilingual, Welsh first)"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(area = rmm_store_find_area (store, argv[2], &error)))
    return rmm_cli_fail (error);
  if (argc == 4 &&
      !rmm_store_set_documents_language (store, rmm_area_get_id (area), argv[3], &error))
    return rmm_cli_fail (error);
  language = rmm_store_get_documents_language (store, "area", rmm_area_get_id (area));
  g_print (_("%s’s documents are in %s.\n"), rmm_area_get_name (area),
           describe_language (language));
  return EXIT_SUCCESS;
}
