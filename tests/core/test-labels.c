/* test-labels.c: every id the store keeps has words for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rmm-labels.h"
#include "rmm-state-types.h"
#include "rmm-states.h"

/* Each kind of new information and each disruption tactic has its label, found by its id;
 * an id no list knows is shown as it is rather than as nothing. */
static void
test_kinds_and_tactics (void)
{
  guint n_kinds, n_tactics;
  const RmmLabel *kinds = rmm_note_kinds (&n_kinds);
  const RmmLabel *tactics = rmm_disruption_tactics (&n_tactics);

  g_assert_cmpuint (n_kinds, >, 5);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_assert_cmpstr (rmm_note_kind_label (kinds[i].id), ==, kinds[i].label);
      g_assert_cmpuint (strlen (kinds[i].label), >, 0);
    }
  g_assert_cmpstr (rmm_note_kind_label ("disclosure"), ==,
                   "Disclosure of sexual abuse or exploitation");
  g_assert_cmpstr (rmm_note_kind_label ("not-a-kind"), ==, "not-a-kind");

  g_assert_cmpuint (n_tactics, >, 2);
  for (guint i = 0; i < n_tactics; i++)
    g_assert_cmpstr (rmm_disruption_tactic_label (tactics[i].id), ==, tactics[i].label);
  g_assert_cmpstr (rmm_disruption_tactic_label ("cawn"), ==, "Child Abduction Warning Notice");
}

/* Every state of an action has words, the one a file changed by hand can hold included. */
static void
test_action_statuses (void)
{
  const char *seen[RMM_ACTION_STATUS_UNKNOWN + 1] = { NULL };

  for (int status = RMM_ACTION_STATUS_OPEN; status <= RMM_ACTION_STATUS_UNKNOWN; status++)
    {
      const char *label = rmm_action_status_label (status);

      g_assert_cmpuint (strlen (label), >, 0);
      for (int other = 0; other < status; other++)
        g_assert_cmpstr (seen[other], !=, label);
      seen[status] = label;
    }
  g_assert_cmpstr (rmm_action_status_label (RMM_ACTION_STATUS_UNKNOWN), ==, "Not known");
}

/* Every line of a meeting's summary has its own words, the same in the window and the
 * minutes. */
static void
test_summary_kinds (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (RMM_TYPE_SUMMARY_KIND);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < kinds->n_values; i++)
    {
      const char *label = rmm_summary_kind_label (kinds->values[i].value);

      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer)label);
    }
}

/* "1 year old", "15 years old": the plural the language needs. */
static void
test_ages (void)
{
  g_autofree char *one = rmm_describe_age (1);
  g_autofree char *fifteen = rmm_describe_age (15);

  g_assert_cmpstr (one, ==, "1 year old");
  g_assert_cmpstr (fifteen, ==, "15 years old");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labels/kinds-and-tactics", test_kinds_and_tactics);
  g_test_add_func ("/labels/action-statuses", test_action_statuses);
  g_test_add_func ("/labels/summary-kinds", test_summary_kinds);
  g_test_add_func ("/labels/ages", test_ages);
  return g_test_run ();
}
