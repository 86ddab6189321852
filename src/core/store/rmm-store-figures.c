/* rmm-store-figures.c: the safeguarding board's figures, counted from the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is whole UK days, from its first to its last; a time stored in UTC belongs to the
 * UK day it fell on. Deadlines are the procedure's: the screening decision within 24 hours
 * of the referral (decided when the referral was recorded with its outcome, the time its
 * audit event holds), the assessment within 7 working days of the day it was received (bank
 * holidays are not working days). One not met by the end of the period (or now, if that is
 * earlier) and not yet met is late; one not yet due then is counted as such. Figures are
 * counted here and hidden where small by rmm_figures_suppress (): nothing here reads a
 * child's name, reference or date of birth into a figure (the age band only).
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-figures.h"
#include "rmm-framework.h"
#include "rmm-store-figures.h"
#include "rmm-store-figures-history-private.h"
#include "rmm-store-private.h"
#include "rmm-store-referrals.h"
#include "rmm-working-calendar.h"

#define DECISION_HOURS 24
#define ASSESSMENT_WORKING_DAYS 7
#define CIRCULATION_WORKING_DAYS 2

/* The period, in the forms the queries and the counting need. */
typedef struct
{
  RmmStore  *store;
  gint64     area_id;      /* 0: every area */
  GDate      from;
  GDate      to;
  char      *from_day;     /* 2026-07-01 */
  char      *to_day;       /* 2026-09-30 */
  char      *from_utc;     /* UK midnight starting the first day, in UTC */
  char      *end_utc;      /* UK midnight ending the last day, in UTC */
  char      *as_of;        /* the end, or now if earlier: what is late is late by then */
  GDate      as_of_day;    /* its UK day */
  gint64     from_time;    /* from_utc and end_utc as the history's times */
  gint64     end_time;
  GPtrArray *figures;
} Period;

static void
period_clear (Period *period)
{
  g_free (period->from_day);
  g_free (period->to_day);
  g_free (period->from_utc);
  g_free (period->end_utc);
  g_free (period->as_of);
}

/* A count per category, in the order first met. */
typedef struct
{
  GHashTable *counts;
  GPtrArray  *order;
} Tally;

static void
tally_init (Tally *tally)
{
  tally->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tally->order = g_ptr_array_new ();
}

static void
tally_add (Tally      *tally,
           const char *category)
{
  guint *count = g_hash_table_lookup (tally->counts, category);

  if (count == NULL)
    {
      char *copy = g_strdup (category);

      count = g_new0 (guint, 1);
      g_hash_table_insert (tally->counts, copy, count);
      g_ptr_array_add (tally->order, copy);
    }
  (*count)++;
}

static guint
tally_get (Tally      *tally,
           const char *category)
{
  guint *count = g_hash_table_lookup (tally->counts, category);

  return count ? *count : 0;
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* Each category's count as a figure of @measure, categories sorted; then the tally is gone. */
static void
tally_publish (Tally      *tally,
               Period     *period,
               const char *measure)
{
  g_ptr_array_sort (tally->order, compare_text);
  for (guint i = 0; i < tally->order->len; i++)
    {
      const char *category = g_ptr_array_index (tally->order, i);

      rmm_figures_add (period->figures, measure, category, RMM_FIGURE_COUNT,
                       tally_get (tally, category));
    }
  g_ptr_array_unref (tally->order);
  g_hash_table_unref (tally->counts);
}

/* The categories counted fewer than 5 times, put together as @other: a category is a name
 * someone typed (an agency named on an imported referral: "Parent, 12 Elm Road"), and a
 * small one's name, though its count is hidden, could itself say who the child is. */
static void
tally_group_small (Tally      *tally,
                   const char *other)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint grouped = 0;

  for (guint i = 0; i < tally->order->len; i++)
    {
      char *category = g_ptr_array_index (tally->order, i);
      guint count = tally_get (tally, category);

      if (count < RMM_FIGURES_SMALLEST_SHOWN && !g_str_equal (category, other))
        {
          grouped += count;
          g_hash_table_remove (tally->counts, category);
        }
      else
        g_ptr_array_add (order, category);
    }
  g_ptr_array_set_size (tally->order, 0);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (tally->order, g_ptr_array_index (order, i));
  for (guint i = 0; i < grouped; i++)
    tally_add (tally, other);
}

