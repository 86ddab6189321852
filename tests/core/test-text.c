/* test-text.c: what text the record accepts, and how a refused text is said back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-text.h"

static void
test_find_control (void)
{
  guint position = 0;

  g_assert_cmpuint (rmm_text_find_control ("Room 4, Testshire House", FALSE, NULL), ==, 0);
  g_assert_cmpuint (rmm_text_find_control ("two\nlines", TRUE, NULL), ==, 0);
  g_assert_cmpuint (rmm_text_find_control ("two\nlines", FALSE, &position), ==, '\n');
  g_assert_cmpuint (position, ==, 4);
  g_assert_cmpuint (rmm_text_find_control ("a\u202eb", TRUE, NULL), ==, 0x202e);
  g_assert_cmpuint (rmm_text_find_control ("a\u2028b", FALSE, NULL), ==, 0x2028);
  g_assert_cmpuint (rmm_text_find_control ("a\x7f", TRUE, NULL), ==, 0x7f);
}

/* Said back whole when short, cut with "…" when long; controls and reordering characters as
 * U+FFFD; bytes that are not UTF-8 made valid. */
static void
test_quote (void)
{
  static const struct { const char *typed; guint max; const char *quoted; } cases[] = {
    { "9:5", 20, "9:5" },
    { "99999999999999999999999", 20, "99999999999999999999…" },
    { "\u202e10:00", 20, "\ufffd10:00" },
    { "ten\a", 20, "ten\ufffd" },
    { "Siân", 3, "Siâ…" },
    { "Si\xe2n", 20, "Si\ufffdn" },
    { "", 20, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = rmm_text_quote (cases[i].typed, cases[i].max);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
    }
  {
    g_autofree char *quoted = rmm_text_quote (NULL, 20);

    g_assert_cmpstr (quoted, ==, "");
  }
}

/* A reference goes where a name must not: one word, not a date, at most 32 characters. */
static void
test_references (void)
{
  const char *good[] = { "CH-100055", "T-001", "TP/2026/0042", "LCS.12345" };
  const char *bad[] = { "", "Zara Quinton", "CH 100055", "05/04/2012", "2012-04-05",
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_null (rmm_text_why_not_reference (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_nonnull (rmm_text_why_not_reference (bad[i]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/find-control", test_find_control);
  g_test_add_func ("/text/quote", test_quote);
  g_test_add_func ("/text/references", test_references);
  return g_test_run ();
}
