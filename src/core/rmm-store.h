/* rmm-store.h: the store of everything the RMM records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is a transaction that also appends to the audit trail; the store announces
 * committed changes with ::changed. Typed repository functions hold the SQL.
 */
#pragma once

#include <gio/gio.h>

#include "rmm-agenda-item.h"
#include "rmm-area.h"
#include "rmm-assessment.h"
#include "rmm-child.h"
#include "rmm-cse-entry.h"
#include "rmm-meeting.h"
#include "rmm-trigger-rules.h"

G_BEGIN_DECLS

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
} RmmStoreOpenFlags;

typedef struct
{
  const char *reference;
  const char *first_name;
  const char *last_name;
  const char *date_of_birth;   /* YYYY-MM-DD */
  const char *gender;
  gint64      area_id;
  const char *school;
  gint64      social_worker_id;  /* 0: none allocated */
  gboolean    looked_after;
} RmmChildInput;

typedef struct
{
  gint64      child_id;
  const char *route;             /* single-point-of-access | lead-professional */
  const char *referrer_name;
  gint64      referrer_agency_id;
  const char *received_at;       /* ISO 8601 UTC */
  const char *concern_summary;
  const char *screening_outcome; /* NULL: pending */
  const char *source;
} RmmReferralInput;

typedef struct
{
  gint64      child_id;
  gint64      meeting_id;        /* 0: outside a meeting */
  const char *kind;              /* risk-rating | lead-agency | closure | … */
  const char *value;
  gint64      lead_agency_id;
  gint64      lead_professional_id;
  const char *rationale;
} RmmDecisionInput;

/* How new children are placed on an agenda: triggers, then the highest risk, then by
 * name; or by name alone. */
typedef enum
{
  RMM_AGENDA_ORDER_RISK_FIRST,
  RMM_AGENDA_ORDER_BY_NAME,
} RmmAgendaOrder;

/* Where a decision stands at a meeting. */
typedef struct
{
  gint64    id;
  char     *value;
  char     *status;          /* proposed | disputed | confirmed */
  gboolean  chair1_confirmed; /* Children's Services chair */
  gboolean  chair2_confirmed; /* Family Services chair */
  char     *dissent;
  gboolean  escalated;
  char     *proposed_at;
  gint64    lead_agency_id;      /* lead-agency decisions */
  char     *lead_agency;
  gint64    lead_professional_id; /* 0: none named */
  char     *lead_professional;
  char     *rationale;           /* the reason recorded with it */
  char     *confirmed_at;        /* when the second chair confirmed it; '' until both have */
} RmmDecisionState;

void  rmm_decision_state_free (RmmDecisionState *state);
char *rmm_describe_lead        (const char       *agency,
                                const char       *professional);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmDecisionState, rmm_decision_state_free)

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
  char             *status;             /* pending | discussed | deferred | removed */
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

/* One agency's (or observer's) attendance at a meeting. */
typedef struct
{
  gint64      agency_id;
  const char *name;                  /* who came, sent apologies or is observing */
  const char *status;                /* present | apologies | sent-information | observer */
  const char *information_sent_at;   /* sent-information: YYYY-MM-DD or a UTC time */
} RmmAttendanceInput;

typedef struct
{
  gint64  agency_id;
  char   *agency;
  char   *name;
  char   *status;
  char   *information_sent_at;       /* '' unless sent-information */
} RmmAttendance;

void rmm_attendance_free (RmmAttendance *attendance);

/* One line of what a meeting decided. */
typedef struct
{
  char *kind;       /* rating-new | rating-up | rating-down | rating-same | rating-disputed |
                     * lead-agency | closure | trigger | deferred | removed */
  char *reference;
  char *name;
  char *detail;
} RmmSummaryLine;

void rmm_summary_line_free (RmmSummaryLine *line);

/* A safety plan as written at a meeting. */
typedef struct
{
  gint64      child_id;
  gint64      meeting_id;
  const char *risks;
  const char *protective_factors;
  const char *child_views;
  const char *carer_views;
  const char *direct_work_by;
  const char *review_on;          /* YYYY-MM-DD, after the meeting, within three months */
} RmmPlanInput;

