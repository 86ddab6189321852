/* test-states.c: each state to the text the store keeps and back, and text it never wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-state-types.h"
#include "rmm-states.h"

/* The stored text is each value's nick: the schema's CHECK constraints list the same words. */
static void
test_round_trip (void)
{
  static const struct { GType (*type) (void); const char *texts[5]; guint n; } states[] = {
    { rmm_meeting_status_get_type, { "planned", "open", "concluded", "signed-off" }, 4 },
    { rmm_item_status_get_type, { "pending", "discussed", "deferred", "removed" }, 4 },
    { rmm_decision_status_get_type, { "proposed", "disputed", "confirmed" }, 3 },
    { rmm_action_status_get_type,
      { "open", "done", "not-done-circumstances", "not-done-agency", "carried-forward" }, 5 },
    { rmm_attendance_status_get_type,
      { "present", "apologies", "sent-information", "observer" }, 4 },
    { rmm_decision_kind_get_type, { "risk-rating", "lead-agency", "closure" }, 3 },
    { rmm_screening_outcome_get_type,
      { "pending", "assessment-required", "no-further-action", "signposted" }, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    for (guint v = 0; v < states[i].n; v++)
      {
        GType type = states[i].type ();

        g_assert_cmpstr (rmm_state_to_text (type, v), ==, states[i].texts[v]);
        g_assert_cmpint (rmm_state_from_text (type, states[i].texts[v], -1), ==, v);
      }
}

/* Text the store never writes (a file changed by hand) is the caller's fallback: the state
 * that allows least, never one that would let a held meeting be changed. */
static void
test_unknown_text (void)
{
  static const char *unknown[] = { "Planned", "signed_off", "", " open", "confirmed\n" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_cmpint (rmm_state_from_text (RMM_TYPE_MEETING_STATUS, unknown[i],
                                          RMM_MEETING_STATUS_SIGNED_OFF),
                     ==, RMM_MEETING_STATUS_SIGNED_OFF);
  g_assert_cmpint (rmm_state_from_text (RMM_TYPE_DECISION_STATUS, NULL,
                                        RMM_DECISION_STATUS_PROPOSED),
                   ==, RMM_DECISION_STATUS_PROPOSED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/states/round-trip", test_round_trip);
  g_test_add_func ("/states/unknown-text", test_unknown_text);
  return g_test_run ();
}
