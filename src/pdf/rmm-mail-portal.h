/* rmm-mail-portal.h: an email with its attachment through the desktop's email portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean rmm_mail_portal_is_chosen    (void);
gboolean rmm_mail_portal_is_available (void);
gboolean rmm_mail_portal_compose      (const char  *address,
                                       const char  *subject,
                                       const char  *file,
                                       GError     **error);

G_END_DECLS
