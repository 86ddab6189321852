/* rmm-attendance-row.h: one agency's attendance at a meeting, as the chair records it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_ATTENDANCE_ROW (rmm_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmAttendanceRow, rmm_attendance_row, RMM, ATTENDANCE_ROW, AdwExpanderRow)

GtkWidget *rmm_attendance_row_new   (const RmmNamedId    *agency,
                                     const char          *sent_on);
gboolean   rmm_attendance_row_read  (RmmAttendanceRow    *self,
                                     RmmAttendanceInput  *input,
                                     char               **sent_on,
                                     GError             **error);

G_END_DECLS
