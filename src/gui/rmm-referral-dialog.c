/* rmm-referral-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referral-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-referral-dialog.h"
#include "rmm-state-types.h"
#include "rmm-unsaved-guard.h"

static const char *routes[] = { "single-point-of-access", "lead-professional" };

struct _RmmReferralDialog
{
  AdwWindow     parent_instance;

  RmmStore     *store;
  GListModel   *areas;
  GPtrArray    *agencies;     /* RmmNamedId */
  RmmChild     *chosen;       /* an existing child, once chosen */
  gboolean      new_child_confirmed;

  AdwEntryRow  *reference_row;
  AdwEntryRow  *first_name_row;
  AdwEntryRow  *last_name_row;
  AdwEntryRow  *dob_row;
  AdwComboRow  *area_row;
  AdwEntryRow  *school_row;
  AdwPreferencesGroup *matches_group;
  GtkListBox   *matches_list;
  AdwComboRow  *route_row;
  AdwEntryRow  *referrer_row;
  AdwComboRow  *agency_row;
  AdwEntryRow  *received_row;
  AdwComboRow  *outcome_row;
  AdwEntryRow  *concern_row;
};

G_DEFINE_FINAL_TYPE (RmmReferralDialog, rmm_referral_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void on_child_changed (RmmReferralDialog *self);

static void
set_text_quietly (RmmReferralDialog *self,
                  AdwEntryRow       *row,
                  const char        *text)
{
  g_signal_handlers_block_by_func (row, on_child_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_handlers_unblock_by_func (row, on_child_changed, self);
}

static void
on_choose_match (GtkButton         *button,
                 RmmReferralDialog *self)
{
  RmmChild *child = g_object_get_data (G_OBJECT (button), "child");
  GDate born;

  g_set_object (&self->chosen, child);
  set_text_quietly (self, self->reference_row, rmm_child_get_reference (child));
  set_text_quietly (self, self->first_name_row, rmm_child_get_first_name (child));
  set_text_quietly (self, self->last_name_row, rmm_child_get_last_name (child));
  if (rmm_date_parse (rmm_child_get_date_of_birth (child), &born))
    {
      char text[16];
      g_date_strftime (text, sizeof text, "%d/%m/%Y", &born);
      set_text_quietly (self, self->dob_row, text);
    }
  set_text_quietly (self, self->school_row, rmm_child_get_school (child));
  for (guint i = 0; i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (self->areas, i);
      if (g_strcmp0 (rmm_area_get_name (area), rmm_child_get_area_name (child)) == 0)
        adw_combo_row_set_selected (self->area_row, i);
    }
  rmm_list_box_remove_all (self->matches_list);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), FALSE);
}

static GtkWidget *
match_row (RmmReferralDialog *self,
           RmmChild          *child)
{
  g_autofree char *title = g_strdup_printf ("%s %s (%s)", rmm_child_get_first_name (child),
                                            rmm_child_get_last_name (child),
                                            rmm_child_get_reference (child));
  g_autofree char *subtitle = g_strdup_printf (_("Born %s · %s"),
                                               rmm_child_get_date_of_birth (child),
                                               rmm_child_get_area_name (child));
  g_autofree char *accessible = g_strdup_printf (_("Choose %s"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("This Child"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "child", g_object_ref (child), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_choose_match), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* As the child's details are typed, look for children already recorded who may be them. */
static void
on_child_changed (RmmReferralDialog *self)
{
  g_autofree char *reference = text_of (self->reference_row);
  g_autofree char *first = text_of (self->first_name_row);
  g_autofree char *last = text_of (self->last_name_row);
  g_autofree char *dob_text = text_of (self->dob_row);
  g_autofree char *dob = NULL;
  g_autoptr(GListModel) matches = NULL;
  GDate born;

  g_clear_object (&self->chosen);
  self->new_child_confirmed = FALSE;
  if (rmm_date_parse_uk (dob_text, &born))
    dob = rmm_date_format (&born);

  rmm_list_box_remove_all (self->matches_list);
  matches = rmm_store_search_children (self->store, reference, first, last, dob, NULL);
  for (guint i = 0; matches && i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(RmmChild) child = g_list_model_get_item (matches, i);
      gtk_list_box_append (self->matches_list, match_row (self, child));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group),
                          matches && g_list_model_get_n_items (matches) > 0);
}

static void
show_error (RmmReferralDialog *self,
            const char        *message)
{
  rmm_show_message (GTK_WIDGET (self), _("The Referral Was Not Saved"), message);
}

static gint64
new_child (RmmReferralDialog  *self,
           GError            **error)
{
  g_autofree char *reference = text_of (self->reference_row);
  g_autofree char *first = text_of (self->first_name_row);
  g_autofree char *last = text_of (self->last_name_row);
  g_autofree char *dob_text = text_of (self->dob_row);
  g_autofree char *school = text_of (self->school_row);
  g_autofree char *dob = NULL;
  g_autoptr(RmmArea) area = g_list_model_get_item (self->areas,
                                                   adw_combo_row_get_selected (self->area_row));
  RmmChildInput input = { 0 };
  GDate born;

  if (!rmm_date_parse_uk (dob_text, &born))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a date of birth: type it as 31/03/2012 or 31 Mar 2012, or "
                     "pick it."), dob_text);
      return 0;
    }
  dob = rmm_date_format (&born);
  input.reference = reference;
  input.first_name = first;
  input.last_name = last;
  input.date_of_birth = dob;
  input.school = school;
  input.area_id = area ? rmm_area_get_id (area) : 0;
  return rmm_store_add_child (self->store, &input, error);
}

