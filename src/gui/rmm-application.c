/* rmm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rmm-application.h"
#include "rmm-demo.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-server-dialog.h"
#include "rmm-server-login.h"
#include "rmm-shortcuts.h"
#include "rmm-store.h"
#include "rmm-unsaved-guard.h"
#include "rmm-window.h"

struct _RmmApplication
{
  AdwApplication  parent_instance;

  char           *database;   /* --database PATH */
  char           *import;     /* --import-referrals FILE */
  gboolean        demo;       /* --demo */
  gboolean        read_only;  /* --read-only, or chosen when the file was refused */
  GtkWindow      *wait_dialog;     /* while another RMM Desk holds the write lock */
  gboolean        wait_cancelled;  /* the chair chose to stop waiting */
};

G_DEFINE_FINAL_TYPE (RmmApplication, rmm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file (created if it does not exist)"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database of fictitious people (made on first use)"), NULL },
  { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the database file as a copy to read: nothing can be changed in it"), NULL },
  { "import-referrals", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the import dialog on this referrals CSV file"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
rmm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  RmmApplication *self = RMM_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rmm-desk %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  g_variant_dict_lookup (options, "import-referrals", "^ay", &self->import);
  self->demo = g_variant_dict_contains (options, "demo");
  self->read_only = g_variant_dict_contains (options, "read-only");
  if (self->read_only && self->database == NULL)
    {
      g_printerr (_("rmm-desk: --read-only needs --database: the file to read\n"));
      return EXIT_FAILURE;
    }
  if (self->demo && self->database != NULL)
    {
      g_printerr (_("rmm-desk: --demo and --database cannot be used together\n"));
      return EXIT_FAILURE;
    }
  return -1;
}

/* The shared server chosen with Connect to Server, if one was: the next start opens it. */
static gboolean
uses_server (RmmApplication *self)
{
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();

  return self->database == NULL && !self->demo && settings != NULL &&
         g_settings_get_boolean (settings, "use-server");
}

static RmmStore *
open_server (GError **error)
{
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();
  g_autoptr(RmmServerLogin) login = rmm_server_login_from_settings (settings);
  g_autofree char *password = rmm_server_login_lookup_password (login);
  g_autofree char *conninfo = rmm_server_login_to_conninfo (login, password);

  return rmm_store_open (conninfo, RMM_STORE_OPEN_EXISTING, error);
}

/* The database on this computer, the user's own (made on first use, as its folder). */
static RmmStore *
open_own (GError **error)
{
  g_autofree char *path = rmm_store_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  return rmm_store_open (path, RMM_STORE_OPEN_CREATE | RMM_STORE_OPEN_CHECK_IN_BACKGROUND,
                         error);
}

/* The demo database lives beside the user's own and is made once, on first use. */
static RmmStore *
open_store (RmmApplication  *self,
            GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  /* The window reads at once; SQLite's check of the whole file runs beside it. */
  if (self->database != NULL)
    return rmm_store_open (self->database,
                           (self->read_only ? RMM_STORE_OPEN_READ_ONLY : RMM_STORE_OPEN_CREATE) |
                           RMM_STORE_OPEN_CHECK_IN_BACKGROUND, error);
  if (uses_server (self))
    return open_server (error);

  path = self->demo ? rmm_store_default_demo_path () : rmm_store_default_path ();
  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);

  if (self->demo && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      RmmDemoOptions options;

      rmm_demo_options_init (&options);
      return rmm_demo_create (path, &options, FALSE, error);
    }
  return rmm_store_open (path, RMM_STORE_OPEN_CREATE | RMM_STORE_OPEN_CHECK_IN_BACKGROUND,
                         error);
}

static void show_window     (RmmApplication *self,
                             RmmStore       *store);
static void show_open_error (RmmApplication *self,
                             const GError   *error);

/* No longer the shared server at start: the database on this computer, from now on. */
static void
use_own_database (RmmApplication *self)
{
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    g_settings_set_boolean (settings, "use-server", FALSE);
  if (!(store = open_own (&error)))
    {
      show_open_error (self, error);
      return;
    }
  show_window (self, store);
}

