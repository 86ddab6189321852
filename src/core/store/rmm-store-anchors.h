/* rmm-store-anchors.h: the audit trail's head, kept outside the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-store.h"

G_BEGIN_DECLS

/* Shortest hash prefix accepted from a printed seal: 64 bits, beyond forging. */
#define RMM_ANCHOR_MIN_HASH 16

/* An audit event and its hash (or a prefix of it) as recorded somewhere else, and where. */
typedef struct
{
  gint64  event;
  char   *hash;
  char   *source;
} RmmAnchor;

RmmAnchor *rmm_anchor_new            (gint64       event,
                                      const char  *hash,
                                      const char  *source);
RmmAnchor *rmm_anchor_parse          (const char  *text,
                                      const char  *source,
                                      GError     **error);
void       rmm_anchor_free           (RmmAnchor   *anchor);
RmmAnchor *rmm_anchor_read_sidecar   (const char  *backup);
gboolean   rmm_anchor_write_sidecar  (const char  *backup,
                                      GError     **error);
void       rmm_anchor_forget         (const char  *database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmAnchor, rmm_anchor_free)

RmmAnchor *rmm_store_get_head        (RmmStore    *self,
                                      GError     **error);
GPtrArray *rmm_store_list_anchors    (RmmStore    *self);
void       rmm_store_remember_head   (RmmStore    *self);
void       rmm_store_set_aside_other_anchors (RmmStore *self);
gboolean   rmm_store_reaches_anchor  (RmmStore        *self,
                                      const RmmAnchor *anchor,
                                      GError         **error);
RmmAnchor *rmm_store_get_meeting_seal (RmmStore   *self,
                                       gint64      meeting_id,
                                       GError    **error);
gboolean   rmm_store_check_against   (RmmStore    *self,
                                      GPtrArray   *anchors,
                                      GPtrArray  **problems,
                                      GError     **error);

G_END_DECLS
