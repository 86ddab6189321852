/* test-documents.c: the documents that leave the room, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a small meeting of fictitious people, renders a document and asserts
 * what a reader would see: the text, the outline, the links, "Page X of Y" on the last
 * page; that the family's plan and the anonymised variants carry nothing they must not;
 * and that a write that fails leaves no file.
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-figure-chart.h"
#include "rmm-store.h"

/* poppler-glib 22.12 declares no cleanup for its page. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Distinctive text seeded where only professionals may read it. */
#define POLICE_NOTE      "ZEBRA-7731 intelligence on an adult"
#define DISRUPTION       "QUOKKA warning notice served"
#define THIRD_PARTY      "Kestrel Nightingale"
#define POLICE_ACTION    "Police to watch the Parkgate address"
#define FAMILY_ACTION    "Weekly session with the Safe Steps worker"
#define PROTECTIVE       "Loves the Brookside football club"
#define RTL_FIRST        "ليلى"
#define RTL_LAST         "حداد"

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    area;
  gint64    meeting;
  gint64    chair1;
  gint64    chair2;
  gint64    police;
  gint64    children_services;
  gint64    robin;          /* rated, lead agency, plan, minutes: the full item */
  gint64    sky;            /* disputed */
  gint64    layla;          /* a right-to-left name, deferred */
} Fixture;

static gint64
add_child (Fixture    *f,
           const char *reference,
           const char *first,
           const char *last)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = {
    .reference = reference, .first_name = first, .last_name = last,
    .date_of_birth = "2011-03-04", .area_id = f->area, .school = "Testshire Academy",
  };
  gint64 id = rmm_store_add_child (f->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_agenda_item (f->store, f->meeting, id, "new-referral", &error),
                   >, 0);
  g_assert_no_error (error);
  return id;
}

static gint64
decide (Fixture                *f,
        const RmmDecisionInput *input,
        gboolean                both)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rmm_store_propose_decision (f->store, input, &error);

  g_assert_no_error (error);
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  if (both)
    g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_no_error (error);
  return id;
}

/* A trigger raised by hand at 09:00 on the day; the clock is left as it was. */
static void
raise_on (Fixture *f,
          gint64   child_id,
          int      year,
          int      month,
          int      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) raised = g_date_time_new_utc (year, month, day, 9, 0, 0);
  g_autofree char *now = rmm_store_now (f->store);
  g_autoptr(GDateTime) was = g_date_time_new_from_iso8601 (now, NULL);

  rmm_store_set_clock (f->store, raised);
  g_assert_cmpint (rmm_store_raise_trigger (f->store, child_id, "Seen with adults", &error), >, 0);
  g_assert_no_error (error);
  rmm_store_set_clock (f->store, was);
}

static void
open_the_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RmmAttendanceInput rows[] = {
    { .agency_id = f->children_services, .name = "Ada Chairwell",
      .status = RMM_ATTENDANCE_STATUS_PRESENT },
    { .agency_id = f->police, .name = "DC Pat Northway",
      .status = RMM_ATTENDANCE_STATUS_APOLOGIES },
  };

  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, rows, G_N_ELEMENTS (rows), TRUE,
                                         &error));
  g_assert_no_error (error);
}

static void
write_robins_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RmmPlanInput plan = {
    .child_id = f->robin, .meeting_id = f->meeting,
    .risks = "Seen with " THIRD_PARTY " near the station after dark.",
    .protective_factors = PROTECTIVE, .child_views = "Wants to keep playing on Saturdays.",
    .carer_views = "Worried about late nights.", .direct_work_by = "Safe Steps practitioner",
    .review_on = "2027-02-01",
  };
  RmmActionInput family = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = FAMILY_ACTION,
    .agency_id = f->children_services, .due_on = "2026-12-14", .family_visible = TRUE,
  };
  RmmActionInput police = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = POLICE_ACTION,
    .agency_id = f->police, .due_on = "2026-12-01", .family_visible = FALSE,
  };
  RmmInformationNoteInput sensitive = {
    .child_id = f->robin, .kind = "update", .summary = POLICE_NOTE, .agency_id = f->police,
    .police_sensitive = TRUE,
  };
  RmmDisruptionNoteInput disruption = {
    .child_id = f->robin, .subject_ref = "TP/2026/0042", .tactic = "cawn",
    .detail = DISRUPTION,
  };

  g_assert_cmpint (rmm_store_save_plan_version (f->store, &plan, &error), >, 0);
  g_assert_cmpint (rmm_store_add_plan_action (f->store, &family, &error), >, 0);
  g_assert_cmpint (rmm_store_add_plan_action (f->store, &police, &error), >, 0);
  g_assert_cmpint (rmm_store_add_information_note (f->store, &sensitive, &error), >, 0);
  g_assert_cmpint (rmm_store_add_disruption_note (f->store, &disruption, &error), >, 0);
  g_assert_no_error (error);
}

/* Robin rated medium (a plan) with a lead agency and minutes; Sky's rating disputed;
 * Layla deferred. */
