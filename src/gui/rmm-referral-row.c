/* rmm-referral-row.c: a referral in the week's list: who, from whom, the concern, the deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row's accessible name says it all in words (the child, the outcome, each deadline), so
 * a screen reader and the tests find the referral by it. Once screening asks for an
 * assessment, its button emits ::record-assessment.
 */
#define G_LOG_DOMAIN "rmm-referral-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-gui-utils.h"
#include "rmm-referral-row.h"

struct _RmmReferralRow
{
  GtkListBoxRow  parent_instance;

  RmmReferral   *referral;

  GtkLabel      *heading_label;
  GtkLabel      *details_label;
  GtkLabel      *concern_label;
  GtkBox        *badges;
  GtkWidget     *assessment_button;
};

G_DEFINE_FINAL_TYPE (RmmReferralRow, rmm_referral_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  RECORD_ASSESSMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
outcome_label (RmmScreeningOutcome outcome)
{
  switch (outcome)
    {
    case RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED:
      return _("Assessment required");
    case RMM_SCREENING_OUTCOME_NO_FURTHER_ACTION:
      return _("No further action");
    case RMM_SCREENING_OUTCOME_SIGNPOSTED:
      return _("Signposted");
    case RMM_SCREENING_OUTCOME_UNKNOWN:
      return _("Not known");
    case RMM_SCREENING_OUTCOME_PENDING:
    default:
      return _("Awaiting decision");
    }
}

/* Deadlines as badges: red once missed, so an overdue item is never just grey text. */
static void
add_deadline_badges (GtkBox      *badges,
                     RmmReferral *referral,
                     GString     *accessible)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local_now = g_date_time_new_now_local ();
  g_autofree char *decision_due = rmm_referral_dup_decision_due (referral);
  g_autoptr(GDate) assessment_due = rmm_referral_dup_assessment_due (referral);
  RmmScreeningOutcome outcome = rmm_referral_get_outcome (referral);
  const char *assessed = rmm_referral_get_assessment_completed_on (referral);
  GDate today;
  char day[64];

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));

  if (outcome == RMM_SCREENING_OUTCOME_PENDING)
    {
      g_autofree char *due = rmm_time_format_uk (decision_due, "%a %-d %b %H:%M");
      g_autofree char *text = rmm_referral_is_decision_overdue (referral, now)
        ? g_strdup_printf (_("Decision overdue (due %s)"), due)
        : g_strdup_printf (_("Decision due %s"), due);

      gtk_box_append (badges,
                      rmm_badge_new (text, rmm_referral_is_decision_overdue (referral, now)
                                           ? "overdue" : NULL));
      g_string_append_printf (accessible, ", %s", text);
    }
  if (outcome == RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED && assessment_due != NULL)
    {
      g_autofree char *text = NULL;

      g_date_strftime (day, sizeof day, "%a %-d %b", assessment_due);
      if (assessed != NULL && *assessed != '\0')
        text = g_strdup_printf (_("Assessed %s"), assessed);
      else if (rmm_referral_is_assessment_overdue (referral, &today))
        text = g_strdup_printf (_("Assessment overdue (due %s)"), day);
      else
        text = g_strdup_printf (_("Assessment due %s"), day);
      gtk_box_append (badges,
                      rmm_badge_new (text, rmm_referral_is_assessment_overdue (referral, &today)
                                           ? "overdue" : NULL));
      g_string_append_printf (accessible, ", %s", text);
    }
}

/* Once screening says an assessment is needed, the row offers to record it. */
static gboolean
needs_assessment (RmmReferral *referral)
{
  const char *assessed = rmm_referral_get_assessment_completed_on (referral);

  return rmm_referral_get_outcome (referral) == RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED &&
         (assessed == NULL || *assessed == '\0');
}

static void
on_assessment_clicked (RmmReferralRow *self)
{
  g_signal_emit (self, signals[RECORD_ASSESSMENT], 0);
}

static void
rmm_referral_row_dispose (GObject *object)
{
  RmmReferralRow *self = RMM_REFERRAL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_REFERRAL_ROW);
  g_clear_object (&self->referral);

  G_OBJECT_CLASS (rmm_referral_row_parent_class)->dispose (object);
}

static void
rmm_referral_row_class_init (RmmReferralRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_referral_row_dispose;

  /* The user asked to record the assessment screening asked for. */
  signals[RECORD_ASSESSMENT] = g_signal_new ("record-assessment", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-referral-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmReferralRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralRow, concern_label);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralRow, badges);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralRow, assessment_button);
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_clicked);
}

static void
rmm_referral_row_init (RmmReferralRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_referral_row_new (RmmReferral *referral)
{
  RmmReferralRow *self;
  g_autofree char *title = NULL;
  g_autofree char *received = NULL;
  g_autofree char *from = NULL;
  g_autoptr(GString) accessible = NULL;
  const char *agency;

  g_return_val_if_fail (RMM_IS_REFERRAL (referral), NULL);

  self = g_object_new (RMM_TYPE_REFERRAL_ROW, NULL);
  self->referral = g_object_ref (referral);
  title = g_strdup_printf ("%s (%s) · %s", rmm_referral_get_child_name (referral),
                           rmm_referral_get_child_reference (referral),
                           rmm_referral_get_area_name (referral));
  received = rmm_time_format_uk (rmm_referral_get_received_at (referral), "%a %-d %b %H:%M");
  agency = rmm_referral_get_agency_name (referral);
  from = g_strdup_printf (_("Received %s from %s%s%s%s · %s"), received,
                          rmm_referral_get_referrer_name (referral),
                          *agency ? " (" : "", agency, *agency ? ")" : "",
                          g_str_equal (rmm_referral_get_route (referral), "lead-professional")
                            ? _("to the lead professional")
                            : _("via the single point of access"));
  accessible = g_string_new (title);
  gtk_label_set_text (self->heading_label, title);
  gtk_label_set_text (self->details_label, from);
  gtk_label_set_text (self->concern_label, rmm_referral_get_concern_summary (referral));

  if (rmm_referral_get_repeat (referral))
    {
      gtk_box_append (self->badges, rmm_badge_new (_("Repeat referral"), "reason-transition"));
      g_string_append_printf (accessible, ", %s", _("repeat referral"));
    }
  gtk_box_append (self->badges,
                  rmm_badge_new (outcome_label (rmm_referral_get_outcome (referral)), NULL));
  g_string_append_printf (accessible, ", %s",
                          outcome_label (rmm_referral_get_outcome (referral)));
  add_deadline_badges (self->badges, referral, accessible);
  if (needs_assessment (referral))
    {
      g_autofree char *label = g_strdup_printf (_("Record the assessment for %s"),
                                                rmm_referral_get_child_name (referral));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->assessment_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_visible (self->assessment_button, TRUE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible->str, -1);
  return GTK_WIDGET (self);
}

RmmReferral *
rmm_referral_row_get_referral (RmmReferralRow *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_ROW (self), NULL);
  return self->referral;
}
