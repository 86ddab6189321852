/* rmm-demo-private.h: what the demo generator's files share: the simulated county and
 * case, and the steps one file takes for another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-framework.h"
#include "rmm-store.h"
#include "rmm-working-calendar.h"

G_BEGIN_DECLS

#define N_AREAS 6

typedef enum {
  AG_CHILDREN, AG_FAMILY, AG_POLICE, AG_EDUCATION, AG_HEALTH, AG_YOT, AG_VOLUNTARY,
  AG_RESIDENTIAL, AG_ADULT, N_AGENCIES
} AgencyKind;

typedef enum
{
  MINUTES_NEW,
  MINUTES_DOWN,
  MINUTES_SAME,
  MINUTES_UP,
  MINUTES_STRATEGY,
  MINUTES_NEW_INFORMATION,
  MINUTES_OVERDUE,
  MINUTES_EARLY_HELP,
  MINUTES_DISPUTE,
  MINUTES_CLOSURE,
  MINUTES_CLOSURE_EARLY_HELP,
  MINUTES_CLOSURE_NOT_AT_RISK,
  MINUTES_CLOSURE_ADULT,
  N_MINUTES
} MinutesKind;

typedef struct
{
  gint64         id;
  RmmFramework  *framework;
  gint64         chair_children;
  gint64         chair_family;
  gint64         minute_taker;
  GDate          first_meeting;
  GArray        *meetings;    /* gint64 meeting ids, one a week */
  GArray        *days;        /* GDate: the day each of them meets */
  gint64         closable;    /* the first child held at the lowest level with nothing open */
  gint64         newest_on_plan;  /* the newest child with an open safety plan */
} DemoArea;

typedef struct
{
  RmmStore       *store;
  GRand          *rand;
  GDate           today;
  GDate           start;
  gint64          agencies[N_AGENCIES];
  GArray         *staff[N_AGENCIES];        /* gint64 professional ids */
  GPtrArray      *staff_names[N_AGENCIES];  /* their names, in the same order */
  GHashTable     *names_in_use;             /* professionals' full names, each given once */
  DemoArea        areas[N_AREAS];
  GArray         *chair_additions;          /* ChairAddition, for the coming meetings */
  guint           n_children;
  guint           n_closures_proposed;      /* for a coming meeting, not yet confirmed */
} Demo;

/* A child the chairs add to a coming meeting's agenda after new information. */
typedef struct
{
  gint64  meeting_id;
  gint64  child_id;
} ChairAddition;

typedef struct
{
  gint64    id;
  GDate     raised;
  gboolean  from_rating;   /* raised by a rating the meeting confirmed */
} DemoTrigger;

typedef struct
{
  gint64  id;
  GDate   due;
  guint   agreed;          /* the meeting (index) that agreed it */
} DemoAction;

/* What one child's history carries from meeting to meeting. */
typedef struct
{
  gint64       id;
  DemoArea    *area;
  const char  *first_name;      /* how the minutes may speak of them */
  const char  *last_name;
  GDate        born;
  gboolean     has_social_worker;
  gint64       social_worker;   /* their professional id, or 0 */
  gboolean     has_network;     /* the people the plan is circulated to are recorded */
  const char  *rating;          /* the rating that stands; NULL until the first */
  guint        position;        /* its place in the framework */
  GDate        rated_on;
  gboolean     has_plan;
  GDate        review_on;       /* the plan's review date, once a version is written */
  guint        n_reviews;
  GArray      *actions;         /* DemoAction, open */
  GArray      *triggers;        /* DemoTrigger, open */
  gint64       newest_trigger;  /* the newest trigger seen, to notice what the rules raise */
  GDate        last_strategy;   /* the last strategy discussion held; cleared: none */
  gboolean     transition;
  gboolean     adult_package;
  gint64       closure_id;      /* a closure proposed for the meeting closure_index */
  guint        closure_index;
  int          closure_kind;    /* a CloseKind */
  gboolean     back_next_week;  /* deferred or disputed */
  gboolean     disputed;        /* the chairs disagreed last time: settled after escalation */
  gboolean     added_by_chair;  /* new information: the chairs add the child to the next agenda */
  gboolean     new_information; /* something happened since the last meeting */
} DemoChild;

typedef enum
{
  CLOSE_RISK_REDUCED,
  CLOSE_EARLY_HELP,
  CLOSE_NOT_AT_RISK,
  CLOSE_ADULT_SERVICES,
} CloseKind;

/* Chance and choice: every random step draws from the one seeded generator. */
static inline gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static inline int
pick (Demo *demo,
      int   n)
{
  return g_rand_int_range (demo->rand, 0, n);
}

/* rmm-demo-world.c */
void
rmm_demo_set_clock (Demo        *demo,
                    const GDate *day,
                    int          hour,
                    int          minute);
gint64
rmm_demo_pick_staff (Demo       *demo,
                     AgencyKind  kind);
