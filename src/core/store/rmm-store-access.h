/* rmm-store-access.h: who looked: a child's page opened, a name shown on the projector, a
 * document made from the record, each an event in the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

typedef enum
{
  RMM_ACCESS_CHILD_PAGE,       /* a child's page opened in a meeting */
  RMM_ACCESS_NAME_REVEALED,    /* a child's name shown on the projector */
  RMM_ACCESS_DOCUMENT,         /* a document made from the record: previewed, exported, printed */
} RmmAccessKind;

typedef struct
{
  RmmAccessKind  kind;
  gint64         child_id;     /* whose record; 0 for a meeting's or an area's document */
  gint64         meeting_id;   /* the meeting's document (minutes, pack), or 0 */
  gint64         area_id;      /* the CSE list's area (0: every area), for the list */
  const char    *document;     /* "safety-plan", "minutes", "chairs-pack", "cse-list" */
  const char    *audience;     /* "professional", "family", "anonymised"; NULL if none */
  const char    *children;     /* a list's: the ids of the children it names, ",12,45,"; or NULL */
} RmmAccessInput;

typedef struct
{
  gint64  id;
  char   *at;                  /* when it happened: UTC, ISO 8601 */
  char   *actor;               /* the login (on a server) or the user */
  char   *what;                /* "child-page", "name-revealed", "document" */
  char   *document;            /* for a document, else "" */
  char   *audience;            /* for a document, else "" */
  gint64  meeting_id;          /* the meeting it was in or of, or 0 */
} RmmAccessEvent;

void       rmm_access_event_free      (RmmAccessEvent        *event);
gboolean   rmm_store_record_access    (RmmStore              *self,
                                       const RmmAccessInput  *input,
                                       GError               **error);
gboolean   rmm_store_record_accesses  (RmmStore              *self,
                                       const RmmAccessInput  *inputs,
                                       guint                  n_inputs,
                                       GError               **error);
void       rmm_store_note_access      (RmmStore              *self,
                                       const RmmAccessInput  *input);
GPtrArray *rmm_store_list_access      (RmmStore              *self,
                                       gint64                 child_id,
                                       GError               **error);
gboolean   rmm_store_is_access_entity (const char            *entity);

G_END_DECLS
