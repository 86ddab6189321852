/* rmm-server-banner.h: "the server cannot be reached", across the top of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_SERVER_BANNER (rmm_server_banner_get_type ())
G_DECLARE_FINAL_TYPE (RmmServerBanner, rmm_server_banner, RMM, SERVER_BANNER, GtkWidget)

void rmm_server_banner_watch (RmmServerBanner *self,
                              RmmStore        *store);

G_END_DECLS
