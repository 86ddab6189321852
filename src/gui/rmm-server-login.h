/* rmm-server-login.h: how the app reaches the shared server: the address as settings keep
 * it, and the password as the desktop's keyring keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the server is, as typed in Connect to Server and kept in settings (no password). */
typedef struct
{
  char *address;    /* HOST or HOST:PORT; empty: a server on this computer */
  char *database;
  char *login;      /* empty: this computer's user name */
} RmmServerLogin;

void            rmm_server_login_free           (RmmServerLogin       *login);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmServerLogin, rmm_server_login_free)

RmmServerLogin *rmm_server_login_new            (const char           *address,
                                                 const char           *database,
                                                 const char           *login);
RmmServerLogin *rmm_server_login_from_settings  (GSettings            *settings);
void            rmm_server_login_save           (const RmmServerLogin *login,
                                                 GSettings            *settings);
char           *rmm_server_login_to_conninfo    (const RmmServerLogin *login,
                                                 const char           *password);
char           *rmm_server_login_lookup_password (const RmmServerLogin *login);
void            rmm_server_login_store_password (const RmmServerLogin *login,
                                                 const char           *password);

G_END_DECLS