static void
run_the_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  RmmDecisionInput rating = {
    .child_id = f->robin, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
    .rationale = "Seen getting into cars twice since October",
  };
  RmmDecisionInput lead = {
    .child_id = f->robin, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_LEAD_AGENCY,
    .lead_agency_id = f->children_services,
  };
  RmmDecisionInput disputed = {
    .child_id = f->sky, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "high",
  };
  gint64 id;

  open_the_meeting (f);
  /* One trigger waiting since before the meeting; one raised two days after it, which the
   * minutes of this meeting must never show. */
  raise_on (f, f->robin, 2026, 11, 20);
  raise_on (f, f->robin, 2026, 11, 25);
  decide (f, &rating, TRUE);
  decide (f, &lead, TRUE);
  write_robins_plan (f);
  id = decide (f, &disputed, FALSE);
  g_assert_true (rmm_store_record_dissent (f->store, id, f->chair2,
                                           "Medium is enough while school attendance holds",
                                           &error));
  g_assert_no_error (error);

  items = rmm_store_list_agenda (f->store, f->meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);
      gint64 child = rmm_agenda_item_get_child_id (item);

      if (child == f->robin)
        g_assert_cmpint (rmm_store_set_minute_text (f->store, rmm_agenda_item_get_id (item),
                                                    "Robin told the school nurse about the car. "
                                                    "Testchild family engaged.\n\nAgreed: "
                                                    "weekly sessions.", 1, &error), >, 0);
      if (child == f->layla)
        g_assert_true (rmm_store_defer_item (f->store, rmm_agenda_item_get_id (item),
                                             "Assessment not back yet", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 30, 0);
  g_autofree char *path = NULL;
  gint64 family_services;

  f->folder = rmm_test_make_folder ();
  path = rmm_test_new_database (f->folder);
  f->store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rmm_store_set_clock (f->store, now);
  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  f->children_services = rmm_store_add_agency (f->store, "Testshire Children’s Services",
                                               "childrens-services", NULL);
  family_services = rmm_store_add_agency (f->store, "Testshire Family Services",
                                          "family-services", NULL);
  f->police = rmm_store_add_agency (f->store, "Testshire Police", "police", NULL);
  f->chair1 = rmm_store_add_professional (f->store, f->children_services, "Ada Chairwell", "",
                                          NULL);
  f->chair2 = rmm_store_add_professional (f->store, family_services, "Ben Cochair", "", NULL);
  f->meeting = rmm_store_add_meeting (f->store, f->area, "2026-11-23", f->chair1, f->chair2, 0,
                                      NULL);
  g_assert_true (rmm_store_set_meeting_location (f->store, f->meeting, "  Room 4, Testshire "
                                                 "House  ", &error));
  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2026-12-07", f->chair1, f->chair2,
                                          0, NULL), >, 0);
  g_assert_cmpint (rmm_store_add_meeting (f->store, f->area, "2027-01-04", f->chair1, f->chair2,
                                          0, NULL), >, 0);
  f->robin = add_child (f, "T-001", "Robin", "Testchild");
  f->sky = add_child (f, "T-002", "Sky", "Examplewood");
  f->layla = add_child (f, "T-003", RTL_FIRST, RTL_LAST);
  run_the_meeting (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

/* ---- reading a PDF back ---- */

typedef struct
{
  PopplerDocument *pdf;
  char            *text;       /* every page's text, and the outline's titles */
  GPtrArray       *pages;      /* each page's text */
} Reading;

static void
read_outline (PopplerIndexIter *iter,
              GString          *text)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_string_append_printf (text, "[outline] %s\n", action->any.title);
      poppler_action_free (action);
      if (child != NULL)
        {
          read_outline (child, text);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static Reading *
read_document (RmmPdfDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rmm_pdf_document_to_bytes (document, &error);
  Reading *reading = g_new0 (Reading, 1);
  GString *text = g_string_new (NULL);
  PopplerIndexIter *outline;

  g_assert_no_error (error);
  reading->pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  reading->pages = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < poppler_document_get_n_pages (reading->pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (reading->pdf, i);
      char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_ptr_array_add (reading->pages, page_text);
    }
  if ((outline = poppler_index_iter_new (reading->pdf)) != NULL)
    {
      read_outline (outline, text);
      poppler_index_iter_free (outline);
    }
  reading->text = g_string_free (text, FALSE);
  return reading;
}

static void
reading_free (Reading *reading)
{
  g_object_unref (reading->pdf);
  g_free (reading->text);
  g_ptr_array_unref (reading->pages);
  g_free (reading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reading, reading_free)

#define assert_has(reading, needle) \
  G_STMT_START { \
    if (strstr ((reading)->text, (needle)) == NULL) \
      g_error ("“%s” is missing from the document:\n%s", (needle), \
               (reading)->text); \
  } G_STMT_END

#define assert_lacks(reading, needle) \
  G_STMT_START { \
    if (strstr ((reading)->text, (needle)) != NULL) \
      g_error ("“%s” must not be in the document", (needle)); \
  } G_STMT_END

/* Every page carries the marking and "Page X of N" for its own X. */
static void
assert_pages_numbered (Reading    *reading,
                       const char *marking)
{
  guint n = reading->pages->len;

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *page = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_nonnull (strstr (g_ptr_array_index (reading->pages, i), page));
      g_assert_nonnull (strstr (g_ptr_array_index (reading->pages, i), marking));
    }
}

static guint
count_named_links (PopplerDocument *pdf,
                   int              page_index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, page_index);
  GList *mapping = poppler_page_get_link_mapping (page);
  guint n = 0;

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;

      if (link->action->type == POPPLER_ACTION_GOTO_DEST)
        n++;
    }
  poppler_page_free_link_mapping (mapping);
  return n;
}

static const RmmDocumentOptions full = { NULL, FALSE };
static const RmmDocumentOptions anonymised = { NULL, TRUE };

/* ---- the documents ---- */

