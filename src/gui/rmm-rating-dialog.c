/* rmm-rating-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-rating-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-framework.h"
#include "rmm-rating-dialog.h"

struct _RmmRatingDialog
{
  AdwWindow         parent_instance;

  RmmStore         *store;
  RmmMeeting       *meeting;
  RmmAgendaItem    *item;
  RmmFramework     *framework;
  RmmDecisionState *state;      /* the newest rating decision at this meeting, or NULL */

  AdwWindowTitle   *title;
  AdwActionRow     *current_row;
  AdwComboRow      *rating_row;
  AdwActionRow     *status_row;
  AdwActionRow     *chair1_row;
  AdwActionRow     *chair2_row;
  GtkWidget        *confirm1_button;
  GtkWidget        *confirm2_button;
  GtkWidget        *disagree1_button;
  GtkWidget        *disagree2_button;
  GtkWidget        *correct_group;
};

G_DEFINE_FINAL_TYPE (RmmRatingDialog, rmm_rating_dialog, ADW_TYPE_WINDOW)

static const char *
level_label (RmmRatingDialog *self,
             const char      *id)
{
  const RmmRiskLevel *level = rmm_framework_find_level (self->framework, id);

  return level ? level->label : _("Not rated");
}

static const char *
selected_level (RmmRatingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->rating_row);

  if (selected >= rmm_framework_get_n_levels (self->framework))
    return NULL;
  return rmm_framework_get_level (self->framework, selected)->id;
}

static void
select_level (RmmRatingDialog *self,
              const char      *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (self->framework); i++)
    if (g_strcmp0 (rmm_framework_get_level (self->framework, i)->id, id) == 0)
      adw_combo_row_set_selected (self->rating_row, i);
}

static void
show_chair (RmmRatingDialog *self,
            GtkWidget       *confirm,
            GtkWidget       *disagree,
            gboolean         confirmed,
            const char      *name)
{
  gboolean stands = self->state && g_str_equal (self->state->status, "confirmed");
  g_autofree char *label = confirmed ? g_strdup_printf (_("Confirmed by %s"), name)
                                     : g_strdup_printf (_("Confirm as %s"), name);

  gtk_button_set_label (GTK_BUTTON (confirm), label);
  gtk_widget_set_sensitive (confirm, !confirmed && !stands);
  gtk_widget_set_sensitive (disagree, !confirmed && !stands);
}

/* Show where the decision stands: nothing yet, one chair, disputed, or confirmed. */
static void
refresh (RmmRatingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = rmm_store_get_current_rating (self->store,
                                                           rmm_agenda_item_get_child_id (self->item),
                                                           NULL);
  g_autofree char *status = NULL;
  gboolean stands;

  g_clear_pointer (&self->state, rmm_decision_state_free);
  self->state = rmm_store_find_meeting_decision (self->store,
                                                 rmm_agenda_item_get_child_id (self->item),
                                                 rmm_meeting_get_id (self->meeting),
                                                 "risk-rating", &error);
  stands = self->state && g_str_equal (self->state->status, "confirmed");
  adw_action_row_set_subtitle (self->current_row, level_label (self, current));

  if (self->state == NULL)
    status = g_strdup (_("Not decided at this meeting. Each chair confirms the rating they "
                         "agree; it stands once both have."));
  else if (stands)
    {
      g_autofree char *on = rmm_time_format_uk (self->state->proposed_at, "%-d %B %Y");
      status = g_strdup_printf (_("%s: confirmed by both chairs (%s). It cannot be changed; "
                                  "a correction supersedes it, with a reason."),
                                level_label (self, self->state->value), on);
    }
  else if (g_str_equal (self->state->status, "disputed"))
    status = g_strdup_printf (_("%s: disputed, marked for escalation to service managers.\n%s"),
                              level_label (self, self->state->value), self->state->dissent);
  else
    status = g_strdup_printf (_("%s: proposed; waiting for %s."),
                              level_label (self, self->state->value),
                              self->state->chair1_confirmed
                                ? rmm_meeting_get_chair_family (self->meeting)
                                : rmm_meeting_get_chair_children (self->meeting));
  adw_action_row_set_subtitle (self->status_row, status);

  if (self->state != NULL)
    select_level (self, self->state->value);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rating_row),
                            self->state == NULL || stands ||
                            g_str_equal (self->state->status, "disputed"));
  show_chair (self, self->confirm1_button, self->disagree1_button,
              self->state && self->state->chair1_confirmed,
              rmm_meeting_get_chair_children (self->meeting));
  show_chair (self, self->confirm2_button, self->disagree2_button,
              self->state && self->state->chair2_confirmed,
              rmm_meeting_get_chair_family (self->meeting));
  gtk_widget_set_visible (self->correct_group, stands);
  /* Alt+1 / Alt+2 must not reach a rating that already stands. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rating.confirm", !stands);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rating.disagree", !stands);
}

static void
show_error (RmmRatingDialog *self,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Recorded"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
chair_id (RmmRatingDialog *self,
          int              chair)
{
  return chair == 1 ? rmm_meeting_get_chair_children_id (self->meeting)
                    : rmm_meeting_get_chair_family_id (self->meeting);
}

/* The decision the chairs are confirming: the one proposed, or a new one with the rating
 * chosen (first time, or after a dispute with a different rating). */
static gint64
proposal (RmmRatingDialog  *self,
          GError          **error)
{
  RmmDecisionInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .meeting_id = rmm_meeting_get_id (self->meeting),
    .kind = "risk-rating",
    .value = selected_level (self),
  };

  if (self->state != NULL && (g_str_equal (self->state->status, "proposed") ||
                              g_strcmp0 (self->state->value, input.value) == 0))
    return self->state->id;
  return rmm_store_propose_decision (self->store, &input, error);
}

