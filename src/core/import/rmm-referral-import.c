/* rmm-referral-import.c: an agency's referrals from CSV, checked whole, then added whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading checks everything and writes nothing; committing writes every row in one
 * transaction, so a file is imported whole or not at all.
 *
 * Everything but the writing happens before the write lock is taken: decoding, parsing,
 * checking every field, matching references to recorded children, finding duplicates and
 * repeats, looking up agencies. Whoever else writes meanwhile (another process importing,
 * the minute-taker) waits only for the inserts. If what the plan was made from has changed by
 * the time the lock is held (the audit trail says so), the plan is made again first.
 *
 * A file may hold a million rows, so they are kept compactly: each row's own texts in one
 * block of a string chunk, the texts that repeat (referrers, agencies, genders, schools) once.
 * This file keeps them and answers about them; reading a row is -rows.c, matching and
 * classifying them -plan.c, writing them -commit.c.
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-referral-import-private.h"

G_DEFINE_FINAL_TYPE (RmmReferralImport, rmm_referral_import, G_TYPE_OBJECT)

static void
clear_rows (RmmReferralImport *self)
{
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->children, 0);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_hash_table_remove_all (self->string_index);
  g_ptr_array_set_size (self->strings, 0);
  g_array_set_size (self->folded, 0);
  g_array_set_size (self->agency_ids, 0);
  g_hash_table_remove_all (self->area_of);
  g_hash_table_remove_all (self->route_of);

  self->texts = g_string_chunk_new (1 << 20);
  self->chunk = g_string_chunk_new (1 << 16);
  g_ptr_array_add (self->strings, (char *)"");
  g_hash_table_insert (self->string_index, (char *)"", GUINT_TO_POINTER (1));
}

static void
rmm_referral_import_finalize (GObject *object)
{
  RmmReferralImport *self = (RmmReferralImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->now_text, g_free);
  g_clear_pointer (&self->area_of, g_hash_table_unref);
  g_clear_pointer (&self->route_of, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_string_free (self->block, TRUE);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->string_index, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_array_unref);
  g_clear_pointer (&self->agency_ids, g_array_unref);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->areas, g_hash_table_unref);
  g_clear_pointer (&self->area_names, g_hash_table_unref);
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
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->children = g_array_new (FALSE, TRUE, sizeof (Child));
  self->block = g_string_new (NULL);
  self->string_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_ptr_array_new ();
  self->folded = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->agency_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->area_of = g_hash_table_new (NULL, NULL);
  self->route_of = g_hash_table_new (NULL, NULL);
  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clear_rows (self);
}

/* ---- texts that repeat down a file, kept once ---- */

