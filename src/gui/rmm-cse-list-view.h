/* rmm-cse-list-view.h: the county-wide CSE list, week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CSE_LIST_VIEW (rmm_cse_list_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmCseListView, rmm_cse_list_view, RMM, CSE_LIST_VIEW, GtkBox)

GtkWidget *rmm_cse_list_view_new  (void);
void       rmm_cse_list_view_load (RmmCseListView *self,
                                   RmmStore       *store);

G_END_DECLS
