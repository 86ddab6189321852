/* rmm-network-dialog.c: add a professional or the family's contact to a child's network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-network-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-labels.h"
#include "rmm-network-dialog.h"

struct _RmmNetworkDialog
{
  RmmFormDialog  parent_instance;

  GPtrArray     *agencies;        /* RmmNamedId */
  GPtrArray     *professionals;   /* RmmNamedId, of the agency chosen */
  char          *known_email;     /* the chosen professional's address as the store has it */
  AdwComboRow   *kind_row;
  AdwComboRow   *agency_row;
  AdwComboRow   *professional_row;
  AdwComboRow   *role_row;
  AdwEntryRow   *name_row;
  AdwEntryRow   *email_row;
  GtkWidget     *family_copy_row;
  GtkSwitch     *family_copy_switch;
};

G_DEFINE_FINAL_TYPE (RmmNetworkDialog, rmm_network_dialog, RMM_TYPE_FORM_DIALOG)

enum { KIND_PROFESSIONAL, KIND_FAMILY };

static gboolean
is_family (RmmNetworkDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == KIND_FAMILY;
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
add_professional (RmmNetworkDialog  *self,
                  RmmStore          *store,
                  gint64             child_id,
                  GError           **error)
{
  g_autofree char *email = dup_entry_text (self->email_row);
  gint64 professional = rmm_combo_row_get_id (self->professional_row, self->professionals, 0);
  guint n_roles;
  const RmmLabel *roles = rmm_network_roles (&n_roles);
  RmmNetworkMemberInput input = {
    .child_id = child_id,
    .professional_id = professional,
    .role = roles[MIN (adw_combo_row_get_selected (self->role_row), n_roles - 2)].id,
    .audience = gtk_switch_get_active (self->family_copy_switch) ? "family" : "professional",
  };
  gboolean ok;

  if (professional == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Choose the professional: their agency first, then their name."));
      return FALSE;
    }
  /* Their address changed with them, or not at all. */
  if (!rmm_store_begin (store, error))
    return FALSE;
  ok = (g_strcmp0 (email, self->known_email ? self->known_email : "") == 0 ||
        rmm_store_set_professional_email (store, professional, email, error)) &&
       rmm_store_add_network_member (store, &input, error) != 0;
  return rmm_store_end (store, ok, ok ? error : NULL) && ok;
}

static gboolean
rmm_network_dialog_record (RmmFormDialog  *dialog,
                           GError        **error)
{
  RmmNetworkDialog *self = RMM_NETWORK_DIALOG (dialog);
  RmmStore *store = rmm_form_dialog_get_store (dialog);
  gint64 child_id = rmm_agenda_item_get_child_id (rmm_form_dialog_get_item (dialog));
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (!is_family (self))
    return add_professional (self, store, child_id, error);
  name = dup_entry_text (self->name_row);
  email = dup_entry_text (self->email_row);
  return rmm_store_add_network_member (store, &(RmmNetworkMemberInput) {
                                        .child_id = child_id, .role = "family",
                                        .name = name, .email = email,
                                      }, error) != 0;
}

/* The rows that apply to who is being added. */
static void
on_kind_changed (RmmNetworkDialog *self)
{
  gboolean family = is_family (self);

  gtk_widget_set_visible (GTK_WIDGET (self->agency_row), !family);
  gtk_widget_set_visible (GTK_WIDGET (self->professional_row), !family);
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), !family);
  gtk_widget_set_visible (self->family_copy_row, !family);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), family);
}

/* The professional's address as the store keeps it, to keep or to correct. */
static void
on_professional_changed (RmmNetworkDialog *self)
{
  gint64 professional = rmm_combo_row_get_id (self->professional_row, self->professionals, 0);
  RmmStore *store = rmm_form_dialog_get_store (RMM_FORM_DIALOG (self));

  if (store == NULL)
    return;
  g_free (self->known_email);
  self->known_email = professional ? rmm_store_get_professional_email (store, professional)
                                   : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         self->known_email ? self->known_email : "");
}

static void
on_agency_changed (RmmNetworkDialog *self)
{
  RmmStore *store = rmm_form_dialog_get_store (RMM_FORM_DIALOG (self));
  gint64 agency = rmm_combo_row_get_id (self->agency_row, self->agencies, 0);
  g_autoptr(GListModel) names = NULL;

  if (store == NULL)
    return;
  g_clear_pointer (&self->professionals, g_ptr_array_unref);
  self->professionals = agency ? rmm_store_list_professionals (store, agency, NULL) : NULL;
  names = rmm_named_ids_model (self->professionals, NULL);
  adw_combo_row_set_model (self->professional_row, names);
  on_professional_changed (self);
}

static void
rmm_network_dialog_constructed (GObject *object)
{
  RmmNetworkDialog *self = RMM_NETWORK_DIALOG (object);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  guint n_roles;
  const RmmLabel *labels = rmm_network_roles (&n_roles);

  G_OBJECT_CLASS (rmm_network_dialog_parent_class)->constructed (object);

  /* Every role but the last, the family's contact: that is the other kind of member. */
  for (guint i = 0; i + 1 < n_roles; i++)
    gtk_string_list_append (roles, _(labels[i].label));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row,
                                                 rmm_form_dialog_get_store (RMM_FORM_DIALOG (self)),
                                                 NULL);
  on_agency_changed (self);
  on_kind_changed (self);
}

static void
rmm_network_dialog_dispose (GObject *object)
{
  RmmNetworkDialog *self = RMM_NETWORK_DIALOG (object);

  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->professionals, g_ptr_array_unref);
  g_clear_pointer (&self->known_email, g_free);

  G_OBJECT_CLASS (rmm_network_dialog_parent_class)->dispose (object);
}

static void
rmm_network_dialog_class_init (RmmNetworkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rmm_network_dialog_constructed;
  object_class->dispose = rmm_network_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_network_dialog_record;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-network-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, professional_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, family_copy_row);
  gtk_widget_class_bind_template_child (widget_class, RmmNetworkDialog, family_copy_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_agency_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_professional_changed);
}

static void
rmm_network_dialog_init (RmmNetworkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmNetworkDialog *
rmm_network_dialog_new (GtkWindow     *parent,
                        RmmStore      *store,
                        RmmAgendaItem *item)
{
  return g_object_new (RMM_TYPE_NETWORK_DIALOG, "transient-for", parent, "store", store,
                       "item", item, NULL);
}
