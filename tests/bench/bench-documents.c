/* bench-documents.c: the peers `rmmctl export minutes` is measured against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-documents html DATABASE MEETING OUT.html
 *       the same minutes as one HTML page: what LibreOffice is given to convert
 *   bench-documents floor TEXT OUT.pdf
 *       the floor: the same text, one paragraph a line, laid out by a bare pango + cairo
 *       loop onto A4 pages, with no tables, headers or outline
 */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "rmm-documents.h"

static int
write_html (const char *database,
            const char *meeting,
            const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = rmm_store_open (database, RMM_STORE_OPEN_EXISTING, &error);
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autofree char *html = NULL;
  RmmDocumentOptions options = { NULL, FALSE };

  if (store != NULL)
    document = rmm_minutes_document_new (store, g_ascii_strtoll (meeting, NULL, 10), &options,
                                         &error);
  if (document == NULL)
    {
      g_printerr ("bench-documents: %s\n", error->message);
      return EXIT_FAILURE;
    }
  html = rmm_pdf_document_to_html (document);
  if (!g_file_set_contents (out, html, -1, &error))
    {
      g_printerr ("bench-documents: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
write_floor (const char *text_path,
             const char *out)
{
  const double width = RMM_PDF_PAGE_WIDTH, height = RMM_PDF_PAGE_HEIGHT, margin = 56.7;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  cairo_surface_t *surface;
  PangoFontDescription *font;
  PangoLayout *layout;
  cairo_t *cr;
  double y = margin;

  if (!g_file_get_contents (text_path, &text, NULL, &error))
    {
      g_printerr ("bench-documents: %s\n", error->message);
      return EXIT_FAILURE;
    }
  lines = g_strsplit (text, "\n", -1);
  surface = cairo_pdf_surface_create (out, width, height);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  font = pango_font_description_from_string ("Cantarell 10");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width - 2 * margin));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int layout_height;

      pango_layout_set_text (layout, lines[i], -1);
      pango_layout_get_size (layout, NULL, &layout_height);
      if (y + pango_units_to_double (layout_height) > height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += pango_units_to_double (layout_height);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "html"))
    return write_html (argv[2], argv[3], argv[4]);
  if (argc == 4 && g_str_equal (argv[1], "floor"))
    return write_floor (argv[2], argv[3]);
  g_printerr ("usage: bench-documents html DATABASE MEETING OUT.html\n"
              "       bench-documents floor TEXT OUT.pdf\n");
  return 2;
}
