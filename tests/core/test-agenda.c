/* test-agenda.c: every reason a child is put on the agenda, and children who must not be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-store.h"

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    area;
  gint64    agency;
  gint64    chair1;
  gint64    chair2;
  gint64    earlier;    /* 2026-10-12, planned: where the tests' plans are agreed */
  gint64    held;       /* 2026-11-16, concluded */
  gint64    coming;     /* 2026-11-23, planned */
} Fixture;

static void
at (Fixture    *f,
    const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  rmm_store_set_clock (f->store, when);
}

static gint64
child (Fixture    *f,
       const char *reference,
       const char *born)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = {
    .reference = reference, .first_name = reference, .last_name = "Testchild",
    .date_of_birth = born, .area_id = f->area,
  };
  gint64 id = rmm_store_add_child (f->store, &input, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
decide (Fixture         *f,
        gint64           child_id,
        gint64           meeting_id,
        RmmDecisionKind  kind,
        const char      *value,
        gboolean         confirm)
{
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = child_id, .meeting_id = meeting_id, .kind = kind, .value = value,
  };
  gint64 id = rmm_store_propose_decision (f->store, &input, &error);

  g_assert_no_error (error);
  if (kind == RMM_DECISION_KIND_CLOSURE)
    {
      RmmClosureInput closure = { .reasons = "Risk reduced and sustained" };
      g_assert_cmpint (rmm_store_add_closure_record (f->store, id, &closure, &error), >, 0);
    }
  if (confirm)
    {
      g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, &error));
      g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, &error));
    }
  return id;
}

static void
referral (Fixture    *f,
          gint64      child_id,
          const char *received_at,
          const char *outcome)
{
  g_autoptr(GError) error = NULL;
  RmmReferralInput input = {
    .child_id = child_id, .route = "single-point-of-access", .referrer_name = "Pat Referrer",
    .received_at = received_at, .screening_outcome = outcome,
  };

  rmm_store_add_referral (f->store, &input, &error);
  g_assert_no_error (error);
}

