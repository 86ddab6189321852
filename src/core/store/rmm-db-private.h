/* rmm-db-private.h: what the connection layer's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-db.h"

G_BEGIN_DECLS

char     *rmm_db_file_register                (const char  *path);
void      rmm_db_file_unregister              (char        *key);
gboolean  rmm_db_file_create_private          (const char  *path,
                                               GError     **error);
void      rmm_db_file_make_companions_private (const char  *path);

G_END_DECLS
