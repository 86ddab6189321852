/* rmm-assessment-dialog.h: record a child's CSE Risk Assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-referral.h"
#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_ASSESSMENT_DIALOG (rmm_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmAssessmentDialog, rmm_assessment_dialog, RMM, ASSESSMENT_DIALOG, AdwWindow)

RmmAssessmentDialog *rmm_assessment_dialog_new (GtkWindow   *parent,
                                                RmmStore    *store,
                                                RmmReferral *referral,
                                                const char  *framework_id);

G_END_DECLS