/* A child's gender as recorded, among the few the board counts: anything else typed there
 * (an import's free text) is counted as "other", never shown as typed. */
static const char *
gender_category (const char *gender)
{
  static const char * const known[] = { "female", "male", "non-binary", "other" };
  g_autofree char *copy = g_strdup (gender ? gender : "");
  g_autofree char *folded = g_utf8_strdown (g_strstrip (copy), -1);

  if (*folded == '\0')
    return "not recorded";
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (folded, known[i]))
      return known[i];
  return "other";
}

static void
add_count (Period     *period,
           const char *measure,
           guint       count)
{
  rmm_figures_add (period->figures, measure, "all", RMM_FIGURE_COUNT, count);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The median and the longest of @values (the cases' delays), as figures of @measure. */
static void
add_delays (Period     *period,
            const char *measure,
            GArray     *values)
{
  double *sorted = (double *)values->data;
  guint n = values->len;
  RmmFigure *figure;

  if (n == 0)
    return;
  g_array_sort (values, compare_double);
  figure = rmm_figures_add (period->figures, measure, "median", RMM_FIGURE_MEDIAN,
                            n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  figure->base = n;
  figure = rmm_figures_add (period->figures, measure, "longest", RMM_FIGURE_LONGEST,
                            sorted[n - 1]);
  figure->base = n;
}

/* The statement, prepared, with the area bound as ?1. */
static RmmDbStmt *
prepare (Period      *period,
         const char  *sql,
         GError     **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (period->store), sql, error);

  if (stmt != NULL)
    rmm_db_stmt_bind_int (stmt, 1, period->area_id);
  return stmt;
}

/* Whether the history's @time fell in the period (a UK day from the first to the last). */
static gboolean
in_period (Period *period,
           gint64  time)
{
  return time >= period->from_time && time < period->end_time;
}

static double
hours_between (const char *earlier,
               const char *later)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_iso8601 (earlier, NULL);
  g_autoptr(GDateTime) b = g_date_time_new_from_iso8601 (later, NULL);

  if (a == NULL || b == NULL)
    return 0;
  return g_date_time_difference (b, a) / (double)G_TIME_SPAN_HOUR;
}

/* Working days after @start up to and including @end (0 if @end is not after it). */
static guint
working_days_between (const GDate *start,
                      const GDate *end)
{
  RmmWorkingCalendar *calendar = rmm_working_calendar_get_default ();
  GDate day = *start;
  guint n = 0;

  while (g_date_compare (&day, end) < 0)
    {
      g_date_add_days (&day, 1);
      if (rmm_working_calendar_is_working_day (calendar, &day))
        n++;
    }
  return n;
}

static const char *
age_band (const char *born,
          const char *on)
{
  g_autoptr(GDate) day = rmm_date_from_time (on);
  GDate birth;
  guint age;

  if (day == NULL || !rmm_date_parse (born, &birth))
    return "not recorded";
  age = rmm_date_age_on (&birth, day);
  return age < 12 ? "under 12" : age < 14 ? "12-13" : age < 16 ? "14-15"
       : age < 18 ? "16-17" : "18 and over";
}

/* The 24-hour screening decision: "on time", "late", or "not yet due" by the period's end. */
static const char *
decision_timeliness (Period     *period,
                     const char *received_at,
                     const char *decided_at,
                     GArray     *delays)
{
  g_autoptr(GDateTime) received = g_date_time_new_from_iso8601 (received_at, NULL);
  g_autoptr(GDateTime) due_time = received ? g_date_time_add_hours (received, DECISION_HOURS)
                                           : NULL;
  g_autofree char *due = due_time ? g_date_time_format (due_time, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (due == NULL)
    return "not recorded";
  if (decided_at != NULL)
    {
      /* Recorded before the time given as received: decided at once. */
      double hours = MAX (0, hours_between (received_at, decided_at));

      g_array_append_val (delays, hours);
      return g_strcmp0 (decided_at, due) <= 0 ? "on time" : "late";
    }
  return g_strcmp0 (period->as_of, due) > 0 ? "late" : "not yet due";
}

/* The 7-working-day assessment of a referral that needs one, as above. */
static const char *
assessment_timeliness (Period     *period,
                       const char *received_at,
                       const char *completed_on,
                       GArray     *delays)
{
  g_autoptr(GDate) received = rmm_date_from_time (received_at);
  GDate due, completed;

  if (received == NULL || !g_date_valid (&period->as_of_day))
    return "not recorded";
  due = *received;
  rmm_working_calendar_add_working_days (rmm_working_calendar_get_default (), &due,
                                         ASSESSMENT_WORKING_DAYS);
  if (completed_on != NULL && rmm_date_parse (completed_on, &completed))
    {
      double days = working_days_between (received, &completed);

      g_array_append_val (delays, days);
      return g_date_compare (&completed, &due) <= 0 ? "on time" : "late";
    }
  return g_date_compare (&period->as_of_day, &due) > 0 ? "late" : "not yet due";
}

/* A plan version's circulation within 2 working days of its agreement, as above: by its
 * first copy sent, whoever it went to. */
static const char *
circulation_timeliness (Period *period,
                        gint64  agreed_at,
                        gint64  first_sent_at)
{
  GDate agreed, sent_day, due;
  const GDate *sent = NULL;

  rmm_date_set_uk_from_unix (&agreed, agreed_at);
  if (first_sent_at != RMM_FIGURES_NEVER)
    {
      rmm_date_set_uk_from_unix (&sent_day, first_sent_at);
      sent = g_date_valid (&sent_day) ? &sent_day : NULL;
    }
  if (!g_date_valid (&agreed) || !g_date_valid (&period->as_of_day))
    return "not recorded";
  due = agreed;
  rmm_working_calendar_add_working_days (rmm_working_calendar_get_default (), &due,
                                         CIRCULATION_WORKING_DAYS);
  if (sent != NULL)
    return g_date_compare (sent, &due) <= 0 ? "on time" : "late";
  return g_date_compare (&period->as_of_day, &due) > 0 ? "late" : "not yet due";
}

/* Whether a row of @area_id is one the period counts. */
static gboolean
in_area (Period *period,
         gint64  area_id)
{
  return period->area_id == 0 || area_id == period->area_id;
}

/* Referrals received in the period: by agency and route, screened out, repeats, the two
 * deadlines, and who the children are (the child's area and who they are from the
 * history: joined here, each was a search of the children). */
static gboolean
count_referrals (Period             *period,
                 RmmFiguresHistory  *history,
                 GError            **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (period->store),
    "SELECT r.child_id, r.received_at, r.route, coalesce (g.name, ''), r.screening_outcome, "
    "       CASE WHEN r.screening_outcome <> 'pending' THEN coalesce (r.decided_at, "
    "         (SELECT min (e.at) FROM audit_event e WHERE e.entity = 'referral' "
    "          AND e.entity_id = r.id AND e.action = 'create')) END, "
    "       (SELECT max (p.received_at) FROM referral p "
    "        WHERE p.child_id = r.child_id AND p.received_at < r.received_at), "
    "       (SELECT min (s.completed_on) FROM assessment s "
    "        WHERE s.child_id = r.child_id AND s.referral_id = r.id) "
    "FROM referral r LEFT JOIN agency g ON g.id = r.referrer_agency_id "
    "WHERE r.received_at >= ?1 AND r.received_at < ?2 ORDER BY r.received_at, r.id", error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GArray) decision_delays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) assessment_delays = g_array_new (FALSE, FALSE, sizeof (double));
  Tally agencies, routes, decisions, assessments, ages, genders, looked_after;
  guint received = 0, screened_out = 0, repeats = 0, required = 0;
  guint decided_on_time, decided_due, assessed_on_time, assessed_due;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, period->from_utc);
  rmm_db_stmt_bind_text (stmt, 2, period->end_utc);
  tally_init (&agencies);
  tally_init (&routes);
  tally_init (&decisions);
  tally_init (&assessments);
  tally_init (&ages);
  tally_init (&genders);
  tally_init (&looked_after);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      gint64 child_id = rmm_db_stmt_get_int (stmt, 0);
      const char *received_at = rmm_db_stmt_get_text (stmt, 1);
      const char *agency = rmm_db_stmt_get_text (stmt, 3);
      const char *outcome = rmm_db_stmt_get_text (stmt, 4);
      const RmmChildFacts *child = rmm_figures_history_find_child (history, child_id);

      if (child == NULL || !in_area (period, child->area_id))
        continue;
      received++;
      tally_add (&agencies, *agency ? agency : "not recorded");
      tally_add (&routes, rmm_db_stmt_get_text (stmt, 2));
      if (g_str_equal (outcome, "no-further-action") || g_str_equal (outcome, "signposted"))
        screened_out++;
      if (rmm_store_is_repeat_referral (rmm_db_stmt_get_text (stmt, 6), received_at))
        repeats++;
      tally_add (&decisions, decision_timeliness (period, received_at,
                                                  rmm_db_stmt_get_text (stmt, 5),
                                                  decision_delays));
      if (g_str_equal (outcome, "assessment-required"))
        {
          required++;
          tally_add (&assessments, assessment_timeliness (period, received_at,
                                                          rmm_db_stmt_get_text (stmt, 7),
                                                          assessment_delays));
        }
      /* Who the children are: each child once, at their first referral in the period. */
      if (!g_hash_table_contains (children, &child_id))
        {
          g_hash_table_add (children, g_memdup2 (&child_id, sizeof child_id));
          tally_add (&ages, age_band (child->date_of_birth, received_at));
          tally_add (&genders, gender_category (child->gender));
          tally_add (&looked_after, child->looked_after ? "looked after" : "not looked after");
        }
    }

  decided_on_time = tally_get (&decisions, "on time");
  decided_due = decided_on_time + tally_get (&decisions, "late");
  assessed_on_time = tally_get (&assessments, "on time");
  assessed_due = assessed_on_time + tally_get (&assessments, "late");

  add_count (period, "referrals-received", received);
  tally_group_small (&agencies, _("Other agencies"));
  tally_publish (&agencies, period, "referrals-by-agency");
  tally_publish (&routes, period, "referrals-by-route");
  add_count (period, "referrals-screened-out", screened_out);
  add_count (period, "repeat-referrals", repeats);
  rmm_figures_add_percent (period->figures, "repeat-rate", "all", repeats, received);
  tally_publish (&decisions, period, "decisions-24-hours");
  rmm_figures_add_percent (period->figures, "decisions-24-hours-rate", "all", decided_on_time,
                           decided_due);
  add_delays (period, "decision-delay-hours", decision_delays);
  add_count (period, "assessments-required", required);
  tally_publish (&assessments, period, "assessments-7-working-days");
  rmm_figures_add_percent (period->figures, "assessments-7-working-days-rate", "all",
                           assessed_on_time, assessed_due);
  add_delays (period, "assessment-delay-working-days", assessment_delays);
  add_count (period, "children-referred", g_hash_table_size (children));
  tally_publish (&ages, period, "children-by-age");
  tally_publish (&genders, period, "children-by-gender");
  tally_publish (&looked_after, period, "children-looked-after");
  /* The tallies are published (and freed) either way; on failure the caller drops them. */
  return rmm_figures_read_ended (&local_error, error);
}

