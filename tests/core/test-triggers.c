/* test-triggers.c: the trigger rules as configuration, and each rule firing on its facts,
 * not just below its threshold, and once
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
  char            *folder;
  RmmStore        *store;
  RmmTriggerRules *rules;
  gint64           area;
  gint64           agency;
  gint64           chair1;
  gint64           chair2;
  gint64           meeting;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
  rmm_store_set_clock (f->store, now);
  f->rules = rmm_trigger_rules_load (&error);
  g_assert_no_error (error);
  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  f->agency = rmm_store_add_agency (f->store, "Testshire Police", "police", NULL);
  f->chair1 = rmm_store_add_professional (f->store, f->agency, "Ada Chairwell", "", NULL);
  f->chair2 = rmm_store_add_professional (f->store, f->agency, "Ben Cochair", "", NULL);
  f->meeting = rmm_store_add_meeting (f->store, f->area, "2026-11-23", f->chair1, f->chair2, 0,
                                      NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->rules);
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static gint64
child (Fixture    *f,
       const char *reference)
{
  RmmChildInput input = {
    .reference = reference, .first_name = "Sam", .last_name = "Testchild",
    .date_of_birth = "2011-05-06", .area_id = f->area,
  };

  return rmm_store_add_child (f->store, &input, NULL);
}

/* Facts recorded before the rules existed (by an older version, or brought in with the
 * history): written below the store, so that only evaluating the rules raises their
 * triggers. */
static void
missing (Fixture    *f,
         gint64      child_id,
         const char *started_at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO missing_episode (child_id, started_at, "
                                          "recorded_at) VALUES (%" G_GINT64_FORMAT ", '%s', '%s')",
                                          child_id, started_at, started_at);

  rmm_test_write_below_store (f->store, sql);
}

static void
note (Fixture    *f,
      gint64      child_id,
      const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO information_note (child_id, kind, summary, "
                                          "recorded_at) VALUES (%" G_GINT64_FORMAT ", '%s', "
                                          "'Recorded', '2026-11-20T09:00:00Z')", child_id, kind);

  rmm_test_write_below_store (f->store, sql);
}

static guint
evaluate (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint raised = G_MAXUINT;

  g_assert_true (rmm_store_evaluate_triggers (f->store, f->rules, 0, &raised, &error));
  g_assert_no_error (error);
  return raised;
}

static gint64
triggers_of (Fixture    *f,
             gint64      child_id)
{
  return rmm_test_count_triggers (f->store, child_id, NULL);
}

static void
test_default_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmTriggerRules) rules = rmm_trigger_rules_load (&error);
  const RmmTriggerRule *run;

  g_assert_no_error (error);
  g_assert_cmpuint (rmm_trigger_rules_get_n_rules (rules), ==, 8);
  run = rmm_trigger_rules_find (rules, "missing-episodes");
  g_assert_cmpuint (run->count, ==, 3);
  g_assert_cmpuint (run->days, ==, 30);
  g_assert_nonnull (rmm_trigger_rules_find (rules, "rating-high"));
  g_assert_cmpint (rmm_trigger_rules_find (rules, "immediate-risk")->target, ==,
                   RMM_TRIGGER_TARGET_SAME_WORKING_DAY);
  for (guint i = 0; i < rmm_trigger_rules_get_n_rules (rules); i++)
    {
      const RmmTriggerRule *rule = rmm_trigger_rules_get_rule (rules, i);
      g_assert_true (*rule->title && *rule->explanation);
    }
}

