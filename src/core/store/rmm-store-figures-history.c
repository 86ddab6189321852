/* rmm-store-figures-history.c: every child's confirmed ratings and closures, and every
 * strategy-discussion trigger, read once for the board's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include "rmm-store-figures-history-private.h"

#define HISTORY_KEY "rmm-figures-history"

static void
standing_clear (gpointer data)
{
  RmmStanding *standing = data;

  g_free (standing->value);
  g_free (standing->proposed_at);
  g_free (standing->confirmed_at);
  g_free (standing->superseded_at);
}

static void
child_standing_free (RmmChildStanding *child)
{
  g_array_unref (child->entries);
  g_ptr_array_unref (child->by_confirmed);
  g_ptr_array_unref (child->closures);
  g_free (child);
}

static void
trigger_standing_clear (gpointer data)
{
  RmmTriggerStanding *trigger = data;

  g_free (trigger->rule_id);
  g_free (trigger->raised_at);
  g_free (trigger->confirmed_at);
}

static void
history_free (RmmFiguresHistory *history)
{
  g_hash_table_unref (history->by_child);
  g_ptr_array_unref (history->children);
  g_array_unref (history->triggers);
  g_free (history);
}

/* Oldest proposed first; of two proposed in the same second, the older row. */
static int
compare_proposed (gconstpointer a,
                  gconstpointer b)
{
  const RmmStanding *x = a, *y = b;
  int by_time = g_strcmp0 (x->proposed_at, y->proposed_at);

  return by_time != 0 ? by_time : (x->id > y->id) - (x->id < y->id);
}

static int
compare_confirmed (gconstpointer a,
                   gconstpointer b)
{
  const RmmStanding *x = *(const RmmStanding **)a, *y = *(const RmmStanding **)b;
  int by_time = g_strcmp0 (x->confirmed_at, y->confirmed_at);

  return by_time != 0 ? by_time : (x->id > y->id) - (x->id < y->id);
}

/* The child's entries read, put in the orders the counting walks them in, with when each
 * was replaced: a correction supersedes one of the same child's, proposed before it. */
static void
child_standing_finish (RmmChildStanding *child)
{
  g_array_sort (child->entries, compare_proposed);
  for (guint i = 0; i < child->entries->len; i++)
    {
      RmmStanding *entry = &g_array_index (child->entries, RmmStanding, i);

      for (guint j = 0; entry->supersedes_id != 0 && j < i; j++)
        {
          RmmStanding *replaced = &g_array_index (child->entries, RmmStanding, j);

          if (replaced->id == entry->supersedes_id && replaced->superseded_at == NULL)
            replaced->superseded_at = g_strdup (entry->proposed_at);
        }
    }
  for (guint i = 0; i < child->entries->len; i++)
    {
      RmmStanding *entry = &g_array_index (child->entries, RmmStanding, i);

      g_ptr_array_add (child->by_confirmed, entry);
      if (entry->closure)
        g_ptr_array_add (child->closures, entry);
    }
  g_ptr_array_sort (child->by_confirmed, compare_confirmed);
  for (guint i = 0; i < child->by_confirmed->len && child->first_rated_at == NULL; i++)
    if (!((RmmStanding *)g_ptr_array_index (child->by_confirmed, i))->closure)
      child->first_rated_at =
        ((RmmStanding *)g_ptr_array_index (child->by_confirmed, i))->confirmed_at;
}

/* Each child's area and its framework, by the child's id: read once rather than with each
 * of its decisions. */
typedef struct
{
  gint64        area_id;
  RmmFramework *framework;
} ChildArea;

static GHashTable *
read_child_areas (RmmStore  *self,
                  GError   **error)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT c.id, c.area_id, a.framework FROM child c JOIN area a ON a.id = c.area_id",
    error);

  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      ChildArea *area = g_new (ChildArea, 1);

      area->area_id = rmm_db_stmt_get_int (stmt, 1);
      area->framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 2));
      g_hash_table_insert (areas, g_memdup2 (&child_id, sizeof child_id), area);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&areas);
}

static RmmChildStanding *
child_standing_new (gint64      child_id,
                    GHashTable *areas)
{
  RmmChildStanding *child = g_new0 (RmmChildStanding, 1);
  const ChildArea *area = g_hash_table_lookup (areas, &child_id);

  child->child_id = child_id;
  child->area_id = area ? area->area_id : 0;
  child->framework = area ? area->framework : NULL;
  child->entries = g_array_new (FALSE, TRUE, sizeof (RmmStanding));
  g_array_set_clear_func (child->entries, standing_clear);
  child->by_confirmed = g_ptr_array_new ();
  child->closures = g_ptr_array_new ();
  return child;
}

/* Every child's confirmed ratings and closures, each child's together (in the order of the
 * index on the child, so with no sort of them all). A closure's onward referral is looked up
 * for closures only: joined to every row, it was a search of the closure table per rating. */
