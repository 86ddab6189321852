/* rmm-store-assessments.h: assessments, concerns not referred, and the people and agencies who
 * make them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-assessment.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

gint64       rmm_store_add_assessment       (RmmStore            *self,
                                             const RmmAssessmentInput *input,
                                             GError             **error);
gint64       rmm_store_add_concern_not_referred (RmmStore        *self,
                                             gint64               child_id,
                                             gint64               agency_id,
                                             const char          *recorded_by,
                                             const char          *concern,
                                             const char          *reasons,
                                             GError             **error);
GPtrArray   *rmm_store_list_agencies        (RmmStore            *self,
                                             GError             **error);
GPtrArray   *rmm_store_list_assessors       (RmmStore            *self,
                                             GError             **error);
GPtrArray   *rmm_store_list_professionals   (RmmStore            *self,
                                             gint64               agency_id,
                                             GError             **error);
gint64       rmm_store_find_professional    (RmmStore            *self,
                                             const char          *full_name,
                                             GError             **error);
GPtrArray   *rmm_store_list_professional_names (RmmStore         *self,
                                                GError          **error);
gint64       rmm_store_find_agency_by_kind  (RmmStore            *self,
                                             const char          *kind,
                                             GError             **error);

G_END_DECLS
