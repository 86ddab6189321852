/* rmm-demo-case.c: one child's case: referral, screening and assessment, then meeting after meeting
 * until closure or today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <string.h>

#include "rmm-demo-private.h"

/* Children's names. */
static const char *first_names[] = {
  "Amara", "Bethan", "Callum", "Dara", "Ellis", "Freya", "Gethin", "Hollie", "Idris", "Jade",
  "Kieran", "Lowri", "Maisie", "Nico", "Orla", "Priya", "Quinn", "Rhys", "Saffron", "Tobias",
  "Una", "Vinnie", "Wren", "Xander", "Yasmin", "Zac", "Alfie", "Brooke", "Cerys", "Declan",
  "Esme", "Finley", "Gracie", "Harley", "Isla", "Jayden", "Keira", "Leon", "Mollie", "Niamh",
  "Oakley", "Poppy", "Riley", "Sienna", "Tyler", "Violet", "Willow", "Aiden", "Bella", "Casey",
};

static const char *last_names[] = {
  "Ashcombe", "Brindley", "Carrow", "Dunmore", "Elsworth", "Fenwright", "Garside", "Halloran",
  "Ivesley", "Jessop", "Kettering", "Lomax", "Marwood", "Northcote", "Oakhurst", "Pellow",
  "Quarrie", "Rushby", "Stannard", "Tredwell", "Upcott", "Varley", "Whitlock", "Yardley",
  "Abernant", "Bevan-Cole", "Cadwgan", "Dyfnallt", "Elfed", "Ffrancon", "Glyndwr-Hale",
  "Hafren", "Iorwerth", "Llewellin", "Meirion", "Nantlle", "Penrhos", "Rhydian", "Tegid",
  "Wynford",
};

static const char *schools[] = {
  "Hollins Park Academy", "St Aldhelm’s High School", "Marlow Vale College",
  "Kingsmead Community School", "Ysgol Bryn Derwen", "Ysgol Cwm Teifion",
  "Larchwood Pupil Referral Unit", "Riverside Free School", "Oakfield Academy",
};

static const char *vulnerabilities[] = {
  "takes-risks", "rejects-authority", "ignores-advice", "defends-friends",
  "flattery-deception", "secretive", "internet-privately", "peer-pressure", "stays-out-late",
  "family-breakdown", "abuse-or-neglect", "bullying", "family-peer-cse", "parents-at-risk",
  "looked-after", "learning-disability", "poverty", "forced-marriage", "social-exclusion",
  "insecure-immigration",
};

static const char *indicators[] = {
  "Older boyfriend or adult associate", "Unexplained gifts or money",
  "Going missing overnight", "Seen in cars with unknown adults", "Sexual health concern",
  "Drug or alcohol use", "Multiple phones or SIM cards", "Estranged from family",
};

static const char *concerns[] = {
  "School reports frequent absences and an older associate collecting the young person.",
  "Police found the young person in a car with adults not known to the family.",
  "Residential staff report repeated late returns and new clothes without explanation.",
  "School nurse concerned about a sexual health presentation and an older partner.",
  "Parent reports messages from unknown adults on a second phone.",
};

gboolean
rmm_demo_has_reason (const char *reasons,
                     const char *reason)
{
  g_auto(GStrv) list = g_strsplit (reasons, " ", -1);

  return g_strv_contains ((const char * const *)list, reason);
}

static void
add_reason (GString    *reasons,
            const char *reason)
{
  if (!rmm_demo_has_reason (reasons->str, reason))
    g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason);
}

guint
rmm_demo_age_on (DemoChild   *child,
                 const GDate *day)
{
  return rmm_date_age_on (&child->born, day);
}

/* The store's transition rule (rmm-store-agenda.c): with risk remaining, 17 without a
 * transition plan, or 18 within three months (or past) with no adult support agreed. */
static gboolean
needs_transition (DemoChild   *child,
                  const GDate *day)
{
  GDate eighteenth = child->born;
  GDate horizon = *day;

  if (child->rating == NULL || child->position == 0)
    return FALSE;
  g_date_add_years (&eighteenth, 18);
  g_date_add_months (&horizon, 3);
  if (rmm_demo_age_on (child, day) >= 17 && !child->transition)
    return TRUE;
  return !child->adult_package && g_date_compare (&eighteenth, &horizon) <= 0;
}

/* When a child held at Early Help without a plan is due a look; invalid if never. */
static void
early_help_due (DemoChild *child,
                GDate     *due)
{
  const RmmRiskLevel *level;

  g_date_clear (due, 1);
  if (child->rating == NULL || child->has_plan)
    return;
  level = rmm_demo_level_at (child->area->framework, child->position);
  if (!level->held_at_early_help || level->review_interval_days == 0)
    return;
  *due = child->rated_on;
  g_date_add_days (due, level->review_interval_days);
}

