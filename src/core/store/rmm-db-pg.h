/* rmm-db-pg.h: the connection layer on a PostgreSQL server (rmm_db_connect())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"

G_BEGIN_DECLS

#define RMM_TYPE_DB_PG (rmm_db_pg_get_type ())

G_DECLARE_FINAL_TYPE (RmmDbPg, rmm_db_pg, RMM, DB_PG, RmmDb)

const char *rmm_db_pg_get_security (RmmDbPg *self);
char       *rmm_db_pg_describe     (RmmDbPg *self);
const char *rmm_db_pg_get_login    (RmmDbPg *self);

G_END_DECLS
