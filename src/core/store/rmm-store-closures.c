/* rmm-store-closures.c: closing a case, and the move to adult services that must come first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A young person of 18 or over with risk remaining is not closed until an adult support
 * package is recorded as agreed; at 17, with risk remaining, transition planning must have
 * started. Both are checked when a closure is proposed and again when it is confirmed.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"

typedef struct
{
  char     *name;
  char     *born;
  char     *rating;
  char     *framework_id;
  gboolean  transition_planned;
  gboolean  package_agreed;
} ClosureFacts;

static void
closure_facts_clear (ClosureFacts *facts)
{
  g_free (facts->name);
  g_free (facts->born);
  g_free (facts->rating);
  g_free (facts->framework_id);
}

static gboolean
read_closure_facts (RmmStore      *self,
                    gint64         child_id,
                    ClosureFacts  *facts,
                    GError       **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT c.first_name || ' ' || c.last_name, "
                                    "       c.date_of_birth, "
                                    "       coalesce(" RMM_CURRENT_RATING_SQL ("c.id") ", ''), "
                                    "       a.framework, "
                                    "       EXISTS (SELECT 1 FROM transition t "
                                    "               WHERE t.child_id = c.id), "
                                    "       EXISTS (SELECT 1 FROM transition t "
                                    "               WHERE t.child_id = c.id "
                                    "               AND t.adult_package_agreed_on IS NOT NULL) "
                                    "FROM child c JOIN area a ON a.id = c.area_id "
                                    "WHERE c.id = ?", error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (!rmm_store_step_row (stmt, N_("child"), child_id, error))
    return FALSE;
  facts->name = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  facts->born = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  facts->rating = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  facts->framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  facts->transition_planned = rmm_db_stmt_get_int (stmt, 4);
  facts->package_agreed = rmm_db_stmt_get_int (stmt, 5);
  rmm_db_stmt_reset (stmt);
  return TRUE;
}

/* Risk remains while the rating is above the framework's lowest level. */
static gboolean
risk_remains (const ClosureFacts *facts)
{
  RmmFramework *framework = rmm_framework_lookup (facts->framework_id);

  if (framework == NULL || *facts->rating == '\0')
    return FALSE;
  return rmm_framework_compare (framework, facts->rating,
                                rmm_framework_get_level (framework, 0)->id) > 0;
}

/* Whether the child's case may close on @day (YYYY-MM-DD); if not, @error says why and what
 * must be recorded first. */
gboolean
rmm_store_check_closure (RmmStore    *self,
                         gint64       child_id,
                         const char  *day,
                         GError     **error)
{
  ClosureFacts facts = { 0 };
  GDate born, on;
  guint age;
  gboolean ok = TRUE;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!read_closure_facts (self, child_id, &facts, error))
    {
      closure_facts_clear (&facts);
      return FALSE;
    }
  if (rmm_date_parse (facts.born, &born) && rmm_date_parse (day, &on) && risk_remains (&facts))
    {
      age = rmm_date_age_on (&born, &on);
      if (age >= 18 && !facts.package_agreed)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("%s is %u and still at risk: the case cannot close until an adult "
                         "support package is recorded as agreed."), facts.name, age);
          ok = FALSE;
        }
      else if (age == 17 && !facts.transition_planned)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("%s is 17 and still at risk: record the transition plan to adult "
                         "services before the case closes."), facts.name);
          ok = FALSE;
        }
    }
  closure_facts_clear (&facts);
  return ok;
}

/* The reasons for a proposed closure decision, its good practice and onward referral. One
 * per decision, written with the proposal and never changed. */
