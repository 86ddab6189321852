/* rmm-db-file.c: the database file itself, before and around SQLite: its header checked
 * before SQLite is let near it, created private, its WAL kept private, and the files this
 * process has open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rmm-db-private.h"
#include "rmm-error.h"

#define SQLITE_HEADER "SQLite format 3"

/* The files this process has open through SQLite, "device:inode" → how many connections.
 * Reading a header through an fd of our own and closing it drops every POSIX lock the
 * process holds on that file (close(2) drops them all): another program's SQLite then
 * believes it is the file's last user and deletes the WAL the open connection still
 * writes to, and everything saved from then on is lost. So a second connection to a file
 * already open here (the background check, a backup) trusts the first one's check. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;

static char *
file_key_of (const GStatBuf *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64)st->st_dev,
                          (guint64)st->st_ino);
}

static gboolean
is_open_here (const GStatBuf *st)
{
  g_autofree char *key = file_key_of (st);
  gboolean open;

  G_LOCK (open_files);
  open = open_files != NULL && g_hash_table_contains (open_files, key);
  G_UNLOCK (open_files);
  return open;
}

/* A connection to @path opened: its key in the registry, for rmm_db_file_unregister(). */
char *
rmm_db_file_register (const char *path)
{
  GStatBuf st;
  char *key;
  guint count;

  if (g_stat (path, &st) != 0)
    return NULL;
  key = file_key_of (&st);
  G_LOCK (open_files);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key));
  g_hash_table_insert (open_files, g_strdup (key), GUINT_TO_POINTER (count + 1));
  G_UNLOCK (open_files);
  return key;
}

/* The connection registered as @key (taken) closed. */
void
rmm_db_file_unregister (char *key)
{
  guint count;

  if (key == NULL)
    return;
  G_LOCK (open_files);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key));
  if (count > 1)
    g_hash_table_insert (open_files, g_strdup (key), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (open_files, key);
  G_UNLOCK (open_files);
  g_free (key);
}

/* The in-header page count is valid when the change counter matches the version-valid-for
 * field; a file shorter than that many pages has been truncated. */
static gboolean
header_says_truncated (const guint8 *header,
                       goffset       file_size)
{
  guint32 page_size = (header[16] << 8) | header[17];
  guint32 n_pages = GUINT32_FROM_BE (*(guint32 *)(header + 28));
  guint32 change_counter = GUINT32_FROM_BE (*(guint32 *)(header + 24));
  guint32 valid_for = GUINT32_FROM_BE (*(guint32 *)(header + 92));

  if (page_size == 1)
    page_size = 65536;
  if (change_counter != valid_for || n_pages == 0)
    return FALSE;
  return (goffset)page_size * n_pages > file_size;
}

/* Frames in the WAL beside @path: pages of the database that may not be in the file yet. */
static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* Look at an existing file before SQLite touches it: SQLite would happily turn an empty or
 * foreign file into a new database, and we must never write into what we cannot read. Only
 * what is certain is judged here; the rest is SQLite's to say (rmm_db_quick_check()). */
gboolean
rmm_db_check_header (const char  *path,
                     GError     **error)
{
  guint8 header[100] = { 0 };
  GStatBuf st;
  gssize n_read;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IS_FOLDER,
                   _("“%s” is a folder, not a database file."), path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_EMPTY_FILE,
                   _("“%s” is empty: it may have been truncated. Remove it to start a new "
                     "database."), path);
      return FALSE;
    }

  /* Already open here: checked when it was first opened, and never to be opened again
   * beside SQLite (see open_files). */
  if (is_open_here (&st))
    return TRUE;
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("RMM Desk cannot read “%s” (%s). Check the file’s permissions."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read < (gssize)sizeof header || memcmp (header, SQLITE_HEADER, 16) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE,
                   _("“%s” is not an RMM Desk database (it is not an SQLite file, or it is "
                     "damaged)."), path);
      return FALSE;
    }
  /* A checkpoint cut short leaves the file shorter than its header says, with the missing
   * pages still in the WAL: healthy once SQLite reads the WAL. Without one, it was cut. */
  if (header_says_truncated (header, st.st_size) && !wal_has_frames (path))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE,
                   _("“%s” is damaged: the file is shorter than its own header says, so it "
                     "was probably truncated."), path);
      return FALSE;
    }
  return TRUE;
}

/* A file RMM Desk is to write: as the process acts (its effective user), not as whoever
 * started it. */
gboolean
rmm_db_file_check_writable (const char  *path,
                            GError     **error)
{
  if (faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) == 0)
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
               _("RMM Desk cannot write to “%s”: the file is read-only. Check the file’s "
                 "permissions, or open it read-only to read it."), path);
  return FALSE;
}

/* Whether the file's header marks it as another program's (an application id not RMM
 * Desk's "RMMD"; an unmarked file may be ours: a dump read back, an early copy). */
static gboolean
is_marked_foreign (const char *path)
{
  guint8 id[4] = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean foreign;

  if (fd < 0)
    return FALSE;
  foreign = pread (fd, id, sizeof id, 68) == sizeof id &&
            memcmp (id, "RMMD", 4) != 0 && memcmp (id, "\0\0\0\0", 4) != 0;
  close (fd);
  return foreign;
}

/* A database in use must be private to its user: it holds children's details. A file that
 * does not exist yet is made so (rmm_db_file_create_private()); a file marked as another
 * program's is for the checks after this one to name. One already open here was judged when
 * it was first opened (and is never opened again beside SQLite: see open_files). */
gboolean
rmm_db_file_check_private (const char  *path,
                           GError     **error)
{
  g_autofree char *quoted = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (st.st_mode & 077) == 0 ||
      is_open_here (&st) || is_marked_foreign (path))
    return TRUE;
  quoted = g_shell_quote (path);
  g_set_error (error, RMM_ERROR, RMM_ERROR_EXPOSED,
               _("Other users of this computer can read or change “%s”, and a database of "
                 "children’s details must be private: make it so with “chmod 600 %s”, or "
                 "open it read-only to read a copy."), path, quoted);
  return FALSE;
}

gboolean
rmm_db_file_create_private (const char  *path,
                            GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NO_FOLDER,
                   _("The folder “%s” does not exist. Create it first, or choose another "
                     "place for the database."), folder);
      return FALSE;
    }

  /* 0600 from the first byte: the file holds children's details. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, RMM_ERROR,
                   saved_errno == EEXIST ? RMM_ERROR_EXISTS : RMM_ERROR_READ_ONLY,
                   _("Could not create “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* SQLite makes the WAL and its index with the database file's permissions: a file left
 * readable by others must not spread to them. */
void
rmm_db_file_make_companions_private (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  /* SQLite makes them beside the file itself, not beside a link to it. */
  g_autofree char *real = realpath (path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (real ? real : path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (companion, &st) == 0 && (st.st_mode & 077) != 0)
        g_chmod (companion, st.st_mode & 0700);
    }
}
