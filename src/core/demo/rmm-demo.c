/* rmm-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name here is invented: the areas, schools, agencies and people do not exist. The
 * history is simulated through the store's own repository functions, so the demo database
 * has the same audit trail and rules as a real one. Same seed and same "today", same
 * database (under the same trigger rules: the store raises triggers by the installation's
 * rules, and the demo follows whatever they raise).
 *
 * The history tells the truth: each child's story runs forward in time, and nothing is
 * recorded at a meeting before it happened. A strategy discussion is reported at the first
 * meeting after it was held; what happens between two meetings (missing episodes, new
 * information, police disruption) brings the child to the next meeting when the rules raise
 * a trigger or the chairs add them; each past agenda item carries the reasons the store
 * would have given it on the day; a case closes only when the rating has come down to the
 * lowest level (or, at 18, once adult services have taken the young person on).
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
#include "rmm-store.h"
#include "rmm-working-calendar.h"

#define N_AREAS 6

static const struct { const char *name; const char *framework; const char *location; }
area_specs[N_AREAS] = {
  { "Ashdown North", "surrey-3-level", "Meeting Room 2, Fernbrook House, Ashdown" },
  { "Ashdown East", "surrey-3-level", "Conference Room, Eastgate Family Centre" },
  { "Ashdown South", "surrey-3-level", "Room 14, Southmead Locality Office" },
  { "Ashdown West", "surrey-3-level", "Training Room, Westholme Children’s Centre" },
  { "Bro Derwen", "seraf-4-category", "Ystafell Gyfarfod 1, Canolfan Derwen" },
  { "Cwm Teifion", "seraf-4-category", "Meeting Room B, Teifion Valley Offices" },
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

typedef enum
{
  MINUTES_NEW,
  MINUTES_DOWN,
  MINUTES_SAME,
  MINUTES_UP,
  MINUTES_STRATEGY,
  MINUTES_NEW_INFORMATION,
  MINUTES_OVERDUE,
  MINUTES_EARLY_HELP,
  MINUTES_DISPUTE,
  MINUTES_CLOSURE,
  MINUTES_CLOSURE_EARLY_HELP,
  MINUTES_CLOSURE_NOT_AT_RISK,
  MINUTES_CLOSURE_ADULT,
  N_MINUTES
} MinutesKind;

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

typedef struct
{
  gint64         id;
  RmmFramework  *framework;
  gint64         chair_children;
  gint64         chair_family;
  gint64         minute_taker;
  GDate          first_meeting;
  GArray        *meetings;    /* gint64 meeting ids, one a week */
  GArray        *days;        /* GDate: the day each of them meets */
  gint64         closable;    /* the first child held at the lowest level with nothing open */
  gint64         newest_on_plan;  /* the newest child with an open safety plan */
} DemoArea;

typedef struct
{
  RmmStore       *store;
  GRand          *rand;
  GDate           today;
  GDate           start;
  gint64          agencies[N_AGENCIES];
  GArray         *staff[N_AGENCIES];        /* gint64 professional ids */
  GPtrArray      *staff_names[N_AGENCIES];  /* their names, in the same order */
  GHashTable     *names_in_use;             /* professionals' full names, each given once */
  DemoArea        areas[N_AREAS];
  GArray         *chair_additions;          /* ChairAddition, for the coming meetings */
  guint           n_children;
  guint           n_closures_proposed;      /* for a coming meeting, not yet confirmed */
} Demo;

/* A child the chairs add to a coming meeting's agenda after new information. */
typedef struct
{
  gint64  meeting_id;
  gint64  child_id;
} ChairAddition;

typedef struct
{
  gint64    id;
  GDate     raised;
  gboolean  from_rating;   /* raised by a rating the meeting confirmed */
} DemoTrigger;

typedef struct
{
  gint64  id;
  GDate   due;
  guint   agreed;          /* the meeting (index) that agreed it */
} DemoAction;

