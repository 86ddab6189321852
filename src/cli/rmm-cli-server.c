/* rmm-cli-server.c: rmmctl server: a shared PostgreSQL server set up for RMM Desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-cli-private.h"
#include "rmm-server.h"

/* rmmctl server init: RMM Desk's schema on an empty database, or an older one brought
 * forward; a database of another program or of a newer RMM Desk is left as it was. */
static int
server_init (const char *database)
{
  g_autoptr(RmmServerInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  guint version = 0;

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

/* rmmctl server grant|revoke LOGIN ROLE --area NAME…: all or nothing, in the audit trail. */
static int
server_grant (const char  *database,
              gboolean     grant,
              const char  *login,
              const char  *role,
              GStrv        areas)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *named = NULL;
  gboolean ok;

  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);
  ok = grant ? rmm_store_grant_role (store, login, role, (const char * const *)areas, &error)
             : rmm_store_revoke_role (store, login, role, (const char * const *)areas, &error);
  if (!ok)
    return rmm_cli_fail (error);

  if (areas != NULL && areas[0] != NULL)
    {
      g_autoptr(GPtrArray) once = g_ptr_array_new ();

      for (guint i = 0; areas[i] != NULL; i++)
        if (!g_ptr_array_find_with_equal_func (once, areas[i], g_str_equal, NULL))
          g_ptr_array_add (once, areas[i]);
      g_ptr_array_add (once, NULL);
      named = g_strjoinv (", ", (char **)once->pdata);
    }
  if (grant)
    /* TRANSLATORS: "“jdoe” is a chair of Ashdown North, Ashdown South." */
    g_print (_("“%s” is %s of %s.\n"), login, rmm_area_role_describe (role), named);
  else if (named != NULL)
    g_print (_("“%s” is no longer %s of %s.\n"), login, rmm_area_role_describe (role), named);
  else
    g_print (_("“%s” is no longer %s of any area.\n"), login, rmm_area_role_describe (role));
  return EXIT_SUCCESS;
}

/* rmmctl server members: every login's current role in each area. */
static int
server_members (const char *database,
                gboolean    json)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(members = rmm_store_list_members (store, &error)))
    return rmm_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      RmmAreaMember *member = g_ptr_array_index (members, i);

      /* TRANSLATORS: "jdoe  chair  Ashdown North  (since 2026-11-30T10:00:00Z)" */
      g_string_append_printf (text, _("%s  %s  %s  (since %s)\n"),
                              rmm_cli_text (pool, member->login), member->role,
                              rmm_cli_text (pool, member->area), member->granted_at);
      json_builder_begin_object (builder);
      rmm_cli_add_string (builder, "login", member->login);
      rmm_cli_add_string (builder, "role", member->role);
      rmm_cli_add_string (builder, "area", member->area);
      rmm_cli_add_string (builder, "granted_at", member->granted_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (members->len == 0 && !json)
    g_string_append (text, _("No login is a member of any area.\n"));
  rmm_cli_print_either (builder, text, json);
  return EXIT_SUCCESS;
}

/* rmmctl server set two-logins on|off: the two-person rule kept by the server, or not. */
static int
server_set (const char *database,
            const char *value)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean on = g_str_equal (value, "on");

  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !rmm_store_set_two_logins (store, on, &error))
    return rmm_cli_fail (error);
  if (on)
    g_print (_("A decision’s two confirmations must now come from two different logins, each "
               "a chair of the child’s area.\n"));
  else
    g_print (_("One login may now give both chairs’ confirmations of a decision (the chairs at "
               "one laptop); each confirmation records the login that gave it.\n"));
  return EXIT_SUCCESS;
}

int
rmm_cli_server (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("init | grant LOGIN ROLE | "
                                                             "revoke LOGIN ROLE | members | "
                                                             "set two-logins on|off — a "
                                                             "shared PostgreSQL database"));
  g_auto(GStrv) areas = NULL;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas, N_("An area the role is granted or revoked for (again for more)"), N_("NAME") },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The database is a PostgreSQL connection string given with "
                                "--database or $RMM_DATABASE: a URI "
                                "(postgresql://rmm.example.org/rmm) or libpq’s keywords "
                                "(host=/run/postgresql dbname=rmm). A server that is not on "
                                "this computer is reached over TLS with its certificate "
                                "verified, unless the address sets another sslmode; the "
                                "password comes from ~/.pgpass or the service file.\n\n"
                                "“init” creates RMM Desk’s schema in an empty database, all "
                                "or nothing, and says so again, changing nothing, when it "
                                "is there already.\n"
                                "“grant LOGIN ROLE --area NAME…” makes a login of the server "
                                "an admin, chair, minute-taker, police or oversight member "
                                "of those areas; “revoke” ends it (for the areas named, or "
                                "all); both are the database owner’s to run, and each is "
                                "recorded in the audit trail. “members” lists who is what, "
                                "where.\n"
                                "“set two-logins on” makes the server demand that a "
                                "decision’s two confirmations come from two different logins, "
                                "each a chair of the child’s area; “off” (the default) lets "
                                "one login at the chairs’ laptop confirm for both. Each "
                                "confirmation records the login that gave it either way."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc < 2 || !g_strv_contains ((const char * const[]) { "init", "grant", "revoke",
                                                            "members", "set", NULL }, argv[1]))
    return rmm_cli_usage_error (context, _("server what? init, grant, revoke, members or set"));
  if (!rmm_server_is_connection_string (database))
    return rmm_cli_usage_error (context, _("server needs a PostgreSQL server: "
                                           "--database postgresql://HOST/DATABASE"));
  if (g_str_equal (argv[1], "init") && argc == 2)
    return server_init (database);
  if ((g_str_equal (argv[1], "grant") || g_str_equal (argv[1], "revoke")) && argc == 4)
    return server_grant (database, g_str_equal (argv[1], "grant"), argv[2], argv[3], areas);
  if (g_str_equal (argv[1], "members") && argc == 2)
    return server_members (database, json);
  if (g_str_equal (argv[1], "set") && argc == 4 && g_str_equal (argv[2], "two-logins") &&
      (g_str_equal (argv[3], "on") || g_str_equal (argv[3], "off")))
    return server_set (database, argv[3]);
  return rmm_cli_usage_error (context, _("server init | grant LOGIN ROLE --area NAME… | "
                                         "revoke LOGIN ROLE [--area NAME…] | members | "
                                         "set two-logins on|off"));
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
  g_print (_("Moved %" PRId64 " rows in %u tables from %s; both pass their check.\n"),
           rows, copied->len, from ? from : database);
  return EXIT_SUCCESS;
}
