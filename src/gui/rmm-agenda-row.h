/* rmm-agenda-row.h: one child on the agenda, with why, rating, time-box and the chairs' menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_AGENDA_ROW (rmm_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (RmmAgendaRow, rmm_agenda_row, RMM, AGENDA_ROW, GtkBox)

GtkWidget     *rmm_agenda_row_new          (RmmStore      *store);
void           rmm_agenda_row_set_item     (RmmAgendaRow  *self,
                                            RmmAgendaItem *item,
                                            const char    *framework_id);
RmmAgendaItem *rmm_agenda_row_get_item     (RmmAgendaRow  *self);
void           rmm_agenda_row_set_why_not_change (RmmAgendaRow *self,
                                                  const char   *why_not);

G_END_DECLS
