/* rmm-minutes-document.c: the minutes of a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the order the meeting ran: who came, the confidentiality statement, the previous
 * actions reviewed, each child's item (why, the decisions with both chairs' confirmations or
 * their disagreement, the plan and actions, triggers and responses, closure, the minute
 * text), what the meeting decided, and the sign-off. Each child's item is a section, so
 * the contents and the PDF outline have one entry per agenda item.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include <string.h>

#include "rmm-child.h"
#include "rmm-dates.h"
#include "rmm-document-text.h"
#include "rmm-documents.h"
#include "rmm-framework.h"
#include "rmm-labels.h"
#include "rmm-name-scrubber.h"
#include "rmm-store-anchors.h"

typedef struct
{
  RmmStore         *store;
  RmmMeeting       *meeting;
  RmmPdfDocument   *document;
  RmmFramework     *framework;
  RmmTriggerRules  *rules;
  RmmNameScrubber  *scrubber;     /* anonymised: children's names out of typed text */
  gint64            child_id;     /* whose item the text being written is about; 0: none */
  GPtrArray        *responses;    /* RmmTriggerResponse recorded at the meeting */
  GHashTable       *references;   /* a child's reference → their id, for the summary */
  GHashTable       *items;        /* a child's reference → their RmmAgendaItem */
  char             *next_meeting; /* when the area meets next, in words */
  gboolean          anonymised;
  gboolean          draft;        /* the meeting has not concluded */
} Minutes;

static void
minutes_clear (Minutes *minutes)
{
  g_clear_object (&minutes->meeting);
  g_clear_object (&minutes->document);
  g_clear_object (&minutes->rules);
  g_clear_pointer (&minutes->scrubber, rmm_name_scrubber_free);
  g_clear_pointer (&minutes->responses, g_ptr_array_unref);
  g_clear_pointer (&minutes->references, g_hash_table_unref);
  g_clear_pointer (&minutes->items, g_hash_table_unref);
  g_free (minutes->next_meeting);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Minutes, minutes_clear)

/* The decisions that stood for a child, before a meeting or at its end. */
typedef struct
{
  RmmDecisionState *rating;
  RmmDecisionState *lead;
  RmmDecisionState *closure;
} Standing;

