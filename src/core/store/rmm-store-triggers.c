/* rmm-store-triggers.c: strategy-discussion triggers raised by the rules from recorded facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule fires once for its facts: a trigger records them ("missing_episode:12 …"), and
 * facts already behind a trigger of the same rule never raise another. Nothing here closes
 * a trigger; only a response does.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"
#include "rmm-working-calendar.h"

#include <string.h>

void
rmm_trigger_free (RmmTrigger *trigger)
{
  if (trigger == NULL)
    return;
  g_free (trigger->reference);
  g_free (trigger->child_name);
  g_free (trigger->area);
  g_free (trigger->rule_id);
  g_free (trigger->raised_at);
  g_free (trigger->reason);
  g_free (trigger->facts);
  g_free (trigger->answered_at);
  g_free (trigger);
}

/* Whether @trigger waited for the RMM's response at the end of @day (YYYY-MM-DD): raised by
 * then and not yet answered by both chairs. A past meeting's documents never show a
 * trigger raised after it, nor one already answered. */
gboolean
rmm_trigger_was_open_on (const RmmTrigger *trigger,
                         const char       *day)
{
  if (strncmp (trigger->raised_at, day, 10) > 0)
    return FALSE;
  return *trigger->answered_at == '\0' || strncmp (trigger->answered_at, day, 10) > 0;
}

/* One child's rows (@param holds its id) or everyone's (0), in a form the child index can
 * serve: written as "? = 0 OR child_id = ?", SQLite reads the whole table, so recording one
 * fact for one child would read every decision and note in the database. */
#define ONE_CHILD_OR_ALL(column, param) \
  column " BETWEEN " param " AND coalesce(nullif(" param ", 0), 9223372036854775807)"

/* The facts already behind the rule's triggers for the child, as a set of "entity:id". */
static GHashTable *
facts_behind (RmmStore    *self,
              gint64       child_id,
              const char  *rule_id,
              GError     **error)
{
  g_autoptr(GHashTable) facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT facts FROM strategy_trigger WHERE child_id = ? AND rule_id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, rule_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_auto(GStrv) tokens = g_strsplit (rmm_db_stmt_get_text (stmt, 0), " ", -1);

      for (guint i = 0; tokens[i] != NULL; i++)
        if (*tokens[i] != '\0')
          g_hash_table_add (facts, g_strdup (tokens[i]));
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&facts);
}

static gboolean
raise_trigger (RmmStore              *self,
               const RmmTriggerRule  *rule,
               gint64                 child_id,
               const char            *reason,
               const char            *facts,
               GError               **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmField fields[] = {
    RMM_REF ("child_id", child_id),
    RMM_TEXT ("rule_id", rule->id),
    RMM_TEXT ("raised_at", now),
    RMM_TEXT ("raised_by", "rules"),
    RMM_TEXT ("reason", reason),
    RMM_TEXT ("facts", facts),
  };

  return rmm_store_insert (self, "strategy_trigger", fields, G_N_ELEMENTS (fields), error) != 0;
}

/* Those of the space-separated @facts that no trigger of the rule stands on yet; NULL on
 * error. */
static GPtrArray *
new_facts (RmmStore    *self,
           gint64       child_id,
           const char  *rule_id,
           const char  *facts,
           GError     **error)
{
  g_autoptr(GHashTable) behind = facts_behind (self, child_id, rule_id, error);
  g_auto(GStrv) tokens = g_strsplit (facts, " ", -1);
  GPtrArray *fresh;

  if (behind == NULL)
    return NULL;
  fresh = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0' && !g_hash_table_contains (behind, tokens[i]))
      g_ptr_array_add (fresh, g_strdup (tokens[i]));
  return fresh;
}

/* A run of missing episodes: for each episode, those of the child within the rule's days
 * before it; Count or more not yet behind a trigger of the rule raise one (so a fourth
 * episode does not raise the run again, and three new ones do). */
