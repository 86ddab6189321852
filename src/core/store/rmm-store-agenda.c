/* rmm-store-agenda.c: the agenda that builds itself, and what the chairs do to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a coming meeting, every child with a reason to be discussed is proposed, each with
 * its reasons: new-referral (referred, not screened out, not rated since), review-due (the safety
 * plan's review date has come), trigger (an open strategy-discussion trigger), closure (a
 * proposed closure), transition (17 without a transition plan, or 18 within three months
 * or past with risk remaining and no adult support agreed), early-help-check (held at Early
 * Help and due a look), overdue-actions (actions agreed at an earlier meeting, still open
 * and past their date). The chairs may add
 * children (added-by-chair), remove items with a reason, and reorder; all of it audited.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-agenda-item.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

/* How far ahead an 18th birthday puts a young person with risk remaining on the agenda. */
#define TRANSITION_MONTHS_BEFORE_18 3

typedef struct
{
  gint64            area_id;
  char             *meets_on;
  RmmMeetingStatus  status;
  RmmFramework     *framework;
} MeetingFacts;

typedef struct
{
  gint64   child_id;
  GString *reasons;
  char    *rating;
  guint    risk;          /* position of the rating in the framework, 0 without one */
  char    *last_name;
  char    *first_name;
} Proposal;

static void
proposal_free (gpointer data)
{
  Proposal *proposal = data;

  g_string_free (proposal->reasons, TRUE);
  g_free (proposal->rating);
  g_free (proposal->last_name);
  g_free (proposal->first_name);
  g_free (proposal);
}

static void
meeting_facts_clear (MeetingFacts *facts)
{
  g_clear_pointer (&facts->meets_on, g_free);
}

static gboolean
read_meeting_facts (RmmStore      *self,
                    gint64         meeting_id,
                    MeetingFacts  *facts,
                    GError       **error)
{
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT m.area_id, m.meets_on, m.status, a.framework "
                         "FROM meeting m JOIN area a ON a.id = m.area_id WHERE m.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_store_step_row (stmt, "meeting", meeting_id, error))
    return FALSE;
  facts->area_id = rmm_db_stmt_get_int (stmt, 0);
  facts->meets_on = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  facts->status = rmm_state_from_text (RMM_TYPE_MEETING_STATUS, rmm_db_stmt_get_text (stmt, 2),
                                       RMM_MEETING_STATUS_SIGNED_OFF);
  facts->framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 3));
  rmm_db_stmt_reset (stmt);
  return facts->framework != NULL;
}

static Proposal *
proposal_for (GHashTable *proposals,
              gint64      child_id)
{
  Proposal *proposal = g_hash_table_lookup (proposals, &child_id);

  if (proposal == NULL)
    {
      proposal = g_new0 (Proposal, 1);
      proposal->child_id = child_id;
      proposal->reasons = g_string_new (NULL);
      g_hash_table_insert (proposals, &proposal->child_id, proposal);
    }
  return proposal;
}

static void
add_reason (GString    *reasons,
            const char *reason)
{
  g_auto(GStrv) present = g_strsplit (reasons->str, " ", -1);

  if (!g_strv_contains ((const char * const *)present, reason))
    g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason);
}

/* Every child a query returns gets @reason. The query binds area and meeting date. */
static gboolean
collect_reason (RmmStore      *self,
                const char    *sql,
                MeetingFacts  *facts,
                const char    *reason,
                GHashTable    *proposals,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, facts->area_id);
  rmm_db_stmt_bind_text (stmt, 2, facts->meets_on);
  while (rmm_db_stmt_step (stmt, &local_error))
    add_reason (proposal_for (proposals, rmm_db_stmt_get_int (stmt, 0))->reasons, reason);
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
  "                  AND max(z.chair1_confirmed_at, z.chair2_confirmed_at) >= d.proposed_at)"

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
collect_rated_children (RmmStore      *self,
                        MeetingFacts  *facts,
                        GHashTable    *proposals,
                        GHashTable    *ratings,
                        GError       **error)
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
        add_reason (proposal_for (proposals, child_id)->reasons, "transition");
      if (needs_early_help_check (level, rmm_db_stmt_get_text (stmt, 3), &meeting,
                                  rmm_db_stmt_get_int (stmt, 6)))
        add_reason (proposal_for (proposals, child_id)->reasons, "early-help-check");
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
name_proposals (RmmStore    *self,
                GHashTable  *proposals,
                GHashTable  *ratings,
                RmmFramework *framework,
                GError     **error)
{
  GHashTableIter iter;
  Proposal *proposal;

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
has_reason (Proposal   *proposal,
            const char *reason)
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
  Proposal *pa = *(Proposal **)a;
  Proposal *pb = *(Proposal **)b;
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
static GPtrArray *
propose (RmmStore       *self,
         MeetingFacts   *facts,
         RmmAgendaOrder  order,
         GError        **error)
{
  g_autoptr(GHashTable) proposals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           proposal_free);
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

  ordered = g_ptr_array_new_with_free_func (proposal_free);
  g_hash_table_iter_init (&iter, proposals);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (ordered, value);
    }
  g_ptr_array_sort_with_data (ordered, compare_proposals, GINT_TO_POINTER (order));
  return ordered;
}

