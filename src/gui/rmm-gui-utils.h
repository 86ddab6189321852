/* rmm-gui-utils.h: small pieces the views and dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A text column of a GtkColumnView, showing and sorting by a string property. */
typedef struct
{
  const char *property;
  const char *title;       /* N_() marked; translated here */
  gboolean    expand;
} RmmTextColumn;

typedef void (*RmmTextCellFunc) (GtkLabel   *label,
                                 GObject    *item,
                                 const char *property);

void rmm_list_box_remove_all         (GtkListBox          *list);
void rmm_column_view_add_text_columns (GtkColumnView      *view,
                                      GType               item_type,
                                      const RmmTextColumn *columns,
                                      guint               n_columns,
                                      RmmTextCellFunc     show_cell);

G_END_DECLS