/* The one number @sql counts, with the area as ?1 and @first and @second as ?2 and ?3. */
static gboolean
count_one (Period      *period,
           const char  *measure,
           const char  *sql,
           const char  *first,
           const char  *second,
           GError     **error)
{
  RmmDbStmt *stmt = prepare (period, sql, error);
  g_autoptr(GError) local_error = NULL;
  gboolean read;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 2, first);
  rmm_db_stmt_bind_text (stmt, 3, second);
  read = rmm_db_stmt_step (stmt, &local_error);
  add_count (period, measure, read ? (guint)rmm_db_stmt_get_int (stmt, 0) : 0);
  rmm_db_stmt_reset (stmt);
  return rmm_figures_read_ended (&local_error, error);
}

/* Decisions proposed in the period with a chair's dissent, and those escalated. */
static void
count_disputes (Period            *period,
                RmmFiguresHistory *history)
{
  guint disputes = 0, escalations = 0;

  for (guint i = 0; i < history->disputes->len; i++)
    {
      const RmmDisputeStanding *dispute = &g_array_index (history->disputes,
                                                          RmmDisputeStanding, i);

      if (in_area (period, dispute->area_id) && in_period (period, dispute->proposed_at))
        {
          disputes += dispute->dissent;
          escalations += dispute->escalated;
        }
    }
  add_count (period, "disputes", disputes);
  add_count (period, "escalations", escalations);
}

