/* rmm-preferences-window.h: the agenda's time-box and order; the documents' marking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_PREFERENCES_WINDOW (rmm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RmmPreferencesWindow, rmm_preferences_window, RMM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

RmmPreferencesWindow *rmm_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings,
                                                  RmmStore  *store);

G_END_DECLS
