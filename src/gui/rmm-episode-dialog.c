/* rmm-episode-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-episode-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-episode-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-unsaved-guard.h"

struct _RmmEpisodeDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmAgendaItem *item;
  GPtrArray     *agencies;      /* RmmNamedId */
  AdwEntryRow   *started_row;
  AdwEntryRow   *found_row;
  AdwComboRow   *agency_row;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (RmmEpisodeDialog, rmm_episode_dialog, ADW_TYPE_WINDOW)

/* A UK local date and time as typed, as a stored UTC time; "" stays NULL. */
static gboolean
read_time (AdwEntryRow  *row,
           gboolean      required,
           char        **utc)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *utc = NULL;
  if (*text == '\0')
    return !required;
  return (*utc = rmm_time_parse_uk (text)) != NULL;
}

static void
on_record (RmmEpisodeDialog *self)
{
  g_autofree char *started = NULL;
  g_autofree char *found = NULL;
  g_autofree char *notes = rmm_text_view_dup_text (self->notes_view);
  g_autoptr(GError) error = NULL;
  RmmMissingEpisodeInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
    .notes = notes,
  };

  if (!read_time (self->started_row, TRUE, &started) || !read_time (self->found_row, FALSE, &found))
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"),
                        _("Give the times as a date and time, e.g. 2026-11-23 21:30 or "
                          "23/11/2026 21:30."));
      return;
    }
  input.started_at = started;
  input.ended_at = found;
  if (rmm_store_add_missing_episode (self->store, &input, &error) == 0)
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_episode_dialog_dispose (GObject *object)
{
  RmmEpisodeDialog *self = RMM_EPISODE_DIALOG (object);

  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_episode_dialog_parent_class)->dispose (object);
}

static void
rmm_episode_dialog_class_init (RmmEpisodeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_episode_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_episode_dialog_init (RmmEpisodeDialog *self)
{
}

RmmEpisodeDialog *
rmm_episode_dialog_new (GtkWindow     *parent,
                        RmmStore      *store,
                        RmmAgendaItem *item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *started = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *child = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                                            rmm_agenda_item_get_last_name (item),
                                            rmm_agenda_item_get_child_reference (item));
  g_autoptr(GListModel) agencies = NULL;
  RmmEpisodeDialog *self = g_object_new (RMM_TYPE_EPISODE_DIALOG, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *record, *notes_row;

  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("Missing Episode"), child,
                                _("Cancel"), _("Record"), &record);
  adw_preferences_group_set_description (group,
                                         _("Recorded at once; the trigger rules look at the "
                                           "child’s missing episodes as it is. Times are UK "
                                           "local."));
  self->started_row = rmm_entry_row_new (_("Went missing"), started);
  self->found_row = rmm_entry_row_new (_("Found (empty while still missing)"), NULL);
  self->agency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->agency_row), _("Reported by"));
  self->agencies = rmm_store_list_agencies (store, NULL);
  agencies = rmm_named_ids_model (self->agencies, _("Not recorded"));
  adw_combo_row_set_model (self->agency_row, agencies);
  notes_row = rmm_text_row_new (_("Notes"), &self->notes_view);
  adw_preferences_group_add (group, GTK_WIDGET (self->started_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->found_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->agency_row));
  adw_preferences_group_add (group, notes_row);
  g_signal_connect_object (record, "clicked", G_CALLBACK (on_record), self, G_CONNECT_SWAPPED);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Missing Episode You Were Recording?"));
  return self;
}
