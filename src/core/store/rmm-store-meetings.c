/* rmm-store-meetings.c: meetings, agenda items and the chairs' decisions
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
#include "rmm-text.h"

#define MEETING_SELECT \
  "SELECT m.id, m.area_id, a.name, m.meets_on, m.starts_at, m.location, m.status, " \
  "       coalesce(pc.full_name, ''), coalesce(pf.full_name, ''), " \
  "       coalesce(pm.full_name, ''), " \
  "       (SELECT count(*) FROM agenda_item i " \
  "        WHERE i.meeting_id = m.id AND i.status <> 'removed'), " \
  "       coalesce(m.chair_children_id, 0), coalesce(m.chair_family_id, 0) " \
  "FROM meeting m JOIN area a ON a.id = m.area_id " \
  "LEFT JOIN professional pc ON pc.id = m.chair_children_id " \
  "LEFT JOIN professional pf ON pf.id = m.chair_family_id " \
  "LEFT JOIN professional pm ON pm.id = m.minute_taker_id "

/* Where the meeting stands as the file says, or -1 with @error when there is no such meeting.
 * Text the store never writes reads as signed off: nothing may change it. */
int
rmm_store_read_meeting_status (RmmStore  *self,
                               gint64     meeting_id,
                               GError   **error)
{
  g_autofree char *text = rmm_store_query_text (self, "SELECT status FROM meeting WHERE id = ?",
                                                "meeting", meeting_id, error);

  if (text == NULL)
    return -1;
  return rmm_state_from_text (RMM_TYPE_MEETING_STATUS, text, RMM_MEETING_STATUS_SIGNED_OFF);
}

/* Two chairs, and a minute-taker who is neither: 0 for a role not yet filled. */
gboolean
rmm_store_check_meeting_roles (gint64    chair_children_id,
                               gint64    chair_family_id,
                               gint64    minute_taker_id,
                               GError  **error)
{
  if (chair_children_id != 0 && chair_children_id == chair_family_id)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("The meeting needs two different chairs."));
  else if (minute_taker_id != 0 &&
           (minute_taker_id == chair_children_id || minute_taker_id == chair_family_id))
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("The minute-taker cannot also chair the meeting: choose someone else to "
                   "take the minutes."));
  else
    return TRUE;
  return FALSE;
}

gint64
rmm_store_add_meeting (RmmStore    *self,
                       gint64       area_id,
                       const char  *meets_on,
                       gint64       chair_children_id,
                       gint64       chair_family_id,
                       gint64       minute_taker_id,
                       GError     **error)
{
  RmmField fields[] = {
    RMM_REF ("area_id", area_id),
    RMM_TEXT ("meets_on", meets_on),
    RMM_REF ("chair_children_id", chair_children_id),
    RMM_REF ("chair_family_id", chair_family_id),
    RMM_REF ("minute_taker_id", minute_taker_id),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!rmm_date_parse (meets_on, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a meeting date: use YYYY-MM-DD."), meets_on ? meets_on : "");
      return 0;
    }
  if (!rmm_store_check_meeting_roles (chair_children_id, chair_family_id, minute_taker_id,
                                      error))
    return 0;
  return rmm_store_insert (self, "meeting", fields, G_N_ELEMENTS (fields), error);
}

#define MAX_LOCATION_LENGTH 200

/* A meeting's place (trimmed): one line of at most MAX_LOCATION_LENGTH characters, for a
 * meeting and for the weekly series its meetings are made from. */
gboolean
rmm_store_check_location (const char  *location,
                          GError     **error)
{
  if (!g_utf8_validate (location, -1, NULL) || rmm_text_find_control (location, FALSE, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A meeting’s place is plain text on one line: no line breaks, tabs or "
                     "control characters."));
      return FALSE;
    }
  if (g_utf8_strlen (location, -1) <= MAX_LOCATION_LENGTH)
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "A meeting’s place is at most %d character long.",
                            "A meeting’s place is at most %d characters long.",
                            MAX_LOCATION_LENGTH), MAX_LOCATION_LENGTH);
  return FALSE;
}

