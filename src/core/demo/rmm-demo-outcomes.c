/* rmm-demo-outcomes.c: how a discussion ends: a dispute, a closure, transition to adult
 * services, and the minutes the room leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <string.h>

#include "rmm-demo-private.h"

/* What a minute-taker types for an item: short, factual, no names. */
static const char *minute_texts[N_MINUTES][2] = {
  [MINUTES_NEW] = {
    "The assessing practitioner summarised the referral and the CSE risk assessment. The "
    "young person took part in the assessment and their carer is supportive. Agencies agreed "
    "the rating on the evidence of the assessment and their own information.",
    "School and police updates were shared. The young person is guarded about who they spend "
    "time with. The meeting agreed the rating and asked the lead professional to start direct "
    "work promptly.",
  },
  [MINUTES_DOWN] = {
    "No missing episodes since the last meeting. School reports better attendance and the young "
    "person is engaging well with the specialist service. Agencies agreed the risk has reduced.",
    "Direct work is complete and the young person can say how they keep safe online and who "
    "they would go to. Police have no new intelligence. Agencies agreed the risk has reduced.",
  },
  [MINUTES_SAME] = {
    "Agencies reported little change since the last review. The young person keeps to the "
    "direct work sessions, though school attendance remains inconsistent.",
    "Police have no new intelligence. The carer remains worried about late returns; the social "
    "worker will review the evening routine with the family.",
  },
  [MINUTES_UP] = {
    "School reports new clothes and a second phone, and concern about an older associate has "
    "grown. Agencies agreed the risk has increased and what each will do next.",
    "The young person has been harder to engage and has stayed out overnight. Agencies agreed "
    "the risk has increased; the lead professional will convene the network this week.",
  },
  [MINUTES_STRATEGY] = {
    "The chairs reviewed the strategy discussion and its outcome. Agencies are sharing "
    "information weekly and the safety plan reflects what was agreed.",
    "The outcome of the strategy discussion was shared with the meeting. The lead professional "
    "confirmed the young person and their carer know what happens next.",
  },
  [MINUTES_NEW_INFORMATION] = {
    "The meeting considered the information recorded since the last meeting and the response "
    "to it, and agreed what each agency will do next.",
    "Agencies shared what they know since the new information came in. The young person has "
    "been seen by the lead professional since.",
  },
  [MINUTES_OVERDUE] = {
    "The chairs followed up the action that fell due since the last meeting; its outcome is "
    "recorded with the actions reviewed.",
    "The action agreed last week was due before this meeting. The agency responsible gave an "
    "update and the chairs recorded the outcome.",
  },
  [MINUTES_EARLY_HELP] = {
    "Family Services reported the young person is engaging with Early Help and there are no "
    "new concerns from school or police.",
    "Early Help support continues. The family report things are more settled and school has "
    "no new concerns.",
  },
  [MINUTES_DISPUTE] = {
    "The chairs did not agree the rating. Both views are recorded and the decision has been "
    "escalated to the heads of service; the item returns next week.",
    "Agencies’ views on the level of risk were divided and the chairs could not agree. The "
    "decision is escalated and the young person is back on next week’s agenda.",
  },
  [MINUTES_CLOSURE] = {
    "All agencies agreed the risk has reduced and stayed low. The young person and their carer "
    "agree with closure and know who to contact if worries return.",
    "The lead professional set out the progress made. Agencies agreed the case can close to "
    "the RMM; the young person knows how to ask for help again.",
  },
  [MINUTES_CLOSURE_EARLY_HELP] = {
    "Early Help support continues and there have been no new concerns from any agency. The "
    "chairs agreed the RMM need not hold the case.",
    "Family Services reported steady progress with Early Help and no new concerns. Agencies "
    "agreed the case can close to the RMM.",
  },
  [MINUTES_CLOSURE_NOT_AT_RISK] = {
    "The assessment found no current indicators of exploitation. The family has been given "
    "advice and knows how to get help if worries return.",
    "Agencies shared what they know and none holds a concern about exploitation. The young "
    "person and their carer were told the outcome.",
  },
  [MINUTES_CLOSURE_ADULT] = {
    "The young person is now 18 and the adult support package is in place, with a named "
    "transition worker. Agencies agreed adult services lead from here.",
    "Adult Social Care confirmed the support package and the young person has agreed to it. "
    "The RMM’s involvement ends; concerns now go through the adult safeguarding procedures.",
  },
};

static const char *transition_minutes =
  " Transition planning with Ashdown Adult Social Care is under way; the young person has met "
  "the transition worker.";

