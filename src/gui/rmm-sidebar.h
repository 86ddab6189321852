/* rmm-sidebar.h: the main window's sidebar: the views across areas, and the areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-area.h"

G_BEGIN_DECLS

#define RMM_TYPE_SIDEBAR (rmm_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (RmmSidebar, rmm_sidebar, RMM, SIDEBAR, AdwBin)

void     rmm_sidebar_set_areas    (RmmSidebar *self,
                                   GListModel *areas);
RmmArea *rmm_sidebar_dup_area     (RmmSidebar *self);
void     rmm_sidebar_select_area  (RmmSidebar *self,
                                   guint       position);
void     rmm_sidebar_choose_area  (RmmSidebar *self,
                                   guint       position);
void     rmm_sidebar_move_area    (RmmSidebar *self,
                                   int         delta);
void     rmm_sidebar_show_view    (RmmSidebar *self,
                                   const char *page);
void     rmm_sidebar_show_figures_only (RmmSidebar *self);

G_END_DECLS
