/* rmm-pdf-document-layout.c: laying a document out on pages, and drawing a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination places rows top to bottom; a row that does not fit is split between lines,
 * never through one, and a table's header row is repeated above the rest of the table on
 * each new page, below the heading of the section it is in, repeated as "… — continued".
 * Headings keep with the next three lines that follow them. It runs once, so "Page X of Y"
 * and the contents' page numbers are known before anything is drawn.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"
#include <pango/pangocairo.h>

#include <string.h>

#include "rmm-pdf-document-private.h"

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
  /* Cantarell has no ballot box; DejaVu Sans is on every Debian desktop. */
  [STYLE_CHECK] = "DejaVu Sans 10",
};


static void
placement_clear (gpointer data)
{
  Placement *placement = data;

  g_free (placement->start);
  g_free (placement->end);
}

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
      pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
      cairo_font_options_destroy (options);
    }
  return self->context;
}

/* Pango (1.50) shapes the rest of a word again for every line the word takes, so a word
 * with nowhere to break costs the square of its length: 8,000 letters in a narrow column
 * took 3 s, 64,000 minutes. A run of more than LONGEST_WORD characters with nowhere to break
 * is given somewhere: a zero-width space, which shows as nothing. Words that long are never
 * words; a long web address only gains places where the line may break. */
#define LONGEST_WORD 100
#define ZERO_WIDTH_SPACE 0x200b

static gboolean
may_break_at (gunichar c)
{
  GUnicodeBreakType type = g_unichar_break_type (c);

  return type == G_UNICODE_BREAK_MANDATORY || type == G_UNICODE_BREAK_CARRIAGE_RETURN ||
         type == G_UNICODE_BREAK_LINE_FEED || type == G_UNICODE_BREAK_NEXT_LINE ||
         type == G_UNICODE_BREAK_SPACE || type == G_UNICODE_BREAK_ZERO_WIDTH_SPACE ||
         type == G_UNICODE_BREAK_AFTER || type == G_UNICODE_BREAK_BEFORE ||
         type == G_UNICODE_BREAK_BEFORE_AND_AFTER || type == G_UNICODE_BREAK_HYPHEN ||
         type == G_UNICODE_BREAK_IDEOGRAPHIC;
}

/* @text with a zero-width space in every run longer than LONGEST_WORD, or NULL if it has
 * none. */
static char *
break_long_words (const char *text)
{
  GString *broken = NULL;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (may_break_at (c))
        run = 0;
      else if (++run > LONGEST_WORD)
        {
          if (broken == NULL)
            broken = g_string_new_len (text, p - text);
          g_string_append_unichar (broken, ZERO_WIDTH_SPACE);
          run = 1;
        }
      if (broken != NULL)
        g_string_append_len (broken, p, g_utf8_next_char (p) - p);
    }
  return broken != NULL ? g_string_free (broken, FALSE) : NULL;
}

static void
set_no_hyphens (PangoLayout *layout)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

