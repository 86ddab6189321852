/* test-framework.c: the risk frameworks shipped as data, and what a wrong file gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rmm-error.h"
#include "rmm-framework.h"

static void
test_surrey (void)
{
  RmmFramework *surrey = rmm_framework_lookup ("surrey-3-level");
  const RmmRiskLevel *low, *medium, *high;

  g_assert_nonnull (surrey);
  g_assert_cmpuint (rmm_framework_get_n_levels (surrey), ==, 3);
  low = rmm_framework_get_level (surrey, 0);
  medium = rmm_framework_find_level (surrey, "medium");
  high = rmm_framework_find_level (surrey, "high");
  g_assert_cmpstr (low->id, ==, "low");
  /* Surrey: medium and high need a plan; every rated child is on the CSE list; low is
   * held at Early Help. */
  g_assert_false (low->safety_plan_required);
  g_assert_true (medium->safety_plan_required && high->safety_plan_required);
  g_assert_true (low->cse_list && medium->cse_list && high->cse_list);
  g_assert_true (low->held_at_early_help);
  g_assert_false (high->held_at_early_help);
  g_assert_true (high->strategy_meeting_required);
  g_assert_cmpint (rmm_framework_compare (surrey, "high", "medium"), >, 0);
  g_assert_cmpint (rmm_framework_compare (surrey, "low", "medium"), <, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (rmm_framework_get_level (surrey, i)->review_interval_days, <=, 92);
}

static void
test_seraf (void)
{
  RmmFramework *seraf = rmm_framework_lookup ("seraf-4-category");

  g_assert_nonnull (seraf);
  g_assert_cmpuint (rmm_framework_get_n_levels (seraf), ==, 4);
  /* SERAF: categories 3 and 4 always need a multi-agency strategy meeting and a plan. */
  for (guint i = 0; i < 4; i++)
    {
      const RmmRiskLevel *level = rmm_framework_get_level (seraf, i);

      g_assert_cmpint (level->strategy_meeting_required, ==, i >= 2);
      g_assert_cmpint (level->safety_plan_required, ==, i >= 2);
      g_assert_cmpint (level->held_at_early_help, ==, i < 2);
    }
  g_assert_cmpstr (rmm_framework_find_level (seraf, "4")->label, ==, "4 Significant risk");
  g_assert_null (rmm_framework_find_level (seraf, "high"));
}

static void
test_list_all (void)
{
  g_autoptr(GPtrArray) all = rmm_framework_list_all ();

  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (rmm_framework_get_id (g_ptr_array_index (all, 0)), ==, "seraf-4-category");
  g_assert_cmpstr (rmm_framework_get_id (g_ptr_array_index (all, 1)), ==, "surrey-3-level");
}

static void
expect_rejected (const char *text,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmFramework) framework = rmm_framework_new_from_data (text, -1, "local.ini",
                                                                   &error);

  g_assert_null (framework);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK);
  g_assert_nonnull (strstr (error->message, "local.ini"));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

#define LEVEL(name, interval) \
  "[Level " name "]\nLabel=" name "\nColour=#000\nSafetyPlanRequired=true\nCseList=true\n" \
  "StrategyMeetingRequired=false\nReviewIntervalDays=" interval "\nHeldAtEarlyHelp=false\n"

static void
test_bad_files (void)
{
  expect_rejected ("not a key file", "local.ini");
  expect_rejected ("[Framework]\nId=x\nName=X\n", "Levels");
  expect_rejected ("[Framework]\nId=x\nName=X\nLevels=a;\n" LEVEL ("a", "30"), "two levels");
  expect_rejected ("[Framework]\nId=x\nName=X\nLevels=a;a;\n" LEVEL ("a", "30"), "twice");
  expect_rejected ("[Framework]\nId=x\nName=X\nLevels=a;b;\n" LEVEL ("a", "30"), "[Level b]");
  expect_rejected ("[Framework]\nId=x\nName=X\nLevels=a;b;\n" LEVEL ("a", "30") LEVEL ("b", "200"),
                   "three months");
  expect_rejected ("[Framework]\nId=x\nName=X\nLevels=a;b;\n" LEVEL ("a", "30")
                   "[Level b]\nLabel=b\nColour=#000\nCseList=true\n", "SafetyPlanRequired");
}

static void
test_good_local_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmFramework) framework =
    rmm_framework_new_from_data ("[Framework]\nId=local\nName=Local\nLevels=a;b;\n"
                                 LEVEL ("a", "30") LEVEL ("b", "0"), -1, "local.ini", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rmm_framework_get_name (framework), ==, "Local");
  g_assert_cmpuint (rmm_framework_find_level (framework, "b")->review_interval_days, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/framework/surrey", test_surrey);
  g_test_add_func ("/framework/seraf", test_seraf);
  g_test_add_func ("/framework/list-all", test_list_all);
  g_test_add_func ("/framework/bad-files", test_bad_files);
  g_test_add_func ("/framework/good-local-file", test_good_local_file);
  return g_test_run ();
}