/* Plain counts of what happened in the period. A concern that names no child belongs to no
 * area: counted for all areas only. */
static gboolean
count_events (Period             *period,
              RmmFiguresHistory  *history,
              GError            **error)
{
  const char *first = period->from_day, *last = period->to_day;

  if (!count_one (period, "concerns-not-referred",
                  "SELECT count (*) FROM concern_not_referred n "
                  "LEFT JOIN child c ON c.id = n.child_id WHERE (?1 = 0 OR c.area_id = ?1) "
                  "AND n.recorded_at >= ?2 AND n.recorded_at < ?3", period->from_utc,
                  period->end_utc, error))
    return FALSE;
  count_disputes (period, history);
  return count_one (period, "transitions-started",
                    "SELECT count (*) FROM transition t JOIN child c ON c.id = t.child_id "
                    "WHERE (?1 = 0 OR c.area_id = ?1) AND t.planning_started_on >= ?2 "
                    "AND t.planning_started_on <= ?3", first, last, error) &&
         count_one (period, "adult-packages",
                    "SELECT count (*) FROM transition t JOIN child c ON c.id = t.child_id "
                    "WHERE (?1 = 0 OR c.area_id = ?1) AND t.adult_package_agreed_on >= ?2 "
                    "AND t.adult_package_agreed_on <= ?3", first, last, error) &&
         count_one (period, "s42-referrals",
                    "SELECT count (*) FROM transition t JOIN child c ON c.id = t.child_id "
                    "WHERE (?1 = 0 OR c.area_id = ?1) AND t.s42_referral_on >= ?2 "
                    "AND t.s42_referral_on <= ?3", first, last, error);
}

