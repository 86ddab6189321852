/* rmm-store-backups.c: automatic backups, rotated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app backs the database up when a meeting is concluded and once a day, with SQLite's
 * online backup API, into a private folder beside it ("rmm.sqlite.backups/"), and keeps the
 * newest few. Names sort by time: "rmm-20261123T101500123456Z-concluded.sqlite".
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-server.h"
#include "rmm-store-copy.h"
#include "rmm-store-private.h"

static char *
backup_folder_for (const char *database)
{
  return g_strconcat (database, ".backups", NULL);
}

/* The folder the automatic backups of this database go to. */
char *
rmm_store_get_backup_folder (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return backup_folder_for (rmm_store_get_path (self));
}

static char *
backup_prefix (const char *database)
{
  g_autofree char *base = g_path_get_basename (database);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
list_backups_of (const char  *database,
                 GError     **error)
{
  g_autofree char *folder = backup_folder_for (database);
  g_autofree char *prefix = backup_prefix (database);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  GError *local_error = NULL;
  const char *name;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&paths);
  if (!(dir = g_dir_open (folder, 0, &local_error)))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not read the backups folder: %s"),
                   local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".sqlite"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

/* The automatic backups there are, oldest first (full paths). */
GPtrArray *
rmm_store_list_backups (RmmStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return list_backups_of (rmm_store_get_path (self), error);
}

/* Older than a day, or none yet: time for the daily backup. */
gboolean
rmm_store_backup_is_due (RmmStore *self)
{
  g_autoptr(GPtrArray) backups = rmm_store_list_backups (self, NULL);
  GStatBuf buf;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  /* A server's backups are its operators' (pg_dump, replication), not each laptop's. */
  if (rmm_store_is_on_server (self))
    return FALSE;
  if (backups == NULL || backups->len == 0)
    return TRUE;
  if (g_stat (g_ptr_array_index (backups, backups->len - 1), &buf) != 0)
    return TRUE;
  return g_get_real_time () / G_USEC_PER_SEC - buf.st_mtime >= 24 * 60 * 60;
}

/* Copies @db (the database at @database) into the backups folder and deletes all but the
 * newest @keep. */
static char *
make_backup (RmmDb       *db,
             const char  *database,
             const char  *why,
             guint        keep,
             GError     **error)
{
  g_autofree char *folder = backup_folder_for (database);
  g_autofree char *prefix = backup_prefix (database);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S%fZ");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  /* A damaged copy must never push a sound backup out of the rotation. */
  if (!rmm_db_quick_check (db, error))
    return NULL;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not make the backups folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }
  name = g_strdup_printf ("%s%s-%s.sqlite", prefix, stamp, why);
  path = g_build_filename (folder, name, NULL);
  /* Under another name until complete: a backup cut short (the app killed, the disk full)
   * is never taken for one. */
  partial = g_strconcat (path, ".partial", NULL);
  if (!rmm_db_backup_to (db, partial, error))
    {
      g_unlink (partial);
      return NULL;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not keep the backup “%s”: %s"), path,
                   g_strerror (saved_errno));
      return NULL;
    }
  /* Its head, beside it: the database's trail must always reach it (rmm-store-anchors.c). */
  if (!rmm_anchor_write_sidecar (path, error))
    return NULL;

  /* Rotate: a failure to delete an old backup loses nothing, so it is not an error. */
  if ((backups = list_backups_of (database, NULL)) != NULL)
    for (guint i = 0; i + keep < backups->len; i++)
      {
        g_autofree char *anchor = g_strconcat (g_ptr_array_index (backups, i), ".anchor", NULL);

        g_unlink (g_ptr_array_index (backups, i));
        g_unlink (anchor);
      }
  return g_steal_pointer (&path);
}

/**
 * rmm_store_auto_backup:
 * @why: a word for the file name: "concluded", "daily"
 * @keep: how many automatic backups to keep; older ones are deleted
 *
 * Returns: the new backup's path, or NULL with @error set (the database is untouched)
 */
char *
rmm_store_auto_backup (RmmStore    *self,
                       const char  *why,
                       guint        keep,
                       GError     **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (why != NULL && keep > 0, NULL);

  return make_backup (rmm_store_get_db (self), rmm_store_get_path (self), why, keep, error);
}

/**
 * rmm_auto_backup_file:
 * @database: the database's path
 *
 * The same as rmm_store_auto_backup() through a connection of its own, so that a worker
 * thread can back up while the session goes on with its own connection (WAL lets both read).
 */
char *
rmm_auto_backup_file (const char  *database,
                      const char  *why,
                      guint        keep,
                      GError     **error)
{
  g_autoptr(RmmDb) db = NULL;

  g_return_val_if_fail (database != NULL && why != NULL && keep > 0, NULL);

  if (!(db = rmm_db_open (database, RMM_DB_OPEN_EXISTING, error)))
    return NULL;
  return make_backup (db, database, why, keep, error);
}