static void
layout_cell (RmmPdfDocument *self,
             Cell           *cell)
{
  g_autofree char *broken = break_long_words (cell->text);
  PangoFontDescription *font = pango_font_description_from_string (style_fonts[cell->style]);
  PangoLayoutIter *iter;
  guint i = 0;

  g_clear_object (&cell->layout);
  cell->layout = pango_layout_new (get_context (self));
  pango_layout_set_font_description (cell->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (cell->layout, pango_units_from_double (cell->width));
  /* Lines break between words; only a word wider than its cell breaks between letters, and
   * then with no hyphen, which pango (1.44 and later) would add: "circumstan-ces" in a
   * narrow column reads as a misspelling and is copied out as one. */
  pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
  set_no_hyphens (cell->layout);
  /* The documents are English: a name in Arabic or Hebrew is shaped right to left inside
   * a left-to-right line, not turning the whole line round. */
  pango_layout_set_auto_dir (cell->layout, FALSE);
  if (cell->align_end)
    pango_layout_set_alignment (cell->layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (cell->layout, broken != NULL ? broken : cell->text, -1);

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

#define PAGE_ROOM (RMM_PDF_PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)

/* The least of @row that can start a page: two lines of a paragraph, else all of it. */
static double
least_height (const Row *row)
{
  if (row->kind == ROW_TEXT)
    return first_line_height (row);
  return MIN (row_height (row), PAGE_ROOM - 40);
}

static guint
row_lines (const Row *row)
{
  guint lines = 0;

  for (guint i = 0; i < row->cells->len; i++)
    lines = MAX (lines, ((const Cell *)g_ptr_array_index (row->cells, i))->n_lines);
  return lines;
}

/* The first @n lines of a paragraph, which may run on over a page; any other row moves
 * whole. */
static double
lines_height (const Row *row,
              guint      n)
{
  double height = 0;

  if (row->kind != ROW_TEXT)
    return row_height (row);
  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = g_ptr_array_index (row->cells, i);

      height = MAX (height, cell_span (cell, 0, MIN (cell->n_lines, n)));
    }
  return height + 2 * row->pad;
}

/* A heading keeps with this many lines of what it heads. */
#define KEEP_LINES 3

/* What must fit below the heading at @index for it to stay on this page: the next
 * KEEP_LINES lines of what it heads (a heading under it and a table's header row count as
 * none), so that a heading is never alone at a page's foot, nor over a child's first row
 * with the rest overleaf. At most half a page: a heading over a table row taller than that
 * starts a page with it rather than stand alone. A table's header keeps with its first row. */
static double
kept_height (RmmPdfDocument *self,
             guint           index)
{
  Row *row = g_ptr_array_index (self->rows, index);
  Row *next = index + 1 < self->rows->len ? g_ptr_array_index (self->rows, index + 1) : NULL;
  guint lines = 0;
  double height = 0;

  if (!row->keep_with_next || next == NULL || next->kind == ROW_PAGE_BREAK)
    return 0;
  if (row->kind != ROW_HEADING)
    return next->space_before + least_height (next);
  for (guint i = index + 1; i < self->rows->len && lines < KEEP_LINES; i++)
    {
      next = g_ptr_array_index (self->rows, i);
      if (next->kind == ROW_PAGE_BREAK || (next->kind == ROW_HEADING && lines > 0))
        break;
      height += next->space_before;
      if (next->kind == ROW_HEADING || next->kind == ROW_TABLE_HEADER)
        {
          height += row_height (next);
          continue;
        }
      height += lines_height (next, KEEP_LINES - lines);
      lines += MIN (row_lines (next), KEEP_LINES - lines);
    }
  return MIN (height, PAGE_ROOM / 2);
}

typedef struct
{
  RmmPdfDocument *self;
  GArray         *page;
  double          y;
  guint           furniture;   /* placements atop the page that repeat what came before */
} Cursor;

static gboolean
page_is_fresh (const Cursor *cursor)
{
  return cursor->page->len == cursor->furniture;
}

static void
new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_array_set_clear_func (cursor->page, placement_clear);
  g_ptr_array_add (cursor->self->pages, cursor->page);
  cursor->y = MARGIN_TOP;
  cursor->furniture = 0;
}

static void
place (Cursor     *cursor,
       Row        *row,
       const guint *start,
       const guint *end)
{
  Placement placement = { row, cursor->y, 0, NULL, NULL, FALSE };
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

/* Something placed again atop a page, which the structure tree has already. */
static void
place_furniture (Cursor *cursor,
                 Row    *row)
{
  place_whole (cursor, row);
  g_array_index (cursor->page, Placement, cursor->page->len - 1).furniture = TRUE;
  cursor->furniture = cursor->page->len;
}

/* Repeated atop a page only when it takes no more than a third of it: a header or heading of
 * long text, drawn again on every page, would leave a line or two of the body a page
 * (thousands of pages). */
static gboolean
fits_furniture (const Row *row)
{
  return row_height (row) <= PAGE_ROOM / 3;
}

/* A table's header repeats on each page the table runs onto. */
static gboolean
repeats_header (const Row *row)
{
  return row->header != NULL && fits_furniture (row->header);
}

/* The section whose heading is repeated atop a page @row begins: the row's own, or for the
 * heading that begins a section, the section around it. */
static Row *
continued_section (const Row *row)
{
  Row *section = row->section == row ? row->outer : row->section;

  return section != NULL && fits_furniture (section->continued) ? section : NULL;
}

static double
furniture_height (const Row *row)
{
  Row *section = continued_section (row);

  return (section != NULL ? row_height (section->continued) : 0) +
         (repeats_header (row) ? row_height (row->header) : 0);
}

static void
turn_page (Cursor *cursor,
           Row    *row)
{
  Row *section = continued_section (row);

  new_page (cursor);
  if (section != NULL)
    place_furniture (cursor, section->continued);
  if (repeats_header (row))
    place_furniture (cursor, row->header);
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
      gboolean fresh = page_is_fresh (cursor);

      for (guint i = 0; i < n; i++)
        {
          Cell *cell = g_ptr_array_index (row->cells, i);

          end[i] = start[i];
          while (end[i] < cell->n_lines && cell_span (cell, start[i], end[i] + 1) <= room)
            end[i]++;
          /* A line taller than a whole page is placed anyway, rather than never. */
          if (end[i] == start[i] && start[i] < cell->n_lines && fresh)
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

static void
layout_row (RmmPdfDocument *self,
            Row            *row)
{
  row->page = 0;
  for (guint j = 0; j < row->cells->len; j++)
    layout_cell (self, g_ptr_array_index (row->cells, j));
}

/* An explicit page break: the next row starts a page, under its section's heading. */
static void
break_page (Cursor *cursor,
            Row    *next)
{
  if (next == NULL || next->kind == ROW_PAGE_BREAK)
    new_page (cursor);
  else
    turn_page (cursor, next);
}

void
rmm_pdf_document_paginate (RmmPdfDocument *self)
{
  Cursor cursor = { self, NULL, 0, 0 };
  double bottom = RMM_PDF_PAGE_HEIGHT - MARGIN_BOTTOM;

  if (self->pages != NULL)
    return;
  rmm_pdf_document_expand_contents (self);
  rmm_pdf_document_plan_structure (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      layout_row (self, row);
      if (row->continued != NULL)
        layout_row (self, row->continued);
    }

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  new_page (&cursor);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      Row *next = i + 1 < self->rows->len ? g_ptr_array_index (self->rows, i + 1) : NULL;
      /* Below a heading or header repeated atop the page, as below the first one. */
      double space = cursor.page->len == 0 ? 0 : row->space_before;
      double height, needed;

      if (row->kind == ROW_PAGE_BREAK)
        {
          if (!page_is_fresh (&cursor))
            break_page (&cursor, next);
          continue;
        }
      height = row_height (row);
      needed = height + kept_height (self, i);
      if (!page_is_fresh (&cursor) && cursor.y + space + needed > bottom)
        {
          /* A paragraph runs on over the page when two lines fit here; headings, table
           * rows and the like move whole to the next page when they fit one. */
          gboolean runs_on = row->kind == ROW_TEXT
                             && cursor.y + space + first_line_height (row) <= bottom;

          if (!runs_on && needed <= bottom - MARGIN_TOP - furniture_height (row))
            {
              turn_page (&cursor, row);
              space = cursor.page->len == 0 ? 0 : row->space_before;
            }
        }
      cursor.y += space;
      if (cursor.y + height <= bottom)
        place_whole (&cursor, row);
      else
        place_split (&cursor, row);
    }
}

static void
forget_row_layout (Row *row)
{
  for (guint j = 0; j < row->cells->len; j++)
    g_clear_object (&((Cell *)g_ptr_array_index (row->cells, j))->layout);
}

/**
 * rmm_pdf_document_forget_layout:
 *
 * Drops the pages and the pango context they were laid out with, so that the next use lays
 * the document out again in the calling thread: pango's font maps belong to a thread, and a
 * document rendered by a worker is printed by the main thread.
 */
void
rmm_pdf_document_forget_layout (RmmPdfDocument *self)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      forget_row_layout (row);
      if (row->continued != NULL)
        forget_row_layout (row->continued);
    }
  g_clear_object (&self->context);
}

guint
rmm_pdf_document_get_n_pages (RmmPdfDocument *self)
{
  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), 0);

  rmm_pdf_document_paginate (self);
  return self->pages->len;
}

