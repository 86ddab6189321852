/* rmm-server-login.c: how the app reaches the shared server: the address as settings keep
 * it, and the password as the desktop's keyring keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings hold the server's address, database and login, never a password. A password
 * comes from libpq's own sources (~/.pgpass, a service file) or, when the server asked for
 * one and it was typed, from the desktop's keyring (the Secret Service, through libsecret),
 * where it is kept once the connection worked. It is never written anywhere else, and never
 * logged.
 */
#define G_LOG_DOMAIN "rmm-server-login"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rmm-server-login.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "org.rmmdesk.RmmDesk.Server", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

void
rmm_server_login_free (RmmServerLogin *login)
{
  if (login == NULL)
    return;
  g_free (login->address);
  g_free (login->database);
  g_free (login->login);
  g_free (login);
}

/* Each as typed, spaces around it dropped. */
RmmServerLogin *
rmm_server_login_new (const char *address,
                      const char *database,
                      const char *login)
{
  RmmServerLogin *self = g_new0 (RmmServerLogin, 1);

  self->address = g_strstrip (g_strdup (address ? address : ""));
  self->database = g_strstrip (g_strdup (database ? database : ""));
  self->login = g_strstrip (g_strdup (login ? login : ""));
  return self;
}

RmmServerLogin *
rmm_server_login_from_settings (GSettings *settings)
{
  g_autofree char *address = g_settings_get_string (settings, "server-address");
  g_autofree char *database = g_settings_get_string (settings, "server-database");
  g_autofree char *login = g_settings_get_string (settings, "server-login");

  return rmm_server_login_new (address, database, login);
}

/* Kept for the next start, which opens the server from now on. */
void
rmm_server_login_save (const RmmServerLogin *login,
                       GSettings            *settings)
{
  g_settings_set_string (settings, "server-address", login->address);
  g_settings_set_string (settings, "server-database", login->database);
  g_settings_set_string (settings, "server-login", login->login);
  g_settings_set_boolean (settings, "use-server", TRUE);
}

/* A value in libpq's keyword form: quoted, its quotes and backslashes escaped. */
static void
append_keyword (GString    *conninfo,
                const char *keyword,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (conninfo, "%s%s='", conninfo->len ? " " : "", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/**
 * rmm_server_login_to_conninfo:
 * @password: (nullable): the password, if one was typed or kept
 *
 * The connection string, in libpq's keyword form. It holds the password: keep it in memory
 * only, never show it.
 */
char *
rmm_server_login_to_conninfo (const RmmServerLogin *login,
                              const char           *password)
{
  GString *conninfo = g_string_new (NULL);
  g_autofree char *host = g_strdup (login->address);
  char *port = NULL;

  /* "host:port", but not the colons of an IPv6 address in brackets or of a socket folder. */
  if (host[0] != '[' && host[0] != '/' && (port = strrchr (host, ':')) != NULL &&
      strchr (host, ':') == port)
    *port++ = '\0';
  if (host[0] == '[' && (port = strstr (host, "]:")) != NULL)
    {
      *port = '\0';
      port += 2;
      memmove (host, host + 1, strlen (host));
    }
  append_keyword (conninfo, "host", host);
  append_keyword (conninfo, "port", port);
  append_keyword (conninfo, "dbname", login->database);
  append_keyword (conninfo, "user", login->login);
  append_keyword (conninfo, "password", password);
  /* Nothing typed at all: libpq's defaults (a server on this computer). */
  if (conninfo->len == 0)
    g_string_append (conninfo, "dbname='rmm'");
  return g_string_free (conninfo, FALSE);
}

/* The password the keyring keeps for this server, database and login, if any. A desktop
 * without a keyring has none: libpq's own sources are then the only ones. */
char *
rmm_server_login_lookup_password (const RmmServerLogin *login)
{
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (password_schema (), NULL, &error,
                                                "address", login->address,
                                                "database", login->database,
                                                "login", login->login,
                                                NULL);

  if (error != NULL)
    g_debug ("no keyring to ask for the server's password: %s", error->message);
  return password;
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("the server's password could not be kept in the keyring (%s): it will be "
               "asked for again", error->message);
}

/* Kept in the keyring, in the background, once the connection with it worked. */
void
rmm_server_login_store_password (const RmmServerLogin *login,
                                 const char           *password)
{
  g_autofree char *label = g_strdup_printf (_("RMM Desk: %s on %s"), login->database,
                                            *login->address ? login->address
                                                            : _("this computer"));

  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                         on_password_stored, NULL,
                         "address", login->address,
                         "database", login->database,
                         "login", login->login,
                         NULL);
}