gboolean
rmm_store_set_meeting_location (RmmStore    *self,
                                gint64       meeting_id,
                                const char  *location,
                                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (location ? location : ""));
  RmmField fields[] = { RMM_TEXT ("location", trimmed) };
  int status;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_check_location (trimmed, error))
    return FALSE;
  if ((status = rmm_store_read_meeting_status (self, meeting_id, error)) < 0)
    return FALSE;
  if (status == RMM_MEETING_STATUS_SIGNED_OFF)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The meeting is signed off: where it was held cannot change."));
      return FALSE;
    }
  return rmm_store_update (self, "meeting", meeting_id, fields, G_N_ELEMENTS (fields), error);
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

static GObject *
meeting_from_row (RmmDbStmt *stmt)
{
  return g_object_new (RMM_TYPE_MEETING,
                       "id", rmm_db_stmt_get_int (stmt, 0),
                       "area-id", rmm_db_stmt_get_int (stmt, 1),
                       "area-name", rmm_db_stmt_get_text (stmt, 2),
                       "meets-on", rmm_db_stmt_get_text (stmt, 3),
                       "starts-at", rmm_db_stmt_get_text (stmt, 4),
                       "location", rmm_db_stmt_get_text (stmt, 5),
                       "status", rmm_db_stmt_get_text (stmt, 6),
                       "chair-children", rmm_db_stmt_get_text (stmt, 7),
                       "chair-family", rmm_db_stmt_get_text (stmt, 8),
                       "minute-taker", rmm_db_stmt_get_text (stmt, 9),
                       "n-children", (guint)rmm_db_stmt_get_int (stmt, 10),
                       "chair-children-id", rmm_db_stmt_get_int (stmt, 11),
                       "chair-family-id", rmm_db_stmt_get_int (stmt, 12),
                       NULL);
}

/* Newest first, so that next week's meetings and the last few are at the top. */
GListModel *
rmm_store_list_meetings (RmmStore  *self,
                         gint64     area_id,
                         GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         MEETING_SELECT
                         "WHERE ? = 0 OR m.area_id = ? "
                         "ORDER BY m.meets_on DESC, a.name", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_int (stmt, 2, area_id);
  return rmm_store_collect (stmt, RMM_TYPE_MEETING, meeting_from_row, error);
}

RmmMeeting *
rmm_store_get_meeting (RmmStore    *self,
                       gint64       meeting_id,
                       GError     **error)
{
  RmmMeeting *meeting;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self), MEETING_SELECT "WHERE m.id = ?", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (!rmm_store_step_row (stmt, "meeting", meeting_id, error))
    return NULL;
  meeting = RMM_MEETING (meeting_from_row (stmt));
  rmm_db_stmt_reset (stmt);
  return meeting;
}

static gboolean
check_rating_value (RmmStore                *self,
                    const RmmDecisionInput  *input,
                    GError                 **error)
{
  g_autofree char *framework_id = NULL;
  RmmFramework *framework;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT a.framework FROM child c JOIN area a "
                               "ON a.id = c.area_id WHERE c.id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, input->child_id);
  if (!rmm_store_step_row (stmt, "child", input->child_id, error))
    return FALSE;
  framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);

  framework = rmm_framework_lookup (framework_id);
  if (framework == NULL || rmm_framework_find_level (framework, input->value) == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a rating of the area’s framework (%s)."),
                   input->value ? input->value : "", framework_id);
      return FALSE;
    }
  return TRUE;
}

/* A lead agency is required; a lead professional, if named, works for it. */
static gboolean
check_lead (RmmStore                *self,
            const RmmDecisionInput  *input,
            GError                 **error)
{
  gint64 agency_id;

  if (input->lead_agency_id == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A lead-agency decision must name the lead agency."));
      return FALSE;
    }
  if (input->lead_professional_id == 0)
    return TRUE;
  agency_id = rmm_store_query_int (self, "SELECT coalesce((SELECT agency_id FROM professional "
                                         "WHERE id = ?), 0)",
                                   input->lead_professional_id, error);
  if (agency_id < 0)
    return FALSE;
  if (agency_id != input->lead_agency_id)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The lead professional must work for the lead agency."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_closure (RmmStore                *self,
               const RmmDecisionInput  *input,
               GError                 **error)
{
  g_autofree char *now = rmm_store_now (self);
  g_autofree char *day = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT coalesce((SELECT meets_on FROM meeting WHERE id = ?), "
                               "                substr(?, 1, 10))", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, input->meeting_id);
  rmm_db_stmt_bind_text (stmt, 2, now);
  if (!rmm_db_stmt_step (stmt, error))
    return FALSE;
  day = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);
  return rmm_store_check_closure (self, input->child_id, day, error);
}

