/* rmm-demo-discussion.c: what one meeting does for one child: the rating, the lead agency,
 * triggers answered, the plan and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <string.h>

#include "rmm-demo-private.h"

/* Plan actions: who owns each, and whether the chairs may put it on the family's copy.
 * The police's own are never there (rmm_store_add_plan_action() refuses it); of the others
 * the chairs tick some. */
typedef struct
{
  const char *text;
  AgencyKind  owner;
  gboolean    for_family;
} ActionText;

static const ActionText action_texts[] = {
  { "Return home interview after every missing episode", AG_CHILDREN, TRUE },
  { "Direct work on healthy relationships, six sessions", AG_VOLUNTARY, TRUE },
  { "Share intelligence on the adult associate with the police CSE team", AG_POLICE, FALSE },
  { "School to monitor attendance and report absences the same day", AG_EDUCATION, TRUE },
  { "Sexual health appointment offered and supported", AG_HEALTH, FALSE },
  { "Review the young person’s phone safety with them and their carer", AG_CHILDREN, TRUE },
  { "Licensing check of the venue named in the referral", AG_POLICE, FALSE },
  { "Family support worker to agree a weekend routine with the family", AG_FAMILY, TRUE },
  { "Youth worker to support the young person to join a weekend activity", AG_VOLUNTARY, TRUE },
  { "Consider a Child Abduction Warning Notice for the adult of concern", AG_POLICE, FALSE },
};

/* Actions due within days: the next week's agenda finds them overdue unless reviewed. */
static const ActionText short_action_texts[] = {
  { "Share the updated safety plan with every agency in the network", AG_CHILDREN, FALSE },
  { "Visit the young person at home to go through the plan with them", AG_CHILDREN, TRUE },
  { "Welfare check at the address where the young person was found", AG_POLICE, FALSE },
};

static const char *deferral_reasons[] = {
  "The lead professional could not attend and no written update was received; deferred to "
  "next week’s meeting.",
  "Police update awaited following an arrest at the weekend; deferred to next week’s meeting.",
  "The school’s report arrived after the papers went out; deferred so that agencies can read "
  "it first.",
};

static const char *agencies_present[] = {
  "Children’s Services, Police, Education, Health",
  "Children’s Services, Police, Health, Safe Steps",
  "Children’s Services, Police, Education, Youth Justice Service",
};

#define N_AGENCIES_PRESENT G_N_ELEMENTS (agencies_present)

static const struct { const char *outcome; gboolean section47; } strategy_outcomes[] = {
  { "Information shared; the safety plan was updated with the agreed actions.", FALSE },
  { "Section 47 enquiries agreed; a joint visit by police and the social worker followed.",
    TRUE },
  { "Police to progress the investigation; agencies to report any sighting of the adult of "
    "concern the same day.", FALSE },
};

/* The RMM's answer to each trigger raised before the meeting, confirmed by both chairs: a
 * strategy discussion already held (and so reported here, never before), or not convened
 * with reasons that are true of this child. The trigger a rating raises today waits for the
 * next meeting. */
gboolean
rmm_demo_answer_triggers (Demo        *demo,
                          DemoChild   *child,
                          gint64       meeting,
                          const GDate *day,
                          GError     **error)
{
  for (guint i = 0; i < child->triggers->len;)
    {
      DemoTrigger *trigger = &g_array_index (child->triggers, DemoTrigger, i);
      int gap = g_date_days_between (&trigger->raised, day);
      gboolean recent = g_date_valid (&child->last_strategy) &&
                        g_date_days_between (&child->last_strategy, day) <= 35;
      gboolean convened;
      GDate held = trigger->raised;
      g_autofree char *held_on = NULL;
      g_autofree char *not_convened = NULL;
      guint outcome = pick (demo, G_N_ELEMENTS (strategy_outcomes));
      gint64 response;

      if (gap <= 0)
        {
          i++;
          continue;
        }
      /* A rating that needs a strategy meeting always gets one, unless one was held weeks
       * ago; new information gets one unless the agencies agree the plan covers it. */
      convened = trigger->from_rating ? !recent || chance (demo, 0.5) : chance (demo, 0.7);
      if (trigger->from_rating && gap >= 2)
        g_date_add_days (&held, 1 + pick (demo, MIN (gap - 1, 4)));
      else
        g_date_add_days (&held, pick (demo, MIN (gap, 4)));
      held_on = rmm_date_format (&held);
      if (!convened && recent)
        {
          g_autofree char *iso = rmm_date_format (&child->last_strategy);
          g_autofree char *last = rmm_date_format_uk (iso, "%-d %B %Y");
          not_convened = g_strdup_printf ("The strategy discussion on %s considered this risk; "
                                          "the safety plan already covers it.", last);
        }
      else if (!convened)
        not_convened = g_strdup ("Police and Children’s Services agreed the information is "
                                 "managed through the safety plan; the threshold for a "
                                 "strategy discussion is not met.");
      {
        RmmTriggerResponseInput input = {
          .trigger_id = trigger->id,
          .meeting_id = meeting,
          .convened = convened,
          .convened_on = held_on,
          .agencies_present = convened ? agencies_present[pick (demo, N_AGENCIES_PRESENT)] : "",
          .outcome = convened ? strategy_outcomes[outcome].outcome : "",
          .section47 = convened && strategy_outcomes[outcome].section47,
          .reasons = not_convened,
        };

        if (!(response = rmm_store_respond_to_trigger (demo->store, &input, error)) ||
            !rmm_store_confirm_trigger_response (demo->store, response,
                                                 child->area->chair_children, error) ||
            !rmm_store_confirm_trigger_response (demo->store, response,
                                                 child->area->chair_family, error))
          return FALSE;
      }
      if (convened)
        child->last_strategy = held;
      g_array_remove_index (child->triggers, i);
    }
  return TRUE;
}

