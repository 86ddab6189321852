/* rmm-plan-copies.h: the copies of a plan a circulation sends, and the desktop's mail client
 * that takes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-documents.h"
#include "rmm-store.h"

G_BEGIN_DECLS

gboolean rmm_plan_copies_write          (RmmStore                  *store,
                                         RmmCirculation            *circulation,
                                         const char                *reference,
                                         const char                *dir,
                                         const RmmDocumentOptions  *options,
                                         GHashTable                *files,
                                         GError                   **error);
char    *rmm_plan_copies_make_folder    (GError                   **error);
GStrv    rmm_plan_copies_email_command  (const RmmRecipient        *recipient,
                                         const char                *file,
                                         const char                *reference,
                                         guint                      version);
gboolean rmm_mail_client_is_installed   (void);
gboolean rmm_mail_client_send           (GStrv                      command,
                                         GError                   **error);
gboolean rmm_plan_copies_hand_over      (RmmCirculation            *circulation,
                                         GHashTable                *files,
                                         const char                *reference,
                                         GError                   **error);

G_END_DECLS