/* The agenda's reasons for the child at meeting @index, as the store would give them on
 * the day (rmm-store-agenda.c), in its order. */
static void
reasons_at (DemoChild *child,
            guint      index,
            GString   *reasons)
{
  GDate day, due;

  rmm_demo_meeting_date (child->area, index, &day);
  g_string_truncate (reasons, 0);
  for (guint i = 0; i < child->triggers->len; i++)
    if (g_date_compare (&g_array_index (child->triggers, DemoTrigger, i).raised, &day) <= 0)
      add_reason (reasons, "trigger");
  if (child->rating == NULL)
    add_reason (reasons, "new-referral");
  if (child->has_plan && g_date_valid (&child->review_on) &&
      g_date_compare (&child->review_on, &day) <= 0)
    add_reason (reasons, "review-due");
  if (child->closure_id != 0)
    add_reason (reasons, "closure");
  for (guint i = 0; i < child->actions->len; i++)
    {
      DemoAction *action = &g_array_index (child->actions, DemoAction, i);

      if (action->agreed < index && g_date_compare (&action->due, &day) < 0)
        add_reason (reasons, "overdue-actions");
    }
  if (needs_transition (child, &day))
    add_reason (reasons, "transition");
  early_help_due (child, &due);
  if (g_date_valid (&due) && g_date_compare (&due, &day) <= 0)
    add_reason (reasons, "early-help-check");
  if (child->added_by_chair)
    add_reason (reasons, "added-by-chair");
}

/* The next meeting that must consider the child, by the same rules; len if none. */
static guint
next_visit (DemoChild *child,
            guint      index)
{
  DemoArea *area = child->area;
  guint next = area->meetings->len;
  GDate week, due;

  rmm_demo_meeting_date (area, index + 1, &week);
  if (child->back_next_week || child->triggers->len > 0)
    next = index + 1;
  /* An open action brings the child back to the first meeting after its date. */
  for (guint i = 0; i < child->actions->len; i++)
    {
      DemoAction *action = &g_array_index (child->actions, DemoAction, i);
      GDate after = action->due;

      g_date_add_days (&after, 1);
      next = MIN (next, rmm_demo_meeting_on_or_after (area, &after));
    }
  if (child->closure_id != 0)
    next = MIN (next, child->closure_index);
  if (child->has_plan && g_date_valid (&child->review_on))
    next = MIN (next, rmm_demo_meeting_on_or_after (area, &child->review_on));
  early_help_due (child, &due);
  if (g_date_valid (&due))
    next = MIN (next, rmm_demo_meeting_on_or_after (area, &due));
  if (child->rating != NULL && child->position > 0)
    {
      if (!child->transition)
        {
          due = child->born;
          g_date_add_years (&due, 17);
          next = MIN (next, MAX (index + 1, rmm_demo_meeting_on_or_after (area, &due)));
        }
      if (!child->adult_package)
        {
          due = child->born;
          g_date_add_years (&due, 18);
          g_date_subtract_months (&due, 3);
          next = MIN (next, MAX (index + 1, rmm_demo_meeting_on_or_after (area, &due)));
        }
    }
  /* A review or look already due (the item was deferred) is next week's. */
  return MAX (next, index + 1);
}

static gboolean
add_child (Demo        *demo,
           DemoChild   *child,
           const GDate *referred,
           GError     **error)
{
  g_autofree char *reference = g_strdup_printf ("CH-%06u", 100000 + ++demo->n_children);
  g_autofree char *dob = NULL;
  gboolean girl = chance (demo, 0.7);
  RmmChildInput input = { 0 };

  child->born = *referred;
  g_date_subtract_years (&child->born, 11 + pick (demo, 7));
  g_date_subtract_days (&child->born, pick (demo, 365));
  dob = rmm_date_format (&child->born);
  child->has_social_worker = chance (demo, 0.45);

  input.reference = reference;
  input.first_name = child->first_name = first_names[pick (demo, G_N_ELEMENTS (first_names))];
  input.last_name = child->last_name = last_names[pick (demo, G_N_ELEMENTS (last_names))];
  input.date_of_birth = dob;
  input.gender = girl ? "female" : "male";
  input.area_id = child->area->id;
  input.school = schools[pick (demo, G_N_ELEMENTS (schools))];
  input.social_worker_id = child->social_worker =
    child->has_social_worker ? rmm_demo_pick_staff (demo, AG_CHILDREN) : 0;
  input.looked_after = chance (demo, 0.2);

  rmm_demo_set_clock (demo, referred, 9, pick (demo, 60));
  child->id = rmm_store_add_child (demo->store, &input, error);
  return child->id != 0;
}

