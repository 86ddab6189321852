/* rmm-referral-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading checks everything and writes nothing; committing writes every row in one
 * transaction, so a file is imported whole or not at all.
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-referral-import.h"
#include "rmm-store-private.h"

/* Past this, the rest would only repeat the same mistake down the file. */
#define MAX_PROBLEMS 200

typedef enum {
  COL_CHILD_REF, COL_FIRST_NAME, COL_LAST_NAME, COL_DATE_OF_BIRTH, COL_AREA, COL_RECEIVED_AT,
  COL_REFERRER_NAME, COL_REFERRER_AGENCY, COL_ROUTE, COL_CONCERN_SUMMARY,
  /* optional */
  COL_GENDER, COL_SCHOOL,
  N_COLUMNS
} Column;

#define N_REQUIRED COL_GENDER

static const char *column_names[N_COLUMNS] = {
  "child_ref", "first_name", "last_name", "date_of_birth", "area", "received_at",
  "referrer_name", "referrer_agency", "route", "concern_summary", "gender", "school",
};

struct _RmmReferralImport
{
  GObject      parent_instance;

  RmmStore    *store;
  char        *source_name;
  const char  *encoding;
  GPtrArray   *problems;     /* char *, the first MAX_PROBLEMS */
  guint        n_problems;   /* listed or not */
  GArray      *rows;         /* RmmImportRow */
  int          columns[N_COLUMNS];   /* position in the file, or -1 */
  guint        n_header_fields;
  GPtrArray   *header;       /* char *, the header row's names */
  GHashTable  *areas;        /* lower-case name → id */
  GHashTable  *agencies;     /* lower-case name → id, 0 while not recorded */
  gboolean     read_ok;
};

G_DEFINE_FINAL_TYPE (RmmReferralImport, rmm_referral_import, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  RmmImportRow *row = data;

  g_free (row->child_ref);
  g_free (row->first_name);
  g_free (row->last_name);
  g_free (row->date_of_birth);
  g_free (row->area);
  g_free (row->received_at);
  g_free (row->referrer_name);
  g_free (row->referrer_agency);
  g_free (row->route);
  g_free (row->concern_summary);
  g_free (row->gender);
  g_free (row->school);
}

static void
rmm_referral_import_finalize (GObject *object)
{
  RmmReferralImport *self = (RmmReferralImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->areas, g_hash_table_unref);
  g_clear_pointer (&self->agencies, g_hash_table_unref);

  G_OBJECT_CLASS (rmm_referral_import_parent_class)->finalize (object);
}

static void
rmm_referral_import_class_init (RmmReferralImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_referral_import_finalize;
}