static void
action_confirm (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RmmRatingDialog *self = RMM_RATING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!rmm_store_begin (self->store, &error))
    {
      show_error (self, error);
      return;
    }
  if (!(id = proposal (self, &error)) ||
      !rmm_store_confirm_decision (self->store, id, chair_id (self, g_variant_get_int32 (parameter)),
                                   &error))
    {
      rmm_store_rollback (self->store);
      show_error (self, error);
      return;
    }
  if (!rmm_store_commit (self->store, &error))
    show_error (self, error);
  refresh (self);
}

static void
on_view_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "record", *text != '\0');
}

static void
on_disagree_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RmmRatingDialog  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  int chair = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "chair"));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "record"))
    return;
  if (!rmm_store_begin (self->store, &error))
    {
      show_error (self, error);
      return;
    }
  if (!(id = proposal (self, &error)) ||
      !rmm_store_record_dissent (self->store, id, chair_id (self, chair),
                                 gtk_editable_get_text (entry), &error))
    {
      rmm_store_rollback (self->store);
      show_error (self, error);
      return;
    }
  if (!rmm_store_commit (self->store, &error))
    show_error (self, error);
  refresh (self);
}

static GtkWidget *
ask_for_text (RmmRatingDialog *self,
              const char      *heading,
              const char      *body,
              const char      *placeholder,
              const char      *action_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "record", action_label, NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_view_changed), dialog);
  return dialog;
}

static void
action_disagree (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RmmRatingDialog *self = RMM_RATING_DIALOG (widget);
  int chair = g_variant_get_int32 (parameter);
  g_autofree char *heading = g_strdup_printf (_("%s Disagrees"),
                                              chair == 1
                                                ? rmm_meeting_get_chair_children (self->meeting)
                                                : rmm_meeting_get_chair_family (self->meeting));
  GtkWidget *dialog = ask_for_text (self, heading,
                                    _("The view is recorded beside the other chair’s, and the "
                                      "item is marked for escalation to service managers."),
                                    _("The chair’s view"), _("Record"));

  g_object_set_data (G_OBJECT (dialog), "chair", GINT_TO_POINTER (chair));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disagree_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_correct_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RmmRatingDialog  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input = {
    .child_id = rmm_agenda_item_get_child_id (self->item),
    .meeting_id = rmm_meeting_get_id (self->meeting),
    .kind = "risk-rating",
    .value = selected_level (self),
  };

  if (g_str_equal (response, "record") &&
      !rmm_store_supersede_decision (self->store, self->state->id, &input,
                                     gtk_editable_get_text (entry), &error))
    show_error (self, error);
  refresh (self);
}

/* A confirmed rating never changes: the correction is a new decision, with a reason, that
 * both chairs confirm in turn. */
static void
action_correct (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RmmRatingDialog *self = RMM_RATING_DIALOG (widget);
  g_autofree char *body = g_strdup_printf (_("The confirmed rating stays on record; “%s” is "
                                             "proposed in its place and stands once both chairs "
                                             "confirm it."),
                                           level_label (self, selected_level (self)));
  GtkWidget *dialog = ask_for_text (self, _("Correct the Rating?"), body,
                                    _("Why it is corrected"), _("Propose Correction"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_correct_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rmm_rating_dialog_dispose (GObject *object)
{
  RmmRatingDialog *self = RMM_RATING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_RATING_DIALOG);
  g_clear_pointer (&self->state, rmm_decision_state_free);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_rating_dialog_parent_class)->dispose (object);
}

static void
rmm_rating_dialog_class_init (RmmRatingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_rating_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-rating-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, title);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, chair1_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, chair2_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, confirm1_button);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, confirm2_button);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, disagree1_button);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, disagree2_button);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, correct_group);

  gtk_widget_class_install_action (widget_class, "rating.confirm", "i", action_confirm);
  gtk_widget_class_install_action (widget_class, "rating.disagree", "i", action_disagree);
  gtk_widget_class_install_action (widget_class, "rating.correct", NULL, action_correct);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "rating.confirm",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "rating.confirm",
                                       "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_rating_dialog_init (RmmRatingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmRatingDialog *
rmm_rating_dialog_new (GtkWindow     *parent,
                       RmmStore      *store,
                       RmmMeeting    *meeting,
                       RmmAgendaItem *item,
                       const char    *framework_id)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  RmmRatingDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_RATING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->item = g_object_ref (item);
  self->framework = rmm_framework_lookup (framework_id);
  if (self->framework == NULL)
    self->framework = rmm_framework_lookup ("surrey-3-level");

  for (guint i = 0; i < rmm_framework_get_n_levels (self->framework); i++)
    gtk_string_list_append (levels, rmm_framework_get_level (self->framework, i)->label);
  adw_combo_row_set_model (self->rating_row, G_LIST_MODEL (levels));
  select_level (self, rmm_agenda_item_get_rating (item));
  subtitle = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                              rmm_agenda_item_get_last_name (item),
                              rmm_agenda_item_get_child_reference (item));
  adw_window_title_set_subtitle (self->title, subtitle);
  adw_action_row_set_subtitle (self->chair1_row, rmm_meeting_get_chair_children (meeting));
  adw_action_row_set_subtitle (self->chair2_row, rmm_meeting_get_chair_family (meeting));
  refresh (self);
  return self;
}