static gint64
add_referral (Demo        *demo,
              DemoChild   *child,
              const GDate *referred,
              const char  *outcome,
              GError     **error)
{
  static const AgencyKind referrers[] = { AG_POLICE, AG_EDUCATION, AG_HEALTH, AG_RESIDENTIAL,
                                          AG_YOT, AG_VOLUNTARY };
  AgencyKind kind = referrers[pick (demo, G_N_ELEMENTS (referrers))];
  g_autofree char *day = rmm_date_format (referred);
  g_autofree char *received_at = g_strdup_printf ("%sT%02d:%02d:00Z", day, 8 + pick (demo, 9),
                                                  pick (demo, 60));
  RmmReferralInput input = {
    .child_id = child->id,
    .route = chance (demo, 0.8) ? "single-point-of-access" : "lead-professional",
    /* The referrer is one of the agency's own professionals. */
    .referrer_name = rmm_demo_pick_staff_name (demo, kind),
    .referrer_agency_id = demo->agencies[kind],
    .received_at = received_at,
    .concern_summary = concerns[pick (demo, G_N_ELEMENTS (concerns))],
    .screening_outcome = outcome,
  };

  return rmm_store_add_referral (demo->store, &input, error);
}

static gboolean
add_assessment (Demo        *demo,
                DemoChild   *child,
                gint64       referral_id,
                const GDate *started,
                const GDate *completed,
                const char  *proposed,
                GError     **error)
{
  g_autofree char *started_on = rmm_date_format (started);
  g_autofree char *completed_on = rmm_date_format (completed);
  const char *ticked[8] = { NULL };
  const char *seen[5] = { NULL };
  const char *significant[5] = { NULL };
  RmmAssessmentInput input = {
    .child_id = child->id,
    .referral_id = referral_id,
    .assessor_id = rmm_demo_pick_staff (demo, chance (demo, 0.6) ? AG_CHILDREN : AG_FAMILY),
    .started_on = started_on,
    .completed_on = completed_on,
    .proposed_rating = proposed,
    .analysis = "Vulnerabilities and indicators discussed with the young person and their "
                "carers; see the checklist.",
    .vulnerabilities = ticked,
    .indicators = seen,
    .significant = significant,
  };
  guint first = pick (demo, G_N_ELEMENTS (vulnerabilities));
  guint n = 2 + pick (demo, 5);

  /* Every third item of the checklist from a random start: never the same one twice. */
  for (guint i = 0; i < n; i++)
    ticked[i] = vulnerabilities[(first + i * 3) % G_N_ELEMENTS (vulnerabilities)];
  for (guint i = 0, n_seen = 1 + pick (demo, 3), n_significant = 0; i < n_seen; i++)
    {
      seen[i] = indicators[pick (demo, G_N_ELEMENTS (indicators))];
      if (chance (demo, 0.2))
        significant[n_significant++] = seen[i];
    }
  rmm_demo_set_clock (demo, completed, 15, pick (demo, 60));
  return rmm_store_add_assessment (demo->store, &input, error) != 0;
}

/* The triggers the store has raised for the child since we last looked (by the rating just
 * confirmed, or by its rules over a fact just recorded); @earliest: the first one's day. */
gboolean
rmm_demo_collect_new_triggers (Demo       *demo,
                               DemoChild  *child,
                               gboolean    from_rating,
                               GDate      *earliest,
                               GError    **error)
{
  g_autoptr(GPtrArray) raised = rmm_store_list_triggers (demo->store, child->id, TRUE, error);
  gint64 seen_before = child->newest_trigger;

  if (earliest != NULL)
    g_date_clear (earliest, 1);
  if (raised == NULL)
    return FALSE;
  for (guint i = 0; i < raised->len; i++)
    {
      RmmTrigger *seen = g_ptr_array_index (raised, i);
      DemoTrigger trigger = { .id = seen->id, .from_rating = from_rating };
      g_autofree char *day = g_strndup (seen->raised_at, strlen ("YYYY-MM-DD"));

      /* Listed by when they were raised; new since we looked is by id. */
      if (seen->id <= seen_before)
        continue;
      g_date_clear (&trigger.raised, 1);
      rmm_date_parse (day, &trigger.raised);
      g_array_append_val (child->triggers, trigger);
      child->newest_trigger = MAX (child->newest_trigger, trigger.id);
      if (earliest != NULL && !g_date_valid (earliest))
        *earliest = trigger.raised;
    }
  return TRUE;
}

