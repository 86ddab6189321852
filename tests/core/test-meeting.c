/* test-meeting.c: running an agenda item: framework consequences, the lead agency, the
 * facts page, the minutes and when an item may be marked discussed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <string.h>

#include "rmm-error.h"
#include "rmm-state-types.h"
#include "rmm-store.h"
#include "rmm-store-private.h"

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    surrey;
  gint64    seraf;
  gint64    children_services;
  gint64    family_services;
  gint64    chair1;
  gint64    chair2;
  gint64    worker;         /* Family Services */
  gint64    meeting;        /* Surrey, 2026-11-23 */
  gint64    seraf_meeting;  /* SERAF, 2026-11-23 */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 30, 0);

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
  rmm_store_set_clock (f->store, now);
  f->surrey = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  f->seraf = rmm_store_add_area (f->store, "Testshire West", "seraf-4-category", NULL);
  f->children_services = rmm_store_add_agency (f->store, "Testshire Children’s Services",
                                               "childrens-services", NULL);
  f->family_services = rmm_store_add_agency (f->store, "Testshire Family Services",
                                             "family-services", NULL);
  f->chair1 = rmm_store_add_professional (f->store, f->children_services, "Ada Chairwell", "",
                                          NULL);
  f->chair2 = rmm_store_add_professional (f->store, f->family_services, "Ben Cochair", "", NULL);
  f->worker = rmm_store_add_professional (f->store, f->family_services, "Cai Keyworker", "",
                                          NULL);
  f->meeting = rmm_store_add_meeting (f->store, f->surrey, "2026-11-23", f->chair1, f->chair2, 0,
                                      NULL);
  f->seraf_meeting = rmm_store_add_meeting (f->store, f->seraf, "2026-11-23", f->chair1,
                                            f->chair2, 0, NULL);
  g_assert_cmpint (f->seraf_meeting, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static gint64
child_in (Fixture    *f,
          gint64      area,
          const char *reference)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = {
    .reference = reference, .first_name = "Robin", .last_name = "Testchild",
    .date_of_birth = "2011-03-04", .area_id = area,
  };
  gint64 id = rmm_store_add_child (f->store, &input, &error);

  g_assert_no_error (error);
  return id;
}

/* A child with a social worker allocated: no lead professional needs naming. */
static gint64
child_with_worker (Fixture    *f,
                   const char *reference)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = {
    .reference = reference, .first_name = "Robin", .last_name = "Testchild",
    .date_of_birth = "2011-03-04", .area_id = f->surrey, .social_worker_id = f->worker,
  };
  gint64 id = rmm_store_add_child (f->store, &input, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
item_for (Fixture    *f,
          gint64      meeting,
          gint64      child)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rmm_store_add_agenda_item (f->store, meeting, child, "new-referral", &error);

  g_assert_no_error (error);
  return id;
}

static gint64
propose (Fixture                 *f,
         const RmmDecisionInput  *input)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rmm_store_propose_decision (f->store, input, &error);

  g_assert_no_error (error);
  return id;
}

static void
confirm_both (Fixture *f,
              gint64   decision)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair1, &error));
  g_assert_true (rmm_store_confirm_decision (f->store, decision, f->chair2, &error));
  g_assert_no_error (error);
}

static gint64
rate (Fixture    *f,
      gint64      meeting,
      gint64      child,
      const char *level)
{
  RmmDecisionInput input = {
    .child_id = child, .meeting_id = meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = level,
  };
  gint64 id = propose (f, &input);

  confirm_both (f, id);
  return id;
}

static int
open_plans (Fixture *f,
            gint64   child)
{
  return rmm_test_has_open_plan (f->store, child) ? 1 : 0;
}

/* The triggers a high rating raises. */
static int
high_triggers (Fixture *f,
               gint64   child)
{
  return rmm_test_count_triggers (f->store, child, "rating-high");
}

static RmmItemStatus
item_state (Fixture *f,
            gint64   meeting,
            gint64   item)
{
  g_autoptr(RmmAgendaItem) found = rmm_test_find_item (f->store, meeting, item);

  return rmm_agenda_item_get_state (found);
}

static RmmMeetingStatus
meeting_state (Fixture *f,
               gint64   meeting)
{
  g_autoptr(RmmMeeting) found = rmm_store_get_meeting (f->store, meeting, NULL);

  return rmm_meeting_get_state (found);
}