static gboolean
evaluate_missing (RmmStore              *self,
                  const RmmTriggerRule  *rule,
                  gint64                 child_id,
                  guint                 *n_raised,
                  GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT e.child_id, "
                         "       (SELECT group_concat('missing_episode:' || x.id, ' ') FROM "
                         "          (SELECT x.id FROM missing_episode x "
                         "           WHERE x.child_id = e.child_id "
                         "             AND julianday(x.started_at) <= julianday(e.started_at) "
                         "             AND julianday(x.started_at) >= julianday(e.started_at) - ?1 "
                         "           ORDER BY x.started_at, x.id) x) "
                         "FROM missing_episode e "
                         "WHERE " ONE_CHILD_OR_ALL ("e.child_id", "?2") " "
                         "  AND (SELECT count(*) FROM missing_episode x "
                         "       WHERE x.child_id = e.child_id "
                         "         AND julianday(x.started_at) <= julianday(e.started_at) "
                         "         AND julianday(x.started_at) >= julianday(e.started_at) - ?1) >= ?3 "
                         "ORDER BY e.child_id, e.started_at, e.id", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, rule->days);
  rmm_db_stmt_bind_int (stmt, 2, child_id);
  rmm_db_stmt_bind_int (stmt, 3, rule->count);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child = rmm_db_stmt_get_int (stmt, 0);

      g_array_append_val (children, child);
      g_ptr_array_add (runs, g_strdup (rmm_db_stmt_get_text (stmt, 1)));
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Earliest first: a run raises once, and the episodes after it join no new trigger
   * until enough new ones make a run of their own. */
  for (guint i = 0; i < runs->len; i++)
    {
      gint64 child = g_array_index (children, gint64, i);
      g_autoptr(GPtrArray) fresh = new_facts (self, child, rule->id,
                                              g_ptr_array_index (runs, i), error);

      if (fresh == NULL)
        return FALSE;
      if (fresh->len >= rule->count)
        {
          g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%s: %u within %u day.",
                                                                  "%s: %u within %u days.",
                                                                  rule->days),
                                                     rule->title, rule->count, rule->days);
          g_autofree char *facts = NULL;

          g_ptr_array_add (fresh, NULL);
          facts = g_strjoinv (" ", (char **)fresh->pdata);
          if (!raise_trigger (self, rule, child, reason, facts, error))
            return FALSE;
          (*n_raised)++;
        }
    }
  return TRUE;
}

/* One trigger for each child and its facts, found while the rule's query ran (raising
 * during the query would change what it reads). */
static gboolean
raise_each (RmmStore              *self,
            const RmmTriggerRule  *rule,
            GArray                *children,
            GPtrArray             *facts,
            guint                 *n_raised,
            GError               **error)
{
  for (guint i = 0; i < facts->len; i++)
    {
      if (!raise_trigger (self, rule, g_array_index (children, gint64, i), rule->explanation,
                          g_ptr_array_index (facts, i), error))
        return FALSE;
      (*n_raised)++;
    }
  return TRUE;
}

/* Information notes of the rule's kinds that no trigger of the rule stands on yet. */
static gboolean
evaluate_notes (RmmStore              *self,
                const RmmTriggerRule  *rule,
                gint64                 child_id,
                guint                 *n_raised,
                GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *joined = g_strjoinv (" ", rule->note_kinds);
  g_autofree char *kinds = g_strdup_printf (" %s ", joined);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT n.child_id, n.id FROM information_note n "
                         "WHERE instr(?1, ' ' || n.kind || ' ') > 0 "
                         "  AND " ONE_CHILD_OR_ALL ("n.child_id", "?2") " "
                         "  AND NOT EXISTS (SELECT 1 FROM strategy_trigger t "
                         "                  WHERE t.child_id = n.child_id AND t.rule_id = ?3 "
                         "                  AND ' ' || t.facts || ' ' "
                         "                      LIKE '% information_note:' || n.id || ' %') "
                         "ORDER BY n.recorded_at, n.id", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, kinds);
  rmm_db_stmt_bind_int (stmt, 2, child_id);
  rmm_db_stmt_bind_text (stmt, 3, rule->id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child = rmm_db_stmt_get_int (stmt, 0);

      g_array_append_val (children, child);
      g_ptr_array_add (facts, g_strdup_printf ("information_note:%" G_GINT64_FORMAT,
                                               rmm_db_stmt_get_int (stmt, 1)));
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return raise_each (self, rule, children, facts, n_raised, error);
}

/* Confirmed ratings at a level that needs a strategy meeting, first given or reached from
 * below, with no trigger of the rule yet (confirmation raises it; this catches history). */
