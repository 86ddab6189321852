/* rmm-referral-dialog.h: record a referral, finding the child or recording a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_REFERRAL_DIALOG (rmm_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmReferralDialog, rmm_referral_dialog, RMM, REFERRAL_DIALOG, AdwWindow)

RmmReferralDialog *rmm_referral_dialog_new (GtkWindow *parent,
                                            RmmStore  *store);

G_END_DECLS
