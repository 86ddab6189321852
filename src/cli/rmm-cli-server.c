/* rmm-cli-server.c: rmmctl server: a shared PostgreSQL server set up for RMM Desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rmm-cli-private.h"
#include "rmm-server.h"

/* rmmctl server init: RMM Desk's schema on an empty database, or an older one brought
 * forward; a database of another program or of a newer RMM Desk is left as it was. */
int
rmm_cli_server (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("init — set a shared "
                                                             "PostgreSQL database up"));
  g_autoptr(RmmServerInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  guint version = 0;
  int status = 0;

  if (!rmm_cli_parse_options (context, NULL,
                              _("The database is a PostgreSQL connection string given with "
                                "--database or $RMM_DATABASE: a URI "
                                "(postgresql://rmm.example.org/rmm) or libpq’s keywords "
                                "(host=/run/postgresql dbname=rmm). A server that is not on "
                                "this computer is reached over TLS with its certificate "
                                "verified, unless the address sets another sslmode; the "
                                "password comes from ~/.pgpass or the service file. "
                                "“init” creates RMM Desk’s schema in an empty database, all "
                                "or nothing, and says so again, changing nothing, when it "
                                "is there already."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "init"))
    return rmm_cli_usage_error (context, _("server what? init"));
  if (!rmm_server_is_connection_string (database))
    return rmm_cli_usage_error (context, _("server init needs a PostgreSQL server: "
                                           "--database postgresql://HOST/DATABASE"));
  if (!rmm_server_init (database, &version, &created, &info, &error))
    return rmm_cli_fail (error);

  if (created)
    g_print (_("RMM Desk’s schema (version %u) is set up on the database “%s”.\n"), version,
             info->database);
  else
    g_print (_("The database “%s” has RMM Desk’s schema (version %u) already: nothing to "
               "do.\n"), info->database, version);
  g_print (_("Connection: %s\n"), info->security);
  return EXIT_SUCCESS;
}
