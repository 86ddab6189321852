/* rmm-pdf-document.h: a small document layout engine on pango and cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a flow of blocks (headings, paragraphs, key–value blocks, checklists,
 * tables) laid out on A4 pages with the protective marking in the header and the title,
 * date and "Page X of Y" in the footer. It writes a tagged PDF (a structure tree a screen
 * reader follows, the language, an outline, internal links from the contents list and
 * metadata) and draws any page on a cairo context, so the same code prints through
 * GtkPrintOperation.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define RMM_PDF_PAGE_WIDTH  595.276   /* A4 in points */
#define RMM_PDF_PAGE_HEIGHT 841.890

typedef struct
{
  const char *title;      /* footer, metadata, outline */
  const char *subject;
  const char *author;
  const char *marking;    /* protective marking: OFFICIAL-SENSITIVE unless configured */
  const char *date;       /* shown in the footer as given */
  const char *language;   /* what a screen reader speaks it as: "en-GB" unless set ("cy") */
  const char *watermark;  /* across every page, e.g. "DRAFT"; NULL for none */
} RmmPdfInfo;

typedef enum
{
  RMM_PDF_ROW_PLAIN   = 0,
  RMM_PDF_ROW_FLAGGED = 1 << 0,   /* overdue, disputed, open: red text and a bar */
  RMM_PDF_ROW_MUTED   = 1 << 1,   /* removed, superseded: grey */
  RMM_PDF_ROW_FLAGGED_LAST = 1 << 2, /* the bar, and only the last column (the flags) red */
} RmmPdfRowFlags;

/* Draws a figure with its top left at the origin, @width by @height points. */
typedef void (*RmmPdfDrawFunc) (cairo_t  *cr,
                                double    width,
                                double    height,
                                gpointer  user_data);

#define RMM_TYPE_PDF_DOCUMENT (rmm_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (RmmPdfDocument, rmm_pdf_document, RMM, PDF_DOCUMENT, GObject)

RmmPdfDocument *rmm_pdf_document_new            (const RmmPdfInfo    *info);
const char     *rmm_pdf_document_get_title      (RmmPdfDocument      *self);
const char     *rmm_pdf_document_get_language   (RmmPdfDocument      *self);
void            rmm_pdf_document_add_title      (RmmPdfDocument      *self,
                                                 const char          *title,
                                                 const char          *subtitle);
void            rmm_pdf_document_add_heading    (RmmPdfDocument      *self,
                                                 guint                level,
                                                 const char          *text);
void            rmm_pdf_document_begin_section  (RmmPdfDocument      *self,
                                                 guint                level,
                                                 const char          *text,
                                                 const char          *continued_text);
void            rmm_pdf_document_end_section    (RmmPdfDocument      *self);
void            rmm_pdf_document_add_paragraph  (RmmPdfDocument      *self,
                                                 const char          *text);
void            rmm_pdf_document_add_note       (RmmPdfDocument      *self,
                                                 const char          *text);
void            rmm_pdf_document_add_key_value  (RmmPdfDocument      *self,
                                                 const char          *key,
                                                 const char          *value);
void            rmm_pdf_document_add_check      (RmmPdfDocument      *self,
                                                 gboolean             checked,
                                                 const char          *text);
void            rmm_pdf_document_begin_table    (RmmPdfDocument      *self,
                                                 guint                n_columns,
                                                 const double        *widths,
                                                 const char * const  *headers);
void            rmm_pdf_document_add_row        (RmmPdfDocument      *self,
                                                 RmmPdfRowFlags       flags,
                                                 const char * const  *cells);
void            rmm_pdf_document_add_drawing    (RmmPdfDocument      *self,
                                                 double               height,
                                                 const char          *description,
                                                 RmmPdfDrawFunc       draw,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);
void            rmm_pdf_document_add_contents   (RmmPdfDocument      *self);
void            rmm_pdf_document_add_page_break (RmmPdfDocument      *self);
void            rmm_pdf_document_forget_layout  (RmmPdfDocument      *self);
guint           rmm_pdf_document_get_n_pages    (RmmPdfDocument      *self);
void            rmm_pdf_document_draw_page      (RmmPdfDocument      *self,
                                                 cairo_t             *cr,
                                                 guint                page);
GBytes         *rmm_pdf_document_to_bytes       (RmmPdfDocument      *self,
                                                 GError             **error);
char           *rmm_pdf_document_to_html        (RmmPdfDocument      *self);
gboolean        rmm_pdf_document_check_target   (const char          *path,
                                                 GError             **error);
gboolean        rmm_pdf_document_write          (RmmPdfDocument      *self,
                                                 const char          *path,
                                                 GError             **error);
const char     *rmm_pdf_get_default_marking     (void);
const char     *rmm_pdf_get_default_language    (void);

G_END_DECLS
