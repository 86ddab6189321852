/* rmm-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv.h"
#include "rmm-error.h"

/* Far beyond any real referral, small enough that a hostile file cannot exhaust memory. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)
#define MAX_FIELD_BYTES (64 * 1024)
#define MAX_FIELDS 256

static void
record_free (gpointer data)
{
  RmmCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* Excel writes UTF-8 (with a byte-order mark) or, by default here, Windows-1252; "Unicode
 * text" is UTF-16 with a mark. Anything with a NUL byte outside UTF-16 is not text. */
char *
rmm_csv_decode (const char   *data,
                gsize         length,
                const char  **encoding,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  if (length == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("The file is empty."));
      return NULL;
    }
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file is larger than 64 MB: split it into smaller files."));
      return NULL;
    }

  if (length >= 2 && ((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe))
    {
      *encoding = "UTF-16";
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, &written,
                        &local_error);
    }
  else if (length >= 2 && ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff))
    {
      *encoding = "UTF-16";
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, &written,
                        &local_error);
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file is not text (it contains NUL bytes): save the spreadsheet as "
                     "“CSV UTF-8” and try again."));
      return NULL;
    }
  else if (g_utf8_validate (data, length, NULL))
    {
      gboolean bom = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0;

      *encoding = bom ? "UTF-8 (with byte-order mark)" : "UTF-8";
      return bom ? g_strndup (data + 3, length - 3) : g_strndup (data, length);
    }
  else
    {
      *encoding = "Windows-1252";
      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, &local_error);
    }

  /* A NUL decoded from UTF-16 would silently cut the text short. */
  if (text == NULL || strlen (text) != written)
    {
      g_free (text);
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The file is neither UTF-8 nor Windows-1252 text: save the spreadsheet "
                     "as “CSV UTF-8” and try again."));
      return NULL;
    }
  return text;
}

typedef struct
{
  const char *p;
  guint       line;
  GString    *field;
  GPtrArray  *fields;
} Parser;

static gboolean
end_field (Parser  *parser,
           GError **error)
{
  if (parser->fields->len >= MAX_FIELDS)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("line %u: more than %u columns"), parser->line, MAX_FIELDS);
      return FALSE;
    }
  g_ptr_array_add (parser->fields, g_strdup (parser->field->str));
  g_string_truncate (parser->field, 0);
  return TRUE;
}

static gboolean
append_char (Parser  *parser,
             char     c,
             GError **error)
{
  if (parser->field->len >= MAX_FIELD_BYTES)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("line %u: a field is longer than 64 KB"), parser->line);
      return FALSE;
    }
  g_string_append_c (parser->field, c);
  return TRUE;
}

/* A quoted field, from after its opening quote to after its closing one. */
static gboolean
parse_quoted (Parser  *parser,
              GError **error)
{
  guint started = parser->line;

  for (;;)
    {
      char c = *parser->p;

      if (c == '\0')
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("line %u: a quoted field starts here and is never closed"), started);
          return FALSE;
        }
      parser->p++;
      if (c == '"')
        {
          if (*parser->p != '"')
            break;
          parser->p++;
        }
      else if (c == '\n' || (c == '\r' && *parser->p != '\n'))
        parser->line++;
      if (!append_char (parser, c, error))
        return FALSE;
    }

  if (*parser->p != ',' && *parser->p != '\n' && *parser->p != '\r' && *parser->p != '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("line %u: text after the closing quote of column %u; quotes inside a "
                     "quoted field must be doubled (\"\")"),
                   parser->line, parser->fields->len + 1);
      return FALSE;
    }
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

/* Records in file order; blank lines are skipped. Fails on the first malformed line. */
GPtrArray *
rmm_csv_parse (const char  *text,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  Parser parser = { text, 1, field, NULL };

  while (*parser.p != '\0')
    {
      RmmCsvRecord *record = g_new0 (RmmCsvRecord, 1);
      gboolean at_end = FALSE;

      record->line = parser.line;
      record->fields = g_ptr_array_new_with_free_func (g_free);
      parser.fields = record->fields;
      g_ptr_array_add (records, record);

      while (!at_end)
        {
          char c = *parser.p;

          if (c == '"' && field->len == 0)
            {
              parser.p++;
              if (!parse_quoted (&parser, error))
                return NULL;
              continue;
            }
          if (c == ',' || c == '\n' || c == '\r' || c == '\0')
            {
              if (!end_field (&parser, error))
                return NULL;
              if (c == ',')
                {
                  parser.p++;
                  continue;
                }
              at_end = TRUE;
              if (c == '\r' && parser.p[1] == '\n')
                parser.p++;
              if (c != '\0')
                {
                  parser.p++;
                  parser.line++;
                }
              continue;
            }
          if (!append_char (&parser, c, error))
            return NULL;
          parser.p++;
        }

      if (is_blank_record (record->fields))
        g_ptr_array_remove_index (records, records->len - 1);
    }

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
