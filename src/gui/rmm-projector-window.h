/* rmm-projector-window.h: the wall screen the room reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-item-clock.h"

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PROJECTOR_WINDOW (rmm_projector_window_get_type ())
G_DECLARE_FINAL_TYPE (RmmProjectorWindow, rmm_projector_window, RMM, PROJECTOR_WINDOW, GtkWindow)

RmmProjectorWindow *rmm_projector_window_new          (RmmStore           *store);
void                rmm_projector_window_follow       (RmmProjectorWindow *self,
                                                       RmmMeeting         *meeting,
                                                       RmmAgendaItem      *item);
void                rmm_projector_window_reload       (RmmProjectorWindow *self);
void                rmm_projector_window_set_blank    (RmmProjectorWindow *self,
                                                       gboolean            blank);
gboolean            rmm_projector_window_get_blank    (RmmProjectorWindow *self);
void                rmm_projector_window_set_revealed (RmmProjectorWindow *self,
                                                       gboolean            revealed);
gboolean            rmm_projector_window_get_revealed (RmmProjectorWindow *self);

void rmm_projector_window_set_clock (RmmProjectorWindow *self,
                                     RmmItemClock       *clock);

G_END_DECLS
