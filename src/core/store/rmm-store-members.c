/* rmm-store-members.c: who works on which area on a shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A membership is a row of area_member, granted in one transaction with the login's
 * membership of the role's group (rmm_chair…) and its entry to this database; revoking the
 * login's last membership here lets it out of this database (roles are the whole server's, and
 * stay for its other databases). Each row's change is in the audit trail like any other; a
 * membership is revoked (its revoked_at set), never deleted.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-area.h"
#include "rmm-error.h"
#include "rmm-store-members.h"
#include "rmm-store-people.h"
#include "rmm-store-private.h"

static const struct
{
  const char *role;
  const char *group;       /* the server's group role */
  const char *described;
} roles[] = {
  { "admin", "rmm_admin", N_("an administrator") },
  { "chair", "rmm_chair", N_("a chair") },
  { "minute-taker", "rmm_minute_taker", N_("a minute-taker") },
  { "police", "rmm_police", N_("a police officer") },
  { "oversight", "rmm_oversight", N_("the board’s oversight") },
};

void
rmm_area_member_free (RmmAreaMember *member)
{
  if (member == NULL)
    return;
  g_free (member->login);
  g_free (member->role);
  g_free (member->area);
  g_free (member->granted_at);
  g_free (member);
}

static const char *
group_of (const char  *role,
          GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (role, roles[i].role))
      return roles[i].group;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("There is no role “%s”: it is admin, chair, minute-taker, police or "
                 "oversight."), role);
  return NULL;
}

static gboolean
is_named (const char  *login,
          GError     **error)
{
  if (*login != '\0')
    return TRUE;
  g_set_error_literal (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("Name the login: it is empty."));
  return FALSE;
}

/* “a chair”: the role as said in a sentence. */
const char *
rmm_area_role_describe (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (role, roles[i].role))
      return _(roles[i].described);
  return role;
}

/* The ids of @areas by name, all found, or NULL with the first one not. */
static GArray *
find_areas (RmmStore            *self,
            const char * const  *areas,
            GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (areas == NULL || areas[0] == NULL)
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_INVALID,
                           _("A login works on the children of some areas: name at least one "
                             "with --area."));
      return NULL;
    }
  for (guint i = 0; areas[i] != NULL; i++)
    {
      g_autoptr(RmmArea) area = rmm_store_find_area (self, areas[i], error);
      gint64 id;

      if (area == NULL)
        return NULL;
      id = rmm_area_get_id (area);
      for (guint j = 0; j < ids->len && id != 0; j++)
        if (g_array_index (ids, gint64, j) == id)
          id = 0;                                  /* named twice: once is enough */
      if (id != 0)
        g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* The first column of the bound @stmt's first row, as an integer: 0 if it has no row, -1 with
 * @error if the step failed. */
static gint64
step_int (RmmDbStmt  *stmt,
          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value = 0;

  if (rmm_db_stmt_step (stmt, &local_error))
    value = rmm_db_stmt_get_int (stmt, 0);
  rmm_db_stmt_reset (stmt);
  if (local_error == NULL)
    return value;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

/* The id of @login's current membership as @role in @area, 0 if none, or -1. */
static gint64
current_membership (RmmStore    *self,
                    const char  *login,
                    const char  *role,
                    gint64       area_id,
                    GError     **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT id FROM area_member WHERE login = ? AND role = ? "
                                    "AND area_id = ? AND revoked_at IS NULL", error);

  if (stmt == NULL)
    return -1;
  rmm_db_stmt_bind_text (stmt, 1, login);
  rmm_db_stmt_bind_text (stmt, 2, role);
  rmm_db_stmt_bind_int (stmt, 3, area_id);
  return step_int (stmt, error);
}

static gboolean
grant_areas (RmmStore    *self,
             const char  *login,
             const char  *role,
             GArray      *area_ids,
             GError     **error)
{
  g_autofree char *now = rmm_store_now (self);

  for (guint i = 0; i < area_ids->len; i++)
    {
      gint64 area_id = g_array_index (area_ids, gint64, i);
      RmmField fields[] = {
        RMM_TEXT ("login", login), RMM_TEXT ("role", role), RMM_REF ("area_id", area_id),
        RMM_TEXT ("granted_at", now),
      };
      gint64 found = current_membership (self, login, role, area_id, error);

      if (found < 0)
        return FALSE;
      if (found == 0 && !rmm_store_insert (self, "area_member", fields, G_N_ELEMENTS (fields),
                                           error))
        return FALSE;
    }
  return rmm_db_admit_login (rmm_store_get_db (self), login, group_of (role, NULL), error);
}

/**
 * rmm_store_grant_role:
 * @role: "admin", "chair", "minute-taker", "police" or "oversight"
 * @areas: the names of the areas, at least one
 *
 * Makes the server's @login @role of @areas, all or nothing; a membership it has already is
 * kept as it is. Only the database's owner may.
 */
/* Granting and revoking are the database owner's (the server refuses anyone else): said
 * before any area is looked up, as a login finds only its own areas. */
static gboolean
may_grant (RmmStore  *self,
           GError   **error)
{
  if (rmm_store_sees_everything (self))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
               _("The server does not allow this login (“%s”) to do that."),
               rmm_store_get_actor (self));
  return FALSE;
}

