/* rmm-store-decisions.c: decisions proposed, confirmed by both chairs, disputed and
 * superseded; and a chair's word on one, as one workflow in one transaction
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
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

static gboolean
check_rating_value (RmmStore                *self,
                    const RmmDecisionInput  *input,
                    GError                 **error)
{
  g_autofree char *framework_id = NULL;
  RmmFramework *framework;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT a.framework FROM child c JOIN area a "
                               "ON a.id = c.area_id WHERE c.id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, input->child_id);
  if (!rmm_store_step_row (stmt, N_("child"), input->child_id, error))
    return FALSE;
  framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);

  framework = rmm_framework_lookup (framework_id);
  if (framework == NULL || rmm_framework_find_level (framework, input->value) == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a rating of the area’s framework (%s)."),
                   input->value ? input->value : "", framework_id);
      return FALSE;
    }
  return TRUE;
}

/* A lead agency is required; a lead professional, if named, works for it. */
static gboolean
check_lead (RmmStore                *self,
            const RmmDecisionInput  *input,
            GError                 **error)
{
  gint64 agency_id;

  if (input->lead_agency_id == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A lead-agency decision must name the lead agency."));
      return FALSE;
    }
  if (input->lead_professional_id == 0)
    return TRUE;
  agency_id = rmm_store_query_int (self, "SELECT coalesce((SELECT agency_id FROM professional "
                                         "WHERE id = ?), 0)",
                                   input->lead_professional_id, error);
  if (agency_id < 0)
    return FALSE;
  if (agency_id != input->lead_agency_id)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The lead professional must work for the lead agency."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_closure (RmmStore                *self,
               const RmmDecisionInput  *input,
               GError                 **error)
{
  g_autofree char *now = rmm_store_now (self);
  g_autofree char *day = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT coalesce((SELECT meets_on FROM meeting WHERE id = ?), "
                               "                substr(?, 1, 10))", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, input->meeting_id);
  rmm_db_stmt_bind_text (stmt, 2, now);
  if (!rmm_db_stmt_step (stmt, error))
    return FALSE;
  day = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);
  return rmm_store_check_closure (self, input->child_id, day, error);
}