/* At each meeting the actions that have come due are accounted for, in every state the
 * minutes know; one not yet due waits for its meeting. At a closure every open action ends:
 * done, or overtaken by the closure. */
gboolean
rmm_demo_review_actions (Demo        *demo,
                         DemoChild   *child,
                         gint64       meeting,
                         guint        index,
                         const GDate *day,
                         gboolean     closing,
                         GError     **error)
{
  guint n = child->actions->len;

  for (guint i = 0; i < n;)
    {
      DemoAction action = g_array_index (child->actions, DemoAction, i);
      gboolean due = g_date_compare (&action.due, day) <= 0;
      double roll = g_rand_double (demo->rand);
      RmmActionStatus outcome;
      g_autofree char *new_due_on = NULL;

      /* Open: not reviewed at this meeting. */
      if (closing)
        outcome = (due ? roll < 0.75 : roll < 0.4) ? RMM_ACTION_STATUS_DONE
                                                   : RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES;
      else if (!due)
        outcome = roll < 0.1 ? RMM_ACTION_STATUS_DONE : RMM_ACTION_STATUS_OPEN;
      else
        outcome = roll < 0.6 ? RMM_ACTION_STATUS_DONE
                : roll < 0.75 ? RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES
                : roll < 0.85 ? RMM_ACTION_STATUS_NOT_DONE_AGENCY
                : RMM_ACTION_STATUS_CARRIED_FORWARD;
      if (outcome == RMM_ACTION_STATUS_OPEN)
        {
          i++;
          continue;
        }
      if (outcome == RMM_ACTION_STATUS_CARRIED_FORWARD)
        {
          GDate later = *day;

          g_date_add_days (&later, 14 + pick (demo, 15));
          new_due_on = rmm_date_format (&later);
          action.due = later;
        }
      /* Carried forward, it goes on as a new action agreed here. */
      if (!(action.id = rmm_store_review_action (demo->store, action.id, meeting, outcome,
                                                 new_due_on, error)))
        return FALSE;
      g_array_remove_index (child->actions, i);
      n--;
      if (new_due_on != NULL)
        {
          action.agreed = index;
          g_array_append_val (child->actions, action);
        }
    }
  return TRUE;
}

static gboolean
add_actions (Demo        *demo,
             DemoChild   *child,
             gint64       meeting,
             guint        index,
             const GDate *day,
             guint        n,
             GError     **error)
{
  guint first = pick (demo, G_N_ELEMENTS (action_texts));

  for (guint i = 0; i < n; i++)
    {
      gboolean soon = chance (demo, 0.07);
      const ActionText *text = soon
        ? &short_action_texts[pick (demo, G_N_ELEMENTS (short_action_texts))]
        : &action_texts[(first + i * 3) % G_N_ELEMENTS (action_texts)];
      DemoAction action = { .due = *day, .agreed = index };
      g_autofree char *due_on = NULL;

      g_date_add_days (&action.due, soon ? 2 + pick (demo, 4) : 14 + pick (demo, 28));
      due_on = rmm_date_format (&action.due);
      {
        RmmActionInput input = {
          .child_id = child->id,
          .meeting_id = meeting,
          .description = text->text,
          .owner_id = rmm_demo_pick_staff (demo, text->owner),
          .agency_id = demo->agencies[text->owner],
          .due_on = due_on,
          /* The chairs tick some of what the family may read; never the police's own. */
          .family_visible = text->for_family && text->owner != AG_POLICE && chance (demo, 0.6),
        };

        if (!(action.id = rmm_store_add_plan_action (demo->store, &input, error)))
          return FALSE;
      }
      g_array_append_val (child->actions, action);
    }
  return TRUE;
}

