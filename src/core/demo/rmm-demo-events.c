/* rmm-demo-events.c: what happens to a child between two meetings (missing episodes, new
 * information, police disruption), and on the day before the coming week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <string.h>

#include "rmm-demo-private.h"

/* New information between meetings. Kinds the trigger rules know raise a trigger; the
 * others may lead the chairs to add the child to the next agenda. */
static const struct
{
  const char *kind;
  AgencyKind  agency;
  gboolean    police_sensitive;
  gboolean    chairs_add;       /* when no rule raises a trigger, the chairs add the child */
  const char *summary;
} note_texts[] = {
  { "disclosure", AG_VOLUNTARY, FALSE, TRUE,
    "During a direct work session the young person said older males at a flat in the town "
    "centre have been giving them alcohol and cannabis." },
  { "found-with-adult-of-concern", AG_POLICE, TRUE, TRUE,
    "Found by officers at 01:30 in a car with two adult males who are subject to an ongoing "
    "police investigation; returned home." },
  { "person-posing-risk", AG_POLICE, TRUE, TRUE,
    "Police intelligence links an adult of concern to the address where the young person has "
    "been staying overnight." },
  { "exclusion", AG_EDUCATION, FALSE, TRUE,
    "Fixed-term exclusion of five days after an incident with an older pupil; school is "
    "worried about where the young person will spend those days." },
  { "school-update", AG_EDUCATION, FALSE, TRUE,
    "Attendance has fallen to 78% this half term; twice collected at lunchtime by an older "
    "associate in a car." },
  { "intelligence", AG_POLICE, TRUE, TRUE,
    "Intelligence suggests the young person’s phone number is being passed between older "
    "males linked to drug supply." },
  { "health-update", AG_HEALTH, FALSE, FALSE,
    "Attended the sexual health clinic with their carer; advice and support offered and "
    "accepted." },
};

/* Police disruption of the adults of concern: police-sensitive, never on a family's copy. */
static const struct { const char *tactic; const char *detail; } disruption_texts[] = {
  { "cawn", "Child Abduction Warning Notice served on the adult of concern in respect of this "
            "young person." },
  { "licensing", "Licensing officers and police visited the takeaway where young people "
                 "gather late at night; staff briefed and the licence conditions reviewed." },
  { "observation", "Targeted patrols around the park and the retail estate on Friday and "
                   "Saturday evenings for four weeks." },
  { "harassment", "Harassment warning given to the adult of concern after repeated messages "
                  "to the young person." },
  { "shpo", "Application for a Sexual Harm Prevention Order against the adult of concern is "
            "being prepared." },
};

typedef enum
{
  EVENT_MISSING,
  EVENT_NOTE,
  EVENT_DISRUPTION,
} EventKind;

typedef struct
{
  GDate      day;
  EventKind  kind;
  guint      variant;
} DemoEvent;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const DemoEvent *ea = a, *eb = b;
  int by_day = g_date_compare (&ea->day, &eb->day);

  return by_day != 0 ? by_day : (int)ea->kind - (int)eb->kind;
}

