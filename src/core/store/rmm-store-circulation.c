/* rmm-store-circulation.c: each child's network, the domains a document may be emailed to,
 * and the record of who was sent which version of which document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The most common breach a council reports is personal data emailed to the wrong person.
 * So a plan goes only to the people in the child's network, each the copy their audience
 * receives (the family's copy never to a professional's address list, and the professional
 * plan never to the family); an address outside the installation's allowed domains goes
 * only with a reason given for it, which is recorded; and every copy that goes out is
 * recorded, so that when a plan is superseded the chairs know who still holds the old one.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-addresses.h"
#include "rmm-error.h"
#include "rmm-labels.h"
#include "rmm-store-private.h"
#include "rmm-text.h"

#define NAME_MAX_CHARS    200
#define REASON_MAX_CHARS  500

/* The id of the newest version of @child's open plan (an SQL expression for its id). */
#define CURRENT_PLAN_VERSION_SQL(child) \
  "SELECT v2.id FROM safety_plan_version v2 JOIN safety_plan p2 ON p2.id = v2.plan_id " \
  "WHERE p2.child_id = " child " AND p2.closed_on IS NULL " \
  "ORDER BY p2.id DESC, v2.version DESC LIMIT 1"

void
rmm_network_member_free (RmmNetworkMember *member)
{
  if (member == NULL)
    return;
  g_free (member->role);
  g_free (member->audience);
  g_free (member->name);
  g_free (member->agency);
  g_free (member->email);
  g_free (member);
}

void
rmm_recipient_free (RmmRecipient *recipient)
{
  if (recipient == NULL)
    return;
  g_free (recipient->name);
  g_free (recipient->recipient);
  g_free (recipient->document);
  g_free (recipient->channel);
  g_free (recipient->outside_reason);
  g_free (recipient->problem);
  g_free (recipient);
}

void
rmm_circulation_free (RmmCirculation *circulation)
{
  if (circulation == NULL)
    return;
  g_clear_pointer (&circulation->recipients, g_ptr_array_unref);
  g_free (circulation->list_as_at);
  g_free (circulation);
}

void
rmm_circulation_record_free (RmmCirculationRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->document);
  g_free (record->reference);
  g_free (record->recipient);
  g_free (record->channel);
  g_free (record->outside_reason);
  g_free (record->circulated_at);
  g_free (record->circulated_by);
  g_free (record->list_as_at);
  g_free (record);
}

/* ---- the network ---- */

static gpointer
member_from_row (RmmDbStmt *stmt)
{
  RmmNetworkMember *member = g_new0 (RmmNetworkMember, 1);

  member->id = rmm_db_stmt_get_int (stmt, 0);
  member->child_id = rmm_db_stmt_get_int (stmt, 1);
  member->professional_id = rmm_db_stmt_get_int (stmt, 2);
  member->role = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  member->audience = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  member->name = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  member->agency = g_strdup (rmm_db_stmt_get_text (stmt, 6));
  member->email = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  return member;
}

/**
 * rmm_store_list_network:
 *
 * The child's network as it stands (members removed are left out), in the order they were
 * added: a professional with their name, agency and email as professional has them now.
 *
 * Returns: (transfer full): #RmmNetworkMember rows, or %NULL with @error
 */
GPtrArray *
rmm_store_list_network (RmmStore  *self,
                        gint64     child_id,
                        GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT n.id, n.child_id, coalesce (n.professional_id, 0), n.role, "
                         "       n.audience, coalesce (p.full_name, n.name), "
                         "       coalesce (g.name, ''), coalesce (p.email, n.email) "
                         "FROM network_member n "
                         "LEFT JOIN professional p ON p.id = n.professional_id "
                         "LEFT JOIN agency g ON g.id = p.agency_id "
                         "WHERE n.child_id = ? AND n.removed_at IS NULL ORDER BY n.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, member_from_row,
                                 (GDestroyNotify)rmm_network_member_free, error);
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, RMM_ERROR, RMM_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
known_role (const char *role)
{
  guint n_roles;
  const RmmLabel *roles = rmm_network_roles (&n_roles);

  for (guint i = 0; role != NULL && i < n_roles; i++)
    if (g_str_equal (roles[i].id, role))
      return TRUE;
  return FALSE;
}