/* Referral, screening, assessment, then meeting after meeting until closure or today. */
static gboolean
follow_case (Demo        *demo,
             DemoChild   *child,
             const GDate *referred,
             GError     **error)
{
  DemoArea *area = child->area;
  g_autoptr(GString) reasons = g_string_new (NULL);
  GDate started = *referred, completed = *referred, due;
  const char *proposed;
  gint64 referral_id;
  guint index;
  gboolean closed = FALSE;
  double roll = g_rand_double (demo->rand);
  const char *outcome = roll < 0.88 ? "assessment-required"
                      : roll < 0.96 ? "no-further-action" : "signposted";
  GDate decided = *referred;

  /* The last day's referrals are still waiting for their 24-hour decision. */
  g_date_add_days (&decided, 2);
  if (!rmm_demo_is_past (demo, &decided))
    outcome = "pending";

  if (!(referral_id = add_referral (demo, child, referred, outcome, error)))
    return FALSE;
  g_date_add_days (&started, 1);
  g_date_add_days (&completed, 3 + pick (demo, 8));
  if (!g_str_equal (outcome, "assessment-required") || !rmm_demo_is_past (demo, &completed))
    return TRUE;

  proposed = rmm_demo_initial_rating (demo, area->framework);
  if (!add_assessment (demo, child, referral_id, &started, &completed, proposed, error))
    return FALSE;

  due = completed;
  g_date_add_days (&due, 1);
  index = rmm_demo_meeting_on_or_after (area, &due);
  while (index < area->meetings->len && !closed)
    {
      GDate day;
      guint next;

      rmm_demo_meeting_date (area, index, &day);
      /* Next week's agenda builds itself from where the case stands. */
      if (!rmm_demo_is_past (demo, &day))
        {
          if (child->added_by_chair)
            {
              ChairAddition addition = { rmm_demo_meeting_id (area, index), child->id };

              g_array_append_val (demo->chair_additions, addition);
            }
          break;
        }
      reasons_at (child, index, reasons);
      /* The rules that bring a case back (next_visit()) and the agenda's reasons agree but
       * for rare corners of a long history (one in 20,000 children over five years): there,
       * as the room would, the chairs add the child themselves. */
      if (reasons->len == 0)
        add_reason (reasons, "added-by-chair");
      if (!rmm_demo_discuss (demo, child, index, proposed, reasons->str, &closed, error))
        return FALSE;
      if (closed)
        break;
      next = next_visit (child, index);
      if (!rmm_demo_between_meetings (demo, child, index, &next, error))
        return FALSE;
      /* A deferred or disputed item is due back next week; when the store would give the child
       * no reason of its own to be there, the chairs carry it over. */
      if (child->back_next_week && next == index + 1 && !child->added_by_chair)
        {
          reasons_at (child, next, reasons);
          child->added_by_chair = reasons->len == 0;
        }
      index = next;
    }
  return TRUE;
}

/* What the coming week may need of the case as it stands today (see
 * rmm_demo_prepare_coming_week()). */
static gboolean
remember_where_case_stands (Demo       *demo,
                            DemoChild  *child,
                            GError    **error)
{
  DemoArea *area = child->area;
  g_autoptr(GPtrArray) open_triggers = NULL;

  if (child->closure_id != 0)
    demo->n_closures_proposed++;
  if (!child->has_plan)
    return TRUE;
  area->newest_on_plan = child->id;
  if (area->closable != 0 || child->closure_id != 0 || child->rating == NULL ||
      !g_str_equal (child->rating, rmm_demo_level_at (area->framework, 0)->id))
    return TRUE;
  if (!(open_triggers = rmm_store_list_triggers (demo->store, child->id, TRUE, error)))
    return FALSE;
  if (open_triggers->len == 0)
    area->closable = child->id;
  return TRUE;
}

gboolean
rmm_demo_simulate_child (Demo     *demo,
                         GError  **error)
{
  DemoChild child = { 0 };
  GDate referred = demo->start;
  gboolean ok;

  g_date_add_days (&referred, pick (demo, MAX (g_date_days_between (&demo->start,
                                                                     &demo->today), 1)));
  child.area = &demo->areas[pick (demo, N_AREAS)];
  child.actions = g_array_new (FALSE, FALSE, sizeof (DemoAction));
  child.triggers = g_array_new (FALSE, FALSE, sizeof (DemoTrigger));
  g_date_clear (&child.rated_on, 1);
  g_date_clear (&child.review_on, 1);
  g_date_clear (&child.last_strategy, 1);

  ok = add_child (demo, &child, &referred, error) &&
       follow_case (demo, &child, &referred, error) &&
       remember_where_case_stands (demo, &child, error);

  g_array_unref (child.actions);
  g_array_unref (child.triggers);
  return ok;
}
