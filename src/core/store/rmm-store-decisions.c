/* rmm-store-decisions.c: a chair's word on a decision, as one workflow in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deciding at a meeting takes several steps: find where the decision stands for the child,
 * propose it (with a closure's record) unless the standing proposal is the one decided on,
 * then one chair confirms it or records why they disagree; confirming it a second time
 * applies the area's framework. The chairs' dialog calls one function and shows its result
 * or its error; every step is in one transaction, read afresh inside it (another window may
 * have confirmed meanwhile).
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-store-private.h"

static gboolean
same_proposal (const RmmDecisionState *state,
               const RmmDecisionInput *input)
{
  return g_strcmp0 (state->value, input->value ? input->value : "") == 0 &&
         state->lead_agency_id == input->lead_agency_id &&
         state->lead_professional_id == input->lead_professional_id;
}

/* A new proposal, with its closure record when it closes the case. */
static gint64
propose (RmmStore                *self,
         const RmmDecisionInput  *input,
         const RmmClosureInput   *closure,
         GError                 **error)
{
  gint64 id = rmm_store_propose_decision (self, input, error);

  if (id != 0 && closure != NULL && rmm_store_add_closure_record (self, id, closure, error) == 0)
    return 0;
  return id;
}

/* The decision the chair's word is on: the proposal standing at the meeting (one chair may
 * have confirmed it: it is not edited), the disputed one when @input is the same again, or a
 * new proposal of @input (the first time, or after a dispute with something different). */
static gint64
decision_to_decide (RmmStore                *self,
                    const RmmDecisionInput  *input,
                    const RmmClosureInput   *closure,
                    GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RmmDecisionState) state = rmm_store_find_meeting_decision (self, input->child_id,
                                                                       input->meeting_id,
                                                                       input->kind,
                                                                       &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (state == NULL)
    return propose (self, input, closure, error);
  switch (state->status)
    {
    case RMM_DECISION_STATUS_CONFIRMED:
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("Both chairs have confirmed this decision: it is corrected, with a "
                     "reason, not decided again."));
      return 0;
    case RMM_DECISION_STATUS_PROPOSED:
      return state->id;
    case RMM_DECISION_STATUS_DISPUTED:
    default:
      return same_proposal (state, input) ? state->id : propose (self, input, closure, error);
    }
}

/**
 * rmm_store_decide:
 * @input: the decision as the chairs' dialog shows it (child, meeting, kind, value)
 * @closure: (nullable): for a closure, its record, kept with a new proposal
 * @chair_id: the chair whose word this is
 * @dissent: (nullable): the chair's view when they disagree; %NULL when they confirm
 *
 * One chair confirms the decision, or disagrees with it, in one transaction with the proposal
 * it needs (see decision_to_decide()). The second chair's confirmation applies the framework.
 *
 * Returns: the decision's id, or 0 with @error (then nothing changed)
 */
gint64
rmm_store_decide (RmmStore                *self,
                  const RmmDecisionInput  *input,
                  const RmmClosureInput   *closure,
                  gint64                   chair_id,
                  const char              *dissent,
                  GError                 **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL && input->kind != NULL, 0);

  if (!rmm_store_begin (self, error))
    return 0;
  id = decision_to_decide (self, input, closure, error);
  ok = id != 0 &&
       (dissent != NULL ? rmm_store_record_dissent (self, id, chair_id, dissent, error)
                        : rmm_store_confirm_decision (self, id, chair_id, error));
  if (!ok || !rmm_store_commit (self, error))
    {
      if (rmm_db_get_depth (rmm_store_get_db (self)) > 0)
        rmm_store_rollback (self);
      return 0;
    }
  return id;
}

/**
 * rmm_store_correct_decision:
 * @decision_id: the confirmed decision that was wrong
 * @input: what it should have been
 * @closure: (nullable): for a closure, its record
 * @reason: why, for the minutes and the audit trail
 *
 * A confirmed decision never changes: a new one supersedes it, proposed for both chairs to
 * confirm, in one transaction with its closure record.
 *
 * Returns: the new decision's id, or 0 with @error (then nothing changed)
 */
gint64
rmm_store_correct_decision (RmmStore                *self,
                            gint64                   decision_id,
                            const RmmDecisionInput  *input,
                            const RmmClosureInput   *closure,
                            const char              *reason,
                            GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!rmm_store_begin (self, error))
    return 0;
  id = rmm_store_supersede_decision (self, decision_id, input, reason, error);
  if (id != 0 && closure != NULL && rmm_store_add_closure_record (self, id, closure, error) == 0)
    id = 0;
  if (id == 0 || !rmm_store_commit (self, error))
    {
      if (rmm_db_get_depth (rmm_store_get_db (self)) > 0)
        rmm_store_rollback (self);
      return 0;
    }
  return id;
}