static void
test_minutes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = rmm_minutes_document_new (f->store, f->meeting, &full,
                                                                 &error);
  g_autoptr(Reading) reading = NULL;

  g_assert_no_error (error);
  reading = read_document (document);
  /* The meeting is still open: a draft, and the heading says so. */
  assert_has (reading, "DRAFT minutes of the CSE Risk Management");
  assert_has (reading, "DRAFT: the meeting has not concluded");
  /* And across every page, so that no page alone passes for the final minutes. */
  g_assert_cmpuint (reading->pages->len, >, 1);
  for (guint i = 0; i < reading->pages->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (reading->pages, i), "DRAFT"));
  assert_has (reading, "Testshire North");
  assert_has (reading, "\nRoom 4, Testshire House\n");
  assert_has (reading, "Next meeting");
  assert_has (reading, "7 December 2026 at 10:00");
  assert_has (reading, "Ada Chairwell");
  assert_has (reading, "DC Pat Northway");
  assert_has (reading, "Apologies");
  assert_has (reading, "The information shared at this meeting is confidential");
  assert_has (reading, "1. Robin Testchild (T-001)");
  assert_has (reading, "Confirmed by Ada Chairwell (Children’s Services) and Ben Cochair");
  assert_has (reading, "Testshire Children’s Services (lead professional not named yet)");
  assert_has (reading, "Version 1 agreed; to be reviewed by 1 February 2027");
  /* Why it was decided, the child's and carers' views, where the child now stands. */
  assert_has (reading, "Reason for the rating");
  assert_has (reading, "Seen getting into cars twice since October");
  assert_has (reading, "The child’s views");
  assert_has (reading, "Wants to keep playing on Saturdays.");
  assert_has (reading, "Parents’ or carers’ views");
  assert_has (reading, "Worried about late nights.");
  assert_has (reading, "None allocated");
  assert_has (reading, "Joined the county-wide CSE list at this meeting.");
  assert_has (reading, "None agreed yet");
  assert_has (reading, "Raised by hand, raised 20 November 2026: waiting for the RMM’s");
  assert_lacks (reading, "25 November 2026");
  assert_has (reading, FAMILY_ACTION);
  assert_has (reading, "Robin told the school nurse about the car.");
  assert_has (reading, "The chairs disagreed");
  assert_has (reading, "Medium is enough while school attendance holds");
  assert_has (reading, "Deferred: Assessment not back yet");
  assert_has (reading, "Decisions summary");
  assert_has (reading, "not yet signed off");
  assert_has (reading, "OFFICIAL-SENSITIVE");
  /* A section per agenda item in the outline; the contents link to them. */
  assert_has (reading, "[outline] 2. Sky Examplewood (T-002)");
  assert_has (reading, "[outline] Sign-off");
  g_assert_cmpuint (count_named_links (reading->pdf, 0), >=, 8);
  assert_pages_numbered (reading, "OFFICIAL-SENSITIVE");
}

/* A social worker allocated after the meeting is not in its minutes: they say who was
 * allocated that day, from the audit trail, not who is today. */
static void
test_minutes_social_worker_then (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(Reading) reading = NULL;
  g_autofree char *now = NULL;
  gint64 worker = rmm_store_add_professional (f->store, f->children_services, "Ola Newcombe",
                                              "Social worker", NULL);

  rmm_store_set_clock (f->store, later);
  g_assert_false (rmm_store_allocate_social_worker (f->store, f->robin, worker + 1000, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rmm_store_allocate_social_worker (f->store, f->robin, worker, &error));
  g_assert_no_error (error);
  now = rmm_store_get_social_worker_on (f->store, f->robin, "2026-12-02", &error);
  g_assert_cmpstr (now, ==, "Ola Newcombe");
  document = rmm_minutes_document_new (f->store, f->meeting, &full, &error);
  g_assert_no_error (error);
  reading = read_document (document);
  assert_lacks (reading, "Ola Newcombe");
}

static void
test_minutes_anonymised (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = rmm_minutes_document_new (f->store, f->meeting,
                                                                 &anonymised, &error);
  g_autoptr(Reading) reading = NULL;

  g_assert_no_error (error);
  reading = read_document (document);
  assert_has (reading, "1. R.T. (T-001)");
  assert_has (reading, "[outline] 2. S.E. (T-002)");
  /* The names typed into the minutes go too. Robin is also a bird, and the surname is the
   * family's: neither may read as the child's initials (tests/pdf/test-name-scrubber.c). */
  assert_has (reading, "[name] told the school nurse about the car. [name] family engaged.");
  assert_lacks (reading, "Robin");
  assert_lacks (reading, "Testchild");
  assert_lacks (reading, "Examplewood");
  assert_lacks (reading, RTL_LAST);
  /* The professionals stay named: they are accountable for what was decided. */
  assert_has (reading, "Ada Chairwell");
}

static void
test_safety_plan_audiences (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) professional = NULL;
  g_autoptr(RmmPdfDocument) family = NULL;
  g_autoptr(Reading) full_reading = NULL;
  g_autoptr(Reading) family_reading = NULL;
  const char *police_only[] = { POLICE_NOTE, DISRUPTION, THIRD_PARTY, POLICE_ACTION,
                                "TP/2026/0042", "police-sensitive", "Risks" };

  professional = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_PROFESSIONAL,
                                               &full, &error);
  g_assert_no_error (error);
  family = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                         &error);
  g_assert_no_error (error);
  full_reading = read_document (professional);
  family_reading = read_document (family);

  for (guint i = 0; i < G_N_ELEMENTS (police_only); i++)
    {
      assert_has (full_reading, police_only[i]);
      assert_lacks (family_reading, police_only[i]);
    }
  assert_has (full_reading, "CSE Safety Plan");
  assert_has (full_reading, "Medium");
  assert_has (family_reading, "Your Safety Plan");
  assert_has (family_reading, "For Robin Testchild and their family");
  assert_has (family_reading, PROTECTIVE);
  assert_has (family_reading, FAMILY_ACTION);
  assert_has (family_reading, "1 February 2027");
  assert_has (family_reading, "call 999");
  assert_pages_numbered (family_reading, "OFFICIAL-SENSITIVE");
}

/* @msgid as the Welsh catalogue has it, which must have it. */
static const char *
in_welsh (const char *msgid)
{
  const char *welsh;

  rmm_document_language_push (RMM_DOCUMENT_LANGUAGE_WELSH);
  welsh = rmm_document_gettext (msgid);
  rmm_document_language_pop ();
  g_assert_cmpstr (welsh, !=, msgid);
  return welsh;
}

/* The family's plan in Welsh (the area's documents language, or asked for) and bilingually,
 * Welsh first: the Welsh headings, and in Welsh alone no English one; the date in Welsh; the
 * same leak checks as the English family plan. Typed text stays as typed. */
