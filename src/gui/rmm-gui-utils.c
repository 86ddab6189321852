/* rmm-gui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"

/* GTK 4.8 has no gtk_list_box_remove_all(). */
void
rmm_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
show_property (GtkLabel   *label,
               GObject    *item,
               const char *property)
{
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_text (label, text ? text : "");
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  RmmTextCellFunc show_cell = g_object_get_data (G_OBJECT (factory), "show-cell");

  show_cell (GTK_LABEL (gtk_list_item_get_child (list_item)),
             gtk_list_item_get_item (list_item), user_data);
}

/* Columns of labels over @item_type's string properties, each sortable by its text.
 * @show_cell fills a cell; NULL shows the property as it is. */
void
rmm_column_view_add_text_columns (GtkColumnView       *view,
                                  GType                item_type,
                                  const RmmTextColumn *columns,
                                  guint                n_columns,
                                  RmmTextCellFunc      show_cell)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkExpression *expression = gtk_property_expression_new (item_type, NULL,
                                                               columns[i].property);
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "show-cell",
                         show_cell ? show_cell : show_property);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer)columns[i].property);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }
}