/* A plan agreed at the earlier meeting (2026-10-12), to be reviewed on @review_on. */
static void
plan (Fixture    *f,
      gint64      child_id,
      const char *review_on)
{
  g_autoptr(GError) error = NULL;
  RmmPlanInput input = {
    .child_id = child_id, .meeting_id = f->earlier, .risks = "Older associates",
    .review_on = review_on,
  };

  g_assert_cmpint (rmm_store_save_plan_version (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* A trigger raised by hand on 19 November, whatever the test's clock says. */
static gint64
trigger (Fixture *f,
         gint64   child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) raised = g_date_time_new_utc (2026, 11, 19, 12, 0, 0);
  g_autofree char *now = rmm_store_now (f->store);
  gint64 id;

  rmm_store_set_clock (f->store, raised);
  id = rmm_store_raise_trigger (f->store, child_id, "Raised by the test", &error);
  g_assert_no_error (error);
  at (f, now);
  return id;
}

/* The chairs held it, as the app does: opened and concluded. Not yet signed off: the tests
 * record there the decisions and plans it made, which a signed-off meeting's record would
 * refuse. */
static void
hold (Fixture *f,
      gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  RmmAttendanceInput present = {
    .agency_id = f->agency, .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT,
  };

  g_assert_true (rmm_store_open_meeting (f->store, meeting_id, &present, 1, TRUE, &error));
  g_assert_true (rmm_store_conclude_meeting (f->store, meeting_id, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = rmm_test_make_folder ();
  f->store = rmm_test_open_store (f->folder, &error);
  g_assert_no_error (error);
  at (f, "2026-09-01T09:00:00Z");
  f->area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  f->agency = rmm_store_add_agency (f->store, "Testshire Children’s Services",
                                    "childrens-services", NULL);
  f->chair1 = rmm_store_add_professional (f->store, f->agency, "Ada Chairwell", "", NULL);
  f->chair2 = rmm_store_add_professional (f->store, f->agency, "Ben Cochair", "", NULL);
  f->held = rmm_store_add_meeting (f->store, f->area, "2026-11-16", f->chair1, f->chair2, 0, NULL);
  f->coming = rmm_store_add_meeting (f->store, f->area, "2026-11-23", f->chair1, f->chair2, 0,
                                     NULL);
  f->earlier = rmm_store_add_meeting (f->store, f->area, "2026-10-12", f->chair1, f->chair2, 0,
                                      NULL);
  hold (f, f->held);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

/* reference → "reasons" for the coming meeting, after refreshing it. */
static GHashTable *
agenda_reasons (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  GHashTable *reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (rmm_store_refresh_agenda (f->store, f->coming, 5, RMM_AGENDA_ORDER_RISK_FIRST,
                                           &error));
  g_assert_no_error (error);
  items = rmm_store_list_agenda (f->store, f->coming, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);
      g_hash_table_insert (reasons, g_strdup (rmm_agenda_item_get_child_reference (item)),
                           g_strdup (rmm_agenda_item_get_reasons (item)));
    }
  return reasons;
}

static void
test_every_reason (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) reasons = NULL;
  gint64 id;

  /* new-referral: referred, not yet rated. Not: rated since, or screened out. */
  referral (f, child (f, "NEW", "2012-01-01"), "2026-11-18T15:00:00Z", NULL);
  id = child (f, "RATED", "2012-01-01");
  referral (f, id, "2026-10-01T09:00:00Z", "assessment-required");
  at (f, "2026-10-05T10:00:00Z");
  decide (f, id, 0, RMM_DECISION_KIND_RISK_RATING, "low", TRUE);
  referral (f, child (f, "SCREENED", "2012-01-01"), "2026-11-18T15:00:00Z",
            "no-further-action");

  /* review-due: the plan's review date has come. Not: due after the meeting. */
  plan (f, child (f, "REVIEW", "2012-01-01"), "2026-11-20");
  plan (f, child (f, "LATER", "2012-01-01"), "2026-12-20");

  /* trigger: open. Not: answered by both chairs. */
  trigger (f, child (f, "TRIGGER", "2012-01-01"));
  {
    RmmTriggerResponseInput response = {
      .trigger_id = trigger (f, child (f, "ANSWERED", "2012-01-01")),
      .meeting_id = f->coming, .reasons = "Managed in the plan",
    };
    gint64 response_id;

    at (f, "2026-11-20T10:00:00Z");
    response_id = rmm_store_respond_to_trigger (f->store, &response, NULL);
    g_assert_true (rmm_store_confirm_trigger_response (f->store, response_id, f->chair1, NULL));
    g_assert_true (rmm_store_confirm_trigger_response (f->store, response_id, f->chair2, NULL));
  }

  /* closure: proposed, not yet confirmed. */
  at (f, "2026-11-16T11:00:00Z");
  decide (f, child (f, "CLOSURE", "2012-01-01"), f->held, RMM_DECISION_KIND_CLOSURE, "closed",
          FALSE);

  /* transition: 17 with risk remaining and no plan; 18 within three months, no package.
   * Not: 17 but rated low (no risk remaining). */
  at (f, "2026-11-16T11:00:00Z");
  decide (f, child (f, "SEVENTEEN", "2009-06-01"), f->held, RMM_DECISION_KIND_RISK_RATING,
          "high", TRUE);
  decide (f, child (f, "LOW17", "2009-06-01"), f->held, RMM_DECISION_KIND_RISK_RATING, "low", TRUE);
  id = child (f, "EIGHTEEN", "2009-01-15");
  decide (f, id, f->held, RMM_DECISION_KIND_RISK_RATING, "medium", TRUE);
  {
    RmmTransitionInput transition = { .planning_started_on = "2026-06-01" };

    g_assert_true (rmm_store_record_transition (f->store, id, &transition, NULL));
  }

  /* early-help-check: held at Early Help, rated more than 91 days ago. Not: rated lately. */
  at (f, "2026-08-01T10:00:00Z");
  decide (f, child (f, "EARLYHELP", "2012-01-01"), 0, RMM_DECISION_KIND_RISK_RATING, "low", TRUE);
  at (f, "2026-11-01T10:00:00Z");
  decide (f, child (f, "RECENT", "2012-01-01"), 0, RMM_DECISION_KIND_RISK_RATING, "low", TRUE);

  /* overdue-actions: agreed at an earlier meeting, already past its date. */
  {
    RmmActionInput action = {
      .child_id = child (f, "ACTIONS", "2012-01-01"), .meeting_id = f->earlier,
      .description = "Return home interview", .due_on = "2026-11-20",
    };

    plan (f, action.child_id, "2027-01-10");
    g_assert_cmpint (rmm_store_add_plan_action (f->store, &action, NULL), >, 0);
  }

  reasons = agenda_reasons (f);
  g_assert_cmpstr (g_hash_table_lookup (reasons, "NEW"), ==, "new-referral");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "REVIEW"), ==, "review-due");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "TRIGGER"), ==, "trigger");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "CLOSURE"), ==, "closure");
  /* Their ratings opened plans not yet written (due at once) and high raised a trigger. */
  g_assert_cmpstr (g_hash_table_lookup (reasons, "SEVENTEEN"), ==,
                   "trigger review-due transition");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "EIGHTEEN"), ==, "review-due transition");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "EARLYHELP"), ==, "early-help-check");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "ACTIONS"), ==, "overdue-actions");
  for (guint i = 0; i < 6; i++)
    {
      static const char *absent[] = { "RATED", "LATER", "ANSWERED", "LOW17", "RECENT",
                                      "SCREENED" };
      if (g_hash_table_contains (reasons, absent[i]))
        g_error ("%s should not be on the agenda (%s)", absent[i],
                 (char *)g_hash_table_lookup (reasons, absent[i]));
    }
  g_assert_cmpuint (g_hash_table_size (reasons), ==, 8);
}