/* The file others can read, opened after all: as a copy to read, nothing written to it. */
static void
open_read_only (RmmApplication *self,
                const char     *path)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rmm_store_open (path, RMM_STORE_OPEN_READ_ONLY | RMM_STORE_OPEN_CHECK_IN_BACKGROUND,
                          &error);
  if (store == NULL)
    {
      show_open_error (self, error);
      return;
    }
  show_window (self, store);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RmmApplication   *self)
{
  if (g_str_equal (response, "own"))
    use_own_database (self);
  else if (g_str_equal (response, "read-only"))
    open_read_only (self, g_object_get_data (G_OBJECT (dialog), "path"));
  else
    g_application_quit (G_APPLICATION (self));
}

/* Nothing to show without a database: say exactly what is wrong, then quit; or, when it is
 * the shared server that cannot be opened, go on with this computer's database instead. */
static void
show_open_error (RmmApplication *self,
                 const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"),
                                              error->message);

  if (uses_server (self))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "own",
                                     _("Use This Computer’s Database"));
  /* A file others can read is not used, but may be read as a copy: the chair's choice. */
  if (g_error_matches (error, RMM_ERROR, RMM_ERROR_EXPOSED))
    {
      g_autofree char *path = self->database ? g_strdup (self->database)
                              : self->demo ? rmm_store_default_demo_path ()
                                           : rmm_store_default_path ();

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                       _("Open Read-Only"));
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
    }
  /* No mnemonic: libadwaita 1.2 puts the raw "_" into the button's accessible name. */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_first_paint (GdkFrameClock  *clock,
                RmmApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_mapped (GtkWidget      *window,
                  RmmApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

/* For tests/bench: RMM_DESK_EXIT_AFTER_FIRST_FRAME=1 quits once the window has drawn,
 * so start-up can be timed from outside. */
static void
exit_after_first_frame (RmmApplication *self,
                        GtkWindow      *window)
{
  if (g_strcmp0 (g_getenv ("RMM_DESK_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped), self, 0);
}

/* The import dialog opens once the main window is on screen, so it stacks above it. */
static void
on_window_mapped_import (GtkWidget      *window,
                         RmmApplication *self)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->import);

  g_signal_handlers_disconnect_by_func (window, on_window_mapped_import, self);
  rmm_window_import_file (RMM_WINDOW (window), file);
}

static void
on_wait_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RmmApplication   *self)
{
  self->wait_cancelled = TRUE;
}

static void
show_wait_dialog (RmmApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Waiting for Another RMM Desk"),
                                              _("Another RMM Desk is saving to this database, "
                                                "an import perhaps. This change will be saved "
                                                "as soon as it has finished."));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "stop", _("Stop Waiting"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "stop");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_wait_response), self, 0);
  self->wait_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->wait_dialog);
  gtk_window_present (self->wait_dialog);
}

/* Called by the store from 1 s into a wait for another process's write lock: says so in a
 * dialog the chair can answer ("Stop Waiting"), and keeps the windows drawing meanwhile. The
 * store calls this between its tries, outside any SQLite call. */
static gboolean
wait_for_other_writer (RmmStore *store,
                       gint64    waited_us,
                       gpointer  data)
{
  RmmApplication *self = data;
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  if (waited_us < 0)
    {
      if (self->wait_dialog != NULL)
        gtk_window_destroy (self->wait_dialog);
      self->wait_cancelled = FALSE;
      return FALSE;
    }
  if (self->wait_dialog == NULL && !self->wait_cancelled)
    show_wait_dialog (self);
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  return !self->wait_cancelled;
}

static void
rmm_application_activate (GApplication *app)
{
  RmmApplication *self = RMM_APPLICATION (app);
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!(store = open_store (self, &error)))
    {
      show_open_error (self, error);
      return;
    }
  show_window (self, store);
}

static void
show_window (RmmApplication *self,
             RmmStore       *store)
{
  GtkWindow *window;

  rmm_store_set_wait_func (store, wait_for_other_writer, self, NULL);
  window = GTK_WINDOW (rmm_window_new (self, store));
  exit_after_first_frame (self, window);
  if (self->import != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped_import), self,
                             G_CONNECT_AFTER);
  gtk_window_present (window);
}