static gint64
insert_decision (RmmStore                *self,
                 const RmmDecisionInput  *input,
                 gint64                   supersedes_id,
                 const char              *reason,
                 GError                 **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmField fields[] = {
    RMM_REF ("child_id", input->child_id),
    RMM_REF ("meeting_id", input->meeting_id),
    RMM_TEXT ("kind", input->kind),
    RMM_TEXT ("value", input->value ? input->value : ""),
    RMM_REF ("lead_agency_id", input->lead_agency_id),
    RMM_REF ("lead_professional_id", input->lead_professional_id),
    RMM_TEXT ("rationale", input->rationale ? input->rationale : ""),
    RMM_TEXT ("proposed_at", now),
    RMM_REF ("supersedes_id", supersedes_id),
    RMM_TEXT ("supersede_reason", reason ? reason : ""),
  };

  switch (rmm_state_from_text (RMM_TYPE_DECISION_KIND, input->kind, RMM_DECISION_KIND_UNKNOWN))
    {
    case RMM_DECISION_KIND_RISK_RATING:
      if (!check_rating_value (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_LEAD_AGENCY:
      if (!check_lead (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_CLOSURE:
      if (!check_closure (self, input, error))
        return 0;
      break;
    case RMM_DECISION_KIND_UNKNOWN:
    default:
      /* The schema's CHECK refuses it; said here in words. */
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a decision the chairs make: a risk rating, a lead agency or "
                     "a closure."), input->kind ? input->kind : "");
      return 0;
    }
  return rmm_store_insert (self, "decision", fields, G_N_ELEMENTS (fields), error);
}

/* A decision as proposed to the chairs; it stands only once both have confirmed it. */
gint64
rmm_store_propose_decision (RmmStore                *self,
                            const RmmDecisionInput  *input,
                            GError                 **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  return insert_decision (self, input, 0, NULL, error);
}

typedef struct
{
  char   *status;
  char   *kind;
  char   *value;
  char   *framework_id;    /* of the child's area */
  char   *day;             /* the meeting's date, or today outside a meeting */
  gint64  child_id;
  gint64  meeting_id;
  gint64  chair_children_id;
  gint64  chair_family_id;
  gint64  chair1_id;
  gboolean chair1_confirmed;
  gint64  chair2_id;
  gboolean chair2_confirmed;
} DecisionState;

static void
decision_state_clear (DecisionState *state)
{
  g_free (state->status);
  g_free (state->kind);
  g_free (state->value);
  g_free (state->framework_id);
  g_free (state->day);
}

static gboolean
read_decision_state (RmmStore       *self,
                     gint64          decision_id,
                     DecisionState  *state,
                     GError        **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT d.status, coalesce(d.meeting_id, 0), "
                         "       coalesce(m.chair_children_id, 0), "
                         "       coalesce(m.chair_family_id, 0), coalesce(d.chair1_id, 0), "
                         "       d.chair1_confirmed_at IS NOT NULL, coalesce(d.chair2_id, 0), "
                         "       d.chair2_confirmed_at IS NOT NULL, d.kind, d.child_id, "
                         "       d.value, a.framework, coalesce(m.meets_on, substr(?, 1, 10)) "
                         "FROM decision d JOIN child c ON c.id = d.child_id "
                         "JOIN area a ON a.id = c.area_id "
                         "LEFT JOIN meeting m ON m.id = d.meeting_id "
                         "WHERE d.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, now);
  rmm_db_stmt_bind_int (stmt, 2, decision_id);
  if (!rmm_store_step_row (stmt, "decision", decision_id, error))
    return FALSE;
  state->status = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  state->meeting_id = rmm_db_stmt_get_int (stmt, 1);
  state->chair_children_id = rmm_db_stmt_get_int (stmt, 2);
  state->chair_family_id = rmm_db_stmt_get_int (stmt, 3);
  state->chair1_id = rmm_db_stmt_get_int (stmt, 4);
  state->chair1_confirmed = rmm_db_stmt_get_int (stmt, 5);
  state->chair2_id = rmm_db_stmt_get_int (stmt, 6);
  state->chair2_confirmed = rmm_db_stmt_get_int (stmt, 7);
  state->kind = g_strdup (rmm_db_stmt_get_text (stmt, 8));
  state->child_id = rmm_db_stmt_get_int (stmt, 9);
  state->value = g_strdup (rmm_db_stmt_get_text (stmt, 10));
  state->framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 11));
  state->day = g_strdup (rmm_db_stmt_get_text (stmt, 12));
  rmm_db_stmt_reset (stmt);
  return TRUE;
}

