/* rmm-db-private.h: what the connection layer's files share: the engine class each engine
 * (rmm-db-sqlite.c, rmm-db-pg.c) fills in, and the file helpers of rmm-db-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"

G_BEGIN_DECLS

/* Every engine's statement starts with this; the rest is the engine's own. */
struct _RmmDbStmt
{
  RmmDb *db;
};

struct _RmmDbClass
{
  GObjectClass parent_class;

  RmmDbEngine   engine;
  const char   *begin_snapshot;  /* the SQL of a read-only transaction that sees one moment */

  /* Statements: made once per SQL text (rmm-db.c keeps them), then bound, stepped, read. */
  RmmDbStmt  *(*prepare)          (RmmDb       *self,
                                   const char  *sql,
                                   GError     **error);
  void        (*stmt_free)        (RmmDbStmt   *stmt);
  void        (*stmt_clear)       (RmmDbStmt   *stmt);   /* reset, bindings cleared */
  void        (*bind_int)         (RmmDbStmt   *stmt,
                                   int          index,
                                   gint64       value);
  void        (*bind_text)        (RmmDbStmt   *stmt,
                                   int          index,
                                   const char  *value);  /* NULL binds NULL */
  gboolean    (*step)             (RmmDbStmt   *stmt,
                                   GError     **error);
  gint64      (*insert)           (RmmDbStmt   *stmt,
                                   GError     **error);
  gboolean    (*send)             (RmmDbStmt   *stmt,
                                   GError     **error);  /* NULL: run at once */
  void        (*reset)            (RmmDbStmt   *stmt);
  gint64      (*get_int)          (RmmDbStmt   *stmt,
                                   int          column);
  const char *(*get_text)         (RmmDbStmt   *stmt,
                                   int          column);  /* NULL for NULL */
  gboolean    (*is_null)          (RmmDbStmt   *stmt,
                                   int          column);

  /* The connection. */
  gboolean    (*exec)             (RmmDb       *self,
                                   const char  *sql,
                                   GError     **error);
  gboolean    (*begin_writing)    (RmmDb       *self,
                                   gboolean     wait,
                                   GError     **error);
  gboolean    (*in_transaction)   (RmmDb       *self);
  gboolean    (*take_chain_head)  (RmmDb       *self,
                                   gint64      *id,
                                   char       **hash);  /* NULL: asked when needed */
  gint64      (*get_data_version) (RmmDb       *self);
  void        (*set_bulk_writing) (RmmDb       *self,
                                   gboolean     bulk);
  void        (*close)            (RmmDb       *self);
  gboolean    (*follow_ids)       (RmmDb       *self,
                                   const char  *table,
                                   GError     **error);
  gboolean    (*admit_login)      (RmmDb       *self,
                                   const char  *login,
                                   const char  *group,
                                   GError     **error);  /* NULL: no logins (a file) */

  /* A connection that can be lost (a server's); NULL for one that cannot. Dialling may
   * take seconds and runs in any thread (it touches nothing of the connection in use);
   * adopting what it made runs where the connection is used. */
  gboolean    (*is_connected)     (RmmDb       *self);
  gpointer    (*dial)             (RmmDb       *self,
                                   GError     **error);
  gboolean    (*adopt)            (RmmDb       *self,
                                   gpointer     dialled,
                                   RmmDbCommitOutcome *outcome,
                                   GError     **error);

  /* What only a file has; an engine without it keeps the defaults (nothing to do). */
  gboolean    (*enable_writing)   (RmmDb       *self,
                                   GError     **error);
  gboolean    (*quick_check)      (RmmDb       *self,
                                   GError     **error);
  gboolean    (*is_in_wal_mode)   (RmmDb       *self);
  gboolean    (*is_damaged)       (RmmDb       *self);
  gboolean    (*is_exposed)       (RmmDb       *self);
  gboolean    (*backup_to)        (RmmDb       *self,
                                   const char  *dest_path,
                                   GError     **error);
};

void      rmm_db_set_location                 (RmmDb       *self,
                                               const char  *location,
                                               gboolean     created);

char     *rmm_db_file_register                (const char  *path);
void      rmm_db_file_unregister              (char        *key);
gboolean  rmm_db_file_check_private           (const char  *path,
                                              GError     **error);
gboolean  rmm_db_file_check_writable          (const char  *path,
                                              GError     **error);
gboolean  rmm_db_file_create_private          (const char  *path,
                                               GError     **error);
void      rmm_db_file_make_companions_private (const char  *path);

/* Why an engine refused a change that breaks a rule of the schema, said the same way by both,
 * never in the engine's words (which quote SQL and values). */
typedef enum
{
  RMM_DB_REFUSED_DUPLICATE,     /* a unique key: @columns already taken */
  RMM_DB_REFUSED_MISSING,       /* NOT NULL: @columns left empty */
  RMM_DB_REFUSED_REFERENCE,     /* a foreign key */
  RMM_DB_REFUSED_VALUE,         /* a CHECK */
} RmmDbRefusal;

void      rmm_db_set_refused                  (GError     **error,
                                               RmmDbRefusal  why,
                                               const char   *table,
                                               const char   *columns);

G_END_DECLS
