/* rmm-store-documents.h: what the documents read: meeting records, responses, closures,
 * children
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

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
RmmChildRecord *rmm_store_get_child_record  (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);
GPtrArray   *rmm_store_list_open_plan_children (RmmStore         *self,
                                             gint64               area_id,
                                             GError             **error);

G_END_DECLS
