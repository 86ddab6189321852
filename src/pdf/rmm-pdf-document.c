/* rmm-pdf-document.c: a small document layout engine on pango and cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything added becomes a row of cells (a paragraph is a row of one cell, a key–value
 * pair a row of two). Pagination places rows top to bottom; a row that does not fit is
 * split between lines, never through one, and a table's header row is repeated above the
 * rest of the table on each new page. Headings keep with what follows them. Pagination
 * runs once, so "Page X of Y" and the contents' page numbers are known before drawing.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "rmm-error.h"
#include "rmm-pdf-document.h"

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
  N_STYLES
} Style;

static const char *style_fonts[N_STYLES] = {
  [STYLE_BODY] = "Cantarell 10",
  [STYLE_KEY] = "Cantarell Bold 10",
  [STYLE_NOTE] = "Cantarell 8.5",
  [STYLE_TITLE] = "Cantarell Bold 20",
  [STYLE_SUBTITLE] = "Cantarell 12",
  [STYLE_H1] = "Cantarell Bold 14",
  [STYLE_H2] = "Cantarell Bold 11.5",
  [STYLE_TABLE] = "Cantarell 9",
  [STYLE_TABLE_HEADER] = "Cantarell Bold 9",
  [STYLE_MARGIN] = "Cantarell 8",
  [STYLE_MARKING] = "Cantarell Bold 9",
};

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
};

/* A row, or the part of it on one page: lines [start, end) of each cell. */
typedef struct
{
  Row    *row;
  double  y;
  double  height;
  guint  *start;
  guint  *end;
} Placement;

struct _RmmPdfDocument
{
  GObject       parent_instance;

  char         *title;
  char         *subject;
  char         *author;
  char         *marking;
  char         *date;

  GPtrArray    *rows;
  Row          *table_header;    /* of the table being added to */
  guint         n_headings;

  PangoContext *context;
  GPtrArray    *pages;           /* of GArray of Placement */
};

G_DEFINE_FINAL_TYPE (RmmPdfDocument, rmm_pdf_document, G_TYPE_OBJECT)

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_clear_object (&cell->layout);
  g_free (cell->tops);
  g_free (cell->bottoms);
  g_free (cell);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row->dest);
  g_free (row);
}

static void
placement_clear (gpointer data)
{
  Placement *placement = data;

  g_free (placement->start);
  g_free (placement->end);
}

static void
rmm_pdf_document_finalize (GObject *object)
{
  RmmPdfDocument *self = (RmmPdfDocument *)object;

  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);
  g_free (self->marking);
  g_free (self->date);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rmm_pdf_document_parent_class)->finalize (object);
}

static void
rmm_pdf_document_class_init (RmmPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_pdf_document_finalize;
}

static void
rmm_pdf_document_init (RmmPdfDocument *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

const char *
rmm_pdf_get_default_marking (void)
{
  return "OFFICIAL-SENSITIVE";
}

/**
 * rmm_pdf_document_new:
 * @info: the title, marking and metadata; copied
 */
RmmPdfDocument *
rmm_pdf_document_new (const RmmPdfInfo *info)
{
  RmmPdfDocument *self = g_object_new (RMM_TYPE_PDF_DOCUMENT, NULL);

  g_return_val_if_fail (info != NULL && info->title != NULL, NULL);

  self->title = g_strdup (info->title);
  self->subject = g_strdup (info->subject ? info->subject : "");
  self->author = g_strdup (info->author ? info->author : PACKAGE_NAME);
  self->marking = g_strdup (info->marking && *info->marking ? info->marking
                                                           : rmm_pdf_get_default_marking ());
  self->date = g_strdup (info->date ? info->date : "");
  return self;
}

const char *
rmm_pdf_document_get_title (RmmPdfDocument *self)
{
  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);
  return self->title;
}

/* Adding. */

static Row *
add_row (RmmPdfDocument *self,
         RowKind         kind,
         double          space_before)
{
  Row *row = g_new0 (Row, 1);

  /* Anything added after a table ends it. */
  if (kind != ROW_TABLE_BODY && kind != ROW_TABLE_HEADER)
    self->table_header = NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  row->kind = kind;
  row->cells = g_ptr_array_new_with_free_func (cell_free);
  row->space_before = space_before;
  g_ptr_array_add (self->rows, row);
  return row;
}

