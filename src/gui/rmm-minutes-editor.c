/* rmm-minutes-editor.c: an agenda item's minutes, saved as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minute-taker types; a pause of SAVE_DELAY_MS saves (so the minutes are at most a
 * second behind a crash), and so does leaving the item. Each save names the version it was
 * typed over: when another window saved first, the writer sees theirs and chooses, and
 * nothing is overwritten unknowingly. A newer version read from the store replaces the text
 * only while nothing typed is waiting to be saved.
 */
#define G_LOG_DOMAIN "rmm-minutes-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-minutes-editor.h"

/* Typing pauses this long (ms) before the minutes are saved: at most a second behind. */
#define SAVE_DELAY_MS 700

struct _RmmMinutesEditor
{
  AdwPreferencesGroup  parent_instance;

  RmmStore            *store;
  gint64               item_id;       /* 0: no item on show */
  gint64               row_version;   /* of the minutes in the buffer; -1 before the first */
  guint                save_source;
  gboolean             dirty;         /* typed, not yet saved */
  gboolean             loading;       /* the buffer is being filled from the store */

  GtkLabel            *saved_label;
  GtkTextView         *text_view;
};

G_DEFINE_FINAL_TYPE (RmmMinutesEditor, rmm_minutes_editor, ADW_TYPE_PREFERENCES_GROUP)

static void
load (RmmMinutesEditor *self,
      const char       *text,
      gint64            row_version)
{
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  self->loading = FALSE;
  self->row_version = row_version;
  self->dirty = FALSE;
  gtk_label_set_text (self->saved_label, "");
}

/* What the store holds now for @item_id: the text someone else saved, and its version. */
static RmmItemFacts *
read_theirs (RmmMinutesEditor *self,
             gint64            item_id)
{
  g_autoptr(GError) error = NULL;
  RmmItemFacts *facts = rmm_store_get_item_facts (self->store, item_id, &error);

  if (facts == NULL)
    rmm_show_message (GTK_WIDGET (self), _("The Minutes Were Not Saved"), error->message);
  return facts;
}

/* What was typed when the save met someone else's: the question answers for it, even when
 * the chair has moved on to the next child meanwhile. */
typedef struct
{
  gint64  item_id;
  char   *text;
} Typed;

static void
typed_free (gpointer data)
{
  Typed *typed = data;

  g_free (typed->text);
  g_free (typed);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RmmMinutesEditor *self)
{
  Typed *typed = g_object_get_data (G_OBJECT (dialog), "typed");
  g_autoptr(RmmItemFacts) facts = read_theirs (self, typed->item_id);
  gboolean here = typed->item_id == self->item_id;
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (facts == NULL)
    return;
  if (g_str_equal (response, "theirs"))
    {
      if (here)
        load (self, facts->minute_text, facts->row_version);
      return;
    }
  /* Keep mine: save what was typed over theirs, knowingly, to the child it was typed for. */
  version = rmm_store_set_minute_text (self->store, typed->item_id, typed->text,
                                       facts->row_version, &error);
  if (version == 0)
    {
      rmm_show_message (GTK_WIDGET (self), _("The Minutes Were Not Saved"), error->message);
      return;
    }
  if (here)
    {
      self->row_version = version;
      self->dirty = FALSE;
      gtk_label_set_text (self->saved_label, _("Saved"));
    }
}

/* Someone else saved these minutes first: show theirs, and let the writer choose. */
static void
ask_about_conflict (RmmMinutesEditor *self,
                    const char       *text)
{
  g_autoptr(RmmItemFacts) facts = read_theirs (self, self->item_id);
  g_autofree char *body = NULL;
  Typed *typed;
  GtkWidget *dialog;

  if (facts == NULL)
    return;
  body = g_strdup_printf (_("Someone else saved these minutes while you were typing. Theirs "
                            "read:\n\n%s"), facts->minute_text);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Minutes Changed Elsewhere"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "theirs", _("Use Theirs"),
                                    "mine", _("Keep Mine"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  typed = g_new0 (Typed, 1);
  typed->item_id = self->item_id;
  typed->text = g_strdup (text);
  g_object_set_data_full (G_OBJECT (dialog), "typed", typed, typed_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save what has been typed now (also when leaving the item). */
void
rmm_minutes_editor_save (RmmMinutesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 version;

  g_return_if_fail (RMM_IS_MINUTES_EDITOR (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->item_id == 0)
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  version = rmm_store_set_minute_text (self->store, self->item_id, text, self->row_version,
                                       &error);
  if (version == 0)
    {
      if (g_error_matches (error, RMM_ERROR, RMM_ERROR_CONFLICT))
        ask_about_conflict (self, text);
      else
        rmm_show_message (GTK_WIDGET (self), _("The Minutes Were Not Saved"), error->message);
      return;
    }
  self->row_version = version;
  self->dirty = FALSE;
  gtk_label_set_text (self->saved_label, _("Saved"));
}

static gboolean
save_later (gpointer user_data)
{
  RmmMinutesEditor *self = user_data;

  self->save_source = 0;
  rmm_minutes_editor_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (RmmMinutesEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  gtk_label_set_text (self->saved_label, _("Saving…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_later, self);
}

/**
 * rmm_minutes_editor_show_item:
 *
 * Saves what was typed for the item on show, then edits @item_id's minutes; their text
 * comes with the next rmm_minutes_editor_update().
 */
void
rmm_minutes_editor_show_item (RmmMinutesEditor *self,
                              RmmStore         *store,
                              gint64            item_id)
{
  g_return_if_fail (RMM_IS_MINUTES_EDITOR (self));
  g_return_if_fail (RMM_IS_STORE (store));

  rmm_minutes_editor_save (self);
  g_set_object (&self->store, store);
  self->item_id = item_id;
  self->row_version = -1;
  self->dirty = FALSE;
}

/* The minutes as the store holds them now: shown unless typing is waiting to be saved
 * (its save will meet the newer version and ask). */
void
rmm_minutes_editor_update (RmmMinutesEditor *self,
                           const char       *text,
                           gint64            row_version)
{
  g_return_if_fail (RMM_IS_MINUTES_EDITOR (self));

  if (!self->dirty && row_version != self->row_version)
    load (self, text, row_version);
}

void
rmm_minutes_editor_set_editable (RmmMinutesEditor *self,
                                 gboolean          editable)
{
  g_return_if_fail (RMM_IS_MINUTES_EDITOR (self));

  gtk_text_view_set_editable (self->text_view, editable);
}

void
rmm_minutes_editor_focus (RmmMinutesEditor *self)
{
  g_return_if_fail (RMM_IS_MINUTES_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
rmm_minutes_editor_dispose (GObject *object)
{
  RmmMinutesEditor *self = RMM_MINUTES_EDITOR (object);

  rmm_minutes_editor_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_MINUTES_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_minutes_editor_parent_class)->dispose (object);
}

static void
rmm_minutes_editor_class_init (RmmMinutesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_minutes_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-minutes-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmMinutesEditor, saved_label);
  gtk_widget_class_bind_template_child (widget_class, RmmMinutesEditor, text_view);
}

static void
rmm_minutes_editor_init (RmmMinutesEditor *self)
{
  self->row_version = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}
