/* rmm-csv-detect.c: the first pass: every byte read to decide the file’s encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv-private.h"
#include "rmm-error.h"

/* ---- the first pass: what is this file? ---- */

typedef struct
{
  Position   pos;              /* as UTF-8 */
  guint      column_1252;      /* as Windows-1252, one byte a character */
  guint64    offset;

  /* A UTF-8 sequence under way. */
  guint      need;
  guchar     lo, hi;
  guchar     seq[4];
  guint      seq_len;
  Position   seq_pos;

  guint64    n_multibyte;
  guint      n_invalid;
  GPtrArray *invalid;          /* char *, the first MAX_LISTED */
  guint      n_undefined;      /* bytes Windows-1252 does not define */
  GPtrArray *undefined;
  guint64    nul_even, nul_odd;
  GPtrArray *nuls;
  guchar     first[3];
} Detect;

static void
detect_clear (Detect *d)
{
  g_clear_pointer (&d->invalid, g_ptr_array_unref);
  g_clear_pointer (&d->undefined, g_ptr_array_unref);
  g_clear_pointer (&d->nuls, g_ptr_array_unref);
}

static void
detect_invalid (Detect *d)
{
  d->n_invalid++;
  if (d->invalid->len < MAX_LISTED)
    {
      g_autoptr(GString) bytes = g_string_new (NULL);

      for (guint i = 0; i < d->seq_len; i++)
        g_string_append_printf (bytes, "%s%02X", i ? " " : "", d->seq[i]);
      g_ptr_array_add (d->invalid,
                       g_strdup_printf (d->seq_len == 1
                                          ? _("line %u, column %u: the byte %s is not UTF-8")
                                          : _("line %u, column %u: the bytes %s are not UTF-8"),
                                        d->seq_pos.line, d->seq_pos.column, bytes->str));
    }
  /* However long, a bad sequence takes one column, as an editor shows it. */
  position_advance (&d->pos, 0xfffd);
  d->need = 0;
  d->seq_len = 0;
}

/* Windows-1252 leaves five bytes undefined. */
static inline gboolean
undefined_in_1252 (guchar b)
{
  return b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d;
}

static void
detect_byte (Detect *d,
             guchar  b)
{
  if (d->offset < 3)
    d->first[d->offset] = b;

  if (b == '\0')
    {
      if (d->offset % 2 == 0)
        d->nul_even++;
      else
        d->nul_odd++;
      if (d->nuls->len < MAX_LISTED)
        g_ptr_array_add (d->nuls, g_strdup_printf (_("line %u, column %u: a NUL byte"),
                                                   d->pos.line, d->pos.column));
    }
  if (undefined_in_1252 (b))
    {
      d->n_undefined++;
      if (d->undefined->len < MAX_LISTED)
        g_ptr_array_add (d->undefined,
                         g_strdup_printf (_("line %u, column %u: the byte %02X is not a character "
                                            "in Windows-1252"),
                                          d->pos.line, d->column_1252, b));
    }
  if (b == '\r' || b == '\n')
    d->column_1252 = 1;
  else
    d->column_1252++;
  d->offset++;

  if (d->need > 0)
    {
      if (b >= d->lo && b <= d->hi)
        {
          d->seq[d->seq_len++] = b;
          d->lo = 0x80;
          d->hi = 0xbf;
          if (--d->need == 0)
            {
              d->n_multibyte++;
              d->seq_len = 0;
              position_advance (&d->pos, 0xfffd);
            }
          return;
        }
      /* The sequence breaks off here; this byte starts afresh. */
      detect_invalid (d);
    }

  if (b < 0x80)
    {
      position_advance (&d->pos, b);
      return;
    }

  d->seq_pos = d->pos;
  d->seq[0] = b;
  d->seq_len = 1;
  d->lo = 0x80;
  d->hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf)
    d->need = 1;
  else if (b == 0xe0)
    d->need = 2, d->lo = 0xa0;
  else if ((b >= 0xe1 && b <= 0xec) || b == 0xee || b == 0xef)
    d->need = 2;
  else if (b == 0xed)
    d->need = 2, d->hi = 0x9f;         /* not a surrogate */
  else if (b == 0xf0)
    d->need = 3, d->lo = 0x90;
  else if (b >= 0xf1 && b <= 0xf3)
    d->need = 3;
  else if (b == 0xf4)
    d->need = 3, d->hi = 0x8f;         /* not beyond U+10FFFF */
  else
    detect_invalid (d);                /* a continuation byte alone, or never UTF-8 */
}

static void
detect_bytes (Detect       *d,
              const guchar *bytes,
              gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar b = bytes[i];

      /* Plain ASCII, the bulk of any CSV, takes the short way. */
      if (b >= 0x20 && b < 0x7f && d->need == 0 && d->offset >= 3)
        {
          d->pos.column++;
          d->pos.after_cr = FALSE;
          d->column_1252++;
          d->offset++;
          continue;
        }
      detect_byte (d, b);
    }
}

static void
add_listed (RmmCsvReader *self,
            GPtrArray    *listed,
            guint         total)
{
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (listed, i)));
  if (total > listed->len)
    g_ptr_array_add (self->problems,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more like it",
                                                   "and %u more like them",
                                                   total - listed->len),
                                      total - listed->len));
  self->n_problems = total;
}

