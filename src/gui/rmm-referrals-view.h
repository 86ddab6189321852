/* rmm-referrals-view.h: the week's referrals across areas, with their deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_REFERRALS_VIEW (rmm_referrals_view_get_type ())
G_DECLARE_FINAL_TYPE (RmmReferralsView, rmm_referrals_view, RMM, REFERRALS_VIEW, GtkBox)

GtkWidget *rmm_referrals_view_new  (void);
void       rmm_referrals_view_load (RmmReferralsView *self,
                                    RmmStore         *store);

G_END_DECLS
