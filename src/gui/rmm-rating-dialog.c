/* rmm-rating-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-rating-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-rating-dialog.h"

struct _RmmRatingDialog
{
  RmmDecisionDialog  parent_instance;

  RmmFramework      *framework;
  AdwActionRow      *assessment_row;
  AdwComboRow       *rating_row;
};

G_DEFINE_FINAL_TYPE (RmmRatingDialog, rmm_rating_dialog, RMM_TYPE_DECISION_DIALOG)

static gboolean
rmm_rating_dialog_read_proposal (RmmDecisionDialog  *dialog,
                                 RmmDecisionInput   *input,
                                 GError            **error)
{
  RmmRatingDialog *self = RMM_RATING_DIALOG (dialog);
  guint selected = adw_combo_row_get_selected (self->rating_row);

  if (selected >= rmm_framework_get_n_levels (self->framework))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Choose the rating first."));
      return FALSE;
    }
  input->value = rmm_framework_get_level (self->framework, selected)->id;
  return TRUE;
}

static void
select_level (RmmRatingDialog *self,
              const char      *id)
{
  for (guint i = 0; i < rmm_framework_get_n_levels (self->framework); i++)
    if (g_strcmp0 (rmm_framework_get_level (self->framework, i)->id, id) == 0)
      adw_combo_row_set_selected (self->rating_row, i);
}

static void
rmm_rating_dialog_show_proposal (RmmDecisionDialog      *dialog,
                                 const RmmDecisionState *state)
{
  select_level (RMM_RATING_DIALOG (dialog), state->value);
}

static char *
rmm_rating_dialog_describe (RmmDecisionDialog      *dialog,
                            const RmmDecisionState *state)
{
  return g_strdup (rmm_framework_describe_level (RMM_RATING_DIALOG (dialog)->framework,
                                                state->value));
}

static void
rmm_rating_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_RATING_DIALOG);

  G_OBJECT_CLASS (rmm_rating_dialog_parent_class)->dispose (object);
}

static void
rmm_rating_dialog_class_init (RmmRatingDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RmmDecisionDialogClass *dialog_class = RMM_DECISION_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_rating_dialog_dispose;
  dialog_class->kind = RMM_DECISION_KIND_RISK_RATING;
  dialog_class->read_proposal = rmm_rating_dialog_read_proposal;
  dialog_class->show_proposal = rmm_rating_dialog_show_proposal;
  dialog_class->describe = rmm_rating_dialog_describe;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-rating-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, RmmRatingDialog, rating_row);
}

static void
rmm_rating_dialog_init (RmmRatingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* What the assessment proposed, shown to the room; the rating to confirm starts from the
 * rating that stands, or else from that proposal. */
static void
show_assessment (RmmRatingDialog *self,
                 RmmStore        *store,
                 RmmAgendaItem   *item)
{
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (store, rmm_agenda_item_get_id (item),
                                                            NULL);
  g_autofree char *text = NULL;
  const RmmRiskLevel *level = NULL;

  if (facts != NULL && facts->assessment_on != NULL)
    level = rmm_framework_find_level (self->framework, facts->assessment_rating);
  if (level != NULL)
    {
      g_autofree char *on = rmm_date_format_uk (facts->assessment_on, "%-d %B %Y");

      text = g_strdup_printf (_("%s (assessment of %s)"), level->label, on);
    }
  adw_action_row_set_subtitle (self->assessment_row,
                               text ? text : _("No assessment has proposed a rating"));
  select_level (self, *rmm_agenda_item_get_rating (item) ? rmm_agenda_item_get_rating (item)
                      : level ? level->id : NULL);
}

RmmRatingDialog *
rmm_rating_dialog_new (GtkWindow     *parent,
                       RmmStore      *store,
                       RmmMeeting    *meeting,
                       RmmAgendaItem *item,
                       const char    *framework_id)
{
  RmmRatingDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_RATING_DIALOG, "transient-for", parent, NULL);
  self->framework = rmm_framework_lookup (framework_id);
  if (self->framework == NULL)
    self->framework = rmm_framework_lookup ("surrey-3-level");

  rmm_decision_dialog_setup (RMM_DECISION_DIALOG (self), store, meeting, item);
  rmm_combo_row_offer_levels (self->rating_row, self->framework);
  show_assessment (self, store, item);
  rmm_decision_dialog_refresh (RMM_DECISION_DIALOG (self));
  return self;
}