gint64
rmm_demo_propose_closure (Demo        *demo,
                          DemoChild   *child,
                          gint64       meeting,
                          CloseKind    kind,
                          GError     **error)
{
  static const struct { const char *rationale; const char *reasons; } texts[] = {
    [CLOSE_RISK_REDUCED] = {
      "Risk has come down and stayed down: no missing episodes, engaged with school and "
      "services.",
      "Risk reduced to the lowest level and sustained; the young person and their carer "
      "agree." },
    [CLOSE_EARLY_HELP] = {
      "Held at Early Help with no new concerns since the last look.",
      "No new concerns while held at Early Help; Early Help support continues without the "
      "RMM." },
    [CLOSE_NOT_AT_RISK] = {
      "The assessment and the agencies found no current indicators of exploitation.",
      "Not at risk of exploitation on the evidence of the assessment; no RMM involvement is "
      "needed." },
    [CLOSE_ADULT_SERVICES] = {
      "Now 18 with an adult support package agreed; adult services lead from here.",
      "Now an adult: the support package agreed with Ashdown Adult Social Care is in place, "
      "and the risk that remains is managed under the adult safeguarding procedures." },
  };
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting,
    .kind = RMM_DECISION_KIND_CLOSURE,
    .value = "closed",
    .rationale = texts[kind].rationale,
  };
  RmmClosureInput closure = {
    .reasons = texts[kind].reasons,
    .good_practice = "Consistent direct work by one trusted practitioner; quick information "
                     "sharing by school and police.",
    .onward_agency_id = kind == CLOSE_ADULT_SERVICES ? demo->agencies[AG_ADULT]
                      : chance (demo, 0.4) ? demo->agencies[AG_FAMILY] : 0,
  };
  gint64 id = rmm_store_propose_decision (demo->store, &input, error);

  if (id == 0 || !rmm_store_add_closure_record (demo->store, id, &closure, error))
    return 0;
  return id;
}

/* The store closes the plan as the chairs confirm the closure; nothing is left hanging. */
gboolean
rmm_demo_close_case (Demo        *demo,
                     DemoChild   *child,
                     gint64       meeting,
                     guint        index,
                     const GDate *day,
                     CloseKind    kind,
                     GError     **error)
{
  gint64 decision_id = child->closure_id;

  /* A closure never drops a trigger: each gets its answer first. */
  if (!rmm_demo_answer_triggers (demo, child, meeting, day, error) ||
      !rmm_demo_review_actions (demo, child, meeting, index, day, TRUE, error))
    return FALSE;
  if (decision_id == 0)
    decision_id = rmm_demo_propose_closure (demo, child, meeting, kind, error);
  if (decision_id == 0)
    return FALSE;
  child->has_plan = FALSE;
  child->closure_id = 0;
  return rmm_demo_confirm_by_both_chairs (demo, child->area, decision_id, error);
}

/* At 17, with risk remaining, transition planning starts; adult support is agreed at a later
 * meeting, and a young person still at risk at 18 may be referred under s42 (an adult then). */
gboolean
rmm_demo_plan_transition (Demo        *demo,
                          DemoChild   *child,
                          const GDate *day,
                          GError     **error)
{
  g_autofree char *today = rmm_date_format (day);
  g_autoptr(RmmTransition) started = NULL;
  g_autofree char *s42 = NULL;
  RmmTransitionInput input = {
    .adult_services = rmm_demo_agency_name (AG_ADULT),
    .notes = "Transition worker allocated; the young person has been told what adult "
             "services can offer.",
  };

  if (!child->transition)
    {
      child->transition = TRUE;
      input.planning_started_on = today;
      return rmm_store_record_transition (demo->store, child->id, &input, error);
    }
  if (child->adult_package ||
      !chance (demo, rmm_demo_age_on (child, day) >= 18 ? 0.4 : 0.15))
    return TRUE;
  if (!(started = rmm_store_get_transition (demo->store, child->id, error)))
    return FALSE;
  if (rmm_demo_age_on (child, day) >= 18 && chance (demo, 0.25))
    s42 = g_strdup (today);
  input.planning_started_on = started->planning_started_on;
  input.adult_package_agreed_on = today;
  input.s42_referral_on = s42;
  child->adult_package = TRUE;
  return rmm_store_record_transition (demo->store, child->id, &input, error);
}

/* A held meeting's item, as the room left it (@deferral: why it was deferred). */
gboolean
rmm_demo_add_past_item (Demo        *demo,
                        gint64       meeting,
                        gint64       child_id,
                        const char  *reasons,
                        const char  *deferral,
                        const char  *minute_text,
                        GError     **error)
{
  RmmHeldItemInput input = {
    .meeting_id = meeting,
    .child_id = child_id,
    .reasons = reasons,
    .status = deferral ? RMM_ITEM_STATUS_DEFERRED : RMM_ITEM_STATUS_DISCUSSED,
    .status_reason = deferral,
    .minute_text = minute_text,
  };

  return rmm_store_add_held_item (demo->store, &input, error) != 0;
}

