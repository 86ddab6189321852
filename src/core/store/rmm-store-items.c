/* rmm-store-items.c: an agenda item as the room runs it: its facts, minutes and outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"
#include "rmm-store-private.h"

/* Missing episodes this recent count as "recent" on the facts page. */
#define RECENT_MISSING_DAYS 90

#define ITEM_FACTS_SELECT \
  "SELECT i.id, i.child_id, i.meeting_id, c.reference, c.first_name, c.last_name, " \
  "       c.date_of_birth, c.gender, c.school, c.looked_after, a.name, a.framework, " \
  "       coalesce(sw.full_name, ''), i.reasons, i.status, i.status_reason, m.meets_on, " \
  "       i.minute_text, i.row_version, " \
  "       (SELECT count(*) FROM missing_episode e WHERE e.child_id = c.id), " \
  "       (SELECT count(*) FROM missing_episode e WHERE e.child_id = c.id " \
  "        AND e.started_at >= date(m.meets_on, '-" G_STRINGIFY (RECENT_MISSING_DAYS) " days')), " \
  "       coalesce((SELECT max(e.started_at) FROM missing_episode e " \
  "                 WHERE e.child_id = c.id), ''), " \
  "       (SELECT count(*) FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id " \
  "        WHERE p.child_id = c.id AND p.closed_on IS NULL AND x.status = 'open'), " \
  "       (SELECT count(*) FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id " \
  "        WHERE p.child_id = c.id AND p.closed_on IS NULL AND x.status = 'open' " \
  "        AND x.due_on < m.meets_on), " \
  "       (SELECT count(*) FROM strategy_trigger t WHERE t.child_id = c.id " \
  "        AND NOT EXISTS (SELECT 1 FROM trigger_response r WHERE r.trigger_id = t.id " \
  "                        AND r.chair1_confirmed_at IS NOT NULL " \
  "                        AND r.chair2_confirmed_at IS NOT NULL)), " \
  "       EXISTS (SELECT 1 FROM safety_plan p WHERE p.child_id = c.id " \
  "               AND p.closed_on IS NULL), " \
  "       coalesce((SELECT v.review_on FROM safety_plan p JOIN safety_plan_version v " \
  "                 ON v.plan_id = p.id WHERE p.child_id = c.id AND p.closed_on IS NULL " \
  "                 ORDER BY v.version DESC LIMIT 1), ''), " \
  "       EXISTS (SELECT 1 FROM transition t WHERE t.child_id = c.id), " \
  "       EXISTS (SELECT 1 FROM transition t WHERE t.child_id = c.id " \
  "               AND t.adult_package_agreed_on IS NOT NULL), " \
  "       c.social_worker_id IS NOT NULL, " \
  "       EXISTS (SELECT 1 FROM safety_plan p JOIN safety_plan_version v ON v.plan_id = p.id " \
  "               WHERE p.child_id = c.id AND p.closed_on IS NULL " \
  "               AND v.meeting_id = i.meeting_id) " \
  "FROM agenda_item i JOIN child c ON c.id = i.child_id JOIN area a ON a.id = c.area_id " \
  "JOIN meeting m ON m.id = i.meeting_id " \
  "LEFT JOIN professional sw ON sw.id = c.social_worker_id WHERE i.id = ?"

void
rmm_item_facts_free (RmmItemFacts *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->reference);
  g_free (facts->first_name);
  g_free (facts->last_name);
  g_free (facts->date_of_birth);
  g_free (facts->gender);
  g_free (facts->school);
  g_free (facts->area);
  g_free (facts->framework_id);
  g_free (facts->social_worker);
  g_free (facts->reasons);
  g_free (facts->status_reason);
  g_free (facts->meets_on);
  g_free (facts->minute_text);
  g_free (facts->last_missing_at);
  g_free (facts->plan_review_on);
  g_strfreev (facts->rating_history);
  g_clear_pointer (&facts->rating, rmm_decision_state_free);
  g_clear_pointer (&facts->lead, rmm_decision_state_free);
  g_free (facts->assessment_on);
  g_free (facts->assessment_rating);
  g_free (facts->assessment_analysis);
  g_strfreev (facts->vulnerabilities);
  g_free (facts);
}

