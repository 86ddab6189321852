/* rmm-store-figures-history.c: the history the board's figures are counted from, read once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every child's confirmed ratings and closures, every strategy-discussion trigger and
 * dispute; the plan actions, plan versions and missing episodes of one period, or of all of
 * them once a store is asked for a second. Each table (or the index holding what is counted
 * of it, schema version 17) is walked in the order it is kept and joined here to what it
 * needs (the child's area, a plan's child, an agency's name): on a county's five years, a
 * walk is what an index on the rows' dates would have cost to find one quarter's rows
 * scattered through the file.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include "rmm-dates.h"
#include "rmm-store-figures-history-private.h"

#define HISTORY_KEY "rmm-figures-history"
/* Set once the store has been asked for a period's figures. */
#define ASKED_KEY "rmm-figures-asked"

static void
history_free (RmmFiguresHistory *history)
{
  g_string_chunk_free (history->texts);
  g_free (history->from_day);
  g_free (history->to_day);
  g_free (history->from_utc);
  g_free (history->end_utc);
  g_array_unref (history->child_facts);
  g_hash_table_unref (history->facts_by_child);
  g_array_unref (history->entries);
  g_ptr_array_unref (history->pointers);
  g_array_unref (history->children);
  g_hash_table_unref (history->by_child);
  g_array_unref (history->triggers);
  g_array_unref (history->disputes);
  g_array_unref (history->actions);
  g_array_unref (history->versions);
  g_array_unref (history->episodes);
  g_free (history);
}

static RmmFiguresHistory *
history_new (gint64      change_mark,
             gboolean    whole,
             const char *from_day,
             const char *to_day,
             const char *from_utc,
             const char *end_utc)
{
  RmmFiguresHistory *history = g_new0 (RmmFiguresHistory, 1);

  history->change_mark = change_mark;
  history->whole = whole;
  history->from_day = g_strdup (from_day);
  history->to_day = g_strdup (to_day);
  history->from_utc = g_strdup (from_utc);
  history->end_utc = g_strdup (end_utc);
  history->texts = g_string_chunk_new (1 << 20);
  history->child_facts = g_array_new (FALSE, FALSE, sizeof (RmmChildFacts));
  history->facts_by_child = g_hash_table_new (g_int64_hash, g_int64_equal);
  history->entries = g_array_new (FALSE, FALSE, sizeof (RmmStanding));
  history->pointers = g_ptr_array_new ();
  history->children = g_array_new (FALSE, TRUE, sizeof (RmmChildStanding));
  history->by_child = g_hash_table_new (g_int64_hash, g_int64_equal);
  history->triggers = g_array_new (FALSE, FALSE, sizeof (RmmTriggerStanding));
  history->disputes = g_array_new (FALSE, FALSE, sizeof (RmmDisputeStanding));
  history->actions = g_array_new (FALSE, FALSE, sizeof (RmmActionStanding));
  history->versions = g_array_new (FALSE, FALSE, sizeof (RmmVersionStanding));
  history->episodes = g_array_new (FALSE, FALSE, sizeof (RmmEpisodeStanding));
  return history;
}

/* The column's stored time as seconds since 1970; never for none, or for what is not one
 * (which rmm_store_check () reports). */
static gint64
read_time (RmmDbStmt *stmt,
           int        column)
{
  gint64 seconds;

  return rmm_time_read_unix (rmm_db_stmt_get_text (stmt, column), &seconds)
         ? seconds : RMM_FIGURES_NEVER;
}

/* The column's text kept with the history (NULL stays NULL); @shared for texts many rows
 * repeat (a status, a day, a level), kept once. */
static const char *
keep_text (RmmFiguresHistory *history,
           RmmDbStmt         *stmt,
           int                column,
           gboolean           shared)
{
  const char *text = rmm_db_stmt_get_text (stmt, column);

  if (text == NULL)
    return NULL;
  return shared ? g_string_chunk_insert_const (history->texts, text)
                : g_string_chunk_insert (history->texts, text);
}

/* The most rows @array is made ready for at once: a table's ids could be anything. */
#define MOST_RESERVED 1000000

/* Room in @array for about as many rows as @table has (its highest id: its rows are never
 * deleted), so that it does not grow by copying itself some twenty times; unused room is
 * never touched. A table that cannot be read reserves nothing (its reading will say why). */