const char *
rmm_demo_pick_staff_name (Demo       *demo,
                          AgencyKind  kind);
gboolean
rmm_demo_add_agencies (Demo     *demo,
                       GError  **error);
const char *
rmm_demo_agency_name (AgencyKind kind);
gboolean
rmm_demo_add_area (Demo     *demo,
                   guint     index,
                   GError  **error);
void
rmm_demo_meeting_date (DemoArea *area,
                       guint     index,
                       GDate    *out);
gint64
rmm_demo_meeting_id (DemoArea *area,
                     guint     index);
guint
rmm_demo_meeting_on_or_after (DemoArea    *area,
                              const GDate *day);
guint
rmm_demo_meeting_after (DemoArea    *area,
                        const GDate *day);
gboolean
rmm_demo_is_past (Demo        *demo,
                  const GDate *day);
gboolean
rmm_demo_hold_meetings (Demo     *demo,
                        GError  **error);
gboolean
rmm_demo_confirm_by_both_chairs (Demo      *demo,
                                 DemoArea  *area,
                                 gint64     decision_id,
                                 GError   **error);
const RmmRiskLevel *
rmm_demo_level_at (RmmFramework *framework,
                   guint         position);
guint
rmm_demo_level_position (RmmFramework *framework,
                         const char   *id);
guint
rmm_demo_top_position (RmmFramework *framework);
const char *
rmm_demo_initial_rating (Demo         *demo,
                         RmmFramework *framework);
gboolean
rmm_demo_add_series (Demo    *demo,
                     GError **error);

/* rmm-demo-case.c */
gboolean
rmm_demo_has_reason (const char *reasons,
                     const char *reason);
guint
rmm_demo_age_on (DemoChild   *child,
                 const GDate *day);
gboolean
rmm_demo_collect_new_triggers (Demo       *demo,
                               DemoChild  *child,
                               gboolean    from_rating,
                               GDate      *earliest,
                               GError    **error);
gboolean
rmm_demo_simulate_child (Demo     *demo,
                         GError  **error);

/* rmm-demo-events.c */
gboolean
rmm_demo_between_meetings (Demo       *demo,
                           DemoChild  *child,
                           guint       index,
                           guint      *next,
                           GError    **error);
gboolean
rmm_demo_prepare_coming_week (Demo     *demo,
                              GError  **error);

/* rmm-demo-network.c */
gboolean
rmm_demo_circulate_plan (Demo         *demo,
                         DemoChild    *child,
                         const GDate  *day,
                         GError      **error);

/* rmm-demo-discussion.c */
gboolean
rmm_demo_answer_triggers (Demo        *demo,
                          DemoChild   *child,
                          gint64       meeting,
                          const GDate *day,
                          GError     **error);
gboolean
rmm_demo_review_actions (Demo        *demo,
                         DemoChild   *child,
                         gint64       meeting,
                         guint        index,
                         const GDate *day,
                         gboolean     closing,
                         GError     **error);
gboolean
rmm_demo_update_plan (Demo         *demo,
                      DemoChild    *child,
                      gint64        meeting,
                      guint         index,
                      const GDate  *day,
                      const GDate  *review_on,
                      guint         n_actions,
                      GError      **error);
gboolean
rmm_demo_discuss (Demo        *demo,
                  DemoChild   *child,
                  guint        index,
                  const char  *proposed,
                  const char  *reasons,
                  gboolean    *closed,
                  GError     **error);

/* rmm-demo-outcomes.c */
gint64
rmm_demo_propose_closure (Demo        *demo,
                          DemoChild   *child,
                          gint64       meeting,
                          CloseKind    kind,
                          GError     **error);
gboolean
rmm_demo_close_case (Demo        *demo,
                     DemoChild   *child,
                     gint64       meeting,
                     guint        index,
                     const GDate *day,
                     CloseKind    kind,
                     GError     **error);
gboolean
rmm_demo_plan_transition (Demo        *demo,
                          DemoChild   *child,
                          const GDate *day,
                          GError     **error);
gboolean
rmm_demo_add_past_item (Demo        *demo,
                        gint64       meeting,
                        gint64       child_id,
                        const char  *reasons,
                        const char  *deferral,
                        const char  *minute_text,
                        GError     **error);
char *
rmm_demo_type_minutes (Demo        *demo,
                       DemoChild   *child,
                       MinutesKind  kind,
                       gboolean     transition);
gboolean
rmm_demo_dispute_rating (Demo        *demo,
                         DemoChild   *child,
                         gint64       meeting,
                         guint        index,
                         const GDate *day,
                         guint        position,
                         const char  *reasons,
                         GError     **error);
MinutesKind
rmm_demo_minutes_kind (int          closing,
                       gboolean     first,
                       gboolean     strategy,
                       gboolean     new_information,
                       int          change,
                       const char  *reasons);

G_END_DECLS