static void
standing_clear (Standing *standing)
{
  g_clear_pointer (&standing->rating, rmm_decision_state_free);
  g_clear_pointer (&standing->lead, rmm_decision_state_free);
  g_clear_pointer (&standing->closure, rmm_decision_state_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Standing, standing_clear)

/* Free text typed about @child_id (0: no one child) as this variant may carry it. */
static char *
clean_for (Minutes    *minutes,
           gint64      child_id,
           const char *text)
{
  if (minutes->scrubber != NULL)
    return rmm_name_scrubber_apply (minutes->scrubber, child_id, text);
  return g_strdup (text ? text : "");
}

/* Free text in the item being written. */
static char *
clean (Minutes    *minutes,
       const char *text)
{
  return clean_for (minutes, minutes->child_id, text);
}

/* A child named by the store as "First Last", as this variant names them: from the agenda
 * when they are on it, so that "Mary Ann Whitlock" is M.W. everywhere, not M.A. in a table
 * that only has the name in one piece. */
static char *
child_label (Minutes    *minutes,
             const char *full_name,
             const char *reference)
{
  RmmAgendaItem *item = minutes->items ? g_hash_table_lookup (minutes->items, reference) : NULL;
  g_auto(GStrv) names = NULL;

  if (item != NULL)
    return rmm_document_child_name (rmm_agenda_item_get_first_name (item),
                                    rmm_agenda_item_get_last_name (item), reference,
                                    minutes->anonymised);
  names = g_strsplit (full_name ? full_name : "", " ", 2);
  return rmm_document_child_name (names[0] ? names[0] : "", names[0] ? names[1] : "",
                                  reference, minutes->anonymised);
}

static void
add_text_paragraphs (Minutes    *minutes,
                     const char *text)
{
  g_autofree char *cleaned = clean (minutes, text);
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", g_strstrip (cleaned), 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      rmm_pdf_document_add_paragraph (minutes->document, paragraphs[i]);
}

static void
add_clean_key_value (Minutes    *minutes,
                     const char *key,
                     const char *value)
{
  g_autofree char *cleaned = clean (minutes, value);

  if (*cleaned != '\0')
    rmm_pdf_document_add_key_value (minutes->document, key, cleaned);
}

static const char *
attendance_label (RmmAttendanceStatus status)
{
  switch (status)
    {
    case RMM_ATTENDANCE_STATUS_PRESENT:
      return _("Present");
    case RMM_ATTENDANCE_STATUS_APOLOGIES:
      return _("Apologies");
    case RMM_ATTENDANCE_STATUS_SENT_INFORMATION:
      return _("Sent information");
    case RMM_ATTENDANCE_STATUS_OBSERVER:
      return _("Observer");
    case RMM_ATTENDANCE_STATUS_UNKNOWN:
    default:
      /* The file holds a word RMM Desk does not write; `rmmctl check` says where. */
      return _("Not known");
    }
}

static void
add_header (Minutes          *minutes,
            RmmMeetingRecord *record)
{
  RmmPdfDocument *document = minutes->document;
  RmmMeeting *meeting = minutes->meeting;
  g_autofree char *day = rmm_document_format_date (rmm_meeting_get_meets_on (meeting));
  g_autofree char *subtitle = NULL;
  g_autofree char *opened = rmm_document_format_time (record->opened_at);
  g_autofree char *concluded = rmm_document_format_time (record->concluded_at);

  subtitle = g_strdup_printf (_("%s · %s at %s"), rmm_meeting_get_area_name (meeting), day,
                              rmm_meeting_get_starts_at (meeting));
  rmm_pdf_document_add_title (document, minutes->draft
                                        ? _("DRAFT minutes of the CSE Risk Management Meeting")
                                        : _("Minutes of the CSE Risk Management Meeting"),
                              subtitle);
  if (minutes->draft)
    rmm_pdf_document_add_note (document, _("DRAFT: the meeting has not concluded, so what "
                                           "these minutes record can still change."));
  if (minutes->anonymised)
    rmm_pdf_document_add_note (document, _("Anonymised for a wider circulation: children are "
                                           "shown by their initials and reference."));
  rmm_pdf_document_add_key_value (document, _("Status"), rmm_meeting_get_status_label (meeting));
  rmm_pdf_document_add_key_value (document, _("Where"),
                                  *rmm_meeting_get_location (meeting) != '\0'
                                  ? rmm_meeting_get_location (meeting) : _("Not recorded"));
  rmm_pdf_document_add_key_value (document, _("Chair (Children’s Services)"),
                                  rmm_meeting_get_chair_children (meeting));
  rmm_pdf_document_add_key_value (document, _("Chair (Family Services)"),
                                  rmm_meeting_get_chair_family (meeting));
  rmm_pdf_document_add_key_value (document, _("Minute-taker"),
                                  rmm_meeting_get_minute_taker (meeting));
  if (*opened != '\0')
    rmm_pdf_document_add_key_value (document, _("Opened"), opened);
  if (*concluded != '\0')
    rmm_pdf_document_add_key_value (document, _("Concluded"), concluded);
  rmm_pdf_document_add_key_value (document, _("Next meeting"), minutes->next_meeting);
  rmm_pdf_document_add_contents (document);
}

/* "Tuesday 8 December 2026 at 10:00", or that none is arranged. */
static char *
describe_next_meeting (RmmStore    *store,
                       RmmMeeting  *meeting,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RmmMeeting) next = NULL;
  g_autofree char *day = NULL;
  gint64 id = rmm_store_find_next_meeting (store, rmm_meeting_get_id (meeting), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (id == 0)
    return g_strdup (_("Not arranged yet"));
  if (!(next = rmm_store_get_meeting (store, id, error)))
    return NULL;
  day = rmm_document_format_date (rmm_meeting_get_meets_on (next));
  return g_strdup_printf (_("%s at %s"), day, rmm_meeting_get_starts_at (next));
}

static gboolean
add_attendance (Minutes          *minutes,
                RmmMeetingRecord *record,
                GError          **error)
{
  RmmPdfDocument *document = minutes->document;
  g_autoptr(GPtrArray) rows = rmm_store_list_attendance (minutes->store,
                                                         rmm_meeting_get_id (minutes->meeting),
                                                         error);
  static const double widths[] = { 0.38, 0.34, 0.28 };
  const char *headers[] = { _("Agency"), _("Name"), _("Attendance") };
  g_autofree char *read_at = rmm_document_format_time (record->statement_read_at);

  if (rows == NULL)
    return FALSE;
  rmm_pdf_document_add_heading (document, 1, _("Attendance and apologies"));
  if (rows->len == 0)
    rmm_pdf_document_add_paragraph (document, _("No attendance was recorded."));
  else
    rmm_pdf_document_begin_table (document, 3, widths, headers);
  for (guint i = 0; i < rows->len; i++)
    {
      RmmAttendance *row = g_ptr_array_index (rows, i);
      g_autofree char *sent = rmm_document_format_short_date (row->information_sent_at);
      g_autofree char *status = *sent != '\0'
        ? g_strdup_printf (_("%s (%s)"), attendance_label (row->status), sent)
        : g_strdup (attendance_label (row->status));
      /* A name typed here can be anyone's ("Mrs Lomax, Tobias's mum"). */
      g_autofree char *name = clean_for (minutes, 0, row->name);
      const char *cells[] = { row->agency, name, status };

      rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
    }

  rmm_pdf_document_add_heading (document, 1, _("Confidentiality"));
  rmm_pdf_document_add_paragraph (document, rmm_meeting_get_confidentiality_statement ());
  if (*read_at != '\0')
    {
      g_autofree char *note = g_strdup_printf (_("Read out by the chair at the opening, %s."),
                                               read_at);

      rmm_pdf_document_add_note (document, note);
    }
  return TRUE;
}

static gboolean
add_previous_actions (Minutes  *minutes,
                      GError  **error)
{
  RmmPdfDocument *document = minutes->document;
  g_autoptr(GPtrArray) actions = rmm_store_list_previous_actions (minutes->store,
                                                                  rmm_meeting_get_id (minutes->meeting),
                                                                  error);
  static const double widths[] = { 0.2, 0.36, 0.18, 0.12, 0.14 };
  const char *headers[] = { _("Child"), _("Action"), _("Owner"), _("Due"), _("Outcome") };

  if (actions == NULL)
    return FALSE;
  rmm_pdf_document_add_heading (document, 1, _("Previous actions"));
  if (actions->len == 0)
    {
      rmm_pdf_document_add_paragraph (document, _("No actions were due for review."));
      return TRUE;
    }
  rmm_pdf_document_begin_table (document, 5, widths, headers);
  for (guint i = 0; i < actions->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *child = child_label (minutes, action->child_name, action->reference);
      g_autofree char *what = clean_for (minutes, action->child_id, action->description);
      g_autofree char *owner = rmm_describe_lead (action->agency, action->owner);
      g_autofree char *due = rmm_document_format_short_date (action->due_on);
      /* Reviewed at a later meeting is not reviewed at this one. */
      gboolean reviewed = action->status_meeting_id == rmm_meeting_get_id (minutes->meeting);
      g_autofree char *carried_to = rmm_document_format_short_date (reviewed ? action->carried_to
                                                                             : "");
      g_autofree char *outcome = *carried_to != '\0'
        ? g_strdup_printf (_("Carried forward to %s"), carried_to)
        : g_strdup (reviewed ? rmm_action_status_label (action->status) : _("Not reviewed"));
      const char *cells[] = { child, what, *action->owner ? owner : action->agency, due, outcome };

      rmm_pdf_document_add_row (document, reviewed ? RMM_PDF_ROW_PLAIN : RMM_PDF_ROW_FLAGGED,
                                cells);
    }
  return TRUE;
}

/* Where the two chairs stand on something that needs them both. */
static char *
describe_chairs (Minutes  *minutes,
                 gboolean  confirmed,
                 gboolean  chair1_confirmed,
                 gboolean  chair2_confirmed)
{
  const char *chair1 = rmm_meeting_get_chair_children (minutes->meeting);
  const char *chair2 = rmm_meeting_get_chair_family (minutes->meeting);

  if (confirmed)
    return g_strdup_printf (_("Confirmed by %s (Children’s Services) and %s (Family Services)."),
                            chair1, chair2);
  if (chair1_confirmed || chair2_confirmed)
    return g_strdup_printf (_("Confirmed by %s only; not yet decided."),
                            chair1_confirmed ? chair1 : chair2);
  return g_strdup (_("Proposed; not confirmed by the chairs."));
}

static char *
describe_confirmation (Minutes          *minutes,
                       RmmDecisionState *decision)
{
  if (decision->status == RMM_DECISION_STATUS_DISPUTED)
    {
      g_autofree char *dissent = clean (minutes, decision->dissent);

      return g_strdup_printf (_("The chairs disagreed: %s%s"), dissent,
                              decision->escalated ? _(" Escalated for resolution.") : "");
    }
  return describe_chairs (minutes, decision->status == RMM_DECISION_STATUS_CONFIRMED,
                          decision->chair1_confirmed,
                          decision->chair2_confirmed);
}

static gboolean
add_decisions (Minutes       *minutes,
               RmmAgendaItem *item,
               GError       **error)
{
  gint64 child_id = rmm_agenda_item_get_child_id (item);
  gint64 meeting_id = rmm_meeting_get_id (minutes->meeting);
  g_autoptr(RmmDecisionState) rating = NULL;
  g_autoptr(RmmDecisionState) lead = NULL;
  g_autoptr(GError) local_error = NULL;

  rating = rmm_store_find_meeting_decision (minutes->store, child_id, meeting_id, RMM_DECISION_KIND_RISK_RATING,
                                            &local_error);
  if (local_error == NULL)
    lead = rmm_store_find_meeting_decision (minutes->store, child_id, meeting_id, RMM_DECISION_KIND_LEAD_AGENCY,
                                            &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (rating != NULL)
    {
      g_autofree char *confirmation = describe_confirmation (minutes, rating);
      g_autofree char *text = g_strdup_printf ("%s. %s",
                                               rmm_framework_describe_level (minutes->framework,
                                                                            rating->value),
                                               confirmation);

      rmm_pdf_document_add_key_value (minutes->document, _("Risk rating"), text);
      add_clean_key_value (minutes, _("Reason for the rating"), rating->rationale);
    }
  if (lead != NULL)
    {
      g_autofree char *who = rmm_describe_lead (lead->lead_agency, lead->lead_professional);
      g_autofree char *confirmation = describe_confirmation (minutes, lead);
      g_autofree char *text = g_strdup_printf ("%s. %s", who, confirmation);

      rmm_pdf_document_add_key_value (minutes->document, _("Lead agency"), text);
      add_clean_key_value (minutes, _("Reason for the lead agency"), lead->rationale);
    }
  return TRUE;
}

static gboolean
add_plan (Minutes       *minutes,
          RmmAgendaItem *item,
          GError       **error)
{
  gint64 child_id = rmm_agenda_item_get_child_id (item);
  gint64 meeting_id = rmm_meeting_get_id (minutes->meeting);
  g_autoptr(GPtrArray) versions = rmm_store_list_plan_versions (minutes->store, child_id, error);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) agreed = g_ptr_array_new ();
  static const double widths[] = { 0.46, 0.2, 0.2, 0.14 };
  const char *headers[] = { _("Action agreed"), _("Owner"), _("Agency"), _("Due") };

  if (versions == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    {
      RmmPlanVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *review = NULL;
      g_autofree char *text = NULL;

      if (version->meeting_id != meeting_id)
        continue;
      review = rmm_document_format_date (version->review_on);
      text = g_strdup_printf (_("Version %u agreed; to be reviewed by %s."), version->version,
                              review);
      rmm_pdf_document_add_key_value (minutes->document, _("Safety plan"), text);
      add_clean_key_value (minutes, _("Risks"), version->risks);
      add_clean_key_value (minutes, _("Protective factors"), version->protective_factors);
      add_clean_key_value (minutes, _("The child’s views"), version->child_views);
      add_clean_key_value (minutes, _("Parents’ or carers’ views"), version->carer_views);
      add_clean_key_value (minutes, _("Direct work by"), version->direct_work_by);
      break;
    }

  if (!(actions = rmm_store_list_meeting_actions (minutes->store, meeting_id, child_id, error)))
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (agreed, g_ptr_array_index (actions, i));
  if (agreed->len > 0)
    rmm_pdf_document_begin_table (minutes->document, 4, widths, headers);
  for (guint i = 0; i < agreed->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (agreed, i);
      g_autofree char *what = clean (minutes, action->description);
      g_autofree char *due = rmm_document_format_short_date (action->due_on);
      const char *cells[] = { what, action->owner, action->agency, due };

      rmm_pdf_document_add_row (minutes->document, RMM_PDF_ROW_PLAIN, cells);
    }
  return TRUE;
}

static const char *
rule_title (Minutes    *minutes,
            const char *rule_id)
{
  const RmmTriggerRule *rule = minutes->rules ? rmm_trigger_rules_find (minutes->rules, rule_id)
                                              : NULL;

  if (g_strcmp0 (rule_id, "manual") == 0)
    return _("Raised by hand");
  return rule != NULL ? rmm_trigger_rule_describe (rule) : rule_id;
}

static char *
describe_response (Minutes            *minutes,
                   RmmTriggerResponse *response)
{
  g_autofree char *raised = rmm_document_format_date (response->raised_at);
  g_autofree char *held = rmm_document_format_date (response->convened_on);
  g_autofree char *outcome = clean (minutes, response->outcome);
  g_autofree char *present = clean (minutes, response->agencies_present);
  g_autofree char *reasons = clean (minutes, response->reasons);
  g_autofree char *confirmation = describe_chairs (minutes, response->confirmed,
                                                   response->chair1_confirmed,
                                                   response->chair2_confirmed);
  g_autofree char *answer = NULL;

  if (response->convened)
    answer = g_strdup_printf (_("Strategy discussion held on %s (%s): %s%s"), held,
                              present, outcome,
                              response->section47 ? _(" Section 47 enquiries follow.") : "");
  else
    answer = g_strdup_printf (_("Not convened: %s"), reasons);
  return g_strdup_printf (_("%s, raised %s. %s %s"), rule_title (minutes, response->rule_id),
                          raised, answer, confirmation);
}

static gboolean
add_triggers (Minutes            *minutes,
              const RmmItemFacts *facts,
              GError            **error)
{
  g_autoptr(GPtrArray) open = NULL;

  for (guint i = 0; i < minutes->responses->len; i++)
    {
      RmmTriggerResponse *response = g_ptr_array_index (minutes->responses, i);
      g_autofree char *text = NULL;

      if (response->child_id != facts->child_id)
        continue;
      text = describe_response (minutes, response);
      rmm_pdf_document_add_key_value (minutes->document, _("Trigger"), text);
    }
  if (!(open = rmm_store_list_triggers (minutes->store, facts->child_id, FALSE, error)))
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      RmmTrigger *trigger = g_ptr_array_index (open, i);
      g_autofree char *raised = NULL;
      g_autofree char *text = NULL;

      if (!rmm_trigger_was_open_on (trigger, rmm_meeting_get_meets_on (minutes->meeting)))
        continue;
      raised = rmm_document_format_date (trigger->raised_at);
      text = g_strdup_printf (_("%s, raised %s: waiting for the RMM’s response."),
                              rule_title (minutes, trigger->rule_id), raised);
      rmm_pdf_document_add_key_value (minutes->document, _("Open trigger"), text);
    }
  return TRUE;
}

static gboolean
add_closure (Minutes       *minutes,
             RmmAgendaItem *item,
             GError       **error)
{
  g_autoptr(RmmDecisionState) decision = NULL;
  g_autoptr(RmmClosure) closure = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *confirmation = NULL;

  decision = rmm_store_find_meeting_decision (minutes->store, rmm_agenda_item_get_child_id (item),
                                              rmm_meeting_get_id (minutes->meeting), RMM_DECISION_KIND_CLOSURE,
                                              &local_error);
  if (decision != NULL)
    closure = rmm_store_get_closure (minutes->store, decision->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (decision == NULL)
    return TRUE;
  confirmation = describe_confirmation (minutes, decision);
  rmm_pdf_document_add_key_value (minutes->document, _("Case closure"), confirmation);
  add_clean_key_value (minutes, _("Reason for the decision"), decision->rationale);
  if (closure != NULL)
    {
      g_autofree char *onward = *closure->onward_agency == '\0'
        ? g_strdup (closure->onward_referral)
        : *closure->onward_referral == '\0'
        ? g_strdup (closure->onward_agency)
        : g_strdup_printf ("%s: %s", closure->onward_agency, closure->onward_referral);

      add_clean_key_value (minutes, _("Reasons for closure"), closure->reasons);
      add_clean_key_value (minutes, _("Good practice"), closure->good_practice);
      add_clean_key_value (minutes, _("Onward referral"), onward);
    }
  return TRUE;
}

/* Whether a rating puts a child on the county-wide CSE list. */
static gboolean
is_listed (Minutes          *minutes,
           RmmDecisionState *rating,
           RmmDecisionState *closure)
{
  const RmmRiskLevel *level;

  if (rating == NULL || minutes->framework == NULL)
    return FALSE;
  /* As the CSE list counts it: a closure both chairs confirmed once the rating stood takes
   * the child off, though it was proposed before the meeting rated them. */
  if (closure != NULL && g_strcmp0 (closure->confirmed_at, rating->confirmed_at) >= 0)
    return FALSE;
  level = rmm_framework_find_level (minutes->framework, rating->value);
  return level != NULL && level->cse_list;
}

/* Joined, left, stays on or is not on the CSE list, comparing what stood before the meeting
 * with what stood at its end. */
static const char *
describe_listing (Minutes  *minutes,
                  Standing *before,
                  Standing *after)
{
  gboolean was = is_listed (minutes, before->rating, before->closure);
  gboolean is = is_listed (minutes, after->rating, after->closure);

  if (is && !was)
    return _("Joined the county-wide CSE list at this meeting.");
  if (was && !is)
    return _("Left the county-wide CSE list at this meeting.");
  return is ? _("Stays on the county-wide CSE list.") : _("Not on the county-wide CSE list.");
}

/* Held at Early Help: by whom, and when the RMM looks at the child again. */
static char *
describe_early_help (Minutes            *minutes,
                     Standing           *after,
                     const RmmItemFacts *facts)
{
  const RmmRiskLevel *level;
  g_autofree char *due = NULL;
  g_autofree char *day = NULL;
  g_autofree char *rated_on = NULL;
  GDate review;

  if (after->rating == NULL || minutes->framework == NULL || after->closure != NULL ||
      !(level = rmm_framework_find_level (minutes->framework, after->rating->value)) ||
      !level->held_at_early_help)
    return NULL;
  if (*facts->plan_review_on != '\0')
    due = g_strdup (facts->plan_review_on);
  else if (level->review_interval_days > 0
           && rmm_date_parse ((rated_on = g_strndup (after->rating->proposed_at, 10)), &review))
    {
      g_date_add_days (&review, level->review_interval_days);
      due = rmm_date_format (&review);
    }
  if (due == NULL)
    return g_strdup (_("Held at Early Help by Family Services."));
  day = rmm_document_format_date (due);
  return g_strdup_printf (_("Held at Early Help by Family Services; the RMM looks at the "
                            "child again by %s."), day);
}

/* A date (YYYY-MM-DD) on or before @day; FALSE for none. */
static gboolean
happened_by (const char *date,
             const char *day)
{
  return date != NULL && *date != '\0' && strncmp (date, day, 10) <= 0;
}

static char *
describe_transition (RmmTransition *transition,
                     const char    *meets_on)
{
  g_autofree char *started = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *referred = NULL;
  g_autofree char *package = NULL;
  g_autofree char *s42 = NULL;

  /* As it stood on the meeting's day: what happened later is in later minutes. */
  if (transition == NULL || !happened_by (transition->planning_started_on, meets_on))
    return g_strdup (_("Planning for adulthood has not started yet."));
  started = rmm_document_format_date (transition->planning_started_on);
  agreed = rmm_document_format_date (happened_by (transition->adult_package_agreed_on, meets_on)
                                     ? transition->adult_package_agreed_on : "");
  referred = rmm_document_format_date (happened_by (transition->s42_referral_on, meets_on)
                                       ? transition->s42_referral_on : "");
  package = *agreed != '\0' ? g_strdup_printf (_("adult package agreed on %s"), agreed)
                            : g_strdup (_("no adult package agreed yet"));
  s42 = *referred != '\0' ? g_strdup_printf (_("Care Act s42 referral made on %s"), referred)
                          : g_strdup (_("no Care Act s42 referral"));
  return g_strdup_printf (_("Planning started on %s with %s; %s; %s."), started,
                          *transition->adult_services ? transition->adult_services
                                                      : _("adult services not named yet"),
                          package, s42);
}

static gboolean
read_standing (Minutes   *minutes,
               gint64     child_id,
               gboolean   at_end,
               Standing  *standing,
               GError   **error)
{
  gint64 meeting_id = rmm_meeting_get_id (minutes->meeting);
  g_autoptr(GError) local_error = NULL;

  standing->rating = rmm_store_find_standing_decision (minutes->store, child_id, RMM_DECISION_KIND_RISK_RATING,
                                                       meeting_id, at_end, &local_error);
  if (local_error == NULL)
    standing->lead = rmm_store_find_standing_decision (minutes->store, child_id, RMM_DECISION_KIND_LEAD_AGENCY,
                                                       meeting_id, at_end, &local_error);
  if (local_error == NULL)
    standing->closure = rmm_store_find_standing_decision (minutes->store, child_id, RMM_DECISION_KIND_CLOSURE,
                                                          meeting_id, at_end, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Where the child stands once the meeting is over, whatever it decided: the lead agency and
 * social worker, Early Help, the CSE list, and transition when that is on the agenda. */
static gboolean
add_standing (Minutes            *minutes,
              RmmAgendaItem      *item,
              const RmmItemFacts *facts,
              GError            **error)
{
  g_auto(Standing) before = { NULL };
  g_auto(Standing) after = { NULL };
  g_autofree char *early_help = NULL;
  /* As allocated on the meeting's day, not today. */
  g_autofree char *social_worker = NULL;
  gint64 child_id = rmm_agenda_item_get_child_id (item);

  if (!read_standing (minutes, child_id, FALSE, &before, error) ||
      !read_standing (minutes, child_id, TRUE, &after, error) ||
      !(social_worker = rmm_store_get_social_worker_on (minutes->store, child_id,
                                                        rmm_meeting_get_meets_on (minutes->meeting),
                                                        error)))
    return FALSE;
  if (after.lead == NULL && *social_worker != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Led by the allocated social worker, %s"),
                                               social_worker);

      rmm_pdf_document_add_key_value (minutes->document, _("Lead agency"), text);
    }
  else if (after.lead == NULL)
    rmm_pdf_document_add_key_value (minutes->document, _("Lead agency"), _("None agreed yet"));
  else if (after.lead->id == (before.lead ? before.lead->id : 0))
    {
      g_autofree char *who = rmm_describe_lead (after.lead->lead_agency,
                                                after.lead->lead_professional);
      g_autofree char *since = rmm_document_format_date (after.lead->proposed_at);
      g_autofree char *text = g_strdup_printf (_("%s (agreed on %s)"), who, since);

      rmm_pdf_document_add_key_value (minutes->document, _("Lead agency"), text);
    }
  rmm_pdf_document_add_key_value (minutes->document, _("Social worker"),
                                  *social_worker ? social_worker : _("None allocated"));
  if ((early_help = describe_early_help (minutes, &after, facts)) != NULL)
    rmm_pdf_document_add_key_value (minutes->document, _("Early Help"), early_help);
  rmm_pdf_document_add_key_value (minutes->document, _("CSE list"),
                                  describe_listing (minutes, &before, &after));
  if (rmm_agenda_item_has_reason (item, "transition"))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RmmTransition) transition = rmm_store_get_transition (minutes->store, child_id,
                                                                      &local_error);
      g_autofree char *text = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      text = describe_transition (transition, rmm_meeting_get_meets_on (minutes->meeting));
      rmm_pdf_document_add_key_value (minutes->document, _("Transition to adulthood"), text);
    }
  return TRUE;
}

static char *
describe_item_status (Minutes       *minutes,
                      RmmAgendaItem *item)
{
  g_autofree char *reason = clean (minutes, rmm_agenda_item_get_status_reason (item));

  switch (rmm_agenda_item_get_state (item))
    {
    case RMM_ITEM_STATUS_DISCUSSED:
      return g_strdup (_("Discussed"));
    case RMM_ITEM_STATUS_DEFERRED:
      return g_strdup_printf (_("Deferred: %s"), reason);
    case RMM_ITEM_STATUS_REMOVED:
      return g_strdup_printf (_("Removed from the agenda: %s"), reason);
    case RMM_ITEM_STATUS_PENDING:
    default:
      return g_strdup (_("Not discussed"));
    }
}

static gboolean
add_item (Minutes       *minutes,
          RmmAgendaItem *item,
          guint          number,
          GError       **error)
{
  RmmPdfDocument *document = minutes->document;
  g_autofree char *name = rmm_document_child_name (rmm_agenda_item_get_first_name (item),
                                                   rmm_agenda_item_get_last_name (item),
                                                   rmm_agenda_item_get_child_reference (item),
                                                   minutes->anonymised);
  g_autofree char *heading = g_strdup_printf (_("%u. %s"), number, name);
  g_autofree char *reasons = rmm_agenda_describe_reasons (rmm_agenda_item_get_reasons (item));
  g_autofree char *status = describe_item_status (minutes, item);
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (minutes->store,
                                                           rmm_agenda_item_get_id (item), error);
  g_autofree char *age = NULL;

  if (facts == NULL)
    return FALSE;
  minutes->child_id = rmm_agenda_item_get_child_id (item);
  age = g_strdup_printf (_("%u"), facts->age);
  rmm_pdf_document_begin_section (document, 1, heading, NULL);
  rmm_pdf_document_add_key_value (document, _("Why on the agenda"), reasons);
  rmm_pdf_document_add_key_value (document, _("Age"), age);
  rmm_pdf_document_add_key_value (document, _("Outcome"), status);
  if (!add_decisions (minutes, item, error) || !add_standing (minutes, item, facts, error)
      || !add_plan (minutes, item, error) || !add_triggers (minutes, facts, error)
      || !add_closure (minutes, item, error))
    return FALSE;
  if (*g_strstrip (facts->minute_text) != '\0')
    {
      rmm_pdf_document_add_heading (document, 2, _("Discussion"));
      add_text_paragraphs (minutes, facts->minute_text);
    }
  return TRUE;
}

static gboolean
add_summary (Minutes  *minutes,
             GError  **error)
{
  RmmPdfDocument *document = minutes->document;
  g_autoptr(GPtrArray) lines = rmm_store_summarize_meeting (minutes->store,
                                                            rmm_meeting_get_id (minutes->meeting),
                                                            error);
  static const double widths[] = { 0.18, 0.3, 0.52 };
  const char *headers[] = { _("Decision"), _("Child"), _("Detail") };

  if (lines == NULL)
    return FALSE;
  rmm_pdf_document_add_heading (document, 1, _("Decisions summary"));
  if (lines->len == 0)
    {
      rmm_pdf_document_add_paragraph (document, _("The meeting recorded no decisions."));
      return TRUE;
    }
  rmm_pdf_document_begin_table (document, 3, widths, headers);
  for (guint i = 0; i < lines->len; i++)
    {
      RmmSummaryLine *line = g_ptr_array_index (lines, i);
      g_autofree char *child = child_label (minutes, line->name, line->reference);
      gint64 *child_id = g_hash_table_lookup (minutes->references, line->reference);
      g_autofree char *detail = clean_for (minutes, child_id ? *child_id : 0, line->detail);
      const char *cells[] = { rmm_summary_kind_label (line->kind), child, detail };
      gboolean flagged = line->kind == RMM_SUMMARY_KIND_RATING_DISPUTED ||
                         line->kind == RMM_SUMMARY_KIND_RATING_UP;

      rmm_pdf_document_add_row (document, flagged ? RMM_PDF_ROW_FLAGGED : RMM_PDF_ROW_PLAIN,
                                cells);
    }
  return TRUE;
}

static void
add_sign_off_line (Minutes    *minutes,
                   const char *role,
                   const char *chair,
                   const char *signed_at)
{
  g_autofree char *at = rmm_document_format_time (signed_at);
  g_autofree char *text = *at != '\0'
    ? g_strdup_printf (_("%s, chair for %s: signed off %s"), chair, role, at)
    : g_strdup_printf (_("%s, chair for %s: not yet signed off"), chair, role);

  rmm_pdf_document_add_check (minutes->document, *at != '\0', text);
}

/* The audit event that recorded the sign-off, printed where whoever holds the file cannot
 * change it: `rmmctl check --anchor` proves from it that the trail was not cut or rewritten. */
static void
add_seal (Minutes *minutes)
{
  g_autoptr(RmmAnchor) seal = rmm_store_get_meeting_seal (minutes->store,
                                                          rmm_meeting_get_id (minutes->meeting),
                                                          NULL);
  g_autofree char *text = NULL;

  if (seal == NULL)
    return;
  /* TRANSLATORS: "Audit seal: event 9031, 3f2a…": the sign-off's audit event and hash */
  text = g_strdup_printf (_("Audit seal: event %lld, %.16s. “rmmctl check --anchor %lld:%.16s” "
                            "shows whether the record has been cut or rewritten since the "
                            "sign-off."),
                          (long long)seal->event, seal->hash, (long long)seal->event, seal->hash);
  rmm_pdf_document_add_note (minutes->document, text);
}

static void
add_sign_off (Minutes          *minutes,
              RmmMeetingRecord *record)
{
  rmm_pdf_document_add_heading (minutes->document, 1, _("Sign-off"));
  rmm_pdf_document_add_paragraph (minutes->document,
                                  _("Both chairs sign off the minutes; once both have, the "
                                    "record of this meeting can no longer change."));
  add_sign_off_line (minutes, _("Children’s Services"),
                     rmm_meeting_get_chair_children (minutes->meeting), record->chair1_signed_at);
  add_sign_off_line (minutes, _("Family Services"),
                     rmm_meeting_get_chair_family (minutes->meeting), record->chair2_signed_at);
  add_seal (minutes);
}

/* Minutes are a draft until the meeting concludes. */
static gboolean
is_draft (RmmMeeting *meeting)
{
  return rmm_meeting_get_state (meeting) < RMM_MEETING_STATUS_CONCLUDED;
}

static RmmPdfDocument *
start_document (RmmStore                 *store,
                RmmMeeting               *meeting,
                gboolean                  draft,
                const RmmDocumentOptions *options)
{
  g_autofree char *marking = rmm_document_get_marking (store, options);
  g_autofree char *day = rmm_document_format_date (rmm_meeting_get_meets_on (meeting));
  g_autofree char *title = draft ? g_strdup_printf (_("DRAFT RMM minutes, %s, %s"),
                                                    rmm_meeting_get_area_name (meeting), day)
                                 : g_strdup_printf (_("RMM minutes, %s, %s"),
                                                    rmm_meeting_get_area_name (meeting), day);
  RmmPdfInfo info = {
    .title = title,
    .subject = options->anonymised ? _("Minutes of the CSE Risk Management Meeting (anonymised)")
                                   : _("Minutes of the CSE Risk Management Meeting"),
    .author = rmm_meeting_get_minute_taker (meeting),
    .marking = marking,
    .date = day,
    /* TRANSLATORS: across every page of minutes of a meeting not yet concluded */
    .watermark = draft ? _("DRAFT") : NULL,
  };

  return rmm_pdf_document_new (&info);
}

/* Every child on the agenda leaves the typed text; every professional stays in it. */
static gboolean
start_scrubbing (Minutes     *minutes,
                 GListModel  *items,
                 GError     **error)
{
  g_autoptr(GPtrArray) professionals = rmm_store_list_professional_names (minutes->store, error);
  g_autoptr(GListModel) everyone = NULL;
  const char *staff[] = {
    rmm_meeting_get_chair_children (minutes->meeting),
    rmm_meeting_get_chair_family (minutes->meeting),
    rmm_meeting_get_minute_taker (minutes->meeting),
  };

  if (professionals == NULL ||
      !(everyone = rmm_store_list_children (minutes->store, 0, error)))
    return FALSE;
  minutes->scrubber = rmm_name_scrubber_new ();
  /* Every child the database knows, not only those on this agenda: "his cousin Vinnie
   * Bevan-Cole" is a child too. */
  for (guint i = 0; i < g_list_model_get_n_items (everyone); i++)
    {
      g_autoptr(RmmChild) child = g_list_model_get_item (everyone, i);

      rmm_name_scrubber_add_child (minutes->scrubber, rmm_child_get_id (child),
                                   rmm_child_get_first_name (child),
                                   rmm_child_get_last_name (child));
    }
  for (guint i = 0; i < professionals->len; i++)
    rmm_name_scrubber_add_professional (minutes->scrubber,
                                        ((RmmNamedId *)g_ptr_array_index (professionals, i))->name);
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    rmm_name_scrubber_add_professional (minutes->scrubber, staff[i]);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);

      rmm_name_scrubber_add_child (minutes->scrubber, rmm_agenda_item_get_child_id (item),
                                   rmm_agenda_item_get_first_name (item),
                                   rmm_agenda_item_get_last_name (item));
    }
  return TRUE;
}