static void
test_surrey_consequences (Fixture       *f,
                          gconstpointer  data)
{
  gint64 low = child_in (f, f->surrey, "LOW"), medium = child_in (f, f->surrey, "MEDIUM");
  gint64 high = child_in (f, f->surrey, "HIGH");
  g_autoptr(GListModel) cse = NULL;
  GDate day;

  rate (f, f->meeting, low, "low");
  rate (f, f->meeting, medium, "medium");
  rate (f, f->meeting, high, "high");

  /* Low is held at Early Help: no plan, no trigger. */
  g_assert_cmpint (open_plans (f, low), ==, 0);
  g_assert_cmpint (high_triggers (f, low), ==, 0);
  /* Medium needs a plan; high needs a strategy meeting too. */
  g_assert_cmpint (open_plans (f, medium), ==, 1);
  g_assert_cmpint (high_triggers (f, medium), ==, 0);
  g_assert_cmpint (open_plans (f, high), ==, 1);
  g_assert_cmpint (high_triggers (f, high), ==, 1);

  /* Surrey lists every rated child. */
  g_date_set_dmy (&day, 23, 11, 2026);
  cse = rmm_store_list_cse (f->store, &day, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cse), ==, 3);
}

static void
test_seraf_consequences (Fixture       *f,
                         gconstpointer  data)
{
  const char *levels[] = { "1", "2", "3", "4" };
  const gint64 plans[] = { 0, 0, 1, 1 };
  const gint64 triggers[] = { 0, 0, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *reference = g_strdup_printf ("SERAF%s", levels[i]);
      gint64 child = child_in (f, f->seraf, reference);

      rate (f, f->seraf_meeting, child, levels[i]);
      g_assert_cmpint (open_plans (f, child), ==, plans[i]);
      g_assert_cmpint (high_triggers (f, child), ==, triggers[i]);
    }
}

/* The trigger comes with reaching the level, once: confirming it again raises nothing;
 * raising medium to high raises it; one confirmation alone sets nothing in motion. */