static void
test_bad_rules (void)
{
  static const struct { const char *text; const char *says; } cases[] = {
    { "", "no rules" },
    { "[Other]\nTitle=x\n", "not a rule" },
    { "[Rule a]\nExplanation=e\nFacts=decision\nTarget=next-meeting\n", "Title" },
    { "[Rule a]\nTitle=t\nExplanation=e\nFacts=feelings\nTarget=next-meeting\n", "Facts" },
    { "[Rule a]\nTitle=t\nExplanation=e\nFacts=decision\nTarget=someday\n", "Target" },
    { "[Rule a]\nTitle=t\nExplanation=e\nFacts=missing_episode\nTarget=next-meeting\n"
      "Count=0\nDays=30\n", "Count" },
    { "[Rule a]\nTitle=t\nExplanation=e\nFacts=missing_episode\nTarget=next-meeting\n"
      "Count=3\nDays=many\n", "Days" },
    { "[Rule a]\nTitle=t\nExplanation=e\nFacts=information_note\nTarget=next-meeting\n",
      "NoteKinds" },
    { "[Rule a\nTitle=t\n", "triggers.ini" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RmmTriggerRules) rules =
        rmm_trigger_rules_new_from_data (cases[i].text, -1, "triggers.ini", &error);

      g_assert_null (rules);
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not mention %s", i, error->message, cases[i].says);
    }
}

/* An installation's own file replaces the default set. */
static void
test_override (void)
{
  g_autofree char *path = rmm_trigger_rules_override_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmTriggerRules) rules = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "[Rule missing-episodes]\nTitle=Runs\n"
                                            "Explanation=Two in a week\nFacts=missing_episode\n"
                                            "Target=next-meeting\nCount=2\nDays=7\n", -1, NULL));
  rules = rmm_trigger_rules_load (&error);
  g_unlink (path);
  g_assert_no_error (error);
  g_assert_cmpuint (rmm_trigger_rules_get_n_rules (rules), ==, 1);
  g_assert_cmpuint (rmm_trigger_rules_find (rules, "missing-episodes")->count, ==, 2);
}

static void
test_missing_episodes (Fixture       *f,
                       gconstpointer  data)
{
  gint64 run = child (f, "RUN"), two = child (f, "TWO"), spread = child (f, "SPREAD");
  g_autoptr(GPtrArray) open = NULL;

  missing (f, run, "2026-10-01T20:00:00Z");
  missing (f, run, "2026-10-12T20:00:00Z");
  missing (f, run, "2026-10-30T20:00:00Z");
  /* Just below: two episodes; three spread over 31 days. */
  missing (f, two, "2026-10-01T20:00:00Z");
  missing (f, two, "2026-10-02T20:00:00Z");
  missing (f, spread, "2026-10-01T20:00:00Z");
  missing (f, spread, "2026-10-15T20:00:00Z");
  missing (f, spread, "2026-11-01T20:00:01Z");

  g_assert_cmpuint (evaluate (f), ==, 1);
  g_assert_cmpint (triggers_of (f, run), ==, 1);
  g_assert_cmpint (triggers_of (f, two), ==, 0);
  g_assert_cmpint (triggers_of (f, spread), ==, 0);
  open = rmm_store_list_triggers (f->store, 0, TRUE, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((RmmTrigger *)open->pdata[0])->facts, ==,
                   "missing_episode:1 missing_episode:2 missing_episode:3");

  /* Once: not again for the same facts, nor for a fourth episode of the same run; three
   * new episodes are a run of their own, even close to the old one. */
  g_assert_cmpuint (evaluate (f), ==, 0);
  missing (f, run, "2026-11-05T20:00:00Z");
  g_assert_cmpuint (evaluate (f), ==, 0);
  g_assert_cmpint (triggers_of (f, run), ==, 1);
  missing (f, run, "2026-11-06T20:00:00Z");
  missing (f, run, "2026-11-07T20:00:00Z");
  g_assert_cmpuint (evaluate (f), ==, 1);
  g_assert_cmpint (triggers_of (f, run), ==, 2);
}