static void
rmm_referral_import_init (RmmReferralImport *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (RmmImportRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A file names the same few agencies thousands of times: look each up once. */
static gint64
known_agency (RmmReferralImport *self,
              const char        *name)
{
  g_autofree char *key = g_utf8_strdown (name, -1);
  gpointer id;

  if (!g_hash_table_lookup_extended (self->agencies, key, NULL, &id))
    {
      id = GSIZE_TO_POINTER (MAX (rmm_store_find_agency (self->store, name, NULL), 0));
      g_hash_table_insert (self->agencies, g_steal_pointer (&key), id);
    }
  return GPOINTER_TO_SIZE (id);
}

/* The header row `rmmctl import referrals --template` prints. */
const char *
rmm_referral_import_get_template (void)
{
  return "child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name,"
         "referrer_agency,route,concern_summary,gender,school";
}

RmmReferralImport *
rmm_referral_import_new (RmmStore   *store,
                         const char *source_name)
{
  RmmReferralImport *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_REFERRAL_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->source_name = g_strdup (source_name ? source_name : "");
  return self;
}

static void G_GNUC_PRINTF (4, 5)
add_problem (RmmReferralImport *self,
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
              add_problem (self, header->line, -1, _("the column “%s” appears twice"),
                           column_names[c]);
            self->columns[c] = i;
          }
    }

  for (guint c = 0; c < N_REQUIRED; c++)
    if (self->columns[c] < 0)
      add_problem (self, header->line, -1,
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

static char *
required (RmmReferralImport *self,
          RmmCsvRecord      *record,
          Column             column)
{
  const char *value = field (self, record, column);

  if (*value == '\0')
    {
      add_problem (self, record->line, column, _("this must not be empty"));
      return NULL;
    }
  return g_strdup (value);
}

static char *
parse_route (const char *text)
{
  g_autofree char *key = normalise_header (text);

  if (g_str_equal (key, "single_point_of_access") || g_str_equal (key, "spa") ||
      g_str_equal (key, "c_spa") || g_str_equal (key, "cspa"))
    return g_strdup ("single-point-of-access");
  if (g_str_equal (key, "lead_professional") || g_str_equal (key, "lp"))
    return g_strdup ("lead-professional");
  return NULL;
}

static void
read_dates (RmmReferralImport *self,
            RmmCsvRecord      *record,
            RmmImportRow      *row,
            GDateTime         *now)
{
  const char *born = field (self, record, COL_DATE_OF_BIRTH);
  const char *received = field (self, record, COL_RECEIVED_AT);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GDate day;

  if (!rmm_date_parse_uk (born, &day))
    add_problem (self, record->line, COL_DATE_OF_BIRTH,
                 _("“%s” is not a date: use 2012-03-31 or 31/03/2012"), born);
  else
    {
      row->date_of_birth = rmm_date_format (&day);
      if (strcmp (row->date_of_birth, now_text) > 0)
        add_problem (self, record->line, COL_DATE_OF_BIRTH,
                     _("%s is in the future"), row->date_of_birth);
    }

  row->received_at = rmm_time_parse_uk (received);
  if (row->received_at == NULL)
    add_problem (self, record->line, COL_RECEIVED_AT,
                 _("“%s” is not a date and time: use 2026-11-23 14:05 or 23/11/2026 14:05"),
                 received);
  else if (strcmp (row->received_at, now_text) > 0)
    add_problem (self, record->line, COL_RECEIVED_AT, _("“%s” is in the future"), received);
}

/* A child reference already in the database must be the same child: never attach a
 * referral to somebody else's record because two agencies reused a number. */
static void
match_child (RmmReferralImport *self,
             RmmImportRow      *row,
             GHashTable        *seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmChild) child = NULL;
  RmmImportRow *earlier = g_hash_table_lookup (seen, row->child_ref);

  if (earlier != NULL)
    {
      if (g_utf8_collate (earlier->first_name, row->first_name) != 0 ||
          g_utf8_collate (earlier->last_name, row->last_name) != 0 ||
          g_strcmp0 (earlier->date_of_birth, row->date_of_birth) != 0)
        add_problem (self, row->line, COL_CHILD_REF,
                     _("%s is a different child on line %u (name or date of birth differ)"),
                     row->child_ref, earlier->line);
      row->child_id = earlier->child_id;
      return;
    }

  child = rmm_store_find_child_by_reference (self->store, row->child_ref, &error);
  if (error != NULL)
    add_problem (self, row->line, -1, "%s", error->message);
  if (child == NULL)
    return;

  row->child_id = rmm_child_get_id (child);
  if (g_utf8_collate (rmm_child_get_first_name (child), row->first_name) != 0 ||
      g_utf8_collate (rmm_child_get_last_name (child), row->last_name) != 0 ||
      g_strcmp0 (rmm_child_get_date_of_birth (child), row->date_of_birth) != 0)
    add_problem (self, row->line, COL_CHILD_REF,
                 _("%s is already recorded for a child with a different name or date of "
                   "birth; check the reference"), row->child_ref);
}

/* Characters that would make a name print or display as something other than what is
 * stored: C0 and C1 controls and DEL (a terminal escape, a bell, a backspace), and the
 * Unicode controls that reorder text (U+202A–U+202E, U+2066–U+2069). Free text may keep its
 * line breaks and tabs. Returns the first one, with its position in characters from 1. */
static gunichar
find_control (const char *text,
              gboolean    free_text,
              guint      *position)
{
  guint n = 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);

      if ((c < 0x20 && !(free_text && (c == '\t' || c == '\n' || c == '\r'))) ||
          (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069))
        {
          *position = n;
          return c;
        }
    }
  return 0;
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
      int column = -1;
      guint position = 0;
      gboolean free_text;
      gunichar c;

      for (guint k = 0; k < N_COLUMNS && column < 0; k++)
        if (self->columns[k] == (int)i)
          column = k;
      free_text = column < 0 || column == COL_CONCERN_SUMMARY;
      c = find_control (value, free_text, &position);
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

