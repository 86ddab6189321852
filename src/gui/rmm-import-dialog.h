/* rmm-import-dialog.h: import an agency's referrals CSV: choose, preview, confirm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_IMPORT_DIALOG (rmm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmImportDialog, rmm_import_dialog, RMM, IMPORT_DIALOG, AdwWindow)

RmmImportDialog *rmm_import_dialog_new       (GtkWindow       *parent,
                                              RmmStore        *store);
void             rmm_import_dialog_load_file (RmmImportDialog *self,
                                              GFile           *file);

G_END_DECLS
