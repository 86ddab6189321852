/* rmm-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name here is invented: the areas, schools, agencies and people do not exist. The
 * history is simulated week by week through the store's own repository functions, so the
 * demo database has the same audit trail and rules as a real one. Same seed and same
 * "today", same database.
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"

#define N_AREAS 6

static const struct { const char *name; const char *framework; } area_specs[N_AREAS] = {
  { "Ashdown North", "surrey-3-level" },
  { "Ashdown East", "surrey-3-level" },
  { "Ashdown South", "surrey-3-level" },
  { "Ashdown West", "surrey-3-level" },
  { "Bro Derwen", "seraf-4-category" },
  { "Cwm Teifion", "seraf-4-category" },
};

typedef enum {
  AG_CHILDREN, AG_FAMILY, AG_POLICE, AG_EDUCATION, AG_HEALTH, AG_YOT, AG_VOLUNTARY,
  AG_RESIDENTIAL, AG_ADULT, N_AGENCIES
} AgencyKind;

static const struct { const char *name; const char *kind; const char *role; } agency_specs[] = {
  { "Ashdown Children’s Services", "childrens-services", "Social worker" },
  { "Ashdown Family Services", "family-services", "Family support worker" },
  { "Ashdown Constabulary", "police", "Detective constable" },
  { "Pupil Support Team", "education", "Pupil support officer" },
  { "Ashdown Community Health", "health", "School nurse" },
  { "Youth Justice Service", "youth-offending", "Case manager" },
  { "Safe Steps (specialist CSE service)", "voluntary", "CSE practitioner" },
  { "Larchwood House (children’s home)", "residential", "Registered manager" },
  { "Ashdown Adult Social Care", "adult-services", "Transition worker" },
};

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

typedef struct
{
  gint64         id;
  RmmFramework  *framework;
  gint64         chair_children;
  gint64         chair_family;
  gint64         minute_taker;
  GDate          first_meeting;
  GArray        *meetings;    /* gint64 meeting ids, one a week */
} DemoArea;

typedef struct
{
  RmmStore       *store;
  GRand          *rand;
  GDate           today;
  GDate           start;
  gint64          agencies[N_AGENCIES];
  GArray         *staff[N_AGENCIES];  /* gint64 professional ids */
  DemoArea        areas[N_AREAS];
  guint           n_children;
} Demo;

/* What one child's history carries from meeting to meeting. */
typedef struct
{
  gint64       id;
  DemoArea    *area;
  GDate        born;
  gboolean     has_social_worker;
  const char  *rating;
  gint64       plan_id;
  guint        plan_version;
  GArray      *open_actions;    /* gint64 */
  GArray      *open_triggers;   /* gint64 */
  gboolean     transition;
  gboolean     adult_package;
} DemoChild;

static void
set_clock (Demo        *demo,
           const GDate *day,
           int          hour,
           int          minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (g_date_get_year (day),
                                                   g_date_get_month (day),
                                                   g_date_get_day (day), hour, minute, 0);
  rmm_store_set_clock (demo->store, when);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static int
pick (Demo *demo,
      int   n)
{
  return g_rand_int_range (demo->rand, 0, n);
}

static gint64
pick_staff (Demo       *demo,
            AgencyKind  kind)
{
  GArray *staff = demo->staff[kind];

  return g_array_index (staff, gint64, pick (demo, staff->len));
}

static char *
invent_name (Demo *demo)
{
  return g_strdup_printf ("%s %s", first_names[pick (demo, G_N_ELEMENTS (first_names))],
                          last_names[pick (demo, G_N_ELEMENTS (last_names))]);
}

static gboolean
add_agencies (Demo     *demo,
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
      for (guint i = 0; i < n_staff; i++)
        {
          g_autofree char *name = invent_name (demo);
          gint64 id = rmm_store_add_professional (demo->store, demo->agencies[kind], name,
                                                  agency_specs[kind].role, error);
          if (id == 0)
            return FALSE;
          g_array_append_val (demo->staff[kind], id);
        }
    }
  return TRUE;
}

static gint64
add_chair (Demo        *demo,
           AgencyKind   kind,
           const char  *role,
           GError     **error)
{
  g_autofree char *name = invent_name (demo);

  return rmm_store_add_professional (demo->store, demo->agencies[kind], name, role, error);
}

/* Each area meets weekly on its own weekday, from the start of the history to next week. */
static gboolean
add_area (Demo     *demo,
          guint     index,
          GError  **error)
{
  DemoArea *area = &demo->areas[index];
  GDate day = demo->start;
  GDate last = demo->today;

  area->framework = rmm_framework_lookup (area_specs[index].framework);
  area->meetings = g_array_new (FALSE, FALSE, sizeof (gint64));
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
      g_autofree char *meets_on = rmm_date_format (&day);
      gint64 id;

      set_clock (demo, &day, 9, 0);
      id = rmm_store_add_meeting (demo->store, area->id, meets_on, area->chair_children,
                                  area->chair_family, area->minute_taker, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (area->meetings, id);
    }
  return TRUE;
}

