/* rmm-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-assessment"

#include "config.h"

#include "rmm-document-i18n.h"

#include "rmm-assessment.h"

/* Surrey CSE procedure, Table 1: List of Vulnerabilities. */
static const RmmVulnerability vulnerabilities[] = {
  { "takes-risks", N_("Experiments and takes risks"), TRUE },
  { "rejects-authority", N_("Rejects authority and control"), TRUE },
  { "ignores-advice", N_("Ignores good advice"), TRUE },
  { "defends-friends", N_("Defends their actions, decisions and friends"), TRUE },
  { "flattery-deception", N_("Vulnerable to flattery and deception"), TRUE },
  { "secretive", N_("Secretive"), TRUE },
  { "internet-privately", N_("Uses the internet regularly and privately"), TRUE },
  { "peer-pressure", N_("Peer pressure"), TRUE },
  { "stays-out-late", N_("Stays out late and goes to new places"), TRUE },
  { "family-breakdown", N_("Family breakdown"), FALSE },
  { "abuse-or-neglect", N_("Domestic or sexual abuse, or neglect"), FALSE },
  { "bullying", N_("Bullying in or out of school"), FALSE },
  { "family-peer-cse", N_("Family or peer involvement in CSE"), FALSE },
  { "parents-at-risk", N_("Parents at risk of abuse, neglect or self-neglect"), FALSE },
  { "looked-after", N_("Looked after, especially in a children’s home"), FALSE },
  { "learning-disability", N_("Learning disabilities or difficulties"), FALSE },
  { "poverty", N_("Poverty"), FALSE },
  { "forced-marriage", N_("Forced marriage"), FALSE },
  { "social-exclusion", N_("Social exclusion or isolation"), FALSE },
  { "insecure-immigration", N_("Asylum-seeking, refugee or insecure immigration status"), FALSE },
};

const RmmVulnerability *
rmm_vulnerabilities (guint *n_vulnerabilities)
{
  *n_vulnerabilities = G_N_ELEMENTS (vulnerabilities);
  return vulnerabilities;
}

const RmmVulnerability *
rmm_vulnerability_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (vulnerabilities); i++)
    if (g_strcmp0 (vulnerabilities[i].id, id) == 0)
      return &vulnerabilities[i];
  return NULL;
}
