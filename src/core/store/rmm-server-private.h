/* rmm-server-private.h: the server's connection, for the store's PostgreSQL engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "rmm-server.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

PGconn *rmm_server_connect (const char     *conninfo,
                            RmmServerInfo  *info,
                            GError        **error);

G_END_DECLS
