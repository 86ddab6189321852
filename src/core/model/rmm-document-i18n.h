/* rmm-document-i18n.h: gettext for the documents' sources, in the document's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included in place of <glib/gi18n.h> by every source of a document, and by the model's
 * sources of labels, which documents print too: _() is then the document's language while one
 * is being built (rmm-document-language.c says why), and N_() marks as before.
 * A counted message is rmm_document_ngettext ()'s.
 */
#pragma once

#include <glib/gi18n.h>

#include "rmm-document-language.h"

#undef _
#define _(String) rmm_document_gettext (String)
