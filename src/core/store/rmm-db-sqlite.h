/* rmm-db-sqlite.h: the connection layer on an SQLite file (rmm_db_open())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"

G_BEGIN_DECLS

#define RMM_TYPE_DB_SQLITE (rmm_db_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (RmmDbSqlite, rmm_db_sqlite, RMM, DB_SQLITE, RmmDb)

G_END_DECLS
