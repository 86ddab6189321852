/* rmm-store-private.h: what the store's own files and the demo generator share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"
#include "rmm-store.h"

G_BEGIN_DECLS

typedef enum
{
  RMM_FIELD_TEXT,
  RMM_FIELD_INT,
  RMM_FIELD_REF,    /* an id; 0 is stored as NULL */
} RmmFieldType;

typedef struct
{
  const char   *column;
  RmmFieldType  type;
  const char   *text;
  gint64        number;
} RmmField;

#define RMM_TEXT(column, value) { column, RMM_FIELD_TEXT, value, 0 }
#define RMM_INT(column, value)  { column, RMM_FIELD_INT, NULL, value }
#define RMM_REF(column, value)  { column, RMM_FIELD_REF, NULL, value }

/* The current rating of @child (an SQL expression for its id): the newest confirmed
 * risk-rating decision that no confirmed correction has superseded. */
#define RMM_CURRENT_RATING_SQL(child) \
  "(SELECT d.value FROM decision d " \
  " WHERE d.child_id = " child " AND d.kind = 'risk-rating' AND d.status = 'confirmed' " \
  "   AND NOT EXISTS (SELECT 1 FROM decision s " \
  "                   WHERE s.supersedes_id = d.id AND s.status = 'confirmed') " \
  " ORDER BY d.proposed_at DESC, d.id DESC LIMIT 1)"

RmmDb    *rmm_store_get_db      (RmmStore        *self);
gboolean  rmm_store_build_schema (RmmDb          *db,
                                  GError        **error);
char     *rmm_store_check_schema (RmmStore       *self);
gint64    rmm_store_find_open_plan (RmmStore     *self,
                                    gint64        child_id,
                                    GError      **error);
gboolean  rmm_store_apply_closure (RmmStore      *self,
                                   gint64         decision_id,
                                   GError       **error);
/* A risk-rating decision as both chairs have just confirmed it. */
typedef struct
{
  gint64      decision_id;
  gint64      child_id;
  const char *value;
  const char *framework_id;
  const char *day;           /* the meeting's date, or today outside a meeting */
} RmmConfirmedRating;

gboolean  rmm_store_apply_rating (RmmStore                  *self,
                                  const RmmConfirmedRating  *rating,
                                  GError                   **error);
gint64    rmm_store_insert      (RmmStore        *self,
                                 const char      *table,
                                 const RmmField  *fields,
                                 guint            n_fields,
                                 GError         **error);
gboolean  rmm_store_update      (RmmStore        *self,
                                 const char      *table,
                                 gint64           id,
                                 const RmmField  *fields,
                                 guint            n_fields,
                                 GError         **error);
gboolean  rmm_store_mark_removed (RmmStore      *self,
                                  const char    *table,
                                  gint64         id,
                                  const char    *not_found,
                                  GError       **error);
char     *rmm_store_fields_to_json (const RmmField *fields,
                                    guint           n_fields);
gboolean  rmm_store_audit       (RmmStore        *self,
                                 const char      *action,
                                 const char      *entity,
                                 gint64           entity_id,
                                 const char      *before,
                                 const char      *after,
                                 GError         **error);
void      rmm_store_queue_change (RmmStore       *self,
                                  const char     *entity,
                                  gint64          id);
gint64    rmm_store_get_newest_change (RmmStore  *self);
gboolean  rmm_store_forget_agenda_facts (RmmStore    *self,
                                         const char  *table,
                                         gint64       id,
                                         GError     **error);
typedef GObject *(*RmmRowFunc) (RmmDbStmt *stmt);

GListModel *rmm_store_collect   (RmmDbStmt       *stmt,
                                 GType            item_type,
                                 RmmRowFunc       from_row,
                                 GError         **error);
/* One row read into a new boxed record, for rmm_store_collect_rows(). */
typedef gpointer (*RmmRowReader) (RmmDbStmt *stmt);

GPtrArray *rmm_store_collect_rows (RmmDbStmt       *stmt,
                                   RmmRowReader     read_row,
                                   GDestroyNotify   free_row,
                                   GError         **error);
gboolean  rmm_store_step_row    (RmmDbStmt       *stmt,
                                 const char      *what,
                                 gint64           id,
                                 GError         **error);
char     *rmm_store_query_text  (RmmStore        *self,
                                 const char      *sql,
                                 const char      *what,
                                 gint64           id,
                                 GError         **error);
gint64    rmm_store_query_int   (RmmStore        *self,
                                 const char      *sql,
                                 gint64           param,
                                 GError         **error);

gboolean     rmm_store_check_location   (const char   *location,
                                         GError      **error);
gint64       rmm_store_read_schema_version (RmmStore  *self,
                                            GError   **error);
gboolean     rmm_store_migrate          (RmmStore     *self,
                                         guint        *schema_version,
                                         GError      **error);
gboolean     rmm_store_finish_rows      (GError       *local_error,
                                         GError      **error);
gboolean     rmm_store_get_audit_head   (RmmStore     *self,
                                         gint64       *id,
                                         const char  **hash,
                                         GError      **error);
void         rmm_store_set_audit_head   (RmmStore     *self,
                                         gint64        id,
                                         char         *hash);
GPtrArray   *rmm_store_read_migrations  (const char   *engine);
int          rmm_store_read_meeting_status (RmmStore  *self,
                                            gint64     meeting_id,
                                            GError   **error);

G_END_DECLS
