/* rmm-preview.c: showing a document before it leaves the room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview window draws pages with poppler, whose libraries (libstdc++, NSS, lcms…)
 * cost 3 MB of memory in every start of the app. Most sessions preview nothing, so the
 * window lives in a module loaded the first time a document is previewed: installed in
 * PKGLIBDIR, or beside the executable in a build tree.
 */
#define G_LOG_DOMAIN "rmm-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "rmm-gui-utils.h"
#include "rmm-preview.h"

typedef void (*ShowFunc) (GtkWindow *parent, RmmPdfDocument *document, const char *file_name);

static char *
module_beside_executable (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = executable ? g_path_get_dirname (executable) : NULL;

  return folder ? g_module_build_path (folder, "rmm-preview") : NULL;
}

static ShowFunc
load_preview (GError **error)
{
  static ShowFunc show;
  g_autofree char *installed = NULL;
  g_autofree char *beside = NULL;
  GModule *module;

  if (show != NULL)
    return show;
  installed = g_module_build_path (PKGLIBDIR, "rmm-preview");
  beside = module_beside_executable ();
  module = g_module_open (beside && g_file_test (beside, G_FILE_TEST_EXISTS) ? beside : installed,
                          G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "rmm_preview_window_show", (gpointer *)&show))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The preview could not be loaded (%s). Reinstall RMM Desk."),
                   g_module_error ());
      return NULL;
    }
  /* Kept for the rest of the session: its window type stays registered. */
  g_module_make_resident (module);
  return show;
}

/**
 * rmm_preview_show:
 * @document: (nullable): the document, or NULL when making it failed with @error
 *
 * Previews @document over @from's window, or says why there is nothing to preview.
 */
void
rmm_preview_show (GtkWidget      *from,
                  RmmPdfDocument *document,
                  const GError   *error,
                  const char     *file_name)
{
  GtkRoot *root = gtk_widget_get_root (from);
  g_autoptr(GError) load_error = NULL;
  ShowFunc show;

  if (document == NULL)
    {
      rmm_show_message (from, _("The Document Could Not Be Made"), error ? error->message : "");
      return;
    }
  if (!(show = load_preview (&load_error)))
    {
      rmm_show_message (from, _("The Document Could Not Be Shown"), load_error->message);
      return;
    }
  show (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document, file_name);
}
