/* rmm-copies.c: the copies a circulation sends (a plan's, a meeting's minutes), and the
 * desktop's mail client that takes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `rmmctl circulate` and the window's Circulate dialogs: the same files, the same
 * subject line, the same mail client, so the two can never send different things.
 */
#define G_LOG_DOMAIN "rmm-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-copies.h"
#include "rmm-dates.h"
#include "rmm-mail-portal.h"

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

/* The minutes' file name: "minutes-ashdown-east-2026-12-08.pdf" (ASCII, for any mail
 * client and the recipient's computer). */
static char *
minutes_file_name (RmmMeeting *meeting)
{
  g_autofree char *area = g_ascii_strdown (rmm_meeting_get_area_name (meeting), -1);

  for (char *c = area; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      *c = '-';
  return g_strdup_printf ("minutes-%s-%s.pdf", area, rmm_meeting_get_meets_on (meeting));
}

static gboolean
write_minutes (RmmStore                  *store,
               RmmCirculation            *circulation,
               const char                *dir,
               const RmmDocumentOptions  *options,
               GHashTable                *files,
               GError                   **error)
{
  g_autoptr(RmmMeeting) meeting = rmm_store_get_meeting (store, circulation->meeting_id, error);
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autofree char *name = NULL;
  char *path;

  if (meeting == NULL)
    return FALSE;
  name = minutes_file_name (meeting);
  path = g_build_filename (dir, name, NULL);
  g_hash_table_insert (files, (gpointer)"minutes", path);
  document = rmm_minutes_document_new (store, circulation->meeting_id, options, error);
  return document != NULL && rmm_pdf_document_write (document, path, error);
}

/* The CSE list as it stood at the end of its day, named: "cse-list-2026-12-02.pdf". */
static gboolean
write_cse_list (RmmStore                  *store,
                RmmCirculation            *circulation,
                const char                *dir,
                const RmmDocumentOptions  *options,
                GHashTable                *files,
                GError                   **error)
{
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autofree char *name = g_strdup_printf ("cse-list-%s.pdf", circulation->list_as_at);
  char *path = g_build_filename (dir, name, NULL);
  GDate day;

  g_hash_table_insert (files, (gpointer)"cse-list", path);
  if (!rmm_date_parse (circulation->list_as_at, &day))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("“%s” is not a date."),
                   circulation->list_as_at);
      return FALSE;
    }
  document = rmm_cse_list_document_new (store, &day, options, error);
  return document != NULL && rmm_pdf_document_write (document, path, error);
}

/* @text as plain lower-case ASCII letters and digits, anything else a space: accents and
 * full-width forms taken off ("Zoë" "ＳＭＩＴＨ" → "zoe" "smith"), letters with no ASCII
 * form transliterated ("Łukasz" → "lukasz"), character by character (never byte by byte). */
static char *
plain_letters (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (bare, g_utf8_get_char (p));
  ascii = g_str_to_ascii (bare->str, "C");
  for (char *c = ascii; *c != '\0'; c++)
    *c = g_ascii_isalnum (*c) ? g_ascii_tolower (*c) : ' ';
  return g_steal_pointer (&ascii);
}

/* Whether a part of the child's name of 3 letters or more is in their reference, as an
 * agency may write one ("SMITH-J-2011", "S.M.I.T.H-11", "ZOE-ABC" for Zoë). */
