/* rmm-store-triggers.h: strategy-discussion triggers: evaluated, raised, answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"
#include "rmm-trigger-rules.h"

G_BEGIN_DECLS

/* A strategy-discussion trigger, and whether it still waits for the RMM's response. */
typedef struct
{
  gint64    id;
  gint64    child_id;
  char     *reference;
  char     *child_name;
  char     *area;
  char     *rule_id;          /* 'manual' when raised by hand */
  char     *raised_at;
  char     *reason;
  char     *facts;            /* space-separated entity:id */
  gboolean  open;
  gboolean  overdue;          /* open past its target */
  char     *answered_at;      /* when both chairs had confirmed the response; '' while open */
} RmmTrigger;

gboolean rmm_trigger_was_open_on (const RmmTrigger *trigger,
                                  const char       *day);

void rmm_trigger_free (RmmTrigger *trigger);

typedef struct
{
  gint64      trigger_id;
  gint64      meeting_id;       /* whose chairs confirm it */
  gboolean    convened;
  const char *convened_on;      /* convened: YYYY-MM-DD */
  const char *agencies_present;
  const char *outcome;
  gboolean    section47;        /* section 47 enquiries follow */
  const char *reasons;          /* not convened: why */
} RmmTriggerResponseInput;
gboolean     rmm_store_evaluate_triggers    (RmmStore            *self,
                                             RmmTriggerRules     *rules,
                                             gint64               child_id,
                                             guint               *n_raised,
                                             GError             **error);
GPtrArray   *rmm_store_list_triggers        (RmmStore            *self,
                                             gint64               child_id,
                                             gboolean             open_only,
                                             GError             **error);
gint64       rmm_store_raise_trigger        (RmmStore            *self,
                                             gint64               child_id,
                                             const char          *reason,
                                             GError             **error);
gint64       rmm_store_respond_to_trigger   (RmmStore            *self,
                                             const RmmTriggerResponseInput *input,
                                             GError             **error);
gboolean     rmm_store_confirm_trigger_response (RmmStore        *self,
                                             gint64               response_id,
                                             gint64               chair_id,
                                             GError             **error);

G_END_DECLS
