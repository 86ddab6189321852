/* rmm-store-cse-list.c: the county-wide CSE list, as of a day, with last week's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Surrey: "Children discussed at the RMM and given a risk rating will be added to the
 * county-wide CSE list"; closing the safety plan removes them. So a child is on the list on a
 * day when their rating then (the newest confirmed one not yet superseded) is at a level the
 * framework puts on the list, and no confirmed closure has followed it.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-cse-entry.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"

typedef struct
{
  gint64              child_id;
  char               *reference;
  char               *first_name;
  char               *last_name;
  char               *area_name;
  char               *rating;
  const RmmRiskLevel *level;
  guint               position;   /* in the framework: higher is more risk */
} Listed;

static void
listed_free (gpointer data)
{
  Listed *listed = data;

  g_free (listed->reference);
  g_free (listed->first_name);
  g_free (listed->last_name);
  g_free (listed->area_name);
  g_free (listed->rating);
  g_free (listed);
}

/* Through the views every login may read the list by (0007-need-to-know.sql): on a server,
 * a chair reads the county's, any other login its own areas'. */
#define LIST_AS_OF_SQL \
  "SELECT c.id, c.reference, c.first_name, c.last_name, a.name, a.framework, d.value " \
  "FROM cse_list_child c JOIN area a ON a.id = c.area_id " \
  "JOIN cse_list_decision d ON d.id = " \
  "  (SELECT d2.id FROM cse_list_decision d2 WHERE d2.child_id = c.id " \
  "   AND d2.kind = 'risk-rating' AND d2.proposed_at <= ?1 " \
  "   AND NOT EXISTS (SELECT 1 FROM cse_list_decision s WHERE s.supersedes_id = d2.id " \
  "                   AND s.proposed_at <= ?1) " \
  "   ORDER BY d2.proposed_at DESC, d2.id DESC LIMIT 1) " \
  "WHERE NOT EXISTS (SELECT 1 FROM cse_list_decision z WHERE z.child_id = c.id " \
  "                  AND z.kind = 'closure' " \
  "                  AND greatest(z.chair1_confirmed_at, z.chair2_confirmed_at) " \
  "                      BETWEEN d.proposed_at AND ?1)"

static guint
level_position (RmmFramework *framework,
                const char   *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
    if (g_str_equal (rmm_framework_get_level (framework, i)->id, id))
      return i;
  return 0;
}

/* child id → Listed, for everyone on the list at the end of @day. */
static GHashTable *
list_as_of (RmmStore    *self,
            const GDate *day,
            GError     **error)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        listed_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = rmm_date_format (day);
  g_autofree char *until = g_strconcat (date, "T23:59:59Z", NULL);
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), LIST_AS_OF_SQL, error);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, until);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmFramework *framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 5));
      const char *rating = rmm_db_stmt_get_text (stmt, 6);
      const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework, rating) : NULL;
      Listed *entry;

      if (level == NULL || !level->cse_list)
        continue;
      entry = g_new0 (Listed, 1);
      entry->child_id = rmm_db_stmt_get_int (stmt, 0);
      entry->reference = g_strdup (rmm_db_stmt_get_text (stmt, 1));
      entry->first_name = g_strdup (rmm_db_stmt_get_text (stmt, 2));
      entry->last_name = g_strdup (rmm_db_stmt_get_text (stmt, 3));
      entry->area_name = g_strdup (rmm_db_stmt_get_text (stmt, 4));
      entry->rating = g_strdup (rating);
      entry->level = level;
      entry->position = level_position (framework, rating);
      g_hash_table_insert (listed, &entry->child_id, entry);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&listed);
}

static RmmCseEntry *
entry_for (Listed       *now,
           Listed       *before,
           RmmCseChange  change)
{
  Listed *shown = now ? now : before;
  RmmCseEntryFields fields = {
    .child_id = shown->child_id,
    .reference = shown->reference,
    .first_name = shown->first_name,
    .last_name = shown->last_name,
    .area_name = shown->area_name,
    .rating = shown->rating,
    .rating_label = rmm_risk_level_describe (shown->level),
    .previous_label = before ? rmm_risk_level_describe (before->level) : "",
    .change = change,
  };

  return rmm_cse_entry_new (&fields);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  RmmCseEntry *ea = *(RmmCseEntry **)a;
  RmmCseEntry *eb = *(RmmCseEntry **)b;
  int by_area = g_utf8_collate (rmm_cse_entry_get_area_name (ea), rmm_cse_entry_get_area_name (eb));
  int by_name;

  if (by_area != 0)
    return by_area;
  by_name = g_utf8_collate (rmm_cse_entry_get_last_name (ea), rmm_cse_entry_get_last_name (eb));
  if (by_name != 0)
    return by_name;
  return g_utf8_collate (rmm_cse_entry_get_first_name (ea), rmm_cse_entry_get_first_name (eb));
}

/* The list at the end of @day, by area and name, each marked against a week before: added,
 * rating up or down, unchanged; and those who came off it since, marked removed. */
GListModel *
rmm_store_list_cse (RmmStore     *self,
                    const GDate  *day,
                    GError      **error)
{
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (RMM_TYPE_CSE_ENTRY);
  GHashTableIter iter;
  Listed *listed;
  GDate week_before;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  week_before = *day;
  g_date_subtract_days (&week_before, 7);
  if (!(now = list_as_of (self, day, error)) || !(before = list_as_of (self, &week_before, error)))
    return NULL;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&listed))
    {
      Listed *was = g_hash_table_lookup (before, &listed->child_id);
      RmmCseChange change = was == NULL ? RMM_CSE_CHANGE_ADDED
                          : listed->position > was->position ? RMM_CSE_CHANGE_UP
                          : listed->position < was->position ? RMM_CSE_CHANGE_DOWN
                          : RMM_CSE_CHANGE_NONE;

      g_ptr_array_add (entries, entry_for (listed, was, change));
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&listed))
    if (!g_hash_table_contains (now, &listed->child_id))
      g_ptr_array_add (entries, entry_for (NULL, listed, RMM_CSE_CHANGE_REMOVED));

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    g_list_store_append (store, g_ptr_array_index (entries, i));
  return G_LIST_MODEL (g_steal_pointer (&store));
}