static void
test_safety_plan_in_welsh (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) welsh = NULL;
  g_autoptr(RmmPdfDocument) both = NULL;
  g_autoptr(RmmPdfDocument) english = NULL;
  g_autoptr(Reading) welsh_reading = NULL;
  g_autoptr(Reading) both_reading = NULL;
  g_autoptr(Reading) english_reading = NULL;
  RmmDocumentOptions bilingual = { .language = RMM_DOCUMENT_LANGUAGE_BOTH };
  RmmDocumentOptions in_english = { .language = RMM_DOCUMENT_LANGUAGE_ENGLISH };
  const char *headings[] = { "Your Safety Plan", "What will happen next", "What is going well",
                             "What you told us", "Who will work with you" };
  const char *police_only[] = { POLICE_NOTE, DISRUPTION, THIRD_PARTY, POLICE_ACTION,
                                "TP/2026/0042", "police-sensitive" };

  g_assert_true (rmm_store_set_documents_language (f->store, f->area, "cy", &error));
  g_assert_no_error (error);
  welsh = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                        &error);
  g_assert_no_error (error);
  both = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY, &bilingual,
                                       &error);
  g_assert_no_error (error);
  english = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY,
                                          &in_english, &error);
  g_assert_no_error (error);
  welsh_reading = read_document (welsh);
  both_reading = read_document (both);
  english_reading = read_document (english);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      assert_has (welsh_reading, in_welsh (headings[i]));
      assert_lacks (welsh_reading, headings[i]);
      assert_has (both_reading, in_welsh (headings[i]));
      assert_has (both_reading, headings[i]);
      assert_has (english_reading, headings[i]);
    }
  /* Welsh first. */
  g_assert_true (strstr (both_reading->text, in_welsh ("Your Safety Plan")) <
                 strstr (both_reading->text, "Your Safety Plan"));
  assert_has (welsh_reading, "1 Chwefror 2027");
  assert_has (english_reading, "1 February 2027");
  for (guint i = 0; i < G_N_ELEMENTS (police_only); i++)
    {
      assert_lacks (welsh_reading, police_only[i]);
      assert_lacks (both_reading, police_only[i]);
    }
  assert_has (welsh_reading, FAMILY_ACTION);
  assert_has (welsh_reading, "999");
  g_assert_cmpstr (rmm_pdf_document_get_language (welsh), ==, "cy");
  g_assert_cmpstr (rmm_pdf_document_get_language (english), ==, "en-GB");
  /* The window's language is left as it was. */
  g_assert_cmpint (rmm_document_language_get_current (), ==, RMM_DOCUMENT_LANGUAGE_DEFAULT);
}

/* The minutes in Welsh: the words the model supplies (why the child is on the agenda, the
 * kinds of decision, the rating's level) are in the document's language too, not the
 * window's; the figures' categories likewise. */
static void
test_minutes_in_welsh (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(Reading) reading = NULL;
  RmmDocumentOptions in_welsh_only = { .language = RMM_DOCUMENT_LANGUAGE_WELSH };
  const char *model_words[] = { "New referral", "New rating", "Lead agency" };
  g_autofree char *on_time = NULL;
  g_autofree char *rating = NULL;

  document = rmm_minutes_document_new (f->store, f->meeting, &in_welsh_only, &error);
  g_assert_no_error (error);
  reading = read_document (document);
  for (guint i = 0; i < G_N_ELEMENTS (model_words); i++)
    {
      assert_has (reading, in_welsh (model_words[i]));
      assert_lacks (reading, model_words[i]);
    }
  /* The level's label, not the chair's typed words ("Medium is enough while…"). */
  assert_has (reading, "Canolig.");
  assert_lacks (reading, "Medium.");

  rmm_document_language_push (RMM_DOCUMENT_LANGUAGE_WELSH);
  on_time = rmm_figure_category_label ("assessments-7-working-days", "on time");
  rating = rmm_figure_category_label ("ratings-at-end", "Medium");
  rmm_document_language_pop ();
  g_assert_cmpstr (on_time, ==, in_welsh ("On time"));
  g_assert_cmpstr (rating, ==, "Canolig");
}

/* A status changed by hand to a word RMM Desk never writes is shown as not known: never
 * passed off as another (an agency "PRESENT" minuted as an observer, a "cancelled" action
 * as done), and never put on a family's copy. */
static void
test_unknown_states (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) minutes = NULL;
  g_autoptr(RmmPdfDocument) professional = NULL;
  g_autoptr(RmmPdfDocument) family = NULL;
  g_autoptr(Reading) minutes_reading = NULL;
  g_autoptr(Reading) plan_reading = NULL;
  g_autoptr(Reading) family_reading = NULL;

  if (rmm_test_skip_on_server ("a state its CHECK refuses, written past it"))
    return;
  rmm_test_write_below_store (f->store,
                              "PRAGMA ignore_check_constraints = ON;"
                              "UPDATE attendance SET status = 'PRESENT' "
                              "WHERE name = 'DC Pat Northway';"
                              "UPDATE plan_action SET status = 'cancelled', "
                              "status_meeting_id = (SELECT max(id) FROM meeting) "
                              "WHERE description = '" FAMILY_ACTION "';"
                              "PRAGMA ignore_check_constraints = OFF;");

  minutes = rmm_minutes_document_new (f->store, f->meeting, &full, &error);
  g_assert_no_error (error);
  minutes_reading = read_document (minutes);
  assert_has (minutes_reading, "DC Pat NorthwayNot known");
  assert_lacks (minutes_reading, "Observer");

  professional = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_PROFESSIONAL,
                                               &full, &error);
  g_assert_no_error (error);
  plan_reading = read_document (professional);
  assert_has (plan_reading, "14 Dec 2026Not known");
  assert_lacks (plan_reading, "Done");

  family = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                         &error);
  g_assert_no_error (error);
  family_reading = read_document (family);
  assert_lacks (family_reading, FAMILY_ACTION);
}

/* What reaches a family: only open actions the chairs chose for them, never the police's own
 * (even where an older version stored the flag), and a late one said in plain words. */
