/* rmm-decisions-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row says where its decision stands at this meeting: confirmed by both chairs,
 * waiting for one of them, disputed, or what stands from before. The buttons are the
 * panel's own actions ("decisions.*"), enabled by the can-* properties (the page binds them
 * to its item.* actions, so a button is offered exactly when its key works); activating
 * one emits the signal the page answers.
 */
#define G_LOG_DOMAIN "rmm-decisions-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-decisions-panel.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"

struct _RmmDecisionsPanel
{
  AdwPreferencesGroup  parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  char                *framework_id;
  RmmFramework        *framework;
  gboolean             can_decide;
  gboolean             can_write_plan;
  gboolean             can_print_plan;

  AdwActionRow        *rating_row;
  GtkButton           *rating_button;
  AdwActionRow        *lead_row;
  GtkButton           *lead_button;
  AdwActionRow        *plan_row;
  AdwActionRow        *closure_row;
  GtkButton           *closure_button;
};

G_DEFINE_FINAL_TYPE (RmmDecisionsPanel, rmm_decisions_panel, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
  PROP_FRAMEWORK_ID,
  PROP_FACTS,
  PROP_CAN_DECIDE,
  PROP_CAN_WRITE_PLAN,
  PROP_CAN_PRINT_PLAN,
  N_PROPS
};