static void
test_trigger_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 child = child_in (f, f->surrey, "RAISED");
  gint64 next = rmm_store_add_meeting (f->store, f->surrey, "2026-11-30", f->chair1, f->chair2,
                                       0, NULL);
  gint64 later = rmm_store_add_meeting (f->store, f->surrey, "2026-12-07", f->chair1, f->chair2,
                                        0, NULL);
  RmmDecisionInput input = {
    .child_id = child, .meeting_id = later, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "high",
  };
  gint64 pending;

  rate (f, f->meeting, child, "medium");
  g_assert_cmpint (high_triggers (f, child), ==, 0);
  rate (f, next, child, "high");
  g_assert_cmpint (high_triggers (f, child), ==, 1);
  g_assert_cmpint (open_plans (f, child), ==, 1);

  pending = propose (f, &input);
  g_assert_true (rmm_store_confirm_decision (f->store, pending, f->chair1, &error));
  g_assert_cmpint (high_triggers (f, child), ==, 1);
  g_assert_true (rmm_store_confirm_decision (f->store, pending, f->chair2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (high_triggers (f, child), ==, 1);
}

static void
test_lead_agency (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmDecisionState) current = NULL;
  g_autoptr(RmmDecisionState) state = NULL;
  gint64 child = child_in (f, f->surrey, "LEAD");
  RmmDecisionInput input = {
    .child_id = child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_LEAD_AGENCY,
  };
  gint64 id;

  /* No agency; a professional of another agency. */
  g_assert_cmpint (rmm_store_propose_decision (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.lead_agency_id = f->children_services;
  input.lead_professional_id = f->worker;
  g_assert_cmpint (rmm_store_propose_decision (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  input.lead_agency_id = f->family_services;
  id = propose (f, &input);
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  /* One confirmation is not a decision. */
  g_assert_null (rmm_store_find_current_decision (f->store, child, RMM_DECISION_KIND_LEAD_AGENCY, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));

  current = rmm_store_find_current_decision (f->store, child, RMM_DECISION_KIND_LEAD_AGENCY, &error);
  g_assert_nonnull (current);
  g_assert_cmpstr (current->lead_agency, ==, "Testshire Family Services");
  g_assert_cmpstr (current->lead_professional, ==, "Cai Keyworker");
  state = rmm_store_find_meeting_decision (f->store, child, f->meeting, RMM_DECISION_KIND_LEAD_AGENCY, &error);
  g_assert_cmpint (state->lead_professional_id, ==, f->worker);
  g_assert_cmpint (state->status, ==, RMM_DECISION_STATUS_CONFIRMED);
}

static void
test_item_facts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmItemFacts) before = NULL;
  g_autoptr(RmmItemFacts) after = NULL;
  gint64 child = child_in (f, f->surrey, "FACTS");
  gint64 earlier = rmm_store_add_meeting (f->store, f->surrey, "2026-11-16", f->chair1,
                                          f->chair2, 0, NULL);
  gint64 item = item_for (f, f->meeting, child);
  RmmMissingEpisodeInput missing = { .child_id = child, .started_at = "2026-11-01T22:00:00Z" };

  before = rmm_store_get_item_facts (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before->reference, ==, "FACTS");
  g_assert_cmpuint (before->age, ==, 15);
  g_assert_null (before->rating);
  g_assert_null (before->assessment_on);
  g_assert_cmpuint (g_strv_length (before->vulnerabilities), ==, 0);
  g_assert_true (rmm_item_facts_needs_lead (before));

  rate (f, earlier, child, "medium");
  g_assert_cmpint (rmm_store_add_missing_episode (f->store, &missing, &error), >, 0);
  rate (f, f->meeting, child, "high");
  after = rmm_store_get_item_facts (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->rating->value, ==, "high");
  g_assert_cmpuint (g_strv_length (after->rating_history), ==, 2);
  g_assert_true (g_str_has_prefix (after->rating_history[1], "medium 2026-11-23"));
  g_assert_cmpuint (after->n_missing, ==, 1);
  g_assert_cmpuint (after->n_missing_recent, ==, 1);
  g_assert_cmpuint (after->n_open_triggers, ==, 1);
  g_assert_true (after->has_plan);
}

static void
test_discussed_needs_decisions (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  gint64 child = child_in (f, f->surrey, "DISCUSS");
  gint64 item = item_for (f, f->meeting, child);
  RmmDecisionInput lead = {
    .child_id = child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_LEAD_AGENCY,
    .lead_agency_id = f->family_services, .lead_professional_id = f->worker,
  };
  RmmDecisionInput rating = {
    .child_id = child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "low",
  };
  gint64 proposed;

  missing = rmm_store_list_missing_decisions (f->store, item, &error);
  g_assert_cmpuint (g_strv_length (missing), ==, 2);
  g_assert_false (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "risk rating"));
  g_clear_error (&error);

  /* One chair's confirmation is not enough. */
  proposed = propose (f, &rating);
  g_assert_true (rmm_store_confirm_decision (f->store, proposed, f->chair1, &error));
  confirm_both (f, propose (f, &lead));
  g_assert_false (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_null (strstr (error->message, "lead agency"));
  g_clear_error (&error);

  g_assert_true (rmm_store_confirm_decision (f->store, proposed, f->chair2, &error));
  g_assert_true (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_state (f, f->meeting, item), ==, RMM_ITEM_STATUS_DISCUSSED);
}

/* A disagreement recorded is a decision made for the item's sake: escalated, not missing. */
static void
test_disputed_can_be_discussed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 child = child_with_worker (f, "DISPUTE");
  gint64 item = item_for (f, f->meeting, child);
  RmmDecisionInput rating = {
    .child_id = child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
  };
  gint64 id = propose (f, &rating);

  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_true (rmm_store_record_dissent (f->store, id, f->chair2, "Low: risk has reduced",
                                           &error));
  g_assert_true (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_no_error (error);
  /* A disputed rating opens no plan. */
  g_assert_cmpint (open_plans (f, child), ==, 0);
}

static void
test_deferral (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 item = item_for (f, f->meeting, child_in (f, f->surrey, "DEFER"));

  g_assert_false (rmm_store_defer_item (f->store, item, "  ", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_defer_item (f->store, item, "Police update not yet available",
                                       &error));
  {
    g_autoptr(RmmAgendaItem) deferred = rmm_test_find_item (f->store, f->meeting, item);

    g_assert_cmpint (rmm_agenda_item_get_state (deferred), ==, RMM_ITEM_STATUS_DEFERRED);
    g_assert_cmpstr (rmm_agenda_item_get_status_reason (deferred), ==,
                     "Police update not yet available");
  }
  g_assert_true (rmm_store_reopen_item (f->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_state (f, f->meeting, item), ==, RMM_ITEM_STATUS_PENDING);

  /* A removed item stays removed: not deferred, reopened or discussed. */
  g_assert_true (rmm_store_remove_agenda_item (f->store, item, "Moved out of the area", &error));
  g_assert_false (rmm_store_reopen_item (f->store, item, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_defer_item (f->store, item, "Later", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
}

/* Minutes saved by two writers: the later save from an old version is refused, and the
 * first writer's text is still there. */
static void
test_minutes_conflict (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmItemFacts) facts = NULL;
  gint64 item = item_for (f, f->meeting, child_in (f, f->surrey, "MINUTES"));
  gint64 version;

  version = rmm_store_set_minute_text (f->store, item, "School reports better attendance.", 1,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, item, "Overwrite", 1, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, item, "\xff\xfe", 2, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  facts = rmm_store_get_item_facts (f->store, item, NULL);
  g_assert_cmpstr (facts->minute_text, ==, "School reports better attendance.");
  g_assert_cmpint (facts->row_version, ==, 2);
}

/* ---- the meeting from opening to sign-off ---- */

static void
open_meeting (Fixture *f,
              gint64   meeting)
{
  g_autoptr(GError) error = NULL;
  RmmAttendanceInput rows[] = {
    { .agency_id = f->children_services, .name = "Ada Chairwell",
      .status = RMM_ATTENDANCE_STATUS_PRESENT },
    { .agency_id = f->family_services, .name = "Ben Cochair",
      .status = RMM_ATTENDANCE_STATUS_PRESENT },
  };

  g_assert_true (rmm_store_open_meeting (f->store, meeting, rows, G_N_ELEMENTS (rows), TRUE,
                                         &error));
  g_assert_no_error (error);
}

static void
test_open_meeting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  gint64 police = rmm_store_add_agency (f->store, "Testshire Police", "police", NULL);
  gint64 school = rmm_store_add_agency (f->store, "Testshire Academy", "education", NULL);
  RmmAttendanceInput rows[] = {
    { .agency_id = f->children_services, .name = "Ada Chairwell",
      .status = RMM_ATTENDANCE_STATUS_PRESENT },
    { .agency_id = police, .name = "DC Pat Northway", .status = RMM_ATTENDANCE_STATUS_APOLOGIES },
    { .agency_id = school,
      .status = RMM_ATTENDANCE_STATUS_SENT_INFORMATION, .information_sent_at = "2026-11-20" },
    { .agency_id = f->family_services, .name = "Sam Student",
      .status = RMM_ATTENDANCE_STATUS_OBSERVER },
  };
  RmmAttendanceInput no_date = { .agency_id = school,
                                 .status = RMM_ATTENDANCE_STATUS_SENT_INFORMATION };
  RmmAttendanceInput nobody = { .agency_id = police, .status = RMM_ATTENDANCE_STATUS_APOLOGIES };

  /* The statement must be read; information sent needs its date; someone must be there. */
  g_assert_false (rmm_store_open_meeting (f->store, f->meeting, rows, 4, FALSE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_open_meeting (f->store, f->meeting, &no_date, 1, TRUE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_open_meeting (f->store, f->meeting, &nobody, 1, TRUE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  attendance = rmm_store_list_attendance (f->store, f->meeting, &error);
  g_assert_cmpuint (attendance->len, ==, 0);
  g_clear_pointer (&attendance, g_ptr_array_unref);

  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, rows, 4, TRUE, &error));
  g_assert_no_error (error);
  attendance = rmm_store_list_attendance (f->store, f->meeting, &error);
  g_assert_cmpuint (attendance->len, ==, 4);
  /* Observers last. */
  g_assert_cmpint (((RmmAttendance *)attendance->pdata[3])->status, ==,
                   RMM_ATTENDANCE_STATUS_OBSERVER);
  g_assert_cmpint (meeting_state (f, f->meeting), ==, RMM_MEETING_STATUS_OPEN);
  {
    g_autoptr(RmmMeetingRecord) record = rmm_store_get_meeting_record (f->store, f->meeting,
                                                                       &error);

    g_assert_no_error (error);
    g_assert_cmpstr (record->statement_read_at, ==, "2026-11-23T10:30:00Z");
  }
  /* Opened once. */
  g_assert_false (rmm_store_open_meeting (f->store, f->meeting, rows, 4, TRUE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
}

static void
test_conclude_and_sign_off (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 child = child_with_worker (f, "SIGNOFF");
  gint64 item = item_for (f, f->meeting, child);

  /* Not before it is open; not while a child is pending. */
  g_assert_false (rmm_store_conclude_meeting (f->store, f->meeting, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  open_meeting (f, f->meeting);
  g_assert_false (rmm_store_conclude_meeting (f->store, f->meeting, &error));
  g_assert_nonnull (strstr (error->message, "1 child is not yet discussed"));
  g_clear_error (&error);

  rate (f, f->meeting, child, "medium");
  /* Medium needs its plan written at the meeting. */
  g_assert_false (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_nonnull (strstr (error->message, "safety plan"));
  g_clear_error (&error);
  {
    RmmPlanInput plan = { .child_id = child, .meeting_id = f->meeting, .review_on = "2026-12-21" };
    g_assert_cmpint (rmm_store_save_plan_version (f->store, &plan, &error), >, 0);
  }
  g_assert_true (rmm_store_mark_item_discussed (f->store, item, &error));
  g_assert_false (rmm_store_sign_off_meeting (f->store, f->meeting, f->chair1, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_conclude_meeting (f->store, f->meeting, &error));
  /* A question the chairs left open: disputed, and escalated. */
  {
    g_autofree char *disputed = g_strdup_printf (
      "INSERT INTO decision (child_id, meeting_id, kind, value, proposed_at, status, dissent) "
      "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'lead-agency', '', "
      "'2026-11-23T11:00:00Z', 'disputed', 'Both views recorded')", child, f->meeting);

    g_assert_true (rmm_db_exec (rmm_store_get_db (f->store), disputed, &error));
    g_assert_no_error (error);
  }

  /* Each chair once; someone else not at all; signed off when both have. */
  g_assert_false (rmm_store_sign_off_meeting (f->store, f->meeting, f->worker, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_sign_off_meeting (f->store, f->meeting, f->chair2, &error));
  g_assert_cmpint (rmm_store_get_sign_off (f->store, f->meeting, NULL), ==, 2);
  g_assert_false (rmm_store_sign_off_meeting (f->store, f->meeting, f->chair2, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_sign_off_meeting (f->store, f->meeting, f->chair1, &error));
  g_assert_cmpint (rmm_store_get_sign_off (f->store, f->meeting, NULL), ==, 3);
  g_assert_cmpint (meeting_state (f, f->meeting), ==, RMM_MEETING_STATUS_SIGNED_OFF);

  /* Signed-off minutes are history. */
  g_assert_cmpint (rmm_store_set_minute_text (f->store, item, "Rewritten", 1, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rmm_store_reopen_item (f->store, item, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* Whatever writes: nothing is added to the signed-off meeting or moved into it, its own row
   * stays as signed off, and a child is on no other area's agenda. */
  {
    gint64 next = rmm_store_add_meeting (f->store, f->surrey, "2026-11-30", f->chair1, f->chair2,
                                         0, &error);
    gint64 moved = item_for (f, next, child);
    g_autofree char *attendance = g_strdup_printf (
      "INSERT INTO attendance (meeting_id, agency_id, status) VALUES (%" G_GINT64_FORMAT
      ", %" G_GINT64_FORMAT ", 'present')", f->meeting, f->children_services);
    g_autofree char *move_item = g_strdup_printf (
      "UPDATE agenda_item SET meeting_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
      f->meeting, moved);
    g_autofree char *relocate = g_strdup_printf (
      "UPDATE meeting SET location = 'Elsewhere' WHERE id = %" G_GINT64_FORMAT, f->meeting);
    g_autofree char *move_meeting = g_strdup_printf (
      "UPDATE meeting SET area_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
      f->seraf, next);
    g_autofree char *other_area = g_strdup_printf (
      "INSERT INTO agenda_item (meeting_id, child_id, position, reasons) VALUES (%"
      G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 99, 'added-by-chair')", f->seraf_meeting, child);
    g_autofree char *decided = g_strdup_printf (
      "INSERT INTO decision (child_id, meeting_id, kind, value, proposed_at) VALUES (%"
      G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'risk-rating', 'low', '2026-11-24T10:00:00Z')",
      child, f->meeting);
    g_autofree char *settled = g_strdup_printf (
      "UPDATE decision SET status = 'confirmed' WHERE meeting_id = %" G_GINT64_FORMAT
      " AND status = 'disputed'", f->meeting);
    g_autofree char *forgotten = g_strdup_printf (
      "DELETE FROM decision WHERE meeting_id = %" G_GINT64_FORMAT " AND status = 'disputed'",
      f->meeting);
    g_autofree char *unminuted = g_strdup_printf (
      "DELETE FROM agenda_item WHERE id = %" G_GINT64_FORMAT, item);
    struct { const char *sql; const char *refusal; } attempts[] = {
      { attendance, "its attendance cannot change" },
      { decided, "what it decided stands" },
      { settled, "what it decided stands" },
      { forgotten, "what it decided stands" },
      { unminuted, "its minutes cannot change" },
      { move_item, "a row stays where it was made" },
      { relocate, "stays as it was signed off" },
      { move_meeting, "a row stays where it was made" },
      { other_area, "their own area" },
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
      {
        const char *sql = attempts[i].sql;

        g_assert_false (rmm_db_exec (rmm_store_get_db (f->store), sql, &error));
        g_assert_nonnull (error);
        g_assert_nonnull (strstr (error->message, attempts[i].refusal));
        g_clear_error (&error);
      }
  }
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gint64 earlier = rmm_store_add_meeting (f->store, f->surrey, "2026-11-16", f->chair1,
                                          f->chair2, 0, NULL);
  gint64 up = child_in (f, f->surrey, "UP"), fresh = child_in (f, f->surrey, "NEW");
  gint64 deferred = child_in (f, f->surrey, "LATER");
  g_autoptr(GString) kinds = g_string_new (NULL);

  rate (f, earlier, up, "medium");
  rate (f, f->meeting, up, "high");
  rate (f, f->meeting, fresh, "low");
  g_assert_true (rmm_store_defer_item (f->store, item_for (f, f->meeting, deferred),
                                       "Police update due", &error));
  item_for (f, f->meeting, up);
  lines = rmm_store_summarize_meeting (f->store, f->meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      RmmSummaryLine *line = g_ptr_array_index (lines, i);

      g_string_append_printf (kinds, "%s:%s ",
                              rmm_state_to_text (RMM_TYPE_SUMMARY_KIND, line->kind),
                              line->reference);
    }
  /* In the agenda's order (LATER, then UP), each child's lines together; a decision about a
   * child not on the agenda (NEW) last. */
  g_assert_cmpstr (kinds->str, ==, "deferred:LATER rating-up:UP trigger:UP rating-new:NEW ");
}

static void
test_previous_actions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 earlier = rmm_store_add_meeting (f->store, f->surrey, "2026-11-16", f->chair1,
                                          f->chair2, 0, NULL);
  gint64 child = child_in (f, f->surrey, "ACTIONS");
  gint64 elsewhere = child_in (f, f->surrey, "NOTHERE");
  const RmmActionStatus outcomes[] = {
    RMM_ACTION_STATUS_DONE, RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES,
    RMM_ACTION_STATUS_NOT_DONE_AGENCY, RMM_ACTION_STATUS_CARRIED_FORWARD,
  };
  const char *stored[] = { "done", "not-done-circumstances", "not-done-agency",
                           "carried-forward" };
  gint64 ids[4], reviewed[4];

  for (guint i = 0; i < 4; i++)
    {
      RmmActionInput input = {
        .child_id = child, .meeting_id = earlier, .description = stored[i],
        .agency_id = f->family_services, .due_on = "2026-11-20",
      };
      ids[i] = rmm_store_add_plan_action (f->store, &input, &error);
      g_assert_no_error (error);
    }
  {
    /* Not on the agenda, or not yet due: not reviewed at this meeting. */
    RmmActionInput other = {
      .child_id = elsewhere, .meeting_id = earlier, .description = "Elsewhere",
      .due_on = "2026-11-20",
    };
    RmmActionInput later = {
      .child_id = child, .meeting_id = earlier, .description = "Later", .due_on = "2026-12-20",
    };
    g_assert_cmpint (rmm_store_add_plan_action (f->store, &other, NULL), >, 0);
    g_assert_cmpint (rmm_store_add_plan_action (f->store, &later, NULL), >, 0);
  }
  item_for (f, f->meeting, child);
  actions = rmm_store_list_previous_actions (f->store, f->meeting, &error);
  g_assert_cmpuint (actions->len, ==, 4);
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* A carried-forward action needs a new date after the meeting. */
  g_assert_false (rmm_store_review_action (f->store, ids[3], f->meeting,
                                           RMM_ACTION_STATUS_CARRIED_FORWARD,
                                           "2026-11-01", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_review_action (f->store, ids[0], f->meeting,
                                           RMM_ACTION_STATUS_OPEN, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 4; i++)
    reviewed[i] = rmm_store_review_action (f->store, ids[i], f->meeting, outcomes[i],
                                           "2026-12-14", &error);
  g_assert_no_error (error);
  /* Reviewed once; the carried one goes on as a new action agreed at this meeting. */
  g_assert_cmpint (rmm_store_review_action (f->store, ids[0], f->meeting,
                                            RMM_ACTION_STATUS_DONE, NULL, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (reviewed[i], ==, ids[i]);
  g_assert_cmpint (reviewed[3], >, ids[3]);
  actions = rmm_store_list_child_actions (f->store, child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 6);
  for (guint i = 0; i < actions->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (actions, i);

      for (guint j = 0; j < 4; j++)
        if (action->id == ids[j])
          g_assert_cmpint (action->status, ==, outcomes[j]);
      if (action->id == reviewed[3])
        {
          g_assert_cmpint (action->status, ==, RMM_ACTION_STATUS_OPEN);
          g_assert_cmpint (action->meeting_id, ==, f->meeting);
          g_assert_cmpstr (action->due_on, ==, "2026-12-14");
        }
    }
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = rmm_store_list_previous_actions (f->store, f->meeting, &error);
  g_assert_cmpuint (actions->len, ==, 4);
}

static void
test_plan_versions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 child = child_in (f, f->surrey, "PLAN");
  RmmPlanInput input = {
    .child_id = child, .meeting_id = f->meeting, .risks = "Older associates",
    .review_on = "2027-03-01",
  };

  /* Never beyond three months, never on or before the meeting. */
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.review_on = "2026-11-23";
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &input, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (open_plans (f, child), ==, 0);

  input.review_on = "2026-12-21";
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &input, &error), >, 0);
  input.risks = "Older associates; online contact";
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
  versions = rmm_store_list_plan_versions (f->store, child, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpuint (((RmmPlanVersion *)versions->pdata[0])->version, ==, 2);
  g_assert_cmpstr (((RmmPlanVersion *)versions->pdata[1])->risks, ==, "Older associates");
  g_assert_cmpint (open_plans (f, child), ==, 1);
}

/* A meeting held before the record was kept here: its items as the room left them, written
 * before the meeting is held from them, never into one under way or held. */
static void
test_held_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = NULL;
  gint64 child = child_in (f, f->surrey, "HELD");
  RmmHeldItemInput input = {
    .meeting_id = f->meeting, .child_id = child, .reasons = "new-referral",
    .status = RMM_ITEM_STATUS_DEFERRED,
  };
  RmmAttendanceInput present = {
    .agency_id = f->family_services, .professional_id = f->worker, .name = "Cai Keyworker",
    .status = RMM_ATTENDANCE_STATUS_PRESENT,
  };

  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.status = RMM_ITEM_STATUS_PENDING;
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  /* A reason of blanks is none; the agenda's reasons are its own words. */
  input.status = RMM_ITEM_STATUS_DEFERRED;
  input.status_reason = "  \t ";
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.status_reason = "The social worker was on leave.";
  input.reasons = "new-referral because";
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.reasons = "new-referral";

  /* Not a meeting still to come, nor another area's child. */
  input.meeting_id = rmm_store_add_meeting (f->store, f->surrey, "2026-11-30", f->chair1,
                                            f->chair2, 0, NULL);
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.meeting_id = f->meeting;
  input.child_id = child_in (f, f->seraf, "ELSEWHERE");
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  input.child_id = child;

  input.minute_text = "Deferred to next week.";
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
  agenda = rmm_store_list_agenda (f->store, f->meeting, &error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  {
    g_autoptr(RmmAgendaItem) item = g_list_model_get_item (agenda, 0);

    g_assert_cmpint (rmm_agenda_item_get_state (item), ==, RMM_ITEM_STATUS_DEFERRED);
  }
  /* Working out the agenda again leaves what the room did alone. */
  g_assert_true (rmm_store_refresh_agenda (f->store, f->meeting, 5, RMM_AGENDA_ORDER_RISK_FIRST,
                                           &error));
  g_clear_object (&agenda);
  agenda = rmm_store_list_agenda (f->store, f->meeting, &error);
  {
    g_autoptr(RmmAgendaItem) item = g_list_model_get_item (agenda, 0);

    g_assert_cmpint (rmm_agenda_item_get_state (item), ==, RMM_ITEM_STATUS_DEFERRED);
    g_assert_cmpstr (rmm_agenda_item_get_reasons (item), ==, "new-referral");
  }

  /* Someone is present for their own agency, or the minutes would misplace them. */
  present.agency_id = f->children_services;
  g_assert_false (rmm_store_open_meeting (f->store, f->meeting, &present, 1, TRUE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  present.agency_id = f->family_services;

  /* Once the meeting is under way, its items follow the room. */
  g_assert_true (rmm_store_open_meeting (f->store, f->meeting, &present, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_held_item (f->store, &input, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
}

static gint64
child_born (Fixture    *f,
            const char *reference,
            const char *born)
{
  RmmChildInput input = {
    .reference = reference, .first_name = "Jo", .last_name = "Testchild",
    .date_of_birth = born, .area_id = f->surrey,
  };

  return rmm_store_add_child (f->store, &input, NULL);
}

static gint64
propose_closure (Fixture  *f,
                 gint64    child,
                 GError  **error)
{
  RmmDecisionInput input = {
    .child_id = child, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_CLOSURE, .value = "closed",
  };

  return rmm_store_propose_decision (f->store, &input, error);
}

static void
test_closure_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 adult = child_born (f, "EIGHTEEN", "2008-06-01");
  gint64 seventeen = child_born (f, "SEVENTEEN", "2009-06-01");
  gint64 safe = child_born (f, "LOWADULT", "2008-06-01");
  RmmTransitionInput planned = { .planning_started_on = "2026-11-23",
                                 .adult_services = "Testshire Adult Social Care" };
  RmmTransitionInput agreed = planned;
  RmmClosureInput closure = { .reasons = "Adult support in place" };
  gint64 id;

  rate (f, f->meeting, adult, "medium");
  rate (f, f->meeting, seventeen, "medium");
  rate (f, f->meeting, safe, "low");

  /* 18 and at risk: not until an adult package is agreed (a plan alone is not enough). */
  g_assert_cmpint (propose_closure (f, adult, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "adult support package"));
  g_clear_error (&error);
  g_assert_true (rmm_store_record_transition (f->store, adult, &planned, &error));
  g_assert_cmpint (propose_closure (f, adult, &error), ==, 0);
  g_clear_error (&error);
  /* 17 and at risk: transition planning first. */
  g_assert_cmpint (propose_closure (f, seventeen, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "transition plan"));
  g_clear_error (&error);
  g_assert_true (rmm_store_record_transition (f->store, seventeen, &planned, &error));
  g_assert_cmpint (propose_closure (f, seventeen, &error), >, 0);
  /* 18 with no risk remaining closes. */
  g_assert_cmpint (propose_closure (f, safe, &error), >, 0);

  agreed.adult_package_agreed_on = "2026-11-20";
  agreed.s42_referral_on = "not a date";
  g_assert_false (rmm_store_record_transition (f->store, adult, &agreed, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  agreed.s42_referral_on = "2026-11-21";
  g_assert_true (rmm_store_record_transition (f->store, adult, &agreed, &error));
  id = propose_closure (f, adult, &error);
  g_assert_cmpint (id, >, 0);

  /* The reasons come first; once both chairs confirm, the plan closes. */
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
  g_assert_false (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_closure_record (f->store, id, &closure, &error), >, 0);
  g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_plans (f, adult), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/meeting/consequences/surrey", test_surrey_consequences);
  ADD ("/meeting/consequences/seraf", test_seraf_consequences);
  ADD ("/meeting/consequences/trigger-once", test_trigger_once);
  ADD ("/meeting/lead-agency", test_lead_agency);
  ADD ("/meeting/item/facts", test_item_facts);
  ADD ("/meeting/item/discussed-needs-decisions", test_discussed_needs_decisions);
  ADD ("/meeting/item/disputed-can-be-discussed", test_disputed_can_be_discussed);
  ADD ("/meeting/item/deferral", test_deferral);
  ADD ("/meeting/item/minutes-conflict", test_minutes_conflict);
  ADD ("/meeting/item/held", test_held_items);
  ADD ("/meeting/flow/open", test_open_meeting);
  ADD ("/meeting/flow/conclude-and-sign-off", test_conclude_and_sign_off);
  ADD ("/meeting/flow/summary", test_summary);
  ADD ("/meeting/previous-actions", test_previous_actions);
  ADD ("/meeting/plan-versions", test_plan_versions);
  ADD ("/meeting/closure-refusals", test_closure_refusals);
#undef ADD

  return g_test_run ();
}
