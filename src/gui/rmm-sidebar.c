/* rmm-sidebar.c: the main window's sidebar: the views across areas, and the areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists, one choice between them: a view across areas (children, the CSE list, triggers,
 * referrals) or an area, whose meetings the window then lists. What the user chooses is
 * said by ::view-chosen and ::area-chosen; ::activated says a row was activated (Enter,
 * Space, a click), on which the window moves on to the list. A row is chosen when it is
 * activated or clicked, not when keyboard focus passes over it: Tabbing through the sidebar
 * must not change what is on show.
 */
#define G_LOG_DOMAIN "rmm-window"

#include "config.h"

#include "rmm-area-row.h"
#include "rmm-gui-utils.h"
#include "rmm-sidebar.h"

struct _RmmSidebar
{
  AdwBin         parent_instance;

  int            chosen_view;   /* the row whose view is on show; -1: none */
  int            chosen_area;   /* (by index: the area rows are made anew) */
  gboolean       choosing;      /* a row is being chosen, not passed over */

  GtkListBox    *views_list;
  GtkWidget     *children_row;
  GtkWidget     *cse_list_row;
  GtkWidget     *triggers_row;
  GtkWidget     *referrals_row;
  GtkWidget     *oversight_row;
  GtkWidget     *areas_heading;
  GtkListBox    *area_list;
};

G_DEFINE_FINAL_TYPE (RmmSidebar, rmm_sidebar, ADW_TYPE_BIN)

enum {
  VIEW_CHOSEN,
  AREA_CHOSEN,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_view_selected (RmmSidebar    *self,
                              GtkListBoxRow *row);
static void on_area_selected (RmmSidebar    *self,
                              GtkListBoxRow *row);

/* The views' rows and the stack pages of the window they stand for. */
static const char *
page_of_row (RmmSidebar *self,
             GtkWidget  *row)
{
  return row == self->children_row ? "children"
         : row == self->cse_list_row ? "cse-list"
         : row == self->triggers_row ? "triggers"
         : row == self->oversight_row ? "oversight" : "referrals";
}

static GtkWidget *
row_of_page (RmmSidebar *self,
             const char *page)
{
  return g_str_equal (page, "children") ? self->children_row
         : g_str_equal (page, "cse-list") ? self->cse_list_row
         : g_str_equal (page, "triggers") ? self->triggers_row
         : g_str_equal (page, "oversight") ? self->oversight_row : self->referrals_row;
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  return rmm_area_row_new (RMM_AREA (item));
}

/* GtkListBox selects the row focus lands on; such a selection is put back. */
static gboolean
put_back_focus_selection (RmmSidebar    *self,
                          GtkListBox    *list,
                          GtkListBoxRow *row,
                          int            chosen,
                          GCallback      handler)
{
  GtkListBoxRow *chosen_row = chosen >= 0 ? gtk_list_box_get_row_at_index (list, chosen) : NULL;

  if (self->choosing || row == NULL || row == chosen_row ||
      !gtk_widget_has_focus (GTK_WIDGET (row)))
    return FALSE;
  g_signal_handlers_block_by_func (list, handler, self);
  if (chosen_row != NULL)
    gtk_list_box_select_row (list, chosen_row);
  else
    gtk_list_box_unselect_all (list);
  g_signal_handlers_unblock_by_func (list, handler, self);
  return TRUE;
}

static void
unselect_quietly (RmmSidebar *self,
                  GtkListBox *list,
                  GCallback   handler)
{
  g_signal_handlers_block_by_func (list, handler, self);
  gtk_list_box_unselect_all (list);
  g_signal_handlers_unblock_by_func (list, handler, self);
}

static void
on_view_selected (RmmSidebar    *self,
                  GtkListBoxRow *row)
{
  if (row == NULL ||
      put_back_focus_selection (self, self->views_list, row, self->chosen_view,
                                G_CALLBACK (on_view_selected)))
    return;
  self->chosen_view = gtk_list_box_row_get_index (row);
  self->chosen_area = -1;
  unselect_quietly (self, self->area_list, G_CALLBACK (on_area_selected));
  g_signal_emit (self, signals[VIEW_CHOSEN], 0, page_of_row (self, GTK_WIDGET (row)));
}

static void
on_area_selected (RmmSidebar    *self,
                  GtkListBoxRow *row)
{
  if (row == NULL ||
      put_back_focus_selection (self, self->area_list, row, self->chosen_area,
                                G_CALLBACK (on_area_selected)))
    return;
  self->chosen_area = gtk_list_box_row_get_index (row);
  self->chosen_view = -1;
  unselect_quietly (self, self->views_list, G_CALLBACK (on_view_selected));
  g_signal_emit (self, signals[AREA_CHOSEN], 0, rmm_area_row_get_area (RMM_AREA_ROW (row)));
}

static void
on_row_activated (RmmSidebar    *self,
                  GtkListBoxRow *row)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));

  /* Activation chooses the row (focus passing over it did not). */
  self->choosing = TRUE;
  gtk_list_box_select_row (list, row);
  self->choosing = FALSE;
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
rmm_sidebar_dispose (GObject *object)
{
  RmmSidebar *self = RMM_SIDEBAR (object);

  /* Tearing down the lists deselects their rows: nothing is chosen by that. */
  if (self->area_list != NULL)
    g_signal_handlers_disconnect_by_data (self->area_list, self);
  if (self->views_list != NULL)
    g_signal_handlers_disconnect_by_data (self->views_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_SIDEBAR);

  G_OBJECT_CLASS (rmm_sidebar_parent_class)->dispose (object);
}

