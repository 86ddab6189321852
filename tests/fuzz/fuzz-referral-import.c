/* fuzz-referral-import.c: a referrals CSV checked against a database, as the import's first
 * step does before anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "rmm-referral-import.h"
#include "rmm-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;

static void
remove_folder (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (folder, "/fuzz.sqlite", suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* One small database for every input: reading never writes to it. */
static RmmStore *
get_store (void)
{
  static RmmStore *store;

  if (store == NULL)
    {
      g_autofree char *path = NULL;
      RmmChildInput child = {
        .reference = "FZ-0001", .first_name = "Robin", .last_name = "Testchild",
        .date_of_birth = "2011-03-04",
      };

      folder = g_dir_make_tmp ("rmm-fuzz-XXXXXX", NULL);
      path = g_build_filename (folder, "fuzz.sqlite", NULL);
      atexit (remove_folder);
      store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, NULL);
      g_assert (store != NULL);
      child.area_id = rmm_store_add_area (store, "Testshire North", "surrey-3-level", NULL);
      rmm_store_add_agency (store, "Testshire Academy", "education", NULL);
      g_assert (rmm_store_add_child (store, &child, NULL) > 0);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (get_store (), "fuzz.csv");

  rmm_referral_import_read (import, (const char *)data, size, NULL);
  for (guint i = 0; i < rmm_referral_import_get_n_rows (import); i++)
    g_assert (rmm_referral_import_get_row (import, i) != NULL);
  return 0;
}
