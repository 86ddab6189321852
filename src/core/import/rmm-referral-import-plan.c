/* rmm-referral-import-plan.c: each row matched to a recorded child and agency, duplicates and repeats found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-referral-import-private.h"
#include "rmm-store.h"

/* Referrers are the same person whatever their case: their lower-case form, interned. */
static guint32
folded_string (RmmReferralImport *self,
               guint32            index)
{
  guint32 folded;

  while (self->folded->len < self->strings->len)
    {
      guint32 none = NONE;
      g_array_append_val (self->folded, none);
    }
  folded = g_array_index (self->folded, guint32, index);
  if (folded == NONE)
    {
      g_autofree char *lower = g_utf8_strdown (rmm_import_string_at (self, index), -1);

      folded = rmm_import_intern (self, lower);
      g_array_index (self->folded, guint32, index) = folded;
    }
  return folded;
}

static void
table_init (Table *table,
            gsize  n_items)
{
  gsize size = 16;

  while (size < n_items * 2)
    size *= 2;
  table->slots = g_new0 (guint32, size);
  table->mask = size - 1;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->slots, g_free);
}

static guint
hash_text (guint       hash,
           const char *text)
{
  for (const char *p = text; *p; p++)
    hash = (hash << 5) + hash + (guchar)*p;
  return hash;
}

/* The child of @ref in the file, or NONE; *@slot is where it is or would go. */
static guint32
find_child (RmmReferralImport  *self,
            Table              *table,
            const char         *ref,
            guint32           **slot)
{
  gsize i = hash_text (5381, ref) & table->mask;

  for (;; i = (i + 1) & table->mask)
    {
      guint32 value = table->slots[i];
      Child *child;

      if (value == 0)
        {
          *slot = &table->slots[i];
          return NONE;
        }
      child = &g_array_index (self->children, Child, value - 1);
      if (strcmp (rmm_import_row_text (rmm_import_row_at (self, child->first_row), TEXT_CHILD_REF), ref) == 0)
        {
          *slot = &table->slots[i];
          return value - 1;
        }
    }
}

static guint
referral_hash (RmmReferralImport *self,
               const Row         *row)
{
  guint hash = hash_text (5381, rmm_import_row_text (row, TEXT_CHILD_REF));

  hash = hash_text (hash * 31, rmm_import_row_text (row, TEXT_RECEIVED_AT));
  return hash * 31 + folded_string (self, row->referrer);
}

/* Whether a row earlier in the file is the same referral as row @index: same child, same
 * minute, same referrer whatever the case. Adds it if not. */
static gboolean
seen_referral (RmmReferralImport *self,
               Table             *table,
               guint32            index)
{
  const Row *row = rmm_import_row_at (self, index);
  gsize i = referral_hash (self, row) & table->mask;

  for (;; i = (i + 1) & table->mask)
    {
      guint32 value = table->slots[i];
      const Row *other;

      if (value == 0)
        {
          table->slots[i] = index + 1;
          return FALSE;
        }
      other = rmm_import_row_at (self, value - 1);
      if (folded_string (self, other->referrer) == folded_string (self, row->referrer) &&
          strcmp (rmm_import_row_text (other, TEXT_RECEIVED_AT), rmm_import_row_text (row, TEXT_RECEIVED_AT)) == 0 &&
          strcmp (rmm_import_row_text (other, TEXT_CHILD_REF), rmm_import_row_text (row, TEXT_CHILD_REF)) == 0)
        return TRUE;
    }
}

/* A file names the same few agencies thousands of times: look each up once. */
gint64
rmm_import_known_agency (RmmReferralImport *self,
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

/* The recorded agency a row names, or -1 when it is not recorded yet. */
gint64 *
rmm_import_agency_slot (RmmReferralImport *self,
                        guint32            index)
{
  if (self->agency_ids->len < self->strings->len)
    g_array_set_size (self->agency_ids, self->strings->len);
  return &g_array_index (self->agency_ids, gint64, index);
}

gint64
rmm_import_row_agency (RmmReferralImport *self,
                       const Row         *row)
{
  gint64 *id = rmm_import_agency_slot (self, row->agency);

  if (*id == 0)
    {
      gint64 known = rmm_import_known_agency (self, rmm_import_string_at (self, row->agency));
      *id = known > 0 ? known : -1;
    }
  return *id;
}

void
rmm_import_load_areas (RmmReferralImport *self)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (self->store, NULL);

  g_hash_table_remove_all (self->areas);
  g_hash_table_remove_all (self->area_names);
  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);
      gint64 id = rmm_area_get_id (area);

      g_hash_table_insert (self->areas, g_utf8_strdown (rmm_area_get_name (area), -1),
                           GSIZE_TO_POINTER (id));
      g_hash_table_insert (self->area_names, g_memdup2 (&id, sizeof id),
                           g_strdup (rmm_area_get_name (area)));
    }
}

/* A reference recorded or earlier in the file must be the same child: never attach a
 * referral to somebody else's record because two agencies reused a number. */
