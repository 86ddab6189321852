/* rmm-store-integrity.h: the whole file checked: SQLite, the schema, the audit trail and its
 * anchors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

gboolean     rmm_store_check                (RmmStore            *self,
                                             GPtrArray          **problems,
                                             GError             **error);

G_END_DECLS
