/* rmm-store-agenda-proposals.c: which children a meeting's agenda should have, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reason is a query over the facts (a new referral, a trigger, a review due, overdue
 * actions, transition at 17 or 18, an Early Help check…); the children they find, with
 * their reasons, are the proposals rmm_store_refresh_agenda() applies.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-agenda-private.h"

/* How far ahead an 18th birthday puts a young person with risk remaining on the agenda. */
#define TRANSITION_MONTHS_BEFORE_18 3

void
rmm_agenda_proposal_free (gpointer data)
{
  RmmAgendaProposal *proposal = data;

  g_string_free (proposal->reasons, TRUE);
  g_free (proposal->rating);
  g_free (proposal->last_name);
  g_free (proposal->first_name);
  g_free (proposal);
}

void
rmm_agenda_facts_clear (RmmAgendaFacts *facts)
{
  g_clear_pointer (&facts->meets_on, g_free);
}

gboolean
rmm_agenda_read_facts (RmmStore        *self,
                       gint64           meeting_id,
                       RmmAgendaFacts  *facts,
                       GError         **error)
{
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT m.area_id, m.meets_on, m.status, a.framework "
                         "FROM meeting m JOIN area a ON a.id = m.area_id WHERE m.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_store_step_row (stmt, N_("meeting"), meeting_id, error))
    return FALSE;
  facts->area_id = rmm_db_stmt_get_int (stmt, 0);
  facts->meets_on = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  facts->status = rmm_state_from_text (RMM_TYPE_MEETING_STATUS, rmm_db_stmt_get_text (stmt, 2),
                                       RMM_MEETING_STATUS_SIGNED_OFF);
  facts->framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 3));
  rmm_db_stmt_reset (stmt);
  return facts->framework != NULL;
}

static RmmAgendaProposal *
proposal_for (GHashTable *proposals,
              gint64      child_id)
{
  RmmAgendaProposal *proposal = g_hash_table_lookup (proposals, &child_id);

  if (proposal == NULL)
    {
      proposal = g_new0 (RmmAgendaProposal, 1);
      proposal->child_id = child_id;
      proposal->reasons = g_string_new (NULL);
      g_hash_table_insert (proposals, &proposal->child_id, proposal);
    }
  return proposal;
}

void
rmm_agenda_add_reason (GString    *reasons,
                       const char *reason)
{
  g_auto(GStrv) present = g_strsplit (reasons->str, " ", -1);

  if (!g_strv_contains ((const char * const *)present, reason))
    g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason);
}

/* Every child a query returns gets @reason. The query binds area and meeting date. */
static gboolean
collect_reason (RmmStore        *self,
                const char      *sql,
                RmmAgendaFacts  *facts,
                const char      *reason,
                GHashTable      *proposals,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, facts->area_id);
  rmm_db_stmt_bind_text (stmt, 2, facts->meets_on);
  while (rmm_db_stmt_step (stmt, &local_error))
    rmm_agenda_add_reason (proposal_for (proposals, rmm_db_stmt_get_int (stmt, 0))->reasons, reason);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static const struct { const char *reason; const char *sql; } reason_queries[] = {
  { "trigger",
    "SELECT DISTINCT t.child_id FROM strategy_trigger t JOIN child c ON c.id = t.child_id "
    "WHERE c.area_id = ? AND t.raised_at <= ? || 'T23:59:59Z' "
    "  AND NOT EXISTS (SELECT 1 FROM trigger_response r WHERE r.trigger_id = t.id "
    "                  AND r.chair1_confirmed_at IS NOT NULL "
    "                  AND r.chair2_confirmed_at IS NOT NULL)" },
  /* Referred (and not screened out) and not rated since: the RMM agrees the rating. */
  { "new-referral",
    "SELECT DISTINCT r.child_id FROM referral r JOIN child c ON c.id = r.child_id "
    "WHERE c.area_id = ? AND r.received_at <= ? || 'T23:59:59Z' "
    "  AND r.screening_outcome NOT IN ('no-further-action', 'signposted') "
    "  AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.child_id = r.child_id "
    "                  AND d.kind = 'risk-rating' AND d.status = 'confirmed' "
    "                  AND d.proposed_at >= r.received_at)" },
  /* A plan opened by a rating but never written is due at the next meeting. */
  { "review-due",
    "SELECT p.child_id FROM safety_plan p JOIN child c ON c.id = p.child_id "
    "WHERE c.area_id = ? AND p.closed_on IS NULL "
    "  AND coalesce((SELECT v.review_on FROM safety_plan_version v WHERE v.plan_id = p.id "
    "                ORDER BY v.version DESC LIMIT 1), date(p.opened_on, '+1 day')) <= ?" },
  { "closure",
    "SELECT DISTINCT d.child_id FROM decision d JOIN child c ON c.id = d.child_id "
    "WHERE c.area_id = ? AND d.kind = 'closure' AND d.status <> 'confirmed' "
    "  AND substr(d.proposed_at, 1, 10) <= ?" },
  /* Outstanding actions: agreed at an earlier meeting, still open and past their date,
   * however long ago (one missed review must not drop an action from every later agenda). */
  { "overdue-actions",
    "SELECT DISTINCT p.child_id FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id "
    "JOIN child c ON c.id = p.child_id JOIN meeting m ON m.id = x.meeting_id "
    "WHERE c.area_id = ?1 AND x.status = 'open' AND x.due_on < ?2 AND p.closed_on IS NULL "
    "  AND m.meets_on < ?2" },
};

