/* rmm-trigger-rules.h: the rules that raise strategy-discussion triggers, loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RMM_TRIGGER_FACTS_DECISION,
  RMM_TRIGGER_FACTS_MISSING_EPISODE,
  RMM_TRIGGER_FACTS_INFORMATION_NOTE,
} RmmTriggerFacts;

typedef enum
{
  RMM_TRIGGER_TARGET_NEXT_MEETING,
  RMM_TRIGGER_TARGET_SAME_WORKING_DAY,
} RmmTriggerTarget;

typedef struct
{
  char             *id;
  char             *title;        /* in the window's language */
  char             *title_en;     /* in English and in Welsh, for the documents */
  char             *title_cy;
  char             *explanation;
  RmmTriggerFacts   facts;
  RmmTriggerTarget  target;
  guint             count;        /* missing_episode: this many … */
  guint             days;         /* … within this many days */
  char            **note_kinds;   /* information_note: the kinds that raise it */
} RmmTriggerRule;

#define RMM_TYPE_TRIGGER_RULES (rmm_trigger_rules_get_type ())
G_DECLARE_FINAL_TYPE (RmmTriggerRules, rmm_trigger_rules, RMM, TRIGGER_RULES, GObject)

RmmTriggerRules      *rmm_trigger_rules_new_from_data (const char       *data,
                                                       gsize             length,
                                                       const char       *source_name,
                                                       GError          **error);
RmmTriggerRules      *rmm_trigger_rules_load_default  (GError          **error);
RmmTriggerRules      *rmm_trigger_rules_load          (GError          **error);
const char           *rmm_trigger_rule_describe       (const RmmTriggerRule *rule);
char                 *rmm_trigger_rules_override_path (void);
guint                 rmm_trigger_rules_get_n_rules   (RmmTriggerRules  *self);
const RmmTriggerRule *rmm_trigger_rules_get_rule      (RmmTriggerRules  *self,
                                                       guint             position);
const RmmTriggerRule *rmm_trigger_rules_find          (RmmTriggerRules  *self,
                                                       const char       *id);

G_END_DECLS
