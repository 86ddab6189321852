/* rmm-store-figures-history-private.h: every child's confirmed ratings and closures, and
 * every strategy-discussion trigger, read once for the board's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of any period count the CSE list week by week and the ratings and triggers
 * standing at its end from the whole history, not the period's rows alone. Read from the
 * record for every period, that was most of the time a period took on a county's five years
 * (some 400 ms of 20,000 children's); read once and kept while the record has not changed
 * (its change mark, rmm_store_get_change_mark ()), another period is counted in memory.
 */
#pragma once

#include "rmm-framework.h"
#include "rmm-store-private.h"

G_BEGIN_DECLS

/* When a decision was confirmed: when the second chair confirmed it. */
#define RMM_CONFIRMED_AT_SQL "greatest (d.chair1_confirmed_at, d.chair2_confirmed_at)"

/* One of a child's confirmed ratings or closures. */
typedef struct
{
  gint64      id;
  gboolean    closure;
  gboolean    onward;         /* a closure with an onward referral */
  char       *value;
  char       *proposed_at;
  char       *confirmed_at;   /* when the second chair confirmed it */
  char       *superseded_at;  /* when a confirmed correction replaced it, or NULL */
  gint64      supersedes_id;  /* the one it replaced, or 0 */
} RmmStanding;

/* A child's, with what the counting needs ready: the order they were proposed in, the order
 * they were confirmed in, and the closures alone. */
typedef struct
{
  gint64        child_id;
  gint64        area_id;
  RmmFramework *framework;      /* the area's, or NULL for one not installed */
  GArray       *entries;        /* RmmStanding, oldest proposed first */
  GPtrArray    *by_confirmed;   /* (element-type RmmStanding*) oldest confirmed first */
  GPtrArray    *closures;       /* (element-type RmmStanding*) */
  const char   *first_rated_at; /* when their first rating was confirmed, or NULL */
} RmmChildStanding;

/* A trigger raised, and its response once both chairs confirmed it. */
typedef struct
{
  gint64      area_id;
  char       *rule_id;
  char       *raised_at;
  char       *confirmed_at;   /* NULL: no confirmed response */
  gboolean    convened;
  gboolean    section47;
} RmmTriggerStanding;

typedef struct
{
  gint64     change_mark;
  GPtrArray *children;   /* (element-type RmmChildStanding) */
  GHashTable *by_child;  /* (gint64 *) child id → RmmChildStanding */
  GArray    *triggers;   /* RmmTriggerStanding */
} RmmFiguresHistory;

RmmFiguresHistory *rmm_store_get_figures_history (RmmStore  *self,
                                                  GError   **error);

G_END_DECLS
