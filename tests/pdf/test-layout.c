/* test-layout.c: where the engine puts headings and words on the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults a reader saw in the minutes and the chairs' pack (issue 14, §4): a child's heading
 * with one row at a page's foot and the rest overleaf under no name; a heading alone at a
 * page's foot; a word hyphenated in a narrow table cell. Each test builds documents whose
 * heading falls, one line further down each time, across a page's foot, and reads back with
 * poppler where the text landed.
 */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "rmm-pdf-document.h"

/* poppler-glib 22.12 declares no cleanup for these. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

#define HEADING   "Robin Testchild (CH-100001)"
#define CONTINUED HEADING " — continued"
#define N_ROWS    12

static PopplerDocument *
render (RmmPdfDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rmm_pdf_document_to_bytes (document, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

/* The top of the first place @text is on @page, from the page's top; or -1. */
static double
top_of (PopplerDocument *pdf,
        int              index,
        const char      *text)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);
  GList *found = poppler_page_find_text (page, text);
  double width, height, top = -1;

  poppler_page_get_size (page, &width, &height);
  /* PDF space: y grows up from the foot of the page. */
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *box = l->data;
      double from_top = height - MAX (box->y1, box->y2);

      if (top < 0 || from_top < top)
        top = from_top;
    }
  g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
  return top;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

/* Whether the section's own heading (not the one repeated as continued) is on the page. */
static gboolean
has_heading (const char *text)
{
  return g_regex_match_simple ("Robin Testchild \\(CH-100001\\)(?! —)", text, 0, 0);
}

static char *
row_key (guint i)
{
  return g_strdup_printf ("Key %02u", i);
}

/* A page of short paragraphs, less @lines at the foot, then a child's section of N_ROWS
 * rows: as a table when @table, else as key–value rows like the minutes', then the next
 * section's heading. */
static RmmPdfDocument *
document_with_heading_at (guint    lines,
                          gboolean table)
{
  RmmPdfInfo info = { .title = "Layout test", .date = "23 November 2026" };
  RmmPdfDocument *document = rmm_pdf_document_new (&info);
  static const double widths[] = { 0.3, 0.7 };
  const char *headers[] = { "Column A", "Column B" };

  for (guint i = 0; i < 40 - lines; i++)
    {
      g_autofree char *filler = g_strdup_printf ("Filler line %u", i);

      rmm_pdf_document_add_paragraph (document, filler);
    }
  rmm_pdf_document_begin_section (document, 1, HEADING, NULL);
  if (table)
    rmm_pdf_document_begin_table (document, 2, widths, headers);
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *key = row_key (i);
      const char *cells[] = { key, "A value of one line" };

      if (table)
        rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
      else
        rmm_pdf_document_add_key_value (document, key, cells[1]);
    }
  rmm_pdf_document_add_heading (document, 1, "Decisions summary");
  rmm_pdf_document_add_paragraph (document, "The meeting recorded no decisions.");
  return document;
}

typedef struct
{
  guint moved;       /* documents whose heading went over to the next page with its rows */
  guint continued;   /* pages that repeated the heading */
} Seen;

/* On the heading's page, at least three of its rows below it; on every later page with its
 * rows, the heading repeated as continued above them (and a table's header under that). */
static void
check_section (PopplerDocument *pdf,
               gboolean         table,
               Seen            *seen)
{
  int n_pages = poppler_document_get_n_pages (pdf);
  int heading_page = -1;
  guint rows_seen = 0;

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = page_text (pdf, p);
      guint rows_here = 0;
      double first_row = -1;

      for (guint i = 1; i <= N_ROWS; i++)
        {
          g_autofree char *key = row_key (i);
          double top = top_of (pdf, p, key);

          if (top < 0)
            continue;
          rows_here++;
          if (first_row < 0 || top < first_row)
            first_row = top;
        }
      rows_seen += rows_here;
      if (has_heading (text))
        {
          heading_page = p;
          g_assert_cmpuint (rows_here, >=, 3);
          g_assert_cmpfloat (top_of (pdf, p, HEADING), <, first_row);
          if (p > 0 && strstr (text, "Filler line") == NULL)
            seen->moved++;
        }
      else if (rows_here > 0)
        {
          g_assert_cmpint (heading_page, >=, 0);
          g_assert_cmpfloat (top_of (pdf, p, CONTINUED), >=, 0);
          g_assert_cmpfloat (top_of (pdf, p, CONTINUED), <, first_row);
          if (table)
            {
              g_assert_cmpfloat (top_of (pdf, p, CONTINUED), <, top_of (pdf, p, "Column A"));
              g_assert_cmpfloat (top_of (pdf, p, "Column A"), <, first_row);
            }
          seen->continued++;
        }
      /* Only where the section runs on. */
      if (rows_here == 0)
        g_assert_null (strstr (text, CONTINUED));
    }
  g_assert_cmpint (heading_page, >=, 0);
  g_assert_cmpuint (rows_seen, ==, N_ROWS);
}