static void
test_order_and_idempotence (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RmmAgendaItem) first = NULL;
  g_autoptr(RmmAgendaItem) second = NULL;
  g_autoptr(RmmAgendaItem) third = NULL;
  gint64 events;

  gint64 medium = child (f, "MEDIUM", "2012-01-01");
  gint64 high = child (f, "HIGH", "2012-01-01");

  at (f, "2026-11-16T11:00:00Z");
  decide (f, medium, f->held, RMM_DECISION_KIND_RISK_RATING, "medium", TRUE);
  decide (f, high, f->held, RMM_DECISION_KIND_RISK_RATING, "high", TRUE);
  plan (f, medium, "2026-11-20");
  plan (f, high, "2026-11-20");
  trigger (f, child (f, "ZED", "2012-01-01"));

  g_hash_table_unref (agenda_reasons (f));
  items = rmm_store_list_agenda (f->store, f->coming, NULL);
  first = g_list_model_get_item (items, 0);
  second = g_list_model_get_item (items, 1);
  /* Triggers first (HIGH's rating raised one), the highest risk first among them. */
  g_assert_cmpstr (rmm_agenda_item_get_child_reference (first), ==, "HIGH");
  g_assert_cmpstr (rmm_agenda_item_get_rating (first), ==, "high");
  g_assert_cmpstr (rmm_agenda_item_get_child_reference (second), ==, "ZED");
  third = g_list_model_get_item (items, 2);
  g_assert_cmpstr (rmm_agenda_item_get_child_reference (third), ==, "MEDIUM");

  /* A second refresh with nothing new writes nothing. */
  rmm_store_set_clock (f->store, NULL);
  events = rmm_test_change_mark (f->store);
  g_hash_table_unref (agenda_reasons (f));
  g_assert_cmpint (rmm_test_change_mark (f->store), ==, events);
}