static void
meeting_date (DemoArea *area,
              guint     index,
              GDate    *out)
{
  *out = area->first_meeting;
  g_date_add_days (out, index * 7);
}

/* The first meeting on or after @day; area->meetings->len when it is past next week. */
static guint
meeting_on_or_after (DemoArea    *area,
                     const GDate *day)
{
  int days = g_date_days_between (&area->first_meeting, day);

  if (days <= 0)
    return 0;
  return MIN ((guint)((days + 6) / 7), area->meetings->len);
}

static gboolean
is_past (Demo        *demo,
         const GDate *day)
{
  return g_date_compare (day, &demo->today) < 0;
}

static gboolean
add_attendance (Demo      *demo,
                gint64     meeting_id,
                GError   **error)
{
  for (guint kind = AG_POLICE; kind < N_AGENCIES; kind++)
    {
      double roll = g_rand_double (demo->rand);
      const char *status = roll < 0.7 ? "present" : roll < 0.9 ? "apologies" : "sent-information";
      RmmField fields[] = {
        RMM_REF ("meeting_id", meeting_id),
        RMM_REF ("agency_id", demo->agencies[kind]),
        RMM_REF ("professional_id", pick_staff (demo, kind)),
        RMM_TEXT ("status", status),
      };

      if (!rmm_store_insert (demo->store, "attendance", fields, G_N_ELEMENTS (fields), error))
        return FALSE;
    }
  return TRUE;
}

/* Past meetings were held: attendance recorded, minutes signed off. */
static gboolean
hold_meeting (Demo      *demo,
              gint64     id,
              GDate     *day,
              GError   **error)
{
  g_autofree char *date = rmm_date_format (day);
  g_autofree char *opened_at = g_strconcat (date, "T10:00:00Z", NULL);
  g_autofree char *concluded_at = g_strconcat (date, "T12:15:00Z", NULL);
  g_autofree char *signed_at = g_strconcat (date, "T12:25:00Z", NULL);
  RmmField fields[] = {
    RMM_TEXT ("status", "signed-off"),
    RMM_TEXT ("opened_at", opened_at),
    RMM_TEXT ("statement_read_at", opened_at),
    RMM_TEXT ("concluded_at", concluded_at),
    RMM_TEXT ("chair1_signed_at", signed_at),
    RMM_TEXT ("chair2_signed_at", signed_at),
  };

  set_clock (demo, day, 12, 30);
  return add_attendance (demo, id, error) &&
         rmm_store_update (demo->store, "meeting", id, fields, G_N_ELEMENTS (fields), error);
}

