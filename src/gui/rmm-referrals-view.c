/* rmm-referrals-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referrals-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rmm-assessment-dialog.h"
#include "rmm-dates.h"
#include "rmm-referral.h"
#include "rmm-referrals-view.h"
#include "rmm-gui-utils.h"

struct _RmmReferralsView
{
  GtkBox          parent_instance;

  RmmStore       *store;
  GDate           monday;       /* the week shown */

  GtkMenuButton  *week_button;
  GtkCalendar    *calendar;
  GtkStack       *stack;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (RmmReferralsView, rmm_referrals_view, GTK_TYPE_BOX)

static GtkWidget *
badge (const char *text,
       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

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

      gtk_box_append (badges, badge (text, rmm_referral_is_decision_overdue (referral, now)
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
      gtk_box_append (badges, badge (text, rmm_referral_is_assessment_overdue (referral, &today)
                                           ? "overdue" : NULL));
      g_string_append_printf (accessible, ", %s", text);
    }
}

static void
on_record_assessment (GtkButton        *button,
                      RmmReferralsView *self)
{
  RmmReferral *referral = g_object_get_data (G_OBJECT (button), "referral");
  g_autoptr(RmmArea) area = rmm_store_find_area (self->store,
                                                 rmm_referral_get_area_name (referral), NULL);
  RmmAssessmentDialog *dialog =
    rmm_assessment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                               referral, area ? rmm_area_get_framework_id (area) : NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once screening says an assessment is needed, the row offers to record it. */
static gboolean
needs_assessment (RmmReferral *referral)
{
  const char *assessed = rmm_referral_get_assessment_completed_on (referral);

  return rmm_referral_get_outcome (referral) == RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED &&
         (assessed == NULL || *assessed == '\0');
}

static GtkWidget *
referral_row (RmmReferralsView *self,
              RmmReferral      *referral)
{
  g_autofree char *title = g_strdup_printf ("%s (%s) · %s", rmm_referral_get_child_name (referral),
                                            rmm_referral_get_child_reference (referral),
                                            rmm_referral_get_area_name (referral));
  g_autofree char *received = rmm_time_format_uk (rmm_referral_get_received_at (referral),
                                                  "%a %-d %b %H:%M");
  const char *agency = rmm_referral_get_agency_name (referral);
  g_autofree char *from = g_strdup_printf (_("Received %s from %s%s%s%s · %s"), received,
                                           rmm_referral_get_referrer_name (referral),
                                           *agency ? " (" : "", agency, *agency ? ")" : "",
                                           g_str_equal (rmm_referral_get_route (referral),
                                                        "lead-professional")
                                             ? _("to the lead professional")
                                             : _("via the single point of access"));
  g_autoptr(GString) accessible = g_string_new (title);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *details = gtk_label_new (from);
  GtkWidget *concern = gtk_label_new (rmm_referral_get_concern_summary (referral));
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  for (GtkWidget *label = heading; label != NULL;
       label = label == heading ? details : label == details ? concern : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (rmm_referral_get_repeat (referral))
    {
      gtk_box_append (GTK_BOX (badges), badge (_("Repeat referral"), "reason-transition"));
      g_string_append_printf (accessible, ", %s", _("repeat referral"));
    }
  gtk_box_append (GTK_BOX (badges),
                  badge (outcome_label (rmm_referral_get_outcome (referral)), NULL));
  g_string_append_printf (accessible, ", %s",
                          outcome_label (rmm_referral_get_outcome (referral)));
  add_deadline_badges (GTK_BOX (badges), referral, accessible);
  gtk_box_append (GTK_BOX (box), badges);
  if (needs_assessment (referral))
    {
      g_autofree char *label = g_strdup_printf (_("Record the assessment for %s"),
                                                rmm_referral_get_child_name (referral));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Assessment…"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (button), "referral", g_object_ref (referral),
                              g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_record_assessment), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible->str, -1);
  return row;
}

static void
show_week (RmmReferralsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) referrals = NULL;
  g_autofree char *monday = rmm_date_format (&self->monday);
  g_autofree char *from = rmm_time_parse_uk (monday);
  g_autofree char *next_monday = NULL;
  g_autofree char *to = NULL;
  char label[96];
  GDate next = self->monday;

  g_date_add_days (&next, 7);
  next_monday = rmm_date_format (&next);
  to = rmm_time_parse_uk (next_monday);
  g_date_strftime (label, sizeof label, _("Week of %-d %B %Y"), &self->monday);
  gtk_menu_button_set_label (self->week_button, label);

  rmm_list_box_remove_all (self->list);
  if (self->store == NULL)
    return;
  if (!(referrals = rmm_store_list_referrals (self->store, 0, from, to, &error)))
    {
      gtk_menu_button_set_label (self->week_button, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr(RmmReferral) referral = g_list_model_get_item (referrals, i);
      gtk_list_box_append (self->list, referral_row (self, referral));
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (referrals) ? "list" : "empty");
}

/* Weeks run Monday to Sunday. */
static void
set_week_of (RmmReferralsView *self,
             const GDate      *day)
{
  self->monday = *day;
  g_date_subtract_days (&self->monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  show_week (self);
}

static void
set_this_week (RmmReferralsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  set_week_of (self, &today);
}

static void
move_weeks (RmmReferralsView *self,
            int               weeks)
{
  GDate day = self->monday;

  if (weeks < 0)
    g_date_subtract_days (&day, 7 * -weeks);
  else
    g_date_add_days (&day, 7 * weeks);
  set_week_of (self, &day);
}

static void
action_previous_week (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_weeks (RMM_REFERRALS_VIEW (widget), -1);
}

static void
action_next_week (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_weeks (RMM_REFERRALS_VIEW (widget), 1);
}

static void
action_this_week (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_this_week (RMM_REFERRALS_VIEW (widget));
}

static void
on_day_selected (RmmReferralsView *self,
                 GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  gtk_menu_button_popdown (self->week_button);
  set_week_of (self, &day);
}

void
rmm_referrals_view_load (RmmReferralsView *self,
                         RmmStore         *store)
{
  g_return_if_fail (RMM_IS_REFERRALS_VIEW (self));

  g_set_object (&self->store, store);
  show_week (self);
}

static void
rmm_referrals_view_dispose (GObject *object)
{
  RmmReferralsView *self = RMM_REFERRALS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_REFERRALS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_referrals_view_parent_class)->dispose (object);
}

static void
rmm_referrals_view_class_init (RmmReferralsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_referrals_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-referrals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmReferralsView, week_button);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralsView, calendar);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RmmReferralsView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "referrals.previous-week", NULL,
                                   action_previous_week);
  gtk_widget_class_install_action (widget_class, "referrals.next-week", NULL, action_next_week);
  gtk_widget_class_install_action (widget_class, "referrals.this-week", NULL, action_this_week);
}

static void
rmm_referrals_view_init (RmmReferralsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->monday, 1);
  set_this_week (self);
}

GtkWidget *
rmm_referrals_view_new (void)
{
  return g_object_new (RMM_TYPE_REFERRALS_VIEW, NULL);
}