/* Refused with @message as the error and first problem, then each place, listed. */
static gboolean
refuse (RmmCsvReader  *self,
        GPtrArray     *listed,
        guint          total,
        GError       **error,
        const char    *message)
{
  g_ptr_array_add (self->problems, g_strdup (message));
  if (listed != NULL)
    add_listed (self, listed, total);
  else
    self->n_problems = 1;
  g_set_error_literal (error, RMM_ERROR, RMM_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
looks_like_utf16 (guint64 length,
                  guint64 high,
                  guint64 low)
{
  return length % 2 == 0 && high >= (length / 2) / UTF16_MIN_ASCII_FRACTION &&
         high >= UTF16_MIN_RATIO * low;
}

static void
set_encoding (RmmCsvReader *self,
              Encoding      encoding)
{
  static const char *names[] = {
    [ENCODING_UTF8] = N_("UTF-8"),
    [ENCODING_UTF8_BOM] = N_("UTF-8 (with byte-order mark)"),
    [ENCODING_UTF16LE] = N_("UTF-16"),
    [ENCODING_UTF16BE] = N_("UTF-16"),
    [ENCODING_WINDOWS_1252] = N_("Windows-1252"),
  };

  self->encoding = encoding;
  self->encoding_name = _(names[encoding]);
}

gboolean
rmm_csv_detect (RmmCsvReader  *self,
                GCancellable  *cancellable,
                GError       **error)
{
  Detect d = { .pos = POSITION_START, .column_1252 = 1 };
  gboolean ok = FALSE;
  guint64 length;
  gssize got;
  const guchar *chunk;

  d.invalid = g_ptr_array_new_with_free_func (g_free);
  d.undefined = g_ptr_array_new_with_free_func (g_free);
  d.nuls = g_ptr_array_new_with_free_func (g_free);

  if (!rmm_csv_source_begin (self, cancellable, error))
    goto out;
  while ((got = rmm_csv_source_next (self, &chunk, cancellable, error)) > 0)
    detect_bytes (&d, chunk, got);
  rmm_csv_source_end (self);
  if (got < 0)
    goto out;
  if (d.need > 0)
    detect_invalid (&d);          /* cut off at the end */
  length = d.offset;
  self->first_length = length;
  self->first_checksum = self->checksum;

  if (length == 0)
    {
      refuse (self, NULL, 0, error, _("The file is empty."));
      goto out;
    }

  if (length >= 2 && d.first[0] == 0xff && d.first[1] == 0xfe)
    set_encoding (self, ENCODING_UTF16LE);
  else if (length >= 2 && d.first[0] == 0xfe && d.first[1] == 0xff)
    set_encoding (self, ENCODING_UTF16BE);
  else if (d.nul_even + d.nul_odd > 0)
    {
      /* Little-endian UTF-16 has its NULs at odd offsets, big-endian at even. */
      if (looks_like_utf16 (length, d.nul_odd, d.nul_even))
        {
          set_encoding (self, ENCODING_UTF16LE);
          self->encoding_name = _("UTF-16, little-endian, without a byte-order mark");
        }
      else if (looks_like_utf16 (length, d.nul_even, d.nul_odd))
        {
          set_encoding (self, ENCODING_UTF16BE);
          self->encoding_name = _("UTF-16, big-endian, without a byte-order mark");
        }
      else
        {
          refuse (self, d.nuls, d.nul_even + d.nul_odd, error,
                  _("The file is not text: it has NUL bytes. If it is UTF-16 (“Unicode "
                    "text”), save it again with a byte-order mark; better, save the "
                    "spreadsheet as “CSV UTF-8”."));
          goto out;
        }
    }
  else if (d.n_invalid == 0)
    set_encoding (self, length >= 3 && memcmp (d.first, "\xef\xbb\xbf", 3) == 0
                          ? ENCODING_UTF8_BOM : ENCODING_UTF8);
  else if (d.n_multibyte > 0 || (length >= 3 && memcmp (d.first, "\xef\xbb\xbf", 3) == 0))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The file is partly UTF-8 but is not UTF-8 in %u place, "
                                      "listed below: read either as UTF-8 or as Windows-1252, "
                                      "some of its names would change. Save the spreadsheet "
                                      "again as “CSV UTF-8”, or correct that place.",
                                      "The file is partly UTF-8 but is not UTF-8 in %u places, "
                                      "listed below: read either as UTF-8 or as Windows-1252, "
                                      "some of its names would change. Save the spreadsheet "
                                      "again as “CSV UTF-8”, or correct those places.",
                                      d.n_invalid), d.n_invalid);

      refuse (self, d.invalid, d.n_invalid, error, message);
      goto out;
    }
  else if (d.n_undefined > 0)
    {
      refuse (self, d.undefined, d.n_undefined, error,
              _("The file is neither UTF-8 nor Windows-1252 text: save the spreadsheet as "
                "“CSV UTF-8” and try again."));
      goto out;
    }
  else
    set_encoding (self, ENCODING_WINDOWS_1252);
  ok = TRUE;

out:
  detect_clear (&d);
  return ok;
}
