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
#include "rmm-store-private.h"

/* The folder the automatic backups of this database go to. */
char *
rmm_store_get_backup_folder (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return g_strconcat (rmm_store_get_path (self), ".backups", NULL);
}

static char *
backup_prefix (RmmStore *self)
{
  g_autofree char *base = g_path_get_basename (rmm_store_get_path (self));
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

/* The automatic backups there are, oldest first (full paths). */
GPtrArray *
rmm_store_list_backups (RmmStore  *self,
                        GError   **error)
{
  g_autofree char *folder = rmm_store_get_backup_folder (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  GError *local_error = NULL;
  const char *name;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

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

/* Older than a day, or none yet: time for the daily backup. */
gboolean
rmm_store_backup_is_due (RmmStore *self)
{
  g_autoptr(GPtrArray) backups = rmm_store_list_backups (self, NULL);
  GStatBuf buf;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (backups == NULL || backups->len == 0)
    return TRUE;
  if (g_stat (g_ptr_array_index (backups, backups->len - 1), &buf) != 0)
    return TRUE;
  return g_get_real_time () / G_USEC_PER_SEC - buf.st_mtime >= 24 * 60 * 60;
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
  g_autofree char *folder = rmm_store_get_backup_folder (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S%fZ");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (why != NULL && keep > 0, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not make the backups folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }
  name = g_strdup_printf ("%s%s-%s.sqlite", prefix, stamp, why);
  path = g_build_filename (folder, name, NULL);
  if (!rmm_store_backup (self, path, error))
    return NULL;

  /* Rotate: a failure to delete an old backup loses nothing, so it is not an error. */
  if ((backups = rmm_store_list_backups (self, NULL)) != NULL)
    for (guint i = 0; i + keep < backups->len; i++)
      g_unlink (g_ptr_array_index (backups, i));
  return g_steal_pointer (&path);
}
