/* rmm-store-plans.c: what a confirmed rating sets in motion, and the CSE safety plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"

/* The rule id of the trigger a rating raises (see data/triggers in the triggers issue). */
#define RATING_TRIGGER_RULE "rating-high"

typedef struct
{
  gint64  child_id;
  char   *value;
  char   *day;            /* the meeting's date, or today outside a meeting */
  char   *framework_id;
} ConfirmedRating;

static void
confirmed_rating_clear (ConfirmedRating *rating)
{
  g_free (rating->value);
  g_free (rating->day);
  g_free (rating->framework_id);
}

static gboolean
read_confirmed_rating (RmmStore         *self,
                       gint64            decision_id,
                       ConfirmedRating  *rating,
                       GError          **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT d.child_id, d.value, coalesce(m.meets_on, substr(?, 1, 10)), "
                         "       a.framework "
                         "FROM decision d JOIN child c ON c.id = d.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "LEFT JOIN meeting m ON m.id = d.meeting_id WHERE d.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, now);
  rmm_db_stmt_bind_int (stmt, 2, decision_id);
  if (!rmm_store_step_row (stmt, "decision", decision_id, error))
    return FALSE;
  rating->child_id = rmm_db_stmt_get_int (stmt, 0);
  rating->value = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  rating->day = g_strdup (rmm_db_stmt_get_text (stmt, 2));
  rating->framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 3));
  rmm_db_stmt_reset (stmt);
  return TRUE;
}

/* A level that needs a plan opens one (the child is then on the CSE list); the plan's first
 * version, written at the meeting, sets what it holds and when it is reviewed. */
static gboolean
open_plan_if_needed (RmmStore               *self,
                     const ConfirmedRating  *rating,
                     GError                **error)
{
  gint64 open = rmm_store_query_int (self, "SELECT count(*) FROM safety_plan "
                                           "WHERE child_id = ? AND closed_on IS NULL",
                                     rating->child_id, error);
  RmmField fields[] = {
    RMM_REF ("child_id", rating->child_id),
    RMM_TEXT ("opened_on", rating->day),
  };

  if (open != 0)
    return open > 0;
  return rmm_store_insert (self, "safety_plan", fields, G_N_ELEMENTS (fields), error) != 0;
}

/* A level that needs a multi-agency strategy meeting raises the trigger when it is first
 * given or reached from below; confirming the same level again raises nothing new. */
static gboolean
raise_trigger_if_needed (RmmStore               *self,
                         gint64                  decision_id,
                         const ConfirmedRating  *rating,
                         const RmmRiskLevel     *level,
                         RmmFramework           *framework,
                         const char             *previous,
                         GError                **error)
{
  g_autofree char *now = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *facts = NULL;

  if (!level->strategy_meeting_required ||
      (previous != NULL && *previous != '\0' &&
       rmm_framework_compare (framework, rating->value, previous) <= 0))
    return TRUE;

  now = rmm_store_now (self);
  reason = g_strdup_printf (_("Rating confirmed at %s, which needs a multi-agency strategy "
                              "meeting."), level->label);
  facts = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision_id);
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
 * follow from the rating. @previous is the rating that stood before. Runs inside the
 * confirming transaction. */
gboolean
rmm_store_apply_rating (RmmStore    *self,
                        gint64       decision_id,
                        const char  *previous,
                        GError     **error)
{
  ConfirmedRating rating = { 0 };
  RmmFramework *framework;
  const RmmRiskLevel *level;
  gboolean ok;

  if (!read_confirmed_rating (self, decision_id, &rating, error))
    return FALSE;
  framework = rmm_framework_lookup (rating.framework_id);
  level = framework ? rmm_framework_find_level (framework, rating.value) : NULL;
  if (level == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK,
                   _("The area’s framework (%s) has no rating “%s”."),
                   rating.framework_id, rating.value);
      confirmed_rating_clear (&rating);
      return FALSE;
    }
  ok = (!level->safety_plan_required || open_plan_if_needed (self, &rating, error)) &&
       raise_trigger_if_needed (self, decision_id, &rating, level, framework, previous, error);
  confirmed_rating_clear (&rating);
  return ok;
}