/* Whether the child was on the CSE list at @until, as rmm_store_list_cse () has it: their
 * newest rating proposed by then and not yet superseded, at a level of the list, and none of
 * their closures confirmed between it and then. @reach is how many entries were proposed by
 * an earlier @until (0 at first): the untils come in order, so each is read on from where
 * the one before stopped, and the rating found from the newest back (it is nearly always the
 * newest), which keeps a year of weeks over 20,000 children's histories quick. */
static gboolean
listed_at (const RmmChildStanding *child,
           gint64                  until,
           guint                  *reach)
{
  const RmmStanding *rating = NULL;
  const RmmRiskLevel *level;

  while (*reach < child->n_entries && child->entries[*reach]->proposed_at <= until)
    (*reach)++;
  for (guint i = *reach; i > 0 && rating == NULL; i--)
    {
      const RmmStanding *entry = child->entries[i - 1];

      if (!entry->closure && entry->superseded_at > until)
        rating = entry;
    }
  if (rating == NULL || child->framework == NULL ||
      !(level = rmm_framework_find_level (child->framework, rating->value)) ||
      !level->cse_list)
    return FALSE;
  for (guint i = 0; i < child->n_closures; i++)
    {
      const RmmStanding *closure = child->closures[i];

      if (closure->confirmed_at >= rating->proposed_at && closure->confirmed_at <= until)
        return FALSE;
    }
  return TRUE;
}

/* What the period did to the child's ratings, in the order they were confirmed: each rating
 * confirmed in it against the child's previous one, each closure; and the rating standing at
 * its end (the newest confirmed by then, unless a closure confirmed after it). */
typedef struct
{
  Tally  movements;
  Tally  levels;
  guint  confirmed;
  guint  rated;
  guint  closures;
  guint  onward;
} Ratings;

static void
count_child_ratings (Period                 *period,
                     const RmmChildStanding *child,
                     Ratings                *ratings)
{
  RmmFramework *framework = child->framework;
  const char *previous = NULL;

  for (guint i = 0; i < child->n_entries; i++)
    {
      const RmmStanding *entry = child->by_confirmed[i];
      gboolean now = in_period (period, entry->confirmed_at);

      if (entry->confirmed_at >= period->end_time)
        break;
      if (entry->closure)
        {
          previous = NULL;
          ratings->closures += now;
          ratings->onward += now && entry->onward;
          continue;
        }
      if (now)
        {
          int change = previous && framework
                         ? rmm_framework_compare (framework, entry->value, previous) : 0;

          ratings->confirmed++;
          tally_add (&ratings->movements, previous == NULL ? "first rating"
                                          : change > 0 ? "up" : change < 0 ? "down"
                                          : "unchanged");
        }
      previous = entry->value;
    }
  if (previous != NULL)
    {
      const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework, previous)
                                            : NULL;

      tally_add (&ratings->levels, level ? level->label : previous);
      ratings->rated++;
    }
}

