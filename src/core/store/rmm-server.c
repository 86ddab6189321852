/* rmm-server.c: a shared PostgreSQL server: the connection (TLS unless the server is on this
 * machine) and its schema, from data/migrations/postgresql/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With rmm-db-pg.c, the only file that talks to libpq: it connects for the store's engine
 * (rmm_server_connect()) and sets the schema up.
 */
#define G_LOG_DOMAIN "rmm-server"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <string.h>

#include "rmm-core-resources.h"
#include "rmm-error.h"
#include "rmm-server-private.h"
#include "rmm-store-private.h"


void
rmm_server_info_free (RmmServerInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->host);
  g_free (info->database);
  g_free (info->security);
  g_free (info);
}

/* A URI (postgresql://…) or libpq's keyword form (host=… dbname=…), not a file's path. */
gboolean
rmm_server_is_connection_string (const char *database)
{
  g_autoptr(GRegex) keyword = NULL;

  if (database == NULL)
    return FALSE;
  if (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"))
    return TRUE;
  keyword = g_regex_new ("^\\s*[a-z_]+\\s*=", 0, 0, NULL);
  return g_regex_match (keyword, database, 0, NULL);
}

/* data/migrations/postgresql/: the SQLite schema's twin, numbered alike. */
static GPtrArray *
list_migrations (void)
{
  return rmm_store_read_migrations ("postgresql");
}

guint
rmm_server_get_known_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  return migrations->len;
}

/* A server on this machine: libpq's default socket, a socket folder, or loopback. */
static gboolean
is_local (const char *host)
{
  static const char * const loopback[] = { "localhost", "127.0.0.1", "::1", NULL };

  return host == NULL || *host == '\0' || host[0] == '/' || host[0] == '@' ||
         g_strv_contains (loopback, host);
}

/* The connection's keywords and values, with sslmode=verify-full added for a remote server
 * unless the administrator chose a mode; @info says which it is. */
static gboolean
read_conninfo (const char      *conninfo,
               GPtrArray       *keywords,
               GPtrArray       *values,
               RmmServerInfo   *info,
               GError         **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);
  const char *sslmode = NULL, *host = NULL;
  gboolean timeout = FALSE;

  if (options == NULL)
    {
      /* libpq's own sentence quotes the address, password and all: never shown. */
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The server’s address is not one RMM Desk can read: give "
                     "postgresql://HOST/DATABASE, or host=… dbname=…."));
      PQfreemem (message);
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "sslmode"))
        sslmode = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        info->database = g_strdup (o->val);
      else if (g_str_equal (o->keyword, "connect_timeout"))
        timeout = TRUE;
      g_ptr_array_add (keywords, g_strdup (o->keyword));
      g_ptr_array_add (values, g_strdup (o->val));
    }
  info->host = g_strdup (host ? host : "");
  /* A server that does not answer holds a window up no longer than this. */
  if (!timeout)
    {
      g_ptr_array_add (keywords, g_strdup ("connect_timeout"));
      g_ptr_array_add (values, g_strdup ("10"));
    }
  if (is_local (host))
    info->security = g_strdup (_("A server on this computer, over its own connection."));
  else if (sslmode == NULL)
    {
      g_ptr_array_add (keywords, g_strdup ("sslmode"));
      g_ptr_array_add (values, g_strdup ("verify-full"));
      info->security = g_strdup (_("Encrypted (TLS), the server’s certificate verified."));
    }
  else if (g_str_equal (sslmode, "verify-full"))
    info->security = g_strdup (_("Encrypted (TLS), the server’s certificate verified."));
  else
    info->security = g_strdup_printf (_("TLS mode “%s”, set in the address: the server is not "
                                         "fully verified."), sslmode);
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);
  PQconninfoFree (options);
  return TRUE;
}

static void
set_error_from_server (GError      **error,
                       int           code,
                       const char   *what,
                       const char   *message)
{
  g_autofree char *reason = g_strstrip (g_strdup (message ? message : ""));

  g_set_error (error, RMM_ERROR, code, "%s %s", what, reason);
}

/* Why a connection failed, as one sentence: libpq's own message (several lines, in its own
 * words) matched for the usual causes, else its first line. It never holds a password. */