/* The children with a current rating and an open case (no closure confirmed since: a
 * closure proposed before the meeting is confirmed after the day's rating). */
#define RATED_CHILDREN_SQL \
  "SELECT c.id, c.date_of_birth, d.value, substr(d.proposed_at, 1, 10), " \
  "       EXISTS (SELECT 1 FROM transition t WHERE t.child_id = c.id), " \
  "       EXISTS (SELECT 1 FROM transition t WHERE t.child_id = c.id " \
  "               AND t.adult_package_agreed_on IS NOT NULL), " \
  "       EXISTS (SELECT 1 FROM safety_plan p WHERE p.child_id = c.id AND p.closed_on IS NULL) " \
  "FROM child c JOIN decision d ON d.id = " \
  "  (SELECT d2.id FROM decision d2 WHERE d2.child_id = c.id AND d2.kind = 'risk-rating' " \
  "   AND d2.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM decision s " \
  "     WHERE s.supersedes_id = d2.id AND s.status = 'confirmed') " \
  "   ORDER BY d2.proposed_at DESC, d2.id DESC LIMIT 1) " \
  "WHERE c.area_id = ? AND substr(d.proposed_at, 1, 10) <= ? " \
  "  AND NOT EXISTS (SELECT 1 FROM decision z WHERE z.child_id = c.id AND z.kind = 'closure' " \
  "                  AND z.status = 'confirmed' " \
  "                  AND greatest(z.chair1_confirmed_at, z.chair2_confirmed_at) >= d.proposed_at)"

/* Transition: at 17 without a plan; at 18 within three months, or past 18, with risk
 * remaining and no adult support package agreed. */
static gboolean
needs_transition (const GDate *born,
                  const GDate *meeting,
                  gboolean     has_transition,
                  gboolean     package_agreed)
{
  GDate eighteenth = *born;
  GDate horizon = *meeting;
  guint age = rmm_date_age_on (born, meeting);

  g_date_add_years (&eighteenth, 18);
  g_date_add_months (&horizon, TRANSITION_MONTHS_BEFORE_18);
  if (age >= 17 && !has_transition)
    return TRUE;
  return !package_agreed && g_date_compare (&eighteenth, &horizon) <= 0;
}

/* Held at Early Help, no plan, and the level's review interval has passed since the rating. */
static gboolean
needs_early_help_check (const RmmRiskLevel *level,
                        const char         *rated_on,
                        const GDate        *meeting,
                        gboolean            open_plan)
{
  GDate due;

  if (!level->held_at_early_help || open_plan || level->review_interval_days == 0 ||
      !rmm_date_parse (rated_on, &due))
    return FALSE;
  g_date_add_days (&due, level->review_interval_days);
  return g_date_compare (&due, meeting) <= 0;
}