static gboolean
reference_names_child (const RmmChildRecord *child)
{
  g_autofree char *spaced = plain_letters (child->reference);
  g_auto(GStrv) pieces = g_strsplit (spaced, " ", -1);
  g_autofree char *reference = g_strjoinv ("", pieces);
  const char *names[] = { child->first_name, child->last_name };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = plain_letters (names[i]);
      g_auto(GStrv) parts = g_strsplit (name, " ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (strlen (parts[j]) >= 3 && strstr (reference, parts[j]) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* The child as a subject line and a file name name them: by their reference, never by name
 * (a subject line travels further than the attachment) — and by RMM Desk's own number when
 * the reference itself carries their name. */
static char *
child_label (const RmmChildRecord *child,
             gint64                child_id)
{
  if (reference_names_child (child))
    return g_strdup_printf ("RMM-%" G_GINT64_FORMAT, child_id);
  return g_strdup (child->reference);
}

static gboolean
write_plans (RmmStore                  *store,
             RmmCirculation            *circulation,
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
  g_autoptr(RmmChildRecord) child = rmm_store_get_child_record (store, circulation->child_id,
                                                                error);
  g_autofree char *stem = NULL;

  if (child == NULL)
    return FALSE;
  /* A reference as an agency writes it ("ASH/2026/17", even "../x") names one file in
   * @dir, never a folder. */
  g_strcanon (stem = child_label (child, circulation->child_id),
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '-');
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr(RmmPdfDocument) document = NULL;
      g_autofree char *name = NULL;
      char *path;

      if (!needs_copy (circulation, copies[i].document))
        continue;
      name = g_strdup_printf ("%s-plan-v%u-%s.pdf", stem, circulation->version,
                              copies[i].suffix);
      path = g_build_filename (dir, name, NULL);
      g_hash_table_insert (files, (gpointer)copies[i].document, path);
      document = rmm_safety_plan_document_new (store, circulation->child_id, copies[i].audience,
                                               options, error);
      if (document == NULL || !rmm_pdf_document_write (document, path, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rmm_copies_write:
 * @files: (element-type utf8 filename): filled with each copy's absolute path, by document
 *   ("professional-plan", "family-plan", "minutes", "cse-list"); static keys, the paths
 *   owned by the table
 *
 * Writes the PDF of each copy some recipient of @circulation gets, in @dir (made 0600 by the
 * document engine): "CH-1042-plan-v3-family.pdf", "minutes-ashdown-east-2026-12-08.pdf",
 * "cse-list-2026-12-02.pdf".
 */
gboolean
rmm_copies_write (RmmStore                  *store,
                  RmmCirculation            *circulation,
                  const char                *dir,
                  const RmmDocumentOptions  *options,
                  GHashTable                *files,
                  GError                   **error)
{
  /* Absolute: the mail client resolves the attachment from its own directory. */
  g_autofree char *absolute_dir = g_canonicalize_filename (dir, NULL);

  if (circulation->list_as_at != NULL)
    return write_cse_list (store, circulation, absolute_dir, options, files, error);
  if (circulation->meeting_id != 0)
    return write_minutes (store, circulation, absolute_dir, options, files, error);
  return write_plans (store, circulation, absolute_dir, options, files, error);
}

/**
 * rmm_copies_subject:
 *
 * The emails' subject line: the child by reference, never by name (a subject line travels
 * further than the attachment; a reference that carries the child's name gives way to RMM
 * Desk's own number); the meeting by area and day; the CSE list by its day.
 *
 * Returns: (transfer full): the subject, or %NULL with @error
 */
char *
rmm_copies_subject (RmmStore        *store,
                    RmmCirculation  *circulation,
                    GError         **error)
{
  g_autoptr(RmmChildRecord) child = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autofree char *day = NULL;

  if (circulation->list_as_at != NULL)
    {
      day = rmm_date_format_uk (circulation->list_as_at, "%-d %B %Y");
      return g_strdup_printf (_("County-wide CSE list as of %s"), day);
    }
  if (circulation->meeting_id == 0)
    {
      g_autofree char *label = NULL;

      if (!(child = rmm_store_get_child_record (store, circulation->child_id, error)))
        return NULL;
      label = child_label (child, circulation->child_id);
      return g_strdup_printf (_("CSE safety plan %s, version %u"), label, circulation->version);
    }
  if (!(meeting = rmm_store_get_meeting (store, circulation->meeting_id, error)))
    return NULL;
  day = rmm_date_format_uk (rmm_meeting_get_meets_on (meeting), "%-d %B %Y");
  return g_strdup_printf (_("Minutes of the CSE Risk Management Meeting, %s, %s"),
                          rmm_meeting_get_area_name (meeting), day);
}

/**
 * rmm_copies_make_folder:
 *
 * A new folder, private to the user (0700), for the copies the window sends: in the user's
 * cache, where the mail client can still read them once RMM Desk is closed.
 *
 * Returns: (transfer full): its path, or %NULL with @error
 */
char *
rmm_copies_make_folder (GError **error)
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

/* The mail client's arguments for one copy: the attachment, the subject, the address. */
GStrv
rmm_copies_email_command (const RmmRecipient *recipient,
                          const char         *file,
                          const char         *subject)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  g_strv_builder_add_many (argv, MAIL_CLIENT, "--utf8", "--subject", subject, "--attach", file,
                           recipient->recipient, NULL);
  return g_strv_builder_end (argv);
}

/* Whether there is a mail client to take the copies: the desktop's email portal where it is
 * chosen (rmm_mail_portal_is_chosen ()), xdg-email anywhere else. */
gboolean
rmm_mail_client_is_installed (void)
{
  g_autofree char *path = NULL;

  if (rmm_mail_portal_is_chosen ())
    return rmm_mail_portal_is_available ();
  path = g_find_program_in_path (MAIL_CLIENT);
  return path != NULL;
}

/* Why there is none, in a few words: "xdg-email, from xdg-utils, is not installed". */
const char *
rmm_mail_client_why_missing (void)
{
  return rmm_mail_portal_is_chosen ()
         ? _("the desktop’s email portal does not answer")
         : _("xdg-email, from xdg-utils, is not installed");
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

/* One email copy to the mail client: through the email portal where it is chosen, else
 * xdg-email. */
static gboolean
hand_over_one (const RmmRecipient  *recipient,
               const char          *file,
               const char          *subject,
               GError             **error)
{
  g_auto(GStrv) command = NULL;

  if (rmm_mail_portal_is_chosen ())
    return rmm_mail_portal_compose (recipient->recipient, subject, file, error);
  command = rmm_copies_email_command (recipient, file, subject);
  return rmm_mail_client_send (command, error);
}

/**
 * rmm_copies_hand_over:
 * @files: the copies rmm_copies_write () made
 *
 * Hands each email copy of @circulation to the mail client (through the email portal where
 * it is chosen, or xdg-email), in order; the first it does not take stops the rest, and says
 * which (those before it may be open in the mail client).
 */
gboolean
rmm_copies_hand_over (RmmCirculation  *circulation,
                      GHashTable      *files,
                      const char      *subject,
                      GError         **error)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      const RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);
      g_autoptr(GError) local_error = NULL;

      if (!g_str_equal (recipient->channel, "email"))
        continue;
      if (!hand_over_one (recipient, g_hash_table_lookup (files, recipient->document), subject,
                          &local_error))
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
