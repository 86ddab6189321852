/* rmm-pdf-document-catalog.c: what the PDF's catalog needs and cairo cannot write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An accessible PDF names its language (/Lang: a screen reader speaks "Rhian" and "Cwm
 * Teifion" with the right voice) and asks viewers to show its title, not its file name, in
 * the window's title bar (/ViewerPreferences << /DisplayDocTitle true >>). Both belong in
 * the document catalog, and cairo 1.16 has no API for either: it writes the catalog (with
 * /MarkInfo and /StructTreeRoot) as its last object, then a classic cross-reference table
 * and a trailer, and no more.
 *
 * So the catalog is replaced the way the PDF format itself provides for, by an incremental
 * update (ISO 32000-1, 7.5.6): the same catalog object again, with the two entries added,
 * appended after cairo's %%EOF, with a cross-reference section for that one object and a
 * trailer whose /Prev points to cairo's. Nothing cairo wrote is changed, and the same bytes
 * in give the same bytes out (SOURCE_DATE_EPOCH stays enough for a reproducible file).
 * Anything not laid out as described leaves the PDF as cairo wrote it.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include <string.h>

#include "rmm-pdf-document-private.h"

/* The trailer, startxref and %%EOF fit in this many bytes at the end. */
#define TAIL 1024
/* A cross-reference entry: "0000012345 00000 n \n". */
#define XREF_ENTRY 20

typedef struct
{
  const char *data;
  gsize       length;
} Span;

/* The first occurrence of @needle in @span, or NULL. A PDF holds binary streams: unlike
 * g_strstr_len(), these do not stop at a NUL byte. */
static const char *
find_first (Span        span,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = 0; at + n <= span.length; at++)
    if (memcmp (span.data + at, needle, n) == 0)
      return span.data + at;
  return NULL;
}

/* The last occurrence of @needle in @span, or NULL. */
static const char *
find_last (Span        span,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = span.length >= n ? span.length - n + 1 : 0; at-- > 0;)
    if (memcmp (span.data + at, needle, n) == 0)
      return span.data + at;
  return NULL;
}

static gboolean
parse_number (const char  *p,
              const char  *end,
              guint64     *number,
              const char **after)
{
  guint64 value = 0;
  const char *start;

  while (p < end && g_ascii_isspace (*p))
    p++;
  start = p;
  while (p < end && g_ascii_isdigit (*p) && value <= (G_MAXUINT64 - 9) / 10)
    value = value * 10 + (guint64)(*p++ - '0');
  if (p == start)
    return FALSE;
  *number = value;
  if (after != NULL)
    *after = p;
  return TRUE;
}

/* The number after @key ("/Size 42") in the trailer @trailer. */
static gboolean
trailer_number (Span        trailer,
                const char *key,
                guint64    *number)
{
  const char *at = find_first (trailer, key);

  return at != NULL &&
         parse_number (at + strlen (key), trailer.data + trailer.length, number, NULL);
}

/* The offset of object @id from the cross-reference table at @xref. */
static gboolean
find_object (Span     pdf,
             guint64  xref,
             guint64  id,
             guint64 *offset)
{
  const char *end = pdf.data + pdf.length;
  const char *p = pdf.data + xref + strlen ("xref");
  guint64 first, count;

  /* Subsections: "first count" then count entries of XREF_ENTRY bytes. */
  while (parse_number (p, end, &first, &p) && parse_number (p, end, &count, &p))
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if ((guint64)(end - p) / XREF_ENTRY < count)
        return FALSE;
      if (id >= first && id < first + count)
        {
          p += (id - first) * XREF_ENTRY;
          return p[17] == 'n' && parse_number (p, p + 10, offset, NULL);
        }
      p += count * XREF_ENTRY;
    }
  return FALSE;
}