/* The input as the record takes it, or FALSE with why not. */
static gboolean
check_member (RmmStore                     *self,
              const RmmNetworkMemberInput  *input,
              const char                   *audience,
              const char                   *name,
              const char                   *email,
              GError                      **error)
{
  gboolean family = g_strcmp0 (input->role, "family") == 0;
  const char *why;
  gint64 found;

  if (!known_role (input->role))
    return fail (error, _("A member of the network is a lead professional, social worker, "
                          "school CSE lead, police contact, health, another professional or "
                          "the family’s contact."));
  if (!g_str_equal (audience, "professional") && !g_str_equal (audience, "family"))
    return fail (error, _("A member of the network receives the professional plan or the "
                          "family’s copy."));
  if (family && g_str_equal (audience, "professional"))
    return fail (error, _("The family’s contact receives the family’s copy, never the "
                          "professional plan: it holds what the family must not read."));
  if (family == (input->professional_id != 0))
    return fail (error, family ? _("The family’s contact is not a professional.")
                               : _("Choose the professional to add to the network."));
  if (family && (*name == '\0' || g_utf8_strlen (name, -1) > NAME_MAX_CHARS ||
                 rmm_text_find_control (name, FALSE, NULL) != 0))
    return fail (error, _("The family’s contact needs a name of at most 200 characters, on "
                          "one line."));
  if (family && *email != '\0' && (why = rmm_address_why_not_email (email)) != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The family’s contact’s email “%s” is not an address: %s."), email, why);
      return FALSE;
    }
  found = rmm_store_query_int (self, "SELECT count (*) FROM child WHERE id = ?",
                               input->child_id, error);
  if (found <= 0)
    return found == 0 ? fail (error, _("There is no such child.")) : FALSE;
  if (!family)
    {
      found = rmm_store_query_int (self, "SELECT count (*) FROM professional WHERE id = ?",
                                   input->professional_id, error);
      if (found <= 0)
        return found == 0 ? fail (error, _("There is no such professional.")) : FALSE;
    }
  return TRUE;
}

/* Is the professional (or a family contact of this name) already in the child's network? */
static gint64
already_in_network (RmmStore                     *self,
                    const RmmNetworkMemberInput  *input,
                    const char                   *name,
                    GError                      **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT count (*) FROM network_member WHERE child_id = ? "
                                    "AND removed_at IS NULL AND (professional_id = ? OR "
                                    "(professional_id IS NULL AND ? = 0 AND name = ?))", error);
  g_autoptr(GError) local_error = NULL;
  gint64 count;

  if (stmt == NULL)
    return -1;
  rmm_db_stmt_bind_int (stmt, 1, input->child_id);
  rmm_db_stmt_bind_int (stmt, 2, input->professional_id);
  rmm_db_stmt_bind_int (stmt, 3, input->professional_id);
  rmm_db_stmt_bind_text (stmt, 4, name);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  count = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  return count;
}

/**
 * rmm_store_add_network_member:
 *
 * Adds a professional, or the family's contact (a name and, if they have one, an email),
 * to the child's network, with the copy of a plan they receive; recorded in the audit
 * trail. The same professional, or a contact of the same name, is not added twice.
 *
 * Returns: the member's id, or 0 with @error
 */
