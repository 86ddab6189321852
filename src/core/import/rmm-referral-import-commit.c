/* rmm-referral-import-commit.c: the import written in one transaction, planned again if others wrote meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-referral-import-private.h"
#include "rmm-store.h"

static gint64
agency_for (RmmReferralImport  *self,
            const Row          *row,
            GError            **error)
{
  gint64 *id = rmm_import_agency_slot (self, row->agency);
  const char *name = rmm_import_string_at (self, row->agency);

  if (*id > 0)
    return *id;
  /* Another spelling of the same agency may have added it already in this import. */
  *id = rmm_import_known_agency (self, name);
  if (*id == 0 && (*id = rmm_store_add_agency (self->store, name, "other", error)) != 0)
    g_hash_table_insert (self->agencies, g_utf8_strdown (name, -1), GSIZE_TO_POINTER (*id));
  return *id;
}

static gboolean
write_row (RmmReferralImport  *self,
           const Row          *row,
           GError            **error)
{
  g_autofree char *source = g_strdup_printf ("import:%s:%u", self->source_name, row->line);
  Child *child = &g_array_index (self->children, Child, row->child);
  RmmReferralInput referral = {
    .route = rmm_import_route_name (row->route),
    .referrer_name = rmm_import_string_at (self, row->referrer),
    .received_at = rmm_import_row_text (row, TEXT_RECEIVED_AT),
    .concern_summary = rmm_import_row_text (row, TEXT_CONCERN_SUMMARY),
    .source = source,
  };

  referral.child_id = child->child_id != 0 ? child->child_id : child->created_id;
  if (referral.child_id == 0)
    {
      RmmChildInput input = {
        .reference = rmm_import_row_text (row, TEXT_CHILD_REF),
        .first_name = rmm_import_row_text (row, TEXT_FIRST_NAME),
        .last_name = rmm_import_row_text (row, TEXT_LAST_NAME),
        .date_of_birth = rmm_import_row_text (row, TEXT_DATE_OF_BIRTH),
        .gender = rmm_import_string_at (self, row->gender),
        .area_id = row->area_id,
        .school = rmm_import_string_at (self, row->school),
      };

      if (!(child->created_id = rmm_store_add_child (self->store, &input, error)))
        return FALSE;
      referral.child_id = child->created_id;
    }

  if (!(referral.referrer_agency_id = agency_for (self, row, error)))
    return FALSE;
  return rmm_store_add_referral (self->store, &referral, error) != 0;
}

/* Inside the transaction: only inserts. */
static gboolean
write_rows (RmmReferralImport  *self,
            GError            **error)
{
  for (guint i = 0; i < self->children->len; i++)
    g_array_index (self->children, Child, i).created_id = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = rmm_import_row_at (self, i);

      if (!(row->flags & ROW_DUPLICATE) && !write_row (self, row, error))
        {
          g_prefix_error (error, _("line %u: "), row->line);
          return FALSE;
        }
    }
  return TRUE;
}

/* The plan again, from the database as it is now. */
static gboolean
replan (RmmReferralImport  *self,
        GError            **error)
{
  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  rmm_import_classify_rows (self);
  g_ptr_array_sort (self->problems, rmm_import_compare_problem_lines);
  if (self->n_problems > 0)
    {
      self->read_ok = FALSE;
      rmm_import_set_problems_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Take the write lock with a plan that is still true; *@locked_at is when it was taken. */
static gboolean
begin (RmmReferralImport  *self,
       gint64             *locked_at,
       GError            **error)
{
  for (guint attempt = 1;; attempt++)
    {
      int overtaken;

      if (!rmm_store_begin (self->store, error))
        return FALSE;
      *locked_at = g_get_monotonic_time ();
      if ((overtaken = rmm_store_people_changed_since (self->store, self->audit_mark, error)) < 0)
        {
          rmm_store_rollback (self->store);
          return FALSE;
        }
      if (!overtaken)
        return TRUE;
      g_debug ("%s: the database changed since the file was checked; checking again",
               self->source_name);
      if (attempt < MAX_PLAN_ATTEMPTS)
        {
          rmm_store_rollback (self->store);
          if (!replan (self, error))
            return FALSE;
          continue;
        }
      /* Others keep writing: plan once more holding the lock, so nothing can move. */
      if (!replan (self, error))
        {
          rmm_store_rollback (self->store);
          return FALSE;
        }
      return TRUE;
    }
}

/* Add every new referral (and new child) in one transaction: all or nothing. */
gboolean
rmm_referral_import_commit (RmmReferralImport  *self,
                            GError            **error)
{
  gint64 started;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read_ok, FALSE);

  if (!begin (self, &started, error))
    return FALSE;
  rmm_store_set_bulk_writing (self->store, TRUE);
  ok = write_rows (self, error);
  if (ok)
    ok = rmm_store_commit (self->store, error);
  else
    rmm_store_rollback (self->store);
  rmm_store_set_bulk_writing (self->store, FALSE);
  g_debug ("%s: write lock held for %.3f s for %u referrals (%s)", self->source_name,
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC,
           rmm_referral_import_count_new (self), ok ? "committed" : "rolled back");
  /* Whatever was written is gone with the transaction: plan afresh before trying again. */
  if (!ok)
    self->audit_mark = -1;
  return ok;
}