static void
test_safety_plan_family_actions (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) family = NULL;
  g_autoptr(Reading) reading = NULL;
  RmmActionInput police_for_family = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = "Police visit with the family",
    .agency_id = f->police, .due_on = "2099-01-01", .family_visible = TRUE,
  };
  RmmActionInput late = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = "Book the dentist together",
    .agency_id = f->children_services, .due_on = "2020-01-06", .family_visible = TRUE,
  };
  RmmActionInput done = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = "Meet the new teacher",
    .agency_id = f->children_services, .due_on = "2020-01-06", .family_visible = TRUE,
  };
  RmmActionInput unticked = {
    .child_id = f->robin, .meeting_id = f->meeting, .description = "Speak to the head teacher",
    .agency_id = f->children_services, .due_on = "2099-01-01", .family_visible = FALSE,
  };
  gint64 done_id;

  /* The store refuses a police action for the family's copy outright. */
  g_assert_cmpint (rmm_store_add_plan_action (f->store, &police_for_family, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_agency_is_police (f->store, f->police));
  g_assert_false (rmm_store_agency_is_police (f->store, f->children_services));
  /* Nor one a police officer owns, whatever agency the action names. */
  {
    gint64 officer = rmm_store_add_professional (f->store, f->police, "DC Sam Pellow", "", NULL);
    RmmActionInput officers = {
      .child_id = f->robin, .meeting_id = f->meeting, .description = "Officer to call weekly",
      .agency_id = f->children_services, .owner_id = officer, .due_on = "2099-01-01",
      .family_visible = TRUE,
    };

    g_assert_cmpint (rmm_store_add_plan_action (f->store, &officers, &error), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
    g_clear_error (&error);
    /* As a database from before the rule could hold it. */
    officers.family_visible = FALSE;
    g_assert_cmpint (rmm_store_add_plan_action (f->store, &officers, &error), >, 0);
    rmm_test_write_below_store (f->store, "UPDATE plan_action SET family_visible = 1 "
                                          "WHERE description = 'Officer to call weekly'");
  }

  g_assert_cmpint (rmm_store_add_plan_action (f->store, &late, &error), >, 0);
  g_assert_cmpint (done_id = rmm_store_add_plan_action (f->store, &done, &error), >, 0);
  g_assert_cmpint (rmm_store_add_plan_action (f->store, &unticked, &error), >, 0);
  g_assert_true (rmm_store_review_action (f->store, done_id, f->meeting, RMM_ACTION_STATUS_DONE,
                                          NULL, &error));
  g_assert_no_error (error);
  /* As a database from before the rule could hold it: the police action flagged. */
  rmm_test_write_below_store (f->store, "UPDATE plan_action SET family_visible = 1 "
                                        "WHERE description = '" POLICE_ACTION "'");

  family = rmm_safety_plan_document_new (f->store, f->robin, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                         &error);
  g_assert_no_error (error);
  reading = read_document (family);
  assert_lacks (reading, POLICE_ACTION);
  assert_lacks (reading, "Officer to call weekly");
  assert_lacks (reading, "Testshire Police");
  assert_lacks (reading, "Meet the new teacher");
  assert_lacks (reading, "Speak to the head teacher");
  assert_has (reading, FAMILY_ACTION);
  assert_has (reading, "Book the dentist together");
  /* The words, wherever the narrow column breaks them. */
  {
    g_auto(GStrv) words = g_regex_split_simple ("\\s+", reading->text, 0, 0);
    g_autofree char *flat = g_strjoinv (" ", words);

    g_assert_nonnull (strstr (flat, "6 January 2020: this is late and has not happened yet"));
  }
}

static void
test_safety_plan_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;

  /* Layla has no plan; a child that does not exist is not found either. */
  document = rmm_safety_plan_document_new (f->store, f->layla, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                           &error);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_assert_null (document);
  g_clear_error (&error);
  document = rmm_safety_plan_document_new (f->store, 9999, RMM_PLAN_AUDIENCE_FAMILY, &full,
                                           &error);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_assert_null (document);
}

static void
test_cse_list (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) named = NULL;
  g_autoptr(RmmPdfDocument) hidden = NULL;
  g_autoptr(Reading) named_reading = NULL;
  g_autoptr(Reading) hidden_reading = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 23, 11, 2026);
  named = rmm_cse_list_document_new (f->store, &day, &full, &error);
  g_assert_no_error (error);
  hidden = rmm_cse_list_document_new (f->store, &day, &anonymised, &error);
  g_assert_no_error (error);
  named_reading = read_document (named);
  hidden_reading = read_document (hidden);

  /* Each list made is a look at the record of every child it names, and of none other. */
  {
    g_autoptr(GPtrArray) robins = rmm_store_list_access (f->store, f->robin, &error);
    g_autoptr(GPtrArray) skys = rmm_store_list_access (f->store, f->sky, &error);
    guint lists = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < robins->len; i++)
      lists += g_str_equal (((RmmAccessEvent *)g_ptr_array_index (robins, i))->document,
                            "cse-list");
    g_assert_cmpuint (lists, ==, 2);
    for (guint i = 0; i < skys->len; i++)
      g_assert_cmpstr (((RmmAccessEvent *)g_ptr_array_index (skys, i))->document, !=,
                       "cse-list");
  }
  assert_has (named_reading, "County-wide CSE list");
  assert_has (named_reading, "Robin Testchild");
  assert_has (named_reading, "Added");
  assert_has (named_reading, "[outline] Testshire North");
  /* Sky's rating is disputed, so Sky is not on the list. */
  assert_lacks (named_reading, "Examplewood");
  assert_has (hidden_reading, "R.T.");
  assert_has (hidden_reading, "T-001");
  assert_lacks (hidden_reading, "Robin");
  assert_lacks (hidden_reading, "Testchild");
  assert_pages_numbered (hidden_reading, "OFFICIAL-SENSITIVE");
}

/* The board's report: every section, its charts' words in the HTML copy, every small count
 * hidden, and no child's name, reference or birth date anywhere in it. */