gint64
rmm_store_add_network_member (RmmStore                     *self,
                              const RmmNetworkMemberInput  *input,
                              GError                      **error)
{
  gboolean family;
  const char *audience;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *now = NULL;
  gint64 present;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  family = g_strcmp0 (input->role, "family") == 0;
  audience = input->audience ? input->audience : family ? "family" : "professional";
  name = g_strstrip (g_strdup (family && input->name ? input->name : ""));
  email = g_strstrip (g_strdup (family && input->email ? input->email : ""));
  if (!check_member (self, input, audience, name, email, error) ||
      (present = already_in_network (self, input, name, error)) < 0)
    return 0;
  if (present > 0)
    {
      fail (error, family ? _("The family’s contact of that name is in the network already.")
                          : _("That professional is in the child’s network already."));
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", input->child_id),
      RMM_REF ("professional_id", input->professional_id),
      RMM_TEXT ("role", input->role),
      RMM_TEXT ("audience", audience),
      RMM_TEXT ("name", name),
      RMM_TEXT ("email", email),
      RMM_TEXT ("added_at", now),
    };

    return rmm_store_insert (self, "network_member", fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * rmm_store_remove_network_member:
 *
 * Takes the member out of the child's network: marked removed, never deleted, so the record
 * of what they were sent still names them. Recorded in the audit trail.
 */
gboolean
rmm_store_remove_network_member (RmmStore  *self,
                                 gint64     member_id,
                                 GError   **error)
{
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  not_found = g_strdup_printf (_("There is no member %lld in a child’s network."),
                               (long long)member_id);
  return rmm_store_mark_removed (self, "network_member", member_id, not_found, error);
}

/* ---- the allowed domains ---- */

/* The domains an email may go to without a reason given, in alphabetical order. */
GStrv
rmm_store_list_allowed_domains (RmmStore  *self,
                                GError   **error)
{
  g_autoptr(GStrvBuilder) domains = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT domain FROM allowed_domain WHERE removed_at IS NULL "
                         "ORDER BY domain", error);
  if (stmt == NULL)
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    g_strv_builder_add (domains, rmm_db_stmt_get_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (domains);
}

static gint64
find_domain (RmmStore    *self,
             const char  *domain,
             GError     **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT coalesce (max (id), 0) FROM allowed_domain "
                                    "WHERE domain = ? AND removed_at IS NULL", error);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (stmt == NULL)
    return -1;
  rmm_db_stmt_bind_text (stmt, 1, domain);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  id = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  return id;
}

/**
 * rmm_store_allow_domain:
 *
 * Lets a document be emailed to @domain ("nhs.net", "@Police.UK" as typed) and the domains
 * under it without a reason given address by address. Allowing a domain already allowed
 * changes nothing. Recorded in the audit trail.
 */
gboolean
rmm_store_allow_domain (RmmStore    *self,
                        const char  *domain,
                        GError     **error)
{
  g_autofree char *normal = rmm_address_normalize_domain (domain);
  g_autofree char *now = NULL;
  const char *why = rmm_address_why_not_domain (normal);
  gint64 found;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (why != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("“%s” is not a domain: %s."),
                   domain, why);
      return FALSE;
    }
  if ((found = find_domain (self, normal, error)) != 0)
    return found > 0;
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_TEXT ("domain", normal),
      RMM_TEXT ("added_at", now),
      RMM_TEXT ("added_by", rmm_store_get_actor (self)),
    };

    return rmm_store_insert (self, "allowed_domain", fields, G_N_ELEMENTS (fields), error) != 0;
  }
}

/* No longer lets a document be emailed to @domain without a reason. */
gboolean
rmm_store_disallow_domain (RmmStore    *self,
                           const char  *domain,
                           GError     **error)
{
  g_autofree char *normal = rmm_address_normalize_domain (domain);
  g_autofree char *now = NULL;
  gint64 found;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if ((found = find_domain (self, normal, error)) <= 0)
    {
      if (found == 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                     _("“%s” is not an allowed domain."), domain);
      return FALSE;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = { RMM_TEXT ("removed_at", now) };

    return rmm_store_update (self, "allowed_domain", found, fields, G_N_ELEMENTS (fields),
                             error);
  }
}

/* ---- circulating a plan ---- */