static void
rmm_sidebar_class_init (RmmSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_sidebar_dispose;

  /* A view across areas was chosen: the window's page for it ("children", "cse-list",
   * "triggers", "referrals"). */
  signals[VIEW_CHOSEN] = g_signal_new ("view-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
  /* An area was chosen, whose meetings the window lists. */
  signals[AREA_CHOSEN] = g_signal_new ("area-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       RMM_TYPE_AREA);
  /* A row was activated: the user means to go on to what it shows. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, views_list);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, children_row);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, cse_list_row);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, triggers_row);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, referrals_row);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, oversight_row);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, areas_heading);
  gtk_widget_class_bind_template_child (widget_class, RmmSidebar, area_list);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_area_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
rmm_sidebar_init (RmmSidebar *self)
{
  self->chosen_view = self->chosen_area = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The areas, one row each; nothing is chosen by the rows going or coming. */
void
rmm_sidebar_set_areas (RmmSidebar *self,
                       GListModel *areas)
{
  g_return_if_fail (RMM_IS_SIDEBAR (self));

  g_signal_handlers_block_by_func (self->area_list, on_area_selected, self);
  gtk_list_box_bind_model (self->area_list, areas, create_area_row, NULL, NULL);
  g_signal_handlers_unblock_by_func (self->area_list, on_area_selected, self);
}

/* The area selected (a new reference), or NULL. */
RmmArea *
rmm_sidebar_dup_area (RmmSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RMM_IS_SIDEBAR (self), NULL);

  row = gtk_list_box_get_selected_row (self->area_list);
  return row ? g_object_ref (rmm_area_row_get_area (RMM_AREA_ROW (row))) : NULL;
}

/* Selects the area at @position as the one on show, without ::area-chosen: for the window
 * that shows it already, or is about to. */
void
rmm_sidebar_select_area (RmmSidebar *self,
                         guint       position)
{
  g_return_if_fail (RMM_IS_SIDEBAR (self));

  g_signal_handlers_block_by_func (self->area_list, on_area_selected, self);
  gtk_list_box_select_row (self->area_list,
                           gtk_list_box_get_row_at_index (self->area_list, position));
  g_signal_handlers_unblock_by_func (self->area_list, on_area_selected, self);
  self->chosen_area = position;
  self->chosen_view = -1;
}

/* Chooses the area at @position as the user would: ::area-chosen follows. */
void
rmm_sidebar_choose_area (RmmSidebar *self,
                         guint       position)
{
  g_return_if_fail (RMM_IS_SIDEBAR (self));

  gtk_list_box_select_row (self->area_list,
                           gtk_list_box_get_row_at_index (self->area_list, position));
}

/* The area @delta rows away from the one selected (previous/next area keys); it takes the
 * focus, and ::area-chosen follows. */
void
rmm_sidebar_move_area (RmmSidebar *self,
                       int         delta)
{
  g_return_if_fail (RMM_IS_SIDEBAR (self));

  rmm_list_box_move_selection (self->area_list, delta);
}

/* Chooses the view across areas that is the window's @page ("children", "referrals" …):
 * ::view-chosen follows. */
void
rmm_sidebar_show_view (RmmSidebar *self,
                       const char *page)
{
  g_return_if_fail (RMM_IS_SIDEBAR (self));

  gtk_list_box_select_row (self->views_list, GTK_LIST_BOX_ROW (row_of_page (self, page)));
}

/**
 * rmm_sidebar_show_figures_only:
 *
 * For the safeguarding board's own login, which reads the figures published for it and
 * nothing of the record: the Oversight view alone, chosen, and no area to go to.
 */
void
rmm_sidebar_show_figures_only (RmmSidebar *self)
{
  GtkWidget *record[] = { self->children_row, self->cse_list_row, self->triggers_row,
                          self->referrals_row, self->areas_heading,
                          GTK_WIDGET (self->area_list) };

  g_return_if_fail (RMM_IS_SIDEBAR (self));

  for (guint i = 0; i < G_N_ELEMENTS (record); i++)
    gtk_widget_set_visible (record[i], FALSE);
  rmm_sidebar_show_view (self, "oversight");
}
