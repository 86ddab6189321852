/* rmm-area.h: a Children's Social Care area, with its weekly RMM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RMM_TYPE_AREA (rmm_area_get_type ())
G_DECLARE_FINAL_TYPE (RmmArea, rmm_area, RMM, AREA, GObject)

RmmArea    *rmm_area_new              (gint64      id,
                                       const char *name,
                                       const char *framework_id,
                                       guint       n_children);
gint64      rmm_area_get_id           (RmmArea    *self);
const char *rmm_area_get_name         (RmmArea    *self);
const char *rmm_area_get_framework_id (RmmArea    *self);
guint       rmm_area_get_n_children   (RmmArea    *self);

G_END_DECLS
