/* rmm-store-plans.c: what a confirmed rating sets in motion, and the CSE safety plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

#define MEETS_ON_SQL "SELECT meets_on FROM meeting WHERE id = ?"

/* The rule id of the strategy-meeting trigger a rating raises. */
#define RATING_TRIGGER_RULE "rating-high"

/* The id of the child's open plan: 0 if none, -1 on error. */
gint64
rmm_store_find_open_plan (RmmStore  *self,
                          gint64     child_id,
                          GError   **error)
{
  return rmm_store_query_int (self, "SELECT coalesce(max(id), 0) FROM safety_plan "
                                    "WHERE child_id = ? AND closed_on IS NULL", child_id, error);
}

/* The child's open plan, opened now if there is none (a chair may start a plan at any
 * rating); 0 on error. */
static gint64
open_plan (RmmStore     *self,
           gint64        child_id,
           const char   *day,
           GError      **error)
{
  gint64 id = rmm_store_find_open_plan (self, child_id, error);
  RmmField fields[] = {
    RMM_REF ("child_id", child_id),
    RMM_TEXT ("opened_on", day),
  };

  if (id != 0)
    return MAX (id, 0);
  return rmm_store_insert (self, "safety_plan", fields, G_N_ELEMENTS (fields), error);
}

/* The rating that stood before @decision_id was confirmed ('' if none). */
static char *
previous_rating (RmmStore  *self,
                 gint64     child_id,
                 gint64     decision_id,
                 GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  char *value;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT d.value FROM decision d "
                         "WHERE d.child_id = ? AND d.kind = 'risk-rating' "
                         "  AND d.status = 'confirmed' AND d.id <> ? "
                         "  AND NOT EXISTS (SELECT 1 FROM decision s WHERE s.supersedes_id = d.id "
                         "                  AND s.status = 'confirmed' AND s.id <> ?) "
                         "ORDER BY d.proposed_at DESC, d.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_int (stmt, 2, decision_id);
  rmm_db_stmt_bind_int (stmt, 3, decision_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error == NULL)
        return g_strdup ("");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  value = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);
  return value;
}

/* A level that needs a multi-agency strategy meeting raises the trigger when it is first
 * given or reached from below (a correction counts from the rating it corrects); confirming
 * the same level again raises nothing new. */
static gboolean
raise_trigger_if_needed (RmmStore                  *self,
                         const RmmConfirmedRating  *rating,
                         const RmmRiskLevel        *level,
                         RmmFramework              *framework,
                         GError                   **error)
{
  g_autofree char *previous = NULL;
  g_autofree char *now = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *facts = NULL;

  if (!level->strategy_meeting_required)
    return TRUE;
  if (!(previous = previous_rating (self, rating->child_id, rating->decision_id, error)))
    return FALSE;
  if (*previous != '\0' && rmm_framework_compare (framework, rating->value, previous) <= 0)
    return TRUE;

  now = rmm_store_now (self);
  reason = g_strdup_printf (_("Rating confirmed at %s, which needs a multi-agency strategy "
                              "meeting."), level->label);
  facts = g_strdup_printf ("decision:%" G_GINT64_FORMAT, rating->decision_id);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", rating->child_id),
      RMM_TEXT ("rule_id", RATING_TRIGGER_RULE),
      RMM_TEXT ("raised_at", now),
      RMM_TEXT ("raised_by", "rules"),
      RMM_TEXT ("reason", reason),
      RMM_TEXT ("facts", facts),
    };

    return rmm_store_insert (self, "strategy_trigger", fields, G_N_ELEMENTS (fields),
                             error) != 0;
  }
}

/* The area's framework applies its consequences the moment a rating stands: a plan (and
 * so the CSE list) for the levels that need one, and the strategy-meeting trigger. Low
 * levels held at Early Help need nothing written: the agenda and the lead-agency decision
 * follow from the rating. Runs inside the confirming transaction; a level with no
 * consequence costs nothing. */