static gboolean
write_referral (RmmReferralDialog  *self,
                GError            **error)
{
  g_autofree char *received_text = text_of (self->received_row);
  g_autofree char *received = rmm_time_parse_uk (received_text);
  g_autofree char *referrer = text_of (self->referrer_row);
  g_autofree char *concern = text_of (self->concern_row);
  RmmReferralInput input = {
    .route = routes[MIN (adw_combo_row_get_selected (self->route_row), 1)],
    .referrer_name = referrer,
    .received_at = received,
    .concern_summary = concern,
    /* The outcome row offers them in the enum's order, UNKNOWN left out. */
    .screening_outcome = rmm_state_to_text (RMM_TYPE_SCREENING_OUTCOME,
                                            MIN (adw_combo_row_get_selected (self->outcome_row),
                                                 RMM_SCREENING_OUTCOME_SIGNPOSTED)),
    .source = "form",
    .referrer_agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 0),
  };

  if (received == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a date and time: use 23/11/2026 14:05."), received_text);
      return FALSE;
    }
  input.child_id = self->chosen ? rmm_child_get_id (self->chosen) : new_child (self, error);
  return input.child_id != 0 && rmm_store_add_referral (self->store, &input, error) != 0;
}

static void
save (RmmReferralDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!rmm_store_begin (self->store, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (!write_referral (self, &error))
    {
      rmm_store_rollback (self->store);
      show_error (self, error->message);
      return;
    }
  if (!rmm_store_commit (self->store, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_new_child_response (AdwMessageDialog  *dialog,
                       const char        *response,
                       RmmReferralDialog *self)
{
  if (g_str_equal (response, "new"))
    {
      self->new_child_confirmed = TRUE;
      save (self);
    }
}

/* A new child who looks like one already recorded is a second look away from a duplicate. */
static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmReferralDialog *self = RMM_REFERRAL_DIALOG (widget);
  GtkWidget *dialog;

  if (self->chosen != NULL || self->new_child_confirmed ||
      gtk_widget_get_first_child (GTK_WIDGET (self->matches_list)) == NULL)
    {
      save (self);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record a New Child?"),
                                   _("Children already recorded look like this one. Choose "
                                     "one of them under “Already Recorded?”, or record a new "
                                     "child if you are sure this is somebody else."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Go Back"),
                                    "new", _("Record New Child"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_child_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rmm_referral_dialog_dispose (GObject *object)
{
  RmmReferralDialog *self = RMM_REFERRAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_REFERRAL_DIALOG);
  g_clear_object (&self->chosen);
  g_clear_object (&self->areas);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_referral_dialog_parent_class)->dispose (object);
}

static void
rmm_referral_dialog_class_init (RmmReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_referral_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, dob_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, school_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, matches_group);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, matches_list);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, route_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, referrer_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralDialog, concern_row);
  gtk_widget_class_bind_template_callback (widget_class, on_child_changed);

  gtk_widget_class_install_action (widget_class, "referral.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "referral.save", NULL);
}

static void
rmm_referral_dialog_init (RmmReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_choices (RmmReferralDialog *self)
{
  g_autoptr(GtkStringList) area_names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *received = g_date_time_format (now, "%d/%m/%Y %H:%M");

  self->areas = rmm_store_list_areas (self->store, NULL);
  for (guint i = 0; self->areas && i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (self->areas, i);
      gtk_string_list_append (area_names, rmm_area_get_name (area));
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (area_names));

  self->agencies = rmm_combo_row_offer_agencies (self->agency_row, self->store, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), received);
}

RmmReferralDialog *
rmm_referral_dialog_new (GtkWindow *parent,
                         RmmStore  *store)
{
  RmmReferralDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_REFERRAL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_choices (self);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Referral You Were Recording?"));
  return self;
}
