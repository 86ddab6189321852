/* rmm-documents.h: the documents that leave the room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reads what it needs from the store and lays it out as an RmmPdfDocument, ready to
 * write, preview or print. None changes the store.
 */
#pragma once

#include "rmm-document-language.h"
#include "rmm-pdf-document.h"
#include "rmm-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *marking;      /* NULL: the database's "protective-marking", else the default */
  gboolean    anonymised;   /* children as initials and reference, for a wider circulation */
  gboolean    looks_recorded_by_caller;   /* many documents: the caller records their looks
                                           * together (rmm_store_record_accesses()) */
  RmmDocumentLanguage language;   /* DEFAULT: the area's documents language */
} RmmDocumentOptions;

typedef enum
{
  RMM_PLAN_AUDIENCE_PROFESSIONAL,   /* everything, for the professional network */
  RMM_PLAN_AUDIENCE_FAMILY,         /* for the child and parents or carers: plain language,
                                     * nothing police-sensitive, no third parties */
} RmmPlanAudience;

#define RMM_MARKING_INFO_KEY "protective-marking"
#define RMM_MARKING_MAX_LENGTH 60

char           *rmm_document_check_marking      (const char                *text,
                                                 GError                   **error);
char           *rmm_document_get_marking        (RmmStore                  *store,
                                                 const RmmDocumentOptions  *options);
void            rmm_document_begin_language     (RmmStore                  *store,
                                                 const RmmDocumentOptions  *options,
                                                 const char                *of,
                                                 gint64                     id);
gboolean        rmm_document_record_access      (RmmStore                  *store,
                                                 const RmmAccessInput      *input,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);
gboolean        rmm_plan_audience_from_string   (const char                *text,
                                                 RmmPlanAudience           *audience);
RmmPdfDocument *rmm_minutes_document_new        (RmmStore                  *store,
                                                 gint64                     meeting_id,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);
RmmPdfDocument *rmm_safety_plan_document_new    (RmmStore                  *store,
                                                 gint64                     child_id,
                                                 RmmPlanAudience            audience,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);
GPtrArray      *rmm_safety_plans_write_area     (RmmStore                  *store,
                                                 gint64                     area_id,
                                                 RmmPlanAudience            audience,
                                                 const RmmDocumentOptions  *options,
                                                 const char                *folder,
                                                 GError                   **error);
RmmPdfDocument *rmm_cse_list_document_new       (RmmStore                  *store,
                                                 const GDate               *day,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);
RmmPdfDocument *rmm_oversight_report_document_new (RmmStore                *store,
                                                 const GDate               *from,
                                                 const GDate               *to,
                                                 RmmArea                   *area,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);
RmmPdfDocument *rmm_chairs_pack_document_new    (RmmStore                  *store,
                                                 gint64                     meeting_id,
                                                 const RmmDocumentOptions  *options,
                                                 GError                   **error);

G_END_DECLS