static gboolean
read_children (RmmStore           *self,
               RmmFiguresHistory  *history,
               GError            **error)
{
  g_autoptr(GHashTable) areas = read_child_areas (self, error);
  g_autoptr(GError) local_error = NULL;
  RmmChildStanding *child = NULL;
  RmmDbStmt *stmt;

  if (areas == NULL)
    return FALSE;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT d.child_id, d.id, d.kind, d.value, d.proposed_at, " RMM_CONFIRMED_AT_SQL ", "
    "       d.supersedes_id, "
    "       CASE WHEN d.kind = 'closure' THEN "
    "         (SELECT z.onward_agency_id IS NOT NULL OR z.onward_referral <> '' "
    "          FROM closure z WHERE z.decision_id = d.id) END "
    "FROM decision d WHERE d.kind IN ('risk-rating', 'closure') AND d.status = 'confirmed' "
    "ORDER BY d.child_id", error);
  if (stmt == NULL)
    return FALSE;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      RmmStanding entry = {
        .id = rmm_db_stmt_get_int (stmt, 1),
        .closure = g_str_equal (rmm_db_stmt_get_text (stmt, 2), "closure"),
        .value = g_strdup (rmm_db_stmt_get_text (stmt, 3)),
        .proposed_at = g_strdup (rmm_db_stmt_get_text (stmt, 4)),
        .confirmed_at = g_strdup (rmm_db_stmt_get_text (stmt, 5)),
        .supersedes_id = rmm_db_stmt_get_int (stmt, 6),
        .onward = rmm_db_stmt_get_int (stmt, 7) != 0,
      };

      if (child == NULL || child->child_id != child_id)
        {
          child = child_standing_new (child_id, areas);
          g_ptr_array_add (history->children, child);
        }
      g_array_append_val (child->entries, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < history->children->len; i++)
    {
      RmmChildStanding *finished = g_ptr_array_index (history->children, i);

      child_standing_finish (finished);
      g_hash_table_insert (history->by_child, &finished->child_id, finished);
    }
  return TRUE;
}

/* Every trigger raised, with its response once both chairs confirmed it. */
static gboolean
read_triggers (RmmStore           *self,
               RmmFiguresHistory  *history,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT c.area_id, t.rule_id, t.raised_at, r.convened, r.section47, "
    "       CASE WHEN r.chair1_confirmed_at IS NOT NULL AND r.chair2_confirmed_at IS NOT NULL "
    "            THEN greatest (r.chair1_confirmed_at, r.chair2_confirmed_at) END "
    "FROM strategy_trigger t JOIN child c ON c.id = t.child_id "
    "LEFT JOIN trigger_response r ON r.trigger_id = t.id", error);

  if (stmt == NULL)
    return FALSE;
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmTriggerStanding trigger = {
        .area_id = rmm_db_stmt_get_int (stmt, 0),
        .rule_id = g_strdup (rmm_db_stmt_get_text (stmt, 1)),
        .raised_at = g_strdup (rmm_db_stmt_get_text (stmt, 2)),
        .convened = rmm_db_stmt_get_int (stmt, 3) != 0,
        .section47 = rmm_db_stmt_get_int (stmt, 4) != 0,
        .confirmed_at = g_strdup (rmm_db_stmt_get_text (stmt, 5)),
      };

      g_array_append_val (history->triggers, trigger);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * rmm_store_get_figures_history:
 *
 * Every child's confirmed ratings and closures and every trigger, as the record stands: read
 * again only when it has changed since the last reading (kept with the store). To be called
 * inside the figures' snapshot, so that the history and the period's own rows agree.
 *
 * Returns: (transfer none): the history, or %NULL with @error
 */
RmmFiguresHistory *
rmm_store_get_figures_history (RmmStore  *self,
                               GError   **error)
{
  RmmFiguresHistory *history = g_object_get_data (G_OBJECT (self), HISTORY_KEY);
  g_autoptr(GError) local_error = NULL;
  gint64 mark = rmm_store_get_change_mark (self, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (history != NULL && history->change_mark == mark)
    return history;
  /* Dropped first: a reading that fails leaves nothing stale behind. */
  g_object_set_data (G_OBJECT (self), HISTORY_KEY, NULL);
  history = g_new0 (RmmFiguresHistory, 1);
  history->change_mark = mark;
  history->children = g_ptr_array_new_with_free_func ((GDestroyNotify)child_standing_free);
  history->by_child = g_hash_table_new (g_int64_hash, g_int64_equal);
  history->triggers = g_array_new (FALSE, TRUE, sizeof (RmmTriggerStanding));
  g_array_set_clear_func (history->triggers, trigger_standing_clear);
  if (!read_children (self, history, error) || !read_triggers (self, history, error))
    {
      history_free (history);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (self), HISTORY_KEY, history,
                          (GDestroyNotify)history_free);
  return history;
}