static Cell *
add_cell (Row        *row,
          const char *text,
          Style       style,
          double      x,
          double      width)
{
  Cell *cell = g_new0 (Cell, 1);

  /* Text from outside is stored as given; pango needs valid UTF-8. */
  cell->text = g_utf8_make_valid (text ? text : "", -1);
  cell->style = style;
  cell->x = x;
  cell->width = width;
  g_ptr_array_add (row->cells, cell);
  return cell;
}

/* The document's title block at the top of the first page. */
void
rmm_pdf_document_add_title (RmmPdfDocument *self,
                            const char     *title,
                            const char     *subtitle)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  row = add_row (self, ROW_TEXT, 0);
  add_cell (row, title, STYLE_TITLE, 0, CONTENT_WIDTH);
  if (subtitle != NULL && *subtitle != '\0')
    {
      row = add_row (self, ROW_TEXT, 4);
      add_cell (row, subtitle, STYLE_SUBTITLE, 0, CONTENT_WIDTH);
    }
}

/**
 * rmm_pdf_document_add_heading:
 * @level: 1 for a section (in the contents and the outline), 2 for a part of one
 *   (in the outline, under its section)
 */
void
rmm_pdf_document_add_heading (RmmPdfDocument *self,
                              guint           level,
                              const char     *text)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);

  row = add_row (self, ROW_HEADING, level == 1 ? 18 : 10);
  add_cell (row, text, level == 1 ? STYLE_H1 : STYLE_H2, 0, CONTENT_WIDTH);
  row->level = level;
  row->keep_with_next = TRUE;
  row->pad = level == 1 ? 3 : 0;
  row->dest = g_strdup_printf ("section-%u", ++self->n_headings);
}

void
rmm_pdf_document_add_paragraph (RmmPdfDocument *self,
                                const char     *text)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  add_cell (add_row (self, ROW_TEXT, 5), text, STYLE_BODY, 0, CONTENT_WIDTH);
}

/* A small grey line: where something comes from, or why something is left out. */
void
rmm_pdf_document_add_note (RmmPdfDocument *self,
                           const char     *text)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  add_cell (add_row (self, ROW_TEXT, 4), text, STYLE_NOTE, 0, CONTENT_WIDTH);
}

void
rmm_pdf_document_add_key_value (RmmPdfDocument *self,
                                const char     *key,
                                const char     *value)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  row = add_row (self, ROW_KEY_VALUE, 3);
  add_cell (row, key, STYLE_KEY, 0, KEY_WIDTH - 8);
  add_cell (row, value, STYLE_BODY, KEY_WIDTH, CONTENT_WIDTH - KEY_WIDTH);
}

void
rmm_pdf_document_add_check (RmmPdfDocument *self,
                            gboolean        checked,
                            const char     *text)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  row = add_row (self, ROW_CHECK, 3);
  row->checked = checked;
  add_cell (row, text, STYLE_BODY, CHECK_SIZE + 8, CONTENT_WIDTH - CHECK_SIZE - 8);
}

static void
add_table_cells (Row                *row,
                 guint               n_columns,
                 const double       *widths,
                 const char * const *texts,
                 Style               style)
{
  double x = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      double width = widths[i] * CONTENT_WIDTH;

      add_cell (row, texts[i], style, x + CELL_PAD_X, width - 2 * CELL_PAD_X);
      x += width;
    }
}

/**
 * rmm_pdf_document_begin_table:
 * @widths: each column's share of the text width; they add up to 1
 * @headers: @n_columns header texts, repeated on each page the table runs onto
 *
 * Rows added with rmm_pdf_document_add_row() go into this table until anything else is added.
 */
void
rmm_pdf_document_begin_table (RmmPdfDocument     *self,
                              guint               n_columns,
                              const double       *widths,
                              const char * const *headers)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && widths != NULL && headers != NULL);

  row = add_row (self, ROW_TABLE_HEADER, 6);
  row->pad = CELL_PAD_Y;
  row->keep_with_next = TRUE;
  add_table_cells (row, n_columns, widths, headers, STYLE_TABLE_HEADER);
  self->table_header = row;
}

