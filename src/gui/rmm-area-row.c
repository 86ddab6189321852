/* rmm-area-row.c: an area in the sidebar, with how many children it has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row's accessible name says both ("Bro Derwen, 12 children"), so a screen reader and the
 * tests find the area by it.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include "rmm-area-row.h"
#include "rmm-gui-utils.h"

struct _RmmAreaRow
{
  GtkListBoxRow  parent_instance;

  RmmArea       *area;

  GtkLabel      *name_label;
  GtkLabel      *count_label;
};

G_DEFINE_FINAL_TYPE (RmmAreaRow, rmm_area_row, GTK_TYPE_LIST_BOX_ROW)

static void
rmm_area_row_dispose (GObject *object)
{
  RmmAreaRow *self = RMM_AREA_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_AREA_ROW);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (rmm_area_row_parent_class)->dispose (object);
}

static void
rmm_area_row_class_init (RmmAreaRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_area_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-area-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmAreaRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RmmAreaRow, count_label);
}

static void
rmm_area_row_init (RmmAreaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_area_row_new (RmmArea *area)
{
  RmmAreaRow *self;
  g_autofree char *count = NULL;
  g_autofree char *children = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (RMM_IS_AREA (area), NULL);

  self = g_object_new (RMM_TYPE_AREA_ROW, NULL);
  self->area = g_object_ref (area);
  count = g_strdup_printf ("%u", rmm_area_get_n_children (area));
  children = rmm_children_text (rmm_area_get_n_children (area));
  accessible = g_strdup_printf ("%s, %s", rmm_area_get_name (area), children);
  gtk_label_set_text (self->name_label, rmm_area_get_name (area));
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), children);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

/* The area the row was made for: rows outlive a model swap, so never index the model. */
RmmArea *
rmm_area_row_get_area (RmmAreaRow *self)
{
  g_return_val_if_fail (RMM_IS_AREA_ROW (self), NULL);

  return self->area;
}
