/* rmm-concern-dialog.h: record a concern an agency decided not to refer, with its reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_CONCERN_DIALOG (rmm_concern_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmConcernDialog, rmm_concern_dialog, RMM, CONCERN_DIALOG, RmmFormDialog)

RmmConcernDialog *rmm_concern_dialog_new (GtkWindow *parent,
                                          RmmStore  *store);

G_END_DECLS