static char *
dup_column (RmmDbStmt *stmt,
            int        column)
{
  return g_strdup (rmm_db_stmt_get_text (stmt, column));
}

static void
read_item_row (RmmDbStmt     *stmt,
               RmmItemFacts  *facts)
{
  GDate born, meets;

  facts->item_id = rmm_db_stmt_get_int (stmt, 0);
  facts->child_id = rmm_db_stmt_get_int (stmt, 1);
  facts->meeting_id = rmm_db_stmt_get_int (stmt, 2);
  facts->reference = dup_column (stmt, 3);
  facts->first_name = dup_column (stmt, 4);
  facts->last_name = dup_column (stmt, 5);
  facts->date_of_birth = dup_column (stmt, 6);
  facts->gender = dup_column (stmt, 7);
  facts->school = dup_column (stmt, 8);
  facts->looked_after = rmm_db_stmt_get_int (stmt, 9);
  facts->area = dup_column (stmt, 10);
  facts->framework_id = dup_column (stmt, 11);
  facts->social_worker = dup_column (stmt, 12);
  facts->reasons = dup_column (stmt, 13);
  facts->status = rmm_state_from_text (RMM_TYPE_ITEM_STATUS, rmm_db_stmt_get_text (stmt, 14),
                                       RMM_ITEM_STATUS_REMOVED);
  facts->status_reason = dup_column (stmt, 15);
  facts->meets_on = dup_column (stmt, 16);
  facts->minute_text = dup_column (stmt, 17);
  facts->row_version = rmm_db_stmt_get_int (stmt, 18);
  facts->n_missing = rmm_db_stmt_get_int (stmt, 19);
  facts->n_missing_recent = rmm_db_stmt_get_int (stmt, 20);
  facts->last_missing_at = dup_column (stmt, 21);
  facts->n_open_actions = rmm_db_stmt_get_int (stmt, 22);
  facts->n_overdue_actions = rmm_db_stmt_get_int (stmt, 23);
  facts->n_open_triggers = rmm_db_stmt_get_int (stmt, 24);
  facts->has_plan = rmm_db_stmt_get_int (stmt, 25);
  facts->plan_review_on = dup_column (stmt, 26);
  facts->transition_planned = rmm_db_stmt_get_int (stmt, 27);
  facts->adult_package_agreed = rmm_db_stmt_get_int (stmt, 28);
  facts->has_social_worker = rmm_db_stmt_get_int (stmt, 29);
  facts->plan_written_here = rmm_db_stmt_get_int (stmt, 30);
  if (rmm_date_parse (facts->date_of_birth, &born) && rmm_date_parse (facts->meets_on, &meets))
    facts->age = rmm_date_age_on (&born, &meets);
}

/* Earlier confirmed ratings, newest first, as "level YYYY-MM-DD". */
static char **
read_rating_history (RmmStore  *self,
                     gint64     child_id,
                     GError   **error)
{
  g_autoptr(GStrvBuilder) history = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT value, substr(proposed_at, 1, 10) FROM decision "
                         "WHERE child_id = ? AND kind = 'risk-rating' AND status = 'confirmed' "
                         "ORDER BY proposed_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_autofree char *entry = g_strdup_printf ("%s %s", rmm_db_stmt_get_text (stmt, 0),
                                                rmm_db_stmt_get_text (stmt, 1));

      g_strv_builder_add (history, entry);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (history);
}

/* The newest assessment: when, what it proposed, its analysis and Table 1 ticks. */
static gboolean
read_latest_assessment (RmmStore      *self,
                        RmmItemFacts  *facts,
                        GError       **error)
{
  g_autoptr(GStrvBuilder) ticks = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gint64 id;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT s.id, coalesce(s.completed_on, s.started_on), "
                         "       coalesce(s.proposed_rating, ''), s.analysis, "
                         "       (SELECT count(*) FROM assessment_indicator n "
                         "        WHERE n.assessment_id = s.id), "
                         "       (SELECT count(*) FROM assessment_indicator n "
                         "        WHERE n.assessment_id = s.id AND n.significant = 1) "
                         "FROM assessment s WHERE s.child_id = ? "
                         "ORDER BY s.started_on DESC, s.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, facts->child_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      facts->vulnerabilities = g_strv_builder_end (ticks);
      if (local_error == NULL)
        return TRUE;      /* never assessed */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  id = rmm_db_stmt_get_int (stmt, 0);
  facts->assessment_on = dup_column (stmt, 1);
  facts->assessment_rating = dup_column (stmt, 2);
  facts->assessment_analysis = dup_column (stmt, 3);
  facts->n_indicators = rmm_db_stmt_get_int (stmt, 4);
  facts->n_significant = rmm_db_stmt_get_int (stmt, 5);
  rmm_db_stmt_reset (stmt);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT vulnerability FROM assessment_vulnerability "
                               "WHERE assessment_id = ? ORDER BY vulnerability", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, id);
  while (rmm_db_stmt_step (stmt, &local_error))
    g_strv_builder_add (ticks, rmm_db_stmt_get_text (stmt, 0));
  facts->vulnerabilities = g_strv_builder_end (ticks);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The item's facts; the rating history and the newest assessment only @for_page (the
 * chairs read them; whether a decision is missing does not need them). */
