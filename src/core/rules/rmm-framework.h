/* rmm-framework.h: a risk framework (Surrey 3-level, SERAF 4-category), loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char     *id;
  char     *label;        /* in the window's language */
  char     *label_en;     /* in English and in Welsh, for the documents (whose language is */
  char     *label_cy;     /* their own: rmm-document-language.c) */
  char     *colour;
  gboolean  safety_plan_required;
  gboolean  cse_list;
  gboolean  strategy_meeting_required;
  guint     review_interval_days;      /* 0: no scheduled review */
  gboolean  held_at_early_help;
} RmmRiskLevel;

#define RMM_TYPE_FRAMEWORK (rmm_framework_get_type ())
G_DECLARE_FINAL_TYPE (RmmFramework, rmm_framework, RMM, FRAMEWORK, GObject)

RmmFramework       *rmm_framework_new_from_data (const char    *data,
                                                 gsize          length,
                                                 const char    *source_name,
                                                 GError       **error);
RmmFramework       *rmm_framework_lookup        (const char    *id);
GPtrArray          *rmm_framework_list_all      (void);
const char         *rmm_framework_get_id        (RmmFramework  *self);
const char         *rmm_framework_get_name      (RmmFramework  *self);
guint               rmm_framework_get_n_levels  (RmmFramework  *self);
const RmmRiskLevel *rmm_framework_get_level     (RmmFramework  *self,
                                                 guint          position);
const RmmRiskLevel *rmm_framework_find_level    (RmmFramework  *self,
                                                 const char    *level_id);
const char         *rmm_risk_level_describe     (const RmmRiskLevel *level);
const char         *rmm_framework_describe_level (RmmFramework *self,
                                                 const char    *level_id);
int                 rmm_framework_compare       (RmmFramework  *self,
                                                 const char    *level_a,
                                                 const char    *level_b);

G_END_DECLS