static gboolean
record_event (Demo        *demo,
              DemoChild   *child,
              DemoEvent   *event,
              GError     **error)
{
  g_autofree char *date = NULL;

  switch (event->kind)
    {
    case EVENT_MISSING:
      {
        /* Went missing the evening before; recorded once back, the next morning. */
        GDate went = event->day;
        g_autofree char *went_on = NULL;
        g_autofree char *started_at = NULL;
        g_autofree char *ended_at = NULL;

        g_date_subtract_days (&went, 1);
        went_on = rmm_date_format (&went);
        date = rmm_date_format (&event->day);
        started_at = g_strdup_printf ("%sT%02d:%02d:00Z", went_on, 19 + pick (demo, 4),
                                      pick (demo, 60));
        ended_at = g_strdup_printf ("%sT%02d:%02d:00Z", date, 6 + pick (demo, 4), pick (demo, 60));
        {
          RmmMissingEpisodeInput input = {
            .child_id = child->id,
            .started_at = started_at,
            .ended_at = ended_at,
            .agency_id = demo->agencies[AG_POLICE],
            .notes = "Returned the next morning; return home interview offered.",
          };

          rmm_demo_set_clock (demo, &event->day, 11, pick (demo, 60));
          return rmm_store_add_missing_episode (demo->store, &input, error) != 0;
        }
      }
    case EVENT_NOTE:
      {
        RmmInformationNoteInput input = {
          .child_id = child->id,
          .kind = note_texts[event->variant].kind,
          .summary = note_texts[event->variant].summary,
          .agency_id = demo->agencies[note_texts[event->variant].agency],
          .police_sensitive = note_texts[event->variant].police_sensitive,
        };

        rmm_demo_set_clock (demo, &event->day, 9 + pick (demo, 8), pick (demo, 60));
        return rmm_store_add_information_note (demo->store, &input, error) != 0;
      }
    case EVENT_DISRUPTION:
      {
        g_autofree char *subject = g_strdup_printf ("AC/POC/%04u", 100 + pick (demo, 9000));
        RmmDisruptionNoteInput input = {
          .child_id = child->id,
          .subject_ref = subject,
          .tactic = disruption_texts[event->variant].tactic,
          .detail = disruption_texts[event->variant].detail,
        };

        rmm_demo_set_clock (demo, &event->day, 14 + pick (demo, 3), pick (demo, 60));
        return rmm_store_add_disruption_note (demo->store, &input, error) != 0;
      }
    default:
      g_assert_not_reached ();
    }
}

/* What happens between the meeting @index and the next one that considers the child, in
 * order of time, each on its own day and before that meeting: missing episodes, new
 * information, police disruption. A trigger the rules raise, or information the chairs
 * act on, brings the child to the first meeting after it (@next). A closure the chairs
 * asked for is proposed a few days before its meeting, and then nothing else happens. */
gboolean
rmm_demo_between_meetings (Demo       *demo,
                           DemoChild  *child,
                           guint       index,
                           guint      *next,
                           GError    **error)
{
  DemoArea *area = child->area;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (DemoEvent));
  GDate from, until, last;
  int span;

  rmm_demo_meeting_date (area, index, &from);
  g_date_add_days (&from, 1);
  rmm_demo_meeting_date (area, MIN (*next, area->meetings->len), &until);
  g_date_subtract_days (&until, 1);
  last = demo->today;
  g_date_subtract_days (&last, 1);
  if (g_date_compare (&last, &until) < 0)
    until = last;
  span = g_date_days_between (&from, &until) + 1;
  if (span <= 0)
    return TRUE;

  if (child->closure_index != 0)
    {
      GDate proposed;

      *next = MIN (*next, child->closure_index);
      rmm_demo_meeting_date (area, child->closure_index, &proposed);
      g_date_subtract_days (&proposed, 2);
      if (*next == child->closure_index && g_date_compare (&proposed, &until) <= 0)
        {
          gint64 meeting = rmm_demo_meeting_id (area, child->closure_index);

          rmm_demo_set_clock (demo, &proposed, 15, pick (demo, 60));
          if (!(child->closure_id = rmm_demo_propose_closure (demo, child, meeting,
                                                              child->closure_kind, error)))
            return FALSE;
        }
      child->closure_index = child->closure_id != 0 ? child->closure_index : 0;
      if (child->closure_id != 0)
        return TRUE;
    }

  if (chance (demo, child->position > 0 ? 0.3 : 0.1))
    {
      DemoEvent event = { .kind = EVENT_MISSING };

      event.day = from;
      g_date_add_days (&event.day, 1 + pick (demo, span));
      for (guint i = 0, n = 1 + pick (demo, 4); i < n; i++)
        {
          g_array_append_val (events, event);
          g_date_add_days (&event.day, 1 + pick (demo, 6));
        }
    }
  if (chance (demo, child->position > 0 ? 0.1 : 0.03))
    {
      DemoEvent event = { .kind = EVENT_NOTE, .variant = pick (demo, G_N_ELEMENTS (note_texts)) };

      event.day = from;
      g_date_add_days (&event.day, pick (demo, span));
      g_array_append_val (events, event);
      /* The police act on what they know of the adults around the child. */
      if (note_texts[event.variant].police_sensitive && chance (demo, 0.7))
        {
          event.kind = EVENT_DISRUPTION;
          event.variant = pick (demo, G_N_ELEMENTS (disruption_texts));
          g_date_add_days (&event.day, 1 + pick (demo, 5));
          g_array_append_val (events, event);
        }
    }
  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      DemoEvent *event = &g_array_index (events, DemoEvent, i);
      GDate raised;

      if (g_date_compare (&event->day, &until) > 0)
        break;
      if (!record_event (demo, child, event, error) ||
          !rmm_demo_collect_new_triggers (demo, child, FALSE, &raised, error))
        return FALSE;
      /* What the room will weigh: not a routine health update, not the police's own work. */
      child->new_information |=
        event->kind == EVENT_MISSING ||
        (event->kind == EVENT_NOTE && note_texts[event->variant].chairs_add);
      if (g_date_valid (&raised))
        *next = MIN (*next, rmm_demo_meeting_after (area, &raised));
      else if ((event->kind == EVENT_NOTE && note_texts[event->variant].chairs_add &&
                chance (demo, 0.7)) ||
               (event->kind == EVENT_MISSING && chance (demo, 0.15)))
        {
          /* Not a trigger, but the chairs want to hear it: they add the child. */
          child->added_by_chair = TRUE;
          *next = MIN (*next, rmm_demo_meeting_after (area, &event->day));
        }
      else
        continue;
      /* Nothing recorded after the day before that meeting. */
      rmm_demo_meeting_date (area, MIN (*next, area->meetings->len), &until);
      g_date_subtract_days (&until, 1);
      if (g_date_compare (&last, &until) < 0)
        until = last;
    }
  return TRUE;
}

