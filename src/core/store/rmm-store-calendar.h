/* rmm-store-calendar.h: what is coming, for a calendar: meetings, plan reviews, actions due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

GPtrArray *rmm_store_list_calendar (RmmStore     *self,
                                    gint64        area_id,
                                    const GDate  *from,
                                    GError      **error);
gboolean   rmm_store_write_calendar (RmmStore    *self,
                                     gint64       area_id,
                                     const GDate *from,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
