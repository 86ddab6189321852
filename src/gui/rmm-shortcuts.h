/* rmm-shortcuts.h: the application's keyboard shortcuts, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *action;       /* detailed: "item.decide('risk-rating')" */
  const char *accel;
} RmmShortcut;

const RmmShortcut *rmm_shortcuts_get_all        (guint          *n_shortcuts);
const char * const *rmm_shortcuts_get_reserved  (void);
void               rmm_shortcuts_install        (GtkApplication *application);

G_END_DECLS