typedef struct
{
  gint64    plan_id;
  guint     version;
  gint64    meeting_id;
  char     *meets_on;
  char     *risks;
  char     *protective_factors;
  char     *child_views;
  char     *carer_views;
  char     *direct_work_by;
  char     *review_on;
  char     *created_at;
  gboolean  open;                 /* the plan is still open */
} RmmPlanVersion;

void rmm_plan_version_free (RmmPlanVersion *version);

typedef struct
{
  gint64      child_id;
  gint64      meeting_id;
  const char *description;
  gint64      owner_id;           /* 0: not named */
  gint64      agency_id;          /* 0: not named */
  const char *due_on;             /* YYYY-MM-DD */
  gboolean    family_visible;     /* shown on the family version of the plan */
} RmmActionInput;

typedef struct
{
  gint64  id;
  gint64  child_id;
  char   *reference;
  char   *child_name;
  char   *description;
  char   *owner;
  char   *agency;
  char   *due_on;
  char   *status;                 /* open | done | not-done-circumstances | not-done-agency |
                                   * carried-forward */
  char   *agreed_on;              /* the date of the meeting that agreed it */
  gint64  status_meeting_id;      /* where its outcome was recorded */
  gint64  meeting_id;             /* where it was agreed; 0 outside a meeting */
  gboolean family_visible;        /* on the family's copy of the plan */
  gboolean police_owned;          /* its agency is the police: never on the family's copy */
  char    *carried_to;            /* carried forward: the new due date, else '' */
} RmmPlanAction;

void rmm_plan_action_free (RmmPlanAction *action);

/* A case closure: why, what went well, and where the child goes on to. */
typedef struct
{
  const char *reasons;
  const char *good_practice;
  gint64      onward_agency_id;   /* 0: none */
  const char *onward_referral;
} RmmClosureInput;

/* Preparing the move to adult services (dates YYYY-MM-DD; NULL or '' when not yet). */
typedef struct
{
  const char *planning_started_on;
  const char *adult_services;
  const char *adult_package_agreed_on;
  const char *s42_referral_on;        /* Care Act 2014 s42 adult-at-risk referral */
  const char *notes;
} RmmTransitionInput;

typedef struct
{
  char *planning_started_on;
  char *adult_services;
  char *adult_package_agreed_on;    /* '' until agreed */
  char *s42_referral_on;            /* '' if none */
  char *notes;
} RmmTransition;

void rmm_transition_free (RmmTransition *transition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmTransition, rmm_transition_free)

/* A strategy-discussion trigger, and whether it still waits for the RMM's response. */
typedef struct
{
  gint64    id;
  gint64    child_id;
  char     *reference;
  char     *child_name;
  char     *area;
  char     *rule_id;          /* 'manual' when raised by hand */
  char     *raised_at;
  char     *reason;
  char     *facts;            /* space-separated entity:id */
  gboolean  open;
  gboolean  overdue;          /* open past its target */
  char     *answered_at;      /* when both chairs had confirmed the response; '' while open */
} RmmTrigger;

gboolean rmm_trigger_was_open_on (const RmmTrigger *trigger,
                                  const char       *day);

void rmm_trigger_free (RmmTrigger *trigger);

typedef struct
{
  gint64      child_id;
  const char *started_at;       /* UTC, ISO 8601 */
  const char *ended_at;         /* NULL while missing */
  gint64      agency_id;        /* who reported it; 0: not recorded */
  const char *notes;
} RmmMissingEpisodeInput;

typedef struct
{
  gint64      child_id;
  const char *kind;             /* a rule's note kind (disclosure, exclusion…) or another */
  const char *summary;
  gint64      agency_id;
  gboolean    police_sensitive;
} RmmInformationNoteInput;

typedef struct
{
  gint64      trigger_id;
  gint64      meeting_id;       /* whose chairs confirm it */
  gboolean    convened;
  const char *convened_on;      /* convened: YYYY-MM-DD */
  const char *agencies_present;
  const char *outcome;
  gboolean    section47;        /* section 47 enquiries follow */
  const char *reasons;          /* not convened: why */
} RmmTriggerResponseInput;

/* When a meeting opened, concluded and was signed off ('' until then), for its minutes. */
typedef struct
{
  char *opened_at;
  char *statement_read_at;
  char *concluded_at;
  char *chair1_signed_at;
  char *chair2_signed_at;
} RmmMeetingRecord;

