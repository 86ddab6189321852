/* rmm-store-cse-list.h: the county-wide CSE list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

GListModel  *rmm_store_list_cse             (RmmStore            *self,
                                             const GDate         *day,
                                             GError             **error);

G_END_DECLS
