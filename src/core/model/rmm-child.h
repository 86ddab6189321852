/* rmm-child.h: a child known to the RMM, as listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RMM_TYPE_CHILD (rmm_child_get_type ())
G_DECLARE_FINAL_TYPE (RmmChild, rmm_child, RMM, CHILD, GObject)

gint64      rmm_child_get_id            (RmmChild *self);
const char *rmm_child_get_reference     (RmmChild *self);
const char *rmm_child_get_first_name    (RmmChild *self);
const char *rmm_child_get_last_name     (RmmChild *self);
const char *rmm_child_get_date_of_birth (RmmChild *self);
const char *rmm_child_get_area_name     (RmmChild *self);
const char *rmm_child_get_rating        (RmmChild *self);
const char *rmm_child_get_school        (RmmChild *self);
const char *rmm_child_get_rating_label  (RmmChild *self);
char       *rmm_child_dup_initials      (RmmChild *self);
char       *rmm_child_initials          (const char *first_name,
                                         const char *last_name);

G_END_DECLS
