/* rmm-schedule-dialog.h: an area's weekly meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-area.h"
#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_SCHEDULE_DIALOG (rmm_schedule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmScheduleDialog, rmm_schedule_dialog, RMM, SCHEDULE_DIALOG,
                      RmmFormDialog)

RmmScheduleDialog *rmm_schedule_dialog_new (GtkWindow *parent,
                                            RmmStore  *store,
                                            RmmArea   *area);

G_END_DECLS
