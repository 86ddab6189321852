/* rmm-store-rights.c: what this login may see and change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a server a login works on some areas, in a role in each ("rmmctl server grant"), and
 * the server's row policies keep it to what that role may see and change. The window asks
 * here first, so that what a login may not do is not offered, or is offered insensitive with
 * the reason (the README's table, "changes"); these are the same rules, read from the
 * memberships the policies read. On a file, its one user may do everything.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-store-private.h"
#include "rmm-store-rights.h"

/* The roles that hold each right, and what the window says to a login that holds none of
 * them in the area (%s). Unused places are NULL. */
static const struct
{
  const char *roles[3];
  const char *why_not;
} rights[] = {
  [RMM_RIGHT_REFER] = { { "chair", "admin" },
                        N_("Only an administrator or a chair of %s can record referrals and "
                           "children’s details.") },
  [RMM_RIGHT_SCHEDULE] = { { "chair", "admin" },
                           N_("Only an administrator or a chair of %s can schedule its "
                              "meetings and their agendas.") },
  [RMM_RIGHT_MINUTE] = { { "chair", "minute-taker" },
                         N_("Only a minute-taker or a chair of %s can record a meeting’s "
                            "attendance and minutes.") },
  [RMM_RIGHT_DECIDE] = { { "chair" },
                         N_("Only a chair of %s can record decisions and plans.") },
  [RMM_RIGHT_NOTE] = { { "chair", "admin", "police" },
                       N_("Only an administrator, the police or a chair of %s can record "
                          "information.") },
  [RMM_RIGHT_CIRCULATE] = { { "chair", "admin" },
                            N_("Only an administrator or a chair of %s can keep a child’s "
                               "network and circulate their plan.") },
};

static const char * const chairs[3] = { "chair" };
static const char * const police_or_chairs[3] = { "police", "chair" };

/* The first column of the bound @stmt's first row, as an integer: 0 if it has none or the
 * step failed (may not). */
static gint64
step_int (RmmDbStmt *stmt)
{
  gint64 value = rmm_db_stmt_step (stmt, NULL) ? rmm_db_stmt_get_int (stmt, 0) : 0;

  rmm_db_stmt_reset (stmt);
  return value;
}

/* Whether this login holds one of @roles in the area @sql finds from @id (its one
 * placeholder); the area's name in @area. */
static gboolean
holds_role (RmmStore           *self,
            const char         *sql,
            gint64              id,
            const char * const  roles[3],
            char              **area)
{
  g_autofree char *query = g_strconcat ("SELECT a.name, EXISTS (SELECT 1 FROM area_member m "
                                        "  WHERE m.login = ? AND m.role IN (?, ?, ?) "
                                        "  AND m.area_id = a.id AND m.revoked_at IS NULL) ",
                                        sql, NULL);
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), query, NULL);
  gboolean holds = FALSE;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, rmm_store_get_actor (self));
  for (int i = 0; i < 3; i++)
    rmm_db_stmt_bind_text (stmt, 2 + i, roles[i] ? roles[i] : "");
  rmm_db_stmt_bind_int (stmt, 5, id);
  if (rmm_db_stmt_step (stmt, NULL))
    {
      *area = rmm_db_stmt_dup_text (stmt, 0);
      holds = rmm_db_stmt_get_int (stmt, 1) != 0;
    }
  rmm_db_stmt_reset (stmt);
  return holds;
}

#define CHILDS_AREA "FROM child c JOIN area a ON a.id = c.area_id WHERE c.id = ?"

static gboolean
holds_role_in_childs_area (RmmStore           *self,
                           gint64              child_id,
                           const char * const  roles[3],
                           char              **area)
{
  return holds_role (self, CHILDS_AREA, child_id, roles, area);
}

/* On a file, or as the server's owner, every right. */
static gboolean
has_every_right (RmmStore *self)
{
  return !rmm_db_has_logins (rmm_store_get_db (self), NULL) || rmm_store_sees_everything (self);
}

static char *
why_not (RmmRight    right,
         const char *area)
{
  return g_strdup_printf (_(rights[right].why_not), area ? area : "");
}

/* Why this login may not do @right in the area @sql finds from @id; NULL when it may. */
static char *
why_not_where (RmmStore   *self,
               RmmRight    right,
               const char *sql,
               gint64      id)
{
  g_autofree char *area = NULL;

  if (has_every_right (self) || holds_role (self, sql, id, rights[right].roles, &area))
    return NULL;
  return why_not (right, area);
}

/**
 * rmm_store_why_not_in_area:
 * @right: what the login would do
 * @area_id: in which area
 *
 * Returns: (nullable): why this login may not, one sentence for the window to show (“Only a
 *   chair of Ashdown North can record decisions and plans.”); %NULL when it may
 */
char *
rmm_store_why_not_in_area (RmmStore *self,
                           RmmRight  right,
                           gint64    area_id)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (right < G_N_ELEMENTS (rights), NULL);

  return why_not_where (self, right, "FROM area a WHERE a.id = ?", area_id);
}