static gboolean
collect_rated_children (RmmStore        *self,
                        RmmAgendaFacts  *facts,
                        GHashTable      *proposals,
                        GHashTable      *ratings,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), RATED_CHILDREN_SQL, error);
  GDate meeting, born;

  if (stmt == NULL || !rmm_date_parse (facts->meets_on, &meeting))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, facts->area_id);
  rmm_db_stmt_bind_text (stmt, 2, facts->meets_on);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      const char *rating = rmm_db_stmt_get_text (stmt, 2);
      const RmmRiskLevel *level = rmm_framework_find_level (facts->framework, rating);
      gboolean risk_remains;

      if (level == NULL)
        continue;
      g_hash_table_insert (ratings, g_memdup2 (&child_id, sizeof child_id), g_strdup (rating));
      risk_remains = rmm_framework_compare (facts->framework, rating,
                                            rmm_framework_get_level (facts->framework, 0)->id) > 0;
      if (risk_remains && rmm_date_parse (rmm_db_stmt_get_text (stmt, 1), &born) &&
          needs_transition (&born, &meeting, rmm_db_stmt_get_int (stmt, 4),
                            rmm_db_stmt_get_int (stmt, 5)))
        rmm_agenda_add_reason (proposal_for (proposals, child_id)->reasons, "transition");
      if (needs_early_help_check (level, rmm_db_stmt_get_text (stmt, 3), &meeting,
                                  rmm_db_stmt_get_int (stmt, 6)))
        rmm_agenda_add_reason (proposal_for (proposals, child_id)->reasons, "early-help-check");
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
name_proposals (RmmStore      *self,
                GHashTable    *proposals,
                GHashTable    *ratings,
                RmmFramework  *framework,
                GError       **error)
{
  GHashTableIter iter;
  RmmAgendaProposal *proposal;

  g_hash_table_iter_init (&iter, proposals);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&proposal))
    {
      RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                        "SELECT first_name, last_name FROM child WHERE id = ?",
                                        error);
      const char *rating = g_hash_table_lookup (ratings, &proposal->child_id);

      if (stmt == NULL)
        return FALSE;
      rmm_db_stmt_bind_int (stmt, 1, proposal->child_id);
      if (rmm_db_stmt_step (stmt, NULL))
        {
          proposal->first_name = g_strdup (rmm_db_stmt_get_text (stmt, 0));
          proposal->last_name = g_strdup (rmm_db_stmt_get_text (stmt, 1));
          rmm_db_stmt_reset (stmt);
        }
      proposal->rating = g_strdup (rating ? rating : "");
      for (guint i = 0; rating && i < rmm_framework_get_n_levels (framework); i++)
        if (g_str_equal (rmm_framework_get_level (framework, i)->id, rating))
          proposal->risk = i + 1;
    }
  return TRUE;
}

static gboolean
has_reason (RmmAgendaProposal *proposal,
            const char        *reason)
{
  g_auto(GStrv) reasons = g_strsplit (proposal->reasons->str, " ", -1);

  return g_strv_contains ((const char * const *)reasons, reason);
}

/* Triggers first, then the highest risk, then by name (the chairs' default); or by name. */
static int
compare_proposals (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RmmAgendaProposal *pa = *(RmmAgendaProposal **)a;
  RmmAgendaProposal *pb = *(RmmAgendaProposal **)b;
  RmmAgendaOrder order = GPOINTER_TO_INT (user_data);
  int by_trigger = has_reason (pb, "trigger") - has_reason (pa, "trigger");
  int by_name;

  if (order == RMM_AGENDA_ORDER_RISK_FIRST && by_trigger != 0)
    return by_trigger;
  if (order == RMM_AGENDA_ORDER_RISK_FIRST && pa->risk != pb->risk)
    return pa->risk > pb->risk ? -1 : 1;
  by_name = g_utf8_collate (pa->last_name ? pa->last_name : "", pb->last_name ? pb->last_name : "");
  if (by_name != 0)
    return by_name;
  return (pa->child_id > pb->child_id) - (pa->child_id < pb->child_id);
}

/* Every child with a reason to be on this meeting's agenda, in the default order. */
GPtrArray *
rmm_agenda_propose (RmmStore        *self,
                    RmmAgendaFacts  *facts,
                    RmmAgendaOrder   order,
                    GError         **error)
{
  g_autoptr(GHashTable) proposals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           rmm_agenda_proposal_free);
  g_autoptr(GHashTable) ratings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  GPtrArray *ordered;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < G_N_ELEMENTS (reason_queries); i++)
    if (!collect_reason (self, reason_queries[i].sql, facts, reason_queries[i].reason,
                         proposals, error))
      return NULL;
  if (!collect_rated_children (self, facts, proposals, ratings, error) ||
      !name_proposals (self, proposals, ratings, facts->framework, error))
    return NULL;

  ordered = g_ptr_array_new_with_free_func (rmm_agenda_proposal_free);
  g_hash_table_iter_init (&iter, proposals);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (ordered, value);
    }
  g_ptr_array_sort_with_data (ordered, compare_proposals, GINT_TO_POINTER (order));
  return ordered;
}
