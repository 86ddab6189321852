/* rmm-store-items.h: one child on the agenda: what the room needs to know, minutes, discussed
 * or deferred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"
#include "rmm-store-meetings.h"

G_BEGIN_DECLS

/* What the room needs to know about a child on the agenda (see rmm-store-items.c). */
typedef struct
{
  gint64            item_id;
  gint64            child_id;
  gint64            meeting_id;
  char             *meets_on;
  char             *reference;
  char             *first_name;
  char             *last_name;
  char             *date_of_birth;
  guint             age;                /* on the meeting's date */
  char             *gender;
  char             *school;
  gboolean          looked_after;
  char             *area;
  char             *framework_id;
  gboolean          has_social_worker;
  char             *social_worker;
  char             *reasons;            /* space-separated agenda reasons */
  RmmItemStatus     status;
  char             *status_reason;
  char             *minute_text;
  gint64            row_version;        /* of the minute text, for rmm_store_set_minute_text */
  RmmDecisionState *rating;             /* the rating that stands, or NULL */
  char            **rating_history;     /* confirmed ratings, newest first: "level YYYY-MM-DD" */
  RmmDecisionState *lead;               /* the lead agency that stands, or NULL */
  char             *assessment_on;      /* NULL: never assessed */
  char             *assessment_rating;
  char             *assessment_analysis;
  char            **vulnerabilities;    /* Table 1 ids ticked in the newest assessment */
  guint             n_indicators;
  guint             n_significant;
  guint             n_missing;
  guint             n_missing_recent;   /* in the 90 days before the meeting */
  char             *last_missing_at;
  guint             n_open_actions;
  guint             n_overdue_actions;
  guint             n_open_triggers;
  gboolean          has_plan;
  char             *plan_review_on;     /* '' until the plan's first version */
  gboolean          plan_written_here;  /* a version of the open plan at this meeting */
  gboolean          transition_planned;
  gboolean          adult_package_agreed;
} RmmItemFacts;

void     rmm_item_facts_free       (RmmItemFacts       *facts);
gboolean rmm_item_facts_needs_lead (const RmmItemFacts *facts);
gboolean rmm_item_facts_needs_plan (const RmmItemFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmItemFacts, rmm_item_facts_free)
RmmItemFacts *rmm_store_get_item_facts     (RmmStore            *self,
                                             gint64               item_id,
                                             GError             **error);
gint64       rmm_store_set_minute_text      (RmmStore            *self,
                                             gint64               item_id,
                                             const char          *text,
                                             gint64               row_version,
                                             GError             **error);
GStrv        rmm_store_list_missing_decisions (RmmStore          *self,
                                             gint64               item_id,
                                             GError             **error);
gboolean     rmm_store_mark_item_discussed  (RmmStore            *self,
                                             gint64               item_id,
                                             GError             **error);
gboolean     rmm_store_defer_item           (RmmStore            *self,
                                             gint64               item_id,
                                             const char          *reason,
                                             GError             **error);
gboolean     rmm_store_reopen_item          (RmmStore            *self,
                                             gint64               item_id,
                                             GError             **error);

/* An item as a meeting held before RMM Desk kept its record left it (a migration from
 * paper minutes; the demo's history). */
typedef struct
{
  gint64         meeting_id;
  gint64         child_id;
  const char    *reasons;        /* space-separated RmmAgendaReason ids */
  RmmItemStatus  status;         /* discussed or deferred */
  const char    *status_reason;  /* deferred: why */
  const char    *minute_text;    /* NULL: none */
} RmmHeldItemInput;

gint64       rmm_store_add_held_item        (RmmStore            *self,
                                             const RmmHeldItemInput *input,
                                             GError             **error);

G_END_DECLS