/**
 * rmm_store_describe_restore:
 * @path: a damaged database
 *
 * What restoring @path from its newest automatic backup would lose, as a sentence or two for
 * the message that says it is damaged: a restore is never advised without its cost.
 */
char *
rmm_store_describe_restore (const char *path)
{
  g_autoptr(GPtrArray) backups = list_backups_of (path, NULL);
  g_autoptr(GDateTime) made = NULL;
  g_autofree char *when = NULL;
  const char *newest;
  GStatBuf st;

  if (backups == NULL || backups->len == 0)
    return g_strdup_printf (_("There is no automatic backup of it to restore; keep the file "
                              "as it is and ask for help."));
  newest = g_ptr_array_index (backups, backups->len - 1);
  if (g_stat (newest, &st) != 0)
    return g_strdup_printf (_("Its newest automatic backup is “%s”."), newest);
  made = g_date_time_new_from_unix_local (st.st_mtime);
  when = g_date_time_format (made, "%-d %b %Y %H:%M");
  return g_strdup_printf (_("Its newest automatic backup, “%s”, was made on %s and lacks every "
                            "change made since then. “rmmctl restore” keeps this file aside "
                            "before it restores, so nothing is thrown away."), newest, when);
}

gboolean
rmm_store_backup (RmmStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (rmm_store_is_on_server (self))
    return rmm_store_copy_to_file (self, dest_path, error) &&
           rmm_anchor_write_sidecar (dest_path, error);
  return rmm_db_backup_to (rmm_store_get_db (self), dest_path, error) &&
         rmm_anchor_write_sidecar (dest_path, error);
}

/* Keeps the database at @path as @saved before a restore replaces it: a consistent copy when
 * it can be read whole, else (damaged) the file itself moved aside with its WAL, so that
 * nothing it held is lost either way. */
static gboolean
keep_aside (const char *path,
            const char *saved)
{
  g_autoptr(RmmStore) current = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *saved_wal = g_strconcat (saved, "-wal", NULL);

  if (current != NULL && rmm_store_backup (current, saved, NULL))
    return TRUE;
  g_clear_object (&current);
  g_unlink (saved);
  if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, saved_wal) != 0)
    return FALSE;
  return g_rename (path, saved) == 0;
}

/* Replace @dest_path with a copy of @source_path, which must pass rmm_store_check(). The
 * database it replaces is kept beside it first (@saved_copy), so a restore loses nothing. */
gboolean
rmm_store_restore (const char  *source_path,
                   const char  *dest_path,
                   char       **saved_copy,
                   GError     **error)
{
  g_autoptr(RmmStore) source = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *saved = NULL;
  g_autofree char *incoming = NULL;
  g_autofree char *incoming_anchor = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  RmmAnchor *own = NULL;

  if (rmm_server_is_connection_string (dest_path))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("RMM Desk restores database files only: a server’s database is restored "
                     "by its administrator (pg_restore, or its replica)."));
      return FALSE;
    }
  own = rmm_anchor_read_sidecar (source_path);

  /* A backup whose tail was cut still passes every other check: its own anchor says. */
  if (own != NULL)
    g_ptr_array_add (anchors, own);
  if (!(source = rmm_store_open (source_path, RMM_STORE_OPEN_EXISTING, error)) ||
      !rmm_store_check_against (source, anchors, NULL, error))
    return FALSE;

  incoming = g_strdup_printf ("%s.restoring-%s", dest_path, stamp);
  incoming_anchor = g_strconcat (incoming, ".anchor", NULL);
  if (!rmm_store_backup (source, incoming, error))
    {
      g_unlink (incoming);
      g_unlink (incoming_anchor);
      return FALSE;
    }
  g_unlink (incoming_anchor);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      saved = g_strdup_printf ("%s.before-restore-%s", dest_path, stamp);
      if (!keep_aside (dest_path, saved))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                       _("Could not keep the current database as “%s”."), saved);
          g_unlink (incoming);
          g_unlink (incoming_anchor);
          return FALSE;
        }
    }

  /* The old file's journal must not be replayed onto the restored one. */
  {
    g_autofree char *wal = g_strconcat (dest_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (dest_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (incoming, dest_path) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not replace “%s”."), dest_path);
      g_unlink (incoming);
      return FALSE;
    }

  /* The trail seen at @dest_path before is not this one's now, nor are the anchors of
   * backups made after the one restored. */
  rmm_anchor_forget (dest_path);
  {
    g_autoptr(RmmStore) restored = rmm_store_open (dest_path, RMM_STORE_OPEN_EXISTING, NULL);

    if (restored != NULL)
      rmm_store_set_aside_other_anchors (restored);
  }
  if (saved_copy)
    *saved_copy = g_steal_pointer (&saved);
  return TRUE;
}
