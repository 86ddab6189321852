/* rmm-csv-decoder.c: each chunk of the file turned into UTF-8, by the encoding the first pass chose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv-private.h"
#include "rmm-error.h"

/* ---- decoding, chunk by chunk ---- */

static const gunichar windows_1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

void
rmm_csv_changed_error (GError **error)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("The file changed while it was being read: wait until whatever is writing it "
                 "has finished, and try again."));
}

static void
emit_char (Decoder  *dec,
           gunichar  c)
{
  char utf8[6];

  position_advance (&dec->pos, c);
  g_string_append_len (dec->text, utf8, g_unichar_to_utf8 (c, utf8));
}

static gboolean
decode_utf16 (Decoder       *dec,
              gboolean       big_endian,
              const guchar  *bytes,
              gsize          length,
              GError       **error)
{
  gsize i = 0;

  if (dec->n_carry == 1 && length > 0)
    {
      guchar pair[2] = { dec->carry[0], bytes[0] };

      dec->n_carry = 0;
      if (!decode_utf16 (dec, big_endian, pair, 2, error))
        return FALSE;
      i = 1;
    }
  for (; i + 1 < length; i += 2)
    {
      gunichar unit = big_endian ? (bytes[i] << 8 | bytes[i + 1])
                                 : (bytes[i + 1] << 8 | bytes[i]);

      if (dec->high_surrogate != 0)
        {
          if (unit >= 0xdc00 && unit <= 0xdfff)
            {
              emit_char (dec, 0x10000 + ((dec->high_surrogate - 0xd800) << 10) +
                              (unit - 0xdc00));
              dec->high_surrogate = 0;
              continue;
            }
          goto bad;
        }
      if (unit >= 0xd800 && unit <= 0xdbff)
        dec->high_surrogate = unit;
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        goto bad;
      else if (unit == 0)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("line %u, column %u: a NUL character: the file is not UTF-16 text as "
                         "it seemed; save the spreadsheet as “CSV UTF-8” and try again."),
                       dec->pos.line, dec->pos.column);
          return FALSE;
        }
      else
        emit_char (dec, unit);
    }
  if (i < length)
    {
      dec->carry[0] = bytes[i];
      dec->n_carry = 1;
    }
  return TRUE;

bad:
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("line %u, column %u: the text is not valid UTF-16 (half a character): save "
                 "the spreadsheet as “CSV UTF-8” and try again."),
               dec->pos.line, dec->pos.column);
  return FALSE;
}

static gboolean
decode_1252 (Decoder       *dec,
             const guchar  *bytes,
             gsize          length,
             GError       **error)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar b = bytes[i];

      if (b < 0x80)
        g_string_append_c (dec->text, b);
      else if (b >= 0xa0)
        {
          char utf8[6];
          g_string_append_len (dec->text, utf8, g_unichar_to_utf8 (b, utf8));
        }
      else if (windows_1252_high[b - 0x80] != 0)
        {
          char utf8[6];
          g_string_append_len (dec->text, utf8,
                               g_unichar_to_utf8 (windows_1252_high[b - 0x80], utf8));
        }
      else
        {
          rmm_csv_changed_error (error);
          return FALSE;
        }
    }
  return TRUE;
}

/* UTF-8 passes through as it is, once checked again: the first pass saw it whole. */
static gboolean
decode_utf8 (Decoder       *dec,
             const guchar  *bytes,
             gsize          length,
             GError       **error)
{
  const char *end = NULL;

  /* First the character cut at the last chunk's end. */
  while (dec->n_carry > 0 && length > 0)
    {
      gunichar c;

      dec->carry[dec->n_carry++] = *bytes++;
      length--;
      c = g_utf8_get_char_validated ((const char *)dec->carry, dec->n_carry);
      if (c == (gunichar)-2 && dec->n_carry < 4)
        continue;
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          rmm_csv_changed_error (error);
          return FALSE;
        }
      g_string_append_len (dec->text, (const char *)dec->carry, dec->n_carry);
      dec->n_carry = 0;
    }
  if (!g_utf8_validate ((const char *)bytes, length, &end))
    {
      gsize rest = length - (end - (const char *)bytes);

      /* Only a character's first bytes may wait for the next chunk. */
      if (rest >= 4 || g_utf8_get_char_validated (end, rest) != (gunichar)-2)
        {
          rmm_csv_changed_error (error);
          return FALSE;
        }
      memcpy (dec->carry, end, rest);
      dec->n_carry = rest;
      length -= rest;
    }
  g_string_append_len (dec->text, (const char *)bytes, length);
  return TRUE;
}

/* One chunk of the file into dec->text, as UTF-8. */
gboolean
rmm_csv_decode_bytes (RmmCsvReader  *self,
                      Decoder       *dec,
                      const guchar  *bytes,
                      gsize          length,
                      GError       **error)
{
  g_string_truncate (dec->text, 0);
  if (dec->at_start)
    {
      gsize skip = 0;

      dec->at_start = FALSE;
      if (self->encoding == ENCODING_UTF8_BOM)
        skip = 3;
      else if ((self->encoding == ENCODING_UTF16LE || self->encoding == ENCODING_UTF16BE) &&
               length >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe) ||
                               (bytes[0] == 0xfe && bytes[1] == 0xff)))
        skip = 2;
      skip = MIN (skip, length);
      bytes += skip;
      length -= skip;
    }

  switch (self->encoding)
    {
    case ENCODING_UTF8:
    case ENCODING_UTF8_BOM:
      return decode_utf8 (dec, bytes, length, error);
    case ENCODING_UTF16LE:
    case ENCODING_UTF16BE:
      return decode_utf16 (dec, self->encoding == ENCODING_UTF16BE, bytes, length, error);
    case ENCODING_WINDOWS_1252:
    default:
      return decode_1252 (dec, bytes, length, error);
    }
}

gboolean
rmm_csv_decode_end (Decoder  *dec,
                    GError  **error)
{
  if (dec->n_carry > 0 || dec->high_surrogate != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file ends in the middle of a character: it was cut short. Save the "
                     "spreadsheet as “CSV UTF-8” again."));
      return FALSE;
    }
  return TRUE;
}