static gint64
insert_decision (RmmStore                *self,
                 const RmmDecisionInput  *input,
                 gint64                   supersedes_id,
                 const char              *reason,
                 GError                 **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmField fields[] = {
    RMM_REF ("child_id", input->child_id),
    RMM_REF ("meeting_id", input->meeting_id),
    RMM_TEXT ("kind", rmm_state_to_text (RMM_TYPE_DECISION_KIND, input->kind)),
    RMM_TEXT ("value", input->value ? input->value : ""),
    RMM_REF ("lead_agency_id", input->lead_agency_id),
    RMM_REF ("lead_professional_id", input->lead_professional_id),
    RMM_TEXT ("rationale", input->rationale ? input->rationale : ""),
    RMM_TEXT ("proposed_at", now),
    RMM_REF ("supersedes_id", supersedes_id),
    RMM_TEXT ("supersede_reason", reason ? reason : ""),
  };

  switch (input->kind)
    {
    case RMM_DECISION_KIND_RISK_RATING:
      if (!check_rating_value (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_LEAD_AGENCY:
      if (!check_lead (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_CLOSURE:
      if (!check_closure (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_UNKNOWN:
    default:
      /* The schema's CHECK refuses it; said here in words. */
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("That is not a decision the chairs make: a risk rating, a lead agency or "
                     "a closure."));
      return 0;
    }
  return rmm_store_insert (self, "decision", fields, G_N_ELEMENTS (fields), error);
}

/* A decision as proposed to the chairs; it stands only once both have confirmed it. */
gint64
rmm_store_propose_decision (RmmStore                *self,
                            const RmmDecisionInput  *input,
                            GError                 **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  return insert_decision (self, input, 0, NULL, error);
}

typedef struct
{
  char   *status;
  char   *kind;
  char   *value;
  char   *framework_id;    /* of the child's area */
  char   *day;             /* the meeting's date, or today outside a meeting */
  gint64  child_id;
  gint64  meeting_id;
  gint64  chair_children_id;
  gint64  chair_family_id;
  gint64  chair1_id;
  gboolean chair1_confirmed;
  gint64  chair2_id;
  gboolean chair2_confirmed;
} DecisionState;

static void
decision_state_clear (DecisionState *state)
{
  g_free (state->status);
  g_free (state->kind);
  g_free (state->value);
  g_free (state->framework_id);
  g_free (state->day);
}

static gboolean
read_decision_state (RmmStore       *self,
                     gint64          decision_id,
                     DecisionState  *state,
                     GError        **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT d.status, coalesce(d.meeting_id, 0), "
                         "       coalesce(m.chair_children_id, 0), "
                         "       coalesce(m.chair_family_id, 0), coalesce(d.chair1_id, 0), "
                         "       d.chair1_confirmed_at IS NOT NULL, coalesce(d.chair2_id, 0), "
                         "       d.chair2_confirmed_at IS NOT NULL, d.kind, d.child_id, "
                         "       d.value, a.framework, coalesce(m.meets_on, substr(?, 1, 10)) "
                         "FROM decision d JOIN child c ON c.id = d.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "LEFT JOIN meeting m ON m.id = d.meeting_id "
                         "WHERE d.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, now);
  rmm_db_stmt_bind_int (stmt, 2, decision_id);
  if (!rmm_store_step_row (stmt, N_("decision"), decision_id, error))
    return FALSE;
  state->status = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  state->meeting_id = rmm_db_stmt_get_int (stmt, 1);
  state->chair_children_id = rmm_db_stmt_get_int (stmt, 2);
  state->chair_family_id = rmm_db_stmt_get_int (stmt, 3);
  state->chair1_id = rmm_db_stmt_get_int (stmt, 4);
  state->chair1_confirmed = rmm_db_stmt_get_int (stmt, 5);
  state->chair2_id = rmm_db_stmt_get_int (stmt, 6);
  state->chair2_confirmed = rmm_db_stmt_get_int (stmt, 7);
  state->kind = g_strdup (rmm_db_stmt_get_text (stmt, 8));
  state->child_id = rmm_db_stmt_get_int (stmt, 9);
  state->value = g_strdup (rmm_db_stmt_get_text (stmt, 10));
  state->framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 11));
  state->day = g_strdup (rmm_db_stmt_get_text (stmt, 12));
  rmm_db_stmt_reset (stmt);
  return TRUE;
}

/* Which confirmation @chair_id gives: 1 for the Children's Services chair, 2 for the
 * Family Services chair; outside a meeting, the first and second confirming person. */
static int
confirmation_slot (const DecisionState  *state,
                   gint64                chair_id,
                   GError              **error)
{
  int slot = 0;

  if (state->meeting_id != 0)
    slot = chair_id == state->chair_children_id ? 1 : chair_id == state->chair_family_id ? 2 : 0;
  else
    slot = !state->chair1_confirmed ? 1 : chair_id != state->chair1_id ? 2 : 0;

  if (slot == 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("Only the meeting’s two chairs can confirm a decision, each once."));
  else if ((slot == 1 && state->chair1_confirmed) || (slot == 2 && state->chair2_confirmed))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("This chair has already confirmed the decision."));
      slot = 0;
    }
  return slot;
}

/* A chair confirms. When both have, the decision stands; a rating's framework consequences
 * (plan, trigger) are written in the same transaction. */
gboolean
rmm_store_confirm_decision (RmmStore    *self,
                            gint64       decision_id,
                            gint64       chair_id,
                            GError     **error)
{
  DecisionState state = { 0 };
  g_autofree char *now = NULL;
  gboolean both, rating;
  int kind;
  gboolean ok;
  int slot;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = read_decision_state (self, decision_id, &state, error);
  if (ok && g_strcmp0 (state.status, "confirmed") == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The decision is already confirmed by both chairs."));
      ok = FALSE;
    }
  slot = ok ? confirmation_slot (&state, chair_id, error) : 0;
  if (slot != 0)
    {
      RmmField fields[] = {
        RMM_REF (slot == 1 ? "chair1_id" : "chair2_id", chair_id),
        RMM_TEXT (slot == 1 ? "chair1_confirmed_at" : "chair2_confirmed_at", NULL),
        RMM_TEXT ("status", NULL),
        /* The login (or user) that clicked, whichever chair it names. */
        RMM_TEXT (slot == 1 ? "chair1_login" : "chair2_login", rmm_store_get_actor (self)),
      };

      now = rmm_store_now (self);
      both = slot == 1 ? state.chair2_confirmed : state.chair1_confirmed;
      fields[1].text = now;
      fields[2].text = both ? "confirmed" : state.status;
      kind = rmm_state_from_text (RMM_TYPE_DECISION_KIND, state.kind, RMM_DECISION_KIND_UNKNOWN);
      rating = both && kind == RMM_DECISION_KIND_RISK_RATING;
      ok = rmm_store_update (self, "decision", decision_id, fields, G_N_ELEMENTS (fields), error);
      if (ok && rating)
        {
          RmmConfirmedRating confirmed = {
            .decision_id = decision_id,
            .child_id = state.child_id,
            .value = state.value,
            .framework_id = state.framework_id,
            .day = state.day,
          };

          ok = rmm_store_apply_rating (self, &confirmed, error);
        }
      if (ok && both && kind == RMM_DECISION_KIND_CLOSURE)
        ok = rmm_store_apply_closure (self, decision_id, error);
    }
  else
    ok = FALSE;
  decision_state_clear (&state);

  return rmm_store_end (self, ok, error);
}

/* A confirmed decision never changes; a correction is a new proposed decision that
 * supersedes it, with a reason, and stands once both chairs confirm it. */
gint64
rmm_store_supersede_decision (RmmStore                *self,
                              gint64                   decision_id,
                              const RmmDecisionInput  *input,
                              const char              *reason,
                              GError                 **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  DecisionState state = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A correction needs a reason."));
      return 0;
    }
  if (!rmm_store_begin (self, error))
    return 0;
  if (read_decision_state (self, decision_id, &state, error))
    {
      if (g_strcmp0 (state.status, "confirmed") != 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                     _("Only a confirmed decision can be superseded; change the proposal "
                       "instead."));
      else
        id = insert_decision (self, input, decision_id, reason, error);
    }
  decision_state_clear (&state);

  if (id == 0)
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

/* A chair disagrees with a proposed decision: their view is kept beside any other, the
 * decision is disputed (it does not stand) and marked for escalation to service managers. */
gboolean
rmm_store_record_dissent (RmmStore    *self,
                          gint64       decision_id,
                          gint64       chair_id,
                          const char  *view,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (view ? view : ""));
  g_autofree char *chair = NULL;
  g_autofree char *dissent = NULL;
  DecisionState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Record the chair’s view."));
      return FALSE;
    }
  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = read_decision_state (self, decision_id, &state, error);
  if (ok && g_strcmp0 (state.status, "confirmed") == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The decision is already confirmed by both chairs; correct it instead."));
      ok = FALSE;
    }
  if (ok && chair_id != state.chair_children_id && chair_id != state.chair_family_id)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Only the meeting’s two chairs can disagree with a decision."));
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *previous = NULL;
      RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                        "SELECT p.full_name, d.dissent FROM professional p, "
                                        "decision d WHERE p.id = ? AND d.id = ?", error);

      ok = stmt != NULL;
      if (ok)
        {
          rmm_db_stmt_bind_int (stmt, 1, chair_id);
          rmm_db_stmt_bind_int (stmt, 2, decision_id);
          ok = rmm_store_step_row (stmt, N_("chair"), chair_id, error);
        }
      if (ok)
        {
          chair = g_strdup (rmm_db_stmt_get_text (stmt, 0));
          previous = g_strdup (rmm_db_stmt_get_text (stmt, 1));
          rmm_db_stmt_reset (stmt);
          dissent = *previous ? g_strdup_printf ("%s\n%s: %s", previous, chair, trimmed)
                              : g_strdup_printf ("%s: %s", chair, trimmed);
        }
    }
  if (ok)
    {
      RmmField fields[] = {
        RMM_TEXT ("status", "disputed"),
        RMM_TEXT ("dissent", dissent),
        RMM_INT ("escalated", 1),
      };
      ok = rmm_store_update (self, "decision", decision_id, fields, G_N_ELEMENTS (fields), error);
    }
  decision_state_clear (&state);
  return rmm_store_end (self, ok, error);
}

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
  g_return_val_if_fail (input != NULL, 0);

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
