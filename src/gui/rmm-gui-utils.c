/* rmm-gui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"

/* "1 child", "12 children". */
char *
rmm_children_text (guint n_children)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children", n_children),
                          n_children);
}

/* The row @delta away from the selected one (the first if none) is selected and focused,
 * as the keys that move through a list do. */
void
rmm_list_box_move_selection (GtkListBox *list,
                             int         delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *target = gtk_list_box_get_row_at_index (list, MAX (index, 0));

  if (target != NULL)
    {
      gtk_list_box_select_row (list, target);
      gtk_widget_grab_focus (GTK_WIDGET (target));
    }
}

/* GTK 4.8 has no gtk_list_box_remove_all(). */
/* A badge: a short label on a tinted pill (style.css ".badge"), its colour from css_class
 * (NULL for the plain grey one). The agenda's rows, a child's page and the referrals make
 * theirs here, so a badge looks the same wherever it is; a template's own badges (the
 * conclusion's summary rows) carry the same classes. It is a plain GtkLabel, not a widget of
 * its own, so CSS and the accessibility tree see exactly the label they always have. */
GtkWidget *
rmm_badge_new (const char *text,
               const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (badge, css_class);
  return badge;
}

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

/* The text of a text view, trimmed; free it. */
char *
rmm_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_reason_changed (GtkTextBuffer    *buffer,
                   AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog,
                                           g_object_get_data (G_OBJECT (dialog), "response"),
                                           *text != '\0');
}

/* Return gives the answer, as in any one-line field (the reason is usually a line);
 * Shift+Return starts a new line. */
static gboolean
on_reason_key (GtkEventControllerKey *keys,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               AdwMessageDialog      *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "response");

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) || (state & GDK_SHIFT_MASK))
    return FALSE;
  if (adw_message_dialog_get_response_enabled (dialog, response))
    {
      g_autoptr(AdwMessageDialog) held = g_object_ref (dialog);

      /* As its button would: the answer, then the dialog goes. */
      adw_message_dialog_response (held, response);
      if (gtk_widget_get_visible (GTK_WIDGET (held)))
        gtk_window_close (GTK_WINDOW (held));
    }
  return TRUE;
}

/* A question that needs a reason (why deferred, why removed, a chair's view): a few lines of
 * text, with @response_id enabled once something is written. Shown with the text to type
 * in focused; rmm_reason_dialog_dup_text() reads it in the response handler. */
AdwMessageDialog *
rmm_reason_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *body,
                       const char *reason_label,
                       const char *response_id,
                       const char *response_label)
{
  /* A dialog to assistive technology, not a generic window (GTK 4.8's default for it). */
  AdwMessageDialog *dialog = g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                           "transient-for", parent, "modal", TRUE,
                                           "heading", heading, "body", body, NULL);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *keys;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reason_label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (dialog, frame);
  adw_message_dialog_add_responses (dialog, "cancel", _("Cancel"), response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_enabled (dialog, response_id, FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "response", g_strdup (response_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "view", view);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_reason_changed), dialog);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_reason_key), dialog);
  gtk_widget_add_controller (view, keys);
  gtk_window_set_focus (GTK_WINDOW (dialog), view);
  return dialog;
}

char *
rmm_reason_dialog_dup_text (AdwMessageDialog *dialog)
{
  return rmm_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "view"));
}

/* Tell the user what went wrong, over the window @over belongs to. */
void
rmm_show_message (GtkWidget  *over,
                  const char *heading,
                  const char *message)
{
  GtkRoot *root = gtk_widget_get_root (over);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The app's settings, or NULL when run from a build tree without the compiled schema: the
 * app works, just without memory. */
GSettings *
rmm_settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new (APP_ID);
}

static void
set_menu_on_first_popup (GtkMenuButton *button,
                         gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

/* @button's menu is built the first time it opens: a menu built with its window costs
 * memory at every start for what is used now and then. */
void
rmm_menu_button_set_menu_lazily (GtkMenuButton *button,
                                 GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, set_menu_on_first_popup,
                                         g_object_ref (menu), g_object_unref);
}

/* A control's own tooltip, kept while it says why it is refused. */
#define OWN_TOOLTIP "rmm-own-tooltip"

