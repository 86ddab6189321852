/* rmm-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is read in chunks, never whole, and twice: first every byte, to decide its encoding
 * from all of it (a byte-order mark; UTF-16's pattern of NUL bytes; UTF-8 throughout; or no
 * UTF-8 beyond ASCII anywhere, and so Windows-1252), then decoded and split into records that
 * are handed to the caller one at a time. A file that is UTF-8 but for a few bad bytes is
 * refused, naming where they are: read as Windows-1252 it would turn every "Siân" into
 * "SiÃ¢n" without a word.
 */
#define G_LOG_DOMAIN "rmm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv.h"
#include "rmm-error.h"

#define CHUNK_BYTES (64 * 1024)
#define MAX_FIELD_BYTES (64 * 1024)
#define MAX_FIELDS 256
/* Bad bytes listed one by one; the rest are counted. */
#define MAX_LISTED 10
/* UTF-16 without a byte-order mark: at least one code unit in eight is ASCII (a CSV's commas,
 * digits and header alone are more), and its high bytes are NUL eight times as often as its
 * low ones (a character such as U+4E00 has a NUL low byte). */
#define UTF16_MIN_ASCII_FRACTION 8
#define UTF16_MIN_RATIO 8

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF8_BOM,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
  ENCODING_WINDOWS_1252,
} Encoding;

struct _RmmCsvReader
{
  /* In memory (borrowed, or owned when read from a pipe), or a regular file read twice. */
  const guchar *data;
  gsize         length;
  guchar       *owned;
  GFile        *file;
  GInputStream *stream;
  guchar       *buffer;
  guint64       offset;
  guint64       checksum;
  guint64       first_checksum;
  guint64       first_length;

  Encoding      encoding;
  const char   *encoding_name;
  GPtrArray    *problems;
  guint         n_problems;
};

/* ---- the bytes, a pass at a time ---- */

static gboolean
source_begin (RmmCsvReader  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  self->offset = 0;
  self->checksum = 0xcbf29ce484222325;
  if (self->file == NULL)
    return TRUE;
  g_clear_object (&self->stream);
  self->stream = G_INPUT_STREAM (g_file_read (self->file, cancellable, error));
  if (self->buffer == NULL)
    self->buffer = g_malloc (CHUNK_BYTES);
  return self->stream != NULL;
}

/* A checksum of what each pass read, so that the second pass is known to have read what the
 * first pass decided the encoding of. */
static void
update_checksum (RmmCsvReader *self,
                 const guchar *bytes,
                 gsize         length)
{
  guint64 h = self->checksum;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, bytes + i, 8);
      h = (h ^ word) * 0x100000001b3;
      h ^= h >> 29;
    }
  for (; i < length; i++)
    h = (h ^ bytes[i]) * 0x100000001b3;
  self->checksum = h;
}

/* The next chunk; 0 at the end, -1 on error. */
static gssize
source_next (RmmCsvReader   *self,
             const guchar  **chunk,
             GCancellable   *cancellable,
             GError        **error)
{
  gsize got = 0;

  if (self->file == NULL)
    {
      gsize left = self->length - self->offset;

      got = MIN (left, CHUNK_BYTES);
      *chunk = self->data + self->offset;
      self->offset += got;
      return got;
    }

  if (!g_input_stream_read_all (self->stream, self->buffer, CHUNK_BYTES, &got, cancellable,
                                error))
    return -1;
  self->offset += got;
  if (self->offset > RMM_CSV_MAX_FILE_BYTES)
    {
      g_autofree char *limit = g_format_size (RMM_CSV_MAX_FILE_BYTES);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file grew past %s while it was read: split it into smaller files."),
                   limit);
      return -1;
    }
  update_checksum (self, self->buffer, got);
  *chunk = self->buffer;
  return got;
}

static void
source_end (RmmCsvReader *self)
{
  if (self->stream != NULL)
    g_input_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
}

/* ---- where a character is, as a text editor counts ---- */

