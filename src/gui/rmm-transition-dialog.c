/* rmm-transition-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-transition-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-gui-utils.h"
#include "rmm-transition-dialog.h"
#include "rmm-unsaved-guard.h"

struct _RmmTransitionDialog
{
  AdwWindow       parent_instance;

  RmmStore       *store;
  RmmAgendaItem  *item;

  AdwWindowTitle *title;
  RmmDateRow     *started_row;
  AdwEntryRow    *services_row;
  RmmDateRow     *package_row;
  RmmDateRow     *s42_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (RmmTransitionDialog, rmm_transition_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmTransitionDialog *self = RMM_TRANSITION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *started = NULL;
  g_autofree char *package = NULL;
  g_autofree char *s42 = NULL;
  RmmTransitionInput input = {
    .adult_services = text_of (self->services_row),
    .notes = text_of (self->notes_row),
  };

  if (!rmm_date_row_get_date (self->started_row, &started, &error) ||
      !rmm_date_row_get_date (self->package_row, &package, &error) ||
      !rmm_date_row_get_date (self->s42_row, &s42, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Saved"), error->message);
      return;
    }
  input.planning_started_on = started;
  input.adult_package_agreed_on = package;
  input.s42_referral_on = s42;
  if (!rmm_store_record_transition (self->store, rmm_agenda_item_get_child_id (self->item),
                                    &input, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("Nothing Was Saved"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rmm_transition_dialog_dispose (GObject *object)
{
  RmmTransitionDialog *self = RMM_TRANSITION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_TRANSITION_DIALOG);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_transition_dialog_parent_class)->dispose (object);
}

static void
rmm_transition_dialog_class_init (RmmTransitionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_transition_dialog_dispose;

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-transition-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmTransitionDialog, name)
  BIND (title);
  BIND (started_row);
  BIND (services_row);
  BIND (package_row);
  BIND (s42_row);
  BIND (notes_row);
#undef BIND
  gtk_widget_class_install_action (widget_class, "transition.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "transition.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_transition_dialog_init (RmmTransitionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Starts from what is recorded; a new plan starts on the meeting's date. */
RmmTransitionDialog *
rmm_transition_dialog_new (GtkWindow     *parent,
                           RmmStore      *store,
                           RmmMeeting    *meeting,
                           RmmAgendaItem *item)
{
  g_autoptr(RmmTransition) transition = NULL;
  g_autofree char *subtitle = NULL;
  RmmTransitionDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_TRANSITION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  subtitle = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                              rmm_agenda_item_get_last_name (item),
                              rmm_agenda_item_get_child_reference (item));
  adw_window_title_set_subtitle (self->title, subtitle);
  transition = rmm_store_get_transition (store, rmm_agenda_item_get_child_id (item), NULL);
  rmm_date_row_set_date (self->started_row, transition ? transition->planning_started_on
                                                       : rmm_meeting_get_meets_on (meeting));
  if (transition != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->services_row), transition->adult_services);
      rmm_date_row_set_date (self->package_row, transition->adult_package_agreed_on);
      rmm_date_row_set_date (self->s42_row, transition->s42_referral_on);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), transition->notes);
    }
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Transition Plan You Were Writing?"));
  return self;
}
