/* rmm-referral-import-rows.c: reading one row of the file: its fields checked, its texts kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-referral-import-private.h"
#include "rmm-text.h"

/* The header's names, by Column. */
static const char *column_names[N_COLUMNS] = {
  "child_ref", "first_name", "last_name", "date_of_birth", "area", "received_at",
  "referrer_name", "referrer_agency", "route", "concern_summary", "gender", "school",
};

void G_GNUC_PRINTF (4, 5)
rmm_import_add_problem (RmmReferralImport *self,
                        guint              line,
                        int                column,
                        const char        *format,
                        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (column >= 0)
    {
      g_autofree char *letter = rmm_csv_column_letter (self->columns[column]);
      g_ptr_array_add (self->problems, g_strdup_printf (_("line %u, column %s (%s): %s"), line,
                                                        letter, column_names[column], what));
    }
  else
    g_ptr_array_add (self->problems, g_strdup_printf (_("line %u: %s"), line, what));
}

/* A problem that names its line itself. */
static void G_GNUC_PRINTF (2, 3)
add_problem_text (RmmReferralImport *self,
                  const char        *format,
                  ...)
{
  va_list args;

  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  g_ptr_array_add (self->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* "Child Ref" and "child_ref" are the same column to a person. */
static char *
normalise_header (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  char *key = g_strstrip (g_strdup (lower));

  g_strdelimit (key, " -", '_');
  return key;
}

static gboolean
read_header (RmmReferralImport *self,
             RmmCsvRecord      *header)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    self->columns[c] = -1;
  for (guint i = 0; i < G_N_ELEMENTS (self->column_at); i++)
    self->column_at[i] = -1;
  self->n_header_fields = header->fields->len;
  g_ptr_array_set_size (self->header, 0);
  for (guint i = 0; i < header->fields->len; i++)
    g_ptr_array_add (self->header, g_strdup (g_ptr_array_index (header->fields, i)));

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (header->fields, i));

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (key, column_names[c]))
          {
            if (self->columns[c] >= 0)
              rmm_import_add_problem (self, header->line, -1, _("the column “%s” appears twice"),
                           column_names[c]);
            self->columns[c] = i;
          }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->columns[c] >= 0 && self->columns[c] < (int)G_N_ELEMENTS (self->column_at))
      self->column_at[self->columns[c]] = c;
  for (guint c = 0; c < N_REQUIRED; c++)
    if (self->columns[c] < 0)
      rmm_import_add_problem (self, header->line, -1,
                   _("the required column “%s” is missing (the first row must be the header "
                     "row: rmmctl import referrals --template prints it)"), column_names[c]);
  return self->problems->len == 0;
}

static const char *
field (RmmReferralImport *self,
       RmmCsvRecord      *record,
       Column             column)
{
  int position = self->columns[column];

  if (position < 0 || (guint)position >= record->fields->len)
    return "";
  return g_strstrip ((char *)g_ptr_array_index (record->fields, position));
}

static const char *
required (RmmReferralImport *self,
          RmmCsvRecord      *record,
          Column             column)
{
  const char *value = field (self, record, column);

  if (*value == '\0')
    {
      rmm_import_add_problem (self, record->line, column, _("this must not be empty"));
      return NULL;
    }
  return value;
}

