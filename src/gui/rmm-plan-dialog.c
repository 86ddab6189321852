/* rmm-plan-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-child-action-row.h"
#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-plan-dialog.h"
#include "rmm-plan-version-row.h"
#include "rmm-unsaved-guard.h"

/* Without a level's own interval, a plan is reviewed within three months. */
#define DEFAULT_REVIEW_DAYS 91

struct _RmmPlanDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  RmmAgendaItem       *item;
  GPtrArray           *agencies;        /* RmmNamedId */
  GPtrArray           *people;          /* RmmNamedId of the chosen agency */
  GPtrArray           *shown;           /* action and version rows, rebuilt on reload */

  AdwWindowTitle      *title;
  AdwPreferencesGroup *plan_group;
  GtkTextView         *risks_view;
  GtkTextView         *protective_view;
  GtkTextView         *child_view;
  GtkTextView         *carer_view;
  AdwEntryRow         *direct_work_row;
  RmmDateRow          *review_row;
  AdwPreferencesGroup *actions_group;
  AdwExpanderRow      *new_action_row;
  GtkTextView         *what_view;
  AdwComboRow         *agency_row;
  AdwComboRow         *owner_row;
  RmmDateRow          *due_row;
  AdwActionRow        *family_row;
  GtkSwitch           *family_switch;
  AdwPreferencesGroup *versions_group;
};

G_DEFINE_FINAL_TYPE (RmmPlanDialog, rmm_plan_dialog, ADW_TYPE_WINDOW)

static void
show_error (RmmPlanDialog *self,
            const GError  *error)
{
  rmm_show_message (GTK_WIDGET (self), _("Nothing Was Saved"), error->message);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The family reads what the chairs tick, and never what the police own: for a police action
 * the switch is off and cannot be turned on. */
static void
update_family_row (RmmPlanDialog *self)
{
  gint64 agency = rmm_combo_row_get_id (self->agency_row, self->agencies, 1);
  gboolean police = rmm_store_agency_is_police (self->store, agency);

  if (police)
    gtk_switch_set_active (self->family_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->family_switch), !police);
  gtk_widget_set_sensitive (GTK_WIDGET (self->family_row), !police);
  adw_action_row_set_subtitle (self->family_row,
                               police ? _("Never for an action the police own")
                                      : _("Only what the family should read"));
}

static void
on_agency_selected (RmmPlanDialog *self)
{
  g_autoptr(GListModel) names = NULL;

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = rmm_store_list_professionals (self->store,
                                               rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
                                               NULL);
  names = rmm_named_ids_model (self->people, _("Not named"));
  adw_combo_row_set_model (self->owner_row, names);
  update_family_row (self);
}

static void
clear_shown (RmmPlanDialog *self)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->shown, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (row),
                                                                              "group")), row);
    }
  g_ptr_array_set_size (self->shown, 0);
}

static void
show_row (RmmPlanDialog       *self,
          AdwPreferencesGroup *group,
          GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->shown, row);
}

static void
show_actions (RmmPlanDialog *self)
{
  g_autoptr(GPtrArray) actions = rmm_store_list_child_actions (self->store,
                                                               rmm_agenda_item_get_child_id (self->item),
                                                               NULL);

  for (guint i = 0; actions && i < actions->len; i++)
    show_row (self, self->actions_group,
              rmm_child_action_row_new (g_ptr_array_index (actions, i)));
}

/* Earlier versions, read-only; the newest fills the form for this meeting to change. */
static void
show_versions (RmmPlanDialog *self)
{
  g_autoptr(GPtrArray) versions = rmm_store_list_plan_versions (self->store,
                                                                rmm_agenda_item_get_child_id (self->item),
                                                                NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), versions && versions->len > 0);
  for (guint i = 0; versions && i < versions->len; i++)
    show_row (self, self->versions_group,
              rmm_plan_version_row_new (g_ptr_array_index (versions, i)));
}

static void
reload (RmmPlanDialog *self)
{
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  clear_shown (self);
  show_actions (self);
  show_versions (self);
  versions = rmm_store_list_plan_versions (self->store, rmm_agenda_item_get_child_id (self->item),
                                           NULL);
  description = versions && versions->len
    ? g_strdup_printf (_("Saving adds version %u; version %u and earlier stay as they were."),
                       ((RmmPlanVersion *)g_ptr_array_index (versions, 0))->version + 1,
                       ((RmmPlanVersion *)g_ptr_array_index (versions, 0))->version)
    : g_strdup (_("Saving writes the plan’s first version."));
  adw_preferences_group_set_description (self->plan_group, description);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmPlanDialog *self = RMM_PLAN_DIALOG (widget);
  g_autofree char *risks = rmm_text_view_dup_text (self->risks_view);
  g_autofree char *protective = rmm_text_view_dup_text (self->protective_view);
  g_autofree char *child = rmm_text_view_dup_text (self->child_view);
  g_autofree char *carer = rmm_text_view_dup_text (self->carer_view);
  g_autofree char *review = NULL;
  g_autoptr(GError) error = NULL;
  RmmPlanInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .meeting_id = rmm_meeting_get_id (self->meeting),
    .risks = risks,
    .protective_factors = protective,
    .child_views = child,
    .carer_views = carer,
    .direct_work_by = gtk_editable_get_text (GTK_EDITABLE (self->direct_work_row)),
  };

  if (!rmm_date_row_get_date (self->review_row, &review, &error))
    {
      show_error (self, error);
      return;
    }
  input.review_on = review;
  if (rmm_store_save_plan_version (self->store, &input, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
action_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RmmPlanDialog *self = RMM_PLAN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = rmm_text_view_dup_text (self->what_view);
  g_autofree char *due = NULL;
  RmmActionInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .meeting_id = rmm_meeting_get_id (self->meeting),
    .description = what,
    .agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
    .owner_id = rmm_combo_row_get_id (self->owner_row, self->people, 1),
    .family_visible = gtk_switch_get_active (self->family_switch),
  };

  if (!rmm_date_row_get_date (self->due_row, &due, &error))
    {
      show_error (self, error);
      return;
    }
  input.due_on = due;
  if (rmm_store_add_plan_action (self->store, &input, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  set_view_text (self->what_view, "");
  /* The next action starts off the family's copy too, until a chair ticks it. */
  gtk_switch_set_active (self->family_switch, FALSE);
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_view));
}

