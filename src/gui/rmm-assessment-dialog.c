/* rmm-assessment-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-assessment-dialog.h"
#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-unsaved-guard.h"

struct _RmmAssessmentDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmReferral         *referral;
  RmmFramework        *framework;
  GPtrArray           *assessors;     /* RmmNamedId */
  GPtrArray           *checks;        /* GtkCheckButton, with "vulnerability" data */

  AdwWindowTitle      *title;
  AdwComboRow         *assessor_row;
  RmmDateRow          *started_row;
  RmmDateRow          *completed_row;
  AdwComboRow         *rating_row;
  AdwPreferencesGroup *inherent_group;
  AdwPreferencesGroup *additional_group;
  GtkTextView         *indicators_view;
  AdwEntryRow         *missing_row;
  GtkTextView         *analysis_view;
};

G_DEFINE_FINAL_TYPE (RmmAssessmentDialog, rmm_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (RmmAssessmentDialog *self,
            const char          *message)
{
  rmm_show_message (GTK_WIDGET (self), _("The Assessment Was Not Saved"), message);
}

static GPtrArray *
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (g_strdup (parts[i]));

      if (*part != '\0')
        g_ptr_array_add (list, part);
      else
        g_free (part);
    }
  return list;
}

static gboolean
missing_dates (RmmAssessmentDialog  *self,
               GPtrArray           **dates,
               GError              **error)
{
  g_autoptr(GPtrArray) typed = split_list (gtk_editable_get_text (GTK_EDITABLE (self->missing_row)),
                                           ",;");

  *dates = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < typed->len; i++)
    {
      GDate day;

      if (!rmm_date_parse_uk (g_ptr_array_index (typed, i), &day))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("“%s” is not a date for a missing episode: use 01/11/2026."),
                       (char *)g_ptr_array_index (typed, i));
          return FALSE;
        }
      g_ptr_array_add (*dates, rmm_date_format (&day));
    }
  g_ptr_array_add (*dates, NULL);
  return TRUE;
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmAssessmentDialog *self = RMM_ASSESSMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vulnerabilities = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *indicator_text = rmm_text_view_dup_text (self->indicators_view);
  g_autoptr(GPtrArray) indicators = split_list (indicator_text, "\n");
  g_autofree char *analysis = rmm_text_view_dup_text (self->analysis_view);
  g_autofree char *started = NULL;
  g_autofree char *completed = NULL;
  guint rating = adw_combo_row_get_selected (self->rating_row);
  RmmAssessmentInput input = { 0 };

  if (!rmm_date_row_get_date (self->started_row, &started, &error) ||
      !rmm_date_row_get_date (self->completed_row, &completed, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (*started == '\0')
    {
      show_error (self, _("When the assessment started is needed."));
      gtk_widget_grab_focus (GTK_WIDGET (self->started_row));
      return;
    }
  if (!missing_dates (self, &missing, &error))
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (vulnerabilities,
                       g_object_get_data (g_ptr_array_index (self->checks, i), "vulnerability"));
  g_ptr_array_add (vulnerabilities, NULL);
  g_ptr_array_add (indicators, NULL);

  input.child_id = rmm_referral_get_child_id (self->referral);
  input.referral_id = rmm_referral_get_id (self->referral);
  input.assessor_id = rmm_combo_row_get_id (self->assessor_row, self->assessors, 0);
  input.started_on = started;
  input.completed_on = *completed != '\0' ? completed : NULL;
  input.proposed_rating = rating < rmm_framework_get_n_levels (self->framework)
    ? rmm_framework_get_level (self->framework, rating)->id : NULL;
  input.analysis = analysis;
  input.vulnerabilities = (const char **)vulnerabilities->pdata;
  input.indicators = (const char **)indicators->pdata;
  input.missing_episodes = (const char **)missing->pdata;

  if (!rmm_store_add_assessment (self->store, &input, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_checklist (RmmAssessmentDialog *self)
{
  guint n;
  const RmmVulnerability *vulnerabilities = rmm_vulnerabilities (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(vulnerabilities[i].label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(vulnerabilities[i].label), -1);
      g_object_set_data (G_OBJECT (check), "vulnerability", (gpointer)vulnerabilities[i].id);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (vulnerabilities[i].inherent ? self->inherent_group
                                                             : self->additional_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
rmm_assessment_dialog_dispose (GObject *object)
{
  RmmAssessmentDialog *self = RMM_ASSESSMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_ASSESSMENT_DIALOG);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->assessors, g_ptr_array_unref);
  g_clear_object (&self->referral);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_assessment_dialog_parent_class)->dispose (object);
}

static void
rmm_assessment_dialog_class_init (RmmAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_assessment_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, title);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, completed_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, inherent_group);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, additional_group);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, indicators_view);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, missing_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAssessmentDialog, analysis_view);

  gtk_widget_class_install_action (widget_class, "assessment.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "assessment.save", NULL);
}

static void
rmm_assessment_dialog_init (RmmAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  add_checklist (self);
}

static void
fill_choices (RmmAssessmentDialog *self)
{
  g_autoptr(GListModel) assessors = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *subtitle = g_strdup_printf ("%s (%s)",
                                               rmm_referral_get_child_name (self->referral),
                                               rmm_referral_get_child_reference (self->referral));

  self->assessors = rmm_store_list_assessors (self->store, NULL);
  if (self->assessors == NULL)
    self->assessors = g_ptr_array_new ();
  assessors = rmm_named_ids_model (self->assessors, NULL);
  adw_combo_row_set_model (self->assessor_row, assessors);
  rmm_combo_row_offer_levels (self->rating_row, self->framework);
  gtk_editable_set_text (GTK_EDITABLE (self->started_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->completed_row), today);
  adw_window_title_set_subtitle (self->title, subtitle);
}

RmmAssessmentDialog *
rmm_assessment_dialog_new (GtkWindow   *parent,
                           RmmStore    *store,
                           RmmReferral *referral,
                           const char  *framework_id)
{
  RmmAssessmentDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (RMM_IS_REFERRAL (referral), NULL);

  self = g_object_new (RMM_TYPE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->referral = g_object_ref (referral);
  self->framework = rmm_framework_lookup (framework_id);
  if (self->framework == NULL)
    self->framework = rmm_framework_lookup ("surrey-3-level");
  fill_choices (self);
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Assessment You Were Recording?"));
  return self;
}
