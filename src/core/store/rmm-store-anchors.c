/* rmm-store-anchors.c: the audit trail's head, kept outside the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hash chain proves that no event in the middle was changed, but not that none were cut
 * from the end, nor that the whole chain was not recomputed after an edit. So the head (an
 * event id and its hash) is kept where the file is not: beside each backup
 * ("BACKUP.anchor"), in this user's state for each database RMM Desk opened, and on every
 * signed-off minutes ("Audit seal: event 9031, 3f2a…"). A trail that no longer reaches an
 * anchor, or reaches it with another hash, was cut or rewritten.
 *
 * What this cannot prove: someone holding the file, the state folder and the backups can
 * rewrite all of them alike. Only anchors they cannot reach (a printed seal, a server's
 * privileges) stop that.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>

#include "rmm-audit.h"
#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-store-private.h"

#define GROUP "anchor"

RmmAnchor *
rmm_anchor_new (gint64      event,
                const char *hash,
                const char *source)
{
  RmmAnchor *anchor = g_new0 (RmmAnchor, 1);

  anchor->event = event;
  anchor->hash = g_ascii_strdown (hash, -1);
  anchor->source = g_strdup (source);
  return anchor;
}

void
rmm_anchor_free (RmmAnchor *anchor)
{
  if (anchor == NULL)
    return;
  g_free (anchor->hash);
  g_free (anchor->source);
  g_free (anchor);
}

static gboolean
is_hash_prefix (const char *hash)
{
  gsize length = strlen (hash);

  if (length < RMM_ANCHOR_MIN_HASH || length > 64)
    return FALSE;
  for (const char *p = hash; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* "9031:3f2a…" as printed on minutes (at least 16 hex digits of the hash). */
RmmAnchor *
rmm_anchor_parse (const char  *text,
                  const char  *source,
                  GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  guint64 event = 0;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 1, G_MAXINT64, &event, NULL) ||
      !is_hash_prefix (g_strstrip (parts[1])))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is not an audit seal: write it as EVENT:HASH, e.g. "
                                "9031:3f2a6c0e91d4b7a5, with at least %d hexadecimal digit of "
                                "the hash.",
                                "“%s” is not an audit seal: write it as EVENT:HASH, e.g. "
                                "9031:3f2a6c0e91d4b7a5, with at least %d hexadecimal digits of "
                                "the hash.", RMM_ANCHOR_MIN_HASH),
                   text, RMM_ANCHOR_MIN_HASH);
      return NULL;
    }
  return rmm_anchor_new ((gint64)event, parts[1], source);
}

static RmmAnchor *
read_anchor_file (const char *path,
                  const char *source)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *hash = NULL;
  gint64 event;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  event = g_key_file_get_int64 (file, GROUP, "event", NULL);
  hash = g_key_file_get_string (file, GROUP, "hash", NULL);
  if (event <= 0 || hash == NULL || !is_hash_prefix (hash))
    return rmm_anchor_new (G_MAXINT64, "unreadable", source);
  return rmm_anchor_new (event, hash, source);
}

static gboolean
write_anchor_file (const char       *path,
                   const char       *database,
                   const RmmAnchor  *head,
                   GError          **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_string (file, GROUP, "database", database);
  g_key_file_set_int64 (file, GROUP, "event", head->event);
  g_key_file_set_string (file, GROUP, "hash", head->hash);
  g_key_file_set_string (file, GROUP, "written", when);
  data = g_key_file_to_data (file, &length, NULL);
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

static RmmAnchor *read_head (RmmDb   *db,
                             GError **error);

/* ---- beside a backup ---- */

static char *
sidecar_path (const char *backup)
{
  return g_strconcat (backup, ".anchor", NULL);
}

/* The head a backup was made with, from "BACKUP.anchor"; NULL if it has none. */
RmmAnchor *
rmm_anchor_read_sidecar (const char *backup)
{
  g_autofree char *path = sidecar_path (backup);
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *source = g_strdup_printf (_("the backup “%s”"), name);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return read_anchor_file (path, source);
}

/* Records the head of the trail in @backup, read from the finished backup itself. */
gboolean
rmm_anchor_write_sidecar (const char  *backup,
                          GError     **error)
{
  g_autofree char *path = sidecar_path (backup);
  g_autoptr(RmmDb) db = rmm_db_open (backup, RMM_DB_OPEN_EXISTING, error);
  g_autoptr(RmmAnchor) head = db ? read_head (db, error) : NULL;

  return head != NULL && write_anchor_file (path, backup, head, error);
}

/* After a restore from @backup: the sidecars of backups of another history (made after it)
 * are set aside as "….anchor-superseded", so they are no longer taken for this trail's. */
void
rmm_store_set_aside_other_anchors (RmmStore *self)
{
  g_autoptr(GPtrArray) backups = rmm_store_list_backups (self, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);
      g_autoptr(RmmAnchor) anchor = rmm_anchor_read_sidecar (backup);

      if (anchor != NULL && !rmm_store_reaches_anchor (self, anchor, NULL))
        {
          g_autofree char *path = sidecar_path (backup);
          g_autofree char *aside = g_strconcat (path, "-superseded", NULL);

          g_rename (path, aside);
        }
    }
}