static void
reserve_rows (RmmStore   *self,
              GArray     *array,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", table);
  gint64 rows = rmm_store_query_int (self, sql, 0, NULL);

  g_array_set_size (array, (guint)CLAMP (rows, 0, MOST_RESERVED));
  g_array_set_size (array, 0);
}

/* A reading's end: FALSE with its @failure handed on to @error, if it failed. */
gboolean
rmm_figures_read_ended (GError **failure,
                        GError **error)
{
  if (*failure == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (failure));
  return FALSE;
}

/* @sql, prepared with the history's window: ?1 is 0 for the whole history, and ?2 and ?3
 * its first and last day (@days) or the UTC times it begins and ends. */
static RmmDbStmt *
prepare_in_window (RmmStore           *self,
                   RmmFiguresHistory  *history,
                   const char         *sql,
                   gboolean            days,
                   GError            **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, history->whole ? 0 : 1);
  rmm_db_stmt_bind_text (stmt, 2, days ? history->from_day : history->from_utc);
  rmm_db_stmt_bind_text (stmt, 3, days ? history->to_day : history->end_utc);
  return stmt;
}

/* Oldest proposed first; of two proposed in the same second, the older row. */
static int
compare_proposed (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const RmmStanding *x = *(RmmStanding * const *)a, *y = *(RmmStanding * const *)b;

  if (x->proposed_at != y->proposed_at)
    return x->proposed_at < y->proposed_at ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static int
compare_confirmed (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const RmmStanding *x = *(RmmStanding * const *)a, *y = *(RmmStanding * const *)b;

  if (x->confirmed_at != y->confirmed_at)
    return x->confirmed_at < y->confirmed_at ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* @entries sorted by @compare: looked at first, as they nearly always come in order (the
 * record gives them by when they were proposed, and most are confirmed in that order). */
static void
sort_entries (RmmStanding      **entries,
              guint              n,
              GCompareDataFunc   compare)
{
  for (guint i = 1; i < n; i++)
    if (compare (&entries[i - 1], &entries[i], NULL) > 0)
      {
        g_qsort_with_data (entries, n, sizeof (RmmStanding *), compare, NULL);
        return;
      }
}

/* The child's entries put in the orders the counting walks them in, with when each was
 * replaced: a correction supersedes one of the same child's, proposed before it. */
static void
child_standing_finish (RmmChildStanding *child)
{
  sort_entries (child->entries, child->n_entries, compare_proposed);
  for (guint i = 0; i < child->n_entries; i++)
    {
      RmmStanding *entry = child->entries[i];

      for (guint j = 0; entry->supersedes_id != 0 && j < i; j++)
        {
          RmmStanding *replaced = child->entries[j];

          if (replaced->id == entry->supersedes_id &&
              replaced->superseded_at == RMM_FIGURES_NEVER)
            replaced->superseded_at = entry->proposed_at;
        }
    }
  child->n_closures = 0;
  for (guint i = 0; i < child->n_entries; i++)
    {
      child->by_confirmed[i] = child->entries[i];
      if (child->entries[i]->closure)
        child->closures[child->n_closures++] = child->entries[i];
    }
  sort_entries (child->by_confirmed, child->n_entries, compare_confirmed);
  child->first_rated_at = RMM_FIGURES_NEVER;
  for (guint i = 0; i < child->n_entries && child->first_rated_at == RMM_FIGURES_NEVER; i++)
    if (!child->by_confirmed[i]->closure)
      child->first_rated_at = child->by_confirmed[i]->confirmed_at;
}

/* Each child's area, its framework and who they are (for the board's counts of who the
 * children are), by the child's id: read once rather than with each of their rows. */
static gboolean
read_child_facts (RmmStore           *self,
                  RmmFiguresHistory  *history,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT c.id, c.area_id, a.framework, c.date_of_birth, c.gender, c.looked_after "
    "FROM child c JOIN area a ON a.id = c.area_id", error);

  if (stmt == NULL)
    return FALSE;
  reserve_rows (self, history->child_facts, "child");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmChildFacts facts = {
        .child_id = rmm_db_stmt_get_int (stmt, 0),
        .area_id = rmm_db_stmt_get_int (stmt, 1),
        .framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 2)),
        .date_of_birth = keep_text (history, stmt, 3, FALSE),
        .gender = keep_text (history, stmt, 4, TRUE),
        .looked_after = rmm_db_stmt_get_int (stmt, 5) != 0,
      };

      g_array_append_val (history->child_facts, facts);
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return FALSE;
  for (guint i = 0; i < history->child_facts->len; i++)
    {
      RmmChildFacts *facts = &g_array_index (history->child_facts, RmmChildFacts, i);

      g_hash_table_insert (history->facts_by_child, &facts->child_id, facts);
    }
  return TRUE;
}

