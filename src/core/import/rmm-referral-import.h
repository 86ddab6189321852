/* rmm-referral-import.h: referrals from an agency's CSV file, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-store.h"

G_BEGIN_DECLS

/* One row as read and planned. rmm_referral_import_get_row() fills one in for the caller,
 * good until its next call: the rows themselves are kept more compactly. */
typedef struct
{
  guint       line;
  char       *child_ref;
  char       *first_name;
  char       *last_name;
  char       *date_of_birth;     /* YYYY-MM-DD */
  char       *area;              /* as RMM Desk names it */
  gint64      area_id;
  char       *received_at;       /* UTC, as stored */
  char       *referrer_name;
  char       *referrer_agency;
  char       *route;             /* single-point-of-access | lead-professional */
  char       *concern_summary;
  char       *gender;
  char       *school;
  gint64      child_id;          /* an existing child, or 0 for a new one */
  gboolean    duplicate;         /* already recorded: skipped */
  gboolean    repeat;            /* within 12 months of the child's previous referral */
} RmmImportRow;

#define RMM_TYPE_REFERRAL_IMPORT (rmm_referral_import_get_type ())
G_DECLARE_FINAL_TYPE (RmmReferralImport, rmm_referral_import, RMM, REFERRAL_IMPORT, GObject)

const char         *rmm_referral_import_get_template     (void);
RmmReferralImport  *rmm_referral_import_new              (RmmStore          *store,
                                                          const char        *source_name);
gboolean            rmm_referral_import_read             (RmmReferralImport *self,
                                                          const char        *data,
                                                          gsize              length,
                                                          GError           **error);
gboolean            rmm_referral_import_read_file        (RmmReferralImport *self,
                                                          GFile             *file,
                                                          GCancellable      *cancellable,
                                                          GError           **error);
GPtrArray          *rmm_referral_import_get_problems     (RmmReferralImport *self);
guint               rmm_referral_import_get_n_problems   (RmmReferralImport *self);
const char         *rmm_referral_import_get_encoding     (RmmReferralImport *self);
guint               rmm_referral_import_get_n_rows       (RmmReferralImport *self);
const RmmImportRow *rmm_referral_import_get_row          (RmmReferralImport *self,
                                                          guint              index);
guint               rmm_referral_import_count_new        (RmmReferralImport *self);
guint               rmm_referral_import_count_duplicates (RmmReferralImport *self);
guint               rmm_referral_import_count_repeats    (RmmReferralImport *self);
char               *rmm_referral_import_describe         (RmmReferralImport *self,
                                                          const char        *file_name,
                                                          gboolean           written);
guint               rmm_referral_import_count_new_children (RmmReferralImport *self);
GStrv               rmm_referral_import_dup_new_agencies (RmmReferralImport *self);
gboolean            rmm_referral_import_commit           (RmmReferralImport *self,
                                                          GError           **error);

G_END_DECLS