static gboolean
evaluate_ratings (RmmStore              *self,
                  const RmmTriggerRule  *rule,
                  gint64                 child_id,
                  guint                 *n_raised,
                  GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT d.id, d.child_id, d.value, a.framework, "
                         "       coalesce((SELECT p.value FROM decision p "
                         "                 WHERE p.child_id = d.child_id "
                         "                 AND p.kind = 'risk-rating' AND p.status = 'confirmed' "
                         "                 AND p.id <> d.id AND p.proposed_at <= d.proposed_at "
                         "                 ORDER BY p.proposed_at DESC, p.id DESC LIMIT 1), '') "
                         "FROM decision d JOIN child c ON c.id = d.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "WHERE d.kind = 'risk-rating' AND d.status = 'confirmed' "
                         "  AND " ONE_CHILD_OR_ALL ("d.child_id", "?1") " "
                         "  AND NOT EXISTS (SELECT 1 FROM strategy_trigger t "
                         "                  WHERE t.child_id = d.child_id AND t.rule_id = ?2 "
                         "                  AND t.facts = 'decision:' || d.id)", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, rule->id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmFramework *framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 3));
      const char *value = rmm_db_stmt_get_text (stmt, 2);
      const char *previous = rmm_db_stmt_get_text (stmt, 4);
      const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework, value) : NULL;
      gint64 child = rmm_db_stmt_get_int (stmt, 1);

      if (level == NULL || !level->strategy_meeting_required ||
          (*previous != '\0' && rmm_framework_compare (framework, value, previous) <= 0))
        continue;
      g_ptr_array_add (facts, g_strdup_printf ("decision:%" G_GINT64_FORMAT,
                                               rmm_db_stmt_get_int (stmt, 0)));
      g_array_append_val (children, child);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return raise_each (self, rule, children, facts, n_raised, error);
}

/* Run every rule over the recorded facts of one child (@child_id) or all (0), raising what
 * they call for, in one transaction. @n_raised says how many. */