/* A new version of the plan at every meeting that discusses the child while it is open. */
gboolean
rmm_demo_update_plan (Demo         *demo,
                      DemoChild    *child,
                      gint64        meeting,
                      guint         index,
                      const GDate  *day,
                      const GDate  *review_on,
                      guint         n_actions,
                      GError      **error)
{
  g_autofree char *review = rmm_date_format (review_on);
  RmmPlanInput input = {
    .child_id = child->id,
    .meeting_id = meeting,
    .risks = "Older adult associates; going missing; online contact.",
    .protective_factors = "Good relationship with a teacher; engages with the specialist "
                          "service.",
    .child_views = "Wants to stay at the same school and see friends safely.",
    .carer_views = "Carer worried about late nights; supports the plan.",
    .direct_work_by = "Safe Steps practitioner",
    .review_on = review,
  };

  if (!rmm_store_save_plan_version (demo->store, &input, error))
    return FALSE;
  child->has_plan = TRUE;
  child->review_on = *review_on;
  return rmm_demo_review_actions (demo, child, meeting, index, day, FALSE, error) &&
         add_actions (demo, child, meeting, index, day, n_actions, error) &&
         rmm_demo_circulate_plan (demo, child, day, error);
}

static gboolean
decide_lead_agency (Demo                *demo,
                    DemoChild           *child,
                    gint64               meeting,
                    const RmmRiskLevel  *level,
                    GError             **error)
{
  AgencyKind lead = level->held_at_early_help ? AG_FAMILY : AG_CHILDREN;
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting,
    .kind = RMM_DECISION_KIND_LEAD_AGENCY,
    .lead_agency_id = demo->agencies[lead],
    .lead_professional_id = rmm_demo_pick_staff (demo, lead),
    .rationale = "No allocated lead professional.",
  };

  gint64 id = rmm_store_propose_decision (demo->store, &input, error);

  return rmm_demo_confirm_by_both_chairs (demo, child->area, id, error);
}

/* Where the rating goes at this meeting: agreed on the assessment at first (now and then
 * the meeting differs from the assessor), reviewed when due, raised on new information,
 * left alone by a follow-up. */
static guint
choose_position (Demo        *demo,
                 DemoChild   *child,
                 const char  *proposed,
                 const char  *reasons)
{
  RmmFramework *framework = child->area->framework;
  guint top = rmm_demo_top_position (framework);
  guint position;
  double roll = g_rand_double (demo->rand);

  if (child->rating == NULL)
    {
      position = rmm_demo_level_position (framework, proposed);
      if (roll < 0.05 && position > 0)
        position--;
      else if (roll > 0.95 && position < top)
        position++;
      return position;
    }
  position = child->position;
  if (child->closure_id != 0)
    return position;
  if (child->new_information)
    {
      /* New information never lowers the risk; a child the framework held not at risk at
       * all (with no review) is no longer. */
      gboolean up = roll < (position == 0 ? 0.6 : 0.4) ||
                    (position == 0 && rmm_demo_level_at (framework, 0)->review_interval_days == 0);

      return up && position < top ? position + 1 : position;
    }
  if (rmm_demo_has_reason (reasons, "review-due") ||
      rmm_demo_has_reason (reasons, "early-help-check"))
    {
      if (roll < (child->n_reviews >= 3 ? 0.6 : 0.45) && position > 0)
        position--;
      else if (roll > 0.88 && position < top)
        position++;
    }
  return position;
}

