/* rmm-pdf-document-private.h: what the engine's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rmm-pdf-document.c builds the flow of rows, rmm-pdf-document-layout.c paginates and draws
 * it, rmm-pdf-document-structure.c tags what is drawn with the PDF's logical structure,
 * rmm-pdf-document-output.c writes it as PDF (or HTML) and rmm-pdf-document-catalog.c adds
 * what cairo cannot write to the PDF's catalog.
 */
#pragma once

#include <pango/pango.h>

#include "rmm-document-language.h"
#include "rmm-pdf-document.h"

G_BEGIN_DECLS

#define MARGIN_SIDE    56.7    /* 20 mm */
#define MARGIN_TOP     64.0
#define MARGIN_BOTTOM  70.0
#define CONTENT_WIDTH  (RMM_PDF_PAGE_WIDTH - 2 * MARGIN_SIDE)
#define KEY_WIDTH      150.0
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.0
#define CHECK_SIZE     8.5

typedef enum
{
  STYLE_BODY,
  STYLE_KEY,
  STYLE_NOTE,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_H1,
  STYLE_H2,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_MARGIN,
  STYLE_MARKING,
  STYLE_CHECK,
  N_STYLES
} Style;


typedef enum
{
  ROW_TEXT,
  ROW_HEADING,
  ROW_KEY_VALUE,
  ROW_CHECK,
  ROW_TABLE_HEADER,
  ROW_TABLE_BODY,
  ROW_CONTENTS,
  ROW_PAGE_BREAK,
  ROW_DRAWING,      /* a chart: drawn by a function, its words for the HTML and the record */
  ROW_CONTINUED,    /* a section's heading again atop a page it runs onto; never in the flow */
} RowKind;

typedef struct
{
  char        *text;
  Style        style;
  double       x;          /* from the left margin */
  double       width;
  gboolean     align_end;
  PangoLayout *layout;
  guint        n_lines;
  double      *tops;       /* per line, from the layout's top */
  double      *bottoms;
} Cell;

typedef struct _Row Row;
struct _Row
{
  RowKind         kind;
  GPtrArray      *cells;
  RmmPdfRowFlags  flags;
  double          space_before;
  double          pad;           /* above and below the text */
  gboolean        keep_with_next;
  Row            *header;        /* table body: the header row to repeat */
  guint           level;         /* headings: 1 or 2, shown in the outline */
  char           *dest;          /* headings: the link target's name */
  Row            *target;        /* contents: the heading it points to */
  gboolean        checked;
  guint           page;          /* headings: where pagination put them (from 1) */
  Row            *section;       /* the innermost section the row is in (its own, for the
                                  * heading that begins one), or NULL */
  Row            *outer;         /* a section's heading: the section it is in, or NULL */
  Row            *continued;     /* a section's heading: its ROW_CONTINUED row (owned) */
  RmmPdfDrawFunc  draw;          /* drawings: what draws it, with its data */
  gpointer        draw_data;
  GDestroyNotify  draw_destroy;
  char           *description;   /* drawings: what it shows, in words */

  /* The structure around the row (rmm-pdf-document-structure.c): before its first part,
   * open_sections Sect elements then open_group; after its last, close_group then
   * close_sections Sect elements. */
  const char     *open_group;
  const char     *close_group;
  guint8          open_sections;
  guint8          close_sections;
};

/* A row, or the part of it on one page: lines [start, end) of each cell. */
typedef struct
{
  Row    *row;
  double  y;
  double  height;
  guint  *start;
  guint  *end;
  gboolean furniture;   /* repeated atop a page (a table's header, a section's heading):
                         * not part of the document's structure a second time */
} Placement;

struct _RmmPdfDocument
{
  GObject       parent_instance;

  char         *title;
  char         *subject;
  char         *author;
  char         *marking;
  char         *date;
  char         *language;
  RmmDocumentLanguage written_in;   /* what its footers are laid out in, as its body */
  char         *watermark;  /* '' for none */

  GPtrArray    *rows;
  GPtrArray    *sections;        /* of Row: the section headings open while adding, innermost
                                  * last */
  Row          *table_header;    /* of the table being added to */
  guint         n_headings;

  PangoContext *context;
  GPtrArray    *pages;           /* of GArray of Placement */
};

void   rmm_pdf_cell_free                 (gpointer        data);
void   rmm_pdf_row_free                  (gpointer        data);
void   rmm_pdf_document_expand_contents  (RmmPdfDocument *self);
void   rmm_pdf_document_paginate         (RmmPdfDocument *self);
void   rmm_pdf_document_draw_page_tagged (RmmPdfDocument *self,
                                          cairo_t        *cr,
                                          guint           page,
                                          gboolean        tagged);

void        rmm_pdf_document_plan_structure   (RmmPdfDocument  *self);
void        rmm_pdf_structure_begin_placement (cairo_t         *cr,
                                               const Placement *placement);
void        rmm_pdf_structure_end_placement   (cairo_t         *cr,
                                               const Placement *placement);
const char *rmm_pdf_structure_cell_tag        (const Row       *row,
                                               guint            cell);

gboolean    rmm_pdf_update_catalog            (GByteArray      *pdf,
                                               const char      *language);

G_END_DECLS
