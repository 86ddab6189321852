/* rmm-pdf-document-structure.c: a document's logical structure, as the PDF's tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screen reader reads a tagged PDF by its structure tree, not by where the text lies on
 * the page. cairo (1.16 on the Debian 12 floor) builds the tree from cairo_tag_begin() and
 * cairo_tag_end(): an element that holds other elements may span pages (a Table, a Sect);
 * only an element that holds none (a P, a TD) marks the content drawn while it is open. The
 * rows become these elements, so that every document is tagged without doing anything:
 *
 *   Document                       the whole PDF (begun and ended by the writer)
 *     H1, P                        the title; the subtitle, paragraphs and notes
 *     Sect                         a section: its heading and everything in it
 *     H2, H3                       headings of level 1 and 2
 *     Table > TR > TH TH …         a table's header row, once
 *           > TR > TD TD …         each of its rows
 *     Table > TR > TH TD           a run of key–value rows
 *     L > LI > Lbl LBody           a run of checks: the box (☑ or ☐) and the text
 *     TOC > TOCI > Link            the contents, each line a link to its section
 *
 * A row split over two pages makes two elements (two P, two TR): one element with content
 * on both pages would also hold the next page's header and footer, drawn between the two.
 * The header and footer, a table's header repeated atop a page and a section's heading
 * repeated as "… — continued" are drawn inside no element that holds content, so the tree
 * leaves them out. (cairo 1.16 cannot mark them as /Artifact, which a checker for PDF/UA
 * wants; cairo 1.18 can, with CAIRO_TAG_CONTENT.)
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-pdf-document-private.h"

#define SECTION "Sect"

/* The element a run of rows of @row's kind makes together. */
static const char *
group_of (const Row *row)
{
  switch (row->kind)
    {
    case ROW_TABLE_HEADER:
    case ROW_TABLE_BODY:
    case ROW_KEY_VALUE:
      return "Table";
    case ROW_CHECK:
      return "L";
    case ROW_CONTENTS:
      return "TOC";
    case ROW_TEXT:
    case ROW_HEADING:
    case ROW_PAGE_BREAK:
    case ROW_DRAWING:
    case ROW_CONTINUED:
    default:
      return NULL;
    }
}

/* The element each part of @row makes, around its cells' elements. */
static const char *
wrapper_of (const Row *row)
{
  switch (row->kind)
    {
    case ROW_TABLE_HEADER:
    case ROW_TABLE_BODY:
    case ROW_KEY_VALUE:
      return "TR";
    case ROW_CHECK:
      return "LI";
    case ROW_CONTENTS:
      return "TOCI";
    case ROW_TEXT:
    case ROW_HEADING:
    case ROW_PAGE_BREAK:
    case ROW_DRAWING:
    case ROW_CONTINUED:
    default:
      return NULL;
    }
}

/**
 * rmm_pdf_structure_cell_tag:
 *
 * Returns: (nullable): the element that holds the text of @row's @cell
 */
const char *
rmm_pdf_structure_cell_tag (const Row *row,
                            guint      cell)
{
  switch (row->kind)
    {
    case ROW_TEXT:
      return ((const Cell *)g_ptr_array_index (row->cells, cell))->style == STYLE_TITLE
             ? "H1" : "P";
    case ROW_HEADING:
      return row->level == 1 ? "H2" : "H3";
    case ROW_KEY_VALUE:
      return cell == 0 ? "TH" : "TD";
    case ROW_TABLE_HEADER:
      return "TH";
    case ROW_TABLE_BODY:
      return "TD";
    case ROW_CHECK:
      return cell == 0 ? "Lbl" : "LBody";
    case ROW_CONTENTS:
      /* The Link drawn around the whole line is its element. */
    case ROW_PAGE_BREAK:
    case ROW_DRAWING:
    case ROW_CONTINUED:
    default:
      return NULL;
    }
}