static RmmItemFacts *
read_item_facts (RmmStore  *self,
                 gint64     item_id,
                 gboolean   for_page,
                 GError   **error)
{
  g_autoptr(RmmItemFacts) facts = NULL;
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), ITEM_FACTS_SELECT, error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, item_id);
  if (!rmm_store_step_row (stmt, N_("agenda item"), item_id, error))
    return NULL;
  facts = g_new0 (RmmItemFacts, 1);
  read_item_row (stmt, facts);
  rmm_db_stmt_reset (stmt);

  facts->rating = rmm_store_find_current_decision (self, facts->child_id,
                                                   RMM_DECISION_KIND_RISK_RATING,
                                                   &local_error);
  if (local_error == NULL)
    facts->lead = rmm_store_find_current_decision (self, facts->child_id,
                                                   RMM_DECISION_KIND_LEAD_AGENCY,
                                                   &local_error);
  if (local_error == NULL && for_page)
    facts->rating_history = read_rating_history (self, facts->child_id, &local_error);
  if (local_error == NULL && for_page)
    read_latest_assessment (self, facts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&facts);
}

/* Everything the room needs about one agenda item, read in one go. */
RmmItemFacts *
rmm_store_get_item_facts (RmmStore  *self,
                          gint64     item_id,
                          GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return read_item_facts (self, item_id, TRUE, error);
}

/* The minute text as typed. @row_version is the version the writer last read: if someone
 * else saved in between, nothing is written and RMM_ERROR_CONFLICT says so, with the other
 * text left for the writer to see. Returns the new version, or 0. */
gint64
rmm_store_set_minute_text (RmmStore    *self,
                           gint64       item_id,
                           const char  *text,
                           gint64       row_version,
                           GError     **error)
{
  gint64 current;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The minutes are not valid text."));
      return 0;
    }
  if (!rmm_store_begin (self, error))
    return 0;
  current = rmm_store_query_int (self, "SELECT coalesce((SELECT row_version FROM agenda_item "
                                       "WHERE id = ?), 0)", item_id, error);
  if (current == 0 && (error == NULL || *error == NULL))
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("There is no agenda item with id %" PRId64 "."), item_id);
  else if (current > 0 && current != row_version)
    g_set_error (error, RMM_ERROR, RMM_ERROR_CONFLICT,
                 _("Someone else changed these minutes since you opened them."));
  else if (current > 0)
    {
      RmmField fields[] = {
        RMM_TEXT ("minute_text", text),
        RMM_INT ("row_version", current + 1),
      };

      if (rmm_store_update (self, "agenda_item", item_id, fields, G_N_ELEMENTS (fields), error))
        return rmm_store_commit (self, error) ? current + 1 : 0;
    }
  rmm_store_rollback (self);
  return 0;
}

/* The decisions an item needs before it can be marked discussed, as user-facing phrases;
 * empty when it has them all. Every child discussed has their rating confirmed (or the
 * chairs' disagreement recorded); a child with neither an allocated social worker nor a
 * lead professional gets a lead agency and professional. */
