/* rmm-server-dialog.c: Connect to Server: the county's shared database instead of this
 * computer's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's address, database and login, filled in from settings; a password only if the
 * server asks for one (~/.pgpass, a service file and the keyring are tried first). Connecting
 * runs in a worker thread, so the window never freezes on a server that does not answer.
 * Once it worked, the address is kept in settings and a typed password in the keyring, and
 * ::connected hands the open store over; otherwise the form stays as typed, with why.
 */
#define G_LOG_DOMAIN "rmm-server-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-server-dialog.h"
#include "rmm-server-login.h"
#include "rmm-store.h"

struct _RmmServerDialog
{
  AdwWindow     parent_instance;

  GSettings    *settings;
  GtkWidget    *connect_button;
  GtkSpinner   *spinner;
  AdwEntryRow  *address_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *login_row;
  AdwEntryRow  *password_row;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (RmmServerDialog, rmm_server_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  RmmServerLogin *login;
  char           *password;   /* as typed; NULL when none was */
} Attempt;

static void
attempt_free (gpointer data)
{
  Attempt *attempt = data;

  rmm_server_login_free (attempt->login);
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Attempt *attempt = data;
  g_autofree char *kept = attempt->password ? NULL
                                            : rmm_server_login_lookup_password (attempt->login);
  g_autofree char *conninfo = rmm_server_login_to_conninfo (attempt->login,
                                                            attempt->password ? attempt->password
                                                                              : kept);
  GError *error = NULL;
  RmmStore *store = rmm_store_open (conninfo, RMM_STORE_OPEN_EXISTING, &error);

  if (kept != NULL)
    memset (kept, 0, strlen (kept));
  memset (conninfo, 0, strlen (conninfo));
  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
set_busy (RmmServerDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.connect", !busy);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RmmServerDialog *self = RMM_SERVER_DIALOG (source);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (store == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      /* The login refused: the password is what to type next. */
      if (g_error_matches (error, RMM_ERROR, RMM_ERROR_READ_ONLY))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (self->settings != NULL)
    rmm_server_login_save (attempt->login, self->settings);
  if (attempt->password != NULL)
    rmm_server_login_store_password (attempt->login, attempt->password);
  g_signal_emit (self, signals[CONNECTED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_to_server (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  RmmServerDialog *self = RMM_SERVER_DIALOG (widget);
  g_autoptr(GTask) task = g_task_new (self, NULL, on_connected, NULL);
  Attempt *attempt = g_new0 (Attempt, 1);
  const char *password = text_of (self->password_row);

  attempt->login = rmm_server_login_new (text_of (self->address_row), text_of (self->database_row),
                                         text_of (self->login_row));
  attempt->password = *password ? g_strdup (password) : NULL;
  g_task_set_task_data (task, attempt, attempt_free);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, connect_in_thread);
}

/* Enter in any field connects, as the default button would. */
static void
on_row_activated (RmmServerDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "server.connect", NULL);
}

static void
rmm_server_dialog_dispose (GObject *object)
{
  RmmServerDialog *self = RMM_SERVER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_SERVER_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rmm_server_dialog_parent_class)->dispose (object);
}

static void
rmm_server_dialog_class_init (RmmServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_server_dialog_dispose;

  /**
   * RmmServerDialog::connected:
   * @store: the server's database, open
   *
   * The connection worked: the address is kept for the next start.
   */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, RMM_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, RmmServerDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_install_action (widget_class, "server.connect", NULL, connect_to_server);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_server_dialog_init (RmmServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Filled in from @settings (the last server used), if there are settings. */
RmmServerDialog *
rmm_server_dialog_new (GtkWindow *parent,
                       GSettings *settings)
{
  RmmServerDialog *self = g_object_new (RMM_TYPE_SERVER_DIALOG, "transient-for", parent, NULL);
  g_autoptr(RmmServerLogin) login = NULL;

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      login = rmm_server_login_from_settings (settings);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), login->address);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), login->database);
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), login->login);
    }
  if (*text_of (self->database_row) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), "rmm");
  if (*text_of (self->login_row) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->login_row), g_get_user_name ());
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
  return self;
}