/* Agencies' names by their ids. */
static GHashTable *
read_agencies (RmmStore           *self,
               RmmFiguresHistory  *history,
               GError            **error)
{
  g_autoptr(GHashTable) agencies = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), "SELECT id, name FROM agency",
                                    error);

  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 id = rmm_db_stmt_get_int (stmt, 0);

      g_hash_table_insert (agencies, g_memdup2 (&id, sizeof id),
                           (gpointer)keep_text (history, stmt, 1, TRUE));
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return NULL;
  return g_steal_pointer (&agencies);
}

/* Each plan's child, by the plan's id. */
static GHashTable *
read_plan_children (RmmStore  *self,
                    GError   **error)
{
  g_autoptr(GHashTable) plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT id, child_id FROM safety_plan", error);

  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 ids[2] = { rmm_db_stmt_get_int (stmt, 0), rmm_db_stmt_get_int (stmt, 1) };

      g_hash_table_insert (plans, g_memdup2 (&ids[0], sizeof ids[0]),
                           g_memdup2 (&ids[1], sizeof ids[1]));
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return NULL;
  return g_steal_pointer (&plans);
}

/* The children's entries, read each child's together: a child for each run of them, and
 * pointers to them in the child's stretches of the history's pointers. */
static void
group_by_child (RmmFiguresHistory *history)
{
  guint n = history->entries->len;
  RmmStanding **pointers;

  g_ptr_array_set_size (history->pointers, 3 * n);
  pointers = (RmmStanding **)history->pointers->pdata;
  for (guint i = 0; i < n;)
    {
      RmmStanding *first = &g_array_index (history->entries, RmmStanding, i);
      const RmmChildFacts *facts = rmm_figures_history_find_child (history, first->child_id);
      RmmChildStanding child = {
        .child_id = first->child_id,
        .area_id = facts ? facts->area_id : 0,
        .framework = facts ? facts->framework : NULL,
        .entries = pointers + i,
        .by_confirmed = pointers + n + i,
        .closures = pointers + 2 * n + i,
      };

      for (; i < n && g_array_index (history->entries, RmmStanding, i).child_id ==
                      child.child_id; i++)
        child.entries[child.n_entries++] = &g_array_index (history->entries, RmmStanding, i);
      child_standing_finish (&child);
      g_array_append_val (history->children, child);
    }
  for (guint c = 0; c < history->children->len; c++)
    {
      RmmChildStanding *child = &g_array_index (history->children, RmmChildStanding, c);

      g_hash_table_insert (history->by_child, &child->child_id, child);
    }
}

/* Every decision the figures count, in one walk of the index that holds what they need,
 * child by child: each child's confirmed ratings and closures (a closure's onward referral
 * looked up for closures alone), and any decision proposed with a chair's dissent or
 * escalated. */
