/* rmm-store-cse-distribution.h: who the weekly CSE list goes to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"
#include "rmm-store-circulation.h"

G_BEGIN_DECLS

GPtrArray      *rmm_store_list_cse_distribution      (RmmStore     *self,
                                                      GError      **error);
gint64          rmm_store_add_to_cse_distribution    (RmmStore     *self,
                                                      gint64        professional_id,
                                                      GError      **error);
gboolean        rmm_store_remove_from_cse_distribution (RmmStore   *self,
                                                      gint64        recipient_id,
                                                      GError      **error);

RmmCirculation *rmm_store_cse_list_circulation       (RmmStore     *self,
                                                      const GDate  *as_at,
                                                      GError      **error);

G_END_DECLS
