/* rmm-demo-world.c: the demo's county: its agencies and professionals, its areas and their
 * weekly meetings, and the clock the simulation runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <string.h>

#include "rmm-demo-private.h"

static const struct { const char *name; const char *framework; const char *location; }
area_specs[N_AREAS] = {
  { "Ashdown North", "surrey-3-level", "Meeting Room 2, Fernbrook House, Ashdown" },
  { "Ashdown East", "surrey-3-level", "Conference Room, Eastgate Family Centre" },
  { "Ashdown South", "surrey-3-level", "Room 14, Southmead Locality Office" },
  { "Ashdown West", "surrey-3-level", "Training Room, Westholme Children’s Centre" },
  { "Bro Derwen", "seraf-4-category", "Ystafell Gyfarfod 1, Canolfan Derwen" },
  { "Cwm Teifion", "seraf-4-category", "Meeting Room B, Teifion Valley Offices" },
};

/* Each agency's staff have addresses under its domain: in the .example top-level domain,
 * which is reserved and never delivered to (RFC 2606). */
static const struct { const char *name; const char *kind; const char *role; const char *domain; }
agency_specs[] = {
  { "Ashdown Children’s Services", "childrens-services", "Social worker",
    "ashdown-council.example" },
  { "Ashdown Family Services", "family-services", "Family support worker",
    "ashdown-council.example" },
  { "Ashdown Constabulary", "police", "Detective constable", "ashdown.police.example" },
  { "Pupil Support Team", "education", "Pupil support officer", "pupil-support.sch.example" },
  { "Ashdown Community Health", "health", "School nurse", "ashdown-health.nhs.example" },
  { "Youth Justice Service", "youth-offending", "Case manager", "ashdown-council.example" },
  { "Safe Steps (specialist CSE service)", "voluntary", "CSE practitioner",
    "safesteps.example" },
  { "Larchwood House (children’s home)", "residential", "Registered manager",
    "larchwood-house.example" },
  { "Ashdown Adult Social Care", "adult-services", "Transition worker",
    "ashdown-council.example" },
};

/* The domains the demo allows documents to be emailed to: the council's, the police's,
 * schools' and the NHS's; the voluntary service and the children's home are outside. */
static const char * const demo_allowed_domains[] = {
  "ashdown-council.example", "police.example", "sch.example", "nhs.example",
};

/* Professionals' names: a list of their own, sharing no first or last name with the
 * children's, so that minutes and anonymised documents never confuse the two. */
static const char *staff_first_names[] = {
  "Alison", "Bernadette", "Colin", "Deborah", "Eleri", "Fiona", "Gareth", "Helen", "Ian",
  "Janet", "Karen", "Lesley", "Martin", "Nerys", "Owain", "Pauline", "Rachel", "Simon",
  "Tracey", "Vivienne", "Wendy", "Adrian", "Beverley", "Clive", "Dilys", "Elaine", "Geraint",
  "Hywel", "Joanne", "Kevin", "Linda", "Meinir", "Neil", "Philippa", "Rhian", "Sian",
  "Trevor", "Yvonne", "Angharad", "Duncan",
};

static const char *staff_last_names[] = {
  "Ainsworth", "Blackwood", "Cartwright", "Dempsey", "Eastham", "Fairbairn", "Greenhalgh",
  "Hartnell", "Ingleby", "Kingsley", "Lambourne", "Mottram", "Nettleton", "Ormerod",
  "Prothero", "Radcliffe", "Sheldrake", "Underhill", "Wainwright", "Aspinall", "Bellamy",
  "Crossley", "Driscoll", "Emberton", "Fothergill", "Gwilliam", "Hebden", "Jenkinson",
  "Kerslake", "Maddocks", "Nuttall", "Pryce", "Rowlands", "Scudamore", "Treharne", "Whitworth",
  "Yeoman", "Ackroyd", "Bradwell", "Cotterill",
};

#define N_STAFF_FIRST_NAMES G_N_ELEMENTS (staff_first_names)
#define N_STAFF_LAST_NAMES G_N_ELEMENTS (staff_last_names)

void
rmm_demo_set_clock (Demo        *demo,
                    const GDate *day,
                    int          hour,
                    int          minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (g_date_get_year (day),
                                                   g_date_get_month (day),
                                                   g_date_get_day (day), hour, minute, 0);
  rmm_store_set_clock (demo->store, when);
}