static gboolean
read_decisions (RmmStore           *self,
                RmmFiguresHistory  *history,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT d.child_id, d.id, d.kind, d.value, d.proposed_at, " RMM_CONFIRMED_AT_SQL ", "
    "       d.supersedes_id, "
    "       CASE WHEN d.kind IN ('risk-rating', 'closure') AND d.status = 'confirmed' "
    "            THEN 1 ELSE 0 END, "
    "       CASE WHEN d.dissent <> '' THEN 1 ELSE 0 END, d.escalated, "
    "       CASE WHEN d.kind = 'closure' AND d.status = 'confirmed' THEN "
    "         (SELECT z.onward_agency_id IS NOT NULL OR z.onward_referral <> '' "
    "          FROM closure z WHERE z.decision_id = d.id) END "
    "FROM decision d "
    "WHERE (d.kind IN ('risk-rating', 'closure') AND d.status = 'confirmed') "
    "   OR d.dissent <> '' OR d.escalated = 1 "
    "ORDER BY d.child_id", error);

  if (stmt == NULL)
    return FALSE;
  reserve_rows (self, history->entries, "decision");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      gboolean dissent = rmm_db_stmt_get_int (stmt, 8) != 0;
      gboolean escalated = rmm_db_stmt_get_int (stmt, 9) != 0;
      const RmmChildFacts *facts;

      if (rmm_db_stmt_get_int (stmt, 7) != 0)
        {
          RmmStanding entry = {
            .id = rmm_db_stmt_get_int (stmt, 1),
            .child_id = child_id,
            .closure = g_strcmp0 (rmm_db_stmt_get_text (stmt, 2), "closure") == 0,
            .value = keep_text (history, stmt, 3, TRUE),
            .proposed_at = read_time (stmt, 4),
            .confirmed_at = read_time (stmt, 5),
            .superseded_at = RMM_FIGURES_NEVER,
            .supersedes_id = rmm_db_stmt_get_int (stmt, 6),
            .onward = rmm_db_stmt_get_int (stmt, 10) != 0,
          };

          g_array_append_val (history->entries, entry);
        }
      if ((dissent || escalated) &&
          (facts = rmm_figures_history_find_child (history, child_id)) != NULL)
        {
          RmmDisputeStanding dispute = {
            .area_id = facts->area_id,
            .proposed_at = read_time (stmt, 4),
            .dissent = dissent,
            .escalated = escalated,
          };

          g_array_append_val (history->disputes, dispute);
        }
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return FALSE;
  group_by_child (history);
  return TRUE;
}

/* A trigger's response, and when both chairs had confirmed it (never until then). */
typedef struct
{
  gboolean convened;
  gboolean section47;
  gint64   confirmed_at;
} Response;

static GHashTable *
read_responses (RmmStore           *self,
                RmmFiguresHistory  *history,
                GError            **error)
{
  g_autoptr(GHashTable) responses = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT r.trigger_id, r.convened, r.section47, "
    "       CASE WHEN r.chair1_confirmed_at IS NOT NULL AND r.chair2_confirmed_at IS NOT NULL "
    "            THEN greatest (r.chair1_confirmed_at, r.chair2_confirmed_at) END "
    "FROM trigger_response r", error);

  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 trigger_id = rmm_db_stmt_get_int (stmt, 0);
      Response *response = g_new (Response, 1);

      response->convened = rmm_db_stmt_get_int (stmt, 1) != 0;
      response->section47 = rmm_db_stmt_get_int (stmt, 2) != 0;
      response->confirmed_at = read_time (stmt, 3);
      g_hash_table_insert (responses, g_memdup2 (&trigger_id, sizeof trigger_id), response);
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return NULL;
  return g_steal_pointer (&responses);
}

/* Every trigger raised about a child in an area, with its response. */
static gboolean
read_triggers (RmmStore           *self,
               RmmFiguresHistory  *history,
               GError            **error)
{
  g_autoptr(GHashTable) responses = read_responses (self, history, error);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (responses == NULL ||
      !(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id, child_id, rule_id, raised_at FROM strategy_trigger",
                               error)))
    return FALSE;
  reserve_rows (self, history->triggers, "strategy_trigger");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 trigger_id = rmm_db_stmt_get_int (stmt, 0);
      gint64 child_id = rmm_db_stmt_get_int (stmt, 1);
      const RmmChildFacts *facts = rmm_figures_history_find_child (history, child_id);
      const Response *response = g_hash_table_lookup (responses, &trigger_id);
      RmmTriggerStanding trigger = { .confirmed_at = RMM_FIGURES_NEVER };

      if (facts == NULL)
        continue;
      trigger.area_id = facts->area_id;
      trigger.rule_id = keep_text (history, stmt, 2, TRUE);
      trigger.raised_at = read_time (stmt, 3);
      if (response != NULL)
        {
          trigger.convened = response->convened;
          trigger.section47 = response->section47;
          trigger.confirmed_at = response->confirmed_at;
        }
      g_array_append_val (history->triggers, trigger);
    }
  return rmm_figures_read_ended (&local_error, error);
}