/* Which confirmation @chair_id gives: 1 for the Children's Services chair, 2 for the
 * Family Services chair; outside a meeting, the first and second confirming person. */
static int
confirmation_slot (const DecisionState  *state,
                   gint64                chair_id,
                   GError              **error)
{
  int slot = 0;

  if (state->meeting_id != 0)
    slot = chair_id == state->chair_children_id ? 1 : chair_id == state->chair_family_id ? 2 : 0;
  else
    slot = !state->chair1_confirmed ? 1 : chair_id != state->chair1_id ? 2 : 0;

  if (slot == 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                 _("Only the meeting’s two chairs can confirm a decision, each once."));
  else if ((slot == 1 && state->chair1_confirmed) || (slot == 2 && state->chair2_confirmed))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("This chair has already confirmed the decision."));
      slot = 0;
    }
  return slot;
}

/* A chair confirms. When both have, the decision stands; a rating's framework consequences
 * (plan, trigger) are written in the same transaction. */
gboolean
rmm_store_confirm_decision (RmmStore    *self,
                            gint64       decision_id,
                            gint64       chair_id,
                            GError     **error)
{
  DecisionState state = { 0 };
  g_autofree char *now = NULL;
  gboolean both, rating;
  int kind;
  gboolean ok;
  int slot;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = read_decision_state (self, decision_id, &state, error);
  if (ok && g_strcmp0 (state.status, "confirmed") == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The decision is already confirmed by both chairs."));
      ok = FALSE;
    }
  slot = ok ? confirmation_slot (&state, chair_id, error) : 0;
  if (slot != 0)
    {
      RmmField fields[] = {
        RMM_REF (slot == 1 ? "chair1_id" : "chair2_id", chair_id),
        RMM_TEXT (slot == 1 ? "chair1_confirmed_at" : "chair2_confirmed_at", NULL),
        RMM_TEXT ("status", NULL),
      };

      now = rmm_store_now (self);
      both = slot == 1 ? state.chair2_confirmed : state.chair1_confirmed;
      fields[1].text = now;
      fields[2].text = both ? "confirmed" : state.status;
      kind = rmm_state_from_text (RMM_TYPE_DECISION_KIND, state.kind, RMM_DECISION_KIND_UNKNOWN);
      rating = both && kind == RMM_DECISION_KIND_RISK_RATING;
      ok = rmm_store_update (self, "decision", decision_id, fields, G_N_ELEMENTS (fields), error);
      if (ok && rating)
        {
          RmmConfirmedRating confirmed = {
            .decision_id = decision_id,
            .child_id = state.child_id,
            .value = state.value,
            .framework_id = state.framework_id,
            .day = state.day,
          };

          ok = rmm_store_apply_rating (self, &confirmed, error);
        }
      if (ok && both && kind == RMM_DECISION_KIND_CLOSURE)
        ok = rmm_store_apply_closure (self, decision_id, error);
    }
  else
    ok = FALSE;
  decision_state_clear (&state);

  return rmm_store_end (self, ok, error);
}

/* A confirmed decision never changes; a correction is a new proposed decision that
 * supersedes it, with a reason, and stands once both chairs confirm it. */
gint64
rmm_store_supersede_decision (RmmStore                *self,
                              gint64                   decision_id,
                              const RmmDecisionInput  *input,
                              const char              *reason,
                              GError                 **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  DecisionState state = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A correction needs a reason."));
      return 0;
    }
  if (!rmm_store_begin (self, error))
    return 0;
  if (read_decision_state (self, decision_id, &state, error))
    {
      if (g_strcmp0 (state.status, "confirmed") != 0)
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                     _("Only a confirmed decision can be superseded; change the proposal "
                       "instead."));
      else
        id = insert_decision (self, input, decision_id, reason, error);
    }
  decision_state_clear (&state);

  if (id == 0)
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

char *
rmm_store_get_current_rating (RmmStore  *self,
                              gint64     child_id,
                              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  char *rating = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT coalesce(" RMM_CURRENT_RATING_SQL ("?") ", '')", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      rating = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return rating;
}

