/* rmm-labels.c: what the ids the store keeps are called in words, on screen and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-labels"

#include "config.h"

#include "rmm-document-i18n.h"

#include "rmm-labels.h"

/* What new information is about; the kinds the trigger rules look for come first. */
static const RmmLabel note_kinds[] = {
  { "disclosure", N_("Disclosure of sexual abuse or exploitation") },
  { "allegation", N_("Allegation of sexual abuse or exploitation") },
  { "person-posing-risk", N_("A person posing a risk identified") },
  { "offence", N_("An offence against the child") },
  { "found-with-adult-of-concern", N_("Found with an adult of concern") },
  { "pregnancy", N_("Pregnancy") },
  { "pre-birth", N_("Pre-birth concern") },
  { "sti-younger-child", N_("Sexually transmitted infection (younger child)") },
  { "placement-breakdown", N_("Placement breakdown") },
  { "exclusion", N_("Exclusion from school") },
  { "moved-into-area", N_("Moved into the area") },
  { "immediate-risk", N_("Immediate risk to life") },
  { "update", N_("Other update") },
};

static const char *action_statuses[] = {
  [RMM_ACTION_STATUS_OPEN] = N_("Open"),
  [RMM_ACTION_STATUS_DONE] = N_("Done"),
  [RMM_ACTION_STATUS_NOT_DONE_CIRCUMSTANCES] = N_("Not done: circumstances changed"),
  [RMM_ACTION_STATUS_NOT_DONE_AGENCY] = N_("Not done by the agency"),
  [RMM_ACTION_STATUS_CARRIED_FORWARD] = N_("Carried forward"),
  /* The file holds a word RMM Desk does not write; `rmmctl check` says where. */
  [RMM_ACTION_STATUS_UNKNOWN] = N_("Not known"),
};

static const RmmLabel disruption_tactics[] = {
  { "cawn", N_("Child Abduction Warning Notice") },
  { "shpo", N_("Sexual Harm Prevention Order") },
  { "srho", N_("Sexual Risk Order") },
  { "licensing", N_("Licensing enforcement") },
  { "harassment", N_("Harassment warning") },
  { "observation", N_("Observation") },
  { "other", N_("Other disruption") },
};

/* Who is in a child's network; the family's contact receives the family's copy. */
static const RmmLabel network_roles[] = {
  { "lead-professional", N_("Lead professional") },
  { "social-worker", N_("Social worker") },
  { "school-cse-lead", N_("School CSE lead") },
  { "police", N_("Police contact") },
  { "health", N_("Health") },
  { "other", N_("Other professional") },
  { "family", N_("Family contact") },
};

/* How a copy went out. */
static const RmmLabel circulation_channels[] = {
  { "email", N_("Email") },
  { "handed-over", N_("Handed over") },
  { "posted", N_("Posted") },
};

/* Which document went out. */
static const RmmLabel circulated_documents[] = {
  { "professional-plan", N_("Safety plan (professional)") },
  { "family-plan", N_("Safety plan (family)") },
  { "minutes", N_("Minutes") },
  { "cse-list", N_("CSE list") },
};

static const char *
find_label (const RmmLabel *labels,
            guint           n_labels,
            const char     *id)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_strcmp0 (labels[i].id, id) == 0)
      return _(labels[i].label);
  return id;
}

const RmmLabel *
rmm_note_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (note_kinds);
  return note_kinds;
}

const char *
rmm_note_kind_label (const char *kind)
{
  return find_label (note_kinds, G_N_ELEMENTS (note_kinds), kind);
}

const char *
rmm_action_status_label (RmmActionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (action_statuses), "");

  return _(action_statuses[status]);
}

/* A line of a meeting's summary, in the window and the minutes alike. */
const char *
rmm_summary_kind_label (RmmSummaryKind kind)
{
  static const char * const labels[] = {
    [RMM_SUMMARY_KIND_RATING_NEW] = N_("New rating"),
    [RMM_SUMMARY_KIND_RATING_UP] = N_("Risk up"),
    [RMM_SUMMARY_KIND_RATING_DOWN] = N_("Risk down"),
    [RMM_SUMMARY_KIND_RATING_SAME] = N_("Rating unchanged"),
    [RMM_SUMMARY_KIND_RATING_DISPUTED] = N_("Disputed"),
    [RMM_SUMMARY_KIND_LEAD_AGENCY] = N_("Lead agency"),
    [RMM_SUMMARY_KIND_CLOSURE] = N_("Closed"),
    [RMM_SUMMARY_KIND_TRIGGER] = N_("New trigger"),
    [RMM_SUMMARY_KIND_DEFERRED] = N_("Deferred"),
    [RMM_SUMMARY_KIND_REMOVED] = N_("Removed"),
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (labels), "");

  return _(labels[kind]);
}

const RmmLabel *
rmm_disruption_tactics (guint *n_tactics)
{
  *n_tactics = G_N_ELEMENTS (disruption_tactics);
  return disruption_tactics;
}

const char *
rmm_disruption_tactic_label (const char *tactic)
{
  return find_label (disruption_tactics, G_N_ELEMENTS (disruption_tactics), tactic);
}

/* "15 years old", with the plural form the language needs. */
char *
rmm_describe_age (guint age)
{
  return g_strdup_printf (rmm_document_ngettext ("%u year old", "%u years old", age), age);
}

const RmmLabel *
rmm_network_roles (guint *n_roles)
{
  *n_roles = G_N_ELEMENTS (network_roles);
  return network_roles;
}

const char *
rmm_network_role_label (const char *role)
{
  return find_label (network_roles, G_N_ELEMENTS (network_roles), role);
}

const char *
rmm_circulation_channel_label (const char *channel)
{
  return find_label (circulation_channels, G_N_ELEMENTS (circulation_channels), channel);
}

const char *
rmm_circulated_document_label (const char *document)
{
  return find_label (circulated_documents, G_N_ELEMENTS (circulated_documents), document);
}
