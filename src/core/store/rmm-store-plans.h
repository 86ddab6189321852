/* rmm-store-plans.h: CSE safety plans: versions, actions and their review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-states.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

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
  RmmActionStatus status;
  char   *agreed_on;              /* the date of the meeting that agreed it */
  gint64  status_meeting_id;      /* where its outcome was recorded */
  gint64  meeting_id;             /* where it was agreed; 0 outside a meeting */
  gboolean family_visible;        /* on the family's copy of the plan */
  gboolean police_owned;          /* its agency is the police: never on the family's copy */
  char    *carried_to;            /* carried forward: the new due date, else '' */
} RmmPlanAction;

void rmm_plan_action_free (RmmPlanAction *action);
gboolean     rmm_store_agency_is_police     (RmmStore            *self,
                                             gint64               agency_id);
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
gint64       rmm_store_review_action        (RmmStore            *self,
                                             gint64               action_id,
                                             gint64               meeting_id,
                                             RmmActionStatus      outcome,
                                             const char          *new_due_on,
                                             GError             **error);

G_END_DECLS
