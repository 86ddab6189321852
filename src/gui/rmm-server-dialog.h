/* rmm-server-dialog.h: Connect to Server: the county's shared database instead of this
 * computer's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RMM_TYPE_SERVER_DIALOG (rmm_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmServerDialog, rmm_server_dialog, RMM, SERVER_DIALOG, AdwWindow)

RmmServerDialog *rmm_server_dialog_new (GtkWindow *parent,
                                        GSettings *settings);

G_END_DECLS