gboolean
rmm_store_grant_role (RmmStore            *self,
                      const char          *login,
                      const char          *role,
                      const char * const  *areas,
                      GError             **error)
{
  g_autoptr(GArray) area_ids = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (login != NULL && role != NULL, FALSE);

  if (!is_named (login, error) || group_of (role, error) == NULL || !may_grant (self, error) ||
      !(area_ids = find_areas (self, areas, error)))
    return FALSE;
  if (!rmm_store_begin (self, error))
    return FALSE;
  return rmm_store_end (self, grant_areas (self, login, role, area_ids, error), error);
}

/* Whether ending @membership would leave its area, while one of its meetings is open, with no
 * chair: then it is refused. */
static gboolean
leaves_open_meeting_without_chair (RmmStore  *self,
                                   gint64     area_id,
                                   GError   **error)
{
  return rmm_store_query_int (self,
                              "SELECT EXISTS (SELECT 1 FROM meeting WHERE area_id = ?1 "
                              "               AND status = 'open') "
                              "AND NOT EXISTS (SELECT 1 FROM area_member WHERE area_id = ?1 "
                              "                AND role = 'chair' AND revoked_at IS NULL)",
                              area_id, error) != 0;
}

static gboolean
revoke_membership (RmmStore    *self,
                   gint64       id,
                   const char  *login,
                   gint64       area_id,
                   gboolean     chair,
                   GError     **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmField fields[] = { RMM_TEXT ("revoked_at", now) };
  g_autoptr(GError) local_error = NULL;

  if (!rmm_store_update (self, "area_member", id, fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (chair && leaves_open_meeting_without_chair (self, area_id, &local_error))
    {
      g_autofree char *area = rmm_store_query_text (self, "SELECT name FROM area WHERE id = ?",
                                                    N_("area"), area_id, NULL);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is the last chair of %s, which has a meeting open: grant another "
                     "chair first."), login, area ? area : "");
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* How many memberships @login has in this database now, of any role, or -1. */
static gint64
count_memberships (RmmStore    *self,
                   const char  *login,
                   GError     **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT count(*) FROM area_member WHERE login = ? AND "
                                    "revoked_at IS NULL", error);

  if (stmt == NULL)
    return -1;
  rmm_db_stmt_bind_text (stmt, 1, login);
  return step_int (stmt, error);
}

static gboolean
revoke_areas (RmmStore    *self,
              const char  *login,
              const char  *role,
              GArray      *area_ids,
              GError     **error)
{
  RmmDbStmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gint64 left;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id, area_id FROM area_member WHERE login = ? AND "
                               "role = ? AND revoked_at IS NULL ORDER BY id", error)))
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, login);
  rmm_db_stmt_bind_text (stmt, 2, role);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 id = rmm_db_stmt_get_int (stmt, 0);
      gint64 area_id = rmm_db_stmt_get_int (stmt, 1);
      gboolean wanted = area_ids == NULL;

      for (guint i = 0; area_ids != NULL && i < area_ids->len; i++)
        wanted |= g_array_index (area_ids, gint64, i) == area_id;
      if (wanted)
        {
          g_array_append_val (ids, id);
          g_array_append_val (areas, area_id);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (area_ids == NULL && ids->len == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("“%s” is not %s of any area: nothing was revoked."), login,
                   rmm_area_role_describe (role));
      return FALSE;
    }
  if (area_ids != NULL && ids->len < area_ids->len)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("“%s” is not %s of every area named: nothing was revoked."), login,
                   rmm_area_role_describe (role));
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!revoke_membership (self, g_array_index (ids, gint64, i), login,
                            g_array_index (areas, gint64, i), g_str_equal (role, "chair"),
                            error))
      return FALSE;

  /* With its last membership here the login is let out of this database (its roles are the
   * server's, kept for its other databases). */
  left = count_memberships (self, login, error);
  if (left < 0)
    return FALSE;
  return left > 0 || rmm_db_admit_login (rmm_store_get_db (self), login, NULL, error);
}

