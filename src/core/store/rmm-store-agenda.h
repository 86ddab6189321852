/* rmm-store-agenda.h: a meeting's agenda: who is on it, in what order, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

/* How new children are placed on an agenda: triggers, then the highest risk, then by
 * name; or by name alone. */
typedef enum
{
  RMM_AGENDA_ORDER_RISK_FIRST,
  RMM_AGENDA_ORDER_BY_NAME,
} RmmAgendaOrder;

gboolean     rmm_store_refresh_agenda       (RmmStore            *self,
                                             gint64               meeting_id,
                                             guint                time_box,
                                             RmmAgendaOrder       order,
                                             GError             **error);
GListModel  *rmm_store_list_agenda          (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gint64       rmm_store_add_agenda_item      (RmmStore            *self,
                                             gint64               meeting_id,
                                             gint64               child_id,
                                             const char          *reasons,
                                             GError             **error);
gboolean     rmm_store_remove_agenda_item   (RmmStore            *self,
                                             gint64               item_id,
                                             const char          *reason,
                                             GError             **error);
gboolean     rmm_store_move_agenda_item     (RmmStore            *self,
                                             gint64               item_id,
                                             guint                position,
                                             GError             **error);

G_END_DECLS
