/* rmm-db.h: the connection layer under the store's repositories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Repositories speak SQL through this layer only (prepare, bind, step, transaction), in the
 * subset of SQL both engines speak, with SQLite's "?" and "?N" parameters. Underneath is an
 * SQLite file (rmm-db-sqlite.c) or a PostgreSQL server (rmm-db-pg.c); whatever differs
 * between them is handled there or in each engine's migrations, never in a repository.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RMM_TYPE_DB (rmm_db_get_type ())

G_DECLARE_DERIVABLE_TYPE (RmmDb, rmm_db, RMM, DB, GObject)

typedef struct _RmmDbStmt RmmDbStmt;

typedef enum
{
  RMM_DB_ENGINE_SQLITE,
  RMM_DB_ENGINE_POSTGRESQL,
} RmmDbEngine;

/* What became of the last change when the connection was lost while it was committed. */
typedef enum
{
  RMM_DB_COMMIT_NOT_IN_DOUBT,
  RMM_DB_COMMIT_SAVED,
  RMM_DB_COMMIT_NOT_SAVED,
  RMM_DB_COMMIT_UNKNOWN,     /* the server still has it in hand */
} RmmDbCommitOutcome;

typedef enum
{
  RMM_DB_OPEN_EXISTING = 0,
  RMM_DB_OPEN_CREATE = 1 << 0,      /* create the file (0600) if it does not exist */
  RMM_DB_OPEN_READ_ONLY = 1 << 1,   /* never write to the file */
} RmmDbOpenFlags;

RmmDb       *rmm_db_open             (const char      *path,
                                      RmmDbOpenFlags   flags,
                                      GError         **error);
RmmDb       *rmm_db_open_memory      (GError         **error);
RmmDb       *rmm_db_connect          (const char      *conninfo,
                                      GError         **error);
RmmDbEngine  rmm_db_get_engine       (RmmDb           *self);
void         rmm_db_set_bulk_writing (RmmDb           *self,
                                      gboolean         bulk);
gboolean     rmm_db_is_connected     (RmmDb           *self);
gboolean     rmm_db_reconnect        (RmmDb           *self,
                                      RmmDbCommitOutcome *outcome,
                                      GError         **error);
gpointer     rmm_db_dial             (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_adopt            (RmmDb           *self,
                                      gpointer         dialled,
                                      RmmDbCommitOutcome *outcome,
                                      GError         **error);
gboolean     rmm_db_enable_writing   (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_quick_check      (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_is_in_wal_mode   (RmmDb           *self);
gboolean     rmm_db_is_damaged       (RmmDb           *self);
gboolean     rmm_db_is_exposed       (RmmDb           *self);
const char  *rmm_db_get_path         (RmmDb           *self);
gboolean     rmm_db_get_created      (RmmDb           *self);
gboolean     rmm_db_exec             (RmmDb           *self,
                                      const char      *sql,
                                      GError         **error);
RmmDbStmt   *rmm_db_prepare          (RmmDb           *self,
                                      const char      *sql,
                                      GError         **error);
gboolean     rmm_db_begin            (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_try_begin        (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_commit           (RmmDb           *self,
                                      GError         **error);
void         rmm_db_rollback         (RmmDb           *self);
guint        rmm_db_get_depth        (RmmDb           *self);
gint64       rmm_db_get_data_version (RmmDb           *self);
gboolean     rmm_db_take_chain_head  (RmmDb           *self,
                                      gint64          *id,
                                      char           **hash);
gboolean     rmm_db_backup_to        (RmmDb           *self,
                                      const char      *dest_path,
                                      GError         **error);
void         rmm_db_close            (RmmDb           *self);
gboolean     rmm_db_begin_snapshot   (RmmDb           *self,
                                      GError         **error);
void         rmm_db_end_snapshot     (RmmDb           *self);
gboolean     rmm_db_follow_ids       (RmmDb           *self,
                                      const char      *table,
                                      GError         **error);
gboolean     rmm_db_has_logins       (RmmDb           *self,
                                      GError         **error);
gboolean     rmm_db_admit_login      (RmmDb           *self,
                                      const char      *login,
                                      const char      *group,
                                      GError         **error);
gboolean     rmm_db_check_header     (const char      *path,
                                      GError         **error);

void         rmm_db_stmt_bind_int    (RmmDbStmt       *stmt,
                                      int              index,
                                      gint64           value);
void         rmm_db_stmt_bind_text   (RmmDbStmt       *stmt,
                                      int              index,
                                      const char      *value);
void         rmm_db_stmt_bind_null   (RmmDbStmt       *stmt,
                                      int              index);
gboolean     rmm_db_stmt_step        (RmmDbStmt       *stmt,
                                      GError         **error);
gboolean     rmm_db_stmt_run         (RmmDbStmt       *stmt,
                                      GError         **error);
gboolean     rmm_db_stmt_send        (RmmDbStmt       *stmt,
                                      GError         **error);
gint64       rmm_db_stmt_insert      (RmmDbStmt       *stmt,
                                      GError         **error);
void         rmm_db_stmt_reset       (RmmDbStmt       *stmt);
gint64       rmm_db_stmt_get_int     (RmmDbStmt       *stmt,
                                      int              column);
const char  *rmm_db_stmt_get_text    (RmmDbStmt       *stmt,
                                      int              column);
char        *rmm_db_stmt_dup_text    (RmmDbStmt       *stmt,
                                      int              column);
gboolean     rmm_db_stmt_is_null     (RmmDbStmt       *stmt,
                                      int              column);

G_END_DECLS
