/* rmm-states.h: where a meeting, an agenda item, a decision and an action stand, and how an
 * agency attended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps each state as text ("signed-off"); everything else works with these enums.
 * The text is each value's nick (glib-mkenums makes RMM_MEETING_STATUS_SIGNED_OFF's
 * "signed-off"), and rmm_state_from_text() and rmm_state_to_text() are the one place the two
 * meet: no state is compared as a string anywhere else.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The order is the meeting's course: a later state never goes back. */
typedef enum
{
  RMM_MEETING_STATUS_PLANNED,
  RMM_MEETING_STATUS_OPEN,
  RMM_MEETING_STATUS_CONCLUDED,
  RMM_MEETING_STATUS_SIGNED_OFF,
} RmmMeetingStatus;

typedef enum
{
  RMM_ITEM_STATUS_PENDING,
  RMM_ITEM_STATUS_DISCUSSED,
  RMM_ITEM_STATUS_DEFERRED,
  RMM_ITEM_STATUS_REMOVED,
} RmmItemStatus;

typedef enum
{
  RMM_DECISION_STATUS_PROPOSED,
  RMM_DECISION_STATUS_DISPUTED,
  RMM_DECISION_STATUS_CONFIRMED,
} RmmDecisionStatus;

/* An action of a safety plan: open until a meeting records how it ended. UNKNOWN is a
 * word in the file that RMM Desk never writes (changed by hand): never open, never on a
 * family's copy, and said to be unknown wherever it is shown, not passed off as another. */
typedef enum
{
  RMM_ACTION_STATUS_OPEN,
  RMM_ACTION_STATUS_DONE,
  RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES,
  RMM_ACTION_STATUS_NOT_DONE_AGENCY,
  RMM_ACTION_STATUS_CARRIED_FORWARD,
  RMM_ACTION_STATUS_UNKNOWN,
} RmmActionStatus;

/* How an agency took part in a meeting; UNKNOWN as for actions. */
typedef enum
{
  RMM_ATTENDANCE_STATUS_PRESENT,
  RMM_ATTENDANCE_STATUS_APOLOGIES,
  RMM_ATTENDANCE_STATUS_SENT_INFORMATION,
  RMM_ATTENDANCE_STATUS_OBSERVER,
  RMM_ATTENDANCE_STATUS_UNKNOWN,
} RmmAttendanceStatus;

/* What the two chairs decide about a child. The store, the "item.decide" action and the
 * decision dialogs name a kind by its nick ("risk-rating"); it is compared as this enum. */
typedef enum
{
  RMM_DECISION_KIND_RISK_RATING,
  RMM_DECISION_KIND_LEAD_AGENCY,
  RMM_DECISION_KIND_CLOSURE,
  RMM_DECISION_KIND_UNKNOWN,
} RmmDecisionKind;

/* What screening decided about a referral within 24 hours; UNKNOWN as for actions. */
typedef enum
{
  RMM_SCREENING_OUTCOME_PENDING,
  RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED,
  RMM_SCREENING_OUTCOME_NO_FURTHER_ACTION,
  RMM_SCREENING_OUTCOME_SIGNPOSTED,
  RMM_SCREENING_OUTCOME_UNKNOWN,
} RmmScreeningOutcome;

/* What a line of a meeting's summary records. */
typedef enum
{
  RMM_SUMMARY_KIND_RATING_NEW,
  RMM_SUMMARY_KIND_RATING_UP,
  RMM_SUMMARY_KIND_RATING_DOWN,
  RMM_SUMMARY_KIND_RATING_SAME,
  RMM_SUMMARY_KIND_RATING_DISPUTED,
  RMM_SUMMARY_KIND_LEAD_AGENCY,
  RMM_SUMMARY_KIND_CLOSURE,
  RMM_SUMMARY_KIND_TRIGGER,
  RMM_SUMMARY_KIND_DEFERRED,
  RMM_SUMMARY_KIND_REMOVED,
} RmmSummaryKind;

int         rmm_state_from_text (GType       enum_type,
                                 const char *text,
                                 int         fallback);
const char *rmm_state_to_text   (GType       enum_type,
                                 int         value);

G_END_DECLS