typedef struct
{
  guint     line;     /* from 1 */
  guint     column;   /* characters from the start of the line, from 1 */
  gboolean  after_cr;
} Position;

#define POSITION_START { 1, 1, FALSE }

/* A line ends at LF, CRLF or a lone CR, as the parser counts them. */
static inline void
position_advance (Position *pos,
                  gunichar  c)
{
  if (c == '\r' || (c == '\n' && !pos->after_cr))
    {
      pos->line++;
      pos->column = 1;
    }
  else if (c != '\n')
    pos->column++;
  pos->after_cr = c == '\r';
}

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

static gboolean
detect (RmmCsvReader  *self,
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

  if (!source_begin (self, cancellable, error))
    goto out;
  while ((got = source_next (self, &chunk, cancellable, error)) > 0)
    detect_bytes (&d, chunk, got);
  source_end (self);
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

/* ---- the second pass: records ---- */

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* a quote inside a quoted field: doubled, or the field's end */
  STATE_AFTER_CR,          /* a record ended at CR; an LF after it belongs to it */
} State;

typedef struct
{
  State             state;
  guint             line;
  gboolean          after_cr;
  guint             quote_line;
  gboolean          in_record;
  GPtrArray        *strings;   /* GString *, reused from record to record */
  RmmCsvRecord      record;
  RmmCsvRecordFunc  func;
  gpointer          user_data;
  guint64           n_records;
} Parser;

static GString *
current_field (Parser *parser)
{
  return g_ptr_array_index (parser->strings, parser->record.fields->len);
}

static gboolean
end_field (Parser  *parser,
           GError **error)
{
  GString *field;

  if (parser->record.fields->len >= MAX_FIELDS)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "line %u: more than %u column",
                                "line %u: more than %u columns", MAX_FIELDS),
                   parser->record.line, MAX_FIELDS);
      return FALSE;
    }
  field = current_field (parser);
  g_ptr_array_add (parser->record.fields, field->str);
  if (parser->strings->len == parser->record.fields->len)
    g_ptr_array_add (parser->strings, g_string_new (NULL));
  else
    g_string_truncate (g_ptr_array_index (parser->strings, parser->record.fields->len), 0);
  return TRUE;
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    for (const char *p = g_ptr_array_index (fields, i); *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Blank lines are skipped. */
static gboolean
end_record (Parser  *parser,
            GError **error)
{
  gboolean ok = TRUE;

  if (!end_field (parser, error))
    return FALSE;
  if (!is_blank_record (parser->record.fields))
    {
      parser->n_records++;
      ok = parser->func (&parser->record, parser->user_data, error);
    }
  g_ptr_array_set_size (parser->record.fields, 0);
  g_string_truncate (g_ptr_array_index (parser->strings, 0), 0);
  parser->in_record = FALSE;
  return ok;
}

static gboolean
append (Parser      *parser,
        const char  *text,
        gsize        length,
        GError     **error)
{
  GString *field = current_field (parser);

  if (field->len + length > MAX_FIELD_BYTES)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("line %u: a field is longer than 64 KB"), parser->line);
      return FALSE;
    }
  g_string_append_len (field, text, length);
  return TRUE;
}

static inline void
count_line (Parser *parser,
            char    c)
{
  if (c == '\r' || (c == '\n' && !parser->after_cr))
    parser->line++;
  parser->after_cr = c == '\r';
}

