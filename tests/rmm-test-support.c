/* rmm-test-support.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rmm-test-support.h"

/* A new private folder for one test's files. */
char *
rmm_test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("rmm-test-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* The folder and everything in it: databases with their -wal and -shm, CSV files, copies. */
void
rmm_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rmm_test_remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}