static void
match_child (RmmReferralImport *self,
             Table             *table,
             guint32            index)
{
  Row *row = rmm_import_row_at (self, index);
  const char *ref = rmm_import_row_text (row, TEXT_CHILD_REF);
  guint32 *slot;
  guint32 found = find_child (self, table, ref, &slot);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmChild) recorded = NULL;
  Child child = { index, NONE, 0, 0 };

  if (found != NONE)
    {
      const Row *earlier = rmm_import_row_at (self, g_array_index (self->children, Child, found).first_row);

      if (g_utf8_collate (rmm_import_row_text (earlier, TEXT_FIRST_NAME),
                          rmm_import_row_text (row, TEXT_FIRST_NAME)) != 0 ||
          g_utf8_collate (rmm_import_row_text (earlier, TEXT_LAST_NAME), rmm_import_row_text (row, TEXT_LAST_NAME)) != 0 ||
          strcmp (rmm_import_row_text (earlier, TEXT_DATE_OF_BIRTH), rmm_import_row_text (row, TEXT_DATE_OF_BIRTH)) != 0)
        rmm_import_add_problem (self, row->line, COL_CHILD_REF,
                     _("%s is a different child on line %u (name or date of birth differ)"),
                     ref, earlier->line);
      row->child = found;
      row->child_id = g_array_index (self->children, Child, found).child_id;
      return;
    }

  recorded = rmm_store_find_child_by_reference (self->store, ref, &error);
  if (error != NULL)
    rmm_import_add_problem (self, row->line, -1, "%s", error->message);
  if (recorded != NULL)
    {
      child.child_id = rmm_child_get_id (recorded);
      if (g_utf8_collate (rmm_child_get_first_name (recorded), rmm_import_row_text (row, TEXT_FIRST_NAME)) ||
          g_utf8_collate (rmm_child_get_last_name (recorded), rmm_import_row_text (row, TEXT_LAST_NAME)) ||
          g_strcmp0 (rmm_child_get_date_of_birth (recorded),
                     rmm_import_row_text (row, TEXT_DATE_OF_BIRTH)) != 0)
        rmm_import_add_problem (self, row->line, COL_CHILD_REF,
                     _("%s is already recorded for a child with a different name or date of "
                       "birth; check the reference"), ref);
    }
  g_array_append_val (self->children, child);
  row->child = self->children->len - 1;
  row->child_id = child.child_id;
  *slot = self->children->len;
}

/* Children, duplicates (recorded, or earlier in this file) and repeats, once every row
 * reads; and the agencies. Reads the database, writes nothing. */
void
rmm_import_classify_rows (RmmReferralImport *self)
{
  Table children = { 0 };
  Table referrals = { 0 };

  /* What the plan is made from: anything changed after this mark overtakes it. */
  self->audit_mark = rmm_store_get_change_mark (self->store, NULL);
  g_array_set_size (self->children, 0);
  g_array_set_size (self->agency_ids, 0);
  g_hash_table_remove_all (self->agencies);
  table_init (&children, self->rows->len);
  table_init (&referrals, self->rows->len);

  for (guint32 i = 0; i < self->rows->len; i++)
    {
      Row *row = rmm_import_row_at (self, i);
      Child *child;
      g_autofree char *previous = NULL;
      const char *received = rmm_import_row_text (row, TEXT_RECEIVED_AT);
      const char *in_file;

      row->flags &= ~(ROW_DUPLICATE | ROW_REPEAT);
      row->child = NONE;
      row->child_id = 0;
      if (*rmm_import_string_at (self, row->agency) != '\0')
        rmm_import_row_agency (self, row);
      /* A row that did not read has its problems listed already. */
      if (!(row->flags & ROW_COMPLETE))
        continue;

      match_child (self, &children, i);
      child = &g_array_index (self->children, Child, row->child);
      if (seen_referral (self, &referrals, i) ||
          (row->child_id != 0 &&
           rmm_store_has_referral (self->store, row->child_id, received,
                                   rmm_import_string_at (self, row->referrer), NULL)))
        {
          row->flags |= ROW_DUPLICATE;
          continue;
        }

      if (row->child_id != 0)
        previous = rmm_store_get_previous_referral (self->store, row->child_id, received, NULL);
      in_file = child->last_row != NONE ? rmm_import_row_text (rmm_import_row_at (self, child->last_row),
                                                    TEXT_RECEIVED_AT) : NULL;
      if (in_file != NULL && strcmp (in_file, received) < 0 && g_strcmp0 (in_file, previous) > 0)
        {
          g_free (previous);
          previous = g_strdup (in_file);
        }
      if (rmm_store_is_repeat_referral (previous, received))
        row->flags |= ROW_REPEAT;
      child->last_row = i;
    }
  table_clear (&children);
  table_clear (&referrals);
}

static guint
problem_line (const char *problem)
{
  const char *digits = strpbrk (problem, "0123456789");

  return digits ? (guint)g_ascii_strtoull (digits, NULL, 10) : 0;
}

/* Problems in file order (the sort is stable, so a line's own order stays). */
int
rmm_import_compare_problem_lines (gconstpointer a,
                                  gconstpointer b)
{
  guint line_a = problem_line (*(const char **)a);
  guint line_b = problem_line (*(const char **)b);

  return (line_a > line_b) - (line_a < line_b);
}

void
rmm_import_set_problems_error (RmmReferralImport  *self,
                               GError            **error)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "%s: %u problem, nothing was imported: %s",
                            "%s: %u problems, nothing was imported; the first: %s",
                            self->n_problems),
               self->source_name, self->n_problems,
               (char *)g_ptr_array_index (self->problems, 0));
}
