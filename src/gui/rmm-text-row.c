/* rmm-text-row.c: a few lines of text in a preferences group, under their title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwEntryRow holds one line; a reason, a summary or notes need several. The row's title is
 * shown above the text and is the text view's accessible name, so a screen reader and the
 * tests find the field by it.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include "rmm-gui-utils.h"
#include "rmm-text-row.h"

struct _RmmTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *label;
  GtkTextView       *view;
};

G_DEFINE_FINAL_TYPE (RmmTextRow, rmm_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
on_title_changed (RmmTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_text (self->label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
}

static void
rmm_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (rmm_text_row_parent_class)->dispose (object);
}

static void
rmm_text_row_class_init (RmmTextRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_text_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmTextRow, label);
  gtk_widget_class_bind_template_child (widget_class, RmmTextRow, view);
}

static void
rmm_text_row_init (RmmTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
}

GtkTextView *
rmm_text_row_get_view (RmmTextRow *self)
{
  g_return_val_if_fail (RMM_IS_TEXT_ROW (self), NULL);

  return self->view;
}

/* The text, trimmed; free it. */
char *
rmm_text_row_dup_text (RmmTextRow *self)
{
  g_return_val_if_fail (RMM_IS_TEXT_ROW (self), NULL);

  return rmm_text_view_dup_text (self->view);
}
