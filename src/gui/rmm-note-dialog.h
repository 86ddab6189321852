/* rmm-note-dialog.h: record new information on a child's open case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_NOTE_DIALOG (rmm_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmNoteDialog, rmm_note_dialog, RMM, NOTE_DIALOG, RmmFormDialog)

RmmNoteDialog *rmm_note_dialog_new (GtkWindow     *parent,
                                    RmmStore      *store,
                                    RmmAgendaItem *item);

G_END_DECLS
