/* rmm-preview.h: showing a document before it leaves the room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rmm-pdf-document.h"

G_BEGIN_DECLS

void rmm_preview_show (GtkWidget      *from,
                       RmmPdfDocument *document,
                       const GError   *error,
                       const char     *file_name);

G_END_DECLS