/**
 * rmm_store_why_not_in_meeting:
 * @right: what the login would do
 * @meeting_id: at which meeting (in its area)
 *
 * Returns: (nullable): why this login may not, one sentence; %NULL when it may
 */
char *
rmm_store_why_not_in_meeting (RmmStore *self,
                              RmmRight  right,
                              gint64    meeting_id)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (right < G_N_ELEMENTS (rights), NULL);

  return why_not_where (self, right,
                        "FROM meeting g JOIN area a ON a.id = g.area_id WHERE g.id = ?",
                        meeting_id);
}

/**
 * rmm_store_why_not_for_child:
 * @right: what the login would do
 * @child_id: about which child (in the child's area)
 *
 * Returns: (nullable): why this login may not, one sentence; %NULL when it may
 */
char *
rmm_store_why_not_for_child (RmmStore *self,
                             RmmRight  right,
                             gint64    child_id)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (right < G_N_ELEMENTS (rights), NULL);

  return why_not_where (self, right, CHILDS_AREA, child_id);
}

/**
 * rmm_store_sees_everything:
 *
 * Whether this login sees the whole record: a file's user, a server's owner (whom the row
 * policies do not bind). Any other login on a server sees its areas' children.
 */
gboolean
rmm_store_sees_everything (RmmStore *self)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT sees_everything FROM this_login", NULL);

  return stmt != NULL && step_int (stmt) > 0;
}

/**
 * rmm_store_may_see_looks:
 *
 * Whether this login is shown who looked at @child_id's record: on a file, its one user; on
 * a server, its owner and a chair of the child's area.
 */
gboolean
rmm_store_may_see_looks (RmmStore *self,
                         gint64    child_id)
{
  g_autofree char *area = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return rmm_store_sees_everything (self) ||
         holds_role_in_childs_area (self, child_id, chairs, &area);
}

/**
 * rmm_store_may_see_police:
 *
 * Whether this login sees police-sensitive information and disruption about @child_id, and
 * may record them: on a file, its one user; on a server, its owner, and police or a chair of
 * the child's area (the server's row policies hold the same rule).
 */
gboolean
rmm_store_may_see_police (RmmStore *self,
                          gint64    child_id)
{
  g_autofree char *area = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return rmm_store_sees_everything (self) ||
         holds_role_in_childs_area (self, child_id, police_or_chairs, &area);
}

/* Whether this login gave the other chair's confirmation of @decision_id. */
static gboolean
confirmed_other_slot (RmmStore  *self,
                      gint64     decision_id,
                      int        slot)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    slot == 1
                                      ? "SELECT chair2_confirmed_at IS NOT NULL AND "
                                        "chair2_login = ? FROM decision WHERE id = ?"
                                      : "SELECT chair1_confirmed_at IS NOT NULL AND "
                                        "chair1_login = ? FROM decision WHERE id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, rmm_store_get_actor (self));
  rmm_db_stmt_bind_int (stmt, 2, decision_id);
  return step_int (stmt) > 0;
}

/**
 * rmm_store_why_not_confirm:
 * @child_id: whose decision
 * @decision_id: the proposal, or 0 for one not yet made
 * @slot: the chair whose confirmation: 1 or 2
 *
 * What the window says, before the server would refuse, of a confirmation this login may not
 * give: only on a server set to two logins (each chair confirms from their own, a chair of
 * the child's area).
 *
 * Returns: (nullable): why not, a sentence; %NULL when it may
 */
char *
rmm_store_why_not_confirm (RmmStore *self,
                           gint64    child_id,
                           gint64    decision_id,
                           int       slot)
{
  g_autofree char *area = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!rmm_db_has_logins (rmm_store_get_db (self), NULL) || !rmm_store_get_two_logins (self))
    return NULL;
  if (!holds_role_in_childs_area (self, child_id, chairs, &area))
    return g_strdup_printf (_("Only a chair of %s can confirm a decision."), area ? area : "");
  if (decision_id != 0 && confirmed_other_slot (self, decision_id, slot))
    return g_strdup (_("You confirmed as the other chair: with two logins, each chair confirms "
                       "from their own."));
  return NULL;
}

/**
 * rmm_store_holds_right_anywhere:
 * @right: what the login would do
 *
 * Whether this login may do @right in at least one area: the window's own actions (a new
 * referral, an import, scheduling) are offered only then.
 */
gboolean
rmm_store_holds_right_anywhere (RmmStore *self,
                                RmmRight  right)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (right < G_N_ELEMENTS (rights), FALSE);

  if (has_every_right (self))
    return TRUE;
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT EXISTS (SELECT 1 FROM area_member m WHERE m.login = ? "
                         "AND m.role IN (?, ?, ?) AND m.revoked_at IS NULL)", NULL);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, rmm_store_get_actor (self));
  for (int i = 0; i < 3; i++)
    rmm_db_stmt_bind_text (stmt, 2 + i, rights[right].roles[i] ? rights[right].roles[i] : "");
  return step_int (stmt) > 0;
}
