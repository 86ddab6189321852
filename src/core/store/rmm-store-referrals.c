/* rmm-store-referrals.c: referrals, and what an import needs to find
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-referral.h"
#include "rmm-store-private.h"

/* Months within which a new referral counts as a repeat. */
#define REPEAT_MONTHS 12

RmmChild *
rmm_store_find_child_by_reference (RmmStore    *self,
                                   const char  *reference,
                                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmChild *child = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT c.id, c.reference, c.first_name, c.last_name, "
                         "       c.date_of_birth, a.name "
                         "FROM child c JOIN area a ON a.id = c.area_id "
                         "WHERE c.reference = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, reference);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      child = g_object_new (RMM_TYPE_CHILD,
                            "id", rmm_db_stmt_get_int (stmt, 0),
                            "reference", rmm_db_stmt_get_text (stmt, 1),
                            "first-name", rmm_db_stmt_get_text (stmt, 2),
                            "last-name", rmm_db_stmt_get_text (stmt, 3),
                            "date-of-birth", rmm_db_stmt_get_text (stmt, 4),
                            "area-name", rmm_db_stmt_get_text (stmt, 5),
                            NULL);
      rmm_db_stmt_reset (stmt);
    }
  else if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return child;
}

/* The agency called @name, whatever its case; 0 when there is none. */
gint64
rmm_store_find_agency (RmmStore    *self,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), -1);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id FROM agency WHERE lower(name) = lower(?)", error)))
    return -1;
  rmm_db_stmt_bind_text (stmt, 1, name);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      id = rmm_db_stmt_get_int (stmt, 0);
      rmm_db_stmt_reset (stmt);
    }
  else if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return id;
}

/* Whether this referral is already recorded: same child, same minute, same referrer. */
gboolean
rmm_store_has_referral (RmmStore    *self,
                        gint64       child_id,
                        const char  *received_at,
                        const char  *referrer_name,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gboolean found;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT 1 FROM referral WHERE child_id = ? AND received_at = ? "
                               "AND lower(referrer_name) = lower(?)", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, received_at);
  rmm_db_stmt_bind_text (stmt, 3, referrer_name);
  found = rmm_db_stmt_step (stmt, &local_error);
  rmm_db_stmt_reset (stmt);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return found;
}

/* The child's most recent referral before @before, or NULL. */
char *
rmm_store_get_previous_referral (RmmStore    *self,
                                 gint64       child_id,
                                 const char  *before,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  char *received = NULL;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT max(received_at) FROM referral "
                               "WHERE child_id = ? AND received_at < ?", error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, before);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      received = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  else if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return received;
}

gboolean
rmm_store_is_repeat_referral (const char *previous,
                              const char *received_at)
{
  return rmm_time_within_months (previous, received_at, REPEAT_MONTHS);
}

static GObject *
referral_from_row (RmmDbStmt *stmt)
{
  g_autofree char *name = g_strdup_printf ("%s %s", rmm_db_stmt_get_text (stmt, 3),
                                           rmm_db_stmt_get_text (stmt, 4));

  return g_object_new (RMM_TYPE_REFERRAL,
                       "id", rmm_db_stmt_get_int (stmt, 0),
                       "child-id", rmm_db_stmt_get_int (stmt, 1),
                       "child-reference", rmm_db_stmt_get_text (stmt, 2),
                       "child-name", name,
                       "area-name", rmm_db_stmt_get_text (stmt, 5),
                       "received-at", rmm_db_stmt_get_text (stmt, 6),
                       "route", rmm_db_stmt_get_text (stmt, 7),
                       "referrer-name", rmm_db_stmt_get_text (stmt, 8),
                       "agency-name", rmm_db_stmt_get_text (stmt, 9),
                       "concern-summary", rmm_db_stmt_get_text (stmt, 10),
                       "screening-outcome", rmm_db_stmt_get_text (stmt, 11),
                       "assessment-completed-on", rmm_db_stmt_get_text (stmt, 12),
                       "repeat", rmm_store_is_repeat_referral (rmm_db_stmt_get_text (stmt, 13),
                                                               rmm_db_stmt_get_text (stmt, 6)),
                       NULL);
}

/* Referrals received from @from up to (not including) @to, stored UTC times; newest first.
 * @area_id 0 means every area. */
GListModel *
rmm_store_list_referrals (RmmStore    *self,
                          gint64       area_id,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT r.id, r.child_id, c.reference, c.first_name, c.last_name, "
                         "       a.name, r.received_at, r.route, r.referrer_name, "
                         "       coalesce(g.name, ''), r.concern_summary, r.screening_outcome, "
                         "       (SELECT max(s.completed_on) FROM assessment s "
                         "        WHERE s.referral_id = r.id), "
                         "       (SELECT max(p.received_at) FROM referral p "
                         "        WHERE p.child_id = r.child_id AND p.received_at < r.received_at) "
                         "FROM referral r JOIN child c ON c.id = r.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "LEFT JOIN agency g ON g.id = r.referrer_agency_id "
                         "WHERE (? = 0 OR c.area_id = ?) AND r.received_at >= ? "
                         "  AND r.received_at < ? "
                         "ORDER BY r.received_at DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_int (stmt, 2, area_id);
  rmm_db_stmt_bind_text (stmt, 3, from);
  rmm_db_stmt_bind_text (stmt, 4, to);
  return rmm_store_collect (stmt, RMM_TYPE_REFERRAL, referral_from_row, error);
}