/**
 * rmm_pdf_document_add_row:
 * @cells: as many texts as the table has columns
 */
void
rmm_pdf_document_add_row (RmmPdfDocument     *self,
                          RmmPdfRowFlags      flags,
                          const char * const *cells)
{
  Row *header;
  Row *row;
  guint n_columns;
  g_autofree double *widths = NULL;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (self->table_header != NULL);

  header = self->table_header;
  n_columns = header->cells->len;
  widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      Cell *cell = g_ptr_array_index (header->cells, i);

      widths[i] = (cell->width + 2 * CELL_PAD_X) / CONTENT_WIDTH;
    }
  row = add_row (self, ROW_TABLE_BODY, 0);
  row->header = header;
  row->flags = flags;
  row->pad = CELL_PAD_Y;
  add_table_cells (row, n_columns, widths, cells, STYLE_TABLE);
}

/* The contents: one linked line per section heading, with its page. Its place in the
 * flow is here; the lines are made when the document is laid out. */
void
rmm_pdf_document_add_contents (RmmPdfDocument *self)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  add_row (self, ROW_CONTENTS, 10);
}

void
rmm_pdf_document_add_page_break (RmmPdfDocument *self)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  add_row (self, ROW_PAGE_BREAK, 0);
}

/* Laying out. */

static PangoContext *
get_context (RmmPdfDocument *self)
{
  if (self->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Points as units, and no hinting: the same metrics on a PDF and a printer. */
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_context_set_round_glyph_positions (self->context, FALSE);
      cairo_font_options_destroy (options);
    }
  return self->context;
}

static void
layout_cell (RmmPdfDocument *self,
             Cell           *cell)
{
  PangoFontDescription *font = pango_font_description_from_string (style_fonts[cell->style]);
  PangoLayoutIter *iter;
  guint i = 0;

  g_clear_object (&cell->layout);
  cell->layout = pango_layout_new (get_context (self));
  pango_layout_set_font_description (cell->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (cell->layout, pango_units_from_double (cell->width));
  pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (cell->layout, TRUE);
  if (cell->align_end)
    pango_layout_set_alignment (cell->layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (cell->layout, cell->text, -1);

  cell->n_lines = pango_layout_get_line_count (cell->layout);
  g_free (cell->tops);
  g_free (cell->bottoms);
  cell->tops = g_new (double, cell->n_lines);
  cell->bottoms = g_new (double, cell->n_lines);
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      cell->tops[i] = pango_units_to_double (top);
      cell->bottoms[i] = pango_units_to_double (bottom);
      i++;
    }
  while (i < cell->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static Row *
new_contents_entry (Row *heading,
                    double space_before)
{
  Row *entry = g_new0 (Row, 1);
  Cell *page;

  entry->kind = ROW_CONTENTS;
  entry->cells = g_ptr_array_new_with_free_func (cell_free);
  entry->space_before = space_before;
  entry->target = heading;
  add_cell (entry, ((Cell *)g_ptr_array_index (heading->cells, 0))->text, STYLE_BODY, 0,
            CONTENT_WIDTH - 50);
  /* Wide enough for any page number; filled in when drawn. */
  page = add_cell (entry, "0000", STYLE_BODY, CONTENT_WIDTH - 40, 40);
  page->align_end = TRUE;
  return entry;
}

/* The contents become one row per section heading after them; done before laying out. */
static void
expand_contents (RmmPdfDocument *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      gboolean first = TRUE;

      if (row->kind != ROW_CONTENTS || row->target != NULL)
        {
          g_ptr_array_add (rows, row);
          continue;
        }
      for (guint j = i + 1; j < self->rows->len; j++)
        {
          Row *heading = g_ptr_array_index (self->rows, j);

          if (heading->kind != ROW_HEADING || heading->level != 1)
            continue;
          g_ptr_array_add (rows, new_contents_entry (heading, first ? row->space_before : 2));
          first = FALSE;
        }
      row_free (row);
    }
  g_ptr_array_set_free_func (self->rows, NULL);
  g_ptr_array_unref (self->rows);
  self->rows = rows;
}

static double
cell_span (const Cell *cell,
           guint       start,
           guint       end)
{
  return end > start ? cell->bottoms[end - 1] - cell->tops[start] : 0;
}

static double
row_height (const Row *row)
{
  double height = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = g_ptr_array_index (row->cells, i);

      height = MAX (height, cell_span (cell, 0, cell->n_lines));
    }
  if (row->kind == ROW_CHECK)
    height = MAX (height, CHECK_SIZE + 2);
  return height + 2 * row->pad;
}

/* Room the first line of @row needs, so that a heading is not left alone at a page's end. */
static double
first_line_height (const Row *row)
{
  double height = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = g_ptr_array_index (row->cells, i);

      height = MAX (height, cell_span (cell, 0, MIN (cell->n_lines, 2)));
    }
  return height + 2 * row->pad;
}

