/* rmm-mail-portal.c: an email with its attachment through the desktop's email portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a sandbox (Flatpak) RMM Desk cannot start the desktop's mail client itself, and
 * xdg-email would find none: the portal's Email request (org.freedesktop.portal.Email)
 * opens the user's mail client outside, the PDF handed over as an open file rather than a
 * path the client could not read. RMM_DESK_MAIL=portal chooses it outside a sandbox too;
 * RMM_DESK_MAIL=xdg-email never.
 */
#define G_LOG_DOMAIN "rmm-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rmm-error.h"
#include "rmm-mail-portal.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE    "org.freedesktop.portal.Email"
/* The portal opens the mail client and answers: a person is not waiting on it. */
#define CALL_TIMEOUT_MS    30000

/* Whether emails go through the portal: in a Flatpak sandbox, or when chosen. */
gboolean
rmm_mail_portal_is_chosen (void)
{
  const char *chosen = g_getenv ("RMM_DESK_MAIL");

  if (chosen != NULL && g_str_equal (chosen, "portal"))
    return TRUE;
  if (chosen != NULL && g_str_equal (chosen, "xdg-email"))
    return FALSE;
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* Whether the session has an email portal to take the copies: its version read. */
gboolean
rmm_mail_portal_is_available (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", EMAIL_INTERFACE, "version"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                                       CALL_TIMEOUT_MS, NULL, NULL);
  return reply != NULL;
}

/**
 * rmm_mail_portal_compose:
 * @file: the PDF to attach
 *
 * Asks the portal for an email to @address with @subject and @file attached, which opens
 * in the user's mail client for them to send.
 *
 * Returns: %TRUE when the portal took it; %FALSE with @error (no session, no portal, the
 *   file unreadable)
 */
gboolean
rmm_mail_portal_compose (const char  *address,
                         const char  *subject,
                         const char  *file,
                         GError     **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder options;
  int fd, index;

  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error)))
    return FALSE;
  if ((fd = g_open (file, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("%s cannot be attached: %s."), file,
                   g_strerror (saved));
      return FALSE;
    }
  index = g_unix_fd_list_append (fds, fd, error);
  g_close (fd, NULL);
  if (index < 0)
    return FALSE;
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "address", g_variant_new_string (address));
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (subject));
  g_variant_builder_add (&options, "{sv}", "attachment_fds",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_HANDLE, &index, 1,
                                                    sizeof (gint32)));
  reply = g_dbus_connection_call_with_unix_fd_list_sync (bus, PORTAL_BUS_NAME,
                                                         PORTAL_OBJECT_PATH, EMAIL_INTERFACE,
                                                         "ComposeEmail",
                                                         g_variant_new ("(sa{sv})", "",
                                                                        &options),
                                                         G_VARIANT_TYPE ("(o)"),
                                                         G_DBUS_CALL_FLAGS_NONE,
                                                         CALL_TIMEOUT_MS, fds, NULL, NULL,
                                                         error);
  return reply != NULL;
}