static void
test_oversight_report (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(Reading) reading = NULL;
  g_autofree char *html = NULL;
  const char *identifying[] = { "Robin", "Testchild", "Sky", "Examplewood", RTL_FIRST,
                                RTL_LAST, "T-001", "T-002", "T-003", "2011" };
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2026);
  g_date_set_dmy (&to, 31, 12, 2026);
  document = rmm_oversight_report_document_new (f->store, &from, &to, NULL, &full, &error);
  g_assert_no_error (error);
  reading = read_document (document);
  assert_has (reading, "Oversight report");
  /* The contents on the first page, the sections after it. */
  g_assert_nonnull (strstr (g_ptr_array_index (reading->pages, 0), "Who the Children Are"));
  g_assert_null (strstr (g_ptr_array_index (reading->pages, 0), "Referrals received"));
  assert_has (reading, "Risk Ratings");
  assert_has (reading, "Who the Children Are");
  /* Three children: every count of them is fewer than 5. */
  assert_has (reading, "fewer than 5");
  assert_pages_numbered (reading, "OFFICIAL-SENSITIVE");
  for (guint i = 0; i < G_N_ELEMENTS (identifying); i++)
    assert_lacks (reading, identifying[i]);
  html = rmm_pdf_document_to_html (document);
  /* A chart is its words in the HTML copy, a small count among them hidden there too. */
  g_assert_true (g_regex_match_simple ("<p class=\"figure\">[^<]*: [^<]*fewer than 5[^<]*</p>",
                                       html, 0, 0));
}

static void
test_chairs_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(Reading) reading = NULL;
  RmmDocumentOptions marked = { "OFFICIAL-SENSITIVE PERSONAL", FALSE };

  g_assert_cmpint (rmm_store_raise_trigger (f->store, f->sky, "Seen in a car with adults", &error),
                   >, 0);
  g_assert_no_error (error);
  document = rmm_chairs_pack_document_new (f->store, f->meeting, &marked, &error);
  g_assert_no_error (error);
  reading = read_document (document);
  assert_has (reading, "Chairs’ Pack");
  assert_has (reading, "Agenda");
  assert_has (reading, "2. Sky Examplewood (T-002)");
  assert_has (reading, "Seen in a car with adults");
  assert_has (reading, "1 open trigger");
  assert_has (reading, "Never assessed");
  assert_pages_numbered (reading, "OFFICIAL-SENSITIVE PERSONAL");
}

static void
test_right_to_left_name (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = rmm_minutes_document_new (f->store, f->meeting, &full,
                                                                 &error);
  g_autoptr(Reading) reading = NULL;

  g_assert_no_error (error);
  reading = read_document (document);
  /* Shaped by pango, embedded, and extractable as the same letters. */
  assert_has (reading, RTL_FIRST);
  assert_has (reading, RTL_LAST);
  assert_lacks (reading, "\357\277\275");   /* U+FFFD: a glyph that was not there */
}

static void
test_marking_from_database (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(Reading) reading = NULL;
  GDate day;

  g_assert_true (rmm_store_set_info (f->store, RMM_MARKING_INFO_KEY, "OFFICIAL", &error));
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 23, 11, 2026);
  document = rmm_cse_list_document_new (f->store, &day, &full, &error);
  g_assert_no_error (error);
  reading = read_document (document);
  assert_pages_numbered (reading, "OFFICIAL");
  assert_lacks (reading, "OFFICIAL-SENSITIVE");
}

/* ---- the engine ---- */

static RmmPdfDocument *
long_document (void)
{
  RmmPdfInfo info = { .title = "Engine test", .date = "23 November 2026" };
  RmmPdfDocument *document = rmm_pdf_document_new (&info);
  static const double widths[] = { 0.2, 0.5, 0.3 };
  const char *headers[] = { "Number", "Text", "Repeated header" };
  g_autoptr(GString) paragraph = g_string_new (NULL);

  rmm_pdf_document_add_title (document, "Engine test", "Tables and long paragraphs");
  rmm_pdf_document_add_contents (document);
  rmm_pdf_document_add_heading (document, 1, "A long table");
  rmm_pdf_document_begin_table (document, 3, widths, headers);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *number = g_strdup_printf ("row %u", i);
      const char *cells[] = { number, "Some text that wraps onto a second line in this column "
                              "when the column is narrow", "x" };

      rmm_pdf_document_add_row (document, i % 7 ? RMM_PDF_ROW_PLAIN : RMM_PDF_ROW_FLAGGED, cells);
    }
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (paragraph, "word%u ", i);
  rmm_pdf_document_add_heading (document, 1, "A long paragraph");
  rmm_pdf_document_add_paragraph (document, paragraph->str);
  rmm_pdf_document_add_heading (document, 2, "Checks");
  rmm_pdf_document_add_check (document, TRUE, "Done");
  rmm_pdf_document_add_check (document, FALSE, "Not done");
  return document;
}

static void
test_engine_pagination (void)
{
  g_autoptr(RmmPdfDocument) document = long_document ();
  g_autoptr(Reading) reading = read_document (document);
  guint pages_with_header = 0;

  g_assert_cmpuint (reading->pages->len, >=, 5);
  assert_pages_numbered (reading, "OFFICIAL-SENSITIVE");
  /* The table's header repeats on every page it runs onto; no row is lost or cut. */
  for (guint i = 0; i < reading->pages->len; i++)
    if (strstr (g_ptr_array_index (reading->pages, i), "Repeated header"))
      pages_with_header++;
  g_assert_cmpuint (pages_with_header, >=, 3);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *row = g_strdup_printf ("row %u(?![0-9])", i);

      g_assert_true (g_regex_match_simple (row, reading->text, 0, 0));
    }
  /* The paragraph runs over pages, every word once. */
  assert_has (reading, "word0 ");
  assert_has (reading, "word1499");
  assert_has (reading, "[outline] A long paragraph");
  assert_has (reading, "[outline] Checks");
}

static void
test_engine_reproducible (void)
{
  g_autoptr(RmmPdfDocument) first = long_document ();
  g_autoptr(RmmPdfDocument) second = long_document ();
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  a = rmm_pdf_document_to_bytes (first, &error);
  g_usleep (1100 * 1000);   /* a second later: the clock must not reach the bytes */
  b = rmm_pdf_document_to_bytes (second, &error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, b));
}