static void
read_row (RmmReferralImport *self,
          RmmCsvRecord      *record,
          GDateTime         *now)
{
  RmmImportRow row = { 0 };
  const char *route;
  g_autofree char *area_key = NULL;

  /* Read by position, a row with a field too many would put the rest of its text under the
   * wrong columns (or past the last one, unseen). */
  if (record->fields->len > self->n_header_fields)
    {
      add_problem_text (self, _("line %u has %u fields but the header has %u: a comma inside a "
                                "field must be in double quotes (\"older males, given gifts\")"),
                        record->line, record->fields->len, self->n_header_fields);
      return;
    }
  if (record->fields->len < self->n_header_fields)
    {
      add_problem_text (self, _("line %u has %u fields but the header has %u: every row needs "
                                "a field for each column, empty or not"),
                        record->line, record->fields->len, self->n_header_fields);
      return;
    }

  /* An invisible character makes every other message about the field misleading. */
  if (!check_controls (self, record))
    return;

  route = field (self, record, COL_ROUTE);
  row.line = record->line;
  row.child_ref = required (self, record, COL_CHILD_REF);
  row.first_name = required (self, record, COL_FIRST_NAME);
  row.last_name = required (self, record, COL_LAST_NAME);
  row.area = required (self, record, COL_AREA);
  row.referrer_name = required (self, record, COL_REFERRER_NAME);
  row.referrer_agency = required (self, record, COL_REFERRER_AGENCY);
  row.concern_summary = required (self, record, COL_CONCERN_SUMMARY);
  row.gender = g_strdup (field (self, record, COL_GENDER));
  row.school = g_strdup (field (self, record, COL_SCHOOL));
  read_dates (self, record, &row, now);

  if (!(row.route = parse_route (route)))
    add_problem (self, record->line, COL_ROUTE,
                 _("“%s” is not a route: use single-point-of-access or lead-professional"),
                 route);
  if (row.area != NULL)
    {
      area_key = g_utf8_strdown (row.area, -1);
      row.area_id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->areas, area_key));
      if (row.area_id == 0)
        add_problem (self, record->line, COL_AREA, _("there is no area called “%s”"), row.area);
    }
  g_array_append_val (self->rows, row);
}

static void
load_areas (RmmReferralImport *self)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (self->store, NULL);

  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);

      g_hash_table_insert (self->areas, g_utf8_strdown (rmm_area_get_name (area), -1),
                           GSIZE_TO_POINTER (rmm_area_get_id (area)));
    }
}

/* Duplicates (in the database or earlier in this file) and repeats, once every row reads. */
static void
classify_rows (RmmReferralImport *self)
{
  g_autoptr(GHashTable) seen_children = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_referrals = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
  g_autoptr(GHashTable) last_received = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RmmImportRow *row = &g_array_index (self->rows, RmmImportRow, i);
      g_autofree char *previous = NULL;
      g_autofree char *referrer = NULL;
      const char *in_file;
      char *key;

      /* A row that did not read has its problems listed already. */
      if (!row->child_ref || !row->first_name || !row->last_name || !row->date_of_birth ||
          !row->received_at || !row->referrer_name)
        continue;
      referrer = g_utf8_strdown (row->referrer_name, -1);
      key = g_strdup_printf ("%s|%s|%s", row->child_ref, row->received_at, referrer);

      match_child (self, row, seen_children);
      if (!g_hash_table_contains (seen_children, row->child_ref))
        g_hash_table_insert (seen_children, row->child_ref, row);

      row->duplicate = g_hash_table_contains (seen_referrals, key) ||
                       (row->child_id != 0 &&
                        rmm_store_has_referral (self->store, row->child_id, row->received_at,
                                                row->referrer_name, NULL));
      g_hash_table_add (seen_referrals, key);
      if (row->duplicate)
        continue;

      if (row->child_id != 0)
        previous = rmm_store_get_previous_referral (self->store, row->child_id,
                                                    row->received_at, NULL);
      in_file = g_hash_table_lookup (last_received, row->child_ref);
      if (in_file != NULL && g_strcmp0 (in_file, row->received_at) < 0 &&
          g_strcmp0 (in_file, previous) > 0)
        {
          g_free (previous);
          previous = g_strdup (in_file);
        }
      row->repeat = rmm_store_is_repeat_referral (previous, row->received_at);
      g_hash_table_insert (last_received, row->child_ref, row->received_at);
    }
}

