/* rmm-store-closures.h: closing a case, and the move to adult services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

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

G_END_DECLS