static void
test_heading_keeps_with_rows (gconstpointer data)
{
  gboolean table = GPOINTER_TO_INT (data);
  Seen seen = { 0, 0 };

  /* The heading one line further down each time, from well above the foot to past it. */
  for (guint lines = 0; lines < 16; lines++)
    {
      g_autoptr(RmmPdfDocument) document = document_with_heading_at (lines, table);
      g_autoptr(PopplerDocument) pdf = render (document);

      check_section (pdf, table, &seen);
    }
  /* The sweep met both faults it guards against. */
  g_assert_cmpuint (seen.moved, >, 0);
  g_assert_cmpuint (seen.continued, >, 0);
}

/* A heading is never the last thing on a page, nor over a table's header alone: "Actions
 * due for review" at a page's foot in the chairs' pack, its table overleaf. */
static void
test_heading_not_alone (void)
{
  static const double widths[] = { 0.3, 0.7 };
  const char *headers[] = { "Child", "Action" };
  const char *first[] = { "First child", "First action" };
  const char *second[] = { "Second child", "Second action" };

  for (guint lines = 0; lines < 12; lines++)
    {
      RmmPdfInfo info = { .title = "Layout test" };
      g_autoptr(RmmPdfDocument) document = rmm_pdf_document_new (&info);
      g_autoptr(PopplerDocument) pdf = NULL;
      int n_pages;

      for (guint i = 0; i < 40 - lines / 2; i++)
        rmm_pdf_document_add_paragraph (document, lines % 2 ? "Filler" : "Filler\nline");
      rmm_pdf_document_add_heading (document, 1, "Actions due for review");
      rmm_pdf_document_begin_table (document, 2, widths, headers);
      rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, first);
      rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, second);
      pdf = render (document);
      n_pages = poppler_document_get_n_pages (pdf);
      for (int p = 0; p < n_pages; p++)
        {
          double heading = top_of (pdf, p, "Actions due for review");

          if (heading < 0)
            continue;
          g_assert_cmpfloat (top_of (pdf, p, "Child"), >, heading);
          g_assert_cmpfloat (top_of (pdf, p, "Second action"), >, heading);
        }
    }
}

/* The text in the band of the page between @left and @right (points from the left edge). */
static char *
column_text (PopplerDocument *pdf,
             double           left,
             double           right)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  PopplerRectangle band = { left, 0, right, 0 };
  double width;

  poppler_page_get_size (page, &width, &band.y2);
  return poppler_page_get_text_for_area (page, &band);
}

/* Words break between letters only when they cannot fit their cell, and then with no hyphen
 * put in: "circumstan-ces" read as a misspelling, and was copied out as one. */
static void
test_no_hyphens_in_cells (void)
{
  RmmPdfInfo info = { .title = "Layout test" };
  g_autoptr(RmmPdfDocument) document = rmm_pdf_document_new (&info);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *why = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  static const double widths[] = { 0.15, 0.07, 0.78 };
  const char *headers[] = { "Why", "No.", "Notes" };
  const char *cells[] = { "Worried about the circumstances of the visit",
                          "Llanfairpwllgwyngyll", "Wide" };
  double left = 56.7;   /* the margin */
  double content = RMM_PDF_PAGE_WIDTH - 2 * left;

  rmm_pdf_document_begin_table (document, 3, widths, headers);
  rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
  pdf = render (document);
  why = column_text (pdf, left, left + widths[0] * content);
  number = column_text (pdf, left + widths[0] * content,
                        left + (widths[0] + widths[1]) * content);
  /* A word that fits its cell is whole on one of the cell's lines. */
  g_assert_nonnull (strstr (why, "\ncircumstances"));
  g_assert_null (strchr (why, '-'));
  /* One that cannot fit is broken, every letter kept and no hyphen added. */
  g_assert_null (strchr (number, '-'));
  g_assert_null (strstr (number, "Llanfairpwllgwyngyll"));
  for (const char *p = number; *p != '\0'; p++)
    if (*p != '\n')
      g_string_append_c (joined, *p);
  g_assert_nonnull (strstr (joined->str, "Llanfairpwllgwyngyll"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pdf/layout/heading-keeps/key-values", GINT_TO_POINTER (FALSE),
                        test_heading_keeps_with_rows);
  g_test_add_data_func ("/pdf/layout/heading-keeps/table", GINT_TO_POINTER (TRUE),
                        test_heading_keeps_with_rows);
  g_test_add_func ("/pdf/layout/heading-not-alone", test_heading_not_alone);
  g_test_add_func ("/pdf/layout/no-hyphens", test_no_hyphens_in_cells);

  return g_test_run ();
}