/* The child's open plan's newest version: its id and number; 0 with @error if none. */
static gint64
current_plan_version (RmmStore  *self,
                      gint64     child_id,
                      guint     *version,
                      GError   **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT v.id, v.version FROM safety_plan_version v "
                                    "JOIN safety_plan p ON p.id = v.plan_id "
                                    "WHERE p.child_id = ? AND p.closed_on IS NULL "
                                    "ORDER BY p.id DESC, v.version DESC LIMIT 1", error);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (stmt == NULL)
    return 0;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                             _("The child has no open safety plan with an agreed version to "
                               "circulate."));
      return 0;
    }
  id = rmm_db_stmt_get_int (stmt, 0);
  *version = rmm_db_stmt_get_int (stmt, 1);
  rmm_db_stmt_reset (stmt);
  return id;
}

/* Members who were sent an earlier version of the child's plan and not @version_id. */
static GHashTable *
outdated_holders (RmmStore  *self,
                  gint64     child_id,
                  gint64     version_id,
                  GError   **error)
{
  g_autoptr(GHashTable) holders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT DISTINCT c.network_member_id FROM circulation c "
    "WHERE c.child_id = ?1 AND c.plan_version_id <> ?2 AND c.network_member_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM circulation n WHERE n.child_id = ?1 "
    "                AND n.plan_version_id = ?2 "
    "                AND n.network_member_id = c.network_member_id)", error);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_int (stmt, 2, version_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 *id = g_new (gint64, 1);

      *id = rmm_db_stmt_get_int (stmt, 0);
      g_hash_table_add (holders, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&holders);
}

static RmmRecipient *
recipient_for (const RmmNetworkMember *member)
{
  RmmRecipient *recipient = g_new0 (RmmRecipient, 1);

  recipient->member_id = member->id;
  recipient->professional_id = member->professional_id;
  recipient->name = g_strdup (member->name);
  recipient->recipient = g_strdup (member->email);
  recipient->document = g_strdup (g_str_equal (member->audience, "family") ? "family-plan"
                                                                           : "professional-plan");
  recipient->channel = g_strdup ("email");
  recipient->outside_reason = g_strdup ("");
  return recipient;
}

/**
 * rmm_store_plan_circulation:
 * @only_outdated: only the members who hold an earlier version and not this one
 *
 * The circulation of the child's current plan version: each member of the network, by email,
 * with the copy their audience receives. Not yet checked (rmm_store_check_circulation ()).
 *
 * Returns: (transfer full): the circulation, or %NULL with @error
 */
RmmCirculation *
rmm_store_plan_circulation (RmmStore  *self,
                            gint64     child_id,
                            gboolean   only_outdated,
                            GError   **error)
{
  g_autoptr(RmmCirculation) circulation = g_new0 (RmmCirculation, 1);
  g_autoptr(GPtrArray) network = NULL;
  g_autoptr(GHashTable) outdated = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  circulation->child_id = child_id;
  circulation->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_recipient_free);
  if (!(circulation->plan_version_id = current_plan_version (self, child_id,
                                                             &circulation->version, error)) ||
      !(network = rmm_store_list_network (self, child_id, error)) ||
      (only_outdated && !(outdated = outdated_holders (self, child_id,
                                                       circulation->plan_version_id, error))))
    return NULL;
  for (guint i = 0; i < network->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (network, i);

      if (outdated == NULL || g_hash_table_contains (outdated, &member->id))
        g_ptr_array_add (circulation->recipients, recipient_for (member));
    }
  return g_steal_pointer (&circulation);
}

/* The people invited to a meeting (not its observers), as the minutes' "network": each by
 * their attendance row, with the professional's name and email where one is on record. */
