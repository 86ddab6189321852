/* rmm-plan-version-row.c: an earlier version of a child's plan, as the plan dialog lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which version, from which meeting, and its review date; opened, each field as it was saved.
 * Read-only: a version is never changed, so the row asks the dialog for nothing and emits no
 * signal. The fields are copied into the row, which keeps nothing of the version.
 */
#define G_LOG_DOMAIN "rmm-plan-version-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-plan-version-row.h"

struct _RmmPlanVersionRow
{
  AdwExpanderRow  parent_instance;

  AdwActionRow   *risks_row;
  AdwActionRow   *protective_row;
  AdwActionRow   *child_row;
  AdwActionRow   *carer_row;
  AdwActionRow   *direct_work_row;
};

G_DEFINE_FINAL_TYPE (RmmPlanVersionRow, rmm_plan_version_row, ADW_TYPE_EXPANDER_ROW)

static void
rmm_plan_version_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_PLAN_VERSION_ROW);

  G_OBJECT_CLASS (rmm_plan_version_row_parent_class)->dispose (object);
}

static void
rmm_plan_version_row_class_init (RmmPlanVersionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_plan_version_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-plan-version-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmPlanVersionRow, risks_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPlanVersionRow, protective_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPlanVersionRow, child_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPlanVersionRow, carer_row);
  gtk_widget_class_bind_template_child (widget_class, RmmPlanVersionRow, direct_work_row);
}

static void
rmm_plan_version_row_init (RmmPlanVersionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* An empty field says so, rather than leaving a title with nothing under it. */
static void
show_field (AdwActionRow *row,
            const char   *text)
{
  adw_action_row_set_subtitle (row, *text ? text : _("Not recorded"));
}

GtkWidget *
rmm_plan_version_row_new (const RmmPlanVersion *version)
{
  RmmPlanVersionRow *self;
  g_autofree char *day = NULL;
  g_autofree char *review = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (version != NULL, NULL);

  day = rmm_date_format_uk (version->meets_on, "%-d %B %Y");
  review = rmm_date_format_uk (version->review_on, "%-d %B %Y");
  title = g_strdup_printf (_("Version %u · %s"), version->version,
                           *version->meets_on ? day : _("outside a meeting"));
  subtitle = g_strdup_printf (_("Review by %s"), review);
  self = g_object_new (RMM_TYPE_PLAN_VERSION_ROW, "title", title, "subtitle", subtitle, NULL);
  show_field (self->risks_row, version->risks);
  show_field (self->protective_row, version->protective_factors);
  show_field (self->child_row, version->child_views);
  show_field (self->carer_row, version->carer_views);
  show_field (self->direct_work_row, version->direct_work_by);
  return GTK_WIDGET (self);
}
