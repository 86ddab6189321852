/* rmm-plan-copies.c: the copies of a plan a circulation sends, and the desktop's mail client
 * that takes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `rmmctl circulate` and the window's Circulate dialog: the same files, the same
 * subject line, the same mail client, so the two can never send different things.
 */
#define G_LOG_DOMAIN "rmm-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "rmm-error.h"
#include "rmm-plan-copies.h"

#define MAIL_CLIENT "xdg-email"

static gboolean
needs_copy (RmmCirculation *circulation,
            const char     *document)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    if (g_str_equal (((RmmRecipient *)g_ptr_array_index (circulation->recipients, i))->document,
                     document))
      return TRUE;
  return FALSE;
}

/**
 * rmm_plan_copies_write:
 * @files: (element-type utf8 filename): filled with each copy's absolute path, by document
 *   ("professional-plan", "family-plan"); static keys, the paths owned by the table
 *
 * Writes the PDF of each copy some recipient of @circulation gets, as
 * "CH-1042-plan-v3-family.pdf" in @dir (made 0600 by the document engine).
 */
gboolean
rmm_plan_copies_write (RmmStore                  *store,
                       RmmCirculation            *circulation,
                       const char                *reference,
                       const char                *dir,
                       const RmmDocumentOptions  *options,
                       GHashTable                *files,
                       GError                   **error)
{
  static const struct {
    const char *document;
    RmmPlanAudience audience;
    const char *suffix;
  } copies[] = {
    { "professional-plan", RMM_PLAN_AUDIENCE_PROFESSIONAL, "professional" },
    { "family-plan", RMM_PLAN_AUDIENCE_FAMILY, "family" },
  };
  /* Absolute: the mail client resolves the attachment from its own directory. */
  g_autofree char *absolute_dir = g_canonicalize_filename (dir, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr(RmmPdfDocument) document = NULL;
      g_autofree char *name = NULL;
      char *path;

      if (!needs_copy (circulation, copies[i].document))
        continue;
      name = g_strdup_printf ("%s-plan-v%u-%s.pdf", reference, circulation->version,
                              copies[i].suffix);
      path = g_build_filename (absolute_dir, name, NULL);
      g_hash_table_insert (files, (gpointer)copies[i].document, path);
      document = rmm_safety_plan_document_new (store, circulation->child_id, copies[i].audience,
                                               options, error);
      if (document == NULL || !rmm_pdf_document_write (document, path, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rmm_plan_copies_make_folder:
 *
 * A new folder, private to the user (0700), for the copies the window sends: in the user's
 * cache, where the mail client can still read them once RMM Desk is closed.
 *
 * Returns: (transfer full): its path, or %NULL with @error
 */
char *
rmm_plan_copies_make_folder (GError **error)
{
  g_autofree char *parent = g_build_filename (g_get_user_cache_dir (), "rmm-desk",
                                              "circulated", NULL);
  g_autofree char *template = g_build_filename (parent, "copies-XXXXXX", NULL);

  if (g_mkdir_with_parents (parent, 0700) != 0 || g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("No folder could be made for the copies in %s: %s."), parent,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&template);
}

/* The mail client's arguments for one copy: the attachment, a subject with the child's
 * reference (never their name: a subject line travels further than the attachment), the
 * address. */
GStrv
rmm_plan_copies_email_command (const RmmRecipient *recipient,
                               const char         *file,
                               const char         *reference,
                               guint               version)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_autofree char *subject = g_strdup_printf (_("CSE safety plan %s, version %u"), reference,
                                              version);

  g_strv_builder_add_many (argv, MAIL_CLIENT, "--utf8", "--subject", subject, "--attach", file,
                           recipient->recipient, NULL);
  return g_strv_builder_end (argv);
}

gboolean
rmm_mail_client_is_installed (void)
{
  g_autofree char *path = g_find_program_in_path (MAIL_CLIENT);

  return path != NULL;
}

gboolean
rmm_mail_client_send (GStrv    command,
                      GError **error)
{
  int wait_status = 0;

  return g_spawn_sync (NULL, command, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, error) &&
         g_spawn_check_wait_status (wait_status, error);
}

/**
 * rmm_plan_copies_hand_over:
 * @files: the copies rmm_plan_copies_write () made
 *
 * Hands each email copy of @circulation to the mail client, in order; the first it does not
 * take stops the rest, and says which (those before it may be open in the mail client).
 */
gboolean
rmm_plan_copies_hand_over (RmmCirculation  *circulation,
                           GHashTable      *files,
                           const char      *reference,
                           GError         **error)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      const RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);
      g_auto(GStrv) command = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_str_equal (recipient->channel, "email"))
        continue;
      command = rmm_plan_copies_email_command (recipient,
                                               g_hash_table_lookup (files, recipient->document),
                                               reference, circulation->version);
      if (!rmm_mail_client_send (command, &local_error))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                       _("The mail client did not take the copy for %s (%s): nothing was "
                         "recorded. Those before it may be open in the mail client; close "
                         "them unsent, and circulate again."),
                       recipient->recipient, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}
