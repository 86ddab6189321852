/* rmm-referral.h: a referral as listed, with its deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rmm-states.h"

G_BEGIN_DECLS

#define RMM_TYPE_REFERRAL (rmm_referral_get_type ())
G_DECLARE_FINAL_TYPE (RmmReferral, rmm_referral, RMM, REFERRAL, GObject)

gint64      rmm_referral_get_id                 (RmmReferral *self);
gint64      rmm_referral_get_child_id           (RmmReferral *self);
const char *rmm_referral_get_child_reference    (RmmReferral *self);
const char *rmm_referral_get_child_name         (RmmReferral *self);
const char *rmm_referral_get_area_name          (RmmReferral *self);
const char *rmm_referral_get_received_at        (RmmReferral *self);
const char *rmm_referral_get_route              (RmmReferral *self);
const char *rmm_referral_get_referrer_name      (RmmReferral *self);
const char *rmm_referral_get_agency_name        (RmmReferral *self);
const char *rmm_referral_get_concern_summary    (RmmReferral *self);
const char *rmm_referral_get_screening_outcome  (RmmReferral *self);
RmmScreeningOutcome rmm_referral_get_outcome    (RmmReferral *self);
const char *rmm_referral_get_assessment_completed_on (RmmReferral *self);
gboolean    rmm_referral_get_repeat             (RmmReferral *self);
char       *rmm_referral_dup_decision_due       (RmmReferral *self);
GDate      *rmm_referral_dup_assessment_due     (RmmReferral *self);
gboolean    rmm_referral_is_decision_overdue    (RmmReferral *self,
                                                 GDateTime   *now);
gboolean    rmm_referral_is_assessment_overdue  (RmmReferral *self,
                                                 const GDate *today);

G_END_DECLS