static GPtrArray *
list_invited (RmmStore  *self,
              gint64     meeting_id,
              GError   **error)
{
  g_autoptr(GPtrArray) invited = g_ptr_array_new_with_free_func (
                                   (GDestroyNotify)rmm_network_member_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
    "SELECT a.id, coalesce (a.professional_id, 0), "
    "       coalesce (nullif (p.full_name, ''), nullif (a.name, ''), g.name), g.name, "
    "       coalesce (p.email, '') "
    "FROM attendance a JOIN agency g ON g.id = a.agency_id "
    "LEFT JOIN professional p ON p.id = a.professional_id "
    "WHERE a.meeting_id = ? AND a.status <> 'observer' ORDER BY g.name, a.id", error);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      RmmNetworkMember *member = g_new0 (RmmNetworkMember, 1);

      member->id = rmm_db_stmt_get_int (stmt, 0);
      member->professional_id = rmm_db_stmt_get_int (stmt, 1);
      member->role = g_strdup ("other");
      member->audience = g_strdup ("professional");
      member->name = g_strdup (rmm_db_stmt_get_text (stmt, 2));
      member->agency = g_strdup (rmm_db_stmt_get_text (stmt, 3));
      member->email = g_strdup (rmm_db_stmt_get_text (stmt, 4));
      g_ptr_array_add (invited, member);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&invited);
}

/* Whether the meeting's minutes are signed off: only then do they go out. */
static gboolean
minutes_signed_off (RmmStore  *self,
                    gint64     meeting_id,
                    GError   **error)
{
  g_autoptr(RmmMeeting) meeting = rmm_store_get_meeting (self, meeting_id, error);

  if (meeting == NULL)
    return FALSE;
  if (rmm_meeting_get_state (meeting) != RMM_MEETING_STATUS_SIGNED_OFF)
    return fail (error, _("The minutes of this meeting are not signed off yet: they go out "
                          "once both chairs have signed them off."));
  return TRUE;
}

/**
 * rmm_store_minutes_circulation:
 *
 * The circulation of a meeting's signed-off minutes: everyone invited (present, apologies or
 * information sent; not observers), by email, the full minutes. Not yet checked.
 *
 * Returns: (transfer full): the circulation, or %NULL with @error (the minutes not signed
 *   off, say)
 */
RmmCirculation *
rmm_store_minutes_circulation (RmmStore  *self,
                               gint64     meeting_id,
                               GError   **error)
{
  g_autoptr(RmmCirculation) circulation = g_new0 (RmmCirculation, 1);
  g_autoptr(GPtrArray) invited = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  circulation->meeting_id = meeting_id;
  circulation->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_recipient_free);
  if (!minutes_signed_off (self, meeting_id, error) ||
      !(invited = list_invited (self, meeting_id, error)))
    return NULL;
  for (guint i = 0; i < invited->len; i++)
    {
      RmmRecipient *recipient = recipient_for (g_ptr_array_index (invited, i));

      g_free (recipient->document);
      recipient->document = g_strdup ("minutes");
      g_ptr_array_add (circulation->recipients, recipient);
    }
  return g_steal_pointer (&circulation);
}

/* Every child's family's contact, as the networks stand (not a professional who is sent the
 * family's copy: they are sent the minutes too). */
static GPtrArray *
list_family_members (RmmStore  *self,
                     GError   **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT n.id, n.child_id, coalesce (n.professional_id, 0), "
                                    "       n.role, n.audience, coalesce (p.full_name, n.name), "
                                    "       coalesce (g.name, ''), coalesce (p.email, n.email) "
                                    "FROM network_member n "
                                    "LEFT JOIN professional p ON p.id = n.professional_id "
                                    "LEFT JOIN agency g ON g.id = p.agency_id "
                                    "WHERE n.role = 'family' AND n.removed_at IS NULL",
                                    error);

  if (stmt == NULL)
    return NULL;
  return rmm_store_collect_rows (stmt, member_from_row,
                                 (GDestroyNotify)rmm_network_member_free, error);
}

/* Whether @address is that of any child's family's contact: a professional given a family's
 * address (by mistake, or to get round the rule) must not carry a professional document
 * home — a plan, the minutes, the county's CSE list. */
