/* rmm-open-meeting-dialog.h: the chairs open a meeting: attendance and the confidentiality
 * statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_OPEN_MEETING_DIALOG (rmm_open_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmOpenMeetingDialog, rmm_open_meeting_dialog, RMM, OPEN_MEETING_DIALOG,
                      AdwWindow)

RmmOpenMeetingDialog *rmm_open_meeting_dialog_new (GtkWindow  *parent,
                                                   RmmStore   *store,
                                                   RmmMeeting *meeting);

G_END_DECLS
