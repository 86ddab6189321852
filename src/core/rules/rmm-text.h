/* rmm-text.h: what text the record accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar rmm_text_find_control (const char *text,
                                gboolean    free_text,
                                guint      *position);
char    *rmm_text_quote        (const char *text,
                                guint       max_chars);
const char *rmm_text_why_not_reference (const char *reference);

/* The longest a child's reference can be. */
#define RMM_REFERENCE_MAX_CHARS 32

G_END_DECLS
