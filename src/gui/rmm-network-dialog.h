/* rmm-network-dialog.h: add a professional or the family's contact to a child's network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_NETWORK_DIALOG (rmm_network_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmNetworkDialog, rmm_network_dialog, RMM, NETWORK_DIALOG, RmmFormDialog)

RmmNetworkDialog *rmm_network_dialog_new (GtkWindow     *parent,
                                          RmmStore      *store,
                                          RmmAgendaItem *item);

G_END_DECLS
