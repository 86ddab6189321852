/* rmm-store-board.h: the safeguarding board's figures: worked out, published, and read by
 * the board's own login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

gboolean   rmm_store_reads_figures_only (RmmStore     *self);
GPtrArray *rmm_store_read_board_figures (RmmStore     *self,
                                         const GDate  *from,
                                         const GDate  *to,
                                         gint64        area_id,
                                         char        **published,
                                         GError      **error);
char      *rmm_store_why_not_publish    (RmmStore     *self,
                                         gint64        area_id);
gint64     rmm_store_publish_figures    (RmmStore     *self,
                                         const GDate  *from,
                                         const GDate  *to,
                                         gint64        area_id,
                                         GError      **error);
gboolean   rmm_store_reads_all_areas_figures (RmmStore *self);

G_END_DECLS
