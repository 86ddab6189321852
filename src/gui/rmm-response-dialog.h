/* rmm-response-dialog.h: the RMM's response to a strategy-discussion trigger, confirmed by
 * both chairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_RESPONSE_DIALOG (rmm_response_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmResponseDialog, rmm_response_dialog, RMM, RESPONSE_DIALOG, AdwWindow)

RmmResponseDialog *rmm_response_dialog_new (GtkWindow        *parent,
                                            RmmStore         *store,
                                            RmmMeeting       *meeting,
                                            const RmmTrigger *trigger);

G_END_DECLS
