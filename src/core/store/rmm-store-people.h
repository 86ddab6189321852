/* rmm-store-people.h: areas, agencies, professionals, children and their referrals as recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-area.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

typedef struct
{
  const char *reference;
  const char *first_name;
  const char *last_name;
  const char *date_of_birth;   /* YYYY-MM-DD */
  const char *gender;
  gint64      area_id;
  const char *school;
  gint64      social_worker_id;  /* 0: none allocated */
  gboolean    looked_after;
} RmmChildInput;

typedef struct
{
  gint64      child_id;
  const char *route;             /* single-point-of-access | lead-professional */
  const char *referrer_name;
  gint64      referrer_agency_id;
  const char *received_at;       /* ISO 8601 UTC */
  const char *concern_summary;
  const char *screening_outcome; /* NULL: pending */
  const char *source;
} RmmReferralInput;

gint64       rmm_store_add_area             (RmmStore            *self,
                                             const char          *name,
                                             const char          *framework_id,
                                             GError             **error);
gint64       rmm_store_add_agency           (RmmStore            *self,
                                             const char          *name,
                                             const char          *kind,
                                             GError             **error);
gint64       rmm_store_add_professional     (RmmStore            *self,
                                             gint64               agency_id,
                                             const char          *full_name,
                                             const char          *role,
                                             GError             **error);
char        *rmm_store_get_professional_email (RmmStore          *self,
                                               gint64             professional_id);
gboolean     rmm_store_set_professional_email (RmmStore          *self,
                                               gint64             professional_id,
                                               const char        *email,
                                               GError           **error);
gint64       rmm_store_add_child            (RmmStore            *self,
                                             const RmmChildInput *input,
                                             GError             **error);
gboolean     rmm_store_allocate_social_worker (RmmStore          *self,
                                             gint64               child_id,
                                             gint64               professional_id,
                                             GError             **error);
gint64       rmm_store_add_referral         (RmmStore            *self,
                                             const RmmReferralInput *input,
                                             GError             **error);

GListModel  *rmm_store_list_areas           (RmmStore            *self,
                                             GError             **error);
char        *rmm_store_get_social_worker_on (RmmStore           *self,
                                             gint64              child_id,
                                             const char         *day,
                                             GError            **error);
GListModel  *rmm_store_list_children        (RmmStore            *self,
                                             gint64               area_id,
                                             GError             **error);
GListModel  *rmm_store_search_children      (RmmStore            *self,
                                             const char          *reference,
                                             const char          *first_name,
                                             const char          *last_name,
                                             const char          *date_of_birth,
                                             GError             **error);
RmmArea     *rmm_store_find_area            (RmmStore            *self,
                                             const char          *name,
                                             GError             **error);
char        *rmm_store_get_documents_language (RmmStore          *self,
                                             const char          *of,
                                             gint64               id);
gboolean     rmm_store_set_documents_language (RmmStore          *self,
                                             gint64               area_id,
                                             const char          *language,
                                             GError             **error);

G_END_DECLS