gboolean
rmm_store_apply_rating (RmmStore                  *self,
                        const RmmConfirmedRating  *rating,
                        GError                   **error)
{
  RmmFramework *framework = rmm_framework_lookup (rating->framework_id);
  const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework, rating->value)
                                        : NULL;

  if (level == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK,
                   _("The area’s framework (%s) has no rating “%s”."),
                   rating->framework_id, rating->value);
      return FALSE;
    }
  /* A level that needs a plan opens one (the child is then on the CSE list); its first
   * version, written at the meeting, says what it holds and when it is reviewed. */
  return (!level->safety_plan_required ||
          open_plan (self, rating->child_id, rating->day, error) != 0) &&
         raise_trigger_if_needed (self, rating, level, framework, error);
}

/* The longest a plan may go before its review: three months, as both procedures say. */
#define MAX_REVIEW_DAYS 92

void
rmm_plan_version_free (RmmPlanVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->meets_on);
  g_free (version->risks);
  g_free (version->protective_factors);
  g_free (version->child_views);
  g_free (version->carer_views);
  g_free (version->direct_work_by);
  g_free (version->review_on);
  g_free (version->created_at);
  g_free (version);
}

void
rmm_plan_action_free (RmmPlanAction *action)
{
  if (action == NULL)
    return;
  g_free (action->reference);
  g_free (action->child_name);
  g_free (action->description);
  g_free (action->owner);
  g_free (action->agency);
  g_free (action->due_on);
  g_free (action->agreed_on);
  g_free (action->carried_to);
  g_free (action);
}

/* A review date after the meeting and at most three months on. */
static gboolean
check_review_date (const char  *review_on,
                   const char  *meets_on,
                   GError     **error)
{
  GDate review, meeting, latest;

  if (!rmm_date_parse (review_on, &review))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a review date: use YYYY-MM-DD."), review_on ? review_on : "");
      return FALSE;
    }
  if (!rmm_date_parse (meets_on, &meeting))
    return TRUE;
  latest = meeting;
  g_date_add_days (&latest, MAX_REVIEW_DAYS);
  if (g_date_compare (&review, &meeting) <= 0 || g_date_compare (&review, &latest) > 0)
    {
      g_autofree char *last = rmm_date_format (&latest);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A plan is reviewed after the meeting and within three months: by %s at "
                     "the latest."), last);
      return FALSE;
    }
  return TRUE;
}

/* What the meeting wrote into the child's safety plan, as a new version: versions are
 * never changed, so every earlier one stays readable. */
gint64
rmm_store_save_plan_version (RmmStore            *self,
                             const RmmPlanInput  *input,
                             GError             **error)
{
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;
  gint64 plan_id = 0, version, id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!(day = rmm_store_query_text (self, MEETS_ON_SQL, N_("meeting"), input->meeting_id, error)) ||
      !check_review_date (input->review_on, day, error) ||
      !rmm_store_begin (self, error))
    return 0;
  now = rmm_store_now (self);
  if ((plan_id = open_plan (self, input->child_id, day, error)) != 0 &&
      (version = rmm_store_query_int (self, "SELECT coalesce(max(version), 0) + 1 FROM "
                                            "safety_plan_version WHERE plan_id = ?",
                                      plan_id, error)) > 0)
    {
      RmmField fields[] = {
        RMM_REF ("plan_id", plan_id),
        RMM_INT ("version", version),
        RMM_REF ("meeting_id", input->meeting_id),
        RMM_TEXT ("risks", input->risks ? input->risks : ""),
        RMM_TEXT ("protective_factors", input->protective_factors ? input->protective_factors : ""),
        RMM_TEXT ("child_views", input->child_views ? input->child_views : ""),
        RMM_TEXT ("carer_views", input->carer_views ? input->carer_views : ""),
        RMM_TEXT ("direct_work_by", input->direct_work_by ? input->direct_work_by : ""),
        RMM_TEXT ("review_on", input->review_on),
        RMM_TEXT ("created_at", now),
      };

      id = rmm_store_insert (self, "safety_plan_version", fields, G_N_ELEMENTS (fields), error);
    }
  if (id == 0)
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

