/* rmm-assessment.h: the CSE Risk Assessment as recorded, and Surrey's Table 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *label;
  gboolean    inherent;   /* every child; otherwise some children */
} RmmVulnerability;

const RmmVulnerability *rmm_vulnerabilities      (guint      *n_vulnerabilities);
const RmmVulnerability *rmm_vulnerability_lookup (const char *id);

typedef struct
{
  gint64       child_id;
  gint64       referral_id;        /* 0: not tied to one referral */
  gint64       assessor_id;        /* 0: not recorded */
  const char  *started_on;         /* YYYY-MM-DD */
  const char  *completed_on;       /* YYYY-MM-DD, or NULL while in progress */
  const char  *proposed_rating;    /* a level id of the child's area's framework */
  const char  *analysis;
  const char **vulnerabilities;    /* NULL-terminated ids */
  const char **indicators;         /* NULL-terminated */
  const char **significant;        /* NULL-terminated: those of @indicators that are */
  const char **missing_episodes;   /* NULL-terminated YYYY-MM-DD */
} RmmAssessmentInput;

G_END_DECLS
