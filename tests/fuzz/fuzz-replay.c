/* fuzz-replay.c: runs a fuzz target over every file of its kept corpus, so the normal suite
 * (built with any compiler, with or without sanitizers) replays what fuzzing found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-TARGET-replay DIR|FILE…
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      guint n = 0;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n += replay (child);
        }
      return n;
    }
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *)data, length);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  if (n == 0)
    {
      g_printerr ("fuzz-replay: no input to replay\n");
      return EXIT_FAILURE;
    }
  g_print ("replayed %u inputs\n", n);
  return EXIT_SUCCESS;
}