/* The area of @plan_id's child, through @plans; FALSE if either is unknown (a row the
 * record's joins would not find). */
static gboolean
find_plan_area (RmmFiguresHistory *history,
                gint64             plan_id,
                GHashTable        *plans,
                gint64            *child_id,
                gint64            *area_id)
{
  const gint64 *child = g_hash_table_lookup (plans, &plan_id);
  const RmmChildFacts *facts;

  if (child == NULL || !(facts = rmm_figures_history_find_child (history, *child)))
    return FALSE;
  *child_id = *child;
  *area_id = facts->area_id;
  return TRUE;
}

/* Every plan action, with the area of its plan's child and its agency's name. */
static gboolean
read_actions (RmmStore           *self,
              RmmFiguresHistory  *history,
              GHashTable         *plans,
              GError            **error)
{
  g_autoptr(GHashTable) agencies = read_agencies (self, history, error);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (agencies == NULL ||
      !(stmt = prepare_in_window (self, history,
                                  "SELECT plan_id, due_on, status, agency_id FROM plan_action "
                                  "WHERE ?1 = 0 OR (due_on >= ?2 AND due_on <= ?3)", TRUE,
                                  error)))
    return FALSE;
  reserve_rows (self, history->actions, "plan_action");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 agency_id = rmm_db_stmt_get_int (stmt, 3);
      RmmActionStanding action = {
        .due_on = keep_text (history, stmt, 1, TRUE),
        .status = keep_text (history, stmt, 2, TRUE),
        .agency = rmm_db_stmt_is_null (stmt, 3) ? NULL
                                                : g_hash_table_lookup (agencies, &agency_id),
      };
      gint64 child_id;

      if (find_plan_area (history, rmm_db_stmt_get_int (stmt, 0), plans, &child_id,
                          &action.area_id))
        g_array_append_val (history->actions, action);
    }
  return rmm_figures_read_ended (&local_error, error);
}

/* A version and the child it was sent about: a copy is the version's when both agree. */
typedef struct
{
  gint64 version_id;
  gint64 child_id;
} VersionCopy;

static guint
version_copy_hash (gconstpointer key)
{
  const VersionCopy *copy = key;

  return g_int64_hash (&copy->version_id) * 31 + g_int64_hash (&copy->child_id);
}

static gboolean
version_copy_equal (gconstpointer a,
                    gconstpointer b)
{
  const VersionCopy *x = a, *y = b;

  return x->version_id == y->version_id && x->child_id == y->child_id;
}

/* When each version was first sent (a VersionCopy, to a gint64): a few rows per version
 * ever circulated. */
static GHashTable *
read_first_copies (RmmStore  *self,
                   GError   **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (version_copy_hash, version_copy_equal,
                                                       g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT x.plan_version_id, x.child_id, min (x.circulated_at) FROM circulation x "
    "WHERE x.plan_version_id IS NOT NULL GROUP BY x.plan_version_id, x.child_id", error);

  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      VersionCopy copy = { rmm_db_stmt_get_int (stmt, 0), rmm_db_stmt_get_int (stmt, 1) };
      gint64 sent_at = read_time (stmt, 2);

      g_hash_table_insert (first, g_memdup2 (&copy, sizeof copy),
                           g_memdup2 (&sent_at, sizeof sent_at));
    }
  if (!rmm_figures_read_ended (&local_error, error))
    return NULL;
  return g_steal_pointer (&first);
}

/* Every plan version, with the area of its plan's child and when it was first sent. */
static gboolean
read_versions (RmmStore           *self,
               RmmFiguresHistory  *history,
               GHashTable         *plans,
               GError            **error)
{
  g_autoptr(GHashTable) first = read_first_copies (self, error);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (first == NULL ||
      !(stmt = prepare_in_window (self, history,
                                  "SELECT id, plan_id, created_at FROM safety_plan_version "
                                  "WHERE ?1 = 0 OR (created_at >= ?2 AND created_at < ?3)",
                                  FALSE, error)))
    return FALSE;
  reserve_rows (self, history->versions, "safety_plan_version");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      VersionCopy copy = { .version_id = rmm_db_stmt_get_int (stmt, 0) };
      RmmVersionStanding version = { .agreed_at = read_time (stmt, 2) };
      const gint64 *sent_at;

      if (!find_plan_area (history, rmm_db_stmt_get_int (stmt, 1), plans, &copy.child_id,
                           &version.area_id))
        continue;
      sent_at = g_hash_table_lookup (first, &copy);
      version.first_sent_at = sent_at ? *sent_at : RMM_FIGURES_NEVER;
      g_array_append_val (history->versions, version);
    }
  return rmm_figures_read_ended (&local_error, error);
}