/* The days the list is counted on: the period's first, then every 7 days, and its last. */
static GPtrArray *
list_days (Period *period)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);
  GDate day = period->from;

  while (g_date_compare (&day, &period->to) < 0)
    {
      g_ptr_array_add (days, rmm_date_format (&day));
      g_date_add_days (&day, 7);
    }
  g_ptr_array_add (days, rmm_date_format (&period->to));
  return days;
}

/* Ratings confirmed and standing, closures, and the CSE list week by week, from every
 * child's confirmed ratings and closures (read once while the record stands). */
static void
count_ratings_and_list (Period            *period,
                        RmmFiguresHistory *history)
{
  g_autoptr(GPtrArray) days = list_days (period);
  g_autofree gint64 *untils = g_new0 (gint64, days->len);
  g_autofree guint *listed = g_new0 (guint, days->len);
  Ratings ratings = { 0 };

  tally_init (&ratings.movements);
  tally_init (&ratings.levels);
  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *until = g_strconcat (g_ptr_array_index (days, i), "T23:59:59Z", NULL);

      rmm_time_read_unix (until, &untils[i]);
    }
  for (guint c = 0; c < history->children->len; c++)
    {
      const RmmChildStanding *child = &g_array_index (history->children, RmmChildStanding, c);
      guint reach = 0;

      if (period->area_id != 0 && child->area_id != period->area_id)
        continue;
      for (guint i = 0; i < days->len; i++)
        listed[i] += listed_at (child, untils[i], &reach);
      count_child_ratings (period, child, &ratings);
    }
  add_count (period, "children-rated-at-end", ratings.rated);
  tally_publish (&ratings.levels, period, "ratings-at-end");
  add_count (period, "ratings-confirmed", ratings.confirmed);
  tally_publish (&ratings.movements, period, "rating-movements");
  add_count (period, "closures", ratings.closures);
  add_count (period, "closures-onward", ratings.onward);
  for (guint i = 0; i < days->len; i++)
    rmm_figures_add (period->figures, "cse-list", g_ptr_array_index (days, i), RMM_FIGURE_COUNT,
                     listed[i]);
}

/* Triggers raised in the period by rule; responses confirmed in it, convened or not, and
 * the section 47 enquiries they started; triggers still without a confirmed response at the
 * end. */
static void
count_triggers (Period            *period,
                RmmFiguresHistory *history)
{
  guint raised = 0, open = 0, section47 = 0;
  Tally rules, responses;

  tally_init (&rules);
  tally_init (&responses);
  for (guint i = 0; i < history->triggers->len; i++)
    {
      const RmmTriggerStanding *trigger = &g_array_index (history->triggers,
                                                          RmmTriggerStanding, i);
      gint64 confirmed = trigger->confirmed_at;

      if ((period->area_id != 0 && trigger->area_id != period->area_id) ||
          trigger->raised_at >= period->end_time)
        continue;
      if (in_period (period, trigger->raised_at))
        {
          raised++;
          tally_add (&rules, trigger->rule_id);
        }
      if (confirmed >= period->end_time)
        open++;
      else if (in_period (period, confirmed))
        {
          tally_add (&responses, trigger->convened ? "convened" : "not convened");
          if (trigger->convened && trigger->section47)
            section47++;
        }
    }
  add_count (period, "triggers-raised", raised);
  tally_publish (&rules, period, "triggers-by-rule");
  tally_publish (&responses, period, "trigger-responses");
  add_count (period, "triggers-open-at-end", open);
  add_count (period, "section-47", section47);
}

/* Missing episodes that started in the period, by UK month, of children with a confirmed
 * rating by then (on the list's side of the meeting): whether they were rated is the
 * history's, rather than a search of the decisions for each episode. */
