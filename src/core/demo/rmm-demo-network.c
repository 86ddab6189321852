/* rmm-demo-network.c: each child's network, and the plans circulated to it in the last weeks
 * before the demo's today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chosen from the child's id, not the demo's random generator: the rest of the demo stays
 * the same history it was before networks were recorded.
 */
#define G_LOG_DOMAIN "rmm-demo"

#include "config.h"

#include "rmm-demo-private.h"

/* Plans agreed in these last weeks have been circulated; older ones were, before RMM Desk
 * kept the record. */
#define CIRCULATED_WEEKS 8

static const char *carer_first_names[] = {
  "Joanne", "Marcus", "Denise", "Gareth", "Sharon", "Lowri", "Tanya", "Craig",
};

static gint64
staff_of (Demo       *demo,
          AgencyKind  kind,
          gint64      child_id)
{
  GArray *staff = demo->staff[kind];

  return g_array_index (staff, gint64, child_id % staff->len);
}

static gboolean
add_member (Demo        *demo,
            DemoChild   *child,
            gint64       professional,
            const char  *role,
            GError     **error)
{
  RmmNetworkMemberInput input = {
    .child_id = child->id, .professional_id = professional, .role = role,
  };

  return rmm_store_add_network_member (demo->store, &input, error) != 0;
}

/* The lead professional (the social worker when there is one), the police contact, the
 * school's CSE lead, and the family's contact: two in three with an email address at home,
 * the rest given their copy by hand. */
static gboolean
add_network (Demo       *demo,
             DemoChild  *child,
             GError    **error)
{
  const char *carer = carer_first_names[child->id % G_N_ELEMENTS (carer_first_names)];
  g_autofree char *name = g_strdup_printf ("%s %s", carer, child->last_name);
  g_autofree char *local = g_ascii_strdown (name, -1);
  g_autofree char *email = NULL;
  gint64 lead = child->social_worker ? child->social_worker
                                     : staff_of (demo, AG_CHILDREN, child->id);
  RmmNetworkMemberInput family = { .child_id = child->id, .role = "family", .name = name };

  g_strdelimit (local, " ’'", '.');
  if (child->id % 3 != 0)
    family.email = email = g_strconcat (local, "@home.example", NULL);
  child->has_network = TRUE;
  return add_member (demo, child, lead,
                     child->social_worker ? "social-worker" : "lead-professional", error) &&
         add_member (demo, child, staff_of (demo, AG_POLICE, child->id), "police", error) &&
         add_member (demo, child, staff_of (demo, AG_EDUCATION, child->id), "school-cse-lead",
                     error) &&
         rmm_store_add_network_member (demo->store, &family, error) != 0;
}

/* The family's copy by email is outside the allowed domains: the reason is recorded; with
 * no address, it is handed over at the next visit. */
static void
choose_channels (RmmCirculation *circulation)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);

      if (!g_str_equal (recipient->document, "family-plan"))
        continue;
      if (*recipient->recipient == '\0')
        {
          g_free (recipient->channel);
          recipient->channel = g_strdup ("handed-over");
        }
      g_free (recipient->outside_reason);
      recipient->outside_reason = g_strdup ("The family asked for their copy by email.");
    }
}

/**
 * rmm_demo_circulate_plan:
 * @day: the meeting that agreed the plan's new version
 *
 * Circulates the version just agreed to the child's network, when it was agreed in the last
 * weeks; one child in four's newest version is still to go, so that some hold an old one.
 */
gboolean
rmm_demo_circulate_plan (Demo         *demo,
                         DemoChild    *child,
                         const GDate  *day,
                         GError      **error)
{
  g_autoptr(RmmCirculation) circulation = NULL;
  GDate since = demo->today;

  g_date_subtract_days (&since, 7 * CIRCULATED_WEEKS);
  if (g_date_compare (day, &since) < 0 || !rmm_demo_is_past (demo, day))
    return TRUE;
  if (g_date_days_between (day, &demo->today) <= 7 && child->id % 4 == 0)
    return TRUE;
  if (!child->has_network && !add_network (demo, child, error))
    return FALSE;
  if (!(circulation = rmm_store_plan_circulation (demo->store, child->id, FALSE, error)))
    return FALSE;
  choose_channels (circulation);
  return rmm_store_record_circulation (demo->store, circulation, error);
}
