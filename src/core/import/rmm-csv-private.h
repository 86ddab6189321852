/* rmm-csv-private.h: what the CSV reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rmm-csv.c reads the bytes (a pass at a time) and runs the two passes; rmm-csv-detect.c is
 * the first (what encoding is this file?), rmm-csv-decoder.c turns each chunk into UTF-8
 * and rmm-csv-parser.c splits it into records.
 */
#pragma once

#include "rmm-csv.h"

G_BEGIN_DECLS

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

gboolean rmm_csv_source_begin  (RmmCsvReader   *self,
                               GCancellable   *cancellable,
                               GError        **error);
gssize   rmm_csv_source_next   (RmmCsvReader   *self,
                               const guchar  **chunk,
                               GCancellable   *cancellable,
                               GError        **error);
void     rmm_csv_source_end    (RmmCsvReader   *self);
gboolean rmm_csv_detect        (RmmCsvReader   *self,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean rmm_csv_parse_text    (Parser         *parser,
                               const char     *text,
                               gsize           length,
                               GError        **error);
gboolean rmm_csv_parse_end     (Parser         *parser,
                               GError        **error);
gboolean rmm_csv_decode_bytes  (RmmCsvReader   *self,
                               Decoder        *dec,
                               const guchar   *bytes,
                               gsize           length,
                               GError        **error);
gboolean rmm_csv_decode_end    (Decoder        *dec,
                               GError        **error);
void     rmm_csv_changed_error (GError        **error);

G_END_DECLS
