/* rmm-lead-dialog.h: the two chairs allocate a lead agency and lead professional
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-decision-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_LEAD_DIALOG (rmm_lead_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmLeadDialog, rmm_lead_dialog, RMM, LEAD_DIALOG, RmmDecisionDialog)

RmmLeadDialog *rmm_lead_dialog_new (GtkWindow     *parent,
                                    RmmStore      *store,
                                    RmmMeeting    *meeting,
                                    RmmAgendaItem *item,
                                    const char    *framework_id);

G_END_DECLS
