/* rmm-test-support.h: temporary folders for the tests' databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rmm_test_make_folder   (void);
void  rmm_test_remove_folder (const char *folder);

G_END_DECLS