/* The least of @row that can start a page: two lines of a paragraph, else all of it. */
static double
least_height (const Row *row)
{
  if (row->kind == ROW_TEXT)
    return first_line_height (row);
  return MIN (row_height (row), RMM_PDF_PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 40);
}

typedef struct
{
  RmmPdfDocument *self;
  GArray         *page;
  double          y;
} Cursor;

static void
new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_array_set_clear_func (cursor->page, placement_clear);
  g_ptr_array_add (cursor->self->pages, cursor->page);
  cursor->y = MARGIN_TOP;
}

static void
place (Cursor     *cursor,
       Row        *row,
       const guint *start,
       const guint *end)
{
  Placement placement = { row, cursor->y, 0, NULL, NULL };
  guint n = row->cells->len;
  double height = 0;

  placement.start = g_memdup2 (start, n * sizeof (guint));
  placement.end = g_memdup2 (end, n * sizeof (guint));
  for (guint i = 0; i < n; i++)
    height = MAX (height, cell_span (g_ptr_array_index (row->cells, i), start[i], end[i]));
  if (row->kind == ROW_CHECK)
    height = MAX (height, CHECK_SIZE + 2);
  placement.height = height + 2 * row->pad;
  g_array_append_val (cursor->page, placement);
  cursor->y += placement.height;
  if (row->kind == ROW_HEADING && row->page == 0)
    row->page = cursor->self->pages->len;
}

static void
place_whole (Cursor *cursor,
             Row    *row)
{
  guint n = row->cells->len;
  g_autofree guint *start = g_new0 (guint, n);
  g_autofree guint *end = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    end[i] = ((Cell *)g_ptr_array_index (row->cells, i))->n_lines;
  place (cursor, row, start, end);
}

static void
turn_page (Cursor *cursor,
           Row    *row)
{
  new_page (cursor);
  if (row->header != NULL)
    place_whole (cursor, row->header);
}

/* Places @row, splitting it between lines over as many pages as it needs. */
static void
place_split (Cursor *cursor,
             Row    *row)
{
  guint n = row->cells->len;
  g_autofree guint *start = g_new0 (guint, n);
  g_autofree guint *end = g_new0 (guint, n);
  double bottom = RMM_PDF_PAGE_HEIGHT - MARGIN_BOTTOM;

  for (;;)
    {
      double room = bottom - cursor->y - 2 * row->pad;
      gboolean done = TRUE;
      gboolean stuck = FALSE;
      gboolean page_is_fresh = cursor->page->len == 0
                               || (cursor->page->len == 1 && row->header != NULL);

      for (guint i = 0; i < n; i++)
        {
          Cell *cell = g_ptr_array_index (row->cells, i);

          end[i] = start[i];
          while (end[i] < cell->n_lines && cell_span (cell, start[i], end[i] + 1) <= room)
            end[i]++;
          /* A line taller than a whole page is placed anyway, rather than never. */
          if (end[i] == start[i] && start[i] < cell->n_lines && page_is_fresh)
            end[i]++;
          if (end[i] == start[i] && start[i] < cell->n_lines)
            stuck = TRUE;
          if (end[i] < cell->n_lines)
            done = FALSE;
        }
      if (stuck)
        {
          turn_page (cursor, row);
          continue;
        }
      place (cursor, row, start, end);
      if (done)
        return;
      memcpy (start, end, n * sizeof (guint));
      turn_page (cursor, row);
    }
}

