/* rmm-add-child-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-add-child-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-add-child-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-unsaved-guard.h"

struct _RmmAddChildDialog
{
  AdwWindow           parent_instance;

  RmmStore           *store;
  gint64              meeting_id;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *needle;

  GtkWidget          *add_button;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RmmAddChildDialog, rmm_add_child_dialog, ADW_TYPE_WINDOW)

static gboolean
match_child (gpointer item,
             gpointer user_data)
{
  RmmAddChildDialog *self = user_data;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  text = g_strdup_printf ("%s %s %s", rmm_child_get_first_name (item),
                          rmm_child_get_last_name (item), rmm_child_get_reference (item));
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, self->needle) != NULL;
}

static void
on_search_changed (RmmAddChildDialog *self,
                   GtkSearchEntry    *entry)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_selection_changed (RmmAddChildDialog *self)
{
  gtk_widget_set_sensitive (self->add_button,
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
show_error (RmmAddChildDialog *self,
            const GError      *error)
{
  rmm_show_message (GTK_WIDGET (self), _("The Child Was Not Added"), error->message);
}

static void
add_selected (RmmAddChildDialog *self)
{
  RmmChild *child = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;

  if (child == NULL)
    return;
  if (!rmm_store_add_agenda_item (self->store, self->meeting_id, rmm_child_get_id (child),
                                  "added-by-chair", &error))
    {
      if (g_error_matches (error, RMM_ERROR, RMM_ERROR_CONSTRAINT))
        {
          g_clear_error (&error);
          g_set_error (&error, RMM_ERROR, RMM_ERROR_CONSTRAINT,
                       _("%s %s is already on this agenda."), rmm_child_get_first_name (child),
                       rmm_child_get_last_name (child));
        }
      show_error (self, error);
      return;
    }
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  add_selected (RMM_ADD_CHILD_DIALOG (widget));
}

static void
on_activate (RmmAddChildDialog *self,
             guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  add_selected (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  RmmChild *child = gtk_list_item_get_item (list_item);
  g_autofree char *text = g_strdup_printf ("%s %s (%s) · %s", rmm_child_get_first_name (child),
                                           rmm_child_get_last_name (child),
                                           rmm_child_get_reference (child),
                                           rmm_child_get_date_of_birth (child));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
rmm_add_child_dialog_dispose (GObject *object)
{
  RmmAddChildDialog *self = RMM_ADD_CHILD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_ADD_CHILD_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (rmm_add_child_dialog_parent_class)->dispose (object);
}

static void
rmm_add_child_dialog_class_init (RmmAddChildDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_add_child_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-add-child-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmAddChildDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RmmAddChildDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RmmAddChildDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "add-child.add", NULL, action_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_add_child_dialog_init (RmmAddChildDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  self->filter = gtk_custom_filter_new (match_child, self, NULL);
}

RmmAddChildDialog *
rmm_add_child_dialog_new (GtkWindow *parent,
                          RmmStore  *store,
                          gint64     meeting_id,
                          gint64     area_id)
{
  RmmAddChildDialog *self;
  GListModel *children;
  GtkFilterListModel *filtered;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_ADD_CHILD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  children = rmm_store_list_children (store, area_id, NULL);
  filtered = gtk_filter_list_model_new (children, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  rmm_unsaved_guard_attach (GTK_WINDOW (self), _("Discard the Child You Were Adding?"));
  return self;
}