/* The catalog's dictionary at @offset without its closing ">>": "<< /Type /Catalog … ". */
static gboolean
read_catalog (Span     pdf,
              guint64  offset,
              guint64  id,
              Span    *body)
{
  g_autofree char *header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", id);
  Span object;
  const char *endobj;
  const char *close;

  if (offset > pdf.length || pdf.length - offset < strlen (header) ||
      memcmp (pdf.data + offset, header, strlen (header)) != 0)
    return FALSE;
  object.data = pdf.data + offset + strlen (header);
  object.length = pdf.length - offset - strlen (header);
  if (!(endobj = find_first (object, "endobj")))
    return FALSE;
  object.length = endobj - object.data;
  close = find_last (object, ">>");
  body->data = find_first (object, "<<");
  if (close == NULL || body->data == NULL || close < body->data)
    return FALSE;
  body->length = close - body->data;
  if (!find_first (*body, "/Type /Catalog"))
    return FALSE;
  return TRUE;
}

/* The entries of the trailer @trailer to carry over to the new one: /Info, and /ID if cairo
 * wrote one (cairo 1.18 does). */
static void
append_trailer_entries (GString *update,
                        Span     trailer)
{
  const char *id = find_first (trailer, "/ID");
  const char *end = id != NULL ? memchr (id, ']', trailer.data + trailer.length - id) : NULL;
  guint64 info;

  if (trailer_number (trailer, "/Info", &info))
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  if (end != NULL)
    g_string_append_printf (update, "   %.*s\n", (int)(end + 1 - id), id);
}

static gboolean
has_key (Span        body,
         const char *key)
{
  return find_first (body, key) != NULL;
}

/**
 * rmm_pdf_update_catalog:
 * @pdf: a PDF as cairo wrote it; the update is appended to it
 * @language: a BCP 47 tag, checked already ("en-GB")
 *
 * Returns: whether @pdf was updated (else it is left as it was)
 */
gboolean
rmm_pdf_update_catalog (GByteArray *pdf,
                        const char *language)
{
  Span all = { (const char *)pdf->data, pdf->len };
  Span tail = { all.data + (all.length > TAIL ? all.length - TAIL : 0), MIN (all.length, TAIL) };
  Span trailer, body;
  const char *startxref = find_last (tail, "startxref");
  guint64 xref, size, root, catalog;
  g_autoptr(GString) update = NULL;
  gsize update_xref;

  if (startxref == NULL ||
      !parse_number (startxref + strlen ("startxref"), all.data + all.length, &xref, NULL) ||
      xref + strlen ("xref") > (gsize)(startxref - all.data) ||
      memcmp (all.data + xref, "xref", strlen ("xref")) != 0)
    return FALSE;
  /* The trailer: between "trailer" and "startxref", after the cross-reference table. */
  trailer.data = find_last ((Span) { all.data + xref, startxref - (all.data + xref) }, "trailer");
  if (trailer.data == NULL)
    return FALSE;
  trailer.length = startxref - trailer.data;
  if (!trailer_number (trailer, "/Size", &size) || !trailer_number (trailer, "/Root", &root) ||
      !find_object (all, xref, root, &catalog) || !read_catalog (all, catalog, root, &body))
    return FALSE;

  /* The catalog again, under its own number, with what cairo could not write. */
  update = g_string_new (NULL);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%.*s", root,
                          (int)body.length, body.data);
  if (!has_key (body, "/Lang"))
    g_string_append_printf (update, "   /Lang (%s)\n", language);
  if (!has_key (body, "/ViewerPreferences"))
    g_string_append (update, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
  g_string_append (update, ">>\nendobj\n");

  /* Where that object is, and the trailer that makes it the catalog. */
  update_xref = all.length + update->len;
  g_string_append_printf (update,
                          "xref\n"
                          "%" G_GUINT64_FORMAT " 1\n"
                          "%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n"
                          "<< /Size %" G_GUINT64_FORMAT "\n"
                          "   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          root, all.length, size, root);
  append_trailer_entries (update, trailer);
  g_string_append_printf (update,
                          "   /Prev %" G_GUINT64_FORMAT "\n"
                          ">>\n"
                          "startxref\n"
                          "%" G_GSIZE_FORMAT "\n"
                          "%%%%EOF\n",
                          xref, update_xref);
  g_byte_array_append (pdf, (const guint8 *)update->str, update->len);
  return TRUE;
}