static double
header_height (const Row *row)
{
  return row->header != NULL ? row_height (row->header) : 0;
}

static void
paginate (RmmPdfDocument *self)
{
  Cursor cursor = { self, NULL, 0 };
  double bottom = RMM_PDF_PAGE_HEIGHT - MARGIN_BOTTOM;

  if (self->pages != NULL)
    return;
  expand_contents (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      row->page = 0;
      for (guint j = 0; j < row->cells->len; j++)
        layout_cell (self, g_ptr_array_index (row->cells, j));
    }

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  new_page (&cursor);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      Row *next = i + 1 < self->rows->len ? g_ptr_array_index (self->rows, i + 1) : NULL;
      double space = cursor.page->len == 0 ? 0 : row->space_before;
      double height, needed;

      if (row->kind == ROW_PAGE_BREAK)
        {
          if (cursor.page->len > 0)
            new_page (&cursor);
          continue;
        }
      height = row_height (row);
      needed = height;
      if (row->keep_with_next && next != NULL && next->kind != ROW_PAGE_BREAK)
        needed += next->space_before + least_height (next);
      if (cursor.page->len > 0 && cursor.y + space + needed > bottom)
        {
          /* A paragraph runs on over the page when two lines fit here; headings, table
           * rows and the like move whole to the next page when they fit one. */
          gboolean runs_on = row->kind == ROW_TEXT
                             && cursor.y + space + first_line_height (row) <= bottom;

          if (!runs_on && needed <= bottom - MARGIN_TOP - header_height (row))
            {
              turn_page (&cursor, row);
              space = 0;
            }
        }
      cursor.y += space;
      if (cursor.y + height <= bottom)
        place_whole (&cursor, row);
      else
        place_split (&cursor, row);
    }
}

guint
rmm_pdf_document_get_n_pages (RmmPdfDocument *self)
{
  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), 0);

  paginate (self);
  return self->pages->len;
}

/* Drawing. */

static void
set_text_colour (cairo_t        *cr,
                 RmmPdfRowFlags  flags,
                 Style           style)
{
  if (flags & RMM_PDF_ROW_FLAGGED_TEXT)
    cairo_set_source_rgb (cr, 0.64, 0.09, 0.09);
  else if ((flags & RMM_PDF_ROW_MUTED) || style == STYLE_NOTE || style == STYLE_MARGIN)
    cairo_set_source_rgb (cr, 0.40, 0.40, 0.42);
  else if (style == STYLE_H1 || style == STYLE_TITLE)
    cairo_set_source_rgb (cr, 0.11, 0.25, 0.45);
  else
    cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
}

static void
draw_cell_lines (cairo_t    *cr,
                 const Cell *cell,
                 double      x,
                 double      y,
                 guint       start,
                 guint       end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
  guint i = 0;

  do
    {
      if (i >= start && i < end)
        {
          PangoRectangle logical;
          double baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + pango_units_to_double (logical.x),
                         y + baseline - cell->tops[start]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_row_decoration (cairo_t         *cr,
                     const Placement *placement,
                     double           left)
{
  const Row *row = placement->row;

  switch (row->kind)
    {
    case ROW_TABLE_HEADER:
      cairo_set_source_rgb (cr, 0.88, 0.91, 0.95);
      cairo_rectangle (cr, left, placement->y, CONTENT_WIDTH, placement->height);
      cairo_fill (cr);
      break;
    case ROW_TABLE_BODY:
      cairo_set_source_rgb (cr, 0.80, 0.81, 0.83);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, placement->y + placement->height);
      cairo_line_to (cr, left + CONTENT_WIDTH, placement->y + placement->height);
      cairo_stroke (cr);
      break;
    case ROW_HEADING:
      if (row->level == 1 && placement->start[0] == 0)
        {
          cairo_set_source_rgb (cr, 0.11, 0.25, 0.45);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, left, placement->y + placement->height);
          cairo_line_to (cr, left + CONTENT_WIDTH, placement->y + placement->height);
          cairo_stroke (cr);
        }
      break;
    case ROW_CHECK:
      cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, left + 0.5, placement->y + 2.5, CHECK_SIZE, CHECK_SIZE);
      cairo_stroke (cr);
      if (row->checked)
        {
          cairo_move_to (cr, left + 2.2, placement->y + 2.5 + CHECK_SIZE * 0.55);
          cairo_line_to (cr, left + 4.2, placement->y + 2.5 + CHECK_SIZE - 1.6);
          cairo_line_to (cr, left + CHECK_SIZE - 1, placement->y + 4);
          cairo_stroke (cr);
        }
      break;
    case ROW_TEXT:
    case ROW_KEY_VALUE:
    case ROW_CONTENTS:
    case ROW_PAGE_BREAK:
    default:
      break;
    }
  if (row->flags & (RMM_PDF_ROW_FLAGGED | RMM_PDF_ROW_FLAGGED_LAST))
    {
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_rectangle (cr, left - 5, placement->y + 1, 2.5, placement->height - 2);
      cairo_fill (cr);
    }
}

