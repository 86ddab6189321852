/* rmm-store-object.h: the store object's fields, for the two files that make the object
 * itself (rmm-store.c, rmm-store-server.c and rmm-store-transactions.c); repositories use
 * rmm-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "rmm-store-private.h"

G_BEGIN_DECLS

/* More queued changes than this are announced as one "everything changed". */
#define MAX_QUEUED_CHANGES 256

typedef struct
{
  char   *entity;
  gint64  id;
} Change;

struct _RmmStore
{
  GObject     parent_instance;

  RmmDb      *db;
  char       *actor;
  GDateTime  *clock;           /* fixed "now" for demo history and tests; NULL: real time */
  GArray     *pending;         /* Change, announced after the outermost commit */
  gboolean    pending_overflow;
  gint64      data_version;
  gint64      change_seen;      /* the newest change announced (rmm_store_get_newest_change()) */
  GPtrArray  *noted_looks;      /* looks not yet in the trail (rmm_store_note_access()) */
  guint       schema_version;
  RmmTriggerRules *trigger_rules;  /* loaded when a fact is first recorded */
  GStatBuf    file;            /* the database file as opened: is it still there? */
  char       *read_only;       /* why this session may not write, or NULL */
  gboolean    figures_only;    /* the board's login: the published figures, nothing else */
  gboolean    check_pending;   /* the quick check is still owed before the first write */
  GThread    *check_thread;    /* the quick check at open, when it runs in the background */
  gint        check_done;      /* atomic: the thread has finished */
  GError     *check_error;     /* what it found, set by the thread before check_done */
  char       *damage;          /* why the file is damaged, once known, with what to do */
  gboolean    wrote;           /* this session committed a change: its head is worth noting */
  gint64      head_id;         /* the audit trail's newest event while a transaction writes */
  char       *head_hash;       /* (nobody else can append then); 0/NULL: read it again */
  RmmStoreWaitFunc wait_func;  /* while another process holds the write lock */
  gboolean    waiting;         /* a change is in the wait function (which may run the loop) */
  gpointer    wait_data;
  GDestroyNotify wait_data_free;
};

void     rmm_store_announce_pending    (RmmStore    *self);
void     rmm_store_announce_everything (RmmStore    *self);
void     rmm_store_mark_seen           (RmmStore    *self);
gboolean rmm_store_begin_look          (RmmStore    *self,
                                        gboolean     wait,
                                        GError     **error);
gboolean rmm_store_record_noted_looks  (RmmStore    *self);
gboolean rmm_store_open_on_server      (RmmStore    *self,
                                        const char  *conninfo,
                                        GError     **error);
void     rmm_store_finish_quick_check  (RmmStore    *self,
                                        gboolean     wait);

G_END_DECLS
