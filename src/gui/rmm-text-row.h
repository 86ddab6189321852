/* rmm-text-row.h: a few lines of text in a preferences group, under their title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RMM_TYPE_TEXT_ROW (rmm_text_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmTextRow, rmm_text_row, RMM, TEXT_ROW, AdwPreferencesRow)

GtkTextView *rmm_text_row_get_view (RmmTextRow *self);
char        *rmm_text_row_dup_text (RmmTextRow *self);

G_END_DECLS