typedef struct
{
  gint64         id;
  char          *reasons;
  RmmItemStatus  status;
} ExistingItem;

static void
existing_item_free (gpointer data)
{
  ExistingItem *item = data;

  g_free (item->reasons);
  g_free (item);
}

static GHashTable *
read_existing (RmmStore  *self,
               gint64     meeting_id,
               GError   **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       existing_item_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT child_id, id, reasons, status FROM agenda_item "
                                    "WHERE meeting_id = ?", error);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      ExistingItem *item = g_new0 (ExistingItem, 1);

      item->id = rmm_db_stmt_get_int (stmt, 1);
      item->reasons = g_strdup (rmm_db_stmt_get_text (stmt, 2));
      item->status = rmm_state_from_text (RMM_TYPE_ITEM_STATUS, rmm_db_stmt_get_text (stmt, 3),
                                          RMM_ITEM_STATUS_PENDING);
      g_hash_table_insert (items, g_memdup2 (&child_id, sizeof child_id), item);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Today's reasons, keeping a chair's own addition. Once the meeting is open, the reasons
 * an item came to it with are what the minutes record (a plan saved in the meeting no
 * longer makes the review due, but it was why the child was discussed): nothing is taken
 * away, only a new reason added. */
static char *
merged_reasons (const char *stored,
                GString    *computed,
                gboolean    meeting_open)
{
  g_autoptr(GString) merged = g_string_new (meeting_open ? stored : computed->str);
  g_auto(GStrv) old = g_strsplit (stored, " ", -1);
  g_auto(GStrv) fresh = g_strsplit (computed->str, " ", -1);

  if (g_strv_contains ((const char * const *)old, "added-by-chair"))
    add_reason (merged, "added-by-chair");
  for (guint i = 0; meeting_open && fresh[i] != NULL; i++)
    if (*fresh[i] != '\0')
      add_reason (merged, fresh[i]);
  return g_string_free (g_steal_pointer (&merged), FALSE);
}

static gboolean
apply_proposals (RmmStore   *self,
                 gint64      meeting_id,
                 gboolean    meeting_open,
                 GPtrArray  *proposals,
                 GHashTable *existing,
                 guint       time_box,
                 GError    **error)
{
  gint64 position = rmm_store_query_int (self, "SELECT coalesce(max(position), 0) FROM "
                                               "agenda_item WHERE meeting_id = ?",
                                         meeting_id, error);

  for (guint i = 0; position >= 0 && i < proposals->len; i++)
    {
      Proposal *proposal = g_ptr_array_index (proposals, i);
      ExistingItem *item = g_hash_table_lookup (existing, &proposal->child_id);

      if (item == NULL)
        {
          RmmField fields[] = {
            RMM_REF ("meeting_id", meeting_id),
            RMM_REF ("child_id", proposal->child_id),
            RMM_INT ("position", ++position),
            RMM_TEXT ("reasons", proposal->reasons->str),
            RMM_INT ("time_box_minutes", time_box),
          };
          if (!rmm_store_insert (self, "agenda_item", fields, G_N_ELEMENTS (fields), error))
            return FALSE;
        }
      else if (item->status != RMM_ITEM_STATUS_REMOVED)
        {
          g_autofree char *reasons = merged_reasons (item->reasons, proposal->reasons,
                                                     meeting_open);
          RmmField fields[] = { RMM_TEXT ("reasons", reasons) };

          if (!g_str_equal (reasons, item->reasons) &&
              !rmm_store_update (self, "agenda_item", item->id, fields, 1, error))
            return FALSE;
        }
    }
  return position >= 0;
}

/* An item's rating and overdue flag, worked out from the facts (c: child, m: meeting). */
#define ITEM_RATING_SQL "coalesce(" RMM_CURRENT_RATING_SQL ("c.id") ", '')"
#define ITEM_REVIEW_SQL \
  "coalesce((SELECT v.review_on FROM safety_plan p JOIN safety_plan_version v " \
  "          ON v.plan_id = p.id WHERE p.child_id = c.id AND p.closed_on IS NULL " \
  "          ORDER BY v.version DESC LIMIT 1), '')"