static gboolean
add_items (Minutes  *minutes,
           GError  **error)
{
  g_autoptr(GListModel) items = rmm_store_list_agenda (minutes->store,
                                                       rmm_meeting_get_id (minutes->meeting),
                                                       error);
  guint n;

  if (items == NULL)
    return FALSE;
  n = g_list_model_get_n_items (items);
  minutes->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  minutes->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RmmAgendaItem *item = g_list_model_get_item (items, i);
      gint64 child_id = rmm_agenda_item_get_child_id (item);

      g_hash_table_replace (minutes->references,
                            g_strdup (rmm_agenda_item_get_child_reference (item)),
                            g_memdup2 (&child_id, sizeof child_id));
      g_hash_table_replace (minutes->items,
                            g_strdup (rmm_agenda_item_get_child_reference (item)), item);
    }
  if (minutes->anonymised && !start_scrubbing (minutes, items, error))
    return FALSE;
  minutes->responses = rmm_store_list_trigger_responses (minutes->store,
                                                         rmm_meeting_get_id (minutes->meeting),
                                                         0, error);
  if (minutes->responses == NULL || !add_previous_actions (minutes, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);

      if (!add_item (minutes, item, i + 1, error))
        return FALSE;
    }
  minutes->child_id = 0;
  return TRUE;
}