static gpointer
plan_version_from_row (RmmDbStmt *stmt)
{
  RmmPlanVersion *row = g_new0 (RmmPlanVersion, 1);

  row->plan_id = rmm_db_stmt_get_int (stmt, 0);
  row->version = rmm_db_stmt_get_int (stmt, 1);
  row->meeting_id = rmm_db_stmt_get_int (stmt, 2);
  row->meets_on = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  row->risks = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  row->protective_factors = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  row->child_views = g_strdup (rmm_db_stmt_get_text (stmt, 6));
  row->carer_views = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  row->direct_work_by = g_strdup (rmm_db_stmt_get_text (stmt, 8));
  row->review_on = g_strdup (rmm_db_stmt_get_text (stmt, 9));
  row->created_at = g_strdup (rmm_db_stmt_get_text (stmt, 10));
  row->open = rmm_db_stmt_get_int (stmt, 11);
  return row;
}

/* The versions of the child's newest plan, newest first: RmmPlanVersion rows. */
GPtrArray *
rmm_store_list_plan_versions (RmmStore  *self,
                              gint64     child_id,
                              GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT v.plan_id, v.version, coalesce(v.meeting_id, 0), "
                         "       coalesce(m.meets_on, ''), v.risks, v.protective_factors, "
                         "       v.child_views, v.carer_views, v.direct_work_by, v.review_on, "
                         "       v.created_at, p.closed_on IS NULL "
                         "FROM safety_plan_version v JOIN safety_plan p ON p.id = v.plan_id "
                         "LEFT JOIN meeting m ON m.id = v.meeting_id "
                         "WHERE v.plan_id = (SELECT max(id) FROM safety_plan WHERE child_id = ?) "
                         "ORDER BY v.version DESC", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, plan_version_from_row,
                                 (GDestroyNotify)rmm_plan_version_free, error);
}

/* Is @agency_id the police? Their actions, like their disruption, never reach a family. */
gboolean
rmm_store_agency_is_police (RmmStore *self,
                            gint64    agency_id)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return agency_id != 0 &&
         rmm_store_query_int (self, "SELECT count(*) FROM agency WHERE id = ? AND kind = 'police'",
                              agency_id, NULL) > 0;
}

/* An action agreed at the meeting: what, who, which agency, by when. Goes into the child's
 * open plan (opened if need be). */
gint64
rmm_store_add_plan_action (RmmStore              *self,
                           const RmmActionInput  *input,
                           GError               **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (input && input->description
                                                   ? input->description : ""));
  g_autofree char *day = NULL;
  gint64 plan_id, id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Say what the action is."));
      return 0;
    }
  if (!rmm_date_parse (input->due_on, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a due date: use YYYY-MM-DD."),
                   input->due_on ? input->due_on : "");
      return 0;
    }
  /* Owned by the police: the agency named, or the agency of the person named. */
  if (input->family_visible &&
      (rmm_store_agency_is_police (self, input->agency_id) ||
       rmm_store_query_int (self, "SELECT count(*) FROM professional p JOIN agency g "
                                  "ON g.id = p.agency_id WHERE p.id = ? AND g.kind = 'police'",
                            input->owner_id, NULL) > 0))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("An action the police own is never on the family’s copy of the plan."));
      return 0;
    }
  if (!(day = rmm_store_query_text (self, MEETS_ON_SQL, N_("meeting"), input->meeting_id, error)) ||
      !rmm_store_begin (self, error))
    return 0;
  if ((plan_id = open_plan (self, input->child_id, day, error)) != 0)
    {
      RmmField fields[] = {
        RMM_REF ("plan_id", plan_id),
        RMM_REF ("meeting_id", input->meeting_id),
        RMM_TEXT ("description", trimmed),
        RMM_REF ("owner_id", input->owner_id),
        RMM_REF ("agency_id", input->agency_id),
        RMM_TEXT ("due_on", input->due_on),
        RMM_INT ("family_visible", input->family_visible ? 1 : 0),
      };

      id = rmm_store_insert (self, "plan_action", fields, G_N_ELEMENTS (fields), error);
    }
  if (id == 0)
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