static gboolean
is_family_address (GPtrArray  *families,
                   const char *address)
{
  for (guint i = 0; i < families->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (families, i);

      if (*member->email && g_ascii_strcasecmp (member->email, address) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Why @recipient cannot have their copy, or NULL: checked against the child's @network (or
 * those invited to the meeting) as it stands and the @allowed domains. */
static char *
why_not_send (const RmmRecipient *recipient,
              GPtrArray          *network,
              GPtrArray          *families,
              const char * const *allowed,
              gboolean           *outside)
{
  const RmmNetworkMember *member = NULL;
  const char *why;
  gboolean family_copy = g_strcmp0 (recipient->document, "family-plan") == 0;

  *outside = FALSE;
  for (guint i = 0; i < network->len && member == NULL; i++)
    if (((RmmNetworkMember *)g_ptr_array_index (network, i))->id == recipient->member_id)
      member = g_ptr_array_index (network, i);
  if (member == NULL)
    return g_strcmp0 (recipient->document, "minutes") == 0
           ? g_strdup (_("not invited to the meeting: its minutes go only to those invited"))
           : g_strcmp0 (recipient->document, "cse-list") == 0
           ? g_strdup (_("not on the CSE list’s distribution: the list goes only to those on it"))
           : g_strdup (_("not in the child’s network: a plan goes only to the people in it"));
  if (family_copy != g_str_equal (member->audience, "family"))
    return g_strdup (family_copy ? _("receives the professional plan, not the family’s copy")
                                 : _("receives the family’s copy, not the professional plan"));
  if (g_strcmp0 (recipient->channel, "email") != 0)
    return g_strcmp0 (recipient->channel, "handed-over") == 0 ||
           g_strcmp0 (recipient->channel, "posted") == 0
           ? NULL : g_strdup (_("a copy goes by email, or is handed over or posted"));
  if ((why = rmm_address_why_not_email (recipient->recipient)) != NULL)
    return recipient->recipient == NULL || *recipient->recipient == '\0'
           ? g_strdup (_("no email address recorded: add one, or hand the copy over"))
           : g_strdup_printf (_("“%s” is not an email address: %s"), recipient->recipient, why);
  if (g_ascii_strcasecmp (recipient->recipient, member->email) != 0)
    return g_strdup (_("not the address the network has for them"));
  if (!family_copy && is_family_address (families, recipient->recipient))
    return g_strdup (g_str_equal (recipient->document, "professional-plan")
                     ? _("the family’s contact’s address: the professional plan never goes "
                         "there, whatever the reason")
                     : _("a child’s family contact’s address: the minutes and the CSE list "
                         "never go there, whatever the reason"));
  *outside = !rmm_address_is_allowed (recipient->recipient, allowed);
  if (*outside && (recipient->outside_reason == NULL || *recipient->outside_reason == '\0'))
    return g_strdup (_("outside the allowed domains: give a reason to send it all the same"));
  if (*outside && (g_utf8_strlen (recipient->outside_reason, -1) > REASON_MAX_CHARS ||
                   rmm_text_find_control (recipient->outside_reason, FALSE, NULL) != 0))
    return g_strdup (_("the reason is at most 500 characters, on one line"));
  return NULL;
}

/**
 * rmm_store_check_circulation:
 *
 * Checks each copy against the child's network as it stands and the allowed domains,
 * setting each recipient's problem (or clearing it) and whether their address is outside
 * the allowed domains.
 *
 * Returns: %TRUE when every copy may go; %FALSE with @error when one may not (each says
 *   why in its problem) or the record could not be read
 */
gboolean
rmm_store_check_circulation (RmmStore        *self,
                             RmmCirculation  *circulation,
                             GError         **error)
{
  g_autoptr(GPtrArray) network = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_auto(GStrv) allowed = NULL;
  guint refused = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (circulation != NULL, FALSE);

  network = circulation->list_as_at != NULL
            ? rmm_store_list_cse_distribution (self, error)
            : circulation->meeting_id != 0
            ? list_invited (self, circulation->meeting_id, error)
            : rmm_store_list_network (self, circulation->child_id, error);
  if (network == NULL || !(families = list_family_members (self, error)) ||
      !(allowed = rmm_store_list_allowed_domains (self, error)))
    return FALSE;
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);

      g_free (recipient->problem);
      recipient->problem = why_not_send (recipient, network, families,
                                         (const char * const *)allowed, &recipient->outside);
      refused += recipient->problem != NULL;
    }
  if (refused > 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u copy cannot go; nothing was sent.",
                                "%u copies cannot go; nothing was sent.", refused), refused);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_copy (RmmStore             *self,
             const RmmCirculation *circulation,
             const RmmRecipient   *recipient,
             const char           *now,
             GError              **error)
{
  gboolean family = g_str_equal (recipient->document, "family-plan");
  gboolean by_email = g_str_equal (recipient->channel, "email");
  /* The minutes' recipients are attendance rows, the list's its distribution's: not
   * network members. */
  gboolean network = circulation->meeting_id == 0 && circulation->list_as_at == NULL;
  RmmField fields[] = {
    RMM_TEXT ("document", recipient->document),
    RMM_REF ("child_id", circulation->child_id),
    RMM_REF ("plan_version_id", circulation->plan_version_id),
    RMM_REF ("meeting_id", circulation->meeting_id),
    RMM_TEXT ("list_as_at", circulation->list_as_at),
    RMM_TEXT ("audience", family ? "family" : "professional"),
    RMM_REF ("network_member_id", network ? recipient->member_id : 0),
    RMM_TEXT ("recipient", by_email ? recipient->recipient : recipient->name),
    RMM_TEXT ("channel", recipient->channel),
    RMM_TEXT ("outside_reason", recipient->outside ? recipient->outside_reason : ""),
    RMM_TEXT ("circulated_at", now),
    RMM_TEXT ("circulated_by", rmm_store_get_actor (self)),
  };

  return rmm_store_insert (self, "circulation", fields, G_N_ELEMENTS (fields), error) != 0;
}