static gboolean
hold_meetings (Demo     *demo,
               GError  **error)
{
  for (guint a = 0; a < N_AREAS; a++)
    {
      DemoArea *area = &demo->areas[a];

      for (guint i = 0; i < area->meetings->len; i++)
        {
          GDate day;

          meeting_date (area, i, &day);
          if (is_past (demo, &day) &&
              !hold_meeting (demo, g_array_index (area->meetings, gint64, i), &day, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
confirm_by_both_chairs (Demo      *demo,
                        DemoArea  *area,
                        gint64     decision_id,
                        GError   **error)
{
  return decision_id != 0 &&
         rmm_store_confirm_decision (demo->store, decision_id, area->chair_children, error) &&
         rmm_store_confirm_decision (demo->store, decision_id, area->chair_family, error);
}

static const char *
level_id (RmmFramework *framework,
          guint         position)
{
  return rmm_framework_get_level (framework, position)->id;
}

static guint
level_position (RmmFramework *framework,
                const char   *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
    if (g_str_equal (level_id (framework, i), id))
      return i;
  g_assert_not_reached ();
}

static const char *
initial_rating (Demo         *demo,
                RmmFramework *framework)
{
  static const double surrey[] = { 0.35, 0.75, 1.0 };
  static const double seraf[] = { 0.10, 0.40, 0.80, 1.0 };
  const double *weights = rmm_framework_get_n_levels (framework) == 3 ? surrey : seraf;
  double roll = g_rand_double (demo->rand);
  guint i = 0;

  while (roll > weights[i])
    i++;
  return level_id (framework, i);
}

/* Most children's risk comes down with a plan; some stay, a few rise. */
static const char *
review_rating (Demo         *demo,
               RmmFramework *framework,
               const char   *current)
{
  guint position = level_position (framework, current);
  guint top = rmm_framework_get_n_levels (framework) - 1;
  double roll = g_rand_double (demo->rand);

  if (roll < 0.45 && position > 0)
    position--;
  else if (roll > 0.85 && position < top)
    position++;
  return level_id (framework, position);
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
  guint name_half = G_N_ELEMENTS (first_names);
  RmmChildInput input = { 0 };

  child->born = *referred;
  g_date_subtract_years (&child->born, 11 + pick (demo, 7));
  g_date_subtract_days (&child->born, pick (demo, 365));
  dob = rmm_date_format (&child->born);
  child->has_social_worker = chance (demo, 0.45);

  input.reference = reference;
  input.first_name = first_names[pick (demo, name_half)];
  input.last_name = last_names[pick (demo, G_N_ELEMENTS (last_names))];
  input.date_of_birth = dob;
  input.gender = girl ? "female" : "male";
  input.area_id = child->area->id;
  input.school = schools[pick (demo, G_N_ELEMENTS (schools))];
  input.social_worker_id = child->has_social_worker ? pick_staff (demo, AG_CHILDREN) : 0;
  input.looked_after = chance (demo, 0.2);

  set_clock (demo, referred, 9, pick (demo, 60));
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
  g_autofree char *referrer = invent_name (demo);
  RmmReferralInput input = {
    .child_id = child->id,
    .route = chance (demo, 0.8) ? "single-point-of-access" : "lead-professional",
    .referrer_name = referrer,
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
  RmmField fields[] = {
    RMM_REF ("child_id", child->id),
    RMM_REF ("referral_id", referral_id),
    RMM_REF ("assessor_id", pick_staff (demo, chance (demo, 0.6) ? AG_CHILDREN : AG_FAMILY)),
    RMM_TEXT ("started_on", started_on),
    RMM_TEXT ("completed_on", completed_on),
    RMM_TEXT ("proposed_rating", proposed),
    RMM_TEXT ("analysis", "Vulnerabilities and indicators discussed with the young person "
                          "and their carers; see the checklist."),
  };
  guint first = pick (demo, G_N_ELEMENTS (vulnerabilities));
  guint n = 2 + pick (demo, 5);
  gint64 id;

  set_clock (demo, completed, 15, pick (demo, 60));
  if (!(id = rmm_store_insert (demo->store, "assessment", fields, G_N_ELEMENTS (fields), error)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *vulnerability = vulnerabilities[(first + i * 3) % G_N_ELEMENTS (vulnerabilities)];
      g_autofree char *after = g_strdup_printf ("{\"vulnerability\":\"%s\"}", vulnerability);
      RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (demo->store),
                                        "INSERT INTO assessment_vulnerability "
                                        "(assessment_id, vulnerability) VALUES (?, ?) "
                                        "ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      rmm_db_stmt_bind_int (stmt, 1, id);
      rmm_db_stmt_bind_text (stmt, 2, vulnerability);
      if (!rmm_db_stmt_run (stmt, error) ||
          !rmm_store_audit (demo->store, "create", "assessment_vulnerability", id, NULL,
                            after, error))
        return FALSE;
    }

  for (guint i = 0, n_indicators = 1 + pick (demo, 3); i < n_indicators; i++)
    {
      RmmField indicator[] = {
        RMM_REF ("assessment_id", id),
        RMM_TEXT ("indicator", indicators[pick (demo, G_N_ELEMENTS (indicators))]),
        RMM_INT ("significant", chance (demo, 0.2)),
      };

      if (!rmm_store_insert (demo->store, "assessment_indicator", indicator,
                             G_N_ELEMENTS (indicator), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
raise_trigger (Demo        *demo,
               DemoChild   *child,
               const char  *rule_id,
               const char  *reason,
               const char  *facts,
               const GDate *day,
               GError     **error)
{
  g_autofree char *raised_at = NULL;
  RmmField fields[] = {
    RMM_REF ("child_id", child->id),
    RMM_TEXT ("rule_id", rule_id),
    RMM_TEXT ("raised_at", NULL),
    RMM_TEXT ("raised_by", "rules"),
    RMM_TEXT ("reason", reason),
    RMM_TEXT ("facts", facts),
  };
  gint64 id;

  set_clock (demo, day, 13, 0);
  raised_at = rmm_store_now (demo->store);
  fields[2].text = raised_at;
  id = rmm_store_insert (demo->store, "strategy_trigger", fields, G_N_ELEMENTS (fields), error);
  if (id != 0)
    g_array_append_val (child->open_triggers, id);
  return id;
}

/* The RMM's answer to every open trigger: mostly convened within days, some not convened
 * with reasons; both chairs confirm it. */
static gboolean
answer_triggers (Demo        *demo,
                 DemoChild   *child,
                 gint64       meeting_id,
                 const GDate *day,
                 GError     **error)
{
  for (guint i = 0; i < child->open_triggers->len; i++)
    {
      gboolean convened = chance (demo, 0.75);
      GDate held = *day;
      g_autofree char *convened_on = NULL;
      g_autofree char *now = NULL;
      RmmField fields[] = {
        RMM_REF ("trigger_id", g_array_index (child->open_triggers, gint64, i)),
        RMM_REF ("meeting_id", meeting_id),
        RMM_INT ("convened", convened),
        RMM_TEXT ("convened_on", NULL),
        RMM_TEXT ("agencies_present", convened ? "Children’s Services, Police, Education, Health"
                                               : ""),
        RMM_TEXT ("outcome", convened ? "Information shared; safety plan updated." : ""),
        RMM_INT ("section47", convened && chance (demo, 0.3)),
        RMM_TEXT ("reasons", convened ? "" : "Risk already managed through the safety plan; "
                                             "strategy discussion held last month."),
        RMM_REF ("chair1_id", child->area->chair_children),
        RMM_TEXT ("chair1_confirmed_at", NULL),
        RMM_REF ("chair2_id", child->area->chair_family),
        RMM_TEXT ("chair2_confirmed_at", NULL),
        RMM_TEXT ("recorded_at", NULL),
      };

      g_date_add_days (&held, 1 + pick (demo, 4));
      convened_on = rmm_date_format (&held);
      set_clock (demo, day, 11, 30);
      now = rmm_store_now (demo->store);
      fields[3].text = convened ? convened_on : NULL;
      fields[9].text = fields[11].text = fields[12].text = now;
      if (!rmm_store_insert (demo->store, "trigger_response", fields, G_N_ELEMENTS (fields),
                             error))
        return FALSE;
    }
  g_array_set_size (child->open_triggers, 0);
  return TRUE;
}

static gboolean
record_missing_episodes (Demo        *demo,
                         DemoChild   *child,
                         const GDate *from,
                         guint        days,
                         GError     **error)
{
  g_autoptr(GString) facts = g_string_new (NULL);
  guint n = 1 + pick (demo, 4);
  GDate first_day = *from;
  GDate day = *from;

  g_date_add_days (&first_day, 1 + pick (demo, MAX (days, 2) - 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = NULL;
      g_autofree char *started_at = NULL;
      g_autofree char *now = NULL;
      gint64 id;

      day = first_day;
      g_date_add_days (&day, i * (2 + pick (demo, 8)));
      if (!is_past (demo, &day))
        break;
      date = rmm_date_format (&day);
      started_at = g_strconcat (date, "T21:00:00Z", NULL);
      set_clock (demo, &day, 23, 0);
      now = rmm_store_now (demo->store);
      {
        RmmField fields[] = {
          RMM_REF ("child_id", child->id),
          RMM_TEXT ("started_at", started_at),
          RMM_REF ("reported_by_agency", demo->agencies[AG_POLICE]),
          RMM_TEXT ("notes", "Returned the next morning; return interview offered."),
          RMM_TEXT ("recorded_at", now),
        };
        if (!(id = rmm_store_insert (demo->store, "missing_episode", fields,
                                     G_N_ELEMENTS (fields), error)))
          return FALSE;
      }
      g_string_append_printf (facts, "%smissing_episode:%" G_GINT64_FORMAT,
                              facts->len ? " " : "", id);
      if (i == 2 && g_date_days_between (&first_day, &day) <= 30 &&
          !raise_trigger (demo, child, "missing-episodes",
                          "Three missing episodes within 30 days.", facts->str, &day, error))
        return FALSE;
    }
  return TRUE;
}

/* Each action with whether the chairs would put it on the family's copy; the police's
 * own are never there (rmm_store_add_plan_action() refuses it). */
static const struct
{
  const char *text;
  gboolean    police;
  gboolean    for_family;
} action_texts[] = {
  { "Return home interview after every missing episode", FALSE, TRUE },
  { "Direct work on healthy relationships, six sessions", FALSE, TRUE },
  { "Share intelligence on the adult associate with the police CSE team", TRUE, FALSE },
  { "School to monitor attendance and report absences the same day", FALSE, TRUE },
  { "Sexual health appointment offered and supported", FALSE, FALSE },
  { "Review the young person’s phone safety with them and their carer", FALSE, TRUE },
  { "Licensing check of the venue named in the referral", TRUE, FALSE },
};

/* At each review the previous actions are accounted for, in every state the minutes know. */
static gboolean
review_actions (Demo      *demo,
                DemoChild *child,
                gint64     meeting_id,
                GError   **error)
{
  for (guint i = 0; i < child->open_actions->len; i++)
    {
      double roll = g_rand_double (demo->rand);
      const char *status = roll < 0.6 ? "done" : roll < 0.75 ? "not-done-circumstances"
                         : roll < 0.85 ? "not-done-agency" : "carried-forward";
      RmmField fields[] = {
        RMM_TEXT ("status", status),
        RMM_REF ("status_meeting_id", meeting_id),
      };

      if (!rmm_store_update (demo->store, "plan_action",
                             g_array_index (child->open_actions, gint64, i),
                             fields, G_N_ELEMENTS (fields), error))
        return FALSE;
    }
  g_array_set_size (child->open_actions, 0);
  return TRUE;
}

static gboolean
add_actions (Demo        *demo,
             DemoChild   *child,
             gint64       meeting_id,
             const GDate *day,
             GError     **error)
{
  for (guint i = 0, n = 1 + pick (demo, 3); i < n; i++)
    {
      static const AgencyKind owners[] = { AG_CHILDREN, AG_FAMILY, AG_POLICE, AG_EDUCATION,
                                           AG_HEALTH, AG_VOLUNTARY };
      AgencyKind kind = owners[pick (demo, G_N_ELEMENTS (owners))];
      GDate due = *day;
      g_autofree char *due_on = NULL;
      guint text;
      gint64 id;

      g_date_add_days (&due, 14 + pick (demo, 28));
      due_on = rmm_date_format (&due);
      text = pick (demo, G_N_ELEMENTS (action_texts));
      /* The police own what only they can do, and no one else does. */
      if (action_texts[text].police)
        kind = AG_POLICE;
      else if (kind == AG_POLICE)
        kind = AG_CHILDREN;
      {
        RmmField fields[] = {
          RMM_REF ("plan_id", child->plan_id),
          RMM_REF ("meeting_id", meeting_id),
          RMM_TEXT ("description", action_texts[text].text),
          RMM_REF ("owner_id", pick_staff (demo, kind)),
          RMM_REF ("agency_id", demo->agencies[kind]),
          RMM_TEXT ("due_on", due_on),
          RMM_INT ("family_visible", action_texts[text].for_family),
        };
        if (!(id = rmm_store_insert (demo->store, "plan_action", fields, G_N_ELEMENTS (fields),
                                     error)))
          return FALSE;
      }
      g_array_append_val (child->open_actions, id);
    }
  return TRUE;
}

/* A new version of the plan at every meeting that changes it; the first one opens it. */
static gboolean
update_plan (Demo         *demo,
             DemoChild    *child,
             gint64        meeting_id,
             const GDate  *day,
             const GDate  *review_on,
             GError      **error)
{
  g_autofree char *today = rmm_date_format (day);
  g_autofree char *review = rmm_date_format (review_on);
  g_autofree char *now = rmm_store_now (demo->store);

  if (child->plan_id == 0)
    {
      RmmField plan[] = {
        RMM_REF ("child_id", child->id),
        RMM_TEXT ("opened_on", today),
      };
      if (!(child->plan_id = rmm_store_insert (demo->store, "safety_plan", plan,
                                               G_N_ELEMENTS (plan), error)))
        return FALSE;
      child->plan_version = 0;
    }

  {
    RmmField version[] = {
      RMM_REF ("plan_id", child->plan_id),
      RMM_INT ("version", ++child->plan_version),
      RMM_REF ("meeting_id", meeting_id),
      RMM_TEXT ("risks", "Older adult associates; going missing; online contact."),
      RMM_TEXT ("protective_factors", "Good relationship with a teacher; engages with "
                                      "the specialist service."),
      RMM_TEXT ("child_views", "Wants to stay at the same school and see friends safely."),
      RMM_TEXT ("carer_views", "Carer worried about late nights; supports the plan."),
      RMM_TEXT ("direct_work_by", "Safe Steps practitioner"),
      RMM_TEXT ("review_on", review),
      RMM_TEXT ("created_at", now),
    };
    if (!rmm_store_insert (demo->store, "safety_plan_version", version,
                           G_N_ELEMENTS (version), error))
      return FALSE;
  }
  return review_actions (demo, child, meeting_id, error) &&
         add_actions (demo, child, meeting_id, day, error);
}

/* The store closes the plan as the chairs confirm the closure. */
static gboolean
close_case (Demo        *demo,
            DemoChild   *child,
            gint64       meeting_id,
            const GDate *day,
            GError     **error)
{
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting_id,
    .kind = "closure",
    .value = "closed",
    .rationale = "Risk has reduced: no missing episodes, engaged with school and services.",
  };
  RmmClosureInput closure = {
    .reasons = "Risk reduced and sustained over three months.",
    .good_practice = "Consistent direct work by one trusted practitioner; quick information "
                     "sharing by school and police.",
    .onward_agency_id = chance (demo, 0.4) ? demo->agencies[AG_FAMILY] : 0,
  };
  gint64 decision_id = rmm_store_propose_decision (demo->store, &input, error);

  /* A closure never drops a trigger: each gets its answer first. */
  if (decision_id == 0 ||
      !rmm_store_add_closure_record (demo->store, decision_id, &closure, error) ||
      !answer_triggers (demo, child, meeting_id, day, error) ||
      (child->plan_id != 0 && !review_actions (demo, child, meeting_id, error)) ||
      !confirm_by_both_chairs (demo, child->area, decision_id, error))
    return FALSE;
  return TRUE;
}

/* At 17 transition planning starts; at 18 the case stays open until adult support is agreed. */
static gboolean
plan_transition (Demo        *demo,
                 DemoChild   *child,
                 const GDate *day,
                 GError     **error)
{
  g_autofree char *started = rmm_date_format (day);
  RmmField fields[] = {
    RMM_REF ("child_id", child->id),
    RMM_TEXT ("planning_started_on", started),
    RMM_TEXT ("adult_services", agency_specs[AG_ADULT].name),
    RMM_TEXT ("adult_package_agreed_on", NULL),
    RMM_TEXT ("s42_referral_on", NULL),
  };

  child->adult_package = chance (demo, 0.6);
  if (child->adult_package)
    fields[3].text = started;
  if (chance (demo, 0.15))
    fields[4].text = started;
  child->transition = TRUE;
  return rmm_store_insert (demo->store, "transition", fields, G_N_ELEMENTS (fields), error) != 0;
}

static void
add_reason (GString    *reasons,
            const char *reason)
{
  if (strstr (reasons->str, reason) == NULL)
    g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason);
}

static gboolean
decide_lead_agency (Demo                *demo,
                    DemoChild           *child,
                    gint64               meeting_id,
                    const RmmRiskLevel  *level,
                    GError             **error)
{
  AgencyKind lead = level->held_at_early_help ? AG_FAMILY : AG_CHILDREN;
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting_id,
    .kind = "lead-agency",
    .lead_agency_id = demo->agencies[lead],
    .lead_professional_id = pick_staff (demo, lead),
    .rationale = "No allocated lead professional.",
  };

  return confirm_by_both_chairs (demo, child->area,
                                 rmm_store_propose_decision (demo->store, &input, error), error);
}

/* The store applies the framework as the rating is confirmed: note the plan it opened. */
static gint64
confirm_rating (Demo         *demo,
                DemoChild    *child,
                gint64        meeting_id,
                const char   *rating,
                GError      **error)
{
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting_id,
    .kind = "risk-rating",
    .value = rating,
    .rationale = "Agreed by the meeting on the assessment and the agencies’ updates.",
  };
  gint64 id = rmm_store_propose_decision (demo->store, &input, error);

  if (!confirm_by_both_chairs (demo, child->area, id, error))
    return 0;
  if (child->plan_id == 0 &&
      rmm_framework_find_level (child->area->framework, rating)->safety_plan_required)
    {
      child->plan_id = rmm_store_find_open_plan (demo->store, child->id, error);
      child->plan_version = 0;
    }
  return child->plan_id >= 0 ? id : 0;
}

/* The strategy-meeting trigger the store raised when @decision_id was confirmed, or 0. */
static gint64
rating_trigger (Demo       *demo,
                DemoChild  *child,
                gint64      decision_id)
{
  g_autofree char *facts = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision_id);
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (demo->store),
                                    "SELECT id FROM strategy_trigger WHERE child_id = ? "
                                    "AND facts = ? AND rule_id = 'rating-high'", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  rmm_db_stmt_bind_int (stmt, 1, child->id);
  rmm_db_stmt_bind_text (stmt, 2, facts);
  if (rmm_db_stmt_step (stmt, NULL))
    {
      id = rmm_db_stmt_get_int (stmt, 0);
      rmm_db_stmt_reset (stmt);
    }
  return id;
}

static const char *
choose_rating (Demo        *demo,
               DemoChild   *child,
               const char  *proposed)
{
  RmmFramework *framework = child->area->framework;

  if (child->rating != NULL)
    return review_rating (demo, framework, child->rating);
  /* Now and then the meeting rates differently from the assessor. */
  if (chance (demo, 0.1))
    return review_rating (demo, framework, proposed);
  return proposed;
}

/* A held meeting's item, as the room left it: discussed. */
static gboolean
add_discussed_item (Demo        *demo,
                    gint64       meeting_id,
                    gint64       child_id,
                    const char  *reasons,
                    GError     **error)
{
  gint64 position = rmm_store_query_int (demo->store,
                                         "SELECT coalesce(max(position), 0) + 1 FROM agenda_item "
                                         "WHERE meeting_id = ?", meeting_id, error);
  RmmField fields[] = {
    RMM_REF ("meeting_id", meeting_id),
    RMM_REF ("child_id", child_id),
    RMM_INT ("position", position),
    RMM_TEXT ("reasons", reasons),
    RMM_TEXT ("status", "discussed"),
  };

  return position > 0 &&
         rmm_store_insert (demo->store, "agenda_item", fields, G_N_ELEMENTS (fields), error) != 0;
}

/* One meeting's business for one child: rating, lead agency, triggers, plan or closure. */
static gboolean
discuss (Demo        *demo,
         DemoChild   *child,
         guint        index,
         const char  *proposed,
         guint        n_reviews,
         gboolean    *closed,
         GDate       *next_due,
         GError     **error)
{
  DemoArea *area = child->area;
  gint64 meeting_id = g_array_index (area->meetings, gint64, index);
  g_autoptr(GString) reasons = g_string_new (NULL);
  const char *previous = child->rating;
  const RmmRiskLevel *level;
  gint64 rating_id, trigger_id;
  gboolean can_close, wants_close;
  guint position, age;
  GDate day;

  meeting_date (area, index, &day);
  age = rmm_date_age_on (&child->born, &day);
  add_reason (reasons, previous ? "review-due" : "new-referral");
  if (child->open_triggers->len > 0)
    add_reason (reasons, "trigger");
  if (age >= 17)
    add_reason (reasons, "transition");

  set_clock (demo, &day, 10 + pick (demo, 2), pick (demo, 60));
  child->rating = choose_rating (demo, child, proposed);
  level = rmm_framework_find_level (area->framework, child->rating);
  position = level_position (area->framework, child->rating);

  if (!(rating_id = confirm_rating (demo, child, meeting_id, child->rating, error)) ||
      (previous == NULL && !child->has_social_worker &&
       !decide_lead_agency (demo, child, meeting_id, level, error)) ||
      !answer_triggers (demo, child, meeting_id, &day, error))
    return FALSE;

  if (level->strategy_meeting_required &&
      (trigger_id = rating_trigger (demo, child, rating_id)) != 0)
    {
      GDate answered = day;

      g_array_append_val (child->open_triggers, trigger_id);
      /* Usually convened within days; only the last few weeks' stay open. */
      g_date_add_days (&answered, 5);
      if (is_past (demo, &answered) && !answer_triggers (demo, child, meeting_id, &day, error))
        return FALSE;
    }
  if (age >= 17 && !child->transition && position > 0 &&
      !plan_transition (demo, child, &day, error))
    return FALSE;

  /* At 18 with risk remaining the RMM cannot close until adult support is agreed. */
  can_close = age < 18 || child->adult_package || position == 0;
  wants_close = level->review_interval_days == 0 || n_reviews >= 8 ||
                (position == 0 && previous != NULL && chance (demo, 0.6));
  *next_due = day;
  g_date_add_days (next_due, level->review_interval_days ? level->review_interval_days : 91);

  if (wants_close && can_close)
    {
      add_reason (reasons, "closure");
      *closed = TRUE;
      if (!close_case (demo, child, meeting_id, &day, error))
        return FALSE;
    }
  else if ((level->safety_plan_required || child->plan_id != 0) &&
           !update_plan (demo, child, meeting_id, &day, next_due, error))
    return FALSE;

  return add_discussed_item (demo, meeting_id, child->id, reasons->str, error);
}

/* Referral, screening, assessment, then meeting after meeting until closure or today. */
static gboolean
follow_case (Demo        *demo,
             DemoChild   *child,
             const GDate *referred,
             GError     **error)
{
  DemoArea *area = child->area;
  GDate started = *referred, completed = *referred, due;
  const char *proposed;
  gint64 referral_id;
  guint index, n_reviews = 0;
  gboolean closed = FALSE;
  double roll = g_rand_double (demo->rand);
  const char *outcome = roll < 0.88 ? "assessment-required"
                      : roll < 0.96 ? "no-further-action" : "signposted";
  GDate decided = *referred;

  /* The last day's referrals are still waiting for their 24-hour decision. */
  g_date_add_days (&decided, 2);
  if (!is_past (demo, &decided))
    outcome = "pending";

  if (!(referral_id = add_referral (demo, child, referred, outcome, error)))
    return FALSE;
  g_date_add_days (&started, 1);
  g_date_add_days (&completed, 3 + pick (demo, 8));
  if (!g_str_equal (outcome, "assessment-required") || !is_past (demo, &completed))
    return TRUE;

  proposed = initial_rating (demo, area->framework);
  if (!add_assessment (demo, child, referral_id, &started, &completed, proposed, error))
    return FALSE;

  due = completed;
  g_date_add_days (&due, 1);
  index = meeting_on_or_after (area, &due);
  while (index < area->meetings->len && !closed)
    {
      GDate day;

      meeting_date (area, index, &day);
      /* Next week's agenda builds itself from where the case stands. */
      if (!is_past (demo, &day))
        break;
      if (!discuss (demo, child, index, proposed, n_reviews++, &closed, &due, error))
        return FALSE;
      if (!closed && chance (demo, 0.3) &&
          !record_missing_episodes (demo, child, &day, g_date_days_between (&day, &due), error))
        return FALSE;
      index = MAX (meeting_on_or_after (area, &due), index + 1);
    }
  return TRUE;
}

static gboolean
simulate_child (Demo     *demo,
                GError  **error)
{
  DemoChild child = { 0 };
  GDate referred = demo->start;
  gboolean ok;

  g_date_add_days (&referred, pick (demo, MAX (g_date_days_between (&demo->start,
                                                                     &demo->today), 1)));
  child.area = &demo->areas[pick (demo, N_AREAS)];
  child.open_actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  child.open_triggers = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = add_child (demo, &child, &referred, error) && follow_case (demo, &child, &referred, error);

  g_array_unref (child.open_actions);
  g_array_unref (child.open_triggers);
  return ok;
}

/* Agencies record concerns they decided not to refer, with reasons. */
static gboolean
add_concerns_not_referred (Demo     *demo,
                           GError  **error)
{
  for (guint i = 0; i < N_AREAS * 2; i++)
    {
      g_autofree char *now = NULL;
      g_autofree char *recorder = invent_name (demo);
      GDate day = demo->today;
      RmmField fields[] = {
        RMM_REF ("agency_id", demo->agencies[i % 2 ? AG_EDUCATION : AG_HEALTH]),
        RMM_TEXT ("recorded_by", recorder),
        RMM_TEXT ("recorded_at", NULL),
        RMM_TEXT ("concern", "Pupil seen leaving school with an older student."),
        RMM_TEXT ("reasons", "Discussed with the safeguarding lead: known family friend, "
                             "no indicators of exploitation; will keep under review."),
      };

      g_date_subtract_days (&day, 1 + pick (demo, 60));
      set_clock (demo, &day, 14, 0);
      now = rmm_store_now (demo->store);
      fields[2].text = now;
      if (!rmm_store_insert (demo->store, "concern_not_referred", fields,
                             G_N_ELEMENTS (fields), error))
        return FALSE;
    }
  return TRUE;
}

void
rmm_demo_options_init (RmmDemoOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  options->n_children = 1500;
  options->years = 1;
  options->seed = 1;
  g_date_clear (&options->today, 1);
  g_date_set_dmy (&options->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static gboolean
mark_as_demo (Demo                  *demo,
              const RmmDemoOptions  *options,
              GError               **error)
{
  g_autofree char *seed = g_strdup_printf ("%u", options->seed);
  g_autofree char *today = rmm_date_format (&options->today);

  return rmm_store_set_info (demo->store, "demo", "true", error) &&
         rmm_store_set_info (demo->store, "demo_seed", seed, error) &&
         rmm_store_set_info (demo->store, "demo_today", today, error);
}

/* Each area's next meeting has its agenda, built by the store as for a real area. */
static gboolean
build_coming_agendas (Demo     *demo,
                      GError  **error)
{
  set_clock (demo, &demo->today, 8, 0);
  for (guint a = 0; a < N_AREAS; a++)
    {
      DemoArea *area = &demo->areas[a];

      guint next = meeting_on_or_after (area, &demo->today);

      if (next < area->meetings->len &&
          !rmm_store_refresh_agenda (demo->store, g_array_index (area->meetings, gint64, next),
                                     5, RMM_AGENDA_ORDER_RISK_FIRST, error))
        return FALSE;
    }
  return TRUE;
}

/* Children are written in batches of this many per transaction, so the journal stays
 * small on the 20,000-child database; a failure removes the whole file anyway. */
#define CHILDREN_PER_TRANSACTION 1000

static gboolean
write_demo (Demo                  *demo,
            const RmmDemoOptions  *options,
            GError               **error)
{
  if (!rmm_store_begin (demo->store, error))
    return FALSE;
  set_clock (demo, &demo->start, 8, 0);
  if (!mark_as_demo (demo, options, error) || !add_agencies (demo, error))
    goto failed;
  for (guint i = 0; i < N_AREAS; i++)
    if (!add_area (demo, i, error))
      goto failed;

  for (guint i = 0; i < options->n_children; i++)
    {
      if (!simulate_child (demo, error))
        goto failed;
      if ((i + 1) % CHILDREN_PER_TRANSACTION == 0 &&
          (!rmm_store_commit (demo->store, error) || !rmm_store_begin (demo->store, error)))
        return FALSE;
    }
  if (!hold_meetings (demo, error) || !add_concerns_not_referred (demo, error) ||
      !build_coming_agendas (demo, error))
    goto failed;
  return rmm_store_commit (demo->store, error);

failed:
  rmm_store_rollback (demo->store);
  return FALSE;
}

gboolean
rmm_demo_generate (RmmStore              *store,
                   const RmmDemoOptions  *options,
                   GError               **error)
{
  g_autofree char *actor = g_strdup (rmm_store_get_actor (store));
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->today), FALSE);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.today = options->today;
  demo.start = options->today;
  g_date_subtract_days (&demo.start, 365 * MAX (options->years, 1));
  rmm_store_set_actor (store, "demo");

  rmm_store_set_bulk_writing (store, TRUE);
  ok = write_demo (&demo, options, error);
  rmm_store_set_bulk_writing (store, FALSE);

  rmm_store_set_clock (store, NULL);
  rmm_store_set_actor (store, actor);
  g_rand_free (demo.rand);
  for (guint i = 0; i < N_AGENCIES; i++)
    g_clear_pointer (&demo.staff[i], g_array_unref);
  for (guint i = 0; i < N_AREAS; i++)
    g_clear_pointer (&demo.areas[i].meetings, g_array_unref);
  return ok;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* --force may replace a demo, never anything else; even a demo is kept aside first, as
 * "NAME.replaced-TIME", since the demo is where people try things out. */
static gboolean
set_aside_demo (const char  *path,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RmmStore) old = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &local_error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.replaced-%s", path, stamp);

  if (old == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” could not be read as a demo database (%s); --force replaces only a "
                     "demo database. Move the file away yourself if you mean to."),
                   path, local_error->message);
      return FALSE;
    }
  if (!rmm_store_is_demo (old))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                   _("“%s” is not a demo database: it may hold real children’s records. "
                     "--force replaces only a demo database."), path);
      return FALSE;
    }
  return rmm_store_backup (old, aside, error);
}

/* A new demo database at @path; an existing file is replaced only when @replace, and only
 * when it is a demo itself. */
RmmStore *
rmm_demo_create (const char            *path,
                 const RmmDemoOptions  *options,
                 gboolean               replace,
                 GError               **error)
{
  g_autoptr(RmmStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IS_FOLDER,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!replace)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_EXISTS,
                       _("“%s” already exists; use --force to replace it."), path);
          return NULL;
        }
      if (!set_aside_demo (path, error))
        return NULL;
      remove_database_files (path);
    }

  if (!(store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, error)))
    return NULL;
  if (!rmm_demo_generate (store, options, error))
    {
      g_clear_object (&store);
      remove_database_files (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}