/* The document, in the language pushed for it. */
static RmmPdfDocument *
build (RmmStore                  *store,
       gint64                     meeting_id,
       const RmmDocumentOptions  *options,
       GError                   **error)
{
  g_auto(Minutes) minutes = { store };
  g_autoptr(RmmMeetingRecord) record = NULL;
  g_autoptr(RmmArea) area = NULL;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(minutes.meeting = rmm_store_get_meeting (store, meeting_id, error)) ||
      !(record = rmm_store_get_meeting_record (store, meeting_id, error)))
    return NULL;
  area = rmm_store_find_area (store, rmm_meeting_get_area_name (minutes.meeting), NULL);
  minutes.framework = area ? rmm_framework_lookup (rmm_area_get_framework_id (area)) : NULL;
  minutes.rules = rmm_store_get_trigger_rules (store, NULL);
  if (minutes.rules != NULL)
    g_object_ref (minutes.rules);   /* the store's; a broken rules file only loses titles */
  minutes.anonymised = options->anonymised;
  minutes.draft = is_draft (minutes.meeting);
  if (!(minutes.next_meeting = describe_next_meeting (store, minutes.meeting, error)))
    return NULL;
  minutes.document = start_document (store, minutes.meeting, minutes.draft, options);

  add_header (&minutes, record);
  if (!add_attendance (&minutes, record, error) || !add_items (&minutes, error)
      || !add_summary (&minutes, error))
    return NULL;
  add_sign_off (&minutes, record);
  if (!rmm_document_record_access (store, &(RmmAccessInput) {
                                     .meeting_id = meeting_id, .document = "minutes",
                                     .audience = "professional" },
                                   options, error))
    return NULL;
  return g_steal_pointer (&minutes.document);
}

/**
 * rmm_minutes_document_new:
 *
 * The minutes of @meeting_id as they stand: a meeting still open gives a draft whose
 * status says so.
 */
RmmPdfDocument *
rmm_minutes_document_new (RmmStore                  *store,
                          gint64                     meeting_id,
                          const RmmDocumentOptions  *options,
                          GError                   **error)
{
  RmmPdfDocument *document;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  rmm_document_begin_language (store, options, "meeting", meeting_id);
  document = build (store, meeting_id, options, error);
  rmm_document_language_pop ();
  return document;
}
