/* rmm-addresses.h: what an email address and a recipient domain are, and which domains a
 * document may go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *rmm_address_why_not_email  (const char          *address);
const char *rmm_address_why_not_domain (const char          *domain);
char       *rmm_address_get_domain     (const char          *address);
char       *rmm_address_normalize_domain (const char        *text);
gboolean    rmm_address_is_allowed     (const char          *address,
                                        const char * const  *allowed_domains);

G_END_DECLS