/**
 * rmm_store_revoke_role:
 * @areas: (nullable): the names of the areas, or %NULL for every one
 *
 * Ends @login's membership as @role of @areas, all or nothing; with its last area, its
 * membership of the role's group on the server. The last chair of an area with a meeting
 * open is kept (refused).
 */
gboolean
rmm_store_revoke_role (RmmStore            *self,
                       const char          *login,
                       const char          *role,
                       const char * const  *areas,
                       GError             **error)
{
  g_autoptr(GArray) area_ids = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (login != NULL && role != NULL, FALSE);

  if (!is_named (login, error) || group_of (role, error) == NULL || !may_grant (self, error))
    return FALSE;
  if (areas != NULL && areas[0] != NULL && !(area_ids = find_areas (self, areas, error)))
    return FALSE;
  if (!rmm_store_begin (self, error))
    return FALSE;
  return rmm_store_end (self, revoke_areas (self, login, role, area_ids, error), error);
}

static gpointer
member_from_row (RmmDbStmt *stmt)
{
  RmmAreaMember *member = g_new0 (RmmAreaMember, 1);

  member->login = rmm_db_stmt_dup_text (stmt, 0);
  member->role = rmm_db_stmt_dup_text (stmt, 1);
  member->area = rmm_db_stmt_dup_text (stmt, 2);
  member->granted_at = rmm_db_stmt_dup_text (stmt, 3);
  return member;
}

/* Every current membership, by login, role and area. */
GPtrArray *
rmm_store_list_members (RmmStore  *self,
                        GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT m.login, m.role, a.name, m.granted_at FROM area_member m "
                         "JOIN area a ON a.id = m.area_id WHERE m.revoked_at IS NULL "
                         "ORDER BY m.login, m.role, a.name", error);
  if (stmt == NULL)
    return NULL;
  return rmm_store_collect_rows (stmt, member_from_row, (GDestroyNotify)rmm_area_member_free,
                                 error);
}

/**
 * rmm_store_set_two_logins:
 * @on: whether a decision's two confirmations must come from two logins, each a chair of the
 *   child's area (the server refuses any other)
 *
 * An installation's setting, the database owner's alone (a login is refused by the server);
 * in the audit trail. A file has one user: refused.
 */
gboolean
rmm_store_set_two_logins (RmmStore  *self,
                          gboolean   on,
                          GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_db_has_logins (rmm_store_get_db (self), error))
    return FALSE;
  return rmm_store_set_info (self, "two-logins", on ? "on" : "off", error);
}

gboolean
rmm_store_get_two_logins (RmmStore *self)
{
  g_autofree char *value = rmm_store_get_info (self, "two-logins");

  return g_strcmp0 (value, "on") == 0;
}
