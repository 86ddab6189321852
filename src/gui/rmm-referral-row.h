/* rmm-referral-row.h: a referral in the week's list: who, from whom, the concern, the deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-referral.h"

G_BEGIN_DECLS

#define RMM_TYPE_REFERRAL_ROW (rmm_referral_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmReferralRow, rmm_referral_row, RMM, REFERRAL_ROW, GtkListBoxRow)

GtkWidget   *rmm_referral_row_new          (RmmReferral    *referral);
RmmReferral *rmm_referral_row_get_referral (RmmReferralRow *self);

G_END_DECLS