/* The index of @text among the strings that repeat down a file, added if new. */
guint32
rmm_import_intern (RmmReferralImport *self,
                   const char        *text)
{
  gpointer found = g_hash_table_lookup (self->string_index, text);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_string_chunk_insert (self->chunk, text);
  g_ptr_array_add (self->strings, copy);
  g_hash_table_insert (self->string_index, copy, GUINT_TO_POINTER (self->strings->len));
  return self->strings->len - 1;
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

static void
reset (RmmReferralImport *self)
{
  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  self->have_header = FALSE;
  self->header_ok = FALSE;
  self->n_records = 0;
  self->read_ok = FALSE;
  self->encoding = NULL;
  clear_rows (self);
}

static gboolean
read_records (RmmReferralImport  *self,
              RmmCsvReader       *reader,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->now_text, g_free);
  self->now = g_date_time_new_now_utc ();
  self->now_text = g_date_time_format (self->now, "%Y-%m-%dT%H:%M:%SZ");
  rmm_import_load_areas (self);

  if (!rmm_csv_reader_read (reader, rmm_import_on_record, self, cancellable, &local_error))
    {
      GPtrArray *problems = rmm_csv_reader_get_problems (reader);

      /* What stopped the reading, after whatever the rows before it had. */
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (problems, i)));
      self->n_problems += rmm_csv_reader_get_n_problems (reader);
      /* Bytes that are not text come as a sentence, then where; rows come in file order. */
      if (rmm_csv_reader_get_encoding (reader) != NULL)
        g_ptr_array_sort (self->problems, rmm_import_compare_problem_lines);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  self->source_name);
      clear_rows (self);
      return FALSE;
    }
  self->encoding = rmm_csv_reader_get_encoding (reader);

  if (self->header_ok && self->n_records == 0)
    rmm_import_add_problem (self, 1, -1, _("there are no referrals under the header row"));
  if (self->rows->len > 0)
    rmm_import_classify_rows (self);
  g_ptr_array_sort (self->problems, rmm_import_compare_problem_lines);

  if (self->n_problems > 0)
    {
      rmm_import_set_problems_error (self, error);
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

static char *
or_null (const char *text)
{
  return *text ? (char *)text : NULL;
}

/* Row @index as read and classified. The row belongs to the import and lasts until the next
 * call (rows are not kept as RmmImportRows: a million of them would take a gigabyte). */
const RmmImportRow *
rmm_referral_import_get_row (RmmReferralImport *self,
                             guint              index)
{
  RmmImportRow *out;
  const Row *row;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = rmm_import_row_at (self, index);
  out = &self->scratch;
  out->line = row->line;
  out->child_ref = or_null (rmm_import_row_text (row, TEXT_CHILD_REF));
  out->first_name = or_null (rmm_import_row_text (row, TEXT_FIRST_NAME));
  out->last_name = or_null (rmm_import_row_text (row, TEXT_LAST_NAME));
  out->date_of_birth = or_null (rmm_import_row_text (row, TEXT_DATE_OF_BIRTH));
  out->area = g_hash_table_lookup (self->area_names, &row->area_id);
  out->area_id = row->area_id;
  out->received_at = or_null (rmm_import_row_text (row, TEXT_RECEIVED_AT));
  out->referrer_name = or_null (rmm_import_string_at (self, row->referrer));
  out->referrer_agency = or_null (rmm_import_string_at (self, row->agency));
  out->route = (char *)rmm_import_route_name (row->route);
  out->concern_summary = or_null (rmm_import_row_text (row, TEXT_CONCERN_SUMMARY));
  out->gender = (char *)rmm_import_string_at (self, row->gender);
  out->school = (char *)rmm_import_string_at (self, row->school);
  out->child_id = row->child_id;
  out->duplicate = (row->flags & ROW_DUPLICATE) != 0;
  out->repeat = (row->flags & ROW_REPEAT) != 0;
  return out;
}

static guint
count_rows (RmmReferralImport *self,
            gboolean           duplicates,
            gboolean           repeats_only)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = rmm_import_row_at (self, i);

      if (((row->flags & ROW_DUPLICATE) != 0) == duplicates &&
          (!repeats_only || (row->flags & ROW_REPEAT)))
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

/**
 * rmm_referral_import_describe:
 * @written: the referrals were added (else: what adding them would do)
 *
 * What the file holds and what the import adds, in a sentence or three for the window and
 * the command line: "referrals.csv (UTF-8): 3 referrals. Would add 2 referrals: 1 new child,
 * 1 repeat referral. 1 was already recorded and is skipped."
 */
char *
rmm_referral_import_describe (RmmReferralImport *self,
                              const char        *file_name,
                              gboolean           written)
{
  guint n_rows = rmm_referral_import_get_n_rows (self);
  guint n_new = rmm_referral_import_count_new (self);
  guint n_children = rmm_referral_import_count_new_children (self);
  guint n_repeats = rmm_referral_import_count_repeats (self);
  guint n_duplicates = rmm_referral_import_count_duplicates (self);
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral",
                                                        "%u referrals", n_rows), n_rows);
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral",
                                                         "%u referrals", n_new), n_new);
  g_autofree char *children = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new child",
                                                            "%u new children", n_children),
                                               n_children);
  g_autofree char *repeats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u repeat referral",
                                                           "%u repeat referrals", n_repeats),
                                              n_repeats);
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);

  g_string_append_printf (text, _("%s (%s): %s."), file_name, self->encoding, rows);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, written ? _("Added %s: %s, %s.") : _("Would add %s: %s, %s."),
                          added, children, repeats);
  if (n_duplicates > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u was already recorded and is skipped.",
                                                 "%u were already recorded and are skipped.",
                                                 n_duplicates), n_duplicates);
    }
  return g_string_free (text, FALSE);
}

/* Children the import would create: references not yet in the database. */
guint
rmm_referral_import_count_new_children (RmmReferralImport *self)
{
  guint n = 0;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);

  for (guint i = 0; i < self->children->len; i++)
    if (g_array_index (self->children, Child, i).child_id == 0)
      n++;
  return n;
}

/* Referring agencies not yet known: the import adds them (as kind "other"). */
GStrv
rmm_referral_import_dup_new_agencies (RmmReferralImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = rmm_import_row_at (self, i);
      const char *name = rmm_import_string_at (self, row->agency);
      char *key;

      if ((row->flags & ROW_DUPLICATE) || *name == '\0' ||
          !g_hash_table_add (done, GUINT_TO_POINTER (row->agency)))
        continue;
      key = g_utf8_strdown (name, -1);
      if (!g_hash_table_contains (seen, key) && rmm_import_row_agency (self, row) < 0)
        {
          g_strv_builder_add (builder, name);
          g_hash_table_add (seen, key);
        }
      else
        g_free (key);
    }
  return g_strv_builder_end (builder);
}

