/* rmm-observer-row.h: an observer at a meeting, with the agency they come from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_OBSERVER_ROW (rmm_observer_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmObserverRow, rmm_observer_row, RMM, OBSERVER_ROW, AdwActionRow)

GtkWidget  *rmm_observer_row_new           (const char       *name,
                                            const RmmNamedId *agency);
const char *rmm_observer_row_get_name      (RmmObserverRow   *self);
gint64      rmm_observer_row_get_agency_id (RmmObserverRow   *self);

G_END_DECLS