static void
draw_placement (cairo_t         *cr,
                const Placement *placement)
{
  Row *row = placement->row;
  g_autofree char *attributes = NULL;
  const char *tag = NULL;

  draw_row_decoration (cr, placement, MARGIN_SIDE);
  if (row->kind == ROW_HEADING && placement->start[0] == 0)
    {
      tag = CAIRO_TAG_DEST;
      attributes = g_strdup_printf ("name='%s'", row->dest);
    }
  else if (row->kind == ROW_CONTENTS)
    {
      g_autofree char *page = g_strdup_printf ("%u", row->target->page);
      Cell *number = g_ptr_array_index (row->cells, 1);

      pango_layout_set_text (number->layout, page, -1);
      tag = CAIRO_TAG_LINK;
      attributes = g_strdup_printf ("dest='%s'", row->target->dest);
    }
  if (tag != NULL)
    cairo_tag_begin (cr, tag, attributes);
  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = g_ptr_array_index (row->cells, i);
      RmmPdfRowFlags flags = row->flags;

      if ((flags & RMM_PDF_ROW_FLAGGED) ||
          ((flags & RMM_PDF_ROW_FLAGGED_LAST) && i + 1 == row->cells->len))
        flags |= RMM_PDF_ROW_FLAGGED_TEXT;
      set_text_colour (cr, flags, cell->style);
      draw_cell_lines (cr, cell, MARGIN_SIDE + cell->x, placement->y + row->pad,
                       placement->start[i], placement->end[i]);
    }
  if (tag != NULL)
    cairo_tag_end (cr, tag);
}

static void
draw_margin_text (RmmPdfDocument *self,
                  cairo_t        *cr,
                  const char     *text,
                  Style           style,
                  PangoAlignment  alignment,
                  double          y)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  PangoFontDescription *font = pango_font_description_from_string (style_fonts[style]);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (CONTENT_WIDTH));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  set_text_colour (cr, RMM_PDF_ROW_PLAIN, style);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
draw_header_and_footer (RmmPdfDocument *self,
                        cairo_t        *cr,
                        guint           page)
{
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double footer = RMM_PDF_PAGE_HEIGHT - MARGIN_BOTTOM + 22;
  /* The date once, even when the title already carries it. */
  g_autofree char *left = *self->date == '\0' || strstr (self->title, self->date)
                          ? g_strdup (self->title)
                          : g_strdup_printf ("%s · %s", self->title, self->date);

  draw_margin_text (self, cr, self->marking, STYLE_MARKING, PANGO_ALIGN_CENTER, 26);
  cairo_set_source_rgb (cr, 0.80, 0.81, 0.83);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, footer - 5);
  cairo_line_to (cr, RMM_PDF_PAGE_WIDTH - MARGIN_SIDE, footer - 5);
  cairo_stroke (cr);
  draw_margin_text (self, cr, left, STYLE_MARGIN, PANGO_ALIGN_LEFT, footer);
  draw_margin_text (self, cr, page_text, STYLE_MARGIN, PANGO_ALIGN_RIGHT, footer);
  draw_margin_text (self, cr, self->marking, STYLE_MARKING, PANGO_ALIGN_CENTER,
                    RMM_PDF_PAGE_HEIGHT - 24);
}

