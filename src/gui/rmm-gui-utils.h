/* rmm-gui-utils.h: small pieces the views and dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-document-language.h"

#include "rmm-framework.h"
#include "rmm-store.h"

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

char *rmm_children_text               (guint               n_children);
GtkWidget *rmm_badge_new            (const char          *text,
                                    const char          *css_class);
GtkWidget *rmm_remove_button_new    (const char          *label);
void rmm_list_box_remove_all         (GtkListBox          *list);
void rmm_list_box_move_selection     (GtkListBox          *list,
                                      int                 delta);
void rmm_column_view_add_text_columns (GtkColumnView      *view,
                                      GType               item_type,
                                      const RmmTextColumn *columns,
                                      guint               n_columns,
                                      RmmTextCellFunc     show_cell);
char      *rmm_text_view_dup_text (GtkTextView         *view);
AdwMessageDialog *rmm_reason_dialog_new (GtkWindow    *parent,
                                         const char   *heading,
                                         const char   *body,
                                         const char   *reason_label,
                                         const char   *response_id,
                                         const char   *response_label);
char      *rmm_reason_dialog_dup_text (AdwMessageDialog *dialog);
GListModel *rmm_named_ids_model    (GPtrArray           *ids,
                                    const char          *first);
GPtrArray *rmm_combo_row_offer_agencies (AdwComboRow    *row,
                                         RmmStore       *store,
                                         const char     *first);
void       rmm_combo_row_offer_levels (AdwComboRow       *row,
                                       RmmFramework      *framework);
gint64     rmm_combo_row_get_id    (AdwComboRow         *row,
                                    GPtrArray           *ids,
                                    guint                offset);
void       rmm_combo_row_set_id    (AdwComboRow         *row,
                                    GPtrArray           *ids,
                                    guint                offset,
                                    gint64               id);
void       rmm_show_message        (GtkWidget           *over,
                                    const char          *heading,
                                    const char          *message);
void       rmm_show_toast          (GtkWidget           *over,
                                    const char          *text);
GSettings *rmm_settings_if_installed (void);
RmmDocumentLanguage rmm_settings_get_documents_language (void);
void       rmm_menu_button_set_menu_lazily (GtkMenuButton *button,
                                    GMenuModel          *menu);

char      *rmm_file_name_part      (const char          *text);
void       rmm_widget_explain_refusal (GtkWidget         *root,
                                    const char          *action_name,
                                    const char          *why_not);

G_END_DECLS
