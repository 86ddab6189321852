/* rmm-test-support.h: temporary folders for the tests' databases, and what the tests ask
 * of a store, through its public functions only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rmm-store.h"

G_BEGIN_DECLS

char    *rmm_test_make_folder      (void);
void     rmm_test_remove_folder    (const char *folder);
gboolean rmm_test_on_server        (void);

typedef struct _RmmTestRaw RmmTestRaw;
RmmTestRaw *rmm_test_raw_open      (const char *location);
void     rmm_test_raw_exec         (RmmTestRaw *raw,
                                    const char *sql);
void     rmm_test_raw_close        (RmmTestRaw *raw);
char    *rmm_test_new_database     (const char  *folder);
RmmStore *rmm_test_open_store      (const char  *folder,
                                    GError     **error);
gboolean rmm_test_skip_on_server   (const char  *what);
void     rmm_test_add_skipped      (const char  *path,
                                    const char  *reason);

/* A test of what only an SQLite file has (its journal, its permissions, copying it):
 * skipped, with @why, when the tests run against the server. */
#define RMM_TEST_ADD_FILE_ONLY(path, Fixture, set_up, func, tear_down, why) \
  G_STMT_START { \
    if (rmm_test_on_server ()) \
      rmm_test_add_skipped (path, why); \
    else \
      g_test_add (path, Fixture, NULL, set_up, func, tear_down); \
  } G_STMT_END

gint64   rmm_test_change_mark      (RmmStore   *store);
gboolean rmm_test_has_open_plan    (RmmStore   *store,
                                    gint64      child_id);
guint    rmm_test_count_triggers   (RmmStore   *store,
                                    gint64      child_id,
                                    const char *rule_id);
gint64   rmm_test_find_meeting_on  (RmmStore   *store,
                                    gint64      area_id,
                                    const char *day);
guint    rmm_test_count_meetings_on (RmmStore  *store,
                                    gint64      area_id,
                                    const char *day);
RmmAgendaItem *rmm_test_find_item  (RmmStore   *store,
                                    gint64      meeting_id,
                                    gint64      item_id);

void     rmm_test_write_below_store (RmmStore  *store,
                                    const char *sql);
gint64   rmm_test_count_in_file    (RmmStore   *store,
                                    const char *sql,
                                    gint64      param);
gint64   rmm_test_count_at         (const char *location,
                                    const char *sql,
                                    gint64      param);

/* The fixture most store tests share: a new database with one Surrey area (Testshire North),
 * Children's Services, and its two chairs. */
typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    area;
  gint64    agency;
  gint64    chair1;
  gint64    chair2;
} RmmTestStore;

void     rmm_test_store_set_up     (RmmTestStore    *t,
                                    gconstpointer    data);
void     rmm_test_store_tear_down  (RmmTestStore    *t,
                                    gconstpointer    data);
void     rmm_test_store_at         (RmmTestStore    *t,
                                    const char      *iso);
gint64   rmm_test_store_add_child  (RmmTestStore    *t,
                                    const char      *reference,
                                    const char      *born);
gint64   rmm_test_store_decide     (RmmTestStore    *t,
                                    gint64           child_id,
                                    gint64           meeting_id,
                                    RmmDecisionKind  kind,
                                    const char      *value);

G_END_DECLS
