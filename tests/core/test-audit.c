/* test-audit.c: the audit trail's hash chain, on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rmm-audit.h"

static RmmAuditEvent
fictitious_event (void)
{
  RmmAuditEvent event = {
    .id = 1, .at = "2026-11-30T09:00:00Z", .actor = "Ada Testwell", .action = "create",
    .entity = "child", .entity_id = 7, .before = "", .after = "{\"reference\":\"T-007\"}",
    .prev_hash = RMM_AUDIT_GENESIS,
  };

  return event;
}

/* SHA-256 over each field as "length:bytes", the previous hash first: the value here was
 * computed apart from RMM Desk (Python's hashlib), so a change to the serialisation, which
 * would break every existing trail, fails this test. */
static void
test_known_value (void)
{
  RmmAuditEvent event = fictitious_event ();
  g_autofree char *hash = rmm_audit_hash (&event);

  g_assert_cmpstr (hash, ==, "334003207d92d35ee261f001eb78caabdce029e13f698d7dc3ba285c3a6ca528");
}

/* Every field counts, and no two different events read the same: a character moved from
 * one field to the next, or a number's digits, change the hash. */
static void
test_every_field_counts (void)
{
  RmmAuditEvent base = fictitious_event ();
  g_autofree char *reference = rmm_audit_hash (&base);
  RmmAuditEvent changed[] = { base, base, base, base, base, base, base, base, base, base };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  changed[0].id = 2;
  changed[1].at = "2026-11-30T09:00:01Z";
  changed[2].actor = "Ben Testwell";
  changed[3].action = "update";
  changed[4].entity = "referral";
  changed[5].entity_id = 70;
  changed[6].before = "{";
  changed[7].after = "{\"reference\":\"T-008\"}";
  changed[8].prev_hash = "1000000000000000000000000000000000000000000000000000000000000000";
  /* "Ada Testwel" + "lcreate": the same bytes in a row, split elsewhere. */
  changed[9].actor = "Ada Testwel";
  changed[9].action = "lcreate";

  g_hash_table_add (seen, g_strdup (reference));
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    {
      char *hash = rmm_audit_hash (&changed[i]);

      g_assert_cmpuint (strlen (hash), ==, 64);
      g_assert_false (g_hash_table_contains (seen, hash));
      g_hash_table_add (seen, hash);
    }
}

/* NULL and "" are the same empty field: the store writes "" for an event with no before. */
static void
test_null_is_empty (void)
{
  RmmAuditEvent empty = fictitious_event ();
  RmmAuditEvent null = fictitious_event ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  null.before = NULL;
  a = rmm_audit_hash (&empty);
  b = rmm_audit_hash (&null);
  g_assert_cmpstr (a, ==, b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/known-value", test_known_value);
  g_test_add_func ("/audit/every-field-counts", test_every_field_counts);
  g_test_add_func ("/audit/null-is-empty", test_null_is_empty);
  return g_test_run ();
}
