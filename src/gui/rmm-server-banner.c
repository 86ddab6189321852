/* rmm-server-banner.c: "the server cannot be reached", across the top of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown while the store's keeper has lost the server, with a button to try again at once
 * (the keeper tries by itself, waiting longer each time). When the server is back it goes,
 * and ::back tells the window what became of a change whose saving the loss cut off.
 */
#define G_LOG_DOMAIN "rmm-server-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-server-banner.h"
#include "rmm-store-keeper.h"

struct _RmmServerBanner
{
  GtkWidget       parent_instance;

  GtkRevealer    *revealer;
  RmmStoreKeeper *keeper;      /* not owned: it lives as long as the store */
};

G_DEFINE_FINAL_TYPE (RmmServerBanner, rmm_server_banner, GTK_TYPE_WIDGET)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_retry_clicked (RmmServerBanner *self)
{
  if (self->keeper != NULL)
    rmm_store_keeper_reconnect_now (self->keeper);
}

static void
on_server_lost (RmmServerBanner *self)
{
  /* Said, never focused: the minute-taker may be typing, and what is typed stays. */
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
on_server_back (RmmServerBanner *self,
                const char      *outcome)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  g_signal_emit (self, signals[BACK], 0, outcome);
}

/* Shows the banner whenever @store's server is lost (a file's never is). */
void
rmm_server_banner_watch (RmmServerBanner *self,
                         RmmStore        *store)
{
  g_return_if_fail (RMM_IS_SERVER_BANNER (self));
  g_return_if_fail (self->keeper == NULL);

  self->keeper = rmm_store_keeper_get (store);
  g_signal_connect_object (self->keeper, "server-lost", G_CALLBACK (on_server_lost), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keeper, "server-back", G_CALLBACK (on_server_back), self,
                           G_CONNECT_SWAPPED);
}

static void
rmm_server_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_SERVER_BANNER);
  G_OBJECT_CLASS (rmm_server_banner_parent_class)->dispose (object);
}

static void
rmm_server_banner_class_init (RmmServerBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_server_banner_dispose;

  /**
   * RmmServerBanner::back:
   * @outcome: (nullable): what became of the change cut off, as a sentence, or NULL
   *
   * The server is back and the banner gone.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-server-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmServerBanner, revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rmm_server_banner_init (RmmServerBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
