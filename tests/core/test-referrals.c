/* test-referrals.c: a referral's deadlines: the 24-hour decision and the assessment within
 * seven working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include "rmm-dates.h"
#include "rmm-referral.h"

/* Received on Christmas Eve at four: decided by four on Christmas Day (the decision is 24
 * hours, bank holiday or not); assessed within seven working days, which skip Christmas,
 * Boxing Day, the weekends and New Year's Day. */
static void
test_referral_deadlines (RmmTestStore  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) referrals = NULL;
  g_autoptr(RmmReferral) referral = NULL;
  g_autofree char *decision_due = NULL;
  g_autoptr(GDate) assessment_due = NULL;
  g_autofree char *assessment_text = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_utc (2025, 12, 25, 15, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2025, 12, 25, 16, 1, 0);
  RmmReferralInput input = {
    .child_id = rmm_test_store_add_child (f, "T-12", "2012-01-01"),
    .route = "single-point-of-access", .referrer_name = "Pat Referrer",
    .received_at = "2025-12-24T16:00:00Z", .concern_summary = "Seen with older adults",
  };
  GDate late;

  g_assert_cmpint (rmm_store_add_referral (f->store, &input, &error), >, 0);
  g_assert_no_error (error);
  referrals = rmm_store_list_referrals (f->store, 0, "2025-12-01", "2026-01-01", &error);
  g_assert_no_error (error);
  referral = g_list_model_get_item (referrals, 0);
  decision_due = rmm_referral_dup_decision_due (referral);
  assessment_due = rmm_referral_dup_assessment_due (referral);
  assessment_text = rmm_date_format (assessment_due);

  g_assert_cmpstr (decision_due, ==, "2025-12-25T16:00:00Z");
  g_assert_false (rmm_referral_is_decision_overdue (referral, before));
  g_assert_true (rmm_referral_is_decision_overdue (referral, after));
  /* Wednesday 24 December 2025: 29, 30, 31 December, 2, 5, 6, 7 January. */
  g_assert_cmpstr (assessment_text, ==, "2026-01-07");
  /* A referral still at screening has no assessment to be late with. */
  g_date_set_dmy (&late, 8, 1, 2026);
  g_assert_false (rmm_referral_is_assessment_overdue (referral, &late));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RmmTestStore, NULL, rmm_test_store_set_up, func, rmm_test_store_tear_down)
  ADD ("/referrals/deadlines", test_referral_deadlines);
#undef ADD

  return g_test_run ();
}
