/* rmm-document-text.h: how the documents write names, dates and free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rmm-framework.h"

G_BEGIN_DECLS

char            *rmm_document_child_name       (const char      *first_name,
                                                const char      *last_name,
                                                const char      *reference,
                                                gboolean         anonymised);
char            *rmm_document_initials         (const char      *first_name,
                                                const char      *last_name);
char            *rmm_document_format_date      (const char      *iso);
char            *rmm_document_format_short_date (const char   *iso);
char            *rmm_document_format_time      (const char      *utc);
guint            rmm_document_age_on           (const char      *date_of_birth,
                                                const char      *day);

G_END_DECLS