/* UTF-8 text, in pieces cut anywhere (the characters that matter are all ASCII). */
static gboolean
parse_text (Parser      *parser,
            const char  *text,
            gsize        length,
            GError     **error)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      char c = *p;

      if (!parser->in_record)
        {
          parser->in_record = TRUE;
          parser->record.line = parser->line;
        }

      switch (parser->state)
        {
        case STATE_AFTER_CR:
          parser->state = STATE_FIELD_START;
          if (c == '\n')
            {
              count_line (parser, c);
              parser->in_record = FALSE;
              p++;
            }
          break;

        case STATE_FIELD_START:
          if (c == '"')
            {
              parser->state = STATE_QUOTED;
              parser->quote_line = parser->line;
              parser->after_cr = FALSE;
              p++;
              break;
            }
          parser->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          {
            const char *run = p;

            while (p < end && *p != ',' && *p != '\n' && *p != '\r')
              p++;
            if (p > run)
              {
                parser->after_cr = FALSE;
                if (!append (parser, run, p - run, error))
                  return FALSE;
              }
            if (p == end)
              break;
            c = *p++;
            count_line (parser, c);
            if (c == ',')
              {
                if (!end_field (parser, error))
                  return FALSE;
                parser->state = STATE_FIELD_START;
              }
            else
              {
                if (!end_record (parser, error))
                  return FALSE;
                parser->state = c == '\r' ? STATE_AFTER_CR : STATE_FIELD_START;
              }
          }
          break;

        case STATE_QUOTED:
          {
            const char *run = p;

            while (p < end && *p != '"' && *p != '\n' && *p != '\r')
              p++;
            if (p > run)
              {
                parser->after_cr = FALSE;
                if (!append (parser, run, p - run, error))
                  return FALSE;
              }
            if (p == end)
              break;
            c = *p++;
            if (c == '"')
              {
                parser->after_cr = FALSE;
                parser->state = STATE_QUOTE_IN_QUOTED;
              }
            else
              {
                count_line (parser, c);
                if (!append (parser, &c, 1, error))
                  return FALSE;
              }
          }
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              parser->after_cr = FALSE;
              if (!append (parser, "\"", 1, error))
                return FALSE;
              parser->state = STATE_QUOTED;
              p++;
            }
          else if (c == ',')
            {
              count_line (parser, c);
              if (!end_field (parser, error))
                return FALSE;
              parser->state = STATE_FIELD_START;
              p++;
            }
          else if (c == '\n' || c == '\r')
            {
              count_line (parser, c);
              if (!end_record (parser, error))
                return FALSE;
              parser->state = c == '\r' ? STATE_AFTER_CR : STATE_FIELD_START;
              p++;
            }
          else
            {
              g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                           _("line %u: text after the closing quote of column %u; quotes "
                             "inside a quoted field must be doubled (\"\")"),
                           parser->line, parser->record.fields->len + 1);
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

static gboolean
parse_end (Parser  *parser,
           GError **error)
{
  switch (parser->state)
    {
    case STATE_QUOTED:
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("line %u: a quoted field starts here and is never closed"),
                   parser->quote_line);
      return FALSE;
    case STATE_AFTER_CR:
      return TRUE;
    case STATE_FIELD_START:
    case STATE_UNQUOTED:
    case STATE_QUOTE_IN_QUOTED:
    default:
      return !parser->in_record || end_record (parser, error);
    }
}

/* ---- decoding, chunk by chunk ---- */

static const gunichar windows_1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

typedef struct
{
  Parser    parser;
  GString  *text;          /* the chunk, decoded */
  guchar    carry[4];      /* a character cut by the chunk's end */
  guint     n_carry;
  gunichar  high_surrogate;
  Position  pos;           /* of the decoded text, for a UTF-16 error */
  gboolean  at_start;
} Decoder;

