/* test-cse-list.c: the county-wide CSE list: who is on it on a day, and how it changed
 * since the week before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include "rmm-dates.h"

static char *
changes_as_text (GListModel *entries)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);
      g_string_append_printf (text, "%s%s:%s:%s", text->len ? " " : "",
                              rmm_cse_entry_get_reference (entry),
                              rmm_cse_entry_get_rating (entry),
                              rmm_cse_change_to_string (rmm_cse_entry_get_change (entry)));
    }
  return g_string_free (text, FALSE);
}

/* The list on 23 November against 16 November: who came on, went off, up and down. */
static void
test_cse_list_changes (RmmTestStore  *f,
                       gconstpointer  data)
{
  g_autoptr(GListModel) entries = NULL;
  g_autofree char *text = NULL;
  gint64 steady = rmm_test_store_add_child (f, "A-STEADY", "2012-01-01");
  gint64 rising = rmm_test_store_add_child (f, "B-RISING", "2012-01-01");
  gint64 falling = rmm_test_store_add_child (f, "C-FALLING", "2012-01-01");
  gint64 closed = rmm_test_store_add_child (f, "D-CLOSED", "2012-01-01");
  gint64 corrected = rmm_test_store_add_child (f, "E-CORRECTED", "2012-01-01");
  gint64 first;
  GDate day;

  rmm_test_store_at (f, "2026-11-02T10:00:00Z");
  rmm_test_store_decide (f, steady, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  rmm_test_store_decide (f, rising, 0, RMM_DECISION_KIND_RISK_RATING, "low");
  rmm_test_store_decide (f, falling, 0, RMM_DECISION_KIND_RISK_RATING, "high");
  rmm_test_store_decide (f, closed, 0, RMM_DECISION_KIND_RISK_RATING, "low");
  first = rmm_test_store_decide (f, corrected, 0, RMM_DECISION_KIND_RISK_RATING, "high");

  rmm_test_store_at (f, "2026-11-20T10:00:00Z");
  rmm_test_store_decide (f, rising, 0, RMM_DECISION_KIND_RISK_RATING, "high");
  rmm_test_store_decide (f, falling, 0, RMM_DECISION_KIND_RISK_RATING, "medium");
  rmm_test_store_decide (f, closed, 0, RMM_DECISION_KIND_CLOSURE, "closed");
  rmm_test_store_decide (f, rmm_test_store_add_child (f, "F-NEW", "2012-01-01"), 0,
                         RMM_DECISION_KIND_RISK_RATING, "low");
  {
    /* A correction supersedes the old rating once both chairs confirm it. */
    RmmDecisionInput input = {
      .child_id = corrected, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "low",
    };
    gint64 id = rmm_store_supersede_decision (f->store, first, &input, "Wrong child's notes",
                                              NULL);
    g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair1, NULL));
    g_assert_true (rmm_store_confirm_decision (f->store, id, f->chair2, NULL));
  }

  g_assert_true (rmm_date_parse ("2026-11-23", &day));
  entries = rmm_store_list_cse (f->store, &day, NULL);
  text = changes_as_text (entries);
  g_assert_cmpstr (text, ==,
                   "A-STEADY:medium:unchanged B-RISING:high:up C-FALLING:medium:down "
                   "D-CLOSED:low:removed E-CORRECTED:low:down F-NEW:low:added");
}

static void
test_seraf_not_at_risk_off_list (RmmTestStore  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  gint64 area = rmm_store_add_area (f->store, "Cwm Prawf", "seraf-4-category", NULL);
  RmmChildInput input = { .reference = "W-1", .first_name = "Nia", .last_name = "Prawf",
                          .date_of_birth = "2012-01-01", .area_id = area };
  RmmChildInput other = { .reference = "W-2", .first_name = "Osian", .last_name = "Prawf",
                          .date_of_birth = "2012-01-01", .area_id = area };
  GDate day;

  rmm_test_store_at (f, "2026-11-20T10:00:00Z");
  rmm_test_store_decide (f, rmm_store_add_child (f->store, &input, &error), 0,
                         RMM_DECISION_KIND_RISK_RATING, "1");
  rmm_test_store_decide (f, rmm_store_add_child (f->store, &other, &error), 0,
                         RMM_DECISION_KIND_RISK_RATING, "2");
  g_assert_true (rmm_date_parse ("2026-11-23", &day));
  entries = rmm_store_list_cse (f->store, &day, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RmmTestStore, NULL, rmm_test_store_set_up, func, rmm_test_store_tear_down)
  ADD ("/cse-list/changes", test_cse_list_changes);
  ADD ("/cse-list/seraf-not-at-risk", test_seraf_not_at_risk_off_list);
#undef ADD

  return g_test_run ();
}