static guint
problem_line (const char *problem)
{
  const char *digits = strpbrk (problem, "0123456789");

  return digits ? (guint)g_ascii_strtoull (digits, NULL, 10) : 0;
}

/* Problems in file order (the sort is stable, so a line's own order stays). */
static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  guint line_a = problem_line (*(const char **)a);
  guint line_b = problem_line (*(const char **)b);

  return (line_a > line_b) - (line_a < line_b);
}

static void
record_free (gpointer data)
{
  RmmCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

static gboolean
collect_record (RmmCsvRecord  *record,
                gpointer       user_data,
                GError       **error)
{
  RmmCsvRecord *copy = g_new0 (RmmCsvRecord, 1);

  copy->line = record->line;
  copy->fields = g_ptr_array_new_full (record->fields->len, g_free);
  for (guint i = 0; i < record->fields->len; i++)
    g_ptr_array_add (copy->fields, g_strdup (g_ptr_array_index (record->fields, i)));
  g_ptr_array_add (user_data, copy);
  return TRUE;
}

static void
reset (RmmReferralImport *self)
{
  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  g_array_set_size (self->rows, 0);
  self->read_ok = FALSE;
}

static gboolean
read_records (RmmReferralImport  *self,
              RmmCsvReader       *reader,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;

  if (!rmm_csv_reader_read (reader, collect_record, records, cancellable, &local_error))
    {
      GPtrArray *problems = rmm_csv_reader_get_problems (reader);

      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (problems, i)));
      self->n_problems = rmm_csv_reader_get_n_problems (reader);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  self->source_name);
      return FALSE;
    }
  self->encoding = rmm_csv_reader_get_encoding (reader);

  load_areas (self);
  if (read_header (self, g_ptr_array_index (records, 0)))
    {
      if (records->len == 1)
        add_problem (self, 1, -1, _("there are no referrals under the header row"));
      for (guint i = 1; i < records->len; i++)
        read_row (self, g_ptr_array_index (records, i), now);
    }
  if (self->rows->len > 0)
    classify_rows (self);
  g_ptr_array_sort (self->problems, compare_problem_lines);

  if (self->n_problems > 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem, nothing was imported: %s",
                                "%s: %u problems, nothing was imported; the first: %s",
                                self->n_problems),
                   self->source_name, self->n_problems,
                   (char *)g_ptr_array_index (self->problems, 0));
      return FALSE;
    }
  self->read_ok = TRUE;
  return TRUE;
}

/* Check the whole file and plan what it would add. Writes nothing. FALSE, with every
 * problem in rmm_referral_import_get_problems(), when any row is wrong. */
gboolean
rmm_referral_import_read (RmmReferralImport  *self,
                          const char         *data,
                          gsize               length,
                          GError            **error)
{
  g_autoptr(RmmCsvReader) reader = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);

  reset (self);
  reader = rmm_csv_reader_new_for_data (data, length);
  return read_records (self, reader, NULL, error);
}

/* The same, from @file, read a piece at a time; one over RMM_CSV_MAX_FILE_BYTES is refused by
 * its size before any of it is read. */
gboolean
rmm_referral_import_read_file (RmmReferralImport  *self,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(RmmCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  reset (self);
  if (!(reader = rmm_csv_reader_new_for_file (file, cancellable, &local_error)))
    {
      g_ptr_array_add (self->problems, g_strdup (local_error->message));
      self->n_problems = 1;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  self->source_name);
      return FALSE;
    }
  return read_records (self, reader, cancellable, error);
}

GPtrArray *
rmm_referral_import_get_problems (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  return self->problems;
}

/* How many problems the file has: rmm_referral_import_get_problems() lists the first few
 * hundred. */
guint
rmm_referral_import_get_n_problems (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return self->n_problems;
}

/* How the file was read, for the preview: "UTF-8", "Windows-1252", … */
const char *
rmm_referral_import_get_encoding (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  return self->encoding;
}

