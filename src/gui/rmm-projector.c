/* rmm-projector.c: the projector, from the chair's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the projector window full screen on the screen chosen for it (remembered in
 * settings; else any screen but the chair's; with one screen, as an ordinary window), keeps
 * it on what the chair's meeting session shows, and reads it again when the store changes.
 * The chair's window keeps the keyboard.
 */
#define G_LOG_DOMAIN "rmm-projector"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-projector.h"

struct _RmmProjector
{
  GObject             parent_instance;

  RmmStore           *store;
  RmmMeetingSession  *session;    /* the chair's: the meeting and the child on show */
  GSettings          *settings;
  RmmProjectorWindow *window;     /* while open */
  guint               reload_source;
};

G_DEFINE_FINAL_TYPE (RmmProjector, rmm_projector, G_TYPE_OBJECT)

static void
follow_session (RmmProjector *self)
{
  RmmMeeting *meeting;

  if (self->window == NULL || (meeting = rmm_meeting_session_get_meeting (self->session)) == NULL)
    return;
  rmm_projector_window_follow (self->window, meeting,
                               rmm_meeting_session_get_item (self->session));
}

static gboolean
reload_now (gpointer user_data)
{
  RmmProjector *self = user_data;

  self->reload_source = 0;
  if (self->window != NULL)
    rmm_projector_window_reload (self->window);
  return G_SOURCE_REMOVE;
}

/* Many rows change in one go (an import, a confirmation and what it applies): the projector
 * reads once for all of them, when the main loop is next idle, as the chair's window does. */
static void
on_store_changed (RmmProjector *self)
{
  if (self->window != NULL && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_now, self);
}

static void
on_window_destroyed (RmmProjector *self)
{
  self->window = NULL;
}

static const char *
monitor_name (GdkMonitor *monitor)
{
  const char *connector = gdk_monitor_get_connector (monitor);

  return connector ? connector : "";
}

/**
 * rmm_projector_choose_monitor:
 *
 * The screen remembered for the projector if it is there, else one that is not the chair's;
 * NULL when there is only the chair's.
 */
GdkMonitor *
rmm_projector_choose_monitor (GSettings *settings,
                              GtkWindow *chairs_window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (chairs_window));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (chairs_window));
  GdkMonitor *chairs = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  g_autofree char *remembered = settings ? g_settings_get_string (settings, "projector-monitor")
                                         : g_strdup ("");
  GdkMonitor *other = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (*remembered != '\0' && g_str_equal (monitor_name (monitor), remembered))
        return monitor;
      if (monitor != chairs && other == NULL)
        other = monitor;
    }
  return other;
}

void
rmm_projector_open (RmmProjector *self,
                    GtkWindow    *chairs_window)
{
  GdkMonitor *monitor;

  g_return_if_fail (RMM_IS_PROJECTOR (self));

  if (self->window != NULL)
    return;
  self->window = rmm_projector_window_new (self->store);
  rmm_projector_window_set_clock (self->window, rmm_meeting_session_get_clock (self->session));
  /* Not modal, never over the chair's window: only so that its keys reach the chair's. */
  gtk_window_set_transient_for (GTK_WINDOW (self->window), chairs_window);
  g_signal_connect_object (self->window, "destroy", G_CALLBACK (on_window_destroyed), self,
                           G_CONNECT_SWAPPED);
  follow_session (self);
  monitor = rmm_projector_choose_monitor (self->settings, chairs_window);
  if (monitor != NULL)
    {
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->window), monitor);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "projector-monitor", monitor_name (monitor));
    }
  else
    {
      /* One screen: a small preview the chair can move aside, kept above their window
       * (it is transient for it), not a window over theirs. Said once, not every time. */
      gtk_window_set_default_size (GTK_WINDOW (self->window), 480, 270);
      if (self->settings == NULL ||
          !g_settings_get_boolean (self->settings, "projector-one-screen-told"))
        {
          rmm_show_toast (GTK_WIDGET (chairs_window),
                          _("Only one screen: the projector is a small window you can move, or "
                            "fill the screen with F11"));
          if (self->settings != NULL)
            g_settings_set_boolean (self->settings, "projector-one-screen-told", TRUE);
        }
    }
  gtk_window_present (GTK_WINDOW (self->window));
  /* The chair goes on typing in their own window. */
  gtk_window_present (chairs_window);
}

void
rmm_projector_close (RmmProjector *self)
{
  g_return_if_fail (RMM_IS_PROJECTOR (self));

  if (self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));
}

gboolean
rmm_projector_is_open (RmmProjector *self)
{
  g_return_val_if_fail (RMM_IS_PROJECTOR (self), FALSE);

  return self->window != NULL;
}

RmmProjectorWindow *
rmm_projector_get_window (RmmProjector *self)
{
  g_return_val_if_fail (RMM_IS_PROJECTOR (self), NULL);

  return self->window;
}

static void
rmm_projector_dispose (GObject *object)
{
  RmmProjector *self = RMM_PROJECTOR (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  rmm_projector_close (self);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rmm_projector_parent_class)->dispose (object);
}

static void
rmm_projector_class_init (RmmProjectorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_projector_dispose;
}

static void
rmm_projector_init (RmmProjector *self)
{
}

RmmProjector *
rmm_projector_new (RmmStore          *store,
                   RmmMeetingSession *session,
                   GSettings         *settings)
{
  RmmProjector *self = g_object_new (RMM_TYPE_PROJECTOR, NULL);

  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->settings = settings ? g_object_ref (settings) : NULL;
  /* Another meeting chosen, or another child: the room sees what the chair sees. */
  g_signal_connect_object (session, "notify::meeting", G_CALLBACK (follow_session), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::item", G_CALLBACK (follow_session), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}