void rmm_meeting_record_free (RmmMeetingRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmMeetingRecord, rmm_meeting_record_free)

/* A trigger and the RMM's response to it. */
typedef struct
{
  gint64    trigger_id;
  gint64    child_id;
  char     *rule_id;
  char     *reason;
  char     *raised_at;
  gboolean  convened;
  char     *convened_on;
  char     *agencies_present;
  char     *outcome;
  gboolean  section47;
  char     *reasons;          /* not convened: why */
  gboolean  confirmed;        /* by both chairs */
  gboolean  chair1_confirmed; /* the Children's Services chair */
  gboolean  chair2_confirmed; /* the Family Services chair */
} RmmTriggerResponse;

void rmm_trigger_response_free (RmmTriggerResponse *response);

typedef struct
{
  char *reasons;
  char *good_practice;
  char *onward_agency;        /* '' if none */
  char *onward_referral;
} RmmClosure;

void rmm_closure_free (RmmClosure *closure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmClosure, rmm_closure_free)

typedef struct
{
  char     *kind;
  char     *summary;
  char     *agency;
  gboolean  police_sensitive;
  char     *recorded_at;
} RmmInformationNote;

void rmm_information_note_free (RmmInformationNote *note);

/* Police-led disruption of a person of concern: never on a family-facing document. */
typedef struct
{
  gint64      child_id;
  const char *subject_ref;      /* the police reference of the person of concern */
  const char *tactic;           /* cawn | shpo | srho | licensing | harassment | observation | other */
  const char *detail;
} RmmDisruptionNoteInput;

typedef struct
{
  char *subject_ref;
  char *tactic;
  char *detail;
  char *recorded_at;
} RmmDisruptionNote;

void rmm_disruption_note_free (RmmDisruptionNote *note);

/* A child as a document introduces them. */
typedef struct
{
  gint64    id;
  char     *reference;
  char     *first_name;
  char     *last_name;
  char     *date_of_birth;
  char     *gender;
  char     *school;
  gboolean  looked_after;
  char     *area;
  char     *framework_id;
  char     *social_worker;    /* '' if none allocated */
  char     *rating;           /* the current level id, '' if never rated */
  gboolean  has_open_plan;
} RmmChildRecord;

void rmm_child_record_free (RmmChildRecord *child);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmChildRecord, rmm_child_record_free)

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
char        *rmm_store_describe_restore     (const char          *path);
guint        rmm_store_get_schema_version   (RmmStore            *self);
guint        rmm_store_get_known_schema_version (void);
const char  *rmm_store_get_actor            (RmmStore            *self);
void         rmm_store_set_actor            (RmmStore            *self,
                                             const char          *actor);
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
gboolean     rmm_store_poll                 (RmmStore            *self);

char        *rmm_store_get_info             (RmmStore            *self,
                                             const char          *key);
gboolean     rmm_store_set_info             (RmmStore            *self,
                                             const char          *key,
                                             const char          *value,
                                             GError             **error);
gboolean     rmm_store_is_demo              (RmmStore            *self);

gboolean     rmm_store_check                (RmmStore            *self,
                                             GPtrArray          **problems,
                                             GError             **error);
gboolean     rmm_store_backup               (RmmStore            *self,
                                             const char          *dest_path,
                                             GError             **error);
gboolean     rmm_store_restore              (const char          *source_path,
                                             const char          *dest_path,
                                             char               **saved_copy,
                                             GError             **error);

gint64       rmm_store_add_area             (RmmStore            *self,
                                             const char          *name,
                                             const char          *framework_id,
                                             GError             **error);
gint64       rmm_store_add_agency           (RmmStore            *self,
                                             const char          *name,
                                             const char          *kind,
                                             GError             **error);
gint64       rmm_store_add_professional     (RmmStore            *self,
                                             gint64               agency_id,
                                             const char          *full_name,
                                             const char          *role,
                                             GError             **error);
gint64       rmm_store_add_child            (RmmStore            *self,
                                             const RmmChildInput *input,
                                             GError             **error);
gint64       rmm_store_add_referral         (RmmStore            *self,
                                             const RmmReferralInput *input,
                                             GError             **error);
