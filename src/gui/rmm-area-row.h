/* rmm-area-row.h: an area in the sidebar, with how many children it has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-area.h"

G_BEGIN_DECLS

#define RMM_TYPE_AREA_ROW (rmm_area_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmAreaRow, rmm_area_row, RMM, AREA_ROW, GtkListBoxRow)

GtkWidget *rmm_area_row_new      (RmmArea    *area);
RmmArea   *rmm_area_row_get_area (RmmAreaRow *self);

G_END_DECLS