#define ITEM_OVERDUE_SQL \
  "EXISTS (SELECT 1 FROM plan_action x " \
  "        WHERE x.plan_id IN (SELECT p.id FROM safety_plan p WHERE p.child_id = c.id " \
  "                            AND p.closed_on IS NULL) " \
  "        AND x.status = 'open' AND x.due_on < m.meets_on)"

static gboolean
update_agenda_facts (RmmStore  *self,
                     gint64     meeting_id,
                     GError   **error)
{
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "DELETE FROM agenda_fact WHERE item_id IN "
                               "(SELECT id FROM agenda_item WHERE meeting_id = ?)", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_db_stmt_run (stmt, error))
    return FALSE;
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "INSERT INTO agenda_fact (item_id, rating, overdue, review_on) "
                               "SELECT i.id, " ITEM_RATING_SQL ", " ITEM_OVERDUE_SQL ", "
                               ITEM_REVIEW_SQL " "
                               "FROM agenda_item i JOIN child c ON c.id = i.child_id "
                               "JOIN meeting m ON m.id = i.meeting_id WHERE i.meeting_id = ?",
                               error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  return rmm_db_stmt_run (stmt, error);
}

static gint64
newest_audit_event (RmmStore *self)
{
  return rmm_store_query_int (self, "SELECT coalesce(max(id), 0) FROM audit_event", 0, NULL);
}

/* Nothing has been recorded since the agenda was last worked out (see 0002-agenda-cache). */
static gboolean
agenda_is_current (RmmStore *self,
                   gint64    meeting_id)
{
  gint64 noted = rmm_store_query_int (self, "SELECT coalesce(max(audit_id), -1) FROM agenda_cache "
                                            "WHERE meeting_id = ?", meeting_id, NULL);

  return noted >= 0 && noted == newest_audit_event (self);
}

static gboolean
note_agenda_current (RmmStore  *self,
                     gint64     meeting_id,
                     GError   **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "INSERT INTO agenda_cache (meeting_id, audit_id) VALUES (?, ?) "
                                    "ON CONFLICT (meeting_id) DO UPDATE "
                                    "SET audit_id = excluded.audit_id", error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  rmm_db_stmt_bind_int (stmt, 2, newest_audit_event (self));
  return rmm_db_stmt_run (stmt, error);
}

/* Bring a coming meeting's agenda up to date with the data: add every child with a reason
 * to be discussed, refresh the reasons of those already on it. Nothing is ever taken off:
 * only the chairs remove an item, with a reason, and a removed item stays removed. Held
 * meetings are history and are left alone. Writes (and audits) only what changed. */
gboolean
rmm_store_refresh_agenda (RmmStore        *self,
                          gint64           meeting_id,
                          guint            time_box,
                          RmmAgendaOrder   order,
                          GError         **error)
{
  MeetingFacts facts = { 0 };
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GHashTable) existing = NULL;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (time_box > 0, FALSE);

  /* Nothing recorded since the agenda was last worked out: nothing to do, whatever the
   * meeting's state (concluding a meeting is itself a recorded change). */
  if (agenda_is_current (self, meeting_id))
    return TRUE;
  if (!read_meeting_facts (self, meeting_id, &facts, error))
    {
      meeting_facts_clear (&facts);
      return FALSE;
    }
  if (facts.status != RMM_MEETING_STATUS_PLANNED && facts.status != RMM_MEETING_STATUS_OPEN)
    {
      meeting_facts_clear (&facts);
      return TRUE;
    }

  ok = rmm_store_begin (self, error);
  if (ok)
    ok = (proposals = propose (self, &facts, order, error)) != NULL &&
         (existing = read_existing (self, meeting_id, error)) != NULL &&
         apply_proposals (self, meeting_id, facts.status == RMM_MEETING_STATUS_OPEN, proposals,
                          existing, time_box, error) &&
         update_agenda_facts (self, meeting_id, error) &&
         note_agenda_current (self, meeting_id, error);
  meeting_facts_clear (&facts);
  if (!ok)
    {
      if (rmm_db_get_depth (rmm_store_get_db (self)) > 0)
        rmm_store_rollback (self);
      return FALSE;
    }
  return rmm_store_commit (self, error);
}

