/* rmm-summary-row.h: one line of what a meeting decided, read back before sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_SUMMARY_ROW (rmm_summary_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmSummaryRow, rmm_summary_row, RMM, SUMMARY_ROW, AdwActionRow)

GtkWidget *rmm_summary_row_new (const RmmSummaryLine *line);

G_END_DECLS
