/* rmm-pdf-document.c: a small document layout engine on pango and cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything added becomes a row of cells (a paragraph is a row of one cell, a key–value
 * pair a row of two, a table row one cell a column). This file builds that flow;
 * rmm-pdf-document-layout.c puts it on pages and draws them, rmm-pdf-document-output.c
 * writes the PDF.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include <string.h>

#include "rmm-pdf-document-private.h"

G_DEFINE_FINAL_TYPE (RmmPdfDocument, rmm_pdf_document, G_TYPE_OBJECT)

void
rmm_pdf_cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_clear_object (&cell->layout);
  g_free (cell->tops);
  g_free (cell->bottoms);
  g_free (cell);
}

void
rmm_pdf_row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row->dest);
  g_free (row->description);
  if (row->draw_destroy != NULL)
    row->draw_destroy (row->draw_data);
  g_clear_pointer (&row->continued, rmm_pdf_row_free);
  g_free (row);
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
  g_free (self->language);
  g_free (self->watermark);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_ptr_array_unref (self->sections);
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
  self->rows = g_ptr_array_new_with_free_func (rmm_pdf_row_free);
  self->sections = g_ptr_array_new ();
}

const char *
rmm_pdf_get_default_marking (void)
{
  return "OFFICIAL-SENSITIVE";
}

/* The language of the document being built: British English, or Welsh ("cy"; a bilingual
 * document is Welsh first). */
const char *
rmm_pdf_get_default_language (void)
{
  return rmm_document_language_tag (rmm_document_language_get_current ());
}

/* A BCP 47 tag as the PDF's /Lang takes it: letters, digits and hyphens. Anything else
 * (it may come from settings one day) would break the PDF string it is written into. */
static gboolean
is_language_tag (const char *tag)
{
  if (tag == NULL || *tag == '\0' || strlen (tag) > 35)
    return FALSE;
  for (const char *p = tag; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
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

  /* Made valid like every cell's text: they come from the database too (an area's name in
   * the title, a configured marking), and one invalid byte in the footer or the metadata
   * would otherwise lose the whole PDF ("input string not valid UTF-8"). */
  self->title = g_utf8_make_valid (info->title, -1);
  self->subject = g_utf8_make_valid (info->subject ? info->subject : "", -1);
  self->author = g_utf8_make_valid (info->author ? info->author : PACKAGE_NAME, -1);
  self->marking = g_utf8_make_valid (info->marking && *info->marking
                                     ? info->marking : rmm_pdf_get_default_marking (), -1);
  self->date = g_utf8_make_valid (info->date ? info->date : "", -1);
  self->watermark = g_utf8_make_valid (info->watermark ? info->watermark : "", -1);
  self->language = g_strdup (is_language_tag (info->language) ? info->language
                                                               : rmm_pdf_get_default_language ());
  self->written_in = rmm_document_language_get_current ();
  return self;
}

const char *
rmm_pdf_document_get_title (RmmPdfDocument *self)
{
  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);
  return self->title;
}

/* The language it says it is in (/Lang): "en-GB", "cy". */
const char *
rmm_pdf_document_get_language (RmmPdfDocument *self)
{
  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);
  return self->language;
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
  row->cells = g_ptr_array_new_with_free_func (rmm_pdf_cell_free);
  row->space_before = space_before;
  /* In the innermost section open, if any: pagination repeats its heading on each page the
   * section runs onto, and the structure tree nests the row in it. */
  if (self->sections->len > 0)
    row->section = g_ptr_array_index (self->sections, self->sections->len - 1);
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

/* A heading ends the sections it is not part of: those of its own level and below. */
static void
end_sections_from (RmmPdfDocument *self,
                   guint           level)
{
  while (self->sections->len > 0)
    {
      Row *section = g_ptr_array_index (self->sections, self->sections->len - 1);

      if (section->level < level)
        break;
      g_ptr_array_set_size (self->sections, self->sections->len - 1);
    }
}

static Row *
add_heading_row (RmmPdfDocument *self,
                 guint           level,
                 const char     *text)
{
  Row *row;

  end_sections_from (self, level);
  row = add_row (self, ROW_HEADING, level == 1 ? 18 : 10);
  add_cell (row, text, level == 1 ? STYLE_H1 : STYLE_H2, 0, CONTENT_WIDTH);
  row->level = level;
  row->keep_with_next = TRUE;
  row->pad = level == 1 ? 3 : 0;
  row->dest = g_strdup_printf ("section-%u", ++self->n_headings);
  return row;
}

/**
 * rmm_pdf_document_add_heading:
 * @level: 1 for a section (in the contents and the outline), 2 for a part of one
 *   (in the outline, under its section)
 *
 * Ends any section begun at @level or below.
 */