/* Whether @row goes on in the group (table, list, contents) @previous is in. */
static gboolean
continues_group (const Row *previous,
                 const Row *row)
{
  if (previous == NULL || row == NULL || previous->section != row->section)
    return FALSE;
  switch (row->kind)
    {
    case ROW_TABLE_BODY:
      return previous == row->header || previous->header == row->header;
    case ROW_KEY_VALUE:
    case ROW_CHECK:
    case ROW_CONTENTS:
      return previous->kind == row->kind;
    case ROW_TEXT:
    case ROW_HEADING:
    case ROW_TABLE_HEADER:
    case ROW_PAGE_BREAK:
    case ROW_DRAWING:
    case ROW_CONTINUED:
    default:
      return FALSE;
    }
}

static guint
count_sections (const Row *section)
{
  guint n = 0;

  for (; section != NULL; section = section->outer)
    n++;
  return n;
}

/* How many sections @a and @b are both in. */
static guint
common_sections (const Row *a,
                 const Row *b)
{
  const Row *in_a = a != NULL ? a->section : NULL;
  const Row *in_b = b != NULL ? b->section : NULL;
  guint depth_a = count_sections (in_a);
  guint depth_b = count_sections (in_b);

  for (; depth_a > depth_b; depth_a--)
    in_a = in_a->outer;
  for (; depth_b > depth_a; depth_b--)
    in_b = in_b->outer;
  for (; in_a != in_b; depth_a--)
    {
      in_a = in_a->outer;
      in_b = in_b->outer;
    }
  return depth_a;
}

/* What ends after @previous and begins before @row, the next row drawn (either may be
 * NULL: the document's start or end). */
static void
join_rows (Row *previous,
           Row *row)
{
  guint common = common_sections (previous, row);
  gboolean continues = continues_group (previous, row);

  if (previous != NULL)
    {
      previous->close_group = continues ? NULL : group_of (previous);
      previous->close_sections = count_sections (previous->section) - common;
    }
  if (row != NULL)
    {
      row->open_sections = count_sections (row->section) - common;
      row->open_group = continues ? NULL : group_of (row);
    }
}

/* Works out, once the flow is final, which elements open before and close after each row. */
void
rmm_pdf_document_plan_structure (RmmPdfDocument *self)
{
  Row *previous = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      row->open_group = row->close_group = NULL;
      row->open_sections = row->close_sections = 0;
      if (row->kind == ROW_PAGE_BREAK)
        continue;
      join_rows (previous, row);
      previous = row;
    }
  join_rows (previous, NULL);
}

static gboolean
is_first_part (const Placement *placement)
{
  for (guint i = 0; i < placement->row->cells->len; i++)
    if (placement->start[i] != 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_last_part (const Placement *placement)
{
  for (guint i = 0; i < placement->row->cells->len; i++)
    if (placement->end[i] < ((const Cell *)g_ptr_array_index (placement->row->cells, i))->n_lines)
      return FALSE;
  return TRUE;
}

void
rmm_pdf_structure_begin_placement (cairo_t         *cr,
                                   const Placement *placement)
{
  const Row *row = placement->row;
  const char *wrapper = wrapper_of (row);

  if (is_first_part (placement))
    {
      for (guint i = 0; i < row->open_sections; i++)
        cairo_tag_begin (cr, SECTION, NULL);
      if (row->open_group != NULL)
        cairo_tag_begin (cr, row->open_group, NULL);
    }
  if (wrapper != NULL)
    cairo_tag_begin (cr, wrapper, NULL);
}

void
rmm_pdf_structure_end_placement (cairo_t         *cr,
                                 const Placement *placement)
{
  const Row *row = placement->row;
  const char *wrapper = wrapper_of (row);

  if (wrapper != NULL)
    cairo_tag_end (cr, wrapper);
  if (is_last_part (placement))
    {
      if (row->close_group != NULL)
        cairo_tag_end (cr, row->close_group);
      for (guint i = 0; i < row->close_sections; i++)
        cairo_tag_end (cr, SECTION);
    }
}