/* ---- in this user's state ---- */

static char *
state_path (const char *database)
{
  g_autofree char *absolute = g_canonicalize_filename (database, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *name = g_strconcat (digest, ".anchor", NULL);

  return g_build_filename (g_get_user_state_dir (), "rmm-desk", "anchors", name, NULL);
}

/* A new database at @database, or one restored: the trail seen there before is not its. */
void
rmm_anchor_forget (const char *database)
{
  g_autofree char *path = state_path (database);

  g_unlink (path);
}

/* Notes how far this database's trail reached, for the next check. Only forward along the
 * same trail: a trail cut short or rewritten never replaces the anchor it fails. */
void
rmm_store_remember_head (RmmStore *self)
{
  g_autofree char *path = state_path (rmm_store_get_path (self));
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(RmmAnchor) head = rmm_store_get_head (self, NULL);
  g_autoptr(RmmAnchor) known = read_anchor_file (path, "");

  if (head == NULL || head->event == 0)
    return;
  if (known != NULL && (known->event >= head->event || !rmm_store_reaches_anchor (self, known, NULL)))
    return;
  if (g_mkdir_with_parents (folder, 0700) == 0)
    write_anchor_file (path, rmm_store_get_path (self), head, NULL);
}

/* ---- the trail against them ---- */

/* The newest audit event and its hash; event 0 for an empty trail. */
static RmmAnchor *
read_head (RmmDb   *db,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  RmmAnchor *head;

  if (!(stmt = rmm_db_prepare (db,
                               "SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1",
                               error)))
    return NULL;
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return rmm_anchor_new (0, RMM_AUDIT_GENESIS, NULL);
    }
  head = rmm_anchor_new (rmm_db_stmt_get_int (stmt, 0), rmm_db_stmt_get_text (stmt, 1), NULL);
  rmm_db_stmt_reset (stmt);
  return head;
}

RmmAnchor *
rmm_store_get_head (RmmStore  *self,
                    GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return read_head (rmm_store_get_db (self), error);
}

/* Every anchor kept outside the file: this user's state, and each backup's. */
GPtrArray *
rmm_store_list_anchors (RmmStore *self)
{
  GPtrArray *anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  g_autofree char *path = state_path (rmm_store_get_path (self));
  g_autoptr(GPtrArray) backups = rmm_store_list_backups (self, NULL);
  RmmAnchor *anchor;

  if ((anchor = read_anchor_file (path, _("what this computer last saw of it"))) != NULL)
    g_ptr_array_add (anchors, anchor);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    if ((anchor = rmm_anchor_read_sidecar (g_ptr_array_index (backups, i))) != NULL)
      g_ptr_array_add (anchors, anchor);
  return anchors;
}

gboolean
rmm_store_reaches_anchor (RmmStore         *self,
                          const RmmAnchor  *anchor,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RmmAnchor) head = NULL;
  g_autofree char *hash = NULL;
  RmmDbStmt *stmt;

  if (anchor->event == G_MAXINT64)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED,
                   _("the audit trail’s anchor in %s is unreadable: it was damaged or "
                     "tampered with"), anchor->source);
      return FALSE;
    }
  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT hash FROM audit_chain WHERE id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, anchor->event);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      hash = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (hash == NULL)
    {
      head = rmm_store_get_head (self, NULL);
      g_set_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED,
                   _("the audit trail ends at event %" PRId64 ", but %s recorded event %"
                     PRId64 ": events were cut from its end"),
                   head ? head->event : 0, anchor->source, anchor->event);
      return FALSE;
    }
  if (!g_str_has_prefix (hash, anchor->hash))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED,
                   _("audit event %" PRId64 " is not the one %s recorded (%.16s…, now "
                     "%.16s…): the trail was rewritten"),
                   anchor->event, anchor->source, anchor->hash, hash);
      return FALSE;
    }
  return TRUE;
}

/* The event that recorded a meeting's sign-off, printed on its minutes as its seal; NULL
 * (with no error) while it is not signed off. */
RmmAnchor *
rmm_store_get_meeting_seal (RmmStore  *self,
                            gint64     meeting_id,
                            GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  RmmAnchor *seal = NULL;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id, hash FROM audit_event "
                               "WHERE entity = 'meeting' AND entity_id = ? "
                               "AND after LIKE '%\"status\":\"signed-off\"%' "
                               "ORDER BY id DESC LIMIT 1", error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, meeting_id);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      seal = rmm_anchor_new (rmm_db_stmt_get_int (stmt, 0), rmm_db_stmt_get_text (stmt, 1),
                             NULL);
      rmm_db_stmt_reset (stmt);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return seal;
}
