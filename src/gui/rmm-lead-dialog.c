/* rmm-lead-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-lead-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-lead-dialog.h"

struct _RmmLeadDialog
{
  RmmDecisionDialog  parent_instance;

  GPtrArray         *agencies;       /* RmmNamedId */
  GPtrArray         *professionals;  /* RmmNamedId of the chosen agency */
  AdwComboRow       *agency_row;
  AdwComboRow       *professional_row;
};

G_DEFINE_FINAL_TYPE (RmmLeadDialog, rmm_lead_dialog, RMM_TYPE_DECISION_DIALOG)

/* The people of the chosen agency; the first entry leaves the professional to be named. */
static void
fill_professionals (RmmLeadDialog *self)
{
  RmmStore *store = rmm_decision_dialog_get_store (RMM_DECISION_DIALOG (self));
  g_autoptr(GListModel) names = NULL;

  g_clear_pointer (&self->professionals, g_ptr_array_unref);
  self->professionals = rmm_store_list_professionals (store,
                                                      rmm_combo_row_get_id (self->agency_row,
                                                                   self->agencies, 0),
                                                      NULL);
  names = rmm_named_ids_model (self->professionals, _("Not named yet"));
  adw_combo_row_set_model (self->professional_row, names);
}

static gboolean
rmm_lead_dialog_read_proposal (RmmDecisionDialog  *dialog,
                               RmmDecisionInput   *input,
                               GError            **error)
{
  RmmLeadDialog *self = RMM_LEAD_DIALOG (dialog);

  input->lead_agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 0);
  input->lead_professional_id = rmm_combo_row_get_id (self->professional_row, self->professionals, 1);
  if (input->lead_agency_id == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Choose the lead agency first."));
      return FALSE;
    }
  return TRUE;
}

static void
show_lead (RmmLeadDialog *self,
           gint64         agency_id,
           gint64         professional_id)
{
  rmm_combo_row_set_id (self->agency_row, self->agencies, 0, agency_id);
  /* Changing the agency refills the people; then choose the person. */
  fill_professionals (self);
  adw_combo_row_set_selected (self->professional_row, 0);
  rmm_combo_row_set_id (self->professional_row, self->professionals, 1, professional_id);
}

static void
rmm_lead_dialog_show_proposal (RmmDecisionDialog      *dialog,
                               const RmmDecisionState *state)
{
  show_lead (RMM_LEAD_DIALOG (dialog), state->lead_agency_id, state->lead_professional_id);
}

static char *
rmm_lead_dialog_describe (RmmDecisionDialog      *dialog,
                          const RmmDecisionState *state)
{
  RmmLeadDialog *self = RMM_LEAD_DIALOG (dialog);
  const char *agency = state->lead_agency;
  const char *person = state->lead_professional;

  /* A proposal not yet stored has ids only. */
  for (guint i = 0; agency == NULL && i < self->agencies->len; i++)
    if (((RmmNamedId *)g_ptr_array_index (self->agencies, i))->id == state->lead_agency_id)
      agency = ((RmmNamedId *)g_ptr_array_index (self->agencies, i))->name;
  for (guint i = 0; person == NULL && self->professionals && i < self->professionals->len; i++)
    if (((RmmNamedId *)g_ptr_array_index (self->professionals, i))->id ==
        state->lead_professional_id)
      person = ((RmmNamedId *)g_ptr_array_index (self->professionals, i))->name;

  return rmm_describe_lead (agency, person);
}

static void
on_agency_selected (RmmLeadDialog *self)
{
  fill_professionals (self);
}

static void
rmm_lead_dialog_dispose (GObject *object)
{
  RmmLeadDialog *self = RMM_LEAD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_LEAD_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->professionals, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_lead_dialog_parent_class)->dispose (object);
}

static void
rmm_lead_dialog_class_init (RmmLeadDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RmmDecisionDialogClass *dialog_class = RMM_DECISION_DIALOG_CLASS (klass);

  object_class->dispose = rmm_lead_dialog_dispose;
  dialog_class->kind = RMM_DECISION_KIND_LEAD_AGENCY;
  dialog_class->read_proposal = rmm_lead_dialog_read_proposal;
  dialog_class->show_proposal = rmm_lead_dialog_show_proposal;
  dialog_class->describe = rmm_lead_dialog_describe;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-lead-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmLeadDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmLeadDialog, professional_row);
}

static void
rmm_lead_dialog_init (RmmLeadDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Where a child held at Early Help goes: Family Services, unless a social worker is
 * allocated; otherwise Children's Services. */
static const char *
default_agency_kind (RmmAgendaItem *item,
                     const char    *framework_id)
{
  RmmFramework *framework = rmm_framework_lookup (framework_id);
  const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework,
                                                                    rmm_agenda_item_get_rating (item))
                                        : NULL;

  return level && level->held_at_early_help ? "family-services" : "childrens-services";
}

RmmLeadDialog *
rmm_lead_dialog_new (GtkWindow     *parent,
                     RmmStore      *store,
                     RmmMeeting    *meeting,
                     RmmAgendaItem *item,
                     const char    *framework_id)
{
  g_autoptr(RmmDecisionState) current = NULL;
  RmmLeadDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_LEAD_DIALOG, "transient-for", parent, NULL);
  rmm_decision_dialog_setup (RMM_DECISION_DIALOG (self), store, meeting, item);
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row, store, NULL);

  current = rmm_store_find_current_decision (store, rmm_agenda_item_get_child_id (item),
                                             RMM_DECISION_KIND_LEAD_AGENCY, NULL);
  if (current != NULL)
    show_lead (self, current->lead_agency_id, current->lead_professional_id);
  else
    show_lead (self, rmm_store_find_agency_by_kind (store,
                                                    default_agency_kind (item, framework_id),
                                                    NULL), 0);
  /* Only now: filling the rows above is not a choice of agency to follow. */
  g_signal_connect_object (self->agency_row, "notify::selected",
                           G_CALLBACK (on_agency_selected), self, G_CONNECT_SWAPPED);
  rmm_decision_dialog_refresh (RMM_DECISION_DIALOG (self));
  return self;
}