static guint
pick_staff_index (Demo       *demo,
                  AgencyKind  kind)
{
  return pick (demo, demo->staff[kind]->len);
}

gint64
rmm_demo_pick_staff (Demo       *demo,
                     AgencyKind  kind)
{
  return g_array_index (demo->staff[kind], gint64, pick_staff_index (demo, kind));
}

const char *
rmm_demo_pick_staff_name (Demo       *demo,
                          AgencyKind  kind)
{
  return g_ptr_array_index (demo->staff_names[kind], pick_staff_index (demo, kind));
}

/* A professional's name no one else has: two people of the same name in the minutes would
 * be one person to their readers. */
static char *
invent_staff_name (Demo *demo)
{
  for (;;)
    {
      char *name = g_strdup_printf ("%s %s",
                                    staff_first_names[pick (demo, N_STAFF_FIRST_NAMES)],
                                    staff_last_names[pick (demo, N_STAFF_LAST_NAMES)]);

      if (!g_hash_table_contains (demo->names_in_use, name))
        {
          g_hash_table_add (demo->names_in_use, g_strdup (name));
          return name;
        }
      g_free (name);
    }
}

/* "Helen Ap-Rhys" of the police → "helen.ap-rhys@ashdown.police.example". */
static gboolean
set_email (Demo        *demo,
           gint64       id,
           AgencyKind   kind,
           const char  *name,
           GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *address = g_strdup_printf ("%s@%s", g_strdelimit (lower, " ’'", '.'),
                                              agency_specs[kind].domain);

  return rmm_store_set_professional_email (demo->store, id, address, error);
}

static gint64
add_professional (Demo        *demo,
                  AgencyKind   kind,
                  const char  *role,
                  GError     **error)
{
  g_autofree char *name = invent_staff_name (demo);
  gint64 id = rmm_store_add_professional (demo->store, demo->agencies[kind], name, role, error);

  if (id != 0 && !set_email (demo, id, kind, name, error))
    return 0;
  if (id != 0)
    {
      g_array_append_val (demo->staff[kind], id);
      g_ptr_array_add (demo->staff_names[kind], g_steal_pointer (&name));
    }
  return id;
}

gboolean
rmm_demo_add_agencies (Demo     *demo,
                       GError  **error)
{
  for (guint kind = 0; kind < N_AGENCIES; kind++)
    {
      guint n_staff = kind <= AG_FAMILY ? 24 : 8;

      demo->agencies[kind] = rmm_store_add_agency (demo->store, agency_specs[kind].name,
                                                   agency_specs[kind].kind, error);
      if (demo->agencies[kind] == 0)
        return FALSE;
      demo->staff[kind] = g_array_new (FALSE, FALSE, sizeof (gint64));
      demo->staff_names[kind] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_staff; i++)
        if (!add_professional (demo, kind, agency_specs[kind].role, error))
          return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_allowed_domains); i++)
    if (!rmm_store_allow_domain (demo->store, demo_allowed_domains[i], error))
      return FALSE;
  /* The CSE list goes to the police's first officer and children's services' and family
   * services' first, as a county's would go to its CSE leads. */
  for (AgencyKind kind = AG_CHILDREN; kind <= AG_POLICE; kind++)
    if (!rmm_store_add_to_cse_distribution (demo->store,
                                            g_array_index (demo->staff[kind], gint64, 0),
                                            error))
      return FALSE;
  return TRUE;
}

/* The name the demo gives an agency of @kind. */
const char *
rmm_demo_agency_name (AgencyKind kind)
{
  return agency_specs[kind].name;
}

/* A chair or minute-taker: a professional of the agency, but not one the demo picks for
 * casework (they would otherwise turn up as someone's social worker). */
static gint64
add_chair (Demo        *demo,
           AgencyKind   kind,
           const char  *role,
           GError     **error)
{
  g_autofree char *name = invent_staff_name (demo);

  return rmm_store_add_professional (demo->store, demo->agencies[kind], name, role, error);
}