static void
test_order_by_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RmmAgendaItem) first = NULL;
  gint64 high = child (f, "HIGH", "2012-01-01");

  at (f, "2026-11-16T11:00:00Z");
  decide (f, high, f->held, RMM_DECISION_KIND_RISK_RATING, "high", TRUE);
  plan (f, high, "2026-11-20");
  trigger (f, child (f, "ZED", "2012-01-01"));
  referral (f, child (f, "ABLE", "2012-01-01"), "2026-11-18T15:00:00Z", NULL);

  g_assert_true (rmm_store_refresh_agenda (f->store, f->coming, 5, RMM_AGENDA_ORDER_BY_NAME,
                                           NULL));
  items = rmm_store_list_agenda (f->store, f->coming, NULL);
  first = g_list_model_get_item (items, 0);
  /* All are "Testchild": then by id, so the order they were recorded in. */
  g_assert_cmpstr (rmm_agenda_item_get_child_reference (first), ==, "HIGH");
}

static void
test_chairs_remove_and_move (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RmmAgendaItem) item = NULL;
  gint64 item_id, mark;

  trigger (f, child (f, "ONE", "2012-01-01"));
  trigger (f, child (f, "TWO", "2012-01-01"));
  trigger (f, child (f, "THREE", "2012-01-01"));
  g_hash_table_unref (agenda_reasons (f));
  items = rmm_store_list_agenda (f->store, f->coming, NULL);
  item = g_list_model_get_item (items, 2);
  item_id = rmm_agenda_item_get_id (item);

  g_assert_false (rmm_store_remove_agenda_item (f->store, item_id, "  ", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  mark = rmm_test_change_mark (f->store);
  g_assert_true (rmm_store_move_agenda_item (f->store, item_id, 1, &error));
  g_assert_no_error (error);
  g_assert_true (rmm_store_remove_agenda_item (f->store, item_id, "Discussed at the strategy "
                                               "meeting yesterday", &error));
  g_assert_no_error (error);

  /* Still there, at the top, removed with its reason, and a refresh does not bring it back. */
  g_hash_table_unref (agenda_reasons (f));
  g_clear_object (&items);
  g_clear_object (&item);
  items = rmm_store_list_agenda (f->store, f->coming, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpint (rmm_agenda_item_get_id (item), ==, item_id);
  g_assert_cmpint (rmm_agenda_item_get_state (item), ==, RMM_ITEM_STATUS_REMOVED);
  g_assert_cmpstr (rmm_agenda_item_get_status_reason (item), ==,
                   "Discussed at the strategy meeting yesterday");
  /* Three items moved and one removed: each change audited. */
  g_assert_cmpint (rmm_test_change_mark (f->store) - mark, >=, 4);
}

/* Once the meeting is open, an item keeps the reasons it came with: a plan written in the
 * meeting no longer makes the review due, but that was why the child was discussed, and
 * the minutes say so. A new reason is still added. */
static void
test_reasons_kept_once_open (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) during = NULL;
  gint64 id = child (f, "REVIEW", "2012-01-01");
  RmmPlanInput next = {
    .child_id = id, .meeting_id = f->coming, .risks = "Older associates",
    .review_on = "2027-01-18",
  };
  RmmAttendanceInput present = {
    .agency_id = f->agency, .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT,
  };

  plan (f, id, "2026-11-20");
  before = agenda_reasons (f);
  g_assert_cmpstr (g_hash_table_lookup (before, "REVIEW"), ==, "review-due");
  at (f, "2026-11-23T10:00:00Z");
  g_assert_true (rmm_store_open_meeting (f->store, f->coming, &present, 1, TRUE, NULL));
  at (f, "2026-11-23T10:20:00Z");
  g_assert_cmpint (rmm_store_save_plan_version (f->store, &next, NULL), >, 0);
  trigger (f, id);
  during = agenda_reasons (f);
  g_assert_cmpstr (g_hash_table_lookup (during, "REVIEW"), ==, "review-due trigger");
}

static void
test_held_meeting_untouched (Fixture       *f,
                             gconstpointer  data)
{
  trigger (f, child (f, "OPEN", "2012-01-01"));
  g_assert_true (rmm_store_refresh_agenda (f->store, f->held, 5, RMM_AGENDA_ORDER_RISK_FIRST,
                                           NULL));
  {
    g_autoptr(GListModel) agenda = rmm_store_list_agenda (f->store, f->held, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 0);
  }
}

/* The agenda as read shows each child's rating, review date and overdue actions as they are
 * now, whatever changed since it was last brought up to date, and whoever changed it. */
static RmmAgendaItem *
listed (Fixture    *f,
        const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = rmm_store_list_agenda (f->store, f->coming, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (rmm_agenda_item_get_child_reference (item), reference))
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
}

static void
test_facts_follow_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmAgendaItem) item = NULL;
  gint64 id = child (f, "FACTS", "2012-01-01");
  gint64 other = rmm_store_add_area (f->store, "Testshire South", "surrey-3-level", NULL);
  RmmChildInput elsewhere = {
    .reference = "ELSEWHERE", .first_name = "Eli", .last_name = "Testchild",
    .date_of_birth = "2012-01-01", .area_id = other,
  };
  RmmPlanInput next = {
    .child_id = id, .meeting_id = f->earlier, .risks = "Older associates",
    .review_on = "2026-11-21",
  };
  RmmActionInput action = {
    .child_id = id, .meeting_id = f->earlier, .description = "Call the school",
    .due_on = "2026-11-01",
  };
  gint64 action_id;

  at (f, "2026-11-16T11:00:00Z");
  decide (f, id, f->held, RMM_DECISION_KIND_RISK_RATING, "medium", TRUE);
  plan (f, id, "2026-11-20");
  g_hash_table_unref (agenda_reasons (f));
  item = listed (f, "FACTS");
  g_assert_cmpstr (rmm_agenda_item_get_rating (item), ==, "medium");
  g_assert_cmpstr (rmm_agenda_item_get_review_on (item), ==, "2026-11-20");
  g_assert_false (rmm_agenda_item_get_overdue (item));

  /* A change about someone else entirely changes nothing here. */
  g_assert_cmpint (rmm_store_add_child (f->store, &elsewhere, &error), >, 0);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_cmpstr (rmm_agenda_item_get_rating (item), ==, "medium");

  /* Each change to the child's own facts shows at once, with no refresh between. */
  decide (f, id, f->held, RMM_DECISION_KIND_RISK_RATING, "high", TRUE);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_cmpstr (rmm_agenda_item_get_rating (item), ==, "high");

  g_assert_cmpint (rmm_store_save_plan_version (f->store, &next, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_cmpstr (rmm_agenda_item_get_review_on (item), ==, "2026-11-21");

  action_id = rmm_store_add_plan_action (f->store, &action, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_true (rmm_agenda_item_get_overdue (item));

  /* Reviewed at the coming meeting, where what became of it is recorded. */
  g_assert_cmpint (rmm_store_review_action (f->store, action_id, f->coming,
                                            RMM_ACTION_STATUS_DONE, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_false (rmm_agenda_item_get_overdue (item));

  /* An action due on the 20th is overdue at a meeting on the 23rd, not at one moved to the
   * 19th. */
  action.due_on = "2026-11-20";
  g_assert_cmpint (rmm_store_add_plan_action (f->store, &action, &error), >, 0);
  g_hash_table_unref (agenda_reasons (f));
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_true (rmm_agenda_item_get_overdue (item));
  g_assert_true (rmm_store_reschedule_meeting (f->store, f->coming, "2026-11-19", "10:00", "",
                                               &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = listed (f, "FACTS");
  g_assert_false (rmm_agenda_item_get_overdue (item));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agenda/every-reason", test_every_reason);
  ADD ("/agenda/order-idempotent", test_order_and_idempotence);
  ADD ("/agenda/order-by-name", test_order_by_name);
  ADD ("/agenda/chairs-remove-move", test_chairs_remove_and_move);
  ADD ("/agenda/held-untouched", test_held_meeting_untouched);
  ADD ("/agenda/reasons-kept-once-open", test_reasons_kept_once_open);
  ADD ("/agenda/facts-follow-changes", test_facts_follow_changes);
#undef ADD
  return g_test_run ();
}
