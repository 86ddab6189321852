/* rmm-children-view.h: every child across areas, searchable and sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_CHILDREN_VIEW (rmm_children_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmChildrenView, rmm_children_view, RMM, CHILDREN_VIEW, GtkBox)

GtkWidget *rmm_children_view_new    (void);
void       rmm_children_view_load   (RmmChildrenView *self,
                                     RmmStore        *store);
void       rmm_children_view_focus_search (RmmChildrenView *self);

G_END_DECLS