/* The document is still the one prepared: the plan has no newer version; the minutes are
 * still signed off. */
static gboolean
still_current (RmmStore        *self,
               RmmCirculation  *circulation,
               GError         **error)
{
  guint version = 0;
  gint64 current;

  if (circulation->list_as_at != NULL)
    return TRUE;    /* a day's list is that day's, whenever it goes */
  if (circulation->meeting_id != 0)
    return minutes_signed_off (self, circulation->meeting_id, error);
  current = current_plan_version (self, circulation->child_id, &version, error);
  if (current != 0 && current != circulation->plan_version_id)
    fail (error, _("The plan has a newer version since this circulation was prepared: "
                   "prepare it again."));
  return current != 0 && current == circulation->plan_version_id;
}

/**
 * rmm_store_record_circulation:
 *
 * Records every copy of the circulation as sent, in one transaction: checked again first
 * (rmm_store_check_circulation ()), and refused whole if one copy may not go, the plan has
 * had a newer version meanwhile, or the minutes are no longer signed off. Each copy is an audit event.
 */
gboolean
rmm_store_record_circulation (RmmStore        *self,
                              RmmCirculation  *circulation,
                              GError         **error)
{
  g_autofree char *now = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (circulation != NULL, FALSE);

  if (circulation->recipients->len == 0)
    return fail (error, _("No one to circulate the document to."));
  if (!rmm_store_begin (self, error))
    return FALSE;
  if (!still_current (self, circulation, error) ||
      !rmm_store_check_circulation (self, circulation, error))
    {
      rmm_store_rollback (self);
      return FALSE;
    }
  now = rmm_store_now (self);
  /* The first copy that cannot be recorded (a login the server does not let circulate, a
   * full disk) says why, and none is. */
  for (guint i = 0; i < circulation->recipients->len && ok; i++)
    ok = insert_copy (self, circulation, g_ptr_array_index (circulation->recipients, i), now,
                      error);
  return rmm_store_end (self, ok, ok ? error : NULL);
}