static void
test_information_notes (Fixture       *f,
                        gconstpointer  data)
{
  guint n_note_rules = 0;

  for (guint i = 0; i < rmm_trigger_rules_get_n_rules (f->rules); i++)
    {
      const RmmTriggerRule *rule = rmm_trigger_rules_get_rule (f->rules, i);
      g_autofree char *reference = g_strdup_printf ("NOTE-%u", i);
      gint64 id;

      if (rule->facts != RMM_TRIGGER_FACTS_INFORMATION_NOTE)
        continue;
      n_note_rules++;
      id = child (f, reference);
      /* Not on a note of another kind. */
      note (f, id, "school-update");
      g_assert_cmpuint (evaluate (f), ==, 0);
      for (guint k = 0; rule->note_kinds[k] != NULL; k++)
        note (f, id, rule->note_kinds[k]);
      g_assert_cmpuint (evaluate (f), ==, g_strv_length (rule->note_kinds));
      g_assert_cmpuint (evaluate (f), ==, 0);
      g_assert_cmpint (rmm_test_count_triggers (f->store, id, rule->id), ==,
                       g_strv_length (rule->note_kinds));
    }
  g_assert_cmpuint (n_note_rules, ==, 6);
}

/* Confirming a high rating raises its trigger; evaluation finds nothing more to raise, and
 * a medium one raises none. */
static void
test_ratings (Fixture       *f,
              gconstpointer  data)
{
  const char *levels[] = { "high", "medium" };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      gint64 id = child (f, levels[i]);
      RmmDecisionInput input = {
        .child_id = id, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = levels[i],
      };
      gint64 decision = rmm_store_propose_decision (f->store, &input, NULL);

      g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair1, NULL));
      g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair2, NULL));
      g_assert_cmpint (triggers_of (f, id), ==, i == 0 ? 1 : 0);
    }
  g_assert_cmpuint (evaluate (f), ==, 0);

  /* History recorded without its trigger (before the rules existed): evaluation raises it,
   * once. */
  {
    gint64 id = child (f, "HISTORY");
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO decision (child_id, kind, value, proposed_at, chair1_id, chair1_confirmed_at, "
      "chair2_id, chair2_confirmed_at, status) VALUES (%" G_GINT64_FORMAT ", 'risk-rating', "
      "'high', '2026-06-01T10:00:00Z', %" G_GINT64_FORMAT ", '2026-06-01T10:01:00Z', "
      "%" G_GINT64_FORMAT ", '2026-06-01T10:02:00Z', 'confirmed')", id, f->chair1, f->chair2);

    rmm_test_write_below_store (f->store, sql);
    g_assert_cmpuint (evaluate (f), ==, 1);
    g_assert_cmpuint (evaluate (f), ==, 0);
    g_assert_cmpint (triggers_of (f, id), ==, 1);
  }
}

/* Recording a fact lets the rules look at once: the third missing episode in 30 days
 * raises the trigger with it; a disclosure note raises its own. */