void
rmm_decision_state_free (RmmDecisionState *state)
{
  if (state == NULL)
    return;
  g_free (state->value);
  g_free (state->dissent);
  g_free (state->proposed_at);
  g_free (state->lead_agency);
  g_free (state->lead_professional);
  g_free (state->rationale);
  g_free (state->confirmed_at);
  g_free (state);
}

#define DECISION_STATE_SELECT \
  "SELECT d.id, d.value, d.status, d.chair1_confirmed_at IS NOT NULL, " \
  "       d.chair2_confirmed_at IS NOT NULL, d.dissent, d.escalated, d.proposed_at, " \
  "       coalesce(d.lead_agency_id, 0), coalesce(g.name, ''), " \
  "       coalesce(d.lead_professional_id, 0), coalesce(p.full_name, ''), d.rationale, " \
  "       CASE WHEN d.chair1_confirmed_at IS NULL OR d.chair2_confirmed_at IS NULL THEN '' " \
  "            ELSE max(d.chair1_confirmed_at, d.chair2_confirmed_at) END " \
  "FROM decision d LEFT JOIN agency g ON g.id = d.lead_agency_id " \
  "LEFT JOIN professional p ON p.id = d.lead_professional_id "

/* The state from a DECISION_STATE_SELECT row, or NULL (no error) if there is none. */
static RmmDecisionState *
decision_state_from_stmt (RmmDbStmt  *stmt,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDecisionState *state;

  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  state = g_new0 (RmmDecisionState, 1);
  state->id = rmm_db_stmt_get_int (stmt, 0);
  state->value = g_strdup (rmm_db_stmt_get_text (stmt, 1));
  /* Unknown text (a file changed outside RMM Desk) never reads as standing. */
  state->status = rmm_state_from_text (RMM_TYPE_DECISION_STATUS, rmm_db_stmt_get_text (stmt, 2),
                                       RMM_DECISION_STATUS_PROPOSED);
  state->chair1_confirmed = rmm_db_stmt_get_int (stmt, 3);
  state->chair2_confirmed = rmm_db_stmt_get_int (stmt, 4);
  state->dissent = g_strdup (rmm_db_stmt_get_text (stmt, 5));
  state->escalated = rmm_db_stmt_get_int (stmt, 6);
  state->proposed_at = g_strdup (rmm_db_stmt_get_text (stmt, 7));
  state->lead_agency_id = rmm_db_stmt_get_int (stmt, 8);
  state->lead_agency = g_strdup (rmm_db_stmt_get_text (stmt, 9));
  state->lead_professional_id = rmm_db_stmt_get_int (stmt, 10);
  state->lead_professional = g_strdup (rmm_db_stmt_get_text (stmt, 11));
  state->rationale = g_strdup (rmm_db_stmt_get_text (stmt, 12));
  state->confirmed_at = g_strdup (rmm_db_stmt_get_text (stmt, 13));
  rmm_db_stmt_reset (stmt);
  return state;
}

/* A lead-agency decision in words: "Agency: Person", or that no one is named yet. */
char *
rmm_describe_lead (const char *agency,
                   const char *professional)
{
  if (professional == NULL || *professional == '\0')
    return g_strdup_printf (_("%s (lead professional not named yet)"), agency ? agency : "");
  return g_strdup_printf (_("%s: %s"), agency ? agency : "", professional);
}

/* The newest decision of @kind for the child at this meeting, or NULL (no error) if none. */
RmmDecisionState *
rmm_store_find_meeting_decision (RmmStore    *self,
                                 gint64       child_id,
                                 gint64       meeting_id,
                                 const char  *kind,
                                 GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ? AND d.meeting_id = ? AND d.kind = ? "
                         "ORDER BY d.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_int (stmt, 2, meeting_id);
  rmm_db_stmt_bind_text (stmt, 3, kind);
  return decision_state_from_stmt (stmt, error);
}

/* The decision of @kind that stands for the child now: the newest confirmed one that no
 * confirmed correction has superseded; NULL (no error) if none. */
