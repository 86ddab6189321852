/* rmm-store-figures-history-private.h: every child's confirmed ratings and closures, and
 * every strategy-discussion trigger, read once for the board's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of any period count the CSE list week by week and the ratings and triggers
 * standing at its end from the whole history, not the period's rows alone. Read from the
 * record for every period, that was most of the time a period took on a county's five years
 * (some 400 ms of 20,000 children's); read once and kept while the record has not changed
 * (its change mark, rmm_store_get_change_mark ()), another period is counted in memory. So
 * are the disputes, plan actions, plan versions and missing episodes each period counts:
 * each table read in the order it is stored, and joined here, is a fraction of the time its
 * period's rows took to find (no index on their dates serves, and the rows are scattered).
 */
#pragma once

#include "rmm-framework.h"
#include "rmm-store-private.h"

G_BEGIN_DECLS

/* When a decision was confirmed: when the second chair confirmed it. */
#define RMM_CONFIRMED_AT_SQL "greatest (d.chair1_confirmed_at, d.chair2_confirmed_at)"

/* A child: their area, its framework, and who they are. */
typedef struct
{
  gint64        child_id;
  gint64        area_id;
  RmmFramework *framework;      /* the area's, or NULL for one not installed */
  const char   *date_of_birth;
  const char   *gender;
  gboolean      looked_after;
} RmmChildFacts;

/* Times are seconds since 1970 (rmm_time_read_unix ()): compared by the hundred thousand,
 * they were texts. A time that is not there (a trigger with no response) or cannot be read
 * (a damaged record) is RMM_FIGURES_NEVER, after every period: what did not happen, or
 * cannot be said to have happened, is counted in none. Texts are the history's own. */
#define RMM_FIGURES_NEVER G_MAXINT64


/* One of a child's confirmed ratings or closures. */
typedef struct
{
  gint64      id;
  gint64      child_id;
  gint64      supersedes_id;  /* the one it replaced, or 0 */
  const char *value;
  gint64      proposed_at;
  gint64      confirmed_at;   /* when the second chair confirmed it */
  gint64      superseded_at;  /* when a confirmed correction replaced it, or never */
  gboolean    closure;
  gboolean    onward;         /* a closure with an onward referral */
} RmmStanding;

/* A child's, with what the counting needs ready: the order they were proposed in, the order
 * they were confirmed in, and the closures alone (each a stretch of the history's
 * pointers). */
typedef struct
{
  gint64        child_id;
  gint64        area_id;
  RmmFramework *framework;       /* the area's, or NULL for one not installed */
  RmmStanding **entries;         /* oldest proposed first */
  guint         n_entries;
  RmmStanding **by_confirmed;    /* n_entries of them, oldest confirmed first */
  RmmStanding **closures;
  guint         n_closures;
  gint64        first_rated_at;  /* when their first rating was confirmed, or never */
} RmmChildStanding;

/* A trigger raised, and its response once both chairs confirmed it. */
typedef struct
{
  gint64      area_id;
  const char *rule_id;
  gint64      raised_at;
  gint64      confirmed_at;   /* never: no confirmed response */
  gboolean    convened;
  gboolean    section47;
} RmmTriggerStanding;

/* A decision proposed with a chair's dissent, or escalated. */
typedef struct
{
  gint64      area_id;
  gint64      proposed_at;
  gboolean    dissent;
  gboolean    escalated;
} RmmDisputeStanding;

/* A safety plan's action, and what became of it. */
typedef struct
{
  gint64      area_id;
  const char *due_on;
  const char *status;
  const char *agency;         /* NULL: no agency named */
} RmmActionStanding;

/* A version of a safety plan, when it was agreed and when a copy was first sent. */
typedef struct
{
  gint64      area_id;
  gint64      agreed_at;
  gint64      first_sent_at;  /* never: not circulated */
} RmmVersionStanding;

/* A missing episode of a child. */
typedef struct
{
  gint64      child_id;
  gint64      area_id;
  gint64      started_at;
} RmmEpisodeStanding;

/* The whole history, in no particular order but each child's: a period's rows are found by
 * a walk of the arrays, far quicker than reading them from the record again. */
typedef struct
{
  gint64        change_mark;
  gboolean      whole;       /* FALSE: the actions, versions and episodes of one period */
  char         *from_day;    /* that period: its first and last day */
  char         *to_day;
  char         *from_utc;    /* and the UTC times it begins and ends */
  char         *end_utc;
  GStringChunk *texts;       /* every text of the history */
  GArray       *child_facts; /* RmmChildFacts, of every child */
  GHashTable   *facts_by_child; /* (gint64 *) child id → RmmChildFacts */
  GArray       *entries;     /* RmmStanding, each child's together */
  GPtrArray    *pointers;    /* the children's entries, by_confirmed and closures */
  GArray       *children;    /* RmmChildStanding, by child id */
  GHashTable   *by_child;    /* (gint64 *) child id → RmmChildStanding */
  GArray       *triggers;    /* RmmTriggerStanding */
  GArray       *disputes;    /* RmmDisputeStanding */
  GArray       *actions;     /* RmmActionStanding */
  GArray       *versions;    /* RmmVersionStanding */
  GArray       *episodes;    /* RmmEpisodeStanding */
} RmmFiguresHistory;

RmmFiguresHistory   *rmm_store_get_figures_history  (RmmStore           *self,
                                                    const char         *from_day,
                                                    const char         *to_day,
                                                    const char         *from_utc,
                                                    const char         *end_utc,
                                                    GError            **error);
const RmmChildFacts *rmm_figures_history_find_child (RmmFiguresHistory  *history,
                                                    gint64              child_id);
gboolean             rmm_figures_read_ended         (GError            **failure,
                                                    GError            **error);

G_END_DECLS