guint
rmm_referral_import_get_n_rows (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return self->rows->len;
}

const RmmImportRow *
rmm_referral_import_get_row (RmmReferralImport *self,
                             guint              index)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, RmmImportRow, index);
}

static guint
count_rows (RmmReferralImport *self,
            gboolean           duplicates,
            gboolean           repeats_only)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      RmmImportRow *row = &g_array_index (self->rows, RmmImportRow, i);

      if (row->duplicate == duplicates && (!repeats_only || row->repeat))
        n++;
    }
  return n;
}

/* Referrals the import would add. */
guint
rmm_referral_import_count_new (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, FALSE, FALSE);
}

guint
rmm_referral_import_count_duplicates (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, TRUE, FALSE);
}

guint
rmm_referral_import_count_repeats (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, FALSE, TRUE);
}

/* Children the import would create: references not yet in the database. */
guint
rmm_referral_import_count_new_children (RmmReferralImport *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RmmImportRow *row = &g_array_index (self->rows, RmmImportRow, i);

      if (row->child_id == 0)
        g_hash_table_add (seen, row->child_ref);
    }
  return g_hash_table_size (seen);
}

/* Referring agencies not yet known: the import adds them (as kind "other"). */
GStrv
rmm_referral_import_dup_new_agencies (RmmReferralImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RmmImportRow *row = &g_array_index (self->rows, RmmImportRow, i);
      char *key = g_utf8_strdown (row->referrer_agency, -1);

      if (!row->duplicate && !g_hash_table_contains (seen, key) &&
          known_agency (self, row->referrer_agency) == 0)
        {
          g_strv_builder_add (builder, row->referrer_agency);
          g_hash_table_add (seen, key);
        }
      else
        g_free (key);
    }
  return g_strv_builder_end (builder);
}

static gint64
agency_for (RmmReferralImport  *self,
            const char         *name,
            GError            **error)
{
  gint64 id = known_agency (self, name);

  if (id == 0 && (id = rmm_store_add_agency (self->store, name, "other", error)) != 0)
    g_hash_table_insert (self->agencies, g_utf8_strdown (name, -1), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
write_row (RmmReferralImport  *self,
           RmmImportRow       *row,
           GHashTable         *created,
           GError            **error)
{
  g_autofree char *source = g_strdup_printf ("import:%s:%u", self->source_name, row->line);
  RmmReferralInput referral = {
    .route = row->route,
    .referrer_name = row->referrer_name,
    .received_at = row->received_at,
    .concern_summary = row->concern_summary,
    .source = source,
  };
  gint64 child_id = row->child_id;

  if (child_id == 0)
    child_id = GPOINTER_TO_SIZE (g_hash_table_lookup (created, row->child_ref));
  if (child_id == 0)
    {
      RmmChildInput child = {
        .reference = row->child_ref,
        .first_name = row->first_name,
        .last_name = row->last_name,
        .date_of_birth = row->date_of_birth,
        .gender = row->gender,
        .area_id = row->area_id,
        .school = row->school,
      };

      if (!(child_id = rmm_store_add_child (self->store, &child, error)))
        return FALSE;
      g_hash_table_insert (created, row->child_ref, GSIZE_TO_POINTER (child_id));
    }

  referral.child_id = child_id;
  if (!(referral.referrer_agency_id = agency_for (self, row->referrer_agency, error)))
    return FALSE;
  return rmm_store_add_referral (self->store, &referral, error) != 0;
}

static gboolean
write_rows (RmmReferralImport  *self,
            GError            **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new (g_str_hash, g_str_equal);

  if (!rmm_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      RmmImportRow *row = &g_array_index (self->rows, RmmImportRow, i);

      if (!row->duplicate && !write_row (self, row, created, error))
        {
          g_prefix_error (error, _("line %u: "), row->line);
          rmm_store_rollback (self->store);
          return FALSE;
        }
    }
  return rmm_store_commit (self->store, error);
}

/* Add every new referral (and new child) in one transaction: all or nothing. */
gboolean
rmm_referral_import_commit (RmmReferralImport  *self,
                            GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read_ok, FALSE);

  rmm_store_set_bulk_writing (self->store, TRUE);
  ok = write_rows (self, error);
  rmm_store_set_bulk_writing (self->store, FALSE);
  return ok;
}
