/* rmm-closure-dialog.h: the two chairs close a child's case, with reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-decision-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_CLOSURE_DIALOG (rmm_closure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmClosureDialog, rmm_closure_dialog, RMM, CLOSURE_DIALOG, RmmDecisionDialog)

RmmClosureDialog *rmm_closure_dialog_new (GtkWindow     *parent,
                                          RmmStore      *store,
                                          RmmMeeting    *meeting,
                                          RmmAgendaItem *item);

G_END_DECLS
