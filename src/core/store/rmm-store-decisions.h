/* rmm-store-decisions.h: a chair's word on a decision, as one workflow in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"
#include "rmm-store-closures.h"
#include "rmm-store-meetings.h"

G_BEGIN_DECLS

gint64 rmm_store_decide            (RmmStore                *self,
                                    const RmmDecisionInput  *input,
                                    const RmmClosureInput   *closure,
                                    gint64                   chair_id,
                                    const char              *dissent,
                                    GError                 **error);
gint64 rmm_store_correct_decision  (RmmStore                *self,
                                    gint64                   decision_id,
                                    const RmmDecisionInput  *input,
                                    const RmmClosureInput   *closure,
                                    const char              *reason,
                                    GError                 **error);

G_END_DECLS