gboolean
rmm_store_evaluate_triggers (RmmStore         *self,
                             RmmTriggerRules  *rules,
                             gint64            child_id,
                             guint            *n_raised,
                             GError          **error)
{
  guint raised = 0;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (RMM_IS_TRIGGER_RULES (rules), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < rmm_trigger_rules_get_n_rules (rules); i++)
    {
      const RmmTriggerRule *rule = rmm_trigger_rules_get_rule (rules, i);

      switch (rule->facts)
        {
        case RMM_TRIGGER_FACTS_DECISION:
          ok = evaluate_ratings (self, rule, child_id, &raised, error);
          break;
        case RMM_TRIGGER_FACTS_MISSING_EPISODE:
          ok = evaluate_missing (self, rule, child_id, &raised, error);
          break;
        case RMM_TRIGGER_FACTS_INFORMATION_NOTE:
          ok = evaluate_notes (self, rule, child_id, &raised, error);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (!ok)
    {
      rmm_store_rollback (self);
      return FALSE;
    }
  if (n_raised != NULL)
    *n_raised = raised;
  return rmm_store_commit (self, error);
}

/* " immediate-risk … ": the rules to answer the same working day. */
static char *
same_day_rules (RmmStore  *self,
                GError   **error)
{
  RmmTriggerRules *rules = rmm_store_get_trigger_rules (self, error);
  GString *ids;

  if (rules == NULL)
    return NULL;
  ids = g_string_new (" ");
  for (guint i = 0; i < rmm_trigger_rules_get_n_rules (rules); i++)
    {
      const RmmTriggerRule *rule = rmm_trigger_rules_get_rule (rules, i);

      if (rule->target == RMM_TRIGGER_TARGET_SAME_WORKING_DAY)
        g_string_append_printf (ids, "%s ", rule->id);
    }
  return g_string_free (ids, FALSE);
}

/* Raised (UK date) before the end of its working day: a trigger raised on a Saturday or a
 * bank holiday is due the next working day. */
static gboolean
past_same_working_day (const char  *raised_at,
                       const GDate *today)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();
  g_autoptr(GDate) due = rmm_date_from_time (raised_at);

  if (due == NULL)
    return FALSE;
  while (!rmm_working_calendar_is_working_day (calendar, due))
    g_date_add_days (due, 1);
  return g_date_compare (today, due) > 0;
}

/* Triggers ?2 (the child's, or every one), all or only the open ones (?1). The child's
 * condition is its own statement: "?2 = 0 OR t.child_id = ?2" would scan them all. */
#define LIST_TRIGGERS_SQL(where) \
  "SELECT * FROM (SELECT t.id, t.child_id AS child_id, c.reference, " \
  "  c.first_name || ' ' || c.last_name, a.name, t.rule_id, t.raised_at, " \
  "  t.reason, t.facts, " \
  "  NOT EXISTS (SELECT 1 FROM trigger_response r WHERE r.trigger_id = t.id " \
  "              AND r.chair1_confirmed_at IS NOT NULL " \
  "              AND r.chair2_confirmed_at IS NOT NULL) AS open, " \
  /* A meeting of the area held since it was raised. */ \
  "  EXISTS (SELECT 1 FROM meeting m WHERE m.area_id = c.area_id " \
  "          AND m.status IN ('concluded', 'signed-off') " \
  "          AND m.meets_on > substr(t.raised_at, 1, 10)), " \
  /* When the second chair confirmed the response. */ \
  "  coalesce((SELECT greatest(r.chair1_confirmed_at, r.chair2_confirmed_at) " \
  "            FROM trigger_response r WHERE r.trigger_id = t.id " \
  "            AND r.chair1_confirmed_at IS NOT NULL " \
  "            AND r.chair2_confirmed_at IS NOT NULL), '') " \
  "FROM strategy_trigger t JOIN child c ON c.id = t.child_id " \
  "JOIN area a ON a.id = c.area_id " \
  "WHERE " where ") AS found " \
  "WHERE ?1 = 0 OR open " \
  "ORDER BY raised_at, id"

/* Every trigger (of one child, or all: 0), oldest first; @open_only: those still waiting for
 * the RMM's response. An open one is overdue past its target: its working day for the rules
 * that say so (immediate risk), else once a meeting of the area has been held since. */
GPtrArray *
rmm_store_list_triggers (RmmStore  *self,
                         gint64     child_id,
                         gboolean   open_only,
                         GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_trigger_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *same_day = NULL;
  g_autofree char *now = NULL;
  g_autofree char *token = NULL;      /* " rule-id ", to look for in same_day */
  g_autoptr(GDate) day = NULL;
  RmmDbStmt *stmt;
  GDate today;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!(same_day = same_day_rules (self, error)))
    return NULL;
  now = rmm_store_now (self);
  day = rmm_date_from_time (now);
  today = *day;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         child_id != 0 ? LIST_TRIGGERS_SQL ("t.child_id = ?2")
                                       : LIST_TRIGGERS_SQL ("?2 = 0"),
                         error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, open_only);
  rmm_db_stmt_bind_int (stmt, 2, child_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmTrigger *row = g_new0 (RmmTrigger, 1);

      row->id = rmm_db_stmt_get_int (stmt, 0);
      row->child_id = rmm_db_stmt_get_int (stmt, 1);
      row->reference = g_strdup (rmm_db_stmt_get_text (stmt, 2));
      row->child_name = g_strdup (rmm_db_stmt_get_text (stmt, 3));
      row->area = g_strdup (rmm_db_stmt_get_text (stmt, 4));
      row->rule_id = g_strdup (rmm_db_stmt_get_text (stmt, 5));
      row->raised_at = g_strdup (rmm_db_stmt_get_text (stmt, 6));
      row->reason = g_strdup (rmm_db_stmt_get_text (stmt, 7));
      row->facts = g_strdup (rmm_db_stmt_get_text (stmt, 8));
      row->open = rmm_db_stmt_get_int (stmt, 9);
      row->answered_at = g_strdup (rmm_db_stmt_get_text (stmt, 11));
      token = g_strdup_printf (" %s ", row->rule_id);
      row->overdue = row->open && (strstr (same_day, token)
                                     ? past_same_working_day (row->raised_at, &today)
                                     : rmm_db_stmt_get_int (stmt, 10));
      g_clear_pointer (&token, g_free);
      g_ptr_array_add (rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Anyone may raise a trigger by hand, with a reason. */
gint64
rmm_store_raise_trigger (RmmStore    *self,
                         gint64       child_id,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *now = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Say why the trigger is raised."));
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", child_id),
      RMM_TEXT ("rule_id", "manual"),
      RMM_TEXT ("raised_at", now),
      RMM_TEXT ("raised_by", rmm_store_get_actor (self)),
      RMM_TEXT ("reason", trimmed),
      RMM_TEXT ("facts", ""),
    };

    return rmm_store_insert (self, "strategy_trigger", fields, G_N_ELEMENTS (fields), error);
  }
}