/* Printing draws each page with the same code onto the printer's cairo context. */
static void
test_engine_draws_pages_for_printing (void)
{
  g_autoptr(RmmPdfDocument) document = long_document ();
  guint n = rmm_pdf_document_get_n_pages (document);

  /* As the preview does before printing: laid out again, to the same pages. */
  rmm_pdf_document_forget_layout (document);
  g_assert_cmpuint (rmm_pdf_document_get_n_pages (document), ==, n);
  for (guint page = 0; page < n; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cairo_t *cr = cairo_create (surface);
      const guint32 *pixels;
      guint dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      rmm_pdf_document_draw_page (document, cr, page);
      cairo_surface_flush (surface);
      pixels = (const guint32 *)cairo_image_surface_get_data (surface);
      for (guint i = 0; i < 595 * 842; i++)
        dark += (pixels[i] & 0xff) < 0x80;
      /* Text on every page, the header and footer at least. */
      g_assert_cmpuint (dark, >, 500);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* Every open plan of an area, all or none: a full disk part-way writes none, says so, and
 * leaves the plans written before in place untouched. */
static void
test_safety_plans_of_area (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_risks = g_string_new (NULL);
  g_autofree char *folder = rmm_test_make_folder ();
  g_autoptr(GPtrArray) written = NULL;
  g_autofree char *robins_before = NULL;
  g_autofree char *robins_after = NULL;
  struct rlimit saved, small;
  RmmPlanInput skys = { .child_id = f->sky, .meeting_id = f->meeting, .review_on = "2027-02-01" };
  gsize robins_size, skys_size;

  /* Sky's plan runs to many pages (of text that does not compress away), so a limit can
   * fall between the two files' sizes. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (long_risks, "%08x ", g_str_hash (long_risks->str) ^ i);
  skys.risks = long_risks->str;
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &skys, &error), >, 0);
  g_assert_no_error (error);

  written = rmm_safety_plans_write_area (f->store, f->area, RMM_PLAN_AUDIENCE_PROFESSIONAL,
                                         &full, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_cmpuint (count_files (folder), ==, 2);       /* and no staging folder left */
  /* Each plan made is a look at that child's record, recorded once. */
  {
    g_autoptr(GPtrArray) looks = rmm_store_list_access (f->store, f->sky, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (looks->len, ==, 1);
    g_assert_cmpstr (((RmmAccessEvent *)g_ptr_array_index (looks, 0))->document, ==,
                     "safety-plan");
    g_assert_cmpstr (((RmmAccessEvent *)g_ptr_array_index (looks, 0))->audience, ==,
                     "professional");
  }
  /* In the children's order: Sky Examplewood, then Robin Testchild. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (written, 1),
                                   "T-001-safety-plan-professional.pdf"));
  robins_size = file_size (g_ptr_array_index (written, 1));
  skys_size = file_size (g_ptr_array_index (written, 0));
  g_assert_cmpuint (skys_size, >, robins_size + 8192);
  g_assert_true (g_file_get_contents (g_ptr_array_index (written, 1), &robins_before, NULL,
                                      NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = (robins_size + skys_size) / 2;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_null (rmm_safety_plans_write_area (f->store, f->area, RMM_PLAN_AUDIENCE_PROFESSIONAL,
                                              &full, folder, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
  /* The plans' looks are recorded first: a disk this full refuses that record (the database
   * cannot grow), or else the plans' files; either way, no plan is written. */
  g_assert_true (strstr (error->message, "No plan was written") != NULL ||
                 strstr (error->message, "Check that the disk has space") != NULL);
  g_assert_cmpuint (count_files (folder), ==, 2);
  g_assert_true (g_file_get_contents (g_ptr_array_index (written, 1), &robins_after, NULL,
                                      NULL));
  g_assert_cmpstr (robins_before, ==, robins_after);
  rmm_test_remove_folder (folder);
}

static void
test_engine_write (void)
{
  g_autofree char *folder = rmm_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "out.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (folder, "missing", "out.pdf", NULL);
  g_autoptr(RmmPdfDocument) document = long_document ();
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  /* A folder that does not exist: a clear error, no file. */
  g_assert_false (rmm_pdf_document_write (document, nowhere, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (folder), ==, 0);

  /* Anything there but an older PDF is refused and left as it was (a database, say). */
  g_assert_true (g_file_set_contents (path, "SQLite format 3", -1, NULL));
  g_assert_false (rmm_pdf_document_write (document, path, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "SQLite format 3");
  }

  /* Written, private to the user, and replaced whole with no temporary file left. */
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 an older PDF", -1, NULL));
  g_assert_true (rmm_pdf_document_write (document, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (buf.st_size, >, 1000);
  g_assert_cmpuint (count_files (folder), ==, 1);

  /* A disk that fills up mid-write (a file-size limit stands in for it): a clear error,
   * the earlier file untouched, no temporary file left. */
  {
    struct rlimit saved, tiny;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    tiny = saved;
    tiny.rlim_cur = 4096;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
    g_assert_false (rmm_pdf_document_write (document, path, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
    g_assert_nonnull (strstr (error->message, path));
    g_clear_error (&error);
    g_assert_cmpuint (count_files (folder), ==, 1);
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }

  /* A read-only folder (when not root, who may write anyway): the old file stays. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
      g_assert_false (rmm_pdf_document_write (document, path, &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_IO);
      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
      g_assert_cmpuint (count_files (folder), ==, 1);
    }
  rmm_test_remove_folder (folder);
}

/* Found by fuzz-pdf-text: one invalid byte in the title, marking or date (which come from
 * the database, like an area's name) lost the whole PDF. The bytes show as U+FFFD. */
static void
test_engine_invalid_utf8_info (void)
{
  RmmPdfInfo info = {
    .title = "Minutes \xc3\x28 Testshire", .subject = "RMM \xff",
    .marking = "OFFICIAL\xfe-SENSITIVE", .date = "16 Nov\xe2\x28 2026",
  };
  g_autoptr(RmmPdfDocument) document = rmm_pdf_document_new (&info);
  g_autoptr(Reading) reading = NULL;
  g_autofree char *title = NULL;
  g_autofree char *html = NULL;

  rmm_pdf_document_add_heading (document, 1, "Robin \xf0\x28\x8c\xbc Testchild");
  rmm_pdf_document_add_paragraph (document, "Seen at the station.");
  reading = read_document (document);
  assert_pages_numbered (reading, "OFFICIAL\xef\xbf\xbd-SENSITIVE");
  assert_has (reading, "Minutes \xef\xbf\xbd( Testshire");
  assert_has (reading, "[outline] Robin \xef\xbf\xbd");
  title = poppler_document_get_title (reading->pdf);
  g_assert_cmpstr (title, ==, "Minutes \xef\xbf\xbd( Testshire");
  html = rmm_pdf_document_to_html (document);
  g_assert_true (g_utf8_validate (html, -1, NULL));
}

/* Every letter of the footer's title ends before the page number begins. */
static void
assert_title_left_of_page_number (PopplerPage *page,
                                  const char  *text,
                                  const char  *numbered)
{
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  glong number_at = g_utf8_pointer_to_offset (text, strstr (text, numbered));
  double number_left;
  guint n_title = 0;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  g_assert_cmpuint (number_at, <, n_boxes);
  number_left = boxes[number_at].x1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      glong i = g_utf8_pointer_to_offset (text, p);

      /* The title's letters on the footer's line (the ellipsis stands for the rest). */
      if (*p == 'y' && boxes[i].y1 >= boxes[number_at].y1 - 1 &&
          boxes[i].y2 <= boxes[number_at].y2 + 1 && boxes[i].x2 > boxes[i].x1)
        {
          n_title++;
          g_assert_cmpfloat (boxes[i].x2, <=, number_left);
        }
    }
  g_assert_cmpuint (n_title, >, 50);
  g_free (boxes);
}

/* Found by fuzz-pdf-text: pango shapes the rest of a word again for every line it takes, so
 * a 64 KB word with nowhere to break, in the narrowest column of the chairs' pack, took
 * 90 s on the reference machine (2.5 s now: the fuzzer's time limit on each input keeps it
 * so, this test that nothing is lost); and a title as long, shaped again in every page's
 * footer, ran under the page number. Every letter of the word is on the pages, and
 * the title stops short of "Page X of Y". */
static void
test_engine_long_word (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  static const double widths[] = { 0.05, 0.25, 0.2, 0.13, 0.15, 0.22 };
  const char *headers[] = { "No.", "Child", "Why", "Rating", "Decide", "Flags" };
  const char *cells[] = { NULL, "Robin Testchild", "New referral", "Medium", "", "" };
  RmmPdfInfo info = { .title = NULL, .date = "16 November 2026" };
  guint n_letters = 0;
  int n_pages;

  while (word->len < 64 * 1024)
    {
      g_string_append_c (word, 'x');
      g_string_append_c (title, 'y');
    }
  info.title = title->str;
  document = rmm_pdf_document_new (&info);
  rmm_pdf_document_begin_table (document, G_N_ELEMENTS (widths), widths, headers);
  cells[0] = word->str;
  rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
  bytes = rmm_pdf_document_to_bytes (document, &error);
  g_assert_no_error (error);

  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >, 100);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *numbered = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (text, "Child"));
      g_assert_nonnull (strstr (text, numbered));
      for (const char *p = text; *p != '\0'; p++)
        n_letters += *p == 'x';
      if (i == 0)
        assert_title_left_of_page_number (page, text, numbered);
    }
  g_assert_cmpuint (n_letters, ==, word->len);
  g_object_unref (pdf);
}

/* Found by fuzz-pdf-text: a table's header was repeated on every page the table ran onto
 * whatever its height, so a header taller than a page left room for one line of the body a
 * page, each under the whole header again: a hundred rows, a hundred pages and more. A
 * header of more than a third of a page is now shown once. */
static void
test_engine_tall_header (void)
{
  RmmPdfInfo info = { .title = "Engine test", .date = "23 November 2026" };
  g_autoptr(RmmPdfDocument) document = rmm_pdf_document_new (&info);
  static const double widths[] = { 0.05, 0.95 };
  g_autoptr(GString) tall = g_string_new (NULL);
  const char *headers[] = { NULL, "Short" };
  g_autoptr(Reading) reading = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (tall, "w ");
  headers[0] = tall->str;
  rmm_pdf_document_begin_table (document, 2, widths, headers);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %u", i);
      const char *cells[] = { "", text };

      rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
    }
  reading = read_document (document);
  g_assert_cmpuint (reading->pages->len, <, 10);
  assert_pages_numbered (reading, "OFFICIAL-SENSITIVE");
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *row = g_strdup_printf ("row %u(?![0-9])", i);

      g_assert_true (g_regex_match_simple (row, reading->text, 0, 0));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/minutes/content", test_minutes);
  ADD ("/pdf/minutes/anonymised", test_minutes_anonymised);
  ADD ("/pdf/minutes/social-worker-then", test_minutes_social_worker_then);
  ADD ("/pdf/minutes/right-to-left", test_right_to_left_name);
  ADD ("/pdf/safety-plan/audiences", test_safety_plan_audiences);
  ADD ("/pdf/safety-plan/in-welsh", test_safety_plan_in_welsh);
  ADD ("/pdf/minutes/in-welsh", test_minutes_in_welsh);
  ADD ("/pdf/safety-plan/family-actions", test_safety_plan_family_actions);
  ADD ("/pdf/safety-plan/refused", test_safety_plan_refused);
  ADD ("/pdf/unknown-states", test_unknown_states);
  ADD ("/pdf/safety-plan/area-all-or-none", test_safety_plans_of_area);
  ADD ("/pdf/cse-list/content", test_cse_list);
  ADD ("/pdf/cse-list/marking", test_marking_from_database);
  ADD ("/pdf/pack/content", test_chairs_pack);
  ADD ("/pdf/oversight/content", test_oversight_report);
#undef ADD
  g_test_add_func ("/pdf/engine/pagination", test_engine_pagination);
  g_test_add_func ("/pdf/engine/reproducible", test_engine_reproducible);
  g_test_add_func ("/pdf/engine/write", test_engine_write);
  g_test_add_func ("/pdf/engine/print", test_engine_draws_pages_for_printing);
  g_test_add_func ("/pdf/engine/invalid-utf8-info", test_engine_invalid_utf8_info);
  g_test_add_func ("/pdf/engine/long-word", test_engine_long_word);
  g_test_add_func ("/pdf/engine/tall-header", test_engine_tall_header);

  return g_test_run ();
}