/**
 * rmm_pdf_document_draw_page:
 * @cr: user space in points, with the origin at the paper's top-left corner
 * @page: from 0
 */
void
rmm_pdf_document_draw_page (RmmPdfDocument *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *placements;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  paginate (self);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  draw_header_and_footer (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (cr, &g_array_index (placements, Placement, i));
  cairo_restore (cr);
}

/* The same flow as HTML. */

static void
append_escaped (GString    *html,
                const char *element,
                const char *attributes,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (html, "<%s%s>%s</%s>", element, attributes ? attributes : "",
                          escaped, element);
}

static const char *
cell_text (const Row *row,
           guint      i)
{
  return ((Cell *)g_ptr_array_index (row->cells, i))->text;
}

/* Close what the previous row opened when the next one does not continue it. */
static void
close_element (GString *html,
               RowKind  previous,
               RowKind  next)
{
  if (previous == ROW_KEY_VALUE && next != ROW_KEY_VALUE)
    g_string_append (html, "</table>\n");
  if ((previous == ROW_TABLE_HEADER || previous == ROW_TABLE_BODY) && next != ROW_TABLE_BODY)
    g_string_append (html, "</tbody></table>\n");
  if (previous == ROW_CONTENTS && next != ROW_CONTENTS)
    g_string_append (html, "</ul>\n");
}

static void
append_row_html (GString   *html,
                 const Row *row,
                 RowKind    previous)
{
  static const char *text_elements[N_STYLES] = {
    [STYLE_TITLE] = "h1", [STYLE_SUBTITLE] = "p class=\"subtitle\"",
    [STYLE_NOTE] = "p class=\"note\"",
  };
  const char *element;

  close_element (html, previous, row->kind);
  switch (row->kind)
    {
    case ROW_TEXT:
      element = text_elements[((Cell *)g_ptr_array_index (row->cells, 0))->style];
      if (element == NULL || g_str_has_prefix (element, "p "))
        {
          g_autofree char *escaped = g_markup_escape_text (cell_text (row, 0), -1);

          g_string_append_printf (html, "<%s>%s</p>\n", element ? element : "p", escaped);
        }
      else
        {
          append_escaped (html, element, NULL, cell_text (row, 0));
          g_string_append_c (html, '\n');
        }
      break;
    case ROW_HEADING:
      {
        g_autofree char *id = g_strdup_printf (" id=\"%s\"", row->dest);

        append_escaped (html, row->level == 1 ? "h2" : "h3", id, cell_text (row, 0));
        g_string_append_c (html, '\n');
      }
      break;
    case ROW_KEY_VALUE:
      if (previous != ROW_KEY_VALUE)
        g_string_append (html, "<table class=\"facts\">\n");
      g_string_append (html, "<tr>");
      append_escaped (html, "th", NULL, cell_text (row, 0));
      append_escaped (html, "td", NULL, cell_text (row, 1));
      g_string_append (html, "</tr>\n");
      break;
    case ROW_CHECK:
      {
        g_autofree char *text = g_strdup_printf ("%s %s", row->checked ? "☑" : "☐",
                                                 cell_text (row, 0));

        append_escaped (html, "p", NULL, text);
        g_string_append_c (html, '\n');
      }
      break;
    case ROW_TABLE_HEADER:
    case ROW_TABLE_BODY:
      if (row->kind == ROW_TABLE_HEADER)
        g_string_append (html, "<table class=\"grid\"><thead>");
      g_string_append (html, "<tr>");
      for (guint i = 0; i < row->cells->len; i++)
        append_escaped (html, row->kind == ROW_TABLE_HEADER ? "th" : "td", NULL,
                        cell_text (row, i));
      g_string_append (html, row->kind == ROW_TABLE_HEADER ? "</tr></thead><tbody>\n"
                                                           : "</tr>\n");
      break;
    case ROW_CONTENTS:
      {
        g_autofree char *href = g_strdup_printf (" href=\"#%s\"", row->target->dest);

        if (previous != ROW_CONTENTS)
          g_string_append (html, "<ul class=\"contents\">\n");
        g_string_append (html, "<li>");
        append_escaped (html, "a", href, cell_text (row, 0));
        g_string_append (html, "</li>\n");
      }
      break;
    case ROW_PAGE_BREAK:
    default:
      g_string_append (html, "<div style=\"page-break-after: always\"></div>\n");
      break;
    }
}

/**
 * rmm_pdf_document_to_html:
 *
 * The same flow as one HTML page: what a word processor is given to make the same
 * document (the benchmark's peer), with the marking above and below.
 */
char *
rmm_pdf_document_to_html (RmmPdfDocument *self)
{
  GString *html = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *marking = NULL;
  RowKind previous = ROW_TEXT;

  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);

  expand_contents (self);
  title = g_markup_escape_text (self->title, -1);
  marking = g_markup_escape_text (self->marking, -1);
  g_string_append_printf (html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<title>%s</title><style>body { font-family: Cantarell; "
                          "font-size: 10pt } .marking { text-align: center; font-weight: bold } "
                          "table.grid { border-collapse: collapse; width: 100%% } "
                          "table.grid th { background: #e0e8f2 } "
                          "table.grid td { border-bottom: 0.5pt solid #ccc }</style></head>\n"
                          "<body>\n<p class=\"marking\">%s</p>\n", title, marking);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      append_row_html (html, row, previous);
      previous = row->kind;
    }
  close_element (html, previous, ROW_TEXT);
  g_string_append_printf (html, "<p class=\"marking\">%s</p>\n</body></html>\n", marking);
  return g_string_free (html, FALSE);
}

