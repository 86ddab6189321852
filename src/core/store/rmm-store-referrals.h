/* rmm-store-referrals.h: finding children, agencies and earlier referrals for a new referral
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-child.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

RmmChild    *rmm_store_find_child_by_reference (RmmStore      *self,
                                             const char          *reference,
                                             GError             **error);
gint64       rmm_store_find_agency          (RmmStore            *self,
                                             const char          *name,
                                             GError             **error);
gboolean     rmm_store_has_referral         (RmmStore            *self,
                                             gint64               child_id,
                                             const char          *received_at,
                                             const char          *referrer_name,
                                             GError             **error);
char        *rmm_store_get_previous_referral (RmmStore           *self,
                                             gint64               child_id,
                                             const char          *before,
                                             GError             **error);
gboolean     rmm_store_is_repeat_referral   (const char          *previous,
                                             const char          *received_at);
GListModel  *rmm_store_list_referrals       (RmmStore            *self,
                                             gint64               area_id,
                                             const char          *from,
                                             const char          *to,
                                             GError             **error);

G_END_DECLS
