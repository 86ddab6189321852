/* rmm-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-audit"

#include "config.h"

#include <string.h>

#include "rmm-audit.h"

/* Length-prefixed fields, so that no two different events serialise to the same bytes
 * (moving a character from "before" to "after" changes the hash). */
static void
add_field (GChecksum  *checksum,
           const char *value)
{
  char prefix[32];
  gsize length = value ? strlen (value) : 0;

  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", length);
  g_checksum_update (checksum, (const guchar *)prefix, -1);
  if (length > 0)
    g_checksum_update (checksum, (const guchar *)value, length);
}

static void
add_number (GChecksum *checksum,
            gint64     value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_field (checksum, text);
}

/* SHA-256 over the previous event's hash and every field of this one. */
char *
rmm_audit_hash (const RmmAuditEvent *event)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (event != NULL, NULL);

  add_field (checksum, event->prev_hash);
  add_number (checksum, event->id);
  add_field (checksum, event->at);
  add_field (checksum, event->actor);
  add_field (checksum, event->action);
  add_field (checksum, event->entity);
  add_number (checksum, event->entity_id);
  add_field (checksum, event->before);
  add_field (checksum, event->after);

  return g_strdup (g_checksum_get_string (checksum));
}