static void
count_missing (Period            *period,
               RmmFiguresHistory *history)
{
  Tally months;

  tally_init (&months);
  for (guint i = 0; i < history->episodes->len; i++)
    {
      const RmmEpisodeStanding *episode = &g_array_index (history->episodes,
                                                          RmmEpisodeStanding, i);
      const RmmChildStanding *child;
      char month[16] = "not recorded";
      GDate day;

      if (!in_area (period, episode->area_id) || !in_period (period, episode->started_at) ||
          !(child = g_hash_table_lookup (history->by_child, &episode->child_id)) ||
          child->first_rated_at > episode->started_at)
        continue;
      rmm_date_set_uk_from_unix (&day, episode->started_at);
      if (g_date_valid (&day))
        g_date_strftime (month, sizeof month, "%Y-%m", &day);
      tally_add (&months, month);
    }
  tally_publish (&months, period, "missing-episodes");
}

/* Plan actions due in the period, by what became of them, and by the agency whose action
 * it was ("Agency: outcome"); an agency with fewer than 5 actions is among "other
 * agencies" (as for referrals). */
static void
count_actions (Period            *period,
               RmmFiguresHistory *history)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  Tally outcomes, agencies, by_agency;

  tally_init (&outcomes);
  tally_init (&agencies);
  tally_init (&by_agency);
  for (guint i = 0; i < history->actions->len; i++)
    {
      const RmmActionStanding *action = &g_array_index (history->actions, RmmActionStanding, i);

      if (in_area (period, action->area_id) && action->due_on != NULL &&
          strcmp (action->due_on, period->from_day) >= 0 &&
          strcmp (action->due_on, period->to_day) <= 0)
        {
          g_ptr_array_add (due, (gpointer)action);
          tally_add (&agencies, action->agency ? action->agency : _("No agency named"));
        }
    }
  for (guint i = 0; i < due->len; i++)
    {
      const RmmActionStanding *action = g_ptr_array_index (due, i);
      const char *agency = action->agency ? action->agency : _("No agency named");
      g_autofree char *category = g_strdup_printf ("%s: %s",
                                                   tally_get (&agencies, agency) <
                                                   RMM_FIGURES_SMALLEST_SHOWN
                                                   ? _("Other agencies") : agency,
                                                   action->status);

      tally_add (&outcomes, action->status);
      tally_add (&by_agency, category);
    }
  g_ptr_array_unref (agencies.order);
  g_hash_table_unref (agencies.counts);
  tally_publish (&outcomes, period, "actions-due");
  tally_publish (&by_agency, period, "actions-by-agency");
}

/* Plan versions agreed in the period, and whether each was circulated within 2 working
 * days. */
static void
count_circulation (Period            *period,
                   RmmFiguresHistory *history)
{
  Tally timeliness;
  guint agreed = 0, on_time, due;

  tally_init (&timeliness);
  for (guint i = 0; i < history->versions->len; i++)
    {
      const RmmVersionStanding *version = &g_array_index (history->versions,
                                                          RmmVersionStanding, i);

      if (!in_area (period, version->area_id) || !in_period (period, version->agreed_at))
        continue;
      agreed++;
      tally_add (&timeliness, circulation_timeliness (period, version->agreed_at,
                                                      version->first_sent_at));
    }
  on_time = tally_get (&timeliness, "on time");
  due = on_time + tally_get (&timeliness, "late");
  add_count (period, "plans-agreed", agreed);
  tally_publish (&timeliness, period, "plans-circulated-2-working-days");
  rmm_figures_add_percent (period->figures, "plans-circulated-2-working-days-rate", "all",
                           on_time, due);
}

/* Meetings held in the period (concluded or signed off), each agency's attendance at them
 * (present, of those invited: apologies and information sent count as not present;
 * observers are not invited), and the children deferred at them. */
