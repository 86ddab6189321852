/* rmm-audit.h: the hash chain of the append-only audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hash of the (non-existent) event before the first one. */
#define RMM_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      id;
  const char *at;
  const char *actor;
  const char *action;
  const char *entity;
  gint64      entity_id;
  const char *before;
  const char *after;
  const char *prev_hash;
} RmmAuditEvent;

char *rmm_audit_hash (const RmmAuditEvent *event);

G_END_DECLS
