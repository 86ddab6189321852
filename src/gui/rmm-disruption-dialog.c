/* rmm-disruption-dialog.c: recording police disruption of a person of concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Police-sensitive by definition: it appears on the professional safety plan only, never
 * on the family's copy, the projector or an anonymised document.
 */
#define G_LOG_DOMAIN "rmm-disruption-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-disruption-dialog.h"
#include "rmm-gui-utils.h"
#include "rmm-labels.h"
#include "rmm-unsaved-guard.h"

struct _RmmDisruptionDialog
{
  AdwWindow      parent_instance;

  RmmStore      *store;
  RmmAgendaItem *item;
  AdwEntryRow   *subject_row;
  AdwComboRow   *tactic_row;
  GtkTextView   *detail_view;
};

G_DEFINE_FINAL_TYPE (RmmDisruptionDialog, rmm_disruption_dialog, ADW_TYPE_WINDOW)

static void
on_record (RmmDisruptionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *subject = g_strstrip (g_strdup (text));
  g_autofree char *detail = rmm_text_view_dup_text (self->detail_view);
  g_autoptr(GError) error = NULL;
  guint n_tactics;
  const RmmLabel *tactics = rmm_disruption_tactics (&n_tactics);
  guint tactic = MIN (adw_combo_row_get_selected (self->tactic_row), n_tactics - 1);
  RmmDisruptionNoteInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .subject_ref = subject,
    .tactic = tactics[tactic].id,
    .detail = detail,
  };

  if (rmm_store_add_disruption_note (self->store, &input, &error) == 0)
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_disruption_dialog_dispose (GObject *object)
{
  RmmDisruptionDialog *self = RMM_DISRUPTION_DIALOG (object);

  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_disruption_dialog_parent_class)->dispose (object);
}

static void
rmm_disruption_dialog_class_init (RmmDisruptionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rmm_disruption_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rmm_disruption_dialog_init (RmmDisruptionDialog *self)
{
}

RmmDisruptionDialog *
rmm_disruption_dialog_new (GtkWindow     *parent,
                           RmmStore      *store,
                           RmmAgendaItem *item)
{
  g_autofree char *child = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                                            rmm_agenda_item_get_last_name (item),
                                            rmm_agenda_item_get_child_reference (item));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  RmmDisruptionDialog *self = g_object_new (RMM_TYPE_DISRUPTION_DIALOG, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *record;
  guint n_tactics;
  const RmmLabel *tactics = rmm_disruption_tactics (&n_tactics);

  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  group = rmm_form_window_init (ADW_WINDOW (self), parent, _("Police Disruption"), child,
                                _("Cancel"), _("Record"), &record);
  adw_preferences_group_set_description (group,
                                         _("Police-led disruption of a person of concern. "
                                           "Police-sensitive: it is shown on the professional "
                                           "safety plan only, never on the family’s copy or "
                                           "the projector."));
  self->subject_row = rmm_entry_row_new (_("Police reference of the person of concern"), "");
  adw_preferences_group_add (group, GTK_WIDGET (self->subject_row));
  for (guint i = 0; i < n_tactics; i++)
    gtk_string_list_append (labels, _(tactics[i].label));
  self->tactic_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tactic_row), _("Tactic"));
  adw_combo_row_set_model (self->tactic_row, G_LIST_MODEL (labels));
  adw_preferences_group_add (group, GTK_WIDGET (self->tactic_row));
  adw_preferences_group_add (group, rmm_text_row_new (_("Detail"), &self->detail_view));
  g_signal_connect_object (record, "clicked", G_CALLBACK (on_record), self, G_CONNECT_SWAPPED);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Disruption You Were Recording?"));
  return self;
}
