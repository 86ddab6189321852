/* rmm-preview-window.h: a document as it will leave the room, before it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-pdf-document.h"

G_BEGIN_DECLS

#define RMM_TYPE_PREVIEW_WINDOW (rmm_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (RmmPreviewWindow, rmm_preview_window, RMM, PREVIEW_WINDOW, AdwWindow)

RmmPreviewWindow *rmm_preview_window_new         (GtkWindow        *parent,
                                                  RmmPdfDocument   *document,
                                                  const char       *file_name);
guint             rmm_preview_window_get_n_pages (RmmPreviewWindow *self);

G_END_DECLS
