/* rmm-copies.h: the copies a circulation sends (a plan's, a meeting's minutes), and the
 * desktop's mail client that takes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-documents.h"
#include "rmm-store.h"

G_BEGIN_DECLS

gboolean rmm_copies_write               (RmmStore                  *store,
                                         RmmCirculation            *circulation,
                                         const char                *dir,
                                         const RmmDocumentOptions  *options,
                                         GHashTable                *files,
                                         GError                   **error);
char    *rmm_copies_subject             (RmmStore                  *store,
                                         RmmCirculation            *circulation,
                                         GError                   **error);
char    *rmm_copies_make_folder         (GError                   **error);
GStrv    rmm_copies_email_command       (const RmmRecipient        *recipient,
                                         const char                *file,
                                         const char                *subject);
gboolean rmm_copies_hand_over           (RmmCirculation            *circulation,
                                         GHashTable                *files,
                                         const char                *subject,
                                         GError                   **error);
gboolean rmm_mail_client_is_installed   (void);
const char *rmm_mail_client_why_missing (void);
gboolean rmm_mail_client_send           (GStrv                      command,
                                         GError                   **error);

G_END_DECLS