/* Writing. */

static void
add_outline (RmmPdfDocument  *self,
             cairo_surface_t *surface)
{
  int section = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autofree char *link = NULL;
      int id;

      if (row->kind != ROW_HEADING)
        continue;
      link = g_strdup_printf ("dest='%s'", row->dest);
      id = cairo_pdf_surface_add_outline (surface,
                                          row->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : section,
                                          ((Cell *)g_ptr_array_index (row->cells, 0))->text,
                                          link, 0);
      if (row->level == 1)
        section = id;
    }
}

/* SOURCE_DATE_EPOCH, when set, stands for "now" so that the same data gives the same bytes. */
static char *
creation_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  gint64 seconds;

  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    now = g_date_time_new_from_unix_utc (seconds);
  if (now == NULL)
    now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
render (RmmPdfDocument     *self,
        cairo_write_func_t  write,
        gpointer            closure,
        GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *created = creation_date ();
  cairo_t *cr;

  paginate (self);
  surface = cairo_pdf_surface_create_for_stream (write, closure, RMM_PDF_PAGE_WIDTH,
                                                 RMM_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->marking);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, created);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->pages->len; page++)
    {
      rmm_pdf_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  add_outline (self, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF in memory, for the preview. */
GBytes *
rmm_pdf_document_to_bytes (RmmPdfDocument  *self,
                           GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);

  if (!render (self, append_to_bytes, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct
{
  int fd;
  int saved_errno;
} FileSink;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  FileSink *sink = closure;

  while (length > 0 && sink->saved_errno == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
fail_with_errno (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not write “%s”: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

/**
 * rmm_pdf_document_write:
 *
 * Writes the PDF next to @path under a temporary name, then renames it into place, so a
 * full disk or a crash never leaves a partial file at @path. The file is private to the
 * user, like the database it comes from.
 */
gboolean
rmm_pdf_document_write (RmmPdfDocument  *self,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *temp = NULL;
  FileSink sink = { -1, 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return fail_with_errno (path, errno, error);
  if (!render (self, write_to_file, &sink, &local_error))
    {
      close (sink.fd);
      g_unlink (temp);
      if (sink.saved_errno != 0)
        return fail_with_errno (path, sink.saved_errno, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* On disk before it takes the real name: a crash leaves the old file or the new. */
  if (fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;
  if (sink.saved_errno != 0)
    {
      g_unlink (temp);
      return fail_with_errno (path, sink.saved_errno, error);
    }
  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return fail_with_errno (path, saved_errno, error);
    }
  return TRUE;
}
