/* rmm-oversight-view.h: the safeguarding board's figures for a period, as charts and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_OVERSIGHT_VIEW (rmm_oversight_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmOversightView, rmm_oversight_view, RMM, OVERSIGHT_VIEW, GtkBox)

void rmm_oversight_view_load (RmmOversightView *self,
                              RmmStore         *store);

G_END_DECLS