static GObject *
agenda_item_from_row (RmmDbStmt *stmt)
{
  RmmAgendaItemFields fields = {
    .id = rmm_db_stmt_get_int (stmt, 0),
    .meeting_id = rmm_db_stmt_get_int (stmt, 1),
    .child_id = rmm_db_stmt_get_int (stmt, 2),
    .child_reference = rmm_db_stmt_get_text (stmt, 3),
    .first_name = rmm_db_stmt_get_text (stmt, 4),
    .last_name = rmm_db_stmt_get_text (stmt, 5),
    .reasons = rmm_db_stmt_get_text (stmt, 6),
    .position = rmm_db_stmt_get_int (stmt, 7),
    .time_box = rmm_db_stmt_get_int (stmt, 8),
    .status = rmm_db_stmt_get_text (stmt, 9),
    .status_reason = rmm_db_stmt_get_text (stmt, 10),
    .rating = rmm_db_stmt_get_text (stmt, 11),
    .overdue = rmm_db_stmt_get_int (stmt, 12),
    .review_on = rmm_db_stmt_get_text (stmt, 13),
  };

  return G_OBJECT (rmm_agenda_item_new (&fields));
}

#define AGENDA_COLUMNS \
  "SELECT i.id, i.meeting_id, i.child_id, c.reference, c.first_name, c.last_name, " \
  "       i.reasons, i.position, i.time_box_minutes, i.status, i.status_reason, "

/* The meeting's agenda in order, removed items included (they say why). An item is overdue
 * when one of the child's plan actions is past its date. A current agenda reads its ratings
 * from agenda_fact; any other works them out. */
GListModel *
rmm_store_list_agenda (RmmStore  *self,
                       gint64     meeting_id,
                       GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (agenda_is_current (self, meeting_id))
    stmt = rmm_db_prepare (rmm_store_get_db (self),
                           AGENDA_COLUMNS "f.rating, f.overdue, f.review_on "
                           "FROM agenda_item i JOIN child c ON c.id = i.child_id "
                           "JOIN agenda_fact f ON f.item_id = i.id "
                           "WHERE i.meeting_id = ? ORDER BY i.position, i.id", error);
  else
    stmt = rmm_db_prepare (rmm_store_get_db (self),
                           AGENDA_COLUMNS ITEM_RATING_SQL ", " ITEM_OVERDUE_SQL ", "
                           ITEM_REVIEW_SQL " "
                           "FROM agenda_item i JOIN child c ON c.id = i.child_id "
                           "JOIN meeting m ON m.id = i.meeting_id "
                           "WHERE i.meeting_id = ? ORDER BY i.position, i.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  return rmm_store_collect (stmt, RMM_TYPE_AGENDA_ITEM, agenda_item_from_row, error);
}

/* A chair takes an item off the agenda; the reason is kept and the minutes show it. */
gboolean
rmm_store_remove_agenda_item (RmmStore    *self,
                              gint64       item_id,
                              const char  *reason,
                              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  RmmField fields[] = {
    RMM_TEXT ("status", "removed"),
    RMM_TEXT ("status_reason", trimmed),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Say why the item is taken off the agenda."));
      return FALSE;
    }
  return rmm_store_update (self, "agenda_item", item_id, fields, G_N_ELEMENTS (fields), error);
}

/* Move an item to @position (from 1), shifting the ones between; one audited transaction. */
gboolean
rmm_store_move_agenda_item (RmmStore  *self,
                            gint64     item_id,
                            guint      position,
                            GError   **error)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gint64 meeting_id;
  RmmDbStmt *stmt;
  guint from = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  meeting_id = rmm_store_query_int (self, "SELECT meeting_id FROM agenda_item WHERE id = ?",
                                    item_id, error);
  if (meeting_id <= 0)
    {
      if (meeting_id == 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                     _("There is no agenda item with id %" G_GINT64_FORMAT "."), item_id);
      return FALSE;
    }
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id FROM agenda_item WHERE meeting_id = ? "
                               "ORDER BY position, id", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 id = rmm_db_stmt_get_int (stmt, 0);

      if (id == item_id)
        from = order->len + 1;
      else
        g_array_append_val (order, id);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  position = CLAMP (position, 1, order->len + 1);
  g_array_insert_val (order, position - 1, item_id);
  if (from == position)
    return TRUE;

  if (!rmm_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      RmmField field = RMM_INT ("position", i + 1);

      if (!rmm_store_update (self, "agenda_item", g_array_index (order, gint64, i), &field, 1,
                             error))
        {
          rmm_store_rollback (self);
          return FALSE;
        }
    }
  return rmm_store_commit (self, error);
}