/* ---- the record ---- */

static gpointer
record_from_row (RmmDbStmt *stmt)
{
  RmmCirculationRecord *record = g_new0 (RmmCirculationRecord, 1);

  record->id = rmm_db_stmt_get_int (stmt, 0);
  record->document = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  record->child_id = rmm_db_stmt_get_int (stmt, 2);
  record->reference = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  record->version = rmm_db_stmt_get_int (stmt, 4);
  record->meeting_id = rmm_db_stmt_get_int (stmt, 5);
  record->recipient = g_strdup (rmm_db_stmt_get_text (stmt, 6));
  record->channel = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  record->outside_reason = g_strdup (rmm_db_stmt_get_text (stmt, 8));
  record->circulated_at = g_strdup (rmm_db_stmt_get_text (stmt, 9));
  record->circulated_by = g_strdup (rmm_db_stmt_get_text (stmt, 10));
  record->outdated = rmm_db_stmt_get_int (stmt, 11) != 0;
  record->list_as_at = g_strdup (rmm_db_stmt_get_text (stmt, 12));
  return record;
}

/**
 * rmm_store_list_circulation:
 * @child_id: one child's (0: any)
 * @meeting_id: one meeting's (0: any)
 *
 * The copies that went out, oldest first. A plan's copy is outdated when the child's plan
 * has a newer version that recipient has not been sent: they hold an old plan.
 *
 * Returns: (transfer full): #RmmCirculationRecord rows, or %NULL with @error
 */
GPtrArray *
rmm_store_list_circulation (RmmStore  *self,
                            gint64     child_id,
                            gint64     meeting_id,
                            GError   **error)
{
  /* Each on its own index: one query with "?1 = 0 OR …" read every copy ever recorded to
   * list one child's. */
  const char *where = child_id != 0 && meeting_id != 0
                      ? "WHERE c.child_id = ?1 AND c.meeting_id = ?2 "
                      : child_id != 0 ? "WHERE c.child_id = ?1 AND ?2 = 0 "
                      : meeting_id != 0 ? "WHERE ?1 = 0 AND c.meeting_id = ?2 "
                      : "WHERE ?1 = 0 AND ?2 = 0 ";
  g_autofree char *sql = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  sql = g_strconcat (
    "SELECT c.id, c.document, coalesce (c.child_id, 0), coalesce (k.reference, ''), "
    "       coalesce (v.version, 0), coalesce (c.meeting_id, 0), c.recipient, c.channel, "
    "       c.outside_reason, c.circulated_at, c.circulated_by, "
    "       CASE WHEN c.plan_version_id IS NULL THEN 0 "
    /* A closed plan has no newer version: its copies are not outdated, only closed. */
    "            WHEN (" CURRENT_PLAN_VERSION_SQL ("c.child_id") ") IS NULL THEN 0 "
    "            WHEN EXISTS (SELECT 1 FROM circulation n WHERE n.child_id = c.child_id "
    "                         AND n.recipient = c.recipient AND n.document = c.document "
    "                         AND n.plan_version_id = (" CURRENT_PLAN_VERSION_SQL ("c.child_id") ")) "
    "            THEN 0 "
    "            WHEN c.plan_version_id = (" CURRENT_PLAN_VERSION_SQL ("c.child_id") ") "
    "            THEN 0 ELSE 1 END, coalesce (c.list_as_at, '') "
    "FROM circulation c LEFT JOIN child k ON k.id = c.child_id "
    "LEFT JOIN safety_plan_version v ON v.id = c.plan_version_id ",
    where, "ORDER BY c.circulated_at, c.id", NULL);
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_int (stmt, 2, meeting_id);
  return rmm_store_collect_rows (stmt, record_from_row,
                                 (GDestroyNotify)rmm_circulation_record_free, error);
}