/* Each area meets weekly on its own weekday, from the start of the history to next week. */
gboolean
rmm_demo_add_area (Demo     *demo,
                   guint     index,
                   GError  **error)
{
  DemoArea *area = &demo->areas[index];
  GDate day = demo->start;
  GDate last = demo->today;

  area->framework = rmm_framework_lookup (area_specs[index].framework);
  area->meetings = g_array_new (FALSE, FALSE, sizeof (gint64));
  area->days = g_array_new (FALSE, FALSE, sizeof (GDate));
  if (!(area->id = rmm_store_add_area (demo->store, area_specs[index].name,
                                       area_specs[index].framework, error)) ||
      !(area->chair_children = add_chair (demo, AG_CHILDREN, "Service manager (chair)", error)) ||
      !(area->chair_family = add_chair (demo, AG_FAMILY, "Service manager (chair)", error)) ||
      !(area->minute_taker = add_chair (demo, AG_CHILDREN, "Business support officer", error)))
    return FALSE;

  /* Monday to Friday, by area. */
  while (g_date_get_weekday (&day) != (GDateWeekday)(G_DATE_MONDAY + index % 5))
    g_date_add_days (&day, 1);
  area->first_meeting = day;
  g_date_add_days (&last, 7);

  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 7))
    {
      g_autofree char *meets_on = NULL;
      GDate meets = day, arranged;
      gint64 id;

      /* A bank holiday's meeting is on the next working day, as a real series would be. */
      while (!rmm_working_calendar_is_working_day (rmm_working_calendar_get_default (), &meets))
        g_date_add_days (&meets, 1);
      meets_on = rmm_date_format (&meets);
      arranged = meets;

      /* Arranged four weeks ahead (or at the start of the history): never after the fact. */
      g_date_subtract_days (&arranged, 28);
      if (g_date_compare (&arranged, &demo->start) < 0)
        arranged = demo->start;
      rmm_demo_set_clock (demo, &arranged, 9, 0);
      id = rmm_store_add_meeting (demo->store, area->id, meets_on, area->chair_children,
                                  area->chair_family, area->minute_taker, error);
      if (id == 0 ||
          !rmm_store_set_meeting_location (demo->store, id, area_specs[index].location, error))
        return FALSE;
      g_array_append_val (area->meetings, id);
      g_array_append_val (area->days, meets);
    }
  return TRUE;
}

void
rmm_demo_meeting_date (DemoArea *area,
                       guint     index,
                       GDate    *out)
{
  if (index < area->days->len)
    {
      *out = g_array_index (area->days, GDate, index);
      return;
    }
  *out = area->first_meeting;
  g_date_add_days (out, index * 7);
}

gint64
rmm_demo_meeting_id (DemoArea *area,
                     guint     index)
{
  return g_array_index (area->meetings, gint64, index);
}