gint64       rmm_store_add_meeting          (RmmStore            *self,
                                             gint64               area_id,
                                             const char          *meets_on,
                                             gint64               chair_children_id,
                                             gint64               chair_family_id,
                                             gint64               minute_taker_id,
                                             GError             **error);
gboolean     rmm_store_set_meeting_location (RmmStore            *self,
                                             gint64               meeting_id,
                                             const char          *location,
                                             GError             **error);
gint64       rmm_store_add_agenda_item      (RmmStore            *self,
                                             gint64               meeting_id,
                                             gint64               child_id,
                                             const char          *reasons,
                                             GError             **error);
gint64       rmm_store_propose_decision     (RmmStore            *self,
                                             const RmmDecisionInput *input,
                                             GError             **error);
gboolean     rmm_store_confirm_decision     (RmmStore            *self,
                                             gint64               decision_id,
                                             gint64               chair_id,
                                             GError             **error);
gint64       rmm_store_supersede_decision   (RmmStore            *self,
                                             gint64               decision_id,
                                             const RmmDecisionInput *input,
                                             const char          *reason,
                                             GError             **error);
RmmDecisionState *rmm_store_find_meeting_decision (RmmStore     *self,
                                             gint64               child_id,
                                             gint64               meeting_id,
                                             const char          *kind,
                                             GError             **error);
RmmDecisionState *rmm_store_find_current_decision (RmmStore     *self,
                                             gint64               child_id,
                                             const char          *kind,
                                             GError             **error);
RmmDecisionState *rmm_store_find_standing_decision (RmmStore    *self,
                                                    gint64       child_id,
                                                    const char  *kind,
                                                    gint64       meeting_id,
                                                    gboolean     including_meeting,
                                                    GError     **error);
gboolean     rmm_store_record_dissent       (RmmStore            *self,
                                             gint64               decision_id,
                                             gint64               chair_id,
                                             const char          *view,
                                             GError             **error);
char        *rmm_store_get_current_rating   (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);

gboolean     rmm_store_refresh_agenda       (RmmStore            *self,
                                             gint64               meeting_id,
                                             guint                time_box,
                                             RmmAgendaOrder       order,
                                             GError             **error);
