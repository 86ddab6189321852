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
#include <inttypes.h>
#include <string.h>

#include "rmm-agenda-item.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-agenda-private.h"

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
    rmm_agenda_add_reason (merged, "added-by-chair");
  for (guint i = 0; meeting_open && fresh[i] != NULL; i++)
    if (*fresh[i] != '\0')
      rmm_agenda_add_reason (merged, fresh[i]);
  return g_string_free (g_steal_pointer (&merged), FALSE);
}

static gboolean
apply_proposals (RmmStore    *self,
                 gint64       meeting_id,
                 gboolean     meeting_open,
                 GPtrArray   *proposals,
                 GHashTable  *existing,
                 guint        time_box,
                 GError     **error)
{
  gint64 position = rmm_store_query_int (self, "SELECT coalesce(max(position), 0) FROM "
                                               "agenda_item WHERE meeting_id = ?",
                                         meeting_id, error);

  for (guint i = 0; position >= 0 && i < proposals->len; i++)
    {
      RmmAgendaProposal *proposal = g_ptr_array_index (proposals, i);
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
      /* Only an item still to be discussed takes today's reasons: what the room did with
       * one (discussed, deferred, removed) stands with the reasons it had. */
      else if (item->status == RMM_ITEM_STATUS_PENDING)
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
  "CASE WHEN EXISTS (SELECT 1 FROM plan_action x " \
  "        WHERE x.plan_id IN (SELECT p.id FROM safety_plan p WHERE p.child_id = c.id " \
  "                            AND p.closed_on IS NULL) " \
  "        AND x.status = 'open' AND x.due_on < m.meets_on) THEN 1 ELSE 0 END"

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

/* Nothing has changed since the agenda was last worked out (see 0002-agenda-cache); who
 * looked at what since does not count. */
static gboolean
agenda_is_current (RmmStore *self,
                   gint64    meeting_id)
{
  gint64 noted = rmm_store_query_int (self, "SELECT coalesce(max(audit_id), -1) FROM agenda_cache "
                                            "WHERE meeting_id = ?", meeting_id, NULL);

  return noted >= 0 && noted == rmm_store_get_newest_change (self);
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
  rmm_db_stmt_bind_int (stmt, 2, rmm_store_get_newest_change (self));
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
  RmmAgendaFacts facts = { 0 };
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GHashTable) existing = NULL;
  g_autofree char *why_not = NULL;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (time_box > 0, FALSE);

  /* Nothing recorded since the agenda was last worked out: nothing to do, whatever the
   * meeting's state (concluding a meeting is itself a recorded change). A database open
   * read-only is read as it is. */
  if (rmm_store_get_read_only (self) != NULL || agenda_is_current (self, meeting_id))
    return TRUE;
  /* On a server, the agenda is its administrators' and chairs' to build: any other login
   * reads it as they last left it. */
  why_not = rmm_store_why_not_in_meeting (self, RMM_RIGHT_SCHEDULE, meeting_id);
  if (why_not != NULL)
    return TRUE;
  if (!rmm_agenda_read_facts (self, meeting_id, &facts, error))
    {
      rmm_agenda_facts_clear (&facts);
      return FALSE;
    }
  if (facts.status != RMM_MEETING_STATUS_PLANNED && facts.status != RMM_MEETING_STATUS_OPEN)
    {
      rmm_agenda_facts_clear (&facts);
      return TRUE;
    }

  ok = rmm_store_begin (self, error);
  if (ok)
    ok = (proposals = rmm_agenda_propose (self, &facts, order, error)) != NULL &&
         (existing = read_existing (self, meeting_id, error)) != NULL &&
         apply_proposals (self, meeting_id, facts.status == RMM_MEETING_STATUS_OPEN, proposals,
                          existing, time_box, error) &&
         update_agenda_facts (self, meeting_id, error) &&
         note_agenda_current (self, meeting_id, error);
  rmm_agenda_facts_clear (&facts);
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
 * when one of the child's plan actions is past its date. Each item's rating, review date and
 * overdue flag are read from agenda_fact, kept current as they change (see
 * rmm_store_forget_agenda_facts()); only an item without one has them worked out. */
GListModel *
rmm_store_list_agenda (RmmStore  *self,
                       gint64     meeting_id,
                       GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  /* Both engines work out a coalesce() argument only when those before it are NULL. */
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         AGENDA_COLUMNS "coalesce (f.rating, " ITEM_RATING_SQL "), "
                         "coalesce (f.overdue, " ITEM_OVERDUE_SQL "), "
                         "coalesce (f.review_on, " ITEM_REVIEW_SQL ") "
                         "FROM agenda_item i JOIN child c ON c.id = i.child_id "
                         "JOIN meeting m ON m.id = i.meeting_id "
                         "LEFT JOIN agenda_fact f ON f.item_id = i.id "
                         "WHERE i.meeting_id = ? ORDER BY i.position, i.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  return rmm_store_collect (stmt, RMM_TYPE_AGENDA_ITEM, agenda_item_from_row, error);
}

/* How to find the agenda items whose facts a change to a row of each table can alter: a
 * rating (decision), a review date or closure (safety_plan, safety_plan_version), an action's
 * date or outcome (plan_action), the meeting's date (meeting). */
static const struct
{
  const char *table;
  const char *items;
} fact_sources[] = {
  { "decision", "SELECT i.id FROM agenda_item i JOIN decision d ON d.child_id = i.child_id "
                "WHERE d.id = ?" },
  { "safety_plan", "SELECT i.id FROM agenda_item i JOIN safety_plan p ON p.child_id = i.child_id "
                   "WHERE p.id = ?" },
  { "safety_plan_version", "SELECT i.id FROM agenda_item i "
                           "JOIN safety_plan p ON p.child_id = i.child_id "
                           "JOIN safety_plan_version v ON v.plan_id = p.id WHERE v.id = ?" },
  { "plan_action", "SELECT i.id FROM agenda_item i JOIN safety_plan p ON p.child_id = i.child_id "
                   "JOIN plan_action x ON x.plan_id = p.id WHERE x.id = ?" },
  { "meeting", "SELECT i.id FROM agenda_item i WHERE i.meeting_id = ?" },
};

/* A row of @table changed inside the current transaction: the agenda facts it may have made
 * wrong are dropped with it, so that they are worked out afresh when next read. */
gboolean
rmm_store_forget_agenda_facts (RmmStore    *self,
                               const char  *table,
                               gint64       id,
                               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_sources); i++)
    if (g_str_equal (table, fact_sources[i].table))
      {
        g_autofree char *sql = g_strconcat ("DELETE FROM agenda_fact WHERE item_id IN (",
                                            fact_sources[i].items, ")", NULL);
        RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);

        if (stmt == NULL)
          return FALSE;
        rmm_db_stmt_bind_int (stmt, 1, id);
        return rmm_db_stmt_send (stmt, error);
      }
  return TRUE;
}

gint64
rmm_store_add_agenda_item (RmmStore    *self,
                           gint64       meeting_id,
                           gint64       child_id,
                           const char  *reasons,
                           GError     **error)
{
  gint64 position;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  position = rmm_store_query_int (self,
                                  "SELECT coalesce(max(position), 0) + 1 FROM agenda_item "
                                  "WHERE meeting_id = ?", meeting_id, error);
  if (position < 0)
    return 0;
  {
    RmmField fields[] = {
      RMM_REF ("meeting_id", meeting_id),
      RMM_REF ("child_id", child_id),
      RMM_INT ("position", position),
      RMM_TEXT ("reasons", reasons),
    };

    return rmm_store_insert (self, "agenda_item", fields, G_N_ELEMENTS (fields), error);
  }
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
                     _("There is no agenda item with id %" PRId64 "."), item_id);
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