/* A demo shows every reason a coming agenda can give. A closure proposed ahead and a child
 * the chairs add are rare enough that a week may have neither; then the last day brings one
 * of each, as it well might: a lead professional proposes closing a case held at the lowest
 * level, and a school rings the chairs about a child on a plan. */
gboolean
rmm_demo_prepare_coming_week (Demo     *demo,
                              GError  **error)
{
  GDate yesterday = demo->today;
  guint first = pick (demo, N_AREAS);
  gboolean proposed = demo->n_closures_proposed > 0;
  gboolean added = demo->chair_additions->len > 0;

  g_date_subtract_days (&yesterday, 1);
  for (guint i = 0; i < N_AREAS && (!proposed || !added); i++)
    {
      DemoArea *area = &demo->areas[(first + i) % N_AREAS];
      guint next = rmm_demo_meeting_on_or_after (area, &demo->today);
      gint64 child_id;

      if (next >= area->meetings->len)
        continue;
      child_id = proposed ? 0 : area->closable;
      if (child_id > 0)
        {
          DemoChild child = { .id = child_id, .area = area };

          rmm_demo_set_clock (demo, &yesterday, 15, 0);
          if (!rmm_demo_propose_closure (demo, &child, rmm_demo_meeting_id (area, next),
                                         CLOSE_RISK_REDUCED, error))
            return FALSE;
          proposed = TRUE;
        }

      child_id = added ? 0 : area->newest_on_plan;
      if (child_id > 0)
        {
          RmmInformationNoteInput input = { .child_id = child_id };
          ChairAddition addition = { rmm_demo_meeting_id (area, next), child_id };
          guint school = 0;

          while (!g_str_equal (note_texts[school].kind, "school-update"))
            school++;
          input.kind = note_texts[school].kind;
          input.summary = note_texts[school].summary;
          input.agency_id = demo->agencies[note_texts[school].agency];
          rmm_demo_set_clock (demo, &yesterday, 11, 0);
          if (!rmm_store_add_information_note (demo->store, &input, error))
            return FALSE;
          g_array_append_val (demo->chair_additions, addition);
          added = TRUE;
        }
    }
  return TRUE;
}
