/* test-assessment.c: recording an assessment, a concern not referred, and finding duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-store.h"

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    area;
  gint64    agency;
  gint64    child;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput child = {
    .reference = "CH-1", .first_name = "Nia", .last_name = "Testwood",
    .date_of_birth = "2011-04-02",
  };

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
  f->area = rmm_store_add_area (f->store, "Cwm Prawf", "seraf-4-category", NULL);
  f->agency = rmm_store_add_agency (f->store, "Ysgol Prawf", "education", NULL);
  child.area_id = f->area;
  f->child = rmm_store_add_child (f->store, &child, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static void
test_assessment_whole (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *vulnerabilities[] = { "secretive", "looked-after", NULL };
  const char *indicators[] = { "Older boyfriend", "Unexplained gifts", NULL };
  const char *significant[] = { "Older boyfriend", NULL };
  const char *missing[] = { "2026-11-01", "2026-11-08", NULL };
  RmmAssessmentInput input = {
    .child_id = f->child, .started_on = "2026-11-10", .completed_on = "2026-11-17",
    .proposed_rating = "3", .analysis = "Multiple vulnerabilities and indicators.",
    .vulnerabilities = vulnerabilities, .indicators = indicators, .significant = significant,
    .missing_episodes = missing,
  };
  g_autoptr(RmmItemFacts) facts = NULL;
  gint64 meeting, item;
  gint64 id = rmm_store_add_assessment (f->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* The chairs see all of it on the child's page. */
  meeting = rmm_store_add_meeting (f->store, f->area, "2026-11-23", 0, 0, 0, &error);
  g_assert_no_error (error);
  item = rmm_store_add_agenda_item (f->store, meeting, f->child, "new-referral", &error);
  g_assert_no_error (error);
  facts = rmm_store_get_item_facts (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (facts->assessment_on, ==, "2026-11-17");
  g_assert_cmpuint (g_strv_length (facts->vulnerabilities), ==, 2);
  g_assert_cmpuint (facts->n_indicators, ==, 2);
  g_assert_cmpuint (facts->n_significant, ==, 1);
  g_assert_cmpuint (facts->n_missing, ==, 2);
  g_assert_true (rmm_store_check (f->store, NULL, NULL));
}

static void
test_assessment_refused_whole (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *bad_vulnerability[] = { "secretive", "likes-football", NULL };
  const char *bad_episode[] = { "2026-11-01", "yesterday", NULL };
  RmmAssessmentInput input = {
    .child_id = f->child, .started_on = "2026-11-10", .completed_on = "2026-11-17",
    .proposed_rating = "3", .vulnerabilities = bad_vulnerability,
  };
  gint64 events = rmm_test_change_mark (f->store);

  g_assert_cmpint (rmm_store_add_assessment (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.vulnerabilities = NULL;
  input.missing_episodes = bad_episode;
  g_assert_cmpint (rmm_store_add_assessment (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.missing_episodes = NULL;
  input.proposed_rating = "high";   /* a Surrey level in a SERAF area */
  g_assert_cmpint (rmm_store_add_assessment (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.proposed_rating = "3";
  input.completed_on = "2026-11-01";
  g_assert_cmpint (rmm_store_add_assessment (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);

  g_assert_cmpint (rmm_test_change_mark (f->store), ==, events);
}

static void
test_concern_not_referred (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rmm_store_add_concern_not_referred (f->store, 0, f->agency, "Ann Teacher",
                                                       "Seen with an older pupil", " ", &error),
                   ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_concern_not_referred (f->store, f->child, f->agency, "Ann Teacher",
                                                       "Seen with an older pupil",
                                                       "Known family friend; no indicators",
                                                       &error), >, 0);
  g_assert_no_error (error);
}

static void
test_likely_duplicates (Fixture       *f,
                        gconstpointer  data)
{
  struct { const char *ref, *first, *last, *born; guint expected; } cases[] = {
    { "CH-1", "", "", "", 1 },                          /* same reference */
    { "", "Nia", "Other", "2011-04-02", 1 },             /* same birthday and first name */
    { "", "NIA", "TESTWOOD", "", 1 },                    /* same name, any case */
    { "", "Nia", "Other", "2011-04-03", 0 },             /* a different child */
    { "", "", "", "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) found = rmm_store_search_children (f->store, cases[i].ref,
                                                               cases[i].first, cases[i].last,
                                                               cases[i].born, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, cases[i].expected);
    }
}

static void
test_agencies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) agencies = rmm_store_list_agencies (f->store, NULL);

  g_assert_cmpuint (agencies->len, ==, 1);
  g_assert_cmpstr (((RmmNamedId *)g_ptr_array_index (agencies, 0))->name, ==, "Ysgol Prawf");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assessment/whole", test_assessment_whole);
  ADD ("/assessment/refused-whole", test_assessment_refused_whole);
  ADD ("/concern/not-referred", test_concern_not_referred);
  ADD ("/children/likely-duplicates", test_likely_duplicates);
  ADD ("/agencies/list", test_agencies);
#undef ADD
  return g_test_run ();
}
