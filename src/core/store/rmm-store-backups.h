/* rmm-store-backups.h: automatic backups beside the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

char        *rmm_store_describe_restore     (const char          *path);

char        *rmm_store_get_backup_folder    (RmmStore            *self);
GPtrArray   *rmm_store_list_backups         (RmmStore            *self,
                                             GError             **error);
gboolean     rmm_store_backup_is_due        (RmmStore            *self);
char        *rmm_store_auto_backup          (RmmStore            *self,
                                             const char          *why,
                                             guint                keep,
                                             GError             **error);
char        *rmm_auto_backup_file           (const char          *database,
                                             const char          *why,
                                             guint                keep,
                                             GError             **error);

G_END_DECLS
