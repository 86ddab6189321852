/* main.c: rmm-desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "rmm-application.h"
#include "rmm-document-language.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(RmmApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* The build tree's catalogues when run from it (build-aux/run, the tests). */
  bindtextdomain (GETTEXT_PACKAGE, rmm_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A file-size limit reached while writing (ulimit -f) must fail the write, which then
   * says so and removes what it began, not kill the process and leave a partial file. */
  signal (SIGXFSZ, SIG_IGN);

  app = rmm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