static void
set_connection_error (GError        **error,
                      const char     *message,
                      const char     *login,
                      RmmServerInfo  *info)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", 2);
  const char *first = lines[0] ? g_strstrip (lines[0]) : "";
  const char *host = info->host && *info->host ? info->host : _("this computer");

  if (strstr (message, "could not translate host name"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server “%s” cannot be found: check its name."), host);
  else if (strstr (message, "Connection refused") || strstr (message, "No such file or directory"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server on %s does not answer: is it running, and is the address "
                   "right?"), host);
  else if (strstr (message, "timeout expired"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server on %s did not answer in time."), host);
  else if (strstr (message, "password") || strstr (message, "authentication failed"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("The server refused the login: check the user name and the password "
                   "(kept in ~/.pgpass or the desktop’s keyring)."));
  else if (strstr (message, "role \"") && strstr (message, "does not exist"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("The server on %s has no login “%s”: ask its administrator for one."), host,
                 login ? login : "");
  else if (strstr (message, "no pg_hba.conf entry"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("The server on %s does not let this login in from this computer: ask its "
                   "administrator."), host);
  else if (strstr (message, "permission denied for database"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("The login “%s” is not let into the database “%s”: its administrator gives "
                   "it a role there (rmmctl server grant)."), login ? login : "",
                 info->database ? info->database : "");
  else if (strstr (message, "database") && strstr (message, "does not exist"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("The server on %s has no database “%s”."), host,
                 info->database ? info->database : "");
  else if (strstr (message, "root certificate file"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The connection to the server on %s could not be secured: this computer "
                   "does not trust its certificate yet. Put the certificate of the authority "
                   "that signed it in ~/.postgresql/root.crt (ask the server’s administrator)."),
                 host);
  else if (strstr (message, "SSL") || strstr (message, "certificate"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The connection to the server on %s could not be secured: %s"), host, first);
  else
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not connect to the server: %s"),
                 first);
}

/* The server's notices (a policy replaced at set-up, say) are for its log, not our output. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

/* A connection to the server at @conninfo, protected as @info then says; NULL with one
 * sentence in @error (never the address, which may hold a password). */
PGconn *
rmm_server_connect (const char     *conninfo,
                    RmmServerInfo  *info,
                    GError        **error)
{
  g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGconn) conn = NULL;

  if (!read_conninfo (conninfo, keywords, values, info, error))
    return NULL;
  conn = PQconnectdbParams ((const char * const *)keywords->pdata,
                            (const char * const *)values->pdata, 0);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      set_connection_error (error, conn ? PQerrorMessage (conn) : "", conn ? PQuser (conn) : NULL,
                            info);
      return NULL;
    }
  if (info->database == NULL)
    info->database = g_strdup (PQdb (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return g_steal_pointer (&conn);
}

/* One statement (or a migration's script); FALSE with @error naming @what if it fails. */
static gboolean
run (PGconn      *conn,
     const char  *sql,
     const char  *what,
     GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  set_error_from_server (error, RMM_ERROR_FAILED, what, PQerrorMessage (conn));
  return FALSE;
}

/* The first column of the first row of @sql, as an integer; -1 with @error. */
static gint64
query_int (PGconn      *conn,
           const char  *sql,
           GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    {
      set_error_from_server (error, RMM_ERROR_FAILED, _("The server refused a question:"),
                             PQerrorMessage (conn));
      return -1;
    }
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* Where the database stands: its schema version (0: empty, ready to be set up), or -1 with
 * @error when it is another program's or a newer RMM Desk's. */
static gint64
read_version (PGconn         *conn,
              RmmServerInfo  *info,
              guint           known,
              GError        **error)
{
  gint64 ours = query_int (conn, "SELECT (to_regclass ('public.schema_version') IS NOT NULL)::int",
                           error);
  gint64 version, tables;

  if (ours < 0)
    return -1;
  if (ours == 0)
    {
      tables = query_int (conn, "SELECT count(*) FROM information_schema.tables "
                                "WHERE table_schema = 'public'", error);
      if (tables > 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                     _("The database “%s” already holds another program’s tables: RMM Desk "
                       "sets up only an empty database. Nothing was changed."), info->database);
      return tables == 0 ? 0 : -1;
    }
  version = query_int (conn, "SELECT coalesce (max (version), 0) FROM schema_version", error);
  if (version > (gint64)known)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("The database “%s” was set up by a newer RMM Desk (schema version %"
                     PRId64 "; this one knows %u): update RMM Desk. Nothing was "
                     "changed."), info->database, version, known);
      return -1;
    }
  return version;
}

static gboolean
apply_migrations (PGconn      *conn,
                  guint        from,
                  GPtrArray   *migrations,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *applied_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (!run (conn, "CREATE TABLE IF NOT EXISTS schema_version ("
                  "  version    BIGINT PRIMARY KEY,"
                  "  applied_at TEXT NOT NULL)", _("Could not set the schema up:"), error))
    return FALSE;
  for (guint i = from; i < migrations->len; i++)
    {
      const char *sql = g_ptr_array_index (migrations, i);
      g_autofree char *record = g_strdup_printf ("INSERT INTO schema_version (version, "
                                                 "applied_at) VALUES (%u, '%s')",
                                                 i + 1, applied_at);
      if (!run (conn, sql, _("Could not set the schema up:"), error) ||
          !run (conn, record, _("Could not set the schema up:"), error))
        return FALSE;
    }
  return TRUE;
}

/* The login setting up needs to own the database (or be a superuser) and, the first time on
 * the server, to create the app's group role: one sentence if not, before anything. */
static gboolean
may_set_up (PGconn         *conn,
            RmmServerInfo  *info,
            GError        **error)
{
  gint64 owner = query_int (conn, "SELECT (pg_has_role (session_user, d.datdba, 'MEMBER') OR "
                                  "        r.rolsuper)::int "
                                  "FROM pg_database d, pg_roles r WHERE "
                                  "d.datname = current_database () AND r.rolname = session_user",
                            error);
  gint64 roles = owner < 0 ? -1
    : query_int (conn, "SELECT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rmm_app') OR "
                       "        (SELECT rolsuper OR rolcreaterole FROM pg_roles "
                       "         WHERE rolname = session_user))::int", error);

  if (owner < 0 || roles < 0)
    return FALSE;
  if (owner == 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("Only the owner of the database “%s” can set it up: connect as its owner "
                   "(createdb --owner). Nothing was changed."), info->database);
  else if (roles == 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("Setting the database “%s” up makes the group role rmm_app, which this "
                   "login may not create: give it CREATEROLE (createuser --createrole), or "
                   "have a superuser run init once. Nothing was changed."), info->database);
  return owner == 1 && roles == 1;
}

/* data/server/privileges.sql: what the app's logins (rmm_app) may do, applied at every init. */
static const char *
read_privileges (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GBytes) bytes = NULL;

      /* Referencing the resource links it in from the static library (and registers it). */
      if (rmm_core_get_resource () == NULL)
        g_error ("the core resources are missing from the build");
      bytes = g_resources_lookup_data ("/org/rmmdesk/RmmDesk/core/server/privileges.sql", 0,
                                       NULL);
      if (bytes == NULL)
        g_error ("the server's privileges are missing from the build");
      g_once_init_leave (&sql, g_strndup (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes)));
    }
  return sql;
}

/* Sets RMM Desk's schema up on an empty database, or brings an older one forward; all in one
 * transaction, serialised with any other set-up running at the same time. A database of
 * another program, or of a newer RMM Desk, is refused and left as it was. */
gboolean
rmm_server_init (const char      *conninfo,
                 guint           *schema_version,
                 gboolean        *created,
                 RmmServerInfo  **info,
                 GError         **error)
{
  g_autoptr(RmmServerInfo) found = g_new0 (RmmServerInfo, 1);
  g_autoptr(GPtrArray) migrations = list_migrations ();
  g_autoptr(PGconn) conn = NULL;
  gint64 version;
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  if (!(conn = rmm_server_connect (conninfo, found, error)))
    return FALSE;
  if (!run (conn, "BEGIN ISOLATION LEVEL SERIALIZABLE", _("The server refused:"), error))
    return FALSE;
  ok = run (conn, "SELECT pg_advisory_xact_lock (hashtext ('rmm-desk schema'))",
            _("The server refused:"), error) &&
       may_set_up (conn, found, error) &&
       (version = read_version (conn, found, migrations->len, error)) >= 0 &&
       apply_migrations (conn, version, migrations, error) &&
       run (conn, read_privileges (), _("Could not give the app’s logins their rights:"), error) &&
       run (conn, "COMMIT", _("Could not set the schema up:"), error);
  if (!ok)
    {
      g_autoptr(PGresult) rollback = PQexec (conn, "ROLLBACK");

      return FALSE;
    }
  if (schema_version != NULL)
    *schema_version = migrations->len;
  if (created != NULL)
    *created = version < migrations->len;
  if (info != NULL)
    *info = g_steal_pointer (&found);
  return TRUE;
}