/* What the minute-taker typed, for about half the items (every dispute); now and then
 * the child by their first name, as minute-takers do, which anonymised minutes take out. */
char *
rmm_demo_type_minutes (Demo        *demo,
                       DemoChild   *child,
                       MinutesKind  kind,
                       gboolean     transition)
{
  g_autofree char *views = NULL;

  if (kind != MINUTES_DISPUTE && !chance (demo, 0.5))
    return g_strdup ("");
  if (chance (demo, 0.3))
    views = g_strdup_printf ("%s joined the start of the meeting with their carer and said "
                             "what helps them feel safe. ", child->first_name);
  return g_strconcat (views ? views : "", minute_texts[kind][pick (demo, 2)],
                      transition ? transition_minutes : "", NULL);
}

/* The chairs cannot agree the rating: each view is recorded, the decision is escalated and
 * does not stand, and the child comes back next week. */
gboolean
rmm_demo_dispute_rating (Demo        *demo,
                         DemoChild   *child,
                         gint64       meeting,
                         guint        index,
                         const GDate *day,
                         guint        position,
                         const char  *reasons,
                         GError     **error)
{
  RmmFramework *framework = child->area->framework;
  /* The Children's Services chair holds to the higher of the two levels in question. */
  guint higher = MAX (MAX (position, child->rating ? child->position : 0), 1);
  const char *high = rmm_demo_level_at (framework, higher)->label;
  const char *low = rmm_demo_level_at (framework, higher - 1)->label;
  g_autofree char *for_higher = g_strdup_printf ("Rates the risk %s on the police and school "
                                                 "information shared today.", high);
  g_autofree char *for_lower = g_strdup_printf ("Rates the risk %s: the young person is "
                                                "engaging and the family is protective; the "
                                                "plan can manage the risk.", low);
  g_autofree char *minutes = rmm_demo_type_minutes (demo, child, MINUTES_DISPUTE, FALSE);
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting,
    .kind = RMM_DECISION_KIND_RISK_RATING,
    .value = rmm_demo_level_at (framework, higher)->id,
    .rationale = "Proposed on the agencies’ updates.",
  };
  gint64 id = rmm_store_propose_decision (demo->store, &input, error);

  if (id == 0 ||
      !rmm_store_record_dissent (demo->store, id, child->area->chair_children, for_higher,
                                 error) ||
      !rmm_store_record_dissent (demo->store, id, child->area->chair_family, for_lower, error) ||
      !rmm_demo_answer_triggers (demo, child, meeting, day, error))
    return FALSE;
  /* The plan stands meanwhile, its review brought forward to next week. */
  if (child->has_plan)
    {
      GDate review = *day;

      g_date_add_days (&review, 7);
      if (!rmm_demo_update_plan (demo, child, meeting, index, day, &review, 0, error))
        return FALSE;
    }
  child->back_next_week = TRUE;
  child->disputed = TRUE;
  return rmm_demo_add_past_item (demo, meeting, child->id, reasons, NULL, minutes, error);
}

/* Which of the minute-taker's texts fits the item (@closing: a CloseKind, or -1). */
MinutesKind
rmm_demo_minutes_kind (int          closing,
                       gboolean     first,
                       gboolean     strategy,
                       gboolean     new_information,
                       int          change,
                       const char  *reasons)
{
  static const MinutesKind closures[] = {
    [CLOSE_RISK_REDUCED] = MINUTES_CLOSURE,
    [CLOSE_EARLY_HELP] = MINUTES_CLOSURE_EARLY_HELP,
    [CLOSE_NOT_AT_RISK] = MINUTES_CLOSURE_NOT_AT_RISK,
    [CLOSE_ADULT_SERVICES] = MINUTES_CLOSURE_ADULT,
  };

  if (closing >= 0)
    return closures[closing];
  if (first)
    return MINUTES_NEW;
  if (strategy)
    return new_information ? MINUTES_NEW_INFORMATION : MINUTES_STRATEGY;
  if (change != 0)
    return change > 0 ? MINUTES_UP : MINUTES_DOWN;
  if (rmm_demo_has_reason (reasons, "overdue-actions"))
    return MINUTES_OVERDUE;
  if (rmm_demo_has_reason (reasons, "early-help-check"))
    return MINUTES_EARLY_HELP;
  return new_information ? MINUTES_NEW_INFORMATION : MINUTES_SAME;
}
