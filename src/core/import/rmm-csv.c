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

#include "rmm-csv-private.h"
#include "rmm-error.h"

/* ---- the bytes, a pass at a time ---- */

gboolean
rmm_csv_source_begin (RmmCsvReader  *self,
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
gssize
rmm_csv_source_next (RmmCsvReader   *self,
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

void
rmm_csv_source_end (RmmCsvReader *self)
{
  if (self->stream != NULL)
    g_input_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
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
  rmm_csv_source_end (self);
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
  if (!rmm_csv_detect (self, cancellable, error))
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

  if (!rmm_csv_source_begin (self, cancellable, error))
    goto out;
  while ((got = rmm_csv_source_next (self, &chunk, cancellable, error)) > 0)
    if (!rmm_csv_decode_bytes (self, &dec, chunk, got, error) ||
        !rmm_csv_parse_text (&dec.parser, dec.text->str, dec.text->len, error))
      goto out;
  if (got < 0 || !rmm_csv_decode_end (&dec, error) || !rmm_csv_parse_end (&dec.parser, error))
    goto out;
  if (self->file != NULL &&
      (self->offset != self->first_length || self->checksum != self->first_checksum))
    {
      rmm_csv_changed_error (error);
      goto out;
    }
  if (dec.parser.n_records == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The file has no rows."));
      goto out;
    }
  ok = TRUE;

out:
  rmm_csv_source_end (self);
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

  if (!rmm_csv_detect (reader, NULL, error))
    return NULL;
  *encoding = reader->encoding_name;

  dec.text = g_string_new (NULL);
  dec.pos = (Position)POSITION_START;
  dec.at_start = TRUE;
  ok = rmm_csv_source_begin (reader, NULL, error);
  while (ok && (got = rmm_csv_source_next (reader, &chunk, NULL, error)) > 0)
    {
      ok = rmm_csv_decode_bytes (reader, &dec, chunk, got, error);
      g_string_append_len (all, dec.text->str, dec.text->len);
    }
  ok = ok && got == 0 && rmm_csv_decode_end (&dec, error);
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

  ok = rmm_csv_parse_text (&parser, text, strlen (text), error) && rmm_csv_parse_end (&parser, error);
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
