/* rmm-summary-row.c: one line of what a meeting decided, read back before sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kind of decision as a badge coloured by kind (style.css, "summary-<kind>"), then the
 * child and what was decided.
 */
#define G_LOG_DOMAIN "rmm-summary-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-labels.h"
#include "rmm-state-types.h"
#include "rmm-summary-row.h"

struct _RmmSummaryRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *kind_label;
};

G_DEFINE_FINAL_TYPE (RmmSummaryRow, rmm_summary_row, ADW_TYPE_ACTION_ROW)

static void
rmm_summary_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_SUMMARY_ROW);

  G_OBJECT_CLASS (rmm_summary_row_parent_class)->dispose (object);
}

static void
rmm_summary_row_class_init (RmmSummaryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_summary_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-summary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmSummaryRow, kind_label);
}

static void
rmm_summary_row_init (RmmSummaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_summary_row_new (const RmmSummaryLine *line)
{
  RmmSummaryRow *self;
  g_autofree char *title = NULL;
  g_autofree char *css = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  title = g_strdup_printf ("%s (%s)", line->name, line->reference);
  css = g_strdup_printf ("summary-%s", rmm_state_to_text (RMM_TYPE_SUMMARY_KIND, line->kind));
  self = g_object_new (RMM_TYPE_SUMMARY_ROW, "title", title, "subtitle", line->detail, NULL);
  gtk_label_set_text (self->kind_label, rmm_summary_kind_label (line->kind));
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), css);
  return GTK_WIDGET (self);
}
