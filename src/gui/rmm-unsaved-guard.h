/* rmm-unsaved-guard.h: a dialog's typed input is never thrown away by Escape or Close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     rmm_unsaved_guard_attach    (GtkWindow  *dialog,
                                      const char *question);
void     rmm_unsaved_guard_set_saved (GtkWindow  *dialog);
gboolean rmm_unsaved_guard_hold      (GtkWindow  *parent);

G_END_DECLS
