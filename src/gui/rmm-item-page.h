/* rmm-item-page.h: one child on the agenda, as the room runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts the room needs, the decisions the chairs confirm, the minutes as the
 * minute-taker types them, and the item's outcome: discussed, or deferred with a reason.
 */
#pragma once

#include <adwaita.h>

#include "rmm-item-clock.h"

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_ITEM_PAGE (rmm_item_page_get_type ())
G_DECLARE_FINAL_TYPE (RmmItemPage, rmm_item_page, RMM, ITEM_PAGE, GtkWidget)

void           rmm_item_page_show_item     (RmmItemPage   *self,
                                            RmmStore      *store,
                                            RmmMeeting    *meeting,
                                            RmmAgendaItem *item,
                                            const char    *framework_id);
RmmAgendaItem *rmm_item_page_get_item      (RmmItemPage   *self);
GActionGroup  *rmm_item_page_get_actions   (RmmItemPage   *self);
void           rmm_item_page_set_clock     (RmmItemPage   *self,
                                            RmmItemClock  *clock);
void           rmm_item_page_set_active    (RmmItemPage   *self,
                                            gboolean       active);
void           rmm_item_page_reload        (RmmItemPage   *self);
void           rmm_item_page_save_minutes  (RmmItemPage   *self);

G_END_DECLS