static void
test_raised_as_recorded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = child (f, "RECORDED");
  const char *times[] = { "2026-11-01T21:00:00Z", "2026-11-08T21:00:00Z",
                          "2026-11-15T21:00:00Z" };
  RmmInformationNoteInput disclosure = {
    .child_id = id, .kind = "disclosure", .summary = "Told a teacher about an older man",
    .police_sensitive = TRUE,
  };
  RmmMissingEpisodeInput bad = { .child_id = id, .started_at = "last Tuesday" };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      RmmMissingEpisodeInput input = { .child_id = id, .started_at = times[i] };

      g_assert_cmpint (triggers_of (f, id), ==, 0);
      g_assert_cmpint (rmm_store_add_missing_episode (f->store, &input, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (triggers_of (f, id), ==, 1);
  g_assert_cmpint (rmm_store_add_information_note (f->store, &disclosure, &error), >, 0);
  g_assert_cmpint (triggers_of (f, id), ==, 2);

  g_assert_cmpint (rmm_store_add_missing_episode (f->store, &bad, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  /* Not before it has happened: a start or an end later than the store's now. */
  {
    g_autofree char *now = rmm_store_now (f->store);
    RmmMissingEpisodeInput future = { .child_id = id, .started_at = "2099-01-01T21:00:00Z" };
    RmmMissingEpisodeInput found_later = {
      .child_id = id, .started_at = "2026-11-15T21:00:00Z", .ended_at = "2099-01-02T09:00:00Z",
    };

    g_assert_cmpstr (now, <, "2099");
    g_assert_cmpint (rmm_store_add_missing_episode (f->store, &future, &error), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (rmm_store_add_missing_episode (f->store, &found_later, &error), ==, 0);
    g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (rmm_store_raise_trigger (f->store, id, "  ", &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_raise_trigger (f->store, id, "Seen in a car with adults", &error),
                   >, 0);
  g_assert_cmpint (triggers_of (f, id), ==, 3);
}

/* An assessment's missing episodes are facts too: recorded with it, they raise the run. */
static void
test_assessment_episodes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = child (f, "ASSESSED");
  const char *episodes[] = { "2026-11-01", "2026-11-05", "2026-11-09", NULL };
  RmmAssessmentInput input = {
    .child_id = id, .started_on = "2026-11-10", .missing_episodes = episodes,
  };

  g_assert_cmpint (rmm_store_add_assessment (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_test_count_triggers (f->store, id, "missing-episodes"), ==, 1);
}

static gint64
open_count (Fixture *f)
{
  g_autoptr(GPtrArray) open = rmm_store_list_triggers (f->store, 0, TRUE, NULL);

  return open->len;
}

/* A trigger closes only by a response both chairs confirm: not by one chair, not by
 * removing its fact, closing the plan or a new rating. */
static void
test_response_closes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = child (f, "RESPONSE");
  gint64 trigger = rmm_store_raise_trigger (f->store, id, "Found with an adult of concern",
                                            NULL);
  RmmTriggerResponseInput input = { .trigger_id = trigger, .meeting_id = f->meeting };
  RmmDecisionInput rating = {
    .child_id = id, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "low",
  };
  gint64 response, decision;

  /* Not convened needs reasons; convened needs its date. */
  g_assert_cmpint (rmm_store_respond_to_trigger (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.convened = TRUE;
  g_assert_cmpint (rmm_store_respond_to_trigger (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.convened_on = "2026-11-24";
  input.outcome = "Police and children's services to visit together";
  input.section47 = TRUE;
  response = rmm_store_respond_to_trigger (f->store, &input, &error);
  g_assert_cmpint (response, >, 0);

  /* Nothing else answers it. */
  decision = rmm_store_propose_decision (f->store, &rating, NULL);
  g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair1, NULL));
  g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair2, NULL));
  g_assert_true (rmm_store_confirm_trigger_response (f->store, response, f->chair1, &error));
  g_assert_false (rmm_store_confirm_trigger_response (f->store, response, f->chair1, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (open_count (f), ==, 1);

  g_assert_true (rmm_store_confirm_trigger_response (f->store, response, f->chair2, &error));
  g_assert_cmpint (open_count (f), ==, 0);
  /* Answered triggers stay in history, and the answer is final. */
  {
    g_autoptr(GPtrArray) all = rmm_store_list_triggers (f->store, 0, FALSE, NULL);
    g_assert_cmpuint (all->len, ==, 1);
  }
  g_assert_cmpint (rmm_store_respond_to_trigger (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) all = rmm_store_list_triggers (f->store, 0, FALSE, NULL);

    g_assert_cmpuint (all->len, ==, 1);
  }
}

/* The facts behind a trigger going does not close it. */
static void
test_fact_removed_stays_open (Fixture       *f,
                              gconstpointer  data)
{
  gint64 id = child (f, "REMOVED");

  missing (f, id, "2026-11-01T21:00:00Z");
  missing (f, id, "2026-11-02T21:00:00Z");
  missing (f, id, "2026-11-03T21:00:00Z");
  g_assert_cmpuint (evaluate (f), ==, 1);
  {
    g_autoptr(GPtrArray) open = rmm_store_list_triggers (f->store, id, TRUE, NULL);
    g_auto(GStrv) facts = rmm_store_describe_trigger_facts (f->store,
                                                            ((RmmTrigger *)open->pdata[0])->facts,
                                                            NULL);

    /* The trigger says which facts raised it. */
    g_assert_cmpuint (g_strv_length (facts), ==, 3);
    g_assert_true (g_str_has_prefix (facts[0], "Missing episode from 1 Nov 2026"));
  }
  rmm_test_write_below_store (f->store, "DELETE FROM missing_episode");
  g_assert_cmpint (open_count (f), ==, 1);

  /* Nor does closing the case. */
  {
    RmmDecisionInput input = {
      .child_id = id, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_CLOSURE, .value = "closed",
    };
    RmmClosureInput closure = { .reasons = "Moved away" };
    gint64 decision = rmm_store_propose_decision (f->store, &input, NULL);

    g_assert_cmpint (rmm_store_add_closure_record (f->store, decision, &closure, NULL), >, 0);
    g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair1, NULL));
    g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair2, NULL));
  }
  g_assert_cmpint (open_count (f), ==, 1);
}

static gboolean
overdue_on (Fixture    *f,
            const char *now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (now, NULL);
  g_autoptr(GPtrArray) open = NULL;

  rmm_store_set_clock (f->store, when);
  open = rmm_store_list_triggers (f->store, 0, TRUE, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  return ((RmmTrigger *)open->pdata[0])->overdue;
}

/* An immediate risk is answered the same working day: raised on a Saturday, it is due on
 * Monday and overdue on Tuesday. Others wait for the area's next meeting. */
static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) saturday = g_date_time_new_utc (2026, 11, 21, 11, 0, 0);
  gint64 id = child (f, "RISK");
  RmmInformationNoteInput risk = {
    .child_id = id, .kind = "immediate-risk", .summary = "Threat to life reported",
  };

  rmm_store_set_clock (f->store, saturday);
  g_assert_cmpint (rmm_store_add_information_note (f->store, &risk, NULL), >, 0);
  g_assert_false (overdue_on (f, "2026-11-22T12:00:00Z"));
  g_assert_false (overdue_on (f, "2026-11-23T17:00:00Z"));
  g_assert_true (overdue_on (f, "2026-11-24T09:00:00Z"));
}

/* Any other trigger waits for the RMM: overdue once a meeting of its area has been held
 * since it was raised, and not before. */
static void
test_overdue_after_meeting (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) friday = g_date_time_new_utc (2026, 11, 20, 11, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  RmmAttendanceInput present = {
    .agency_id = f->agency, .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT,
  };

  rmm_store_set_clock (f->store, friday);
  g_assert_cmpint (rmm_store_raise_trigger (f->store, child (f, "WAITING"), "Seen with adults",
                                            NULL), >, 0);
  g_assert_false (overdue_on (f, "2026-11-23T09:00:00Z"));
  /* The area's meeting is held without answering it. */
  rmm_store_set_clock (f->store, monday);
  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, &present, 1, TRUE, NULL));
  g_assert_true (rmm_store_conclude_meeting (f->store, f->meeting, NULL));
  g_assert_true (overdue_on (f, "2026-11-23T13:00:00Z"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The override test writes the installation's file here, never in the user's own. */
  config = rmm_test_make_folder ();
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_add_func ("/triggers/rules/default", test_default_rules);
  g_test_add_func ("/triggers/rules/bad", test_bad_rules);
  g_test_add_func ("/triggers/rules/override", test_override);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/triggers/missing-episodes", test_missing_episodes);
  ADD ("/triggers/information-notes", test_information_notes);
  ADD ("/triggers/ratings", test_ratings);
  ADD ("/triggers/raised-as-recorded", test_raised_as_recorded);
  ADD ("/triggers/assessment-episodes", test_assessment_episodes);
  ADD ("/triggers/overdue", test_overdue);
  ADD ("/triggers/overdue-after-meeting", test_overdue_after_meeting);
  ADD ("/triggers/response-closes", test_response_closes);
  ADD ("/triggers/fact-removed-stays-open", test_fact_removed_stays_open);
#undef ADD

  {
    int status = g_test_run ();

    rmm_test_remove_folder (config);
    return status;
  }
}