gint64
rmm_store_add_closure_record (RmmStore                *self,
                              gint64                   decision_id,
                              const RmmClosureInput   *input,
                              GError                 **error)
{
  g_autofree char *reasons = g_strstrip (g_strdup (input && input->reasons ? input->reasons : ""));
  RmmField fields[] = {
    RMM_REF ("decision_id", decision_id),
    RMM_TEXT ("reasons", reasons),
    RMM_TEXT ("good_practice", input && input->good_practice ? input->good_practice : ""),
    RMM_REF ("onward_agency_id", input ? input->onward_agency_id : 0),
    RMM_TEXT ("onward_referral", input && input->onward_referral ? input->onward_referral : ""),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (*reasons == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Give the reasons for closing."));
      return 0;
    }
  return rmm_store_insert (self, "closure", fields, G_N_ELEMENTS (fields), error);
}

/* A closure stands: the open plan closes with it (the child leaves the CSE list). Runs in
 * the confirming transaction, which it refuses if the case may not close now. */
gboolean
rmm_store_apply_closure (RmmStore  *self,
                         gint64     decision_id,
                         GError   **error)
{
  g_autofree char *day = NULL;
  RmmDbStmt *stmt;
  gint64 child_id, plan_id;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT d.child_id, coalesce(m.meets_on, substr(d.proposed_at, 1, 10)), "
                               "       EXISTS (SELECT 1 FROM closure x WHERE x.decision_id = d.id) "
                               "FROM decision d LEFT JOIN meeting m ON m.id = d.meeting_id "
                               "WHERE d.id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, decision_id);
  if (!rmm_store_step_row (stmt, N_("decision"), decision_id, error))
    return FALSE;
  child_id = rmm_db_stmt_get_int (stmt, 0);
  day = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  if (!rmm_db_stmt_get_int (stmt, 2))
    {
      rmm_db_stmt_reset (stmt);
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Record the reasons for closing before the chairs confirm it."));
      return FALSE;
    }
  rmm_db_stmt_reset (stmt);
  if (!rmm_store_check_closure (self, child_id, day, error))
    return FALSE;
  plan_id = rmm_store_find_open_plan (self, child_id, error);
  if (plan_id <= 0)
    return plan_id == 0;
  {
    RmmField fields[] = {
      RMM_TEXT ("closed_on", day),
      RMM_REF ("closure_decision_id", decision_id),
    };

    return rmm_store_update (self, "safety_plan", plan_id, fields, G_N_ELEMENTS (fields), error);
  }
}

void
rmm_transition_free (RmmTransition *transition)
{
  if (transition == NULL)
    return;
  g_free (transition->planning_started_on);
  g_free (transition->adult_services);
  g_free (transition->adult_package_agreed_on);
  g_free (transition->s42_referral_on);
  g_free (transition->notes);
  g_free (transition);
}

/* The child's transition plan, or NULL (no error) if none has been started. */
RmmTransition *
rmm_store_get_transition (RmmStore  *self,
                          gint64     child_id,
                          GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmTransition *transition;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT planning_started_on, adult_services, "
                               "       coalesce(adult_package_agreed_on, ''), "
                               "       coalesce(s42_referral_on, ''), notes "
                               "FROM transition WHERE child_id = ?", error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  transition = g_new0 (RmmTransition, 1);
  transition->planning_started_on = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  transition->adult_services = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  transition->adult_package_agreed_on = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  transition->s42_referral_on = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  transition->notes = g_strdup (rmm_db_stmt_get_text (stmt, 4));
  rmm_db_stmt_reset (stmt);
  return transition;
}

static gboolean
check_optional_date (const char  *text,
                     const char  *what,
                     GError     **error)
{
  if (text == NULL || *text == '\0' || rmm_date_parse (text, NULL))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("“%s” is not a date for %s: use "
                                                      "YYYY-MM-DD."), text, what);
  return FALSE;
}

/* Start or bring up to date the child's transition to adult services: when planning
 * started, who in adult services, when a support package was agreed, and any Care Act
 * 2014 s42 adult-at-risk referral. */
gboolean
rmm_store_record_transition (RmmStore                 *self,
                             gint64                    child_id,
                             const RmmTransitionInput *input,
                             GError                  **error)
{
  g_autoptr(RmmTransition) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  RmmField fields[] = {
    RMM_REF ("child_id", child_id),
    RMM_TEXT ("planning_started_on", input->planning_started_on),
    RMM_TEXT ("adult_services", input->adult_services ? input->adult_services : ""),
    RMM_TEXT ("adult_package_agreed_on", input->adult_package_agreed_on && *input->adult_package_agreed_on
                                           ? input->adult_package_agreed_on : NULL),
    RMM_TEXT ("s42_referral_on", input->s42_referral_on && *input->s42_referral_on
                                   ? input->s42_referral_on : NULL),
    RMM_TEXT ("notes", input->notes ? input->notes : ""),
  };
  gint64 id;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!rmm_date_parse (input->planning_started_on, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Say when transition planning started (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!check_optional_date (input->adult_package_agreed_on, _("the adult support package"),
                            error) ||
      !check_optional_date (input->s42_referral_on, _("the s42 referral"), error))
    return FALSE;
  existing = rmm_store_get_transition (self, child_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing == NULL)
    return rmm_store_insert (self, "transition", fields, G_N_ELEMENTS (fields), error) != 0;
  id = rmm_store_query_int (self, "SELECT id FROM transition WHERE child_id = ?", child_id,
                            error);
  return id > 0 && rmm_store_update (self, "transition", id, fields + 1,
                                     G_N_ELEMENTS (fields) - 1, error);
}