/* Drawing. */

/* @red: the text is what a flag points at */
static void
set_text_colour (cairo_t        *cr,
                 RmmPdfRowFlags  flags,
                 Style           style,
                 gboolean        red)
{
  if (red)
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
    case ROW_CONTINUED:
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
    case ROW_TEXT:
    case ROW_KEY_VALUE:
    case ROW_CONTENTS:
    case ROW_PAGE_BREAK:
    case ROW_DRAWING:
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
                const Placement *placement,
                gboolean         tagged)
{
  Row *row = placement->row;
  g_autofree char *attributes = NULL;
  const char *tag = NULL;

  /* What is repeated atop a page is left out of the structure: a screen reader reads the
   * table's header and the section's heading once. (cairo 1.16 cannot mark it as an
   * artifact; outside any tagged element it is in no element.) */
  tagged = tagged && !placement->furniture;
  draw_row_decoration (cr, placement, MARGIN_SIDE);
  if (tagged)
    rmm_pdf_structure_begin_placement (cr, placement);
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
  if (row->kind == ROW_DRAWING)
    {
      if (tagged)
        cairo_tag_begin (cr, "Figure", NULL);
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, placement->y);
      row->draw (cr, CONTENT_WIDTH, placement->height, row->draw_data);
      cairo_restore (cr);
      if (tagged)
        cairo_tag_end (cr, "Figure");
    }
  if (tag != NULL)
    cairo_tag_begin (cr, tag, attributes);
  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = g_ptr_array_index (row->cells, i);
      gboolean red = (row->flags & RMM_PDF_ROW_FLAGGED) ||
                     ((row->flags & RMM_PDF_ROW_FLAGGED_LAST) && i + 1 == row->cells->len);
      const char *element = tagged ? rmm_pdf_structure_cell_tag (row, i) : NULL;

      if (element != NULL)
        cairo_tag_begin (cr, element, NULL);
      set_text_colour (cr, row->flags, cell->style, red);
      draw_cell_lines (cr, cell, MARGIN_SIDE + cell->x, placement->y + row->pad,
                       placement->start[i], placement->end[i]);
      if (element != NULL)
        cairo_tag_end (cr, element);
    }
  if (tag != NULL)
    cairo_tag_end (cr, tag);
  if (tagged)
    rmm_pdf_structure_end_placement (cr, placement);
}