/* What one child's history carries from meeting to meeting. */
typedef struct
{
  gint64       id;
  DemoArea    *area;
  const char  *first_name;      /* how the minutes may speak of them */
  GDate        born;
  gboolean     has_social_worker;
  const char  *rating;          /* the rating that stands; NULL until the first */
  guint        position;        /* its place in the framework */
  GDate        rated_on;
  gboolean     has_plan;
  GDate        review_on;       /* the plan's review date, once a version is written */
  guint        n_reviews;
  GArray      *actions;         /* DemoAction, open */
  GArray      *triggers;        /* DemoTrigger, open */
  gint64       newest_trigger;  /* the newest trigger seen, to notice what the rules raise */
  GDate        last_strategy;   /* the last strategy discussion held; cleared: none */
  gboolean     transition;
  gboolean     adult_package;
  gint64       closure_id;      /* a closure proposed for the meeting closure_index */
  guint        closure_index;
  int          closure_kind;    /* a CloseKind */
  gboolean     back_next_week;  /* deferred or disputed */
  gboolean     disputed;        /* the chairs disagreed last time: settled after escalation */
  gboolean     added_by_chair;  /* new information: the chairs add the child to the next agenda */
  gboolean     new_information; /* something happened since the last meeting */
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

static guint
pick_staff_index (Demo       *demo,
                  AgencyKind  kind)
{
  return pick (demo, demo->staff[kind]->len);
}

static gint64
pick_staff (Demo       *demo,
            AgencyKind  kind)
{
  return g_array_index (demo->staff[kind], gint64, pick_staff_index (demo, kind));
}

static const char *
pick_staff_name (Demo       *demo,
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

static gint64
add_professional (Demo        *demo,
                  AgencyKind   kind,
                  const char  *role,
                  GError     **error)
{
  g_autofree char *name = invent_staff_name (demo);
  gint64 id = rmm_store_add_professional (demo->store, demo->agencies[kind], name, role, error);

  if (id != 0)
    {
      g_array_append_val (demo->staff[kind], id);
      g_ptr_array_add (demo->staff_names[kind], g_steal_pointer (&name));
    }
  return id;
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
      demo->staff_names[kind] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_staff; i++)
        if (!add_professional (demo, kind, agency_specs[kind].role, error))
          return FALSE;
    }
  return TRUE;
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
      set_clock (demo, &arranged, 9, 0);
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

static void
meeting_date (DemoArea *area,
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

static gint64
meeting_id (DemoArea *area,
            guint     index)
{
  return g_array_index (area->meetings, gint64, index);
}

/* The first meeting on or after @day; area->meetings->len when it is past next week. */
static guint
meeting_on_or_after (DemoArea    *area,
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
static guint
meeting_after (DemoArea    *area,
               const GDate *day)
{
  GDate next = *day;

  g_date_add_days (&next, 1);
  return meeting_on_or_after (area, &next);
}

static gboolean
is_past (Demo        *demo,
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

  set_clock (demo, day, 10, 0);
  if (!rmm_store_open_meeting (demo->store, id, rows, n_rows, TRUE, error))
    return FALSE;
  set_clock (demo, day, 12, 15);
  if (!rmm_store_conclude_meeting (demo->store, id, error))
    return FALSE;
  set_clock (demo, day, 12, 25);
  return rmm_store_sign_off_meeting (demo->store, id, area->chair_children, error) &&
         rmm_store_sign_off_meeting (demo->store, id, area->chair_family, error);
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
              !hold_meeting (demo, area, meeting_id (area, i), &day, error))
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

static const RmmRiskLevel *
level_at (RmmFramework *framework,
          guint         position)
{
  return rmm_framework_get_level (framework, position);
}

static guint
level_position (RmmFramework *framework,
                const char   *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
    if (g_str_equal (level_at (framework, i)->id, id))
      return i;
  g_assert_not_reached ();
}

static guint
top_position (RmmFramework *framework)
{
  return rmm_framework_get_n_levels (framework) - 1;
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
  return level_at (framework, i)->id;
}

static gboolean
has_reason (const char *reasons,
            const char *reason)
{
  g_auto(GStrv) list = g_strsplit (reasons, " ", -1);

  return g_strv_contains ((const char * const *)list, reason);
}

static void
add_reason (GString    *reasons,
            const char *reason)
{
  if (!has_reason (reasons->str, reason))
    g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason);
}

static guint
age_on (DemoChild   *child,
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
  if (age_on (child, day) >= 17 && !child->transition)
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
  level = level_at (child->area->framework, child->position);
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

  meeting_date (child->area, index, &day);
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

  meeting_date (area, index + 1, &week);
  if (child->back_next_week || child->triggers->len > 0)
    next = index + 1;
  /* An open action brings the child back to the first meeting after its date. */
  for (guint i = 0; i < child->actions->len; i++)
    {
      DemoAction *action = &g_array_index (child->actions, DemoAction, i);
      GDate after = action->due;

      g_date_add_days (&after, 1);
      next = MIN (next, meeting_on_or_after (area, &after));
    }
  if (child->closure_id != 0)
    next = MIN (next, child->closure_index);
  if (child->has_plan && g_date_valid (&child->review_on))
    next = MIN (next, meeting_on_or_after (area, &child->review_on));
  early_help_due (child, &due);
  if (g_date_valid (&due))
    next = MIN (next, meeting_on_or_after (area, &due));
  if (child->rating != NULL && child->position > 0)
    {
      if (!child->transition)
        {
          due = child->born;
          g_date_add_years (&due, 17);
          next = MIN (next, MAX (index + 1, meeting_on_or_after (area, &due)));
        }
      if (!child->adult_package)
        {
          due = child->born;
          g_date_add_years (&due, 18);
          g_date_subtract_months (&due, 3);
          next = MIN (next, MAX (index + 1, meeting_on_or_after (area, &due)));
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
  RmmReferralInput input = {
    .child_id = child->id,
    .route = chance (demo, 0.8) ? "single-point-of-access" : "lead-professional",
    /* The referrer is one of the agency's own professionals. */
    .referrer_name = pick_staff_name (demo, kind),
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
  gboolean significant[5] = { FALSE };
  RmmAssessmentInput input = {
    .child_id = child->id,
    .referral_id = referral_id,
    .assessor_id = pick_staff (demo, chance (demo, 0.6) ? AG_CHILDREN : AG_FAMILY),
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
  for (guint i = 0, n_seen = 1 + pick (demo, 3); i < n_seen; i++)
    {
      seen[i] = indicators[pick (demo, G_N_ELEMENTS (indicators))];
      significant[i] = chance (demo, 0.2);
    }
  set_clock (demo, completed, 15, pick (demo, 60));
  return rmm_store_add_assessment (demo->store, &input, error) != 0;
}

/* The triggers the store has raised for the child since we last looked (by the rating just
 * confirmed, or by its rules over a fact just recorded); @earliest: the first one's day. */
static gboolean
collect_new_triggers (Demo       *demo,
                      DemoChild  *child,
                      gboolean    from_rating,
                      GDate      *earliest,
                      GError    **error)
{
  g_autoptr(GPtrArray) raised = rmm_store_list_triggers (demo->store, child->id, TRUE, error);

  if (earliest != NULL)
    g_date_clear (earliest, 1);
  if (raised == NULL)
    return FALSE;
  for (guint i = 0; i < raised->len; i++)
    {
      RmmTrigger *seen = g_ptr_array_index (raised, i);
      DemoTrigger trigger = { .id = seen->id, .from_rating = from_rating };
      g_autofree char *day = g_strndup (seen->raised_at, strlen ("YYYY-MM-DD"));

      if (seen->id <= child->newest_trigger)
        continue;
      g_date_clear (&trigger.raised, 1);
      rmm_date_parse (day, &trigger.raised);
      g_array_append_val (child->triggers, trigger);
      child->newest_trigger = trigger.id;
      if (earliest != NULL && !g_date_valid (earliest))
        *earliest = trigger.raised;
    }
  return TRUE;
}

/* The RMM's answer to each trigger raised before the meeting, confirmed by both chairs: a
 * strategy discussion already held (and so reported here, never before), or not convened
 * with reasons that are true of this child. The trigger a rating raises today waits for the
 * next meeting. */
static gboolean
answer_triggers (Demo        *demo,
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
static gboolean
review_actions (Demo        *demo,
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
          .owner_id = pick_staff (demo, text->owner),
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
static gboolean
update_plan (Demo         *demo,
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
  return review_actions (demo, child, meeting, index, day, FALSE, error) &&
         add_actions (demo, child, meeting, index, day, n_actions, error);
}

typedef enum
{
  CLOSE_RISK_REDUCED,
  CLOSE_EARLY_HELP,
  CLOSE_NOT_AT_RISK,
  CLOSE_ADULT_SERVICES,
} CloseKind;

static gint64
propose_closure (Demo        *demo,
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
    .kind = "closure",
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
static gboolean
close_case (Demo        *demo,
            DemoChild   *child,
            gint64       meeting,
            guint        index,
            const GDate *day,
            CloseKind    kind,
            GError     **error)
{
  gint64 decision_id = child->closure_id;

  /* A closure never drops a trigger: each gets its answer first. */
  if (!answer_triggers (demo, child, meeting, day, error) ||
      !review_actions (demo, child, meeting, index, day, TRUE, error))
    return FALSE;
  if (decision_id == 0 && !(decision_id = propose_closure (demo, child, meeting, kind, error)))
    return FALSE;
  child->has_plan = FALSE;
  child->closure_id = 0;
  return confirm_by_both_chairs (demo, child->area, decision_id, error);
}

/* At 17, with risk remaining, transition planning starts; adult support is agreed at a later
 * meeting, and a young person still at risk at 18 may be referred under s42 (an adult then). */
static gboolean
plan_transition (Demo        *demo,
                 DemoChild   *child,
                 const GDate *day,
                 GError     **error)
{
  g_autofree char *today = rmm_date_format (day);
  g_autoptr(RmmTransition) started = NULL;
  g_autofree char *s42 = NULL;
  RmmTransitionInput input = {
    .adult_services = agency_specs[AG_ADULT].name,
    .notes = "Transition worker allocated; the young person has been told what adult "
             "services can offer.",
  };

  if (!child->transition)
    {
      child->transition = TRUE;
      input.planning_started_on = today;
      return rmm_store_record_transition (demo->store, child->id, &input, error);
    }
  if (child->adult_package || !chance (demo, age_on (child, day) >= 18 ? 0.4 : 0.15))
    return TRUE;
  if (!(started = rmm_store_get_transition (demo->store, child->id, error)))
    return FALSE;
  if (age_on (child, day) >= 18 && chance (demo, 0.25))
    s42 = g_strdup (today);
  input.planning_started_on = started->planning_started_on;
  input.adult_package_agreed_on = today;
  input.s42_referral_on = s42;
  child->adult_package = TRUE;
  return rmm_store_record_transition (demo->store, child->id, &input, error);
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
    .kind = "lead-agency",
    .lead_agency_id = demo->agencies[lead],
    .lead_professional_id = pick_staff (demo, lead),
    .rationale = "No allocated lead professional.",
  };

  return confirm_by_both_chairs (demo, child->area,
                                 rmm_store_propose_decision (demo->store, &input, error), error);
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
  guint top = top_position (framework);
  guint position;
  double roll = g_rand_double (demo->rand);

  if (child->rating == NULL)
    {
      position = level_position (framework, proposed);
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
                    (position == 0 && level_at (framework, 0)->review_interval_days == 0);

      return up && position < top ? position + 1 : position;
    }
  if (has_reason (reasons, "review-due") || has_reason (reasons, "early-help-check"))
    {
      if (roll < (child->n_reviews >= 3 ? 0.6 : 0.45) && position > 0)
        position--;
      else if (roll > 0.88 && position < top)
        position++;
    }
  return position;
}

/* A held meeting's item, as the room left it (@deferral: why it was deferred). */
static gboolean
add_past_item (Demo        *demo,
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
static char *
type_minutes (Demo        *demo,
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
static gboolean
dispute_rating (Demo        *demo,
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
  const char *high = level_at (framework, higher)->label;
  const char *low = level_at (framework, higher - 1)->label;
  g_autofree char *for_higher = g_strdup_printf ("Rates the risk %s on the police and school "
                                                 "information shared today.", high);
  g_autofree char *for_lower = g_strdup_printf ("Rates the risk %s: the young person is "
                                                "engaging and the family is protective; the "
                                                "plan can manage the risk.", low);
  g_autofree char *minutes = type_minutes (demo, child, MINUTES_DISPUTE, FALSE);
  RmmDecisionInput input = {
    .child_id = child->id,
    .meeting_id = meeting,
    .kind = "risk-rating",
    .value = level_at (framework, higher)->id,
    .rationale = "Proposed on the agencies’ updates.",
  };
  gint64 id = rmm_store_propose_decision (demo->store, &input, error);

  if (id == 0 ||
      !rmm_store_record_dissent (demo->store, id, child->area->chair_children, for_higher,
                                 error) ||
      !rmm_store_record_dissent (demo->store, id, child->area->chair_family, for_lower, error) ||
      !answer_triggers (demo, child, meeting, day, error))
    return FALSE;
  /* The plan stands meanwhile, its review brought forward to next week. */
  if (child->has_plan)
    {
      GDate review = *day;

      g_date_add_days (&review, 7);
      if (!update_plan (demo, child, meeting, index, day, &review, 0, error))
        return FALSE;
    }
  child->back_next_week = TRUE;
  child->disputed = TRUE;
  return add_past_item (demo, meeting, child->id, reasons, NULL, minutes, error);
}

/* Which of the minute-taker's texts fits the item (@closing: a CloseKind, or -1). */
static MinutesKind
minutes_kind (int          closing,
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
  if (has_reason (reasons, "overdue-actions"))
    return MINUTES_OVERDUE;
  if (has_reason (reasons, "early-help-check"))
    return MINUTES_EARLY_HELP;
  return new_information ? MINUTES_NEW_INFORMATION : MINUTES_SAME;
}

/* One meeting's business for one child: rating, lead agency, triggers, plan or closure. */
static gboolean
discuss (Demo        *demo,
         DemoChild   *child,
         guint        index,
         const char  *proposed,
         const char  *reasons,
         gboolean    *closed,
         GError     **error)
{
  DemoArea *area = child->area;
  RmmFramework *framework = area->framework;
  gint64 meeting = meeting_id (area, index);
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

  meeting_date (area, index, &day);
  age = age_on (child, &day);
  child->back_next_week = FALSE;
  child->added_by_chair = FALSE;
  set_clock (demo, &day, 10 + pick (demo, 2), pick (demo, 60));

  /* Now and then the chairs defer an item to next week, with the reason. */
  if (!first && !child->disputed && child->closure_id == 0 && chance (demo, 0.025))
    {
      child->back_next_week = TRUE;
      return add_past_item (demo, meeting, child->id, reasons,
                            deferral_reasons[pick (demo, G_N_ELEMENTS (deferral_reasons))], NULL,
                            error);
    }
  child->new_information = FALSE;

  position = choose_position (demo, child, proposed, reasons);
  /* The chairs disagree, rarely, on a rating that would change (a new child's only when a
   * social worker already leads, so nothing else waits on it). */
  if (!child->disputed && (first ? child->has_social_worker : position != before) &&
      chance (demo, 0.03))
    return dispute_rating (demo, child, meeting, index, &day, position, reasons, error);

  {
    RmmDecisionInput input = {
      .child_id = child->id,
      .meeting_id = meeting,
      .kind = "risk-rating",
      .value = level_at (framework, position)->id,
      .rationale = child->disputed ? "Agreed after escalation to the heads of service."
                 : first ? "Agreed by the meeting on the assessment and the agencies’ updates."
                 : position < before ? "Risk has reduced on the agencies’ updates."
                 : position > before ? "Risk has increased on new information."
                 : "No change on the agencies’ updates.",
    };

    /* The store applies the framework as the rating is confirmed: the plan it opens, the
     * trigger it raises (answered at a later meeting, once the discussion is held). */
    if (!(rating_id = rmm_store_propose_decision (demo->store, &input, error)) ||
        !confirm_by_both_chairs (demo, area, rating_id, error))
      return FALSE;
  }
  child->disputed = FALSE;
  level = level_at (framework, position);
  child->rating = level->id;
  child->position = position;
  child->rated_on = day;
  child->has_plan |= level->safety_plan_required;
  if (has_reason (reasons, "review-due") || has_reason (reasons, "early-help-check"))
    child->n_reviews++;

  for (guint i = 0; i < child->triggers->len; i++)
    answered_strategy |= g_date_compare (&g_array_index (child->triggers, DemoTrigger, i).raised,
                                         &day) < 0;
  if ((first && !child->has_social_worker &&
       !decide_lead_agency (demo, child, meeting, level, error)) ||
      !answer_triggers (demo, child, meeting, &day, error) ||
      !collect_new_triggers (demo, child, TRUE, NULL, error))
    return FALSE;
  if (age >= 17 && position > 0 && !plan_transition (demo, child, &day, error))
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
           position <= before && position < top_position (framework) && chance (demo, 0.5))
    {
      closing = TRUE;
      close_kind = CLOSE_ADULT_SERVICES;
    }

  kind = minutes_kind (closing ? (int)close_kind : -1, first, answered_strategy, new_information,
                       (int)position - (int)before, reasons);
  minutes = type_minutes (demo, child, kind, child->transition && !closing);

  if (closing)
    {
      *closed = TRUE;
      if (!close_case (demo, child, meeting, index, &day, close_kind, error))
        return FALSE;
    }
  else if (child->has_plan)
    {
      review = day;
      g_date_add_days (&review, MIN (level->review_interval_days ? level->review_interval_days
                                                                 : 91, 91));
      if (!update_plan (demo, child, meeting, index, &day, &review,
                        first ? 2 + pick (demo, 2) : pick (demo, 3), error))
        return FALSE;
    }
  return add_past_item (demo, meeting, child->id, reasons, NULL, minutes, error);
}

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

          set_clock (demo, &event->day, 11, pick (demo, 60));
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

        set_clock (demo, &event->day, 9 + pick (demo, 8), pick (demo, 60));
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

        set_clock (demo, &event->day, 14 + pick (demo, 3), pick (demo, 60));
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
static gboolean
between_meetings (Demo       *demo,
                  DemoChild  *child,
                  guint       index,
                  guint      *next,
                  GError    **error)
{
  DemoArea *area = child->area;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (DemoEvent));
  GDate from, until, last;
  int span;

  meeting_date (area, index, &from);
  g_date_add_days (&from, 1);
  meeting_date (area, MIN (*next, area->meetings->len), &until);
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
      meeting_date (area, child->closure_index, &proposed);
      g_date_subtract_days (&proposed, 2);
      if (*next == child->closure_index && g_date_compare (&proposed, &until) <= 0)
        {
          set_clock (demo, &proposed, 15, pick (demo, 60));
          if (!(child->closure_id = propose_closure (demo, child,
                                                     meeting_id (area, child->closure_index),
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
          !collect_new_triggers (demo, child, FALSE, &raised, error))
        return FALSE;
      /* What the room will weigh: not a routine health update, not the police's own work. */
      child->new_information |=
        event->kind == EVENT_MISSING ||
        (event->kind == EVENT_NOTE && note_texts[event->variant].chairs_add);
      if (g_date_valid (&raised))
        *next = MIN (*next, meeting_after (area, &raised));
      else if ((event->kind == EVENT_NOTE && note_texts[event->variant].chairs_add &&
                chance (demo, 0.7)) ||
               (event->kind == EVENT_MISSING && chance (demo, 0.15)))
        {
          /* Not a trigger, but the chairs want to hear it: they add the child. */
          child->added_by_chair = TRUE;
          *next = MIN (*next, meeting_after (area, &event->day));
        }
      else
        continue;
      /* Nothing recorded after the day before that meeting. */
      meeting_date (area, MIN (*next, area->meetings->len), &until);
      g_date_subtract_days (&until, 1);
      if (g_date_compare (&last, &until) < 0)
        until = last;
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
      guint next;

      meeting_date (area, index, &day);
      /* Next week's agenda builds itself from where the case stands. */
      if (!is_past (demo, &day))
        {
          if (child->added_by_chair)
            {
              ChairAddition addition = { meeting_id (area, index), child->id };

              g_array_append_val (demo->chair_additions, addition);
            }
          break;
        }
      reasons_at (child, index, reasons);
      if (!discuss (demo, child, index, proposed, reasons->str, &closed, error))
        return FALSE;
      if (closed)
        break;
      next = next_visit (child, index);
      if (!between_meetings (demo, child, index, &next, error))
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

/* What the coming week may need of the case as it stands today (see prepare_coming_week()). */
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
      !g_str_equal (child->rating, level_at (area->framework, 0)->id))
    return TRUE;
  if (!(open_triggers = rmm_store_list_triggers (demo->store, child->id, TRUE, error)))
    return FALSE;
  if (open_triggers->len == 0)
    area->closable = child->id;
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

/* Agencies record concerns they decided not to refer, with reasons. */
static gboolean
add_concerns_not_referred (Demo     *demo,
                           GError  **error)
{
  for (guint i = 0; i < N_AREAS * 2; i++)
    {
      AgencyKind kind = i % 2 ? AG_EDUCATION : AG_HEALTH;
      const char *recorded_by = pick_staff_name (demo, kind);
      GDate day = demo->today;

      g_date_subtract_days (&day, 1 + pick (demo, 60));
      set_clock (demo, &day, 14, 0);
      if (!rmm_store_add_concern_not_referred (demo->store, 0, demo->agencies[kind], recorded_by,
                                               "Pupil seen leaving school with an older "
                                               "student.",
                                               "Discussed with the safeguarding lead: known "
                                               "family friend, no indicators of exploitation; "
                                               "will keep under review.", error))
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

/* A demo shows every reason a coming agenda can give. A closure proposed ahead and a child
 * the chairs add are rare enough that a week may have neither; then the last day brings one
 * of each, as it well might: a lead professional proposes closing a case held at the lowest
 * level, and a school rings the chairs about a child on a plan. */
static gboolean
prepare_coming_week (Demo     *demo,
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
      guint next = meeting_on_or_after (area, &demo->today);
      gint64 child_id;

      if (next >= area->meetings->len)
        continue;
      child_id = proposed ? 0 : area->closable;
      if (child_id > 0)
        {
          DemoChild child = { .id = child_id, .area = area };

          set_clock (demo, &yesterday, 15, 0);
          if (!propose_closure (demo, &child, meeting_id (area, next), CLOSE_RISK_REDUCED,
                                error))
            return FALSE;
          proposed = TRUE;
        }

      child_id = added ? 0 : area->newest_on_plan;
      if (child_id > 0)
        {
          RmmInformationNoteInput input = { .child_id = child_id };
          ChairAddition addition = { meeting_id (area, next), child_id };
          guint school = 0;

          while (!g_str_equal (note_texts[school].kind, "school-update"))
            school++;
          input.kind = note_texts[school].kind;
          input.summary = note_texts[school].summary;
          input.agency_id = demo->agencies[note_texts[school].agency];
          set_clock (demo, &yesterday, 11, 0);
          if (!rmm_store_add_information_note (demo->store, &input, error))
            return FALSE;
          g_array_append_val (demo->chair_additions, addition);
          added = TRUE;
        }
    }
  return TRUE;
}

/* Each area's next meeting has its agenda, built by the store as for a real area, with
 * the children the chairs added after new information since the last meeting. */
static gboolean
build_coming_agendas (Demo     *demo,
                      GError  **error)
{
  set_clock (demo, &demo->today, 8, 0);
  for (guint i = 0; i < demo->chair_additions->len; i++)
    {
      ChairAddition *addition = &g_array_index (demo->chair_additions, ChairAddition, i);

      if (!rmm_store_add_agenda_item (demo->store, addition->meeting_id, addition->child_id,
                                      "added-by-chair", error))
        return FALSE;
    }
  set_clock (demo, &demo->today, 8, 30);
  for (guint a = 0; a < N_AREAS; a++)
    {
      DemoArea *area = &demo->areas[a];
      guint next = meeting_on_or_after (area, &demo->today);

      if (next < area->meetings->len &&
          !rmm_store_refresh_agenda (demo->store, meeting_id (area, next), 5,
                                     RMM_AGENDA_ORDER_RISK_FIRST, error))
        return FALSE;
    }
  return TRUE;
}

/* Children are written in batches of this many per transaction, so the journal stays
 * small on the 20,000-child database; a failure removes the whole file anyway. */
#define CHILDREN_PER_TRANSACTION 1000

/* Each area's weekly series, as it was set up when the history starts, then kept eight
 * weeks ahead today: the app goes on scheduling the demo's meetings as it would a real
 * area's. */
static gboolean
add_series (Demo    *demo,
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

      set_clock (demo, &demo->start, 8, 30);
      if (!rmm_store_set_meeting_series (demo->store, &input, error))
        return FALSE;
    }
  set_clock (demo, &demo->today, 8, 0);
  return rmm_store_schedule_ahead (demo->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, error) >= 0;
}

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
      !prepare_coming_week (demo, error) || !build_coming_agendas (demo, error) ||
      !add_series (demo, error))
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
  demo.names_in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.chair_additions = g_array_new (FALSE, FALSE, sizeof (ChairAddition));
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
    {
      g_clear_pointer (&demo.staff[i], g_array_unref);
      g_clear_pointer (&demo.staff_names[i], g_ptr_array_unref);
    }
  g_hash_table_unref (demo.names_in_use);
  g_array_unref (demo.chair_additions);
  for (guint i = 0; i < N_AREAS; i++)
    {
      g_clear_pointer (&demo.areas[i].meetings, g_array_unref);
      g_clear_pointer (&demo.areas[i].days, g_array_unref);
    }
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
