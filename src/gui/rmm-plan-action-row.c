/* rmm-plan-action-row.c: an action from a child's plan, up for review at the next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What, for which child, who owns it and when it is due, and its outcome; while none is
 * recorded, a Record… button, which emits ::record (an outcome is recorded once: the minutes
 * keep it). The action is borrowed: the dialog that lists the actions keeps them while it
 * shows their rows.
 */
#define G_LOG_DOMAIN "rmm-plan-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-actions-dialog.h"
#include "rmm-dates.h"
#include "rmm-plan-action-row.h"

struct _RmmPlanActionRow
{
  AdwActionRow         parent_instance;

  const RmmPlanAction *action;

  GtkLabel            *outcome_label;
  GtkWidget           *record_button;
};

G_DEFINE_FINAL_TYPE (RmmPlanActionRow, rmm_plan_action_row, ADW_TYPE_ACTION_ROW)

enum {
  RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_record_clicked (RmmPlanActionRow *self)
{
  g_signal_emit (self, signals[RECORD], 0);
}

static void
rmm_plan_action_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_PLAN_ACTION_ROW);

  G_OBJECT_CLASS (rmm_plan_action_row_parent_class)->dispose (object);
}

static void
rmm_plan_action_row_class_init (RmmPlanActionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_plan_action_row_dispose;

  /* The chair asked to record what became of the action. */
  signals[RECORD] = g_signal_new ("record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-plan-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmPlanActionRow, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, RmmPlanActionRow, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked);
}

static void
rmm_plan_action_row_init (RmmPlanActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_plan_action_row_new (const RmmPlanAction *action)
{
  RmmPlanActionRow *self;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  gboolean reviewed;

  g_return_val_if_fail (action != NULL, NULL);

  reviewed = action->status != RMM_ACTION_STATUS_OPEN;
  due = rmm_date_format_uk (action->due_on, "%-d %b %Y");
  subtitle = g_strdup_printf (_("%s (%s) · %s%s%s · due %s"), action->child_name,
                              action->reference, action->owner, *action->owner ? ", " : "",
                              *action->agency ? action->agency : _("no agency named"), due);
  self = g_object_new (RMM_TYPE_PLAN_ACTION_ROW, "title", action->description,
                       "subtitle", subtitle, NULL);
  self->action = action;
  gtk_label_set_text (self->outcome_label, rmm_action_outcome_label (action->status));
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), reviewed ? "outcome" : "dim-label");
  if (!reviewed)
    {
      g_autofree char *name = g_strdup_printf (_("Record the outcome of “%s” for %s"),
                                               action->description, action->child_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->record_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_visible (self->record_button, TRUE);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->record_button);
    }
  return GTK_WIDGET (self);
}

const RmmPlanAction *
rmm_plan_action_row_get_action (RmmPlanActionRow *self)
{
  g_return_val_if_fail (RMM_IS_PLAN_ACTION_ROW (self), NULL);
  return self->action;
}