GListModel  *rmm_store_list_agenda          (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gboolean     rmm_store_remove_agenda_item   (RmmStore            *self,
                                             gint64               item_id,
                                             const char          *reason,
                                             GError             **error);
gboolean     rmm_store_move_agenda_item     (RmmStore            *self,
                                             gint64               item_id,
                                             guint                position,
                                             GError             **error);

GListModel  *rmm_store_list_areas           (RmmStore            *self,
                                             GError             **error);
GListModel  *rmm_store_list_meetings        (RmmStore            *self,
                                             gint64               area_id,
                                             GError             **error);
char        *rmm_store_get_social_worker_on (RmmStore           *self,
                                             gint64              child_id,
                                             const char         *day,
                                             GError            **error);
GListModel  *rmm_store_list_children        (RmmStore            *self,
                                             gint64               area_id,
                                             GError             **error);
RmmChild    *rmm_store_find_child_by_reference (RmmStore      *self,
                                             const char          *reference,
                                             GError             **error);
gint64       rmm_store_find_agency          (RmmStore            *self,
                                             const char          *name,
                                             GError             **error);
gboolean     rmm_store_has_referral         (RmmStore            *self,
                                             gint64               child_id,
                                             const char          *received_at,
                                             const char          *referrer_name,
                                             GError             **error);
char        *rmm_store_get_previous_referral (RmmStore           *self,
                                             gint64               child_id,
                                             const char          *before,
                                             GError             **error);
gboolean     rmm_store_is_repeat_referral   (const char          *previous,
                                             const char          *received_at);
GListModel  *rmm_store_list_referrals       (RmmStore            *self,
                                             gint64               area_id,
                                             const char          *from,
                                             const char          *to,
                                             GError             **error);
gint64       rmm_store_add_assessment       (RmmStore            *self,
                                             const RmmAssessmentInput *input,
                                             GError             **error);
gint64       rmm_store_add_concern_not_referred (RmmStore        *self,
                                             gint64               child_id,
                                             gint64               agency_id,
                                             const char          *recorded_by,
                                             const char          *concern,
                                             const char          *reasons,
                                             GError             **error);
GPtrArray   *rmm_store_list_agencies        (RmmStore            *self,
                                             GError             **error);
GPtrArray   *rmm_store_list_assessors       (RmmStore            *self,
                                             GError             **error);
GPtrArray   *rmm_store_list_professionals   (RmmStore            *self,
                                             gint64               agency_id,
                                             GError             **error);
gint64       rmm_store_find_professional    (RmmStore            *self,
                                             const char          *full_name,
                                             GError             **error);
GPtrArray   *rmm_store_list_professional_names (RmmStore         *self,
                                                GError          **error);
gboolean     rmm_store_agency_is_police     (RmmStore            *self,
                                             gint64               agency_id);
gint64       rmm_store_find_agency_by_kind  (RmmStore            *self,
                                             const char          *kind,
                                             GError             **error);
GListModel  *rmm_store_search_children      (RmmStore            *self,
                                             const char          *reference,
                                             const char          *first_name,
                                             const char          *last_name,
                                             const char          *date_of_birth,
                                             GError             **error);
GListModel  *rmm_store_list_cse             (RmmStore            *self,
                                             const GDate         *day,
                                             GError             **error);
RmmArea     *rmm_store_find_area            (RmmStore            *self,
                                             const char          *name,
                                             GError             **error);
RmmMeeting  *rmm_store_get_meeting          (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gint64       rmm_store_find_next_meeting    (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
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
gboolean     rmm_store_open_meeting         (RmmStore            *self,
                                             gint64               meeting_id,
                                             const RmmAttendanceInput *rows,
                                             guint                n_rows,
                                             gboolean             statement_read,
                                             GError             **error);
GPtrArray   *rmm_store_list_attendance      (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gboolean     rmm_store_conclude_meeting     (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gboolean     rmm_store_sign_off_meeting     (RmmStore            *self,
                                             gint64               meeting_id,
                                             gint64               chair_id,
                                             GError             **error);
int          rmm_store_get_sign_off         (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
GPtrArray   *rmm_store_summarize_meeting    (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gint64       rmm_store_save_plan_version    (RmmStore            *self,
                                             const RmmPlanInput  *input,
                                             GError             **error);
GPtrArray   *rmm_store_list_plan_versions   (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);
gint64       rmm_store_add_plan_action      (RmmStore            *self,
                                             const RmmActionInput *input,
                                             GError             **error);
GPtrArray   *rmm_store_list_meeting_actions (RmmStore           *self,
                                             gint64              meeting_id,
                                             gint64              child_id,
                                             GError            **error);
GPtrArray   *rmm_store_list_previous_actions (RmmStore           *self,
                                             gint64               meeting_id,
                                             GError             **error);
GPtrArray   *rmm_store_list_child_actions   (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);
gboolean     rmm_store_review_action        (RmmStore            *self,
                                             gint64               action_id,
                                             gint64               meeting_id,
                                             const char          *outcome,
                                             const char          *new_due_on,
                                             GError             **error);
gboolean     rmm_store_check_closure        (RmmStore            *self,
                                             gint64               child_id,
                                             const char          *day,
                                             GError             **error);
gint64       rmm_store_add_closure_record   (RmmStore            *self,
                                             gint64               decision_id,
                                             const RmmClosureInput *input,
                                             GError             **error);
RmmTransition *rmm_store_get_transition     (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);
gboolean     rmm_store_record_transition    (RmmStore            *self,
                                             gint64               child_id,
                                             const RmmTransitionInput *input,
                                             GError             **error);
RmmTriggerRules *rmm_store_get_trigger_rules (RmmStore         *self,
                                             GError             **error);
gboolean     rmm_store_evaluate_triggers    (RmmStore            *self,
                                             RmmTriggerRules     *rules,
                                             gint64               child_id,
                                             guint               *n_raised,
                                             GError             **error);
GPtrArray   *rmm_store_list_triggers        (RmmStore            *self,
                                             gint64               child_id,
                                             gboolean             open_only,
                                             GError             **error);
GStrv        rmm_store_describe_trigger_facts (RmmStore          *self,
                                             const char          *facts,
                                             GError             **error);
gint64       rmm_store_add_missing_episode  (RmmStore            *self,
                                             const RmmMissingEpisodeInput *input,
                                             GError             **error);
gint64       rmm_store_add_information_note (RmmStore            *self,
                                             const RmmInformationNoteInput *input,
                                             GError             **error);
gint64       rmm_store_raise_trigger        (RmmStore            *self,
                                             gint64               child_id,
                                             const char          *reason,
                                             GError             **error);
gint64       rmm_store_respond_to_trigger   (RmmStore            *self,
                                             const RmmTriggerResponseInput *input,
                                             GError             **error);
gboolean     rmm_store_confirm_trigger_response (RmmStore        *self,
                                             gint64               response_id,
                                             gint64               chair_id,
                                             GError             **error);

RmmMeetingRecord *rmm_store_get_meeting_record (RmmStore        *self,
                                             gint64               meeting_id,
                                             GError             **error);
GPtrArray   *rmm_store_list_trigger_responses (RmmStore          *self,
                                             gint64               meeting_id,
                                             gint64               child_id,
                                             GError             **error);
RmmClosure  *rmm_store_get_closure          (RmmStore            *self,
                                             gint64               decision_id,
                                             GError             **error);
GPtrArray   *rmm_store_list_information_notes (RmmStore          *self,
                                             gint64               child_id,
                                             GError             **error);
gint64       rmm_store_add_disruption_note  (RmmStore            *self,
                                             const RmmDisruptionNoteInput *input,
                                             GError             **error);
GPtrArray   *rmm_store_list_disruption_notes (RmmStore           *self,
                                             gint64               child_id,
                                             GError             **error);
RmmChildRecord *rmm_store_get_child_record  (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);
GPtrArray   *rmm_store_list_open_plan_children (RmmStore         *self,
                                             gint64               area_id,
                                             GError             **error);

char        *rmm_store_get_backup_folder    (RmmStore            *self);
GPtrArray   *rmm_store_list_backups         (RmmStore            *self,
                                             GError             **error);
gboolean     rmm_store_backup_is_due        (RmmStore            *self);
char        *rmm_store_auto_backup          (RmmStore            *self,
                                             const char          *why,
                                             guint                keep,
                                             GError             **error);
char        *rmm_auto_backup_file           (const char          *database,
                                             const char          *why,
                                             guint                keep,
                                             GError             **error);

gboolean     rmm_store_verify_file          (RmmStore            *self,
                                             GError             **error);
void         rmm_store_set_read_only        (RmmStore            *self,
                                             const char          *reason);
const char  *rmm_store_get_read_only        (RmmStore            *self);
char        *rmm_store_rescue               (RmmStore            *self,
                                             GError             **error);

/* An area's weekly meetings (rmm-store-schedule.c). */
#define RMM_SCHEDULE_WEEKS_AHEAD 8

typedef struct
{
  gint64        area_id;
  GDateWeekday  weekday;            /* G_DATE_MONDAY … G_DATE_FRIDAY */
  const char   *starts_at;          /* HH:MM */
  const char   *location;
  gint64        chair_children_id;  /* 0: not named yet */
  gint64        chair_family_id;
  gint64        minute_taker_id;
} RmmSeriesInput;

typedef struct
{
  gint64        id;
  gint64        area_id;
  GDateWeekday  weekday;
  char         *starts_at;
  char         *location;
  gint64        chair_children_id;
  gint64        chair_family_id;
  gint64        minute_taker_id;
} RmmMeetingSeries;

void              rmm_meeting_series_free       (RmmMeetingSeries      *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmMeetingSeries, rmm_meeting_series_free)

gboolean          rmm_time_of_day_is_valid      (const char            *text);
RmmMeetingSeries *rmm_store_get_meeting_series  (RmmStore              *self,
                                                 gint64                 area_id,
                                                 GError               **error);
gboolean          rmm_store_set_meeting_series  (RmmStore              *self,
                                                 const RmmSeriesInput  *input,
                                                 GError               **error);
gint              rmm_store_schedule_ahead      (RmmStore              *self,
                                                 gint64                 area_id,
                                                 guint                  weeks,
                                                 GError               **error);
gboolean          rmm_store_reschedule_meeting  (RmmStore              *self,
                                                 gint64                 meeting_id,
                                                 const char            *meets_on,
                                                 const char            *starts_at,
                                                 const char            *location,
                                                 GError               **error);

G_END_DECLS
