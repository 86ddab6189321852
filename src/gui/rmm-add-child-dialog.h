/* rmm-add-child-dialog.h: a chair adds a child to a meeting's agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_ADD_CHILD_DIALOG (rmm_add_child_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmAddChildDialog, rmm_add_child_dialog, RMM, ADD_CHILD_DIALOG, AdwWindow)

RmmAddChildDialog *rmm_add_child_dialog_new (GtkWindow *parent,
                                             RmmStore  *store,
                                             gint64     meeting_id,
                                             gint64     area_id);

G_END_DECLS