GStrv
rmm_store_list_missing_decisions (RmmStore  *self,
                                  gint64     item_id,
                                  GError   **error)
{
  g_autoptr(RmmItemFacts) facts = NULL;
  g_autoptr(RmmDecisionState) rating = NULL;
  g_autoptr(RmmDecisionState) lead = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (!(facts = read_item_facts (self, item_id, FALSE, error)))
    return NULL;
  rating = rmm_store_find_meeting_decision (self, facts->child_id, facts->meeting_id,
                                            RMM_DECISION_KIND_RISK_RATING, &local_error);
  if (local_error == NULL)
    lead = rmm_store_find_meeting_decision (self, facts->child_id, facts->meeting_id,
                                            RMM_DECISION_KIND_LEAD_AGENCY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (rating == NULL || rating->status == RMM_DECISION_STATUS_PROPOSED)
    g_strv_builder_add (missing, _("the risk rating, confirmed by both chairs"));
  if (rmm_item_facts_needs_lead (facts) &&
      (lead == NULL || lead->status == RMM_DECISION_STATUS_PROPOSED))
    g_strv_builder_add (missing, _("the lead agency and lead professional"));
  if (rmm_item_facts_needs_plan (facts) && !facts->plan_written_here)
    g_strv_builder_add (missing, _("the safety plan, written at this meeting"));
  return g_strv_builder_end (missing);
}

/* No social worker is allocated and no lead professional has been named. */
gboolean
rmm_item_facts_needs_lead (const RmmItemFacts *facts)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  return !facts->has_social_worker &&
         (facts->lead == NULL || facts->lead->lead_professional_id == 0);
}

/* An open plan is written (reviewed) at every meeting that discusses the child while the
 * rating needs a plan or the review is due. */
gboolean
rmm_item_facts_needs_plan (const RmmItemFacts *facts)
{
  RmmFramework *framework;
  const RmmRiskLevel *level = NULL;
  g_auto(GStrv) reasons = NULL;

  g_return_val_if_fail (facts != NULL, FALSE);

  if (!facts->has_plan)
    return FALSE;
  framework = rmm_framework_lookup (facts->framework_id);
  if (framework != NULL && facts->rating != NULL)
    level = rmm_framework_find_level (framework, facts->rating->value);
  reasons = g_strsplit (facts->reasons, " ", -1);
  return (level != NULL && level->safety_plan_required) ||
         g_strv_contains ((const char * const *)reasons, "review-due");
}

/* A removed item stays removed (the chairs add the child again if need be). */
static gboolean
set_item_status (RmmStore       *self,
                 gint64          item_id,
                 RmmItemStatus   status,
                 const char     *reason,
                 GError        **error)
{
  RmmField fields[] = {
    RMM_TEXT ("status", rmm_state_to_text (RMM_TYPE_ITEM_STATUS, status)),
    RMM_TEXT ("status_reason", reason),
  };
  gint64 removed = rmm_store_query_int (self, "SELECT status = 'removed' FROM agenda_item "
                                              "WHERE id = ?", item_id, error);

  if (removed < 0)
    return FALSE;
  if (removed == 1)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("This child was taken off the agenda, with a reason that stands."));
      return FALSE;
    }
  return rmm_store_update (self, "agenda_item", item_id, fields, G_N_ELEMENTS (fields), error);
}

/* The room has finished with the item. Refused, naming what is missing, while a required
 * decision has not been made: the chairs either make it or defer the item with a reason. */
gboolean
rmm_store_mark_item_discussed (RmmStore  *self,
                               gint64     item_id,
                               GError   **error)
{
  g_auto(GStrv) missing = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  if (!(missing = rmm_store_list_missing_decisions (self, item_id, error)))
    {
      rmm_store_rollback (self);
      return FALSE;
    }

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_("; "), missing);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Not yet decided: %s. Decide it, or defer the item with a reason."), list);
      rmm_store_rollback (self);
      return FALSE;
    }
  if (!set_item_status (self, item_id, RMM_ITEM_STATUS_DISCUSSED, "", error))
    {
      rmm_store_rollback (self);
      return FALSE;
    }
  return rmm_store_commit (self, error);
}

/* A chair defers the item (to the next meeting) and says why; the minutes show it. */
gboolean
rmm_store_defer_item (RmmStore    *self,
                      gint64       item_id,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Say why the item is deferred."));
      return FALSE;
    }
  return set_item_status (self, item_id, RMM_ITEM_STATUS_DEFERRED, trimmed, error);
}

