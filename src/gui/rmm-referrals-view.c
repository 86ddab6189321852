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
#include "rmm-referral-row.h"
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

static void
on_record_assessment (RmmReferralRow   *row,
                      RmmReferralsView *self)
{
  RmmReferral *referral = rmm_referral_row_get_referral (row);
  g_autoptr(RmmArea) area = rmm_store_find_area (self->store,
                                                 rmm_referral_get_area_name (referral), NULL);
  RmmAssessmentDialog *dialog =
    rmm_assessment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                               referral, area ? rmm_area_get_framework_id (area) : NULL);

  gtk_window_present (GTK_WINDOW (dialog));
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
      GtkWidget *row = rmm_referral_row_new (referral);

      g_signal_connect_object (row, "record-assessment", G_CALLBACK (on_record_assessment), self,
                               0);
      gtk_list_box_append (self->list, row);
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
  GDate today;

  rmm_date_set_today (&today);
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
