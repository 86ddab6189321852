/* rmm-store-figures.h: the safeguarding board's figures for a period and an area or all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

GPtrArray *rmm_store_read_figures (RmmStore     *self,
                                   const GDate  *from,
                                   const GDate  *to,
                                   gint64        area_id,
                                   GError      **error);

G_END_DECLS