static void
changed_error (GError **error)
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
          changed_error (error);
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
          changed_error (error);
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
          changed_error (error);
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
static gboolean
decode_bytes (RmmCsvReader  *self,
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

static gboolean
decode_end (Decoder  *dec,
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

/* ---- the reader ---- */

static RmmCsvReader *
reader_new (void)
{
  RmmCsvReader *self = g_new0 (RmmCsvReader, 1);

  self->problems = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/* @data must outlive the reader. */
RmmCsvReader *
rmm_csv_reader_new_for_data (const char *data,
                             gsize       length)
{
  RmmCsvReader *self = reader_new ();

  self->data = (const guchar *)data;
  self->length = length;
  return self;
}

/* Refuses a file over RMM_CSV_MAX_FILE_BYTES by its size, before reading any of it. */
RmmCsvReader *
rmm_csv_reader_new_for_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(RmmCsvReader) self = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *name = NULL;
  guint64 size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  name = g_file_get_parse_name (file);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is a folder: choose the CSV file in it."), name);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > RMM_CSV_MAX_FILE_BYTES)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (RMM_CSV_MAX_FILE_BYTES);

      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file is %s, more than the %s an import can read: split it into "
                     "smaller files."), have, limit);
      return NULL;
    }

  self = reader_new ();
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      self->file = g_object_ref (file);
      return g_steal_pointer (&self);
    }

  /* A pipe cannot be read twice: keep what it sends, up to the limit. */
  if (!(stream = G_INPUT_STREAM (g_file_read (file, cancellable, error))))
    return NULL;
  bytes = g_byte_array_new ();
  for (;;)
    {
      guchar chunk[CHUNK_BYTES];
      gsize got = 0;

      if (!g_input_stream_read_all (stream, chunk, sizeof chunk, &got, cancellable, error))
        return NULL;
      if (got == 0)
        break;
      if (bytes->len + got > RMM_CSV_MAX_FILE_BYTES)
        {
          g_autofree char *limit = g_format_size (RMM_CSV_MAX_FILE_BYTES);

          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("The file is more than the %s an import can read: split it into "
                         "smaller files."), limit);
          return NULL;
        }
      g_byte_array_append (bytes, chunk, got);
    }
  self->length = bytes->len;
  self->owned = g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  self->data = self->owned;
  return g_steal_pointer (&self);
}