/* Far more than a line of the margin shows (it is ellipsised). */
#define MARGIN_CHARS 400

/* One line of @text in @width from the left margin, ellipsised; returns the width it took. */
static double
draw_margin_text (RmmPdfDocument *self,
                  cairo_t        *cr,
                  const char     *text,
                  Style           style,
                  PangoAlignment  alignment,
                  double          y,
                  double          width)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  PangoFontDescription *font = pango_font_description_from_string (style_fonts[style]);
  /* No more of a long title than a line could show is shaped, on every page. */
  const char *end = g_utf8_offset_to_pointer (text, MIN (g_utf8_strlen (text, 4 * MARGIN_CHARS),
                                                         MARGIN_CHARS));
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, end - text);
  set_text_colour (cr, RMM_PDF_ROW_PLAIN, style, FALSE);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_font_description_free (font);
  g_object_unref (layout);
  return pango_units_to_double (logical.width);
}

/* "DRAFT" in large pale letters across the page, under its content: no page of a draft
 * can be taken for the final one, alone or printed. */
static void
draw_watermark (RmmPdfDocument *self,
                cairo_t        *cr)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoRectangle logical;

  if (*self->watermark == '\0')
    return;
  layout = pango_layout_new (get_context (self));
  font = pango_font_description_from_string ("Cantarell Bold 96");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, self->watermark, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (cr);
  cairo_translate (cr, RMM_PDF_PAGE_WIDTH / 2, RMM_PDF_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -G_PI / 4);
  /* Long words shrink to fit the diagonal. */
  {
    double width = pango_units_to_double (logical.width);
    double scale = MIN (1.0, RMM_PDF_PAGE_HEIGHT * 0.9 / MAX (width, 1.0));

    cairo_scale (cr, scale, scale);
    cairo_move_to (cr, -width / 2, -pango_units_to_double (logical.height) / 2);
  }
  cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.12);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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
  double page_width;

  draw_margin_text (self, cr, self->marking, STYLE_MARKING, PANGO_ALIGN_CENTER, 26,
                    CONTENT_WIDTH);
  cairo_set_source_rgb (cr, 0.80, 0.81, 0.83);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, footer - 5);
  cairo_line_to (cr, RMM_PDF_PAGE_WIDTH - MARGIN_SIDE, footer - 5);
  cairo_stroke (cr);
  /* A long title stops short of the page number rather than running under it. */
  page_width = draw_margin_text (self, cr, page_text, STYLE_MARGIN, PANGO_ALIGN_RIGHT, footer,
                                 CONTENT_WIDTH);
  draw_margin_text (self, cr, left, STYLE_MARGIN, PANGO_ALIGN_LEFT, footer,
                    CONTENT_WIDTH - page_width - 12);
  draw_margin_text (self, cr, self->marking, STYLE_MARKING, PANGO_ALIGN_CENTER,
                    RMM_PDF_PAGE_HEIGHT - 24, CONTENT_WIDTH);
}

/* @tagged: with the structure tags of the document's PDF, which span pages; the caller
 * has begun the Document element. The header and footer are drawn outside any element
 * that holds content, so a screen reader does not read them on every page. */
void
rmm_pdf_document_draw_page_tagged (RmmPdfDocument *self,
                                   cairo_t        *cr,
                                   guint           page,
                                   gboolean        tagged)
{
  GArray *placements;

  rmm_pdf_document_paginate (self);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  draw_watermark (self, cr);
  draw_header_and_footer (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (cr, &g_array_index (placements, Placement, i), tagged);
  cairo_restore (cr);
}

/**
 * rmm_pdf_document_draw_page:
 * @cr: user space in points, with the origin at the paper's top-left corner
 * @page: from 0
 *
 * Draws one page by itself, as a printer is given it (in any order, or some pages only):
 * without the structure tags, which belong to the whole document and to the PDF it writes.
 */
void
rmm_pdf_document_draw_page (RmmPdfDocument *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  rmm_pdf_document_draw_page_tagged (self, cr, page, FALSE);
}