RmmDecisionState *
rmm_store_find_current_decision (RmmStore    *self,
                                 gint64       child_id,
                                 const char  *kind,
                                 GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ? AND d.kind = ? AND d.status = 'confirmed' "
                         "  AND NOT EXISTS (SELECT 1 FROM decision s "
                         "                  WHERE s.supersedes_id = d.id "
                         "                  AND s.status = 'confirmed') "
                         "ORDER BY d.proposed_at DESC, d.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, kind);
  return decision_state_from_stmt (stmt, error);
}

/* The decision of @kind that stood for the child at a meeting, as its minutes record it:
 * before the meeting, or at its end when @including_meeting. Later decisions, and later
 * corrections of this one, do not change what stood then. NULL (no error) when none did. */
RmmDecisionState *
rmm_store_find_standing_decision (RmmStore    *self,
                                  gint64       child_id,
                                  const char  *kind,
                                  gint64       meeting_id,
                                  gboolean     including_meeting,
                                  GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         DECISION_STATE_SELECT
                         "WHERE d.child_id = ?1 AND d.kind = ?2 AND d.status = 'confirmed' "
                         "  AND ((?4 AND d.meeting_id = ?3) "
                         "       OR (coalesce(d.meeting_id, 0) <> ?3 "
                         "           AND substr(d.proposed_at, 1, 10) <= "
                         "               (SELECT meets_on FROM meeting WHERE id = ?3))) "
                         "ORDER BY d.meeting_id = ?3 DESC, d.proposed_at DESC, d.id DESC "
                         "LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, kind);
  rmm_db_stmt_bind_int (stmt, 3, meeting_id);
  rmm_db_stmt_bind_int (stmt, 4, including_meeting);
  return decision_state_from_stmt (stmt, error);
}

/* A chair disagrees with a proposed decision: their view is kept beside any other, the
 * decision is disputed (it does not stand) and marked for escalation to service managers. */
gboolean
rmm_store_record_dissent (RmmStore    *self,
                          gint64       decision_id,
                          gint64       chair_id,
                          const char  *view,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (view ? view : ""));
  g_autofree char *chair = NULL;
  g_autofree char *dissent = NULL;
  DecisionState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Record the chair’s view."));
      return FALSE;
    }
  if (!rmm_store_begin (self, error))
    return FALSE;
  ok = read_decision_state (self, decision_id, &state, error);
  if (ok && g_strcmp0 (state.status, "confirmed") == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE,
                   _("The decision is already confirmed by both chairs; correct it instead."));
      ok = FALSE;
    }
  if (ok && chair_id != state.chair_children_id && chair_id != state.chair_family_id)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Only the meeting’s two chairs can disagree with a decision."));
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *previous = NULL;
      RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                        "SELECT p.full_name, d.dissent FROM professional p, "
                                        "decision d WHERE p.id = ? AND d.id = ?", error);

      ok = stmt != NULL;
      if (ok)
        {
          rmm_db_stmt_bind_int (stmt, 1, chair_id);
          rmm_db_stmt_bind_int (stmt, 2, decision_id);
          ok = rmm_store_step_row (stmt, "chair", chair_id, error);
        }
      if (ok)
        {
          chair = g_strdup (rmm_db_stmt_get_text (stmt, 0));
          previous = g_strdup (rmm_db_stmt_get_text (stmt, 1));
          rmm_db_stmt_reset (stmt);
          dissent = *previous ? g_strdup_printf ("%s\n%s: %s", previous, chair, trimmed)
                              : g_strdup_printf ("%s: %s", chair, trimmed);
        }
    }
  if (ok)
    {
      RmmField fields[] = {
        RMM_TEXT ("status", "disputed"),
        RMM_TEXT ("dissent", dissent),
        RMM_INT ("escalated", 1),
      };
      ok = rmm_store_update (self, "decision", decision_id, fields, G_N_ELEMENTS (fields), error);
    }
  decision_state_clear (&state);
  return rmm_store_end (self, ok, error);
}

/* The area's next meeting after @meeting_id, for the minutes to say when it is; 0 when
 * none is arranged yet. */
gint64
rmm_store_find_next_meeting (RmmStore  *self,
                             gint64     meeting_id,
                             GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  return rmm_store_query_int (self,
                              "SELECT coalesce((SELECT n.id FROM meeting m JOIN meeting n "
                              "  ON n.area_id = m.area_id AND n.meets_on > m.meets_on "
                              "  WHERE m.id = ?1 ORDER BY n.meets_on LIMIT 1), 0)",
                              meeting_id, error);
}