/* Every field of the row, whether the import reads its column or not. */
static gboolean
check_controls (RmmReferralImport *self,
                RmmCsvRecord      *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *value = g_strstrip ((char *)g_ptr_array_index (record->fields, i));
      g_autofree char *letter = NULL;
      int column = i < G_N_ELEMENTS (self->column_at) ? self->column_at[i] : -1;
      guint position = 0;
      gboolean free_text;
      gunichar c;

      free_text = column < 0 || column == COL_CONCERN_SUMMARY;
      c = rmm_text_find_control (value, free_text, &position);
      if (c == 0)
        continue;

      ok = FALSE;
      letter = rmm_csv_column_letter (i);
      if (c < 0x202a && free_text)
        add_problem_text (self, _("line %u, column %s (%s): character %u is a control character "
                                  "(U+%04X); of those, only line breaks and tabs may be in this "
                                  "column: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
      else if (c < 0x202a)
        add_problem_text (self, _("line %u, column %s (%s): character %u is a control character "
                                  "(U+%04X), which names, references, dates and the like must "
                                  "not hold: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
      else
        add_problem_text (self, _("line %u, column %s (%s): character %u is a text-direction "
                                  "control (U+%04X), which makes the text show in another "
                                  "order than it is stored: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
    }
  return ok;
}

static Route
parse_route (const char *text)
{
  g_autofree char *key = normalise_header (text);

  if (g_str_equal (key, "single_point_of_access") || g_str_equal (key, "spa") ||
      g_str_equal (key, "c_spa") || g_str_equal (key, "cspa"))
    return ROUTE_SPA;
  if (g_str_equal (key, "lead_professional") || g_str_equal (key, "lp"))
    return ROUTE_LEAD_PROFESSIONAL;
  return ROUTE_NONE;
}

const char *
rmm_import_route_name (Route route)
{
  switch (route)
    {
    case ROUTE_SPA:
      return "single-point-of-access";
    case ROUTE_LEAD_PROFESSIONAL:
      return "lead-professional";
    case ROUTE_NONE:
    default:
      return NULL;
    }
}

/* The date of birth and time received as stored ("" when they do not read). */
static gboolean
read_dates (RmmReferralImport *self,
            RmmCsvRecord      *record,
            char               born_text[11],
            char             **received_text)
{
  const char *born = field (self, record, COL_DATE_OF_BIRTH);
  const char *received = field (self, record, COL_RECEIVED_AT);
  const char *now_text = self->now_text;
  gboolean ok = TRUE;
  GDate day;

  born_text[0] = '\0';
  if (!rmm_date_parse_uk (born, &day))
    {
      rmm_import_add_problem (self, record->line, COL_DATE_OF_BIRTH,
                   _("“%s” is not a date: use 2012-03-31 or 31/03/2012"), born);
      ok = FALSE;
    }
  else
    {
      g_autofree char *formatted = rmm_date_format (&day);

      g_strlcpy (born_text, formatted, 11);
      if (strcmp (born_text, now_text) > 0)
        rmm_import_add_problem (self, record->line, COL_DATE_OF_BIRTH, _("%s is in the future"), born_text);
    }

  *received_text = rmm_time_parse_uk (received);
  if (*received_text == NULL)
    {
      rmm_import_add_problem (self, record->line, COL_RECEIVED_AT,
                   _("“%s” is not a date and time: use 2026-11-23 14:05 or 23/11/2026 14:05"),
                   received);
      ok = FALSE;
    }
  else if (strcmp (*received_text, now_text) > 0)
    rmm_import_add_problem (self, record->line, COL_RECEIVED_AT, _("“%s” is in the future"), received);
  return ok;
}

static void
append_text (GString    *block,
             const char *text)
{
  g_string_append (block, text ? text : "");
  g_string_append_c (block, '\0');
}

static void
read_row (RmmReferralImport *self,
          RmmCsvRecord      *record)
{
  Row row = { 0 };
  const char *child_ref, *first_name, *last_name, *area, *referrer, *agency, *concern;
  g_autofree char *received = NULL;
  char born[11];
  gboolean dates_ok;

  /* Read by position, a row with a field too many would put the rest of its text under the
   * wrong columns (or past the last one, unseen). */
  if (record->fields->len > self->n_header_fields)
    {
      g_autofree char *fields = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field",
                                                              "%u fields", record->fields->len),
                                                 record->fields->len);

      add_problem_text (self, _("line %u has %s but the header has %u: a comma inside a "
                                "field must be in double quotes (\"older males, given gifts\")"),
                        record->line, fields, self->n_header_fields);
      return;
    }
  if (record->fields->len < self->n_header_fields)
    {
      add_problem_text (self, g_dngettext (GETTEXT_PACKAGE,
                                           "line %u has %u field but the header has %u: every "
                                           "row needs a field for each column, empty or not",
                                           "line %u has %u fields but the header has %u: every "
                                           "row needs a field for each column, empty or not",
                                           record->fields->len),
                        record->line, record->fields->len, self->n_header_fields);
      return;
    }

  /* An invisible character makes every other message about the field misleading. */
  if (!check_controls (self, record))
    return;

  row.line = record->line;
  row.child = NONE;
  child_ref = required (self, record, COL_CHILD_REF);
  if (child_ref != NULL && rmm_text_why_not_reference (child_ref) != NULL)
    {
      rmm_import_add_problem (self, record->line, COL_CHILD_REF, "%s",
                              rmm_text_why_not_reference (child_ref));
      child_ref = NULL;
    }
  first_name = required (self, record, COL_FIRST_NAME);
  last_name = required (self, record, COL_LAST_NAME);
  area = required (self, record, COL_AREA);
  referrer = required (self, record, COL_REFERRER_NAME);
  agency = required (self, record, COL_REFERRER_AGENCY);
  concern = required (self, record, COL_CONCERN_SUMMARY);
  dates_ok = read_dates (self, record, born, &received);

  /* A file spells its few routes and areas the same way thousands of times. */
  {
    const char *route = field (self, record, COL_ROUTE);
    guint32 key = rmm_import_intern (self, route);
    gpointer known;

    if (!g_hash_table_lookup_extended (self->route_of, GUINT_TO_POINTER (key), NULL, &known))
      {
        known = GUINT_TO_POINTER (parse_route (route));
        g_hash_table_insert (self->route_of, GUINT_TO_POINTER (key), known);
      }
    row.route = GPOINTER_TO_UINT (known);
    if (row.route == ROUTE_NONE)
      rmm_import_add_problem (self, record->line, COL_ROUTE,
                   _("“%s” is not a route: use single-point-of-access or lead-professional"),
                   route);
  }
  if (area != NULL)
    {
      guint32 key = rmm_import_intern (self, area);
      gpointer known;

      if (!g_hash_table_lookup_extended (self->area_of, GUINT_TO_POINTER (key), NULL, &known))
        {
          g_autofree char *lower = g_utf8_strdown (area, -1);

          known = g_hash_table_lookup (self->areas, lower);
          g_hash_table_insert (self->area_of, GUINT_TO_POINTER (key), known);
        }
      row.area_id = GPOINTER_TO_SIZE (known);
      if (row.area_id == 0)
        rmm_import_add_problem (self, record->line, COL_AREA, _("there is no area called “%s”"), area);
    }

  if (child_ref && first_name && last_name && dates_ok && referrer)
    row.flags |= ROW_COMPLETE;
  row.referrer = rmm_import_intern (self, referrer ? referrer : "");
  row.agency = rmm_import_intern (self, agency ? agency : "");
  row.gender = rmm_import_intern (self, field (self, record, COL_GENDER));
  row.school = rmm_import_intern (self, field (self, record, COL_SCHOOL));

  g_string_truncate (self->block, 0);
  append_text (self->block, child_ref);
  append_text (self->block, first_name);
  append_text (self->block, last_name);
  append_text (self->block, dates_ok ? born : "");
  append_text (self->block, dates_ok ? received : "");
  append_text (self->block, concern);
  row.text = g_string_chunk_insert_len (self->texts, self->block->str, self->block->len);
  g_array_append_val (self->rows, row);
}

gboolean
rmm_import_on_record (RmmCsvRecord  *record,
                      gpointer       user_data,
                      GError       **error)
{
  RmmReferralImport *self = user_data;

  if (!self->have_header)
    {
      self->have_header = TRUE;
      self->header_ok = read_header (self, record);
      return TRUE;
    }
  self->n_records++;
  if (self->header_ok)
    read_row (self, record);
  return TRUE;
}