void
rmm_csv_reader_free (RmmCsvReader *self)
{
  if (self == NULL)
    return;
  source_end (self);
  g_clear_object (&self->file);
  g_free (self->buffer);
  g_free (self->owned);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/* Decide the encoding from the whole file, then call @func for each record in turn. FALSE
 * on the first thing that stops the file being read (or when @func returns FALSE); the
 * problems found deciding the encoding are in rmm_csv_reader_get_problems(). */
gboolean
rmm_csv_reader_read (RmmCsvReader      *self,
                     RmmCsvRecordFunc   func,
                     gpointer           user_data,
                     GCancellable      *cancellable,
                     GError           **error)
{
  Decoder dec = { 0 };
  gboolean ok = FALSE;
  const guchar *chunk;
  gssize got;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  if (!detect (self, cancellable, error))
    return FALSE;

  dec.parser.line = 1;
  dec.parser.func = func;
  dec.parser.user_data = user_data;
  dec.parser.strings = g_ptr_array_new ();
  g_ptr_array_add (dec.parser.strings, g_string_new (NULL));
  dec.parser.record.fields = g_ptr_array_new ();
  dec.text = g_string_sized_new (CHUNK_BYTES * 2);
  dec.pos = (Position)POSITION_START;
  dec.at_start = TRUE;

  if (!source_begin (self, cancellable, error))
    goto out;
  while ((got = source_next (self, &chunk, cancellable, error)) > 0)
    if (!decode_bytes (self, &dec, chunk, got, error) ||
        !parse_text (&dec.parser, dec.text->str, dec.text->len, error))
      goto out;
  if (got < 0 || !decode_end (&dec, error) || !parse_end (&dec.parser, error))
    goto out;
  if (self->file != NULL &&
      (self->offset != self->first_length || self->checksum != self->first_checksum))
    {
      changed_error (error);
      goto out;
    }
  if (dec.parser.n_records == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The file has no rows."));
      goto out;
    }
  ok = TRUE;

out:
  source_end (self);
  for (guint i = 0; i < dec.parser.strings->len; i++)
    g_string_free (g_ptr_array_index (dec.parser.strings, i), TRUE);
  g_ptr_array_unref (dec.parser.strings);
  g_ptr_array_unref (dec.parser.record.fields);
  g_string_free (dec.text, TRUE);
  if (!ok && self->problems->len == 0 && error != NULL && *error != NULL)
    {
      g_ptr_array_add (self->problems, g_strdup ((*error)->message));
      self->n_problems = 1;
    }
  return ok;
}

/* How the file was read, for people: "UTF-8", "Windows-1252", … NULL until read. */
const char *
rmm_csv_reader_get_encoding (RmmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding_name;
}

/* What stopped the file being read: a sentence saying what is wrong and what to do, then
 * (for bytes that are not text) where each is, "line L, column C: …", the first few listed. */
GPtrArray *
rmm_csv_reader_get_problems (RmmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

/* How many problems there were, listed or not. */
guint
rmm_csv_reader_get_n_problems (RmmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_problems;
}

/* ---- the whole text, or every record, at once ---- */

/* Compatibility: the whole file decoded to UTF-8. Only for small inputs (the fuzzers). */
char *
rmm_csv_decode (const char   *data,
                gsize         length,
                const char  **encoding,
                GError      **error)
{
  g_autoptr(RmmCsvReader) reader = rmm_csv_reader_new_for_data (data, length);
  g_autoptr(GString) all = g_string_new (NULL);
  Decoder dec = { 0 };
  gboolean ok;
  const guchar *chunk;
  gssize got = 0;

  if (!detect (reader, NULL, error))
    return NULL;
  *encoding = reader->encoding_name;

  dec.text = g_string_new (NULL);
  dec.pos = (Position)POSITION_START;
  dec.at_start = TRUE;
  ok = source_begin (reader, NULL, error);
  while (ok && (got = source_next (reader, &chunk, NULL, error)) > 0)
    {
      ok = decode_bytes (reader, &dec, chunk, got, error);
      g_string_append_len (all, dec.text->str, dec.text->len);
    }
  ok = ok && got == 0 && decode_end (&dec, error);
  g_string_free (dec.text, TRUE);
  return ok ? g_string_free (g_steal_pointer (&all), FALSE) : NULL;
}

static gboolean
collect_record (RmmCsvRecord  *record,
                gpointer       user_data,
                GError       **error)
{
  GPtrArray *records = user_data;
  RmmCsvRecord *copy = g_new0 (RmmCsvRecord, 1);

  copy->line = record->line;
  copy->fields = g_ptr_array_new_full (record->fields->len, g_free);
  for (guint i = 0; i < record->fields->len; i++)
    g_ptr_array_add (copy->fields, g_strdup (g_ptr_array_index (record->fields, i)));
  g_ptr_array_add (records, copy);
  return TRUE;
}

static void
record_free (gpointer data)
{
  RmmCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* Compatibility: every record of UTF-8 @text, in file order; blank lines are skipped. Fails
 * on the first malformed line. */
GPtrArray *
rmm_csv_parse (const char  *text,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  Parser parser = { 0 };
  gboolean ok;

  parser.line = 1;
  parser.func = collect_record;
  parser.user_data = records;
  parser.strings = g_ptr_array_new ();
  g_ptr_array_add (parser.strings, g_string_new (NULL));
  parser.record.fields = g_ptr_array_new ();

  ok = parse_text (&parser, text, strlen (text), error) && parse_end (&parser, error);
  for (guint i = 0; i < parser.strings->len; i++)
    g_string_free (g_ptr_array_index (parser.strings, i), TRUE);
  g_ptr_array_unref (parser.strings);
  g_ptr_array_unref (parser.record.fields);
  if (!ok)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The file has no rows."));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* 0 → "A", 25 → "Z", 26 → "AA": what a spreadsheet calls the column. */
char *
rmm_csv_column_letter (guint column)
{
  GString *letters = g_string_new (NULL);

  do
    {
      g_string_prepend_c (letters, 'A' + column % 26);
      column = column / 26;
    }
  while (column-- > 0);
  return g_string_free (letters, FALSE);
}