enum {
  DECIDE,
  WRITE_PLAN,
  PLAN_PDF,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Each can-* property and the action it enables. */
static const struct { guint prop; const char *action; } offered[] = {
  { PROP_CAN_DECIDE, "decisions.decide" },
  { PROP_CAN_WRITE_PLAN, "decisions.write-plan" },
  { PROP_CAN_PRINT_PLAN, "decisions.plan-pdf" },
};

static gboolean *
can_field (RmmDecisionsPanel *self,
           guint              prop)
{
  switch (prop)
    {
    case PROP_CAN_DECIDE:
      return &self->can_decide;
    case PROP_CAN_WRITE_PLAN:
      return &self->can_write_plan;
    case PROP_CAN_PRINT_PLAN:
      return &self->can_print_plan;
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
set_can (RmmDecisionsPanel *self,
         guint              prop,
         gboolean           can)
{
  gboolean *field = can_field (self, prop);

  if (*field == !!can)
    return;
  *field = !!can;
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    if (offered[i].prop == prop)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), offered[i].action, *field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Whether @state (if any) is a decision both chairs confirmed. */
static gboolean
stands (const RmmDecisionState *state)
{
  return state != NULL && state->status == RMM_DECISION_STATUS_CONFIRMED;
}

/* "High, confirmed by both chairs", "Medium proposed; waiting for …", "Disputed …". */
static char *
decision_text (RmmDecisionsPanel      *self,
               const RmmDecisionState *state,
               const char             *value)
{
  if (state->status == RMM_DECISION_STATUS_CONFIRMED)
    return g_strdup_printf (_("%s, confirmed by both chairs at this meeting."), value);
  if (state->status == RMM_DECISION_STATUS_DISPUTED)
    return g_strdup_printf (_("%s: the chairs disagree; escalated to service managers."), value);
  return g_strdup_printf (_("%s proposed; waiting for %s."), value,
                          state->chair1_confirmed ? rmm_meeting_get_chair_family (self->meeting)
                                                  : rmm_meeting_get_chair_children (self->meeting));
}

static RmmDecisionState *
find_decision (RmmDecisionsPanel  *self,
               const RmmItemFacts *facts,
               RmmDecisionKind     kind)
{
  return rmm_store_find_meeting_decision (self->store, facts->child_id, facts->meeting_id, kind,
                                          NULL);
}

static const char *
describe_level (RmmDecisionsPanel *self,
                const char        *level)
{
  return rmm_framework_describe_level (self->framework, level);
}

static void
show_rating (RmmDecisionsPanel  *self,
             const RmmItemFacts *facts)
{
  g_autoptr(RmmDecisionState) state = find_decision (self, facts, RMM_DECISION_KIND_RISK_RATING);
  g_autofree char *text = NULL;

  if (state != NULL)
    text = decision_text (self, state, describe_level (self, state->value));
  else if (facts->rating != NULL)
    text = g_strdup_printf (_("Now %s. Not yet confirmed at this meeting."),
                            describe_level (self, facts->rating->value));
  else
    text = g_strdup (_("Not rated. Both chairs confirm the rating."));
  adw_action_row_set_subtitle (self->rating_row, text);
  gtk_button_set_label (self->rating_button, stands (state) ? _("View…") : _("Confirm…"));
}

static void
show_lead (RmmDecisionsPanel  *self,
           const RmmItemFacts *facts)
{
  g_autoptr(RmmDecisionState) state = find_decision (self, facts, RMM_DECISION_KIND_LEAD_AGENCY);
  const RmmDecisionState *lead = facts->lead;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (state != NULL)
    {
      value = rmm_describe_lead (state->lead_agency, state->lead_professional);
      text = decision_text (self, state, value);
    }
  else if (lead != NULL && lead->lead_professional_id != 0)
    {
      value = rmm_describe_lead (lead->lead_agency, lead->lead_professional);
      text = g_strdup_printf (_("%s. Nothing to decide unless it changes."), value);
    }
  else if (facts->has_social_worker)
    text = g_strdup_printf (_("Social worker allocated (%s). Nothing to decide."),
                            facts->social_worker);
  else if (lead != NULL)
    {
      value = rmm_describe_lead (lead->lead_agency, lead->lead_professional);
      text = g_strdup_printf (_("%s. A lead professional is needed."), value);
    }
  else
    text = g_strdup (_("No lead agency yet: the chairs allocate one."));
  adw_action_row_set_subtitle (self->lead_row, text);
  gtk_button_set_label (self->lead_button, stands (state) ? _("View…") : _("Allocate…"));
}

static void
show_plan (RmmDecisionsPanel  *self,
           const RmmItemFacts *facts)
{
  g_autofree char *review = rmm_date_format_uk (facts->plan_review_on, "%-d %b %Y");
  g_autofree char *text = NULL;

  if (facts->plan_written_here)
    text = g_strdup_printf (_("Written at this meeting; review by %s."), review);
  else if (rmm_item_facts_needs_plan (facts))
    text = g_strdup (_("Needed: the chairs write (or review) the plan at this meeting."));
  else if (facts->has_plan && *facts->plan_review_on)
    text = g_strdup_printf (_("Open; review by %s."), review);
  else
    text = g_strdup (_("No plan open. The rating does not need one; the chairs may still "
                       "write one."));
  adw_action_row_set_subtitle (self->plan_row, text);
}

static void
show_closure (RmmDecisionsPanel  *self,
              const RmmItemFacts *facts)
{
  g_autoptr(RmmDecisionState) state = find_decision (self, facts, RMM_DECISION_KIND_CLOSURE);
  g_autoptr(GError) refusal = NULL;
  const char *text;

  if (stands (state))
    text = _("Closed by both chairs at this meeting.");
  else if (state != NULL)
    text = _("Closure proposed; waiting for both chairs.");
  else if (!rmm_store_check_closure (self->store, facts->child_id, facts->meets_on, &refusal))
    text = refusal ? refusal->message : "";
  else
    text = _("Open case.");
  adw_action_row_set_subtitle (self->closure_row, text);
  gtk_button_set_label (self->closure_button, stands (state) ? _("View…") : _("Close…"));
}

/* What @facts say, with the decisions the store holds for this meeting; @facts are read
 * now, not kept. */
void
rmm_decisions_panel_show_facts (RmmDecisionsPanel  *self,
                                const RmmItemFacts *facts)
{
  g_return_if_fail (RMM_IS_DECISIONS_PANEL (self));
  g_return_if_fail (facts != NULL);
  g_return_if_fail (RMM_IS_STORE (self->store));
  g_return_if_fail (RMM_IS_MEETING (self->meeting));

  show_rating (self, facts);
  show_lead (self, facts);
  show_plan (self, facts);
  show_closure (self, facts);
}

void
rmm_decisions_panel_set_store (RmmDecisionsPanel *self,
                               RmmStore          *store)
{
  g_return_if_fail (RMM_IS_DECISIONS_PANEL (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
rmm_decisions_panel_set_meeting (RmmDecisionsPanel *self,
                                 RmmMeeting        *meeting)
{
  g_return_if_fail (RMM_IS_DECISIONS_PANEL (self));

  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
rmm_decisions_panel_set_framework_id (RmmDecisionsPanel *self,
                                      const char        *framework_id)
{
  g_return_if_fail (RMM_IS_DECISIONS_PANEL (self));

  if (g_strcmp0 (self->framework_id, framework_id) == 0)
    return;
  g_free (self->framework_id);
  self->framework_id = g_strdup (framework_id);
  self->framework = rmm_framework_lookup (self->framework_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK_ID]);
}

static void
action_decide (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  int kind = rmm_state_from_text (RMM_TYPE_DECISION_KIND, g_variant_get_string (parameter, NULL),
                                  RMM_DECISION_KIND_RISK_RATING);

  g_signal_emit (widget, signals[DECIDE], 0, kind);
}

static void
action_write_plan (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[WRITE_PLAN], 0);
}

static void
action_plan_pdf (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[PLAN_PDF], 0, g_variant_get_string (parameter, NULL));
}

static void
rmm_decisions_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RmmDecisionsPanel *self = RMM_DECISIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_FRAMEWORK_ID:
      g_value_set_string (value, self->framework_id);
      break;
    case PROP_CAN_DECIDE:
    case PROP_CAN_WRITE_PLAN:
    case PROP_CAN_PRINT_PLAN:
      g_value_set_boolean (value, *can_field (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_decisions_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RmmDecisionsPanel *self = RMM_DECISIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rmm_decisions_panel_set_store (self, g_value_get_object (value));
      break;
    case PROP_MEETING:
      rmm_decisions_panel_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_FRAMEWORK_ID:
      rmm_decisions_panel_set_framework_id (self, g_value_get_string (value));
      break;
    case PROP_FACTS:
      if (g_value_get_pointer (value) != NULL)
        rmm_decisions_panel_show_facts (self, g_value_get_pointer (value));
      break;
    case PROP_CAN_DECIDE:
    case PROP_CAN_WRITE_PLAN:
    case PROP_CAN_PRINT_PLAN:
      set_can (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_decisions_panel_dispose (GObject *object)
{
  RmmDecisionsPanel *self = RMM_DECISIONS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_DECISIONS_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->framework_id, g_free);

  G_OBJECT_CLASS (rmm_decisions_panel_parent_class)->dispose (object);
}

static void
rmm_decisions_panel_class_init (RmmDecisionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_decisions_panel_dispose;
  object_class->get_property = rmm_decisions_panel_get_property;
  object_class->set_property = rmm_decisions_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RMM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whose chairs a decision waits for. */
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RMM_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The area's risk framework: the rating's levels in words. */
  properties[PROP_FRAMEWORK_ID] =
    g_param_spec_string ("framework-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The item's RmmItemFacts: shown when set (after store, meeting and framework), not kept,
   * so write-only. */
  properties[PROP_FACTS] =
    g_param_spec_pointer ("facts", NULL, NULL, G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_DECIDE] =
    g_param_spec_boolean ("can-decide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_WRITE_PLAN] =
    g_param_spec_boolean ("can-write-plan", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_PRINT_PLAN] =
    g_param_spec_boolean ("can-print-plan", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The chairs asked to decide (or see) the decision of this kind. */
  signals[DECIDE] = g_signal_new ("decide", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, RMM_TYPE_DECISION_KIND);
  /* … to write a new version of the safety plan. */
  signals[WRITE_PLAN] = g_signal_new ("write-plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* … for the plan as a PDF, for this audience ("professional" or "family"). */
  signals[PLAN_PDF] = g_signal_new ("plan-pdf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "decisions.decide", "s", action_decide);
  gtk_widget_class_install_action (widget_class, "decisions.write-plan", NULL,
                                   action_write_plan);
  gtk_widget_class_install_action (widget_class, "decisions.plan-pdf", "s", action_plan_pdf);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-decisions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, rating_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, rating_button);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, lead_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, lead_button);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, plan_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, closure_row);
  gtk_widget_class_bind_template_child (widget_class, RmmDecisionsPanel, closure_button);
}

static void
rmm_decisions_panel_init (RmmDecisionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Nothing is offered until the page says so. */
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), offered[i].action, FALSE);
}
