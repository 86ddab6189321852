/* rmm-cli-private.h: what rmmctl's command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-store.h"

G_BEGIN_DECLS

int       rmm_cli_fail          (const GError    *error);
int       rmm_cli_usage_error   (GOptionContext  *context,
                                 const char      *message);
gboolean  rmm_cli_parse_command (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv,
                                 int             *status);
RmmStore *rmm_cli_open_existing (const char      *database,
                                 GError         **error);
int       rmm_cli_meetings      (const char      *database,
                                 int              argc,
                                 char           **argv);
int       rmm_cli_export        (const char      *database,
                                 int              argc,
                                 char           **argv);

G_END_DECLS