/* Every missing episode of a child in an area. */
static gboolean
read_episodes (RmmStore           *self,
               RmmFiguresHistory  *history,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = prepare_in_window (self, history,
                                       "SELECT child_id, started_at FROM missing_episode "
                                       "WHERE ?1 = 0 OR (started_at >= ?2 AND started_at < ?3)",
                                       FALSE, error);

  if (stmt == NULL)
    return FALSE;
  reserve_rows (self, history->episodes, "missing_episode");
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmEpisodeStanding episode = { .child_id = rmm_db_stmt_get_int (stmt, 0) };
      const RmmChildFacts *facts = rmm_figures_history_find_child (history, episode.child_id);

      if (facts == NULL)
        continue;
      episode.area_id = facts->area_id;
      episode.started_at = read_time (stmt, 1);
      g_array_append_val (history->episodes, episode);
    }
  return rmm_figures_read_ended (&local_error, error);
}

static gboolean
read_history (RmmStore           *self,
              RmmFiguresHistory  *history,
              GError            **error)
{
  g_autoptr(GHashTable) plans = NULL;

  return read_child_facts (self, history, error) && read_decisions (self, history, error) &&
         read_triggers (self, history, error) &&
         (plans = read_plan_children (self, error)) != NULL &&
         read_actions (self, history, plans, error) &&
         read_versions (self, history, plans, error) && read_episodes (self, history, error);
}

/* The child's area, framework and who they are; NULL for a child not in the record. */
const RmmChildFacts *
rmm_figures_history_find_child (RmmFiguresHistory *history,
                                gint64             child_id)
{
  return g_hash_table_lookup (history->facts_by_child, &child_id);
}

/**
 * rmm_store_get_figures_history:
 * @from_day: the period's first day, 2026-07-01
 * @to_day: its last
 * @from_utc: the UTC time it begins
 * @end_utc: the UTC time it ends
 *
 * The history the figures of the period are counted from, as the record stands: read again
 * only when it has changed since the last reading (kept with the store). The first period
 * a store is asked for reads the plan actions, plan versions and missing episodes of that
 * period alone (a report: once); another reads all of them, once, for every period after
 * (the Oversight view, going from one period to the next). To be called inside the
 * figures' snapshot, so that the history and the period's own rows agree.
 *
 * Returns: (transfer none): the history, or %NULL with @error
 */
RmmFiguresHistory *
rmm_store_get_figures_history (RmmStore    *self,
                               const char  *from_day,
                               const char  *to_day,
                               const char  *from_utc,
                               const char  *end_utc,
                               GError     **error)
{
  RmmFiguresHistory *history = g_object_get_data (G_OBJECT (self), HISTORY_KEY);
  g_autoptr(GError) local_error = NULL;
  gint64 mark = rmm_store_get_change_mark (self, &local_error);
  gboolean asked_before = g_object_get_data (G_OBJECT (self), ASKED_KEY) != NULL;

  if (!rmm_figures_read_ended (&local_error, error))
    return NULL;
  if (history != NULL && history->change_mark == mark &&
      (history->whole || (g_str_equal (history->from_day, from_day) &&
                          g_str_equal (history->to_day, to_day))))
    return history;
  /* Dropped first: a reading that fails leaves nothing stale behind. */
  g_object_set_data (G_OBJECT (self), HISTORY_KEY, NULL);
  g_object_set_data (G_OBJECT (self), ASKED_KEY, GINT_TO_POINTER (TRUE));
  history = history_new (mark, asked_before, from_day, to_day, from_utc, end_utc);
  if (!read_history (self, history, error))
    {
      history_free (history);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (self), HISTORY_KEY, history,
                          (GDestroyNotify)history_free);
  return history;
}