/* Back to pending, e.g. when the room returns to a deferred child later in the meeting. */
gboolean
rmm_store_reopen_item (RmmStore  *self,
                       gint64     item_id,
                       GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return set_item_status (self, item_id, RMM_ITEM_STATUS_PENDING, "", error);
}

static gboolean
check_held_item (const RmmHeldItemInput  *input,
                 GError                 **error)
{
  const char *why = input->status_reason ? input->status_reason : "";
  g_autofree char *trimmed = g_utf8_validate (why, -1, NULL) ? g_strstrip (g_strdup (why))
                                                             : NULL;

  if (input->status != RMM_ITEM_STATUS_DISCUSSED && input->status != RMM_ITEM_STATUS_DEFERRED)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("A held meeting’s child was discussed or deferred."));
  else if (input->reasons == NULL || *input->reasons == '\0' ||
           !rmm_agenda_reasons_are_known (input->reasons))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("A held meeting’s child was there for reasons the agenda knows."));
  else if (trimmed == NULL ||
           (input->minute_text != NULL && !g_utf8_validate (input->minute_text, -1, NULL)))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The minutes are not valid text."));
  else if (input->status == RMM_ITEM_STATUS_DEFERRED && *trimmed == '\0')
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Say why the child was deferred."));
  else if (input->status == RMM_ITEM_STATUS_DISCUSSED && *trimmed != '\0')
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("Only a deferred child has a reason for it."));
  else
    return TRUE;
  return FALSE;
}

/* The meeting has happened (today at the latest), is not yet held from its history, and is
 * of the child's area. */
static gboolean
check_held_meeting (RmmStore                *self,
                    const RmmHeldItemInput  *input,
                    GError                 **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT m.status, m.meets_on <= substr(?, 1, 10), "
                                    "       m.area_id = (SELECT area_id FROM child WHERE id = ?) "
                                    "FROM meeting m WHERE m.id = ?", error);
  RmmMeetingStatus status;
  gboolean past, same_area;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, now);
  rmm_db_stmt_bind_int (stmt, 2, input->child_id);
  rmm_db_stmt_bind_int (stmt, 3, input->meeting_id);
  if (!rmm_store_step_row (stmt, N_("meeting"), input->meeting_id, error))
    return FALSE;
  status = rmm_state_from_text (RMM_TYPE_MEETING_STATUS, rmm_db_stmt_get_text (stmt, 0),
                                RMM_MEETING_STATUS_SIGNED_OFF);
  past = rmm_db_stmt_get_int (stmt, 1);
  same_area = rmm_db_stmt_get_int (stmt, 2);
  rmm_db_stmt_reset (stmt);
  if (status != RMM_MEETING_STATUS_PLANNED || !past)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("Past items are recorded for a meeting in the past, before it is held from "
                   "them."));
  else if (!same_area)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("The child is not of this meeting’s area."));
  else
    return TRUE;
  return FALSE;
}

/* The history is written while the meeting is still to be held from it: once it is opened,
 * its items follow the room. One row, as the room left it. */
gint64
rmm_store_add_held_item (RmmStore                *self,
                         const RmmHeldItemInput  *input,
                         GError                 **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!check_held_item (input, error) || !rmm_store_begin (self, error))
    return 0;
  ok = check_held_meeting (self, input, error);
  if (ok)
    {
      g_autofree char *why = g_strstrip (g_strdup (input->status_reason ? input->status_reason
                                                                        : ""));
      gint64 position = rmm_store_query_int (self,
                                             "SELECT coalesce(max(position), 0) + 1 "
                                             "FROM agenda_item WHERE meeting_id = ?",
                                             input->meeting_id, error);
      RmmField fields[] = {
        RMM_REF ("meeting_id", input->meeting_id),
        RMM_REF ("child_id", input->child_id),
        RMM_INT ("position", position),
        RMM_TEXT ("reasons", input->reasons),
        RMM_TEXT ("status", rmm_state_to_text (RMM_TYPE_ITEM_STATUS, input->status)),
        RMM_TEXT ("status_reason", why),
        RMM_TEXT ("minute_text", input->minute_text ? input->minute_text : ""),
      };

      ok = position > 0 &&
           (id = rmm_store_insert (self, "agenda_item", fields, G_N_ELEMENTS (fields), error));
    }
  return rmm_store_end (self, ok, error) ? id : 0;
}
