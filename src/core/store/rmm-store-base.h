/* rmm-store-base.h: the store itself: opening a file, transactions, ::changed and change
 * polling, the actor and clock, info, the file's check, backup, restore and rescue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include <gio/gio.h>

#include "rmm-trigger-rules.h"

G_BEGIN_DECLS

/* One table copied from one database into another (rmm_store_move_to_server()). */
typedef struct
{
  char   *table;
  gint64  rows;
} RmmStoreTableCopy;

#define RMM_TYPE_STORE (rmm_store_get_type ())
G_DECLARE_FINAL_TYPE (RmmStore, rmm_store, RMM, STORE, GObject)

typedef enum
{
  RMM_STORE_OPEN_EXISTING = 0,
  RMM_STORE_OPEN_CREATE = 1 << 0,
  /* SQLite's quick check of the file runs in a thread of its own from the start: reading
   * starts at once, a change waits for the verdict (the app). Without it, the check runs
   * before the first change (rmmctl): a session that only reads never pays for it. */
  RMM_STORE_OPEN_CHECK_IN_BACKGROUND = 1 << 1,
  /* A copy to read: nothing is written to it, and it may be readable by others (which a
   * database in use never may be). */
  RMM_STORE_OPEN_READ_ONLY = 1 << 2,
} RmmStoreOpenFlags;

/* A row of a chooser: an id and its name. */
typedef struct
{
  gint64 id;
  char   name[];
} RmmNamedId;

typedef gboolean (*RmmStoreWaitFunc) (RmmStore *store,
                                      gint64    waited_us,
                                      gpointer  data);

RmmStore    *rmm_store_open                 (const char          *path,
                                             RmmStoreOpenFlags    flags,
                                             GError             **error);
char        *rmm_store_default_path         (void);
char        *rmm_store_default_demo_path    (void);
const char  *rmm_store_get_path             (RmmStore            *self);
const char  *rmm_store_get_damage           (RmmStore            *self);
gboolean     rmm_store_is_checked           (RmmStore            *self);
gboolean     rmm_store_is_exposed           (RmmStore            *self);
guint        rmm_store_get_schema_version   (RmmStore            *self);
guint        rmm_store_get_known_schema_version (void);
const char  *rmm_store_get_actor            (RmmStore            *self);
void         rmm_store_set_actor            (RmmStore            *self,
                                             const char          *actor);
gint64       rmm_store_get_change_mark      (RmmStore            *self,
                                             GError             **error);
int          rmm_store_people_changed_since (RmmStore            *self,
                                             gint64               mark,
                                             GError             **error);
/* A bulk writer (the demo, an import) keeps more of the file in memory while it writes. */
void         rmm_store_set_bulk_writing     (RmmStore            *self,
                                             gboolean             bulk);
void         rmm_store_set_clock            (RmmStore            *self,
                                             GDateTime           *now);
char        *rmm_store_now                  (RmmStore            *self);
gboolean     rmm_store_begin                (RmmStore            *self,
                                             GError             **error);
void         rmm_store_set_wait_func        (RmmStore            *self,
                                             RmmStoreWaitFunc     func,
                                             gpointer             data,
                                             GDestroyNotify       data_free);
gboolean     rmm_store_commit               (RmmStore            *self,
                                             GError             **error);
void         rmm_store_rollback             (RmmStore            *self);
gboolean     rmm_store_end                  (RmmStore            *self,
                                             gboolean             ok,
                                             GError             **error);
gboolean     rmm_store_poll                 (RmmStore            *self);

char        *rmm_store_get_info             (RmmStore            *self,
                                             const char          *key);
gboolean     rmm_store_set_info             (RmmStore            *self,
                                             const char          *key,
                                             const char          *value,
                                             GError             **error);
gboolean     rmm_store_is_demo              (RmmStore            *self);
gboolean     rmm_store_is_on_server         (RmmStore            *self);
gboolean     rmm_store_is_connected         (RmmStore            *self);
gboolean     rmm_store_reconnect            (RmmStore            *self,
                                             char               **outcome,
                                             GError             **error);
void         rmm_store_reconnect_async      (RmmStore            *self,
                                             GAsyncReadyCallback  callback,
                                             gpointer             data);
gboolean     rmm_store_reconnect_finish     (RmmStore            *self,
                                             GAsyncResult        *result,
                                             char               **outcome,
                                             GError             **error);
gboolean     rmm_store_is_empty             (RmmStore            *self,
                                             GError             **error);
const char  *rmm_store_describe_connection  (RmmStore            *self);
char        *rmm_store_describe_server      (RmmStore            *self);
GPtrArray   *rmm_store_move_to_server       (const char          *source_path,
                                             const char          *conninfo,
                                             GError             **error);
gboolean     rmm_store_backup               (RmmStore            *self,
                                             const char          *dest_path,
                                             GError             **error);
gboolean     rmm_store_restore              (const char          *source_path,
                                             const char          *dest_path,
                                             char               **saved_copy,
                                             GError             **error);
RmmTriggerRules *rmm_store_get_trigger_rules (RmmStore         *self,
                                             GError             **error);

gboolean     rmm_store_verify_file          (RmmStore            *self,
                                             GError             **error);
void         rmm_store_set_read_only        (RmmStore            *self,
                                             const char          *reason);
const char  *rmm_store_get_read_only        (RmmStore            *self);
char        *rmm_store_rescue               (RmmStore            *self,
                                             GError             **error);

G_END_DECLS
