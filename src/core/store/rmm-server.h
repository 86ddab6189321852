/* rmm-server.h: a shared PostgreSQL server: telling a connection string from a file, connecting
 * (TLS unless the server is on this machine), and setting its schema up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the connection to a server is protected, in words ("TLS, the server verified"). */
typedef struct
{
  char *host;         /* as given; a socket folder for a local server */
  char *database;
  char *security;     /* one sentence for the user */
} RmmServerInfo;

void      rmm_server_info_free         (RmmServerInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmServerInfo, rmm_server_info_free)

gboolean  rmm_server_is_connection_string (const char  *database);
gboolean  rmm_server_init              (const char     *conninfo,
                                        guint          *schema_version,
                                        gboolean       *created,
                                        RmmServerInfo **info,
                                        GError        **error);
guint     rmm_server_get_known_schema_version (void);

G_END_DECLS
