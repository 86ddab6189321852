/* rmm-unsaved-guard.c: a dialog's typed input is never thrown away by Escape or Close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a dialog is on screen, anything the user changes in it (text, a date, a tick, a
 * choice) makes it "unsaved". Closing it then (Escape, the Close button, the window's close)
 * asks first, with Keep Editing as the default and Discard shown as destructive; a dialog
 * that saved calls rmm_unsaved_guard_set_saved() before it closes itself. What the dialog
 * put in its fields before it was shown does not count. Closing the window a dialog belongs
 * to, or quitting, is held the same way (rmm_unsaved_guard_hold()).
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rmm-unsaved-guard.h"

#define GUARD_KEY "rmm-unsaved-guard"

typedef struct
{
  char      *question;
  gboolean   changed;
  gboolean   discard;    /* the user chose Discard: the next close goes through */
  GtkWidget *asking;     /* the question while it is on screen (a weak pointer) */
} Guard;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  if (guard->asking != NULL)
    g_object_remove_weak_pointer (G_OBJECT (guard->asking), (gpointer *)&guard->asking);
  g_free (guard->question);
  g_free (guard);
}

static void
mark_changed (Guard *guard)
{
  guard->changed = TRUE;
}

static void
watch_widget (GtkWidget *widget,
              Guard     *guard)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (mark_changed), guard);
  else if (GTK_IS_EDITABLE (widget))
    g_signal_connect_swapped (widget, "changed", G_CALLBACK (mark_changed), guard);
  else if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget) ||
           GTK_IS_SWITCH (widget))
    g_signal_connect_swapped (widget, "notify::active", G_CALLBACK (mark_changed), guard);
  else if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (mark_changed), guard);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_widget (child, guard);
}

/* From the moment it is shown: filling it in beforehand is the dialog's, not the user's. */
static void
on_map (GtkWidget *dialog,
        Guard     *guard)
{
  g_signal_handlers_disconnect_by_func (dialog, on_map, guard);
  watch_widget (dialog, guard);
}

static void
on_answer (AdwMessageDialog *question,
           const char       *response,
           GtkWindow        *dialog)
{
  Guard *guard = g_object_get_data (G_OBJECT (dialog), GUARD_KEY);

  if (guard == NULL || !g_str_equal (response, "discard"))
    return;
  guard->discard = TRUE;
  /* The question is transient for the dialog and outlives it: let go of it first. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (dialog);
}

static gboolean
on_close_request (GtkWindow *dialog,
                  Guard     *guard)
{
  GtkWidget *question;

  if (!guard->changed || guard->discard)
    return FALSE;
  /* Escape pressed again while the question is up: the one question is enough. */
  if (guard->asking != NULL)
    return TRUE;
  question = adw_message_dialog_new (dialog, guard->question,
                                     _("What you typed here is not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "keep", _("Keep Editing"),
                                    "discard", _("Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (on_answer), dialog, 0);
  guard->asking = question;
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *)&guard->asking);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

/* @question: what closing would lose, as a heading: "Discard the Plan You Were Writing?" */
void
rmm_unsaved_guard_attach (GtkWindow  *dialog,
                          const char *question)
{
  Guard *guard = g_new0 (Guard, 1);

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  guard->question = g_strdup (question);
  g_object_set_data_full (G_OBJECT (dialog), GUARD_KEY, guard, guard_free);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_close_request), guard);
  if (gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    watch_widget (GTK_WIDGET (dialog), guard);
  else
    g_signal_connect (dialog, "map", G_CALLBACK (on_map), guard);
}

/* What was typed is saved (or was never the user's): closing needs no question. */
void
rmm_unsaved_guard_set_saved (GtkWindow *dialog)
{
  Guard *guard = g_object_get_data (G_OBJECT (dialog), GUARD_KEY);

  if (guard != NULL)
    guard->changed = FALSE;
}

/**
 * rmm_unsaved_guard_hold:
 * @parent: (nullable): the window about to close; %NULL when the application quits
 *
 * A window closing (or the application quitting) would take its dialogs with it. If one of
 * them (transient for @parent, or any when @parent is %NULL) holds input not saved, it comes
 * to the front and asks its question; the caller then does not close. After the user's
 * answer, closing again goes through.
 *
 * Returns: %TRUE if a dialog asked, and the close must wait
 */
gboolean
rmm_unsaved_guard_hold (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = NULL;

  /* Dialogs are not the application's windows (its keys are the main window's): every
   * toplevel of the process is looked at; they all belong to this application. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *dialog = l->data;
      Guard *guard = g_object_get_data (G_OBJECT (dialog), GUARD_KEY);

      if (guard == NULL || !guard->changed || guard->discard)
        continue;
      if (parent != NULL && gtk_window_get_transient_for (dialog) != parent)
        continue;
      gtk_window_present (dialog);
      return on_close_request (dialog, guard);
    }
  return FALSE;
}
