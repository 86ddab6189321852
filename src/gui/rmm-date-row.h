/* rmm-date-row.h: a date as people type it, with a calendar beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RMM_TYPE_DATE_ROW (rmm_date_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmDateRow, rmm_date_row, RMM, DATE_ROW, AdwEntryRow)

GtkWidget *rmm_date_row_new      (const char  *title);
gboolean   rmm_date_row_get_date (RmmDateRow  *self,
                                  char       **iso,
                                  GError     **error);
void       rmm_date_row_set_date (RmmDateRow  *self,
                                  const char  *iso);

G_END_DECLS