static gboolean
check_response (const RmmTriggerResponseInput  *input,
                GError                        **error)
{
  if (input->convened && !rmm_date_parse (input->convened_on, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Say when the strategy discussion was held (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!input->convened && (input->reasons == NULL || *input->reasons == '\0'))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Give the reasons the strategy discussion is not convened."));
      return FALSE;
    }
  return TRUE;
}

/* The RMM's response to a trigger, as proposed: it closes the trigger once both chairs of
 * the meeting confirm it. Proposing again before then replaces the proposal (and its
 * confirmations); a confirmed response is final. */
gint64
rmm_store_respond_to_trigger (RmmStore                        *self,
                              const RmmTriggerResponseInput   *input,
                              GError                         **error)
{
  g_autofree char *now = NULL;
  gint64 existing, confirmed;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!check_response (input, error) || !rmm_store_begin (self, error))
    return 0;
  existing = rmm_store_query_int (self, "SELECT coalesce((SELECT id FROM trigger_response "
                                        "WHERE trigger_id = ?), 0)", input->trigger_id, error);
  confirmed = existing > 0
    ? rmm_store_query_int (self, "SELECT chair1_confirmed_at IS NOT NULL "
                                 "AND chair2_confirmed_at IS NOT NULL FROM trigger_response "
                                 "WHERE id = ?", existing, error)
    : 0;
  if (confirmed > 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                 _("The RMM has already answered this trigger, confirmed by both chairs."));
  if (existing < 0 || confirmed != 0)
    {
      rmm_store_rollback (self);
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("trigger_id", input->trigger_id),
      RMM_REF ("meeting_id", input->meeting_id),
      RMM_INT ("convened", input->convened ? 1 : 0),
      RMM_TEXT ("convened_on", input->convened ? input->convened_on : NULL),
      RMM_TEXT ("agencies_present", input->agencies_present ? input->agencies_present : ""),
      RMM_TEXT ("outcome", input->outcome ? input->outcome : ""),
      RMM_INT ("section47", input->section47 ? 1 : 0),
      RMM_TEXT ("reasons", input->reasons ? input->reasons : ""),
      RMM_REF ("chair1_id", 0),
      RMM_TEXT ("chair1_confirmed_at", NULL),
      RMM_REF ("chair2_id", 0),
      RMM_TEXT ("chair2_confirmed_at", NULL),
      RMM_TEXT ("recorded_at", now),
    };
    gboolean ok = existing > 0
      ? rmm_store_update (self, "trigger_response", existing, fields, G_N_ELEMENTS (fields), error)
      : (existing = rmm_store_insert (self, "trigger_response", fields, G_N_ELEMENTS (fields),
                                      error)) != 0;

    if (!ok)
      {
        rmm_store_rollback (self);
        return 0;
      }
  }
  return rmm_store_commit (self, error) ? existing : 0;
}

/* A chair of the response's meeting confirms it (1: Children's Services, 2: Family
 * Services); once both have, the trigger is answered. */
gboolean
rmm_store_confirm_trigger_response (RmmStore  *self,
                                    gint64     response_id,
                                    gint64     chair_id,
                                    GError   **error)
{
  g_autofree char *now = NULL;
  RmmDbStmt *stmt;
  int slot = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT coalesce(m.chair_children_id, 0), "
                               "       coalesce(m.chair_family_id, 0), "
                               "       r.chair1_confirmed_at IS NOT NULL, "
                               "       r.chair2_confirmed_at IS NOT NULL "
                               "FROM trigger_response r LEFT JOIN meeting m ON m.id = r.meeting_id "
                               "WHERE r.id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, response_id);
  if (!rmm_store_step_row (stmt, N_("trigger response"), response_id, error))
    return FALSE;
  if (chair_id != 0 && chair_id == rmm_db_stmt_get_int (stmt, 0) && !rmm_db_stmt_get_int (stmt, 2))
    slot = 1;
  else if (chair_id != 0 && chair_id == rmm_db_stmt_get_int (stmt, 1) &&
           !rmm_db_stmt_get_int (stmt, 3))
    slot = 2;
  rmm_db_stmt_reset (stmt);
  if (slot == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Only the meeting’s two chairs confirm a response, each once."));
      return FALSE;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF (slot == 1 ? "chair1_id" : "chair2_id", chair_id),
      RMM_TEXT (slot == 1 ? "chair1_confirmed_at" : "chair2_confirmed_at", now),
    };

    return rmm_store_update (self, "trigger_response", response_id, fields,
                             G_N_ELEMENTS (fields), error);
  }
}
