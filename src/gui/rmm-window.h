/* rmm-window.h: the main window: areas, their weekly meetings, the selected meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-application.h"
#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_WINDOW (rmm_window_get_type ())
G_DECLARE_FINAL_TYPE (RmmWindow, rmm_window, RMM, WINDOW, AdwApplicationWindow)

RmmWindow *rmm_window_new       (RmmApplication *application,
                                 RmmStore       *store);
RmmStore  *rmm_window_get_store (RmmWindow      *self);
void       rmm_window_import_file (RmmWindow    *self,
                                   GFile        *file);

G_END_DECLS
