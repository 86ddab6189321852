/* bench-oversight.c: the Oversight view redrawn after the period changes, on a demo database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-oversight DATABASE [RUNS]
 *
 * Opens the view on DATABASE for the quarter it starts on, then steps back a quarter at a
 * time: each step read, laid out and drawn (until the window has painted a frame after it,
 * and the main loop is dry) is timed. Prints the median and the slowest, in milliseconds; a
 * figure, never pass or fail.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "rmm-oversight-view.h"
#include "rmm-store.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
give_up_waiting (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The main loop run until the window has painted, then dry. */
static void
wait_for_paint (gboolean *painted)
{
  guint timeout = g_timeout_add_seconds (10, give_up_waiting, painted);

  while (!*painted)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  drain_main_loop ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 9;
  GtkWidget *window, *view;
  gboolean painted = FALSE;

  if (argc < 2)
    {
      g_printerr ("usage: bench-oversight DATABASE [RUNS]\n");
      return 2;
    }
  adw_init ();
  if (!(store = rmm_store_open (argv[1], RMM_STORE_OPEN_EXISTING, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  window = gtk_window_new ();
  view = g_object_new (RMM_TYPE_OVERSIGHT_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  rmm_oversight_view_load (RMM_OVERSIGHT_VIEW (view), store);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), &painted);
  wait_for_paint (&painted);
  for (guint i = 0; i < runs; i++)
    {
      gint64 started = g_get_monotonic_time ();
      double ms;

      painted = FALSE;
      gtk_widget_activate_action (view, "oversight.previous", NULL);
      wait_for_paint (&painted);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("Oversight view, a quarter back, read, laid out and drawn: median %.0f ms, "
           "slowest %.0f ms (%u runs)\n", g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), runs);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