/* One meeting's business for one child: rating, lead agency, triggers, plan or closure. */
gboolean
rmm_demo_discuss (Demo        *demo,
                  DemoChild   *child,
                  guint        index,
                  const char  *proposed,
                  const char  *reasons,
                  gboolean    *closed,
                  GError     **error)
{
  DemoArea *area = child->area;
  RmmFramework *framework = area->framework;
  gint64 meeting = rmm_demo_meeting_id (area, index);
  gboolean first = child->rating == NULL;
  gboolean new_information = child->new_information;
  gboolean answered_strategy = FALSE;
  guint before = child->position;
  const RmmRiskLevel *level;
  g_autofree char *minutes = NULL;
  MinutesKind kind;
  guint position, age;
  gint64 rating_id;
  GDate day, review;
  CloseKind close_kind = CLOSE_RISK_REDUCED;
  gboolean closing = FALSE;

  rmm_demo_meeting_date (area, index, &day);
  age = rmm_demo_age_on (child, &day);
  child->back_next_week = FALSE;
  child->added_by_chair = FALSE;
  rmm_demo_set_clock (demo, &day, 10 + pick (demo, 2), pick (demo, 60));

  /* Now and then the chairs defer an item to next week, with the reason. */
  if (!first && !child->disputed && child->closure_id == 0 && chance (demo, 0.025))
    {
      const char *why = deferral_reasons[pick (demo, G_N_ELEMENTS (deferral_reasons))];

      child->back_next_week = TRUE;
      return rmm_demo_add_past_item (demo, meeting, child->id, reasons, why, NULL, error);
    }
  child->new_information = FALSE;

  position = choose_position (demo, child, proposed, reasons);
  /* The chairs disagree, rarely, on a rating that would change (a new child's only when a
   * social worker already leads, so nothing else waits on it). */
  if (!child->disputed && (first ? child->has_social_worker : position != before) &&
      chance (demo, 0.03))
    return rmm_demo_dispute_rating (demo, child, meeting, index, &day, position, reasons, error);

  {
    RmmDecisionInput input = {
      .child_id = child->id,
      .meeting_id = meeting,
      .kind = RMM_DECISION_KIND_RISK_RATING,
      .value = rmm_demo_level_at (framework, position)->id,
      .rationale = child->disputed ? "Agreed after escalation to the heads of service."
                 : first ? "Agreed by the meeting on the assessment and the agencies’ updates."
                 : position < before ? "Risk has reduced on the agencies’ updates."
                 : position > before ? "Risk has increased on new information."
                 : "No change on the agencies’ updates.",
    };

    /* The store applies the framework as the rating is confirmed: the plan it opens, the
     * trigger it raises (answered at a later meeting, once the discussion is held). */
    if (!(rating_id = rmm_store_propose_decision (demo->store, &input, error)) ||
        !rmm_demo_confirm_by_both_chairs (demo, area, rating_id, error))
      return FALSE;
  }
  child->disputed = FALSE;
  level = rmm_demo_level_at (framework, position);
  child->rating = level->id;
  child->position = position;
  child->rated_on = day;
  child->has_plan |= level->safety_plan_required;
  if (rmm_demo_has_reason (reasons, "review-due") ||
      rmm_demo_has_reason (reasons, "early-help-check"))
    child->n_reviews++;

  for (guint i = 0; i < child->triggers->len; i++)
    answered_strategy |= g_date_compare (&g_array_index (child->triggers, DemoTrigger, i).raised,
                                         &day) < 0;
  if ((first && !child->has_social_worker &&
       !decide_lead_agency (demo, child, meeting, level, error)) ||
      !rmm_demo_answer_triggers (demo, child, meeting, &day, error) ||
      !rmm_demo_collect_new_triggers (demo, child, TRUE, NULL, error))
    return FALSE;
  if (age >= 17 && position > 0 && !rmm_demo_plan_transition (demo, child, &day, error))
    return FALSE;

  /* A case closes at the lowest level only (the framework's "not at risk" at once), or at
   * 18 once adult services have taken the young person on; never with a trigger open, nor
   * on the day the meeting weighs new information. */
  if (child->closure_id != 0)
    closing = TRUE;
  else if (new_information || answered_strategy)
    closing = FALSE;
  else if (child->triggers->len == 0 && position == 0)
    {
      if (level->review_interval_days == 0)
        {
          closing = TRUE;
          close_kind = CLOSE_NOT_AT_RISK;
        }
      else if (!first)
        {
          /* Down to the lowest level, or held there: the chairs close at once, or the lead
           * professional checks with the family and proposes it in a few weeks. */
          double roll = g_rand_double (demo->rand);
          double at_once = before > 0 ? 0.35 : 0.4;

          close_kind = child->has_plan ? CLOSE_RISK_REDUCED : CLOSE_EARLY_HELP;
          closing = roll < at_once;
          if (!closing && roll < at_once + 0.4)
            {
              child->closure_index = index + 2 + pick (demo, 2);
              child->closure_kind = close_kind;
            }
        }
    }
  else if (child->triggers->len == 0 && age >= 18 && child->adult_package &&
           position <= before && position < rmm_demo_top_position (framework) && chance (demo, 0.5))
    {
      closing = TRUE;
      close_kind = CLOSE_ADULT_SERVICES;
    }

  kind = rmm_demo_minutes_kind (closing ? (int)close_kind : -1, first, answered_strategy,
                                new_information, (int)position - (int)before, reasons);
  minutes = rmm_demo_type_minutes (demo, child, kind, child->transition && !closing);

  if (closing)
    {
      *closed = TRUE;
      if (!rmm_demo_close_case (demo, child, meeting, index, &day, close_kind, error))
        return FALSE;
    }
  else if (child->has_plan)
    {
      review = day;
      g_date_add_days (&review, MIN (level->review_interval_days ? level->review_interval_days
                                                                 : 91, 91));
      if (!rmm_demo_update_plan (demo, child, meeting, index, &day, &review,
                                 first ? 2 + pick (demo, 2) : pick (demo, 3), error))
        return FALSE;
    }
  return rmm_demo_add_past_item (demo, meeting, child->id, reasons, NULL, minutes, error);
}
