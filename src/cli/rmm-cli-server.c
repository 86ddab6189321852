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

/* rmmctl migrate --from FILE --to URI: a team's SQLite database, audit trail and all, into an
 * empty database on a server, checked on both sides before it is committed. */
int
rmm_cli_migrate (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— move a team’s database "
                                                             "file onto a shared server"));
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 rows = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The database file (default: --database)"), "FILE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The server’s database, set up and empty"), "URI" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Every row is copied, the audit trail whole, in one "
                                "transaction: the file is checked first, and the server’s copy "
                                "is checked and counted table by table against the file before "
                                "it is committed. The file is only read. The server’s database "
                                "must be set up (“rmmctl server init”) and empty."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rmm_cli_usage_error (context, _("migrate takes no arguments"));
  if (to == NULL)
    return rmm_cli_usage_error (context, _("migrate needs --to postgresql://HOST/DATABASE"));
  if (!(copied = rmm_store_move_to_server (from ? from : database, to, &error)))
    return rmm_cli_fail (error);

  for (guint i = 0; i < copied->len; i++)
    rows += ((RmmStoreTableCopy *)g_ptr_array_index (copied, i))->rows;
  /* TRANSLATORS: "Moved 104523 rows in 31 tables from rmm.sqlite; both pass their check." */
  g_print (_("Moved %" G_GINT64_FORMAT " rows in %u tables from %s; both pass their check.\n"),
           rows, copied->len, from ? from : database);
  return EXIT_SUCCESS;
}
