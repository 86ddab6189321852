/* rmm-store-decision-state.c: where a decision stands for a child: at a meeting, now, or
 * as a meeting's minutes record it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

char *
rmm_store_get_current_rating (RmmStore  *self,
                              gint64     child_id,
                              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  char *rating = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT coalesce(" RMM_CURRENT_RATING_SQL ("?") ", '')", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      rating = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return rating;
}

void
rmm_decision_state_free (RmmDecisionState *state)
{
  if (state == NULL)
    return;
  g_free (state->value);
  g_free (state->dissent);
  g_free (state->proposed_at);
  g_free (state->lead_agency);
  g_free (state->lead_professional);
  g_free (state->rationale);
  g_free (state->confirmed_at);
  g_free (state);
}

#define DECISION_STATE_SELECT \
  "SELECT d.id, d.value, d.status, d.chair1_confirmed_at IS NOT NULL, " \
  "       d.chair2_confirmed_at IS NOT NULL, d.dissent, d.escalated, d.proposed_at, " \
  "       coalesce(d.lead_agency_id, 0), coalesce(g.name, ''), " \
  "       coalesce(d.lead_professional_id, 0), coalesce(p.full_name, ''), d.rationale, " \
  "       CASE WHEN d.chair1_confirmed_at IS NULL OR d.chair2_confirmed_at IS NULL THEN '' " \
  "            ELSE greatest(d.chair1_confirmed_at, d.chair2_confirmed_at) END " \
  "FROM decision d LEFT JOIN agency g ON g.id = d.lead_agency_id " \
  "LEFT JOIN professional p ON p.id = d.lead_professional_id "

/* The state from a DECISION_STATE_SELECT row, or NULL (no error) if there is none. */
static RmmDecisionState *
decision_state_from_stmt (RmmDbStmt  *stmt,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDecisionState *state;

  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  state = g_new0 (RmmDecisionState, 1);
  state->id = rmm_db_stmt_get_int (stmt, 0);
  state->value = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  /* Unknown text (a file changed outside RMM Desk) never reads as standing. */
  state->status = rmm_state_from_text (RMM_TYPE_DECISION_STATUS, rmm_db_stmt_get_text (stmt, 2),
                                       RMM_DECISION_STATUS_PROPOSED);
  state->chair1_confirmed = rmm_db_stmt_get_int (stmt, 3);
  state->chair2_confirmed = rmm_db_stmt_get_int (stmt, 4);
  state->dissent = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  state->escalated = rmm_db_stmt_get_int (stmt, 6);
  state->proposed_at = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  state->lead_agency_id = rmm_db_stmt_get_int (stmt, 8);
  state->lead_agency = g_strdup (rmm_db_stmt_get_text (stmt, 9));
  state->lead_professional_id = rmm_db_stmt_get_int (stmt, 10);
  state->lead_professional = g_strdup (rmm_db_stmt_get_text (stmt, 11));
  state->rationale = g_strdup (rmm_db_stmt_get_text (stmt, 12));
  state->confirmed_at = g_strdup (rmm_db_stmt_get_text (stmt, 13));
  rmm_db_stmt_reset (stmt);
  return state;
}

/* A lead-agency decision in words: "Agency: Person", or that no one is named yet. */
char *
rmm_describe_lead (const char *agency,
                   const char *professional)
{
  if (professional == NULL || *professional == '\0')
    return g_strdup_printf (_("%s (lead professional not named yet)"), agency ? agency : "");
  return g_strdup_printf (_("%s: %s"), agency ? agency : "", professional);
}

/* A kind the chairs decide; another would read as "none recorded", which it is not. */
static gboolean
check_kind (RmmDecisionKind   kind,
            GError          **error)
{
  if (kind < RMM_DECISION_KIND_UNKNOWN)
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("That is not a decision the chairs make: a risk rating, a lead agency or a "
                 "closure."));
  return FALSE;
}

/* The newest decision of @kind for the child at this meeting, or NULL (no error) if none. */
RmmDecisionState *
rmm_store_find_meeting_decision (RmmStore       *self,
                                 gint64          child_id,
                                 gint64          meeting_id,
                                 RmmDecisionKind kind,
                                 GError        **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!check_kind (kind, error))
    return NULL;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ? AND d.meeting_id = ? AND d.kind = ? "
                         "ORDER BY d.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_int (stmt, 2, meeting_id);
  rmm_db_stmt_bind_text (stmt, 3, rmm_state_to_text (RMM_TYPE_DECISION_KIND, kind));
  return decision_state_from_stmt (stmt, error);
}

/* The decision of @kind that stands for the child now: the newest confirmed one that no
 * confirmed correction has superseded; NULL (no error) if none. */
RmmDecisionState *
rmm_store_find_current_decision (RmmStore       *self,
                                 gint64          child_id,
                                 RmmDecisionKind kind,
                                 GError        **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!check_kind (kind, error))
    return NULL;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ? AND d.kind = ? AND d.status = 'confirmed' "
                         "  AND NOT EXISTS (SELECT 1 FROM decision s "
                         "                  WHERE s.supersedes_id = d.id "
                         "                  AND s.status = 'confirmed') "
                         "ORDER BY d.proposed_at DESC, d.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, rmm_state_to_text (RMM_TYPE_DECISION_KIND, kind));
  return decision_state_from_stmt (stmt, error);
}

/* The decision of @kind that stood for the child at a meeting, as its minutes record it:
 * before the meeting, or at its end when @including_meeting. Later decisions, and later
 * corrections of this one, do not change what stood then. NULL (no error) when none did. */
RmmDecisionState *
rmm_store_find_standing_decision (RmmStore       *self,
                                  gint64          child_id,
                                  RmmDecisionKind kind,
                                  gint64          meeting_id,
                                  gboolean        including_meeting,
                                  GError        **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!check_kind (kind, error))
    return NULL;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ?1 AND d.kind = ?2 AND d.status = 'confirmed' "
                         "  AND ((?4 AND d.meeting_id = ?3) "
                         "       OR (coalesce(d.meeting_id, 0) <> ?3 "
                         "           AND substr(d.proposed_at, 1, 10) <= "
                         "               (SELECT meets_on FROM meeting WHERE id = ?3))) "
                         "ORDER BY d.meeting_id = ?3 DESC, d.proposed_at DESC, d.id DESC "
                         "LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, rmm_state_to_text (RMM_TYPE_DECISION_KIND, kind));
  rmm_db_stmt_bind_int (stmt, 3, meeting_id);
  rmm_db_stmt_bind_int (stmt, 4, including_meeting);
  return decision_state_from_stmt (stmt, error);
}