void
rmm_pdf_document_add_heading (RmmPdfDocument *self,
                              guint           level,
                              const char     *text)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);

  add_heading_row (self, level, text);
}

/**
 * rmm_pdf_document_begin_section:
 * @level: as for rmm_pdf_document_add_heading()
 * @text: the section's heading
 * @continued_text: (nullable): the heading repeated atop each page the section runs onto;
 *   NULL for "@text — continued"
 *
 * Adds the heading of a section: what follows is in it until the next heading of @level
 * or above, the next section of that level, or rmm_pdf_document_end_section(). A reader
 * who turns to the second page of a child's section in the minutes sees whose it is, and
 * the PDF's structure tree holds the section as one Sect element.
 */
void
rmm_pdf_document_begin_section (RmmPdfDocument *self,
                                guint           level,
                                const char     *text,
                                const char     *continued_text)
{
  g_autofree char *continued = NULL;
  Row *row;
  Cell *heading;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);

  row = add_heading_row (self, level, text);
  heading = g_ptr_array_index (row->cells, 0);
  /* From the cell's text, made valid already. */
  continued = continued_text != NULL ? g_strdup (continued_text)
                                     : g_strdup_printf (_("%s — continued"), heading->text);
  row->outer = row->section;
  row->section = row;
  row->continued = g_new0 (Row, 1);
  row->continued->kind = ROW_CONTINUED;
  row->continued->cells = g_ptr_array_new_with_free_func (rmm_pdf_cell_free);
  row->continued->level = level;
  row->continued->pad = row->pad;
  row->continued->section = row;
  add_cell (row->continued, continued, heading->style, 0, CONTENT_WIDTH);
  g_ptr_array_add (self->sections, row);
}

/* Ends the innermost section begun, before a heading of a lower level would. */
void
rmm_pdf_document_end_section (RmmPdfDocument *self)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (self->sections->len > 0);

  g_ptr_array_set_size (self->sections, self->sections->len - 1);
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
  /* The box is a character, not a drawing: a screen reader and a copy of the text then say
   * whether it is ticked. */
  add_cell (row, checked ? "☑" : "☐", STYLE_CHECK, 0, CHECK_SIZE + 6);
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

/**
 * rmm_pdf_document_add_drawing:
 * @height: in points; the drawing is as wide as the text
 * @description: what it shows in words (the HTML copy has these words in its place)
 * @draw: draws it, each time a page with it is drawn
 *
 * A figure drawn as vectors (a chart), kept whole on one page and tagged as a Figure.
 */
void
rmm_pdf_document_add_drawing (RmmPdfDocument *self,
                              double          height,
                              const char     *description,
                              RmmPdfDrawFunc  draw,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  Row *row;

  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (draw != NULL && height > 0);

  row = add_row (self, ROW_DRAWING, 6);
  /* No text: its height is its padding, above and below its middle. */
  row->pad = MIN (height, RMM_PDF_PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 40) / 2;
  row->draw = draw;
  row->draw_data = user_data;
  row->draw_destroy = destroy;
  row->description = g_strdup (description ? description : "");
}

void
rmm_pdf_document_add_page_break (RmmPdfDocument *self)
{
  g_return_if_fail (RMM_IS_PDF_DOCUMENT (self));

  add_row (self, ROW_PAGE_BREAK, 0);
}

/* The contents. */

static Row *
new_contents_entry (Row    *heading,
                    Row    *section,
                    double  space_before)
{
  Row *entry = g_new0 (Row, 1);
  Cell *page;

  entry->kind = ROW_CONTENTS;
  entry->cells = g_ptr_array_new_with_free_func (rmm_pdf_cell_free);
  entry->space_before = space_before;
  entry->target = heading;
  entry->section = section;
  add_cell (entry, ((Cell *)g_ptr_array_index (heading->cells, 0))->text, STYLE_BODY, 0,
            CONTENT_WIDTH - 50);
  /* Wide enough for any page number; filled in when drawn. */
  page = add_cell (entry, "0000", STYLE_BODY, CONTENT_WIDTH - 40, 40);
  page->align_end = TRUE;
  return entry;
}

/* The contents become one row per section heading after them; done before laying out. */
void
rmm_pdf_document_expand_contents (RmmPdfDocument *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (rmm_pdf_row_free);

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
          g_ptr_array_add (rows, new_contents_entry (heading, row->section,
                                                     first ? row->space_before : 2));
          first = FALSE;
        }
      rmm_pdf_row_free (row);
    }
  g_ptr_array_set_free_func (self->rows, NULL);
  g_ptr_array_unref (self->rows);
  self->rows = rows;
}
