/* rmm-pdf-document-output.c: a laid-out document as a PDF file or in memory, or as HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is tagged (rmm-pdf-document-structure.c) and names its language; it carries an
 * outline (one entry per heading), the contents' internal links and metadata;
 * SOURCE_DATE_EPOCH makes the bytes reproducible. It is made in memory, where its catalog is
 * completed (rmm-pdf-document-catalog.c), then written under a temporary name, synced and
 * renamed, so a failure leaves nothing behind.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "rmm-error.h"
#include "rmm-pdf-document-private.h"

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
        /* The box, then the text. */
        g_autofree char *text = g_strdup_printf ("%s %s", cell_text (row, 0),
                                                 cell_text (row, 1));

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
    case ROW_DRAWING:
      {
        g_autofree char *escaped = g_markup_escape_text (row->description, -1);

        g_string_append_printf (html, "<p class=\"figure\">%s</p>\n", escaped);
      }
      break;
    case ROW_PAGE_BREAK:
    case ROW_CONTINUED:
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

  rmm_pdf_document_expand_contents (self);
  title = g_markup_escape_text (self->title, -1);
  marking = g_markup_escape_text (self->marking, -1);
  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<title>%s</title><style>body { font-family: Cantarell; "
                          "font-size: 10pt } .marking { text-align: center; font-weight: bold } "
                          "table.grid { border-collapse: collapse; width: 100%% } "
                          "table.grid th { background: #e0e8f2 } "
                          "table.grid td { border-bottom: 0.5pt solid #ccc }</style></head>\n"
                          "<body>\n<p class=\"marking\">%s</p>\n", self->language, title,
                          marking);
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

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (RmmPdfDocument  *self,
              cairo_surface_t *surface)
{
  g_autofree char *created = creation_date ();

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->marking);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, created);
}

static void
draw_pages (RmmPdfDocument *self,
            cairo_t        *cr)
{
  /* The root of the structure tree, around every page: with it cairo writes a tagged PDF
   * (/MarkInfo << /Marked true >>). */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < self->pages->len; page++)
    {
      rmm_pdf_document_draw_page_tagged (self, cr, page, TRUE);
      /* Ended on the last page: after its cairo_show_page() the end would be on a page of
       * its own. */
      if (page + 1 == self->pages->len)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }
}

static gboolean render_pages (RmmPdfDocument  *self,
                              GByteArray      *pdf,
                              GError         **error);

/* The whole PDF, in @pdf: its pages laid out (footers, "Page 1 of 2") in the language it was
 * made in, whenever it is written. */
static gboolean
render (RmmPdfDocument  *self,
        GByteArray      *pdf,
        GError         **error)
{
  gboolean rendered;

  rmm_document_language_push (self->written_in);
  rendered = render_pages (self, pdf, error);
  rmm_document_language_pop ();
  return rendered;
}

static gboolean
render_pages (RmmPdfDocument  *self,
              GByteArray      *pdf,
              GError         **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  rmm_pdf_document_paginate (self);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, RMM_PDF_PAGE_WIDTH,
                                                 RMM_PDF_PAGE_HEIGHT);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  draw_pages (self, cr);
  add_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  /* Still a whole PDF if not, only without its language: not worth losing the document. */
  if (!rmm_pdf_update_catalog (pdf, self->language))
    g_warning ("The PDF’s catalog was not as expected; it has no /Lang");
  return TRUE;
}

/* The PDF in memory, for the preview. */
GBytes *
rmm_pdf_document_to_bytes (RmmPdfDocument  *self,
                           GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), NULL);

  if (!render (self, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct
{
  int fd;
  int saved_errno;
} FileSink;

static gboolean
write_to_file (FileSink     *sink,
               const guint8 *data,
               gsize         length)
{
  while (length > 0 && sink->saved_errno == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          sink->saved_errno = errno;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return sink->saved_errno == 0;
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
/**
 * rmm_pdf_document_check_target:
 *
 * Whether a document may be written to @path: the new file takes the place of whatever
 * has that name, so only of an older PDF (or an empty file). Never of a database (the one
 * open, say), a device, a folder or a link (whatever it points to stays as it was, and so
 * does the link). Checked before a document is made, so that nothing is made for nothing.
 */
gboolean
rmm_pdf_document_check_target (const char  *path,
                               GError     **error)
{
  char start[5] = { 0 };
  GStatBuf st;
  int fd;
  gboolean pdf;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a file that a document can replace: give a file name."),
                   path);
      return FALSE;
    }
  if (st.st_size == 0)
    return TRUE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  pdf = fd >= 0 && read (fd, start, sizeof start) == sizeof start &&
        memcmp (start, "%PDF-", sizeof start) == 0;
  if (fd >= 0)
    close (fd);
  if (!pdf)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is there already and is not a PDF: a document replaces only an older "
                     "PDF. Give another name."), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
rmm_pdf_document_write (RmmPdfDocument  *self,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *temp = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  FileSink sink = { -1, 0 };

  g_return_val_if_fail (RMM_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rmm_pdf_document_check_target (path, error))
    return FALSE;

  /* Whole before it is written: the catalog is completed at the end (and the layout the PDF
   * comes from is larger than the PDF). */
  if (!render (self, pdf, error))
    return FALSE;
  temp = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return fail_with_errno (path, errno, error);
  if (!write_to_file (&sink, pdf->data, pdf->len))
    {
      close (sink.fd);
      g_unlink (temp);
      return fail_with_errno (path, sink.saved_errno, error);
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