#define ACTION_SELECT \
  "SELECT x.id, p.child_id, c.reference, c.first_name || ' ' || c.last_name, x.description, " \
  "       coalesce(o.full_name, ''), coalesce(g.name, ''), x.due_on, x.status, " \
  "       coalesce(m.meets_on, ''), coalesce(x.status_meeting_id, 0), " \
  "       coalesce(x.meeting_id, 0), x.family_visible, " \
  "       coalesce(g.kind, '') = 'police' OR EXISTS (SELECT 1 FROM agency og " \
  "         WHERE og.id = o.agency_id AND og.kind = 'police'), " \
  "       CASE x.status WHEN 'carried-forward' THEN coalesce((SELECT n.due_on " \
  "         FROM plan_action n WHERE n.plan_id = x.plan_id AND n.id > x.id " \
  "         AND n.meeting_id = x.status_meeting_id AND n.description = x.description " \
  "         ORDER BY n.id LIMIT 1), '') ELSE '' END " \
  "FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id JOIN child c ON c.id = p.child_id " \
  "LEFT JOIN professional o ON o.id = x.owner_id LEFT JOIN agency g ON g.id = x.agency_id " \
  "LEFT JOIN meeting m ON m.id = x.meeting_id "

static gpointer
plan_action_from_row (RmmDbStmt *stmt)
{
  RmmPlanAction *row = g_new0 (RmmPlanAction, 1);

  row->id = rmm_db_stmt_get_int (stmt, 0);
  row->child_id = rmm_db_stmt_get_int (stmt, 1);
  row->reference = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  row->child_name = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  row->description = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  row->owner = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  row->agency = g_strdup (rmm_db_stmt_get_text (stmt, 6));
  row->due_on = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  row->status = rmm_state_from_text (RMM_TYPE_ACTION_STATUS, rmm_db_stmt_get_text (stmt, 8),
                                     RMM_ACTION_STATUS_UNKNOWN);
  row->agreed_on = g_strdup (rmm_db_stmt_get_text (stmt, 9));
  row->status_meeting_id = rmm_db_stmt_get_int (stmt, 10);
  row->meeting_id = rmm_db_stmt_get_int (stmt, 11);
  row->family_visible = rmm_db_stmt_get_int (stmt, 12);
  row->police_owned = rmm_db_stmt_get_int (stmt, 13);
  row->carried_to = g_strdup (rmm_db_stmt_get_text (stmt, 14));
  return row;
}

static GPtrArray *
collect_actions (RmmDbStmt  *stmt,
                 GError    **error)
{

  return rmm_store_collect_rows (stmt, plan_action_from_row,
                                 (GDestroyNotify)rmm_plan_action_free, error);
}

/* The previous actions the meeting reviews first: the open actions of the children on its
 * agenda (the agenda brings in every child with an overdue action), agreed at earlier
 * meetings and due by this one, oldest first; and those this meeting has reviewed already.
 * Actions not yet due wait for their meeting. */
GPtrArray *
rmm_store_list_previous_actions (RmmStore  *self,
                                 gint64     meeting_id,
                                 GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         ACTION_SELECT
                         "JOIN meeting here ON here.id = ?1 "
                         "LEFT JOIN meeting reviewed ON reviewed.id = x.status_meeting_id "
                         "WHERE c.area_id = here.area_id "
                         /* The plan open at the meeting, whether or not it has closed since. */
                         "  AND (p.closed_on IS NULL OR p.closed_on >= here.meets_on) "
                         "  AND p.child_id IN (SELECT child_id FROM agenda_item "
                         "                     WHERE meeting_id = here.id) "
                         "  AND m.meets_on < here.meets_on "
                         /* Due by the meeting and still open at it (a later meeting's review
                          * does not take it out of this one's minutes), or reviewed here. */
                         "  AND ((x.due_on <= here.meets_on "
                         "        AND (x.status = 'open' OR reviewed.meets_on > here.meets_on)) "
                         "       OR x.status_meeting_id = here.id) "
                         "ORDER BY x.due_on, c.last_name, c.first_name, x.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  return collect_actions (stmt, error);
}

/* The actions of the child's open plan, open ones first. */
GPtrArray *
rmm_store_list_child_actions (RmmStore  *self,
                              gint64     child_id,
                              GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         ACTION_SELECT
                         "WHERE p.child_id = ? AND p.closed_on IS NULL "
                         "ORDER BY x.status <> 'open', x.due_on, x.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return collect_actions (stmt, error);
}

/* The actions a meeting agreed for a child, whether or not the plan has closed since: the
 * minutes of that meeting keep them. */
GPtrArray *
rmm_store_list_meeting_actions (RmmStore  *self,
                                gint64     meeting_id,
                                gint64     child_id,
                                GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         ACTION_SELECT
                         "WHERE x.meeting_id = ?1 AND p.child_id = ?2 ORDER BY x.due_on, x.id",
                         error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  rmm_db_stmt_bind_int (stmt, 2, child_id);
  return collect_actions (stmt, error);
}

