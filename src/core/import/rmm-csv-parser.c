/* rmm-csv-parser.c: the second pass: UTF-8 text split into records, as RFC 4180 and Excel have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv-private.h"
#include "rmm-error.h"

/* ---- the second pass: records ---- */

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
gboolean
rmm_csv_parse_text (Parser      *parser,
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

gboolean
rmm_csv_parse_end (Parser  *parser,
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
