/* rmm-projector.h: the projector, from the chair's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-meeting-session.h"
#include "rmm-projector-window.h"
#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PROJECTOR (rmm_projector_get_type ())
G_DECLARE_FINAL_TYPE (RmmProjector, rmm_projector, RMM, PROJECTOR, GObject)

RmmProjector       *rmm_projector_new            (RmmStore          *store,
                                                  RmmMeetingSession *session,
                                                  GSettings         *settings);
gboolean            rmm_projector_is_open        (RmmProjector   *self);
void                rmm_projector_open           (RmmProjector   *self,
                                                  GtkWindow      *chairs_window);
void                rmm_projector_close          (RmmProjector   *self);
RmmProjectorWindow *rmm_projector_get_window     (RmmProjector   *self);
GdkMonitor         *rmm_projector_choose_monitor (GSettings      *settings,
                                                  GtkWindow      *chairs_window);

G_END_DECLS