/* Text on a level's colour must stay readable: dark text on light colours, white on dark. */
static const char *
text_colour_for (const char *background)
{
  GdkRGBA rgba;
  double luminance;

  if (!gdk_rgba_parse (&rgba, background))
    return "inherit";
  luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
  return luminance > 0.55 ? "rgba(0,0,0,0.85)" : "#ffffff";
}

/* Each framework level's colour as a style class: the frameworks are data, so are their
 * colours. */
static void
install_rating_styles (void)
{
  g_autoptr(GPtrArray) frameworks = rmm_framework_list_all ();
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  for (guint f = 0; f < frameworks->len; f++)
    {
      RmmFramework *framework = g_ptr_array_index (frameworks, f);

      for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
        {
          const RmmRiskLevel *level = rmm_framework_get_level (framework, i);

          g_string_append_printf (css, ".rating.rating-%s-%s { background-color: %s; color: %s; }\n",
                                  rmm_framework_get_id (framework), level->id, level->colour,
                                  text_colour_for (level->colour));
        }
    }
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
rmm_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (rmm_application_parent_class)->startup (app);
  install_rating_styles ();
}

static void
rmm_application_finalize (GObject *object)
{
  RmmApplication *self = (RmmApplication *)object;

  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->import, g_free);

  G_OBJECT_CLASS (rmm_application_parent_class)->finalize (object);
}

static void
rmm_application_class_init (RmmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rmm_application_finalize;
  app_class->handle_local_options = rmm_application_handle_local_options;
  app_class->activate = rmm_application_activate;
  app_class->startup = rmm_application_startup;
}

static void
rmm_application_about (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The RMM Desk developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("RMM Desk"),
                         "application-icon", APP_ID,
                         "developer-name", _("The RMM Desk developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Run the weekly multi-agency CSE Risk Management "
                                       "Meeting: referrals, joint-chair decisions, strategy "
                                       "discussion triggers, minutes and safety plans."),
                         "developers", developers,
                         "copyright", "© 2026 The RMM Desk developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
rmm_application_quit (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  /* Nothing typed and not saved is lost by quitting: its dialog asks first. */
  if (rmm_unsaved_guard_hold (NULL))
    return;
  windows = gtk_application_get_windows (app);
  /* Close windows (saving their state) rather than tearing the process down. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

/* A second window on the same database, for the minute-taker beside the chair: both
 * share one store, so each sees the other's changes as they are saved. */
static void
rmm_application_new_window (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RmmApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *window;

  if (!RMM_IS_WINDOW (active))
    return;
  window = GTK_WINDOW (rmm_window_new (self, rmm_window_get_store (RMM_WINDOW (active))));
  gtk_window_present (window);
}

/* Connected: the server's database in a window of its own, instead of @previous. */
static void
on_server_connected (RmmApplication *self,
                     RmmStore       *store,
                     GtkDialog      *dialog)
{
  GtkWindow *previous = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  show_window (self, store);
  if (previous != NULL)
    gtk_window_close (previous);
}

static void
rmm_application_connect_server (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RmmApplication *self = user_data;
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  RmmServerDialog *dialog = rmm_server_dialog_new (active, settings);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_server_connected), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Back from the shared server to the database on this computer, from now on. */
static void
rmm_application_use_own_database (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  RmmApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  use_own_database (self);
  if (active != NULL && RMM_IS_WINDOW (active) &&
      rmm_store_is_on_server (rmm_window_get_store (RMM_WINDOW (active))))
    gtk_window_close (active);
}

static const GActionEntry app_actions[] = {
  { "new-window", rmm_application_new_window },
  { "connect-server", rmm_application_connect_server },
  { "use-own-database", rmm_application_use_own_database },
  { "about", rmm_application_about },
  { "quit", rmm_application_quit },
};

static void
rmm_application_init (RmmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  rmm_shortcuts_install (GTK_APPLICATION (self));
}

RmmApplication *
rmm_application_new (void)
{
  /* Non-unique: each process opens the database it is given; a minute-taker may run a
   * second one on the same file. */
  return g_object_new (RMM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/rmmdesk/RmmDesk",
                       NULL);
}