/* "Jump to actions": the new-action form, open and ready to type in. */
void
rmm_plan_dialog_focus_actions (RmmPlanDialog *self)
{
  g_return_if_fail (RMM_IS_PLAN_DIALOG (self));

  adw_expander_row_set_expanded (self->new_action_row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_view));
}

static void
rmm_plan_dialog_dispose (GObject *object)
{
  RmmPlanDialog *self = RMM_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PLAN_DIALOG);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_plan_dialog_parent_class)->dispose (object);
}

static void
rmm_plan_dialog_class_init (RmmPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_plan_dialog_dispose;

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-plan-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmPlanDialog, name)
  BIND (title);
  BIND (plan_group);
  BIND (risks_view);
  BIND (protective_view);
  BIND (child_view);
  BIND (carer_view);
  BIND (direct_work_row);
  BIND (review_row);
  BIND (actions_group);
  BIND (new_action_row);
  BIND (what_view);
  BIND (agency_row);
  BIND (owner_row);
  BIND (due_row);
  BIND (family_row);
  BIND (family_switch);
  BIND (versions_group);
#undef BIND

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "plan.add-action", NULL, action_add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_plan_dialog_init (RmmPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new ();
}

/* The form starts from the newest version, with the review date the level asks for. */
static void
fill_form (RmmPlanDialog *self,
           const char    *framework_id)
{
  g_autoptr(GPtrArray) versions = rmm_store_list_plan_versions (self->store,
                                                                rmm_agenda_item_get_child_id (self->item),
                                                                NULL);
  RmmFramework *framework = rmm_framework_lookup (framework_id);
  const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework,
                                                                    rmm_agenda_item_get_rating (self->item))
                                        : NULL;
  g_autoptr(GDate) review = rmm_meeting_dup_date (self->meeting);
  g_autoptr(GDate) due = rmm_meeting_dup_date (self->meeting);

  if (versions && versions->len > 0 && ((RmmPlanVersion *)versions->pdata[0])->open)
    {
      const RmmPlanVersion *newest = g_ptr_array_index (versions, 0);

      set_view_text (self->risks_view, newest->risks);
      set_view_text (self->protective_view, newest->protective_factors);
      set_view_text (self->child_view, newest->child_views);
      set_view_text (self->carer_view, newest->carer_views);
      gtk_editable_set_text (GTK_EDITABLE (self->direct_work_row), newest->direct_work_by);
    }
  if (review != NULL && due != NULL)
    {
      g_autofree char *review_text = NULL;
      g_autofree char *due_text = NULL;

      g_date_add_days (review, level && level->review_interval_days
                                 ? MIN (level->review_interval_days, DEFAULT_REVIEW_DAYS)
                                 : DEFAULT_REVIEW_DAYS);
      g_date_add_days (due, 14);
      rmm_date_row_set_date (self->review_row, review_text = rmm_date_format (review));
      rmm_date_row_set_date (self->due_row, due_text = rmm_date_format (due));
    }
}

RmmPlanDialog *
rmm_plan_dialog_new (GtkWindow     *parent,
                     RmmStore      *store,
                     RmmMeeting    *meeting,
                     RmmAgendaItem *item,
                     const char    *framework_id)
{
  g_autoptr(GListModel) agencies = NULL;
  g_autofree char *subtitle = NULL;
  RmmPlanDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_PLAN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->item = g_object_ref (item);
  subtitle = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                              rmm_agenda_item_get_last_name (item),
                              rmm_agenda_item_get_child_reference (item));
  adw_window_title_set_subtitle (self->title, subtitle);
  self->agencies = rmm_store_list_agencies (store, NULL);
  agencies = rmm_named_ids_model (self->agencies, _("Not named"));
  adw_combo_row_set_model (self->agency_row, agencies);
  on_agency_selected (self);
  g_signal_connect_object (self->agency_row, "notify::selected", G_CALLBACK (on_agency_selected),
                           self, G_CONNECT_SWAPPED);
  fill_form (self, framework_id);
  reload (self);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Plan You Were Writing?"));
  return self;
}