/* The first meeting on or after @day; area->meetings->len when it is past next week. */
guint
rmm_demo_meeting_on_or_after (DemoArea    *area,
                              const GDate *day)
{
  guint low = 0, high = area->days->len;

  /* By the days they meet on: a bank holiday's meeting is a day or more later. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_date_compare (&g_array_index (area->days, GDate, middle), day) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The first meeting held after @day (a fact recorded that evening waits for it). */
guint
rmm_demo_meeting_after (DemoArea    *area,
                        const GDate *day)
{
  GDate next = *day;

  g_date_add_days (&next, 1);
  return rmm_demo_meeting_on_or_after (area, &next);
}

gboolean
rmm_demo_is_past (Demo        *demo,
                  const GDate *day)
{
  return g_date_compare (day, &demo->today) < 0;
}

/* Past meetings were held as the app holds a meeting: opened with who came, concluded once
 * every item was discussed or deferred, then signed off by both chairs. */
static gboolean
hold_meeting (Demo      *demo,
              DemoArea  *area,
              gint64     id,
              GDate     *day,
              GError   **error)
{
  RmmAttendanceInput rows[N_AGENCIES];
  g_autofree char *sent_on = NULL;
  GDate sent = *day;
  guint n_rows = 0;

  g_date_subtract_days (&sent, 1);
  sent_on = rmm_date_format (&sent);
  for (guint kind = AG_POLICE; kind < N_AGENCIES; kind++)
    {
      double roll = g_rand_double (demo->rand);
      guint who = pick_staff_index (demo, kind);

      rows[n_rows++] = (RmmAttendanceInput) {
        .agency_id = demo->agencies[kind],
        .professional_id = g_array_index (demo->staff[kind], gint64, who),
        .name = g_ptr_array_index (demo->staff_names[kind], who),
        .status = roll < 0.7 ? RMM_ATTENDANCE_STATUS_PRESENT
                : roll < 0.9 ? RMM_ATTENDANCE_STATUS_APOLOGIES
                : RMM_ATTENDANCE_STATUS_SENT_INFORMATION,
        .information_sent_at = sent_on,
      };
    }
  /* A meeting nobody came to would not have been held. */
  for (guint i = 0; i < n_rows && rows[i].status != RMM_ATTENDANCE_STATUS_PRESENT; i++)
    if (i + 1 == n_rows)
      rows[0].status = RMM_ATTENDANCE_STATUS_PRESENT;

  rmm_demo_set_clock (demo, day, 10, 0);
  if (!rmm_store_open_meeting (demo->store, id, rows, n_rows, TRUE, error))
    return FALSE;
  rmm_demo_set_clock (demo, day, 12, 15);
  if (!rmm_store_conclude_meeting (demo->store, id, error))
    return FALSE;
  rmm_demo_set_clock (demo, day, 12, 25);
  return rmm_store_sign_off_meeting (demo->store, id, area->chair_children, error) &&
         rmm_store_sign_off_meeting (demo->store, id, area->chair_family, error);
}

gboolean
rmm_demo_hold_meetings (Demo     *demo,
                        GError  **error)
{
  for (guint a = 0; a < N_AREAS; a++)
    {
      DemoArea *area = &demo->areas[a];

      for (guint i = 0; i < area->meetings->len; i++)
        {
          GDate day;

          rmm_demo_meeting_date (area, i, &day);
          if (rmm_demo_is_past (demo, &day) &&
              !hold_meeting (demo, area, rmm_demo_meeting_id (area, i), &day, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
rmm_demo_confirm_by_both_chairs (Demo      *demo,
                                 DemoArea  *area,
                                 gint64     decision_id,
                                 GError   **error)
{
  return decision_id != 0 &&
         rmm_store_confirm_decision (demo->store, decision_id, area->chair_children, error) &&
         rmm_store_confirm_decision (demo->store, decision_id, area->chair_family, error);
}

const RmmRiskLevel *
rmm_demo_level_at (RmmFramework *framework,
                   guint         position)
{
  return rmm_framework_get_level (framework, position);
}

guint
rmm_demo_level_position (RmmFramework *framework,
                         const char   *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
    if (g_str_equal (rmm_demo_level_at (framework, i)->id, id))
      return i;
  g_assert_not_reached ();
}

guint
rmm_demo_top_position (RmmFramework *framework)
{
  return rmm_framework_get_n_levels (framework) - 1;
}

const char *
rmm_demo_initial_rating (Demo         *demo,
                         RmmFramework *framework)
{
  static const double surrey[] = { 0.35, 0.75, 1.0 };
  static const double seraf[] = { 0.10, 0.40, 0.80, 1.0 };
  const double *weights = rmm_framework_get_n_levels (framework) == 3 ? surrey : seraf;
  double roll = g_rand_double (demo->rand);
  guint i = 0;

  while (roll > weights[i])
    i++;
  return rmm_demo_level_at (framework, i)->id;
}

/* Each area's weekly series, as it was set up when the history starts, then kept eight
 * weeks ahead today: the app goes on scheduling the demo's meetings as it would a real
 * area's. */
gboolean
rmm_demo_add_series (Demo    *demo,
                     GError **error)
{
  for (guint i = 0; i < N_AREAS; i++)
    {
      DemoArea *area = &demo->areas[i];
      RmmSeriesInput input = {
        .area_id = area->id,
        .weekday = g_date_get_weekday (&area->first_meeting),
        .starts_at = "10:00",
        .location = area_specs[i].location,
        .chair_children_id = area->chair_children,
        .chair_family_id = area->chair_family,
        .minute_taker_id = area->minute_taker,
      };

      rmm_demo_set_clock (demo, &demo->start, 8, 30);
      if (!rmm_store_set_meeting_series (demo->store, &input, error))
        return FALSE;
    }
  rmm_demo_set_clock (demo, &demo->today, 8, 0);
  return rmm_store_schedule_ahead (demo->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, error) >= 0;
}