static void
explain_below (GtkWidget  *widget,
               const char *action_name,
               const char *why_not)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      if (g_object_get_data (G_OBJECT (widget), OWN_TOOLTIP) == NULL)
        g_object_set_data_full (G_OBJECT (widget), OWN_TOOLTIP,
                                g_strdup (gtk_widget_get_tooltip_text (widget)
                                            ? gtk_widget_get_tooltip_text (widget) : ""),
                                g_free);
      gtk_widget_set_tooltip_text (widget, why_not ? why_not
                                                   : g_object_get_data (G_OBJECT (widget),
                                                                        OWN_TOOLTIP));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    explain_below (child, action_name, why_not);
}

/* Every control under @root that activates @action_name says @why_not in its tooltip (and so
 * to a screen reader, as its description), or its own tooltip again when @why_not is NULL:
 * what a login may not do is insensitive with the reason (“Only a chair of Ashdown North can
 * record decisions and plans.”). The action's owner disables the action. */
void
rmm_widget_explain_refusal (GtkWidget  *root,
                            const char *action_name,
                            const char *why_not)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  explain_below (root, action_name, why_not);
}

static GtkWidget *
find_toast_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A passing note in the nearest toast overlay above @over, or, when @over is (or is outside)
 * the window's overlay, the first in its window; none, none shown. */
void
rmm_show_toast (GtkWidget  *over,
                const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (over, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    overlay = find_toast_overlay_below (GTK_WIDGET (gtk_widget_get_root (over)));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* A row's bin button: flat, its @label ("Take Jo Bloggs out of the network") its tooltip and
 * its accessible name, since the icon alone says nothing to a screen reader. */
GtkWidget *
rmm_remove_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return button;
}

/* A combo row's model from (id, name) rows (RmmNamedId), after an optional @first entry
 * such as "Not named yet". */
GListModel *
rmm_named_ids_model (GPtrArray  *ids,
                     const char *first)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (names, first);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    gtk_string_list_append (names, ((RmmNamedId *)g_ptr_array_index (ids, i))->name);
  return G_LIST_MODEL (names);
}

/* Every agency as @row's choices, after @first ("Not recorded") if given; returns the
 * agencies (never NULL) for rmm_combo_row_get_id(). */
GPtrArray *
rmm_combo_row_offer_agencies (AdwComboRow *row,
                              RmmStore    *store,
                              const char  *first)
{
  GPtrArray *agencies = rmm_store_list_agencies (store, NULL);
  g_autoptr(GListModel) names = NULL;

  if (agencies == NULL)
    agencies = g_ptr_array_new ();
  names = rmm_named_ids_model (agencies, first);
  adw_combo_row_set_model (row, names);
  return agencies;
}

/* The risk levels of @framework as @row's choices, in the framework's order. */
void
rmm_combo_row_offer_levels (AdwComboRow  *row,
                            RmmFramework *framework)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  for (guint i = 0; i < rmm_framework_get_n_levels (framework); i++)
    gtk_string_list_append (levels, rmm_framework_get_level (framework, i)->label);
  adw_combo_row_set_model (row, G_LIST_MODEL (levels));
}

/* The id chosen in a combo row made by rmm_named_ids_model(); 0 for the first entry when
 * @offset is 1, or when nothing is chosen. */
gint64
rmm_combo_row_get_id (AdwComboRow *row,
                      GPtrArray   *ids,
                      guint        offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= ids->len)
    return 0;
  return ((RmmNamedId *)g_ptr_array_index (ids, selected - offset))->id;
}

void
rmm_combo_row_set_id (AdwComboRow *row,
                      GPtrArray   *ids,
                      guint        offset,
                      gint64       id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (((RmmNamedId *)g_ptr_array_index (ids, i))->id == id)
      adw_combo_row_set_selected (row, i + offset);
}

/* @text as part of a file name: lower case, letters and digits kept (in any script), every
 * run of anything else one hyphen. "Bro Derwen" → "bro-derwen". */
char *
rmm_file_name_part (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);
  GString *part = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (part, c);
      else if (part->len > 0 && part->str[part->len - 1] != '-')
        g_string_append_c (part, '-');
    }
  while (part->len > 0 && part->str[part->len - 1] == '-')
    g_string_truncate (part, part->len - 1);
  return g_string_free (part, FALSE);
}

/* The language the user chose for the documents they make (Preferences), or the default: each
 * area's own. */
RmmDocumentLanguage
rmm_settings_get_documents_language (void)
{
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();
  g_autofree char *chosen = settings ? g_settings_get_string (settings, "documents-language")
                                     : NULL;
  RmmDocumentLanguage language = RMM_DOCUMENT_LANGUAGE_DEFAULT;

  rmm_document_language_parse (chosen, &language);
  return language;
}
