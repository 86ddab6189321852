/* rmm-document-language.h: the language a document is written in, whatever the window's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RmmDocumentLanguage:
 * @RMM_DOCUMENT_LANGUAGE_DEFAULT: as the window (the desktop's language), for a document no
 *   one chose a language for
 * @RMM_DOCUMENT_LANGUAGE_ENGLISH: English ("en")
 * @RMM_DOCUMENT_LANGUAGE_WELSH: Welsh ("cy")
 * @RMM_DOCUMENT_LANGUAGE_BOTH: bilingual, Welsh first ("both"), as the Welsh Language
 *   Standards expect: each heading and sentence in Welsh, then English
 */
typedef enum
{
  RMM_DOCUMENT_LANGUAGE_DEFAULT,
  RMM_DOCUMENT_LANGUAGE_ENGLISH,
  RMM_DOCUMENT_LANGUAGE_WELSH,
  RMM_DOCUMENT_LANGUAGE_BOTH,
} RmmDocumentLanguage;

gboolean     rmm_document_language_parse     (const char          *text,
                                              RmmDocumentLanguage *language);
const char  *rmm_document_language_to_string (RmmDocumentLanguage  language);
const char  *rmm_document_language_tag       (RmmDocumentLanguage  language);

void         rmm_document_language_push      (RmmDocumentLanguage  language);
void         rmm_document_language_pop       (void);
RmmDocumentLanguage rmm_document_language_get_current (void);

const char  *rmm_document_gettext            (const char          *msgid);
const char  *rmm_document_ngettext           (const char          *singular,
                                              const char          *plural,
                                              gulong               n);
const char  *rmm_document_month_name         (guint                month,
                                              gboolean             abbreviated);

const char  *rmm_get_locale_dir              (void);

G_END_DECLS
