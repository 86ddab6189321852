/* rmm-store-decisions.h: decisions proposed, confirmed, disputed and superseded, where each
 * stands, and a chair's word on one as one workflow in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"
#include "rmm-store-closures.h"
#include "rmm-store-meetings.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      child_id;
  gint64      meeting_id;        /* 0: outside a meeting */
  RmmDecisionKind kind;
  const char *value;
  gint64      lead_agency_id;
  gint64      lead_professional_id;
  const char *rationale;
} RmmDecisionInput;

/* Where a decision stands at a meeting. */
typedef struct
{
  gint64    id;
  char     *value;
  RmmDecisionStatus status;
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
RmmDecisionState *rmm_store_find_meeting_decision  (RmmStore         *self,
                                                    gint64            child_id,
                                                    gint64            meeting_id,
                                                    RmmDecisionKind   kind,
                                                    GError          **error);
RmmDecisionState *rmm_store_find_current_decision  (RmmStore         *self,
                                                    gint64            child_id,
                                                    RmmDecisionKind   kind,
                                                    GError          **error);
RmmDecisionState *rmm_store_find_standing_decision (RmmStore         *self,
                                                    gint64            child_id,
                                                    RmmDecisionKind   kind,
                                                    gint64            meeting_id,
                                                    gboolean          including_meeting,
                                                    GError          **error);
gboolean     rmm_store_record_dissent       (RmmStore            *self,
                                             gint64               decision_id,
                                             gint64               chair_id,
                                             const char          *view,
                                             GError             **error);
char        *rmm_store_get_current_rating   (RmmStore            *self,
                                             gint64               child_id,
                                             GError             **error);

gint64 rmm_store_decide            (RmmStore                *self,
                                    const RmmDecisionInput  *input,
                                    const RmmClosureInput   *closure,
                                    gint64                   chair_id,
                                    const char              *dissent,
                                    GError                 **error);
gint64 rmm_store_correct_decision  (RmmStore                *self,
                                    gint64                   decision_id,
                                    const RmmDecisionInput  *input,
                                    const RmmClosureInput   *closure,
                                    const char              *reason,
                                    GError                 **error);

G_END_DECLS