/* Carried forward: the action stays on the plan as a new one, agreed at this meeting, with
 * the new date; the old one records that it was carried. */
static gint64
carry_forward (RmmStore    *self,
               gint64       action_id,
               gint64       meeting_id,
               const char  *new_due_on,
               GError     **error)
{
  g_autofree char *day = rmm_store_query_text (self, MEETS_ON_SQL, N_("meeting"), meeting_id, error);
  RmmDbStmt *stmt;
  GDate due, meeting;

  if (day == NULL)
    return 0;
  if (!rmm_date_parse (new_due_on, &due) || !rmm_date_parse (day, &meeting) ||
      g_date_compare (&due, &meeting) <= 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A carried-forward action needs a new date after the meeting "
                     "(YYYY-MM-DD)."));
      return 0;
    }
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT plan_id, description, coalesce(owner_id, 0), "
                         "       coalesce(agency_id, 0), family_visible "
                         "FROM plan_action WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  rmm_db_stmt_bind_int (stmt, 1, action_id);
  if (!rmm_store_step_row (stmt, N_("action"), action_id, error))
    return 0;
  {
    g_autofree char *description = g_strdup (rmm_db_stmt_get_text (stmt, 1));
    RmmField fields[] = {
      RMM_REF ("plan_id", rmm_db_stmt_get_int (stmt, 0)),
      RMM_REF ("meeting_id", meeting_id),
      RMM_TEXT ("description", description),
      RMM_REF ("owner_id", rmm_db_stmt_get_int (stmt, 2)),
      RMM_REF ("agency_id", rmm_db_stmt_get_int (stmt, 3)),
      RMM_TEXT ("due_on", new_due_on),
      RMM_INT ("family_visible", rmm_db_stmt_get_int (stmt, 4)),
    };

    rmm_db_stmt_reset (stmt);
    return rmm_store_insert (self, "plan_action", fields, G_N_ELEMENTS (fields), error);
  }
}

/* The meeting records what became of a previous action: done, not done because
 * circumstances changed, not done by the agency, or carried forward to a new date.
 * Returns the action reviewed, or the new one when carried forward; 0 on error. */
gint64
rmm_store_review_action (RmmStore        *self,
                         gint64           action_id,
                         gint64           meeting_id,
                         RmmActionStatus  outcome,
                         const char      *new_due_on,
                         GError         **error)
{
  RmmDbStmt *stmt;
  gint64 result = action_id;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (outcome <= RMM_ACTION_STATUS_OPEN || outcome > RMM_ACTION_STATUS_CARRIED_FORWARD)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("An action’s review ends it: done, not done (circumstances changed), not "
                     "done by the agency, or carried forward."));
      return 0;
    }
  if (!rmm_store_begin (self, error))
    return 0;
  ok = (stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT status FROM plan_action WHERE id = ?", error)) != NULL;
  if (ok)
    {
      rmm_db_stmt_bind_int (stmt, 1, action_id);
      ok = rmm_store_step_row (stmt, N_("action"), action_id, error);
    }
  if (ok)
    {
      RmmActionStatus status = rmm_state_from_text (RMM_TYPE_ACTION_STATUS,
                                                    rmm_db_stmt_get_text (stmt, 0),
                                                    RMM_ACTION_STATUS_UNKNOWN);

      rmm_db_stmt_reset (stmt);
      if (status != RMM_ACTION_STATUS_OPEN)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("This action has been reviewed already."));
          ok = FALSE;
        }
    }
  if (ok && outcome == RMM_ACTION_STATUS_CARRIED_FORWARD)
    ok = (result = carry_forward (self, action_id, meeting_id, new_due_on, error)) != 0;
  if (ok)
    {
      RmmField fields[] = {
        RMM_TEXT ("status", rmm_state_to_text (RMM_TYPE_ACTION_STATUS, outcome)),
        RMM_REF ("status_meeting_id", meeting_id),
      };

      ok = rmm_store_update (self, "plan_action", action_id, fields, G_N_ELEMENTS (fields),
                             error);
    }
  return rmm_store_end (self, ok, error) ? result : 0;
}