static gboolean
count_meetings (Period  *period,
                GError **error)
{
  RmmDbStmt *stmt = prepare (period,
    "SELECT g.name, sum (CASE WHEN t.status = 'present' THEN 1 ELSE 0 END), count (*) "
    "FROM attendance t JOIN meeting m ON m.id = t.meeting_id "
    "JOIN agency g ON g.id = t.agency_id "
    "WHERE (?1 = 0 OR m.area_id = ?1) AND m.status IN ('concluded', 'signed-off') "
    "AND m.meets_on >= ?2 AND m.meets_on <= ?3 AND t.status <> 'observer' "
    "GROUP BY g.name ORDER BY g.name", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 2, period->from_day);
  rmm_db_stmt_bind_text (stmt, 3, period->to_day);
  if (!count_one (period, "meetings-held",
                  "SELECT count (*) FROM meeting m WHERE (?1 = 0 OR m.area_id = ?1) "
                  "AND m.status IN ('concluded', 'signed-off') AND m.meets_on >= ?2 "
                  "AND m.meets_on <= ?3", period->from_day, period->to_day, error))
    return FALSE;
  while (rmm_db_stmt_step (stmt, &local_error))
    rmm_figures_add_percent (period->figures, "attendance-rate", rmm_db_stmt_get_text (stmt, 0),
                             (guint)rmm_db_stmt_get_int (stmt, 1),
                             (guint)rmm_db_stmt_get_int (stmt, 2));
  return rmm_figures_read_ended (&local_error, error) &&
         count_one (period, "children-deferred",
                    "SELECT count (*) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
                    "WHERE (?1 = 0 OR m.area_id = ?1) AND i.status = 'deferred' "
                    "AND m.status IN ('concluded', 'signed-off') AND m.meets_on >= ?2 "
                    "AND m.meets_on <= ?3", period->from_day, period->to_day, error);
}

static char *
uk_midnight_utc (const GDate *day)
{
  g_autofree char *text = rmm_date_format (day);

  return rmm_time_parse_uk (text);
}

/**
 * rmm_store_read_figures:
 * @from: the period's first day (UK)
 * @to: its last day, not before @from
 * @area_id: one area, or 0 for every area
 *
 * The board's figures for the period: referrals, deadlines, ratings, the CSE list week by
 * week, triggers, missing episodes, plan actions, plans circulated, closures and
 * transitions, who the children are, and meetings. Not yet suppressed: see rmm_figures_suppress ().
 *
 * Returns: (transfer full): #RmmFigure rows, or %NULL with @error
 */
GPtrArray *
rmm_store_read_figures (RmmStore     *self,
                        const GDate  *from,
                        const GDate  *to,
                        gint64        area_id,
                        GError      **error)
{
  g_autoptr(GPtrArray) figures = rmm_figures_new ();
  g_autofree char *now = NULL;
  Period period = { .store = self, .area_id = area_id, .from = *from, .to = *to,
                    .figures = figures };
  GDate after = *to;
  gboolean snapshot;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  g_date_clear (&period.as_of_day, 1);
  g_date_add_days (&after, 1);
  period.from_day = rmm_date_format (from);
  period.to_day = rmm_date_format (to);
  period.from_utc = uk_midnight_utc (from);
  period.end_utc = uk_midnight_utc (&after);
  rmm_time_read_unix (period.from_utc, &period.from_time);
  rmm_time_read_unix (period.end_utc, &period.end_time);
  now = rmm_store_now (self);
  period.as_of = g_strdup (g_strcmp0 (now, period.end_utc) < 0 ? now : period.end_utc);
  {
    g_autoptr(GDate) as_of_day = rmm_date_from_time (period.as_of);

    if (as_of_day != NULL)
      period.as_of_day = *as_of_day;
  }

  /* One snapshot: every figure counted from the same record, whoever writes meanwhile. */
  snapshot = rmm_db_get_depth (rmm_store_get_db (self)) == 0;
  ok = !snapshot || rmm_db_begin_snapshot (rmm_store_get_db (self), error);
  if (ok)
    {
      RmmFiguresHistory *history = rmm_store_get_figures_history (self, period.from_day,
                                                                  period.to_day,
                                                                  period.from_utc,
                                                                  period.end_utc, error);

      /* In the order the sections show them. */
      ok = history != NULL && count_referrals (&period, history, error) &&
           count_events (&period, history, error);
      if (ok)
        {
          count_ratings_and_list (&period, history);
          count_triggers (&period, history);
          count_missing (&period, history);
          count_actions (&period, history);
          count_circulation (&period, history);
        }
      ok = ok && count_meetings (&period, error);
      if (snapshot)
        rmm_db_end_snapshot (rmm_store_get_db (self));
    }
  period_clear (&period);
  return ok ? g_steal_pointer (&figures) : NULL;
}
