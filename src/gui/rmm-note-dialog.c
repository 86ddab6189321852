/* rmm-note-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-note-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-labels.h"
#include "rmm-note-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmNoteDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmAgendaItem *item;
  GPtrArray     *agencies;      /* RmmNamedId */
  AdwComboRow   *kind_row;
  GtkTextView   *summary_view;
  AdwComboRow   *agency_row;
  GtkSwitch     *sensitive_switch;
};

G_DEFINE_FINAL_TYPE (RmmNoteDialog, rmm_note_dialog, ADW_TYPE_WINDOW)

static void
on_record (RmmNoteDialog *self)
{
  g_autofree char *summary = rmm_text_view_dup_text (self->summary_view);
  g_autoptr(GError) error = NULL;
  guint n_kinds;
  const RmmLabel *kinds = rmm_note_kinds (&n_kinds);
  guint kind = MIN (adw_combo_row_get_selected (self->kind_row), n_kinds - 1);
  RmmInformationNoteInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .kind = kinds[kind].id,
    .summary = summary,
    .agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
    .police_sensitive = gtk_switch_get_active (self->sensitive_switch),
  };

  if (rmm_store_add_information_note (self->store, &input, &error) == 0)
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_note_dialog_dispose (GObject *object)
{
  RmmNoteDialog *self = RMM_NOTE_DIALOG (object);

  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_note_dialog_parent_class)->dispose (object);
}

static void
rmm_note_dialog_class_init (RmmNoteDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_note_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_note_dialog_init (RmmNoteDialog *self)
{
}

RmmNoteDialog *
rmm_note_dialog_new (GtkWindow     *parent,
                     RmmStore      *store,
                     RmmAgendaItem *item)
{
  g_autofree char *child = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                                            rmm_agenda_item_get_last_name (item),
                                            rmm_agenda_item_get_child_reference (item));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) agencies = NULL;
  RmmNoteDialog *self = g_object_new (RMM_TYPE_NOTE_DIALOG, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *record;
  guint n_kinds;
  const RmmLabel *kinds = rmm_note_kinds (&n_kinds);

  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("New Information"), child,
                                _("Cancel"), _("Record"), &record);
  adw_preferences_group_set_description (group,
                                         _("New information on an open case. The trigger rules "
                                           "look at it at once: a disclosure, an offence or an "
                                           "immediate risk raises a strategy-discussion "
                                           "trigger."));
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (labels, _(kinds[i].label));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("What it is"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_preferences_group_add (group, GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (group, rmm_text_row_new (_("What was learned"),
                                                      &self->summary_view));
  self->agencies = rmm_store_list_agencies (store, NULL);
  agencies = rmm_named_ids_model (self->agencies, _("Not recorded"));
  self->agency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->agency_row), _("From"));
  adw_combo_row_set_model (self->agency_row, agencies);
  adw_preferences_group_add (group, GTK_WIDGET (self->agency_row));
  self->sensitive_switch = rmm_switch_row_add (group, _("Police-sensitive (never on a family’s "
                                                        "document)"), FALSE);
  g_signal_connect_object (record, "clicked", G_CALLBACK (on_record), self, G_CONNECT_SWAPPED);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Information You Were Recording?"));
  return self;
}
