/* rmm-store-cse-distribution.c: who the weekly CSE list goes to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The county-wide list names every child on it, in every area: it goes only to the
 * professionals the installation has put on its distribution, by name (the police's CSE
 * lead, the heads of service), each at the address professional holds for them. Never to
 * whoever is invited to a meeting, who would then hold the names of other areas' children.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-store-cse-distribution.h"
#include "rmm-store-private.h"

static gpointer
recipient_from_row (RmmDbStmt *stmt)
{
  RmmNetworkMember *member = g_new0 (RmmNetworkMember, 1);

  member->id = rmm_db_stmt_get_int (stmt, 0);
  member->professional_id = rmm_db_stmt_get_int (stmt, 1);
  member->role = g_strdup ("other");
  member->audience = g_strdup ("professional");
  member->name = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  member->agency = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  member->email = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  return member;
}

/**
 * rmm_store_list_cse_distribution:
 *
 * Who the CSE list goes to, as it stands, by name: each a professional (the member's id is
 * their place on the distribution), with their agency and email as professional has them.
 *
 * Returns: (transfer full): #RmmNetworkMember rows, or %NULL with @error
 */
GPtrArray *
rmm_store_list_cse_distribution (RmmStore  *self,
                                 GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT r.id, r.professional_id, p.full_name, g.name, p.email "
                         "FROM list_recipient r JOIN professional p ON p.id = r.professional_id "
                         "JOIN agency g ON g.id = p.agency_id "
                         "WHERE r.removed_at IS NULL ORDER BY p.full_name, r.id", error);
  if (stmt == NULL)
    return NULL;
  return rmm_store_collect_rows (stmt, recipient_from_row,
                                 (GDestroyNotify)rmm_network_member_free, error);
}

/**
 * rmm_store_add_to_cse_distribution:
 *
 * Puts a professional on the CSE list's distribution. Recorded in the audit trail.
 *
 * Returns: their place on it, or 0 with @error (no such professional, already on it)
 */
gint64
rmm_store_add_to_cse_distribution (RmmStore  *self,
                                   gint64     professional_id,
                                   GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  gint64 known;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  known = rmm_store_query_int (self, "SELECT count (*) FROM professional WHERE id = ?",
                               professional_id, &local_error);
  if (known == 0 && local_error == NULL)
    g_set_error (&local_error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("There is no professional %lld."), (long long)professional_id);
  if (local_error == NULL &&
      rmm_store_query_int (self, "SELECT count (*) FROM list_recipient "
                                 "WHERE professional_id = ? AND removed_at IS NULL",
                           professional_id, &local_error) > 0)
    g_set_error (&local_error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("They are on the CSE list’s distribution already."));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("professional_id", professional_id),
      RMM_TEXT ("added_at", now),
      RMM_TEXT ("added_by", rmm_store_get_actor (self)),
    };

    return rmm_store_insert (self, "list_recipient", fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * rmm_store_remove_from_cse_distribution:
 *
 * Takes someone off the CSE list's distribution: marked removed, never deleted, so the
 * record of which week's list they were sent still names them. Recorded in the audit trail.
 */
gboolean
rmm_store_remove_from_cse_distribution (RmmStore  *self,
                                        gint64     recipient_id,
                                        GError   **error)
{
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  not_found = g_strdup_printf (_("No one is on the CSE list’s distribution as %lld."),
                               (long long)recipient_id);
  return rmm_store_mark_removed (self, "list_recipient", recipient_id, not_found, error);
}

/**
 * rmm_store_cse_list_circulation:
 * @as_at: the list as it stood at the end of this day; not after today
 *
 * The circulation of the CSE list: everyone on its distribution, by email, the named list.
 * Not yet checked (rmm_store_check_circulation ()).
 *
 * Returns: (transfer full): the circulation, or %NULL with @error
 */
RmmCirculation *
rmm_store_cse_list_circulation (RmmStore     *self,
                                const GDate  *as_at,
                                GError      **error)
{
  g_autoptr(RmmCirculation) circulation = g_new0 (RmmCirculation, 1);
  g_autoptr(GPtrArray) distribution = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  now = rmm_store_now (self);
  today = rmm_date_from_time (now);
  if (today != NULL && g_date_compare (as_at, today) > 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The list of a day still to come cannot go out: circulate today’s."));
      return NULL;
    }
  circulation->list_as_at = rmm_date_format (as_at);
  circulation->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_recipient_free);
  if (!(distribution = rmm_store_list_cse_distribution (self, error)))
    return NULL;
  for (guint i = 0; i < distribution->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (distribution, i);
      RmmRecipient *recipient = g_new0 (RmmRecipient, 1);

      recipient->member_id = member->id;
      recipient->professional_id = member->professional_id;
      recipient->name = g_strdup (member->name);
      recipient->recipient = g_strdup (member->email);
      recipient->document = g_strdup ("cse-list");
      recipient->channel = g_strdup ("email");
      recipient->outside_reason = g_strdup ("");
      g_ptr_array_add (circulation->recipients, recipient);
    }
  return g_steal_pointer (&circulation);
}
