/* rmm-store-copy.h: every row of one RMM Desk database into another, of either engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"
#include "rmm-store.h"

G_BEGIN_DECLS

GPtrArray *rmm_store_copy_rows    (RmmDb       *from,
                                   RmmDb       *to,
                                   GError     **error);
gboolean   rmm_store_copy_to_file (RmmStore    *self,
                                   const char  *dest_path,
                                   GError     **error);

G_END_DECLS
