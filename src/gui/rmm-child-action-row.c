/* rmm-child-action-row.c: an action on a child's plan, as the plan dialog lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What will be done, then who owns it in which agency, when it is due and its outcome so far.
 * The chairs record outcomes in RmmActionsDialog (RmmPlanActionRow), so this row only shows
 * and emits no signal. It copies what it shows and keeps nothing of the action.
 */
#define G_LOG_DOMAIN "rmm-child-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-actions-dialog.h"
#include "rmm-child-action-row.h"
#include "rmm-dates.h"

struct _RmmChildActionRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (RmmChildActionRow, rmm_child_action_row, ADW_TYPE_ACTION_ROW)

static void
rmm_child_action_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_CHILD_ACTION_ROW);

  G_OBJECT_CLASS (rmm_child_action_row_parent_class)->dispose (object);
}

static void
rmm_child_action_row_class_init (RmmChildActionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_child_action_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-child-action-row.ui");
}

static void
rmm_child_action_row_init (RmmChildActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_child_action_row_new (const RmmPlanAction *action)
{
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (action != NULL, NULL);

  due = rmm_date_format_uk (action->due_on, "%-d %b %Y");
  subtitle = g_strdup_printf (_("%s%s%s · due %s · %s"), action->owner,
                              *action->owner ? ", " : "", action->agency, due,
                              rmm_action_outcome_label (action->status));
  return g_object_new (RMM_TYPE_CHILD_ACTION_ROW, "title", action->description,
                       "subtitle", subtitle, NULL);
}
