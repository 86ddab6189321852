/* test-figures.c: the board's figures, against a small database whose answers are known
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period is the third quarter of 2026 (British Summer Time throughout, so a UK day
 * starts at 23:00 UTC the day before). Every figure asserted here was worked out by hand
 * from the rows each test makes.
 */
#include "config.h"

#include <string.h>

#include "rmm-test-support.h"

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-figures.h"
#include "rmm-store-private.h"  /* rmm_store_query_text (): the set as kept */

typedef struct
{
  RmmTestStore  base;
  gint64        police;
  gint64        school;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rmm_test_store_set_up (&f->base, data);
  f->police = rmm_store_add_agency (f->base.store, "Testshire Constabulary", "police", &error);
  f->school = rmm_store_add_agency (f->base.store, "Meadowgate Academy", "education", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rmm_test_store_tear_down (&f->base, data);
}

static gint64
add_child (Fixture    *f,
           const char *reference,
           const char *last_name,
           const char *born,
           const char *gender,
           gboolean    looked_after)
{
  g_autoptr(GError) error = NULL;
  RmmChildInput input = { .reference = reference, .first_name = "Zebedee",
                          .last_name = last_name, .date_of_birth = born, .gender = gender,
                          .area_id = f->base.area, .looked_after = looked_after };
  gint64 id = rmm_store_add_child (f->base.store, &input, &error);

  g_assert_no_error (error);
  return id;
}

/* A referral received at @received, recorded (with @outcome, NULL pending) at @recorded. */
static gint64
refer (Fixture    *f,
       gint64      child,
       gint64      agency,
       const char *received,
       const char *recorded,
       const char *outcome)
{
  g_autoptr(GError) error = NULL;
  RmmReferralInput input = { .child_id = child, .route = "single-point-of-access",
                             .referrer_name = "Pat Referrer", .referrer_agency_id = agency,
                             .received_at = received, .screening_outcome = outcome };
  gint64 id;

  rmm_test_store_at (&f->base, recorded);
  id = rmm_store_add_referral (f->base.store, &input, &error);
  g_assert_no_error (error);
  return id;
}

static void
assess (Fixture    *f,
        gint64      child,
        gint64      referral,
        const char *started,
        const char *completed)
{
  g_autoptr(GError) error = NULL;
  RmmAssessmentInput input = { .child_id = child, .referral_id = referral,
                               .started_on = started, .completed_on = completed,
                               .proposed_rating = completed ? "medium" : NULL };

  g_assert_cmpint (rmm_store_add_assessment (f->base.store, &input, &error), >, 0);
  g_assert_no_error (error);
}

static GPtrArray *
read_quarter (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *figures;
  GDate from, to;

  g_assert_true (rmm_date_parse ("2026-07-01", &from));
  g_assert_true (rmm_date_parse ("2026-09-30", &to));
  rmm_test_store_at (&f->base, "2026-11-30T12:00:00Z");
  figures = rmm_store_read_figures (f->base.store, &from, &to, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static double
value_of (GPtrArray  *figures,
          const char *measure,
          const char *category)
{
  RmmFigure *figure = rmm_figures_find (figures, measure, category);

  if (figure == NULL)
    return 0;    /* a category nobody was counted in */
  return figure->value;
}

static gboolean
hidden (GPtrArray  *figures,
        const char *measure,
        const char *category)
{
  RmmFigure *figure = rmm_figures_find (figures, measure, category);

  g_assert_nonnull (figure);
  return figure->suppressed;
}

/* Referrals: the period's edges in UK time, the 24-hour decision, repeats at 12 months and a
 * day, the 7-working-day assessment across the August bank holiday, who the children are. */
static void
test_referrals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *csv = NULL;
  gint64 amy = add_child (f, "FIG-1", "Quennell", "2012-08-01", "female", TRUE);
  gint64 bea = add_child (f, "FIG-2", "Rowntree", "2011-03-15", "female", FALSE);
  gint64 cal = add_child (f, "FIG-3", "Stallard", "2009-09-01", "male", FALSE);
  gint64 dee = add_child (f, "FIG-4", "Tregear", "2013-01-20", "", FALSE);
  gint64 referral;

  /* 23:30 UK on 30 June: the quarter before. 00:30 UK on 1 July: this one. */
  refer (f, amy, f->police, "2026-06-30T22:30:00Z", "2026-06-30T23:00:00Z", "assessment-required");
  refer (f, bea, f->police, "2026-06-30T23:30:00Z", "2026-07-01T09:00:00Z", "no-further-action");
  /* A year to the minute after the last: a repeat. A year and a day: not. */
  refer (f, cal, f->police, "2025-07-10T10:00:00Z", "2025-07-10T11:00:00Z", "signposted");
  refer (f, cal, f->police, "2026-07-10T10:00:00Z", "2026-07-11T11:00:00Z", "signposted");
  refer (f, dee, f->school, "2025-07-19T10:00:00Z", "2025-07-19T11:00:00Z", "signposted");
  refer (f, dee, f->school, "2026-07-20T10:00:00Z", "2026-07-20T10:30:00Z", "no-further-action");
  /* Received Monday 24 August, assessed by Thursday 3 September: 7 working days, the bank
   * holiday (31 August) not one of them. Bea's, a day later: 8, late. */
  referral = refer (f, amy, f->police, "2026-08-24T08:00:00Z", "2026-08-24T12:00:00Z",
                    "assessment-required");
  assess (f, amy, referral, "2026-08-25", "2026-09-03");
  referral = refer (f, bea, f->police, "2026-08-24T09:00:00Z", "2026-08-24T12:00:00Z",
                    "assessment-required");
  assess (f, bea, referral, "2026-08-25", "2026-09-04");
  /* Pending since 23:59 UK on 30 September: the decision falls due after the quarter. */
  refer (f, cal, f->police, "2026-09-30T22:59:00Z", "2026-09-30T22:59:00Z", NULL);
  /* 00:00 UK on 1 October: the next quarter. */
  refer (f, dee, f->police, "2026-09-30T23:00:00Z", "2026-09-30T23:00:00Z", NULL);

  figures = read_quarter (f);
  g_assert_cmpfloat (value_of (figures, "referrals-received", "all"), ==, 6);
  g_assert_cmpfloat (value_of (figures, "referrals-by-agency", "Testshire Constabulary"), ==, 5);
  /* An agency with fewer than 5 is among the others: its name, typed on a referral, could
   * itself say who the child is. */
  g_assert_cmpfloat (value_of (figures, "referrals-by-agency", "Other agencies"), ==, 1);
  g_assert_null (rmm_figures_find (figures, "referrals-by-agency", "Meadowgate Academy"));
  g_assert_cmpfloat (value_of (figures, "referrals-screened-out", "all"), ==, 3);
  /* Cal's a year to the minute after his last, amy's, bea's and cal's again within weeks of
   * theirs; dee's a year and a day after hers is not. */
  g_assert_cmpfloat (value_of (figures, "repeat-referrals", "all"), ==, 4);
  /* Recorded within 24 hours: bea (9 h 30), dee (30 min), amy and bea in August (4 h, 3 h);
   * cal's 25 hours late; the pending one not yet due at the end. */
  g_assert_cmpfloat (value_of (figures, "decisions-24-hours", "on time"), ==, 4);
  g_assert_cmpfloat (value_of (figures, "decisions-24-hours", "late"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "decisions-24-hours", "not yet due"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "decisions-24-hours-rate", "all"), ==, 80);
  g_assert_cmpfloat (value_of (figures, "decision-delay-hours", "longest"), ==, 25);
  g_assert_cmpfloat (value_of (figures, "decision-delay-hours", "median"), ==, 4);
  g_assert_cmpfloat (value_of (figures, "assessments-required", "all"), ==, 2);
  g_assert_cmpfloat (value_of (figures, "assessments-7-working-days", "on time"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "assessments-7-working-days", "late"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "assessment-delay-working-days", "longest"), ==, 8);
  /* Four children, each once: ages at their first referral of the quarter. */
  g_assert_cmpfloat (value_of (figures, "children-referred", "all"), ==, 4);
  g_assert_cmpfloat (value_of (figures, "children-by-age", "14-15"), ==, 2);   /* bea, amy */
  g_assert_cmpfloat (value_of (figures, "children-by-age", "16-17"), ==, 1);   /* cal */
  g_assert_cmpfloat (value_of (figures, "children-by-age", "12-13"), ==, 1);   /* dee */
  g_assert_cmpfloat (value_of (figures, "children-by-gender", "female"), ==, 2);
  g_assert_cmpfloat (value_of (figures, "children-by-gender", "not recorded"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "children-looked-after", "looked after"), ==, 1);

  /* Shown to the board: the police's 5 would give away the others' 1 (6 received), so both
   * are hidden; so is a rate whose late part is 1. */
  rmm_figures_suppress (figures);
  g_assert_false (hidden (figures, "referrals-received", "all"));
  g_assert_true (hidden (figures, "referrals-by-agency", "Other agencies"));
  g_assert_true (hidden (figures, "referrals-by-agency", "Testshire Constabulary"));
  g_assert_true (hidden (figures, "decisions-24-hours-rate", "all"));
  g_assert_true (hidden (figures, "assessment-delay-working-days", "median"));

  /* No child in the table: no name, reference or date of birth. */
  csv = rmm_figures_to_csv (figures, "all", "2026-07-01/2026-09-30");
  for (const char * const *word = (const char *[]) { "Zebedee", "Quennell", "Rowntree",
                                                     "Stallard", "Tregear", "FIG-", "2012-08-01",
                                                     "2011-03-15", "2009-09-01", "2013-01-20",
                                                     NULL };
       *word != NULL; word++)
    g_assert_null (strstr (csv, *word));
  g_assert_nonnull (strstr (csv, "referrals-by-agency,Other agencies,all,"
                                 "2026-07-01/2026-09-30,fewer than 5,true\r\n"));
}

/* Ratings confirmed in the quarter against the child's previous one, and those standing at
 * its end (a closure ends one). */
static void
test_ratings (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  gint64 amy = add_child (f, "FIG-1", "Quennell", "2012-08-01", "female", FALSE);
  gint64 bea = add_child (f, "FIG-2", "Rowntree", "2011-03-15", "female", FALSE);
  gint64 cal = add_child (f, "FIG-3", "Stallard", "2009-09-01", "male", FALSE);

  rmm_test_store_at (&f->base, "2026-06-10T10:00:00Z");
  rmm_test_store_decide (&f->base, amy, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  rmm_test_store_decide (&f->base, bea, 0, RMM_DECISION_KIND_RISK_RATING, "high");
  rmm_test_store_at (&f->base, "2026-07-15T10:00:00Z");
  rmm_test_store_decide (&f->base, amy, 0, RMM_DECISION_KIND_RISK_RATING, "high");     /* up */
  rmm_test_store_decide (&f->base, bea, 0, RMM_DECISION_KIND_RISK_RATING, "medium");   /* down */
  rmm_test_store_decide (&f->base, cal, 0, RMM_DECISION_KIND_RISK_RATING, "low");      /* first */
  rmm_test_store_at (&f->base, "2026-08-12T10:00:00Z");
  rmm_test_store_decide (&f->base, amy, 0, RMM_DECISION_KIND_RISK_RATING, "high");  /* unchanged */
  rmm_test_store_decide (&f->base, cal, 0, RMM_DECISION_KIND_CLOSURE, "closed");
  /* After the quarter: not counted, and not the standing rating at its end. */
  rmm_test_store_at (&f->base, "2026-10-07T10:00:00Z");
  rmm_test_store_decide (&f->base, bea, 0, RMM_DECISION_KIND_RISK_RATING, "low");

  figures = read_quarter (f);
  g_assert_cmpfloat (value_of (figures, "ratings-confirmed", "all"), ==, 4);
  g_assert_cmpfloat (value_of (figures, "rating-movements", "up"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "rating-movements", "down"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "rating-movements", "first rating"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "rating-movements", "unchanged"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "closures", "all"), ==, 1);
  /* At the end: amy high, bea medium; cal's case closed. */
  g_assert_cmpfloat (value_of (figures, "children-rated-at-end", "all"), ==, 2);
  g_assert_cmpfloat (value_of (figures, "ratings-at-end", "High"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "ratings-at-end", "Medium"), ==, 1);
  /* The list on the quarter's first day: amy and bea; on its last: the same two. */
  g_assert_cmpfloat (value_of (figures, "cse-list", "2026-07-01"), ==, 2);
  g_assert_cmpfloat (value_of (figures, "cse-list", "2026-09-30"), ==, 2);
}

/* The whole history is kept between readings while the record stands: a rating confirmed
 * after one reading is in the next, and another area's children are in neither area's. */
static void
test_ratings_follow_the_record (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) other_area = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dee = add_child (f, "FIG-4", "Tresilian", "2011-05-05", "female", FALSE);
  gint64 eli = add_child (f, "FIG-5", "Ufford", "2012-01-09", "male", FALSE);
  gint64 elsewhere = rmm_store_add_area (f->base.store, "Eastmere", "surrey-3-level", &error);
  GDate from, to;

  g_assert_no_error (error);
  rmm_test_store_at (&f->base, "2026-07-20T10:00:00Z");
  rmm_test_store_decide (&f->base, dee, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  before = read_quarter (f);
  g_assert_cmpfloat (value_of (before, "ratings-confirmed", "all"), ==, 1);
  g_assert_cmpfloat (value_of (before, "cse-list", "2026-09-30"), ==, 1);

  rmm_test_store_at (&f->base, "2026-08-03T10:00:00Z");
  rmm_test_store_decide (&f->base, eli, 0, RMM_DECISION_KIND_RISK_RATING, "high");
  after = read_quarter (f);
  g_assert_cmpfloat (value_of (after, "ratings-confirmed", "all"), ==, 2);
  g_assert_cmpfloat (value_of (after, "cse-list", "2026-09-30"), ==, 2);
  g_assert_cmpfloat (value_of (after, "cse-list", "2026-07-01"), ==, 0);

  g_assert_true (rmm_date_parse ("2026-07-01", &from));
  g_assert_true (rmm_date_parse ("2026-09-30", &to));
  other_area = rmm_store_read_figures (f->base.store, &from, &to, elsewhere, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (other_area, "ratings-confirmed", "all"), ==, 0);
  g_assert_cmpfloat (value_of (other_area, "cse-list", "2026-09-30"), ==, 0);
}

static void
went_missing (Fixture    *f,
              gint64      child,
              const char *started)
{
  g_autoptr(GError) error = NULL;
  RmmMissingEpisodeInput input = { .child_id = child, .started_at = started };

  g_assert_cmpint (rmm_store_add_missing_episode (f->base.store, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* Missing episodes of children with a confirmed rating by then, by UK month: one before
 * the child was rated, one of a child never rated, and those outside the quarter (its last
 * evening in UK summer time is already October in UTC's eyes the other way) not counted. */
static void
test_missing_episodes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  gint64 rated = add_child (f, "FIG-8", "Varley", "2011-04-04", "female", FALSE);
  gint64 late = add_child (f, "FIG-9", "Wexcombe", "2012-06-06", "male", FALSE);
  gint64 never = add_child (f, "FIG-10", "Yarrow", "2010-10-10", "female", FALSE);

  rmm_test_store_at (&f->base, "2026-06-10T10:00:00Z");
  rmm_test_store_decide (&f->base, rated, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  rmm_test_store_at (&f->base, "2026-08-01T10:00:00Z");
  rmm_test_store_decide (&f->base, late, 0, RMM_DECISION_KIND_RISK_RATING, "high");
  rmm_test_store_at (&f->base, "2026-10-02T10:00:00Z");
  went_missing (f, rated, "2026-06-20T21:00:00Z");   /* before the quarter */
  went_missing (f, rated, "2026-06-30T23:30:00Z");   /* 1 July, 00:30 in the UK */
  went_missing (f, rated, "2026-08-20T19:00:00Z");
  went_missing (f, late, "2026-07-20T19:00:00Z");    /* before their rating */
  went_missing (f, late, "2026-09-05T19:00:00Z");
  went_missing (f, never, "2026-08-21T19:00:00Z");   /* never rated */
  went_missing (f, rated, "2026-09-30T23:30:00Z");   /* 1 October in the UK */

  figures = read_quarter (f);
  g_assert_cmpfloat (value_of (figures, "missing-episodes", "2026-07"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "missing-episodes", "2026-08"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "missing-episodes", "2026-09"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "missing-episodes", "2026-06"), ==, 0);
  g_assert_cmpfloat (value_of (figures, "missing-episodes", "2026-10"), ==, 0);
}

/* A plan version agreed at @at, at a meeting of that day. */
static void
agree_plan (Fixture    *f,
            gint64      child,
            const char *at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_strndup (at, 10);
  g_autofree char *review = NULL;
  gint64 meeting;
  RmmPlanInput input = { .child_id = child, .risks = "Seen with older adults." };
  GDate review_day;

  g_assert_true (rmm_date_parse (day, &review_day));
  g_date_add_days (&review_day, 28);
  input.review_on = review = rmm_date_format (&review_day);

  rmm_test_store_at (&f->base, at);
  meeting = rmm_store_add_meeting (f->base.store, f->base.area, day, f->base.chair1,
                                   f->base.chair2, 0, &error);
  g_assert_no_error (error);
  input.meeting_id = meeting;
  g_assert_cmpint (rmm_store_save_plan_version (f->base.store, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* The child's current plan version sent to their network at @at. */
static void
circulate (Fixture    *f,
           gint64      child,
           const char *at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;

  rmm_test_store_at (&f->base, at);
  circulation = rmm_store_plan_circulation (f->base.store, child, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_no_error (error);
}

/* Plans circulated within 2 working days of their agreement: across the August bank
 * holiday, late, not yet due at the quarter's end; a version agreed before it not counted. */
static void
test_plans_circulated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  gint64 child = add_child (f, "FIG-7", "Upcott", "2011-02-03", "female", FALSE);
  RmmNetworkMemberInput family = { .child_id = child, .role = "family",
                                   .name = "Pat Upcott", .email = "pat@testshire.example" };

  g_assert_true (rmm_store_allow_domain (f->base.store, "testshire.example", &error));
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &family, &error), >, 0);
  g_assert_no_error (error);
  /* 30 June, 23:30 in the UK: before the quarter. */
  agree_plan (f, child, "2026-06-30T22:30:00Z");
  circulate (f, child, "2026-07-06T09:00:00Z");
  /* Friday 28 August; Monday 31st is a bank holiday: due Wednesday 2 September. */
  agree_plan (f, child, "2026-08-28T10:00:00Z");
  circulate (f, child, "2026-09-02T15:00:00Z");
  /* Monday 7 September: due Wednesday 9th, sent Thursday 10th. */
  agree_plan (f, child, "2026-09-07T09:00:00Z");
  circulate (f, child, "2026-09-10T09:00:00Z");
  /* Tuesday 29 September: due Thursday 1 October, after the quarter. */
  agree_plan (f, child, "2026-09-29T09:00:00Z");

  figures = read_quarter (f);
  g_assert_cmpfloat (value_of (figures, "plans-agreed", "all"), ==, 3);
  g_assert_cmpfloat (value_of (figures, "plans-circulated-2-working-days", "on time"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "plans-circulated-2-working-days", "late"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "plans-circulated-2-working-days", "not yet due"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "plans-circulated-2-working-days-rate", "all"), ==, 50);
  /* Each is 1 of a few: hidden for the board, and the rate with them. */
  rmm_figures_suppress (figures);
  g_assert_true (hidden (figures, "plans-agreed", "all"));
  g_assert_true (hidden (figures, "plans-circulated-2-working-days-rate", "all"));
}

static GPtrArray *
read_period (Fixture    *f,
             const char *first,
             const char *last)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *figures;
  GDate from, to;

  g_assert_true (rmm_date_parse (first, &from));
  g_assert_true (rmm_date_parse (last, &to));
  figures = rmm_store_read_figures (f->base.store, &from, &to, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static void
assert_same_figures (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      RmmFigure *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->measure, ==, y->measure);
      g_assert_cmpstr (x->category, ==, y->category);
      g_assert_cmpfloat (x->value, ==, y->value);
    }
}

/* A report reads one period's plan versions and missing episodes; the Oversight view, going
 * from one period to the next, reads them all once: a period's figures are the same either
 * way, to the edges of its last day in the UK (a plan agreed and an episode begun late on
 * 30 June, summer time; another episode in the first UK hour of 1 July). */
static void
test_one_period_or_many (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) alone = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 child = add_child (f, "FIG-11", "Zennor", "2011-03-03", "female", FALSE);
  RmmNetworkMemberInput family = { .child_id = child, .role = "family",
                                   .name = "Pat Zennor", .email = "pat@testshire.example" };

  g_assert_true (rmm_store_allow_domain (f->base.store, "testshire.example", &error));
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &family, &error), >, 0);
  g_assert_no_error (error);
  rmm_test_store_at (&f->base, "2026-06-10T10:00:00Z");
  rmm_test_store_decide (&f->base, child, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  agree_plan (f, child, "2026-06-30T22:30:00Z");
  circulate (f, child, "2026-07-01T09:00:00Z");
  agree_plan (f, child, "2026-08-28T10:00:00Z");
  rmm_test_store_at (&f->base, "2026-10-02T10:00:00Z");
  went_missing (f, child, "2026-06-20T21:00:00Z");
  went_missing (f, child, "2026-06-30T22:45:00Z");   /* 30 June, 23:45 in the UK */
  went_missing (f, child, "2026-06-30T23:15:00Z");   /* 1 July, 00:15 in the UK */
  went_missing (f, child, "2026-08-20T19:00:00Z");
  rmm_test_store_at (&f->base, "2026-11-30T12:00:00Z");

  alone = read_period (f, "2026-04-01", "2026-06-30");
  after = read_period (f, "2026-07-01", "2026-09-30");
  again = read_period (f, "2026-04-01", "2026-06-30");
  assert_same_figures (alone, again);
  g_assert_cmpfloat (value_of (alone, "plans-agreed", "all"), ==, 1);
  g_assert_cmpfloat (value_of (alone, "plans-circulated-2-working-days", "on time"), ==, 1);
  g_assert_cmpfloat (value_of (alone, "missing-episodes", "2026-06"), ==, 2);
  g_assert_cmpfloat (value_of (alone, "missing-episodes", "2026-07"), ==, 0);
  g_assert_cmpfloat (value_of (after, "plans-agreed", "all"), ==, 1);
  g_assert_cmpfloat (value_of (after, "missing-episodes", "2026-07"), ==, 1);
  g_assert_cmpfloat (value_of (after, "missing-episodes", "2026-08"), ==, 1);
}

/* A time kept in another form the record takes (an import keeps "2026-08-24 08:00:00Z" as
 * it came) counts as the same time: the child's age, the assessment's deadline. */
static void
test_times_as_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  gint64 child = add_child (f, "FIG-12", "Abbotsley", "2011-03-15", "female", FALSE);
  gint64 referral = refer (f, child, f->police, "2026-08-24 08:00:00Z",
                           "2026-08-24T12:00:00Z", "assessment-required");

  assess (f, child, referral, "2026-08-25", "2026-09-03");
  figures = read_quarter (f);
  g_assert_cmpfloat (value_of (figures, "referrals-received", "all"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "children-by-age", "14-15"), ==, 1);
  g_assert_cmpfloat (value_of (figures, "children-by-age", "not recorded"), ==, 0);
  g_assert_cmpfloat (value_of (figures, "assessments-7-working-days", "on time"), ==, 1);
}

/* A quarter with nothing in it: every count 0, shown as 0; no rate or median of nothing. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = read_quarter (f);

  rmm_figures_suppress (figures);
  g_assert_cmpfloat (value_of (figures, "referrals-received", "all"), ==, 0);
  g_assert_false (hidden (figures, "referrals-received", "all"));
  g_assert_false (hidden (figures, "meetings-held", "all"));
  g_assert_null (rmm_figures_find (figures, "repeat-rate", "all"));
  g_assert_null (rmm_figures_find (figures, "decision-delay-hours", "median"));
}

/* Suppression on its own: primary (1 to 4), secondary (one hidden cell of a total), rates
 * whose part or rest is small. */
static void
test_suppression (void)
{
  g_autoptr(GPtrArray) figures = rmm_figures_new ();
  g_autofree char *small = NULL;

  rmm_figures_add (figures, "referrals-received", "all", RMM_FIGURE_COUNT, 30);
  rmm_figures_add (figures, "referrals-by-route", "lead-professional", RMM_FIGURE_COUNT, 3);
  rmm_figures_add (figures, "referrals-by-route", "single-point-of-access", RMM_FIGURE_COUNT, 27);
  rmm_figures_add (figures, "referrals-by-agency", "A", RMM_FIGURE_COUNT, 2);
  rmm_figures_add (figures, "referrals-by-agency", "B", RMM_FIGURE_COUNT, 4);
  rmm_figures_add (figures, "referrals-by-agency", "C", RMM_FIGURE_COUNT, 24);
  rmm_figures_add (figures, "referrals-by-agency", "D", RMM_FIGURE_COUNT, 0);
  rmm_figures_add_percent (figures, "repeat-rate", "all", 27, 30);   /* the rest is 3 */
  rmm_figures_add_percent (figures, "decisions-24-hours-rate", "all", 15, 30);
  rmm_figures_suppress (figures);

  g_assert_false (hidden (figures, "referrals-received", "all"));
  /* One hidden route: the other (the only one left) hidden too. */
  g_assert_true (hidden (figures, "referrals-by-route", "lead-professional"));
  g_assert_true (hidden (figures, "referrals-by-route", "single-point-of-access"));
  /* Two hidden agencies: their sum is known, each is not; 0 is shown. */
  g_assert_true (hidden (figures, "referrals-by-agency", "A"));
  g_assert_true (hidden (figures, "referrals-by-agency", "B"));
  g_assert_false (hidden (figures, "referrals-by-agency", "C"));
  g_assert_false (hidden (figures, "referrals-by-agency", "D"));
  g_assert_true (hidden (figures, "repeat-rate", "all"));
  g_assert_false (hidden (figures, "decisions-24-hours-rate", "all"));

  /* A typed name is text to the analyst's spreadsheet, never a formula. */
  {
    g_autoptr(GPtrArray) typed = rmm_figures_new ();
    g_autofree char *csv = NULL;

    rmm_figures_add (typed, "referrals-by-agency", "=HYPERLINK(\"x\")", RMM_FIGURE_COUNT, 9);
    csv = rmm_figures_to_csv (typed, "all", "2026-07-01/2026-09-30");
    g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"x\"\")\""));
  }
  small = rmm_figure_format_value (rmm_figures_find (figures, "referrals-by-agency", "A"));
  g_assert_cmpstr (small, ==, "fewer than 5");
  /* 27, hidden so that the 3 beside it cannot be worked out, is not "fewer than 5". */
  g_free (small);
  small = rmm_figure_format_value (rmm_figures_find (figures, "referrals-by-route",
                                                     "single-point-of-access"));
  g_assert_cmpstr (small, ==, "hidden");
}

/* What the hostile review worked out from totals, hidden now: one agency's actions of an
 * outcome from that outcome's total, and a deadline's late count from its rate. */
static void
test_suppression_across_measures (void)
{
  g_autoptr(GPtrArray) figures = rmm_figures_new ();

  rmm_figures_add (figures, "actions-due", "not-done-agency", RMM_FIGURE_COUNT, 100);
  rmm_figures_add (figures, "actions-by-agency", "Police: not-done-agency", RMM_FIGURE_COUNT, 60);
  rmm_figures_add (figures, "actions-by-agency", "Health: not-done-agency", RMM_FIGURE_COUNT, 36);
  rmm_figures_add (figures, "actions-by-agency", "School: not-done-agency", RMM_FIGURE_COUNT, 4);
  rmm_figures_add (figures, "actions-by-agency", "School: done", RMM_FIGURE_COUNT, 9);
  rmm_figures_add (figures, "assessments-required", "all", RMM_FIGURE_COUNT, 161);
  rmm_figures_add (figures, "assessments-7-working-days", "on time", RMM_FIGURE_COUNT, 145);
  rmm_figures_add (figures, "assessments-7-working-days", "late", RMM_FIGURE_COUNT, 13);
  rmm_figures_add (figures, "assessments-7-working-days", "not yet due", RMM_FIGURE_COUNT, 3);
  rmm_figures_add_percent (figures, "assessments-7-working-days-rate", "all", 145, 158);
  rmm_figures_suppress (figures);

  g_assert_true (hidden (figures, "actions-by-agency", "School: not-done-agency"));
  g_assert_true (hidden (figures, "actions-by-agency", "Health: not-done-agency"));
  g_assert_false (hidden (figures, "actions-by-agency", "Police: not-done-agency"));
  g_assert_false (hidden (figures, "actions-by-agency", "School: done"));
  g_assert_true (hidden (figures, "assessments-7-working-days", "not yet due"));
  g_assert_true (hidden (figures, "assessments-7-working-days", "late"));
  g_assert_true (hidden (figures, "assessments-7-working-days-rate", "all"));
}

/* Published for the board: what the report gives, kept whole, a hidden figure's value not
 * kept at all; read back as it was; in the audit trail (check passes); never for a period
 * still to come. A set altered by hand is refused whole. */
static void
test_published (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *kept = NULL, *expected = NULL, *again = NULL;
  g_autofree char *published = NULL;
  gint64 amy = add_child (f, "FIG-1", "Quennell", "2012-08-01", "female", TRUE);
  GDate from, to, next_year;
  gint64 id;

  for (int i = 0; i < 3; i++)
    refer (f, amy, f->police, "2026-07-10T10:00:00Z", "2026-07-10T11:00:00Z", "signposted");
  g_assert_true (rmm_date_parse ("2026-07-01", &from));
  g_assert_true (rmm_date_parse ("2026-09-30", &to));
  rmm_test_store_at (&f->base, "2026-11-30T12:00:00Z");
  figures = rmm_store_read_board_figures (f->base.store, &from, &to, 0, &published, &error);
  g_assert_no_error (error);
  g_assert_null (published);      /* worked out from the record, not read as published */
  g_assert_true (hidden (figures, "referrals-received", "all"));

  g_assert_null (rmm_store_why_not_publish (f->base.store, 0));
  id = rmm_store_publish_figures (f->base.store, &from, &to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  kept = rmm_store_query_text (f->base.store, "SELECT figures FROM board_figures WHERE id = ?",
                               "set", id, &error);
  g_assert_no_error (error);
  expected = rmm_figures_to_published (figures);
  g_assert_cmpstr (kept, ==, expected);
  /* Three referrals: the count is not kept, only that it is hidden. */
  g_assert_nonnull (strstr (kept, "('referrals-received', 'all', 0, 0.0, 0, 0, true, false)"));
  back = rmm_figures_from_published (kept, &error);
  g_assert_no_error (error);
  again = rmm_figures_to_csv (back, "all", "q");
  text = rmm_figures_to_csv (figures, "all", "q");
  g_assert_cmpstr (again, ==, text);
  g_assert_true (rmm_store_check (f->base.store, NULL, &error));
  g_assert_no_error (error);

  g_date_clear (&next_year, 1);
  rmm_date_set_today (&next_year);
  g_date_add_years (&next_year, 1);
  g_assert_cmpint (rmm_store_publish_figures (f->base.store, &from, &next_year, 0, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rmm_figures_from_published ("[('referrals-received', 'all', 7, 1.0, "
                                             "uint32 0, uint32 0, false, false)]", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rmm_figures_from_published ("[('referrals-received', 'all'", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/figures/referrals", test_referrals);
  ADD ("/figures/ratings", test_ratings);
  ADD ("/figures/ratings-follow-the-record", test_ratings_follow_the_record);
  ADD ("/figures/missing-episodes", test_missing_episodes);
  ADD ("/figures/empty-period", test_empty_period);
  ADD ("/figures/plans-circulated", test_plans_circulated);
  ADD ("/figures/one-period-or-many", test_one_period_or_many);
  ADD ("/figures/times-as-kept", test_times_as_kept);
  ADD ("/figures/published", test_published);
#undef ADD
  g_test_add_func ("/figures/suppression", test_suppression);
  g_test_add_func ("/figures/suppression-across-measures", test_suppression_across_measures);

  return g_test_run ();
}
