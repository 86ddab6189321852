/* rmm-disruption-dialog.h: recording police disruption of a person of concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_DISRUPTION_DIALOG (rmm_disruption_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmDisruptionDialog, rmm_disruption_dialog, RMM, DISRUPTION_DIALOG,
                      RmmFormDialog)

RmmDisruptionDialog *rmm_disruption_dialog_new (GtkWindow     *parent,
                                                RmmStore      *store,
                                                RmmAgendaItem *item);

G_END_DECLS
