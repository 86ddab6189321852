/* rmm-decision-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision is a subclass with a template of its own: it sets the dialog's title,
 * description and current-title, and gives the rows of its proposal as children. A plain
 * <child> is a row the chairs edit, locked while one chair's confirmation waits for the
 * other's; a <child type="info"> only shows something (what the assessment proposed, why a
 * case cannot close yet) and is never locked.
 */
#define G_LOG_DOMAIN "rmm-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-decision-dialog.h"
#include "rmm-gui-utils.h"

typedef struct
{
  RmmStore         *store;
  RmmMeeting       *meeting;
  RmmAgendaItem    *item;
  RmmDecisionState *state;      /* the newest decision of the kind at this meeting, or NULL */
  GPtrArray        *rows;       /* the subclass's proposal rows */

  AdwWindowTitle   *title;
  AdwPreferencesGroup *proposal_group;
  AdwActionRow     *current_row;
  AdwActionRow     *status_row;
  AdwActionRow     *chair1_row;
  AdwActionRow     *chair2_row;
  GtkWidget        *confirm1_button;
  GtkWidget        *confirm2_button;
  GtkWidget        *disagree1_button;
  GtkWidget        *disagree2_button;
  GtkWidget        *correct_group;
} RmmDecisionDialogPrivate;

static void rmm_decision_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (RmmDecisionDialog, rmm_decision_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (RmmDecisionDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                rmm_decision_dialog_buildable_init))

#define PRIV(self) ((RmmDecisionDialogPrivate *)rmm_decision_dialog_get_instance_private (self))

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_CURRENT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

/* A subclass's rows, given as children in its template, go into the proposal's group after
 * the row that shows the decision standing now. */
static void
rmm_decision_dialog_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  RmmDecisionDialogPrivate *priv = PRIV (RMM_DECISION_DIALOG (buildable));

  if (priv->proposal_group != NULL && GTK_IS_WIDGET (child) &&
      (type == NULL || g_str_equal (type, "info")))
    {
      adw_preferences_group_add (priv->proposal_group, GTK_WIDGET (child));
      if (type == NULL)
        g_ptr_array_add (priv->rows, child);
    }
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
rmm_decision_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = rmm_decision_dialog_add_child;
}

static RmmDecisionKind
kind (RmmDecisionDialog *self)
{
  return RMM_DECISION_DIALOG_GET_CLASS (self)->kind;
}

static char *
describe (RmmDecisionDialog      *self,
          const RmmDecisionState *state)
{
  return RMM_DECISION_DIALOG_GET_CLASS (self)->describe (self, state);
}

static gboolean
stands (RmmDecisionDialogPrivate *priv)
{
  return priv->state && priv->state->status == RMM_DECISION_STATUS_CONFIRMED;
}

/* Why this login may not give @chair's confirmation (on a server set to two logins), or NULL. */
static char *
why_not_confirm (RmmDecisionDialog *self,
                 int                chair)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);

  return rmm_store_why_not_confirm (priv->store, rmm_agenda_item_get_child_id (priv->item),
                                    priv->state ? priv->state->id : 0, chair);
}

/* Returns why this login may not confirm as @chair, or NULL. */
static char *
show_chair (RmmDecisionDialog *self,
            int                chair,
            GtkWidget         *confirm,
            GtkWidget         *disagree,
            gboolean           confirmed,
            const char        *name)
{
  gboolean done = stands (PRIV (self));
  g_autofree char *label = confirmed ? g_strdup_printf (_("Confirmed by %s"), name)
                                     : g_strdup_printf (_("Confirm as %s"), name);
  char *why_not = confirmed || done ? NULL : why_not_confirm (self, chair);

  gtk_button_set_label (GTK_BUTTON (confirm), label);
  gtk_widget_set_sensitive (confirm, !confirmed && !done && why_not == NULL);
  /* Said where the chair looks, and to a screen reader. */
  gtk_widget_set_tooltip_text (confirm, why_not);
  gtk_accessible_update_property (GTK_ACCESSIBLE (confirm), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  why_not ? why_not : "", -1);
  gtk_widget_set_sensitive (disagree, !confirmed && !done);
  return why_not;
}

static char *
status_text (RmmDecisionDialog *self)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  g_autofree char *value = NULL;

  if (priv->state == NULL)
    return g_strdup (_("Not decided at this meeting. Each chair confirms what they agree; "
                       "it stands once both have."));
  value = describe (self, priv->state);
  if (stands (priv))
    {
      g_autofree char *on = rmm_time_format_uk (priv->state->proposed_at, "%-d %B %Y");

      return g_strdup_printf (_("%s: confirmed by both chairs (%s). It cannot be changed; a "
                                "correction supersedes it, with a reason."), value, on);
    }
  if (priv->state->status == RMM_DECISION_STATUS_DISPUTED)
    return g_strdup_printf (_("%s: disputed, marked for escalation to service managers.\n%s"),
                            value, priv->state->dissent);
  return g_strdup_printf (_("%s: proposed; waiting for %s."), value,
                          priv->state->chair1_confirmed
                            ? rmm_meeting_get_chair_family (priv->meeting)
                            : rmm_meeting_get_chair_children (priv->meeting));
}

static void
show_current (RmmDecisionDialog *self)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  g_autoptr(RmmDecisionState) current = NULL;
  g_autofree char *text = NULL;

  current = rmm_store_find_current_decision (priv->store,
                                             rmm_agenda_item_get_child_id (priv->item),
                                             kind (self), NULL);
  text = current ? describe (self, current) : g_strdup (_("None recorded"));
  adw_action_row_set_subtitle (priv->current_row, text);
}

/* Show where the decision stands: nothing yet, one chair, disputed, or confirmed. */
void
rmm_decision_dialog_refresh (RmmDecisionDialog *self)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *why_not1 = NULL;
  g_autofree char *why_not2 = NULL;
  gboolean open;

  g_return_if_fail (RMM_IS_DECISION_DIALOG (self));

  g_clear_pointer (&priv->state, rmm_decision_state_free);
  priv->state = rmm_store_find_meeting_decision (priv->store,
                                                 rmm_agenda_item_get_child_id (priv->item),
                                                 rmm_meeting_get_id (priv->meeting),
                                                 kind (self), &error);
  show_current (self);

  if (priv->state != NULL)
    RMM_DECISION_DIALOG_GET_CLASS (self)->show_proposal (self, priv->state);
  /* A proposal one chair has confirmed is what the other confirms: it is not edited. */
  open = priv->state == NULL || stands (priv) ||
         priv->state->status == RMM_DECISION_STATUS_DISPUTED;
  for (guint i = 0; i < priv->rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (priv->rows, i), open);
  why_not1 = show_chair (self, 1, priv->confirm1_button, priv->disagree1_button,
                         priv->state && priv->state->chair1_confirmed,
                         rmm_meeting_get_chair_children (priv->meeting));
  why_not2 = show_chair (self, 2, priv->confirm2_button, priv->disagree2_button,
                         priv->state && priv->state->chair2_confirmed,
                         rmm_meeting_get_chair_family (priv->meeting));
  /* What this login may not confirm, said where the chairs read the status too. */
  status = status_text (self);
  if (why_not1 != NULL || why_not2 != NULL)
    {
      char *with_reason = g_strconcat (status, "\n", why_not1 ? why_not1 : why_not2, NULL);

      g_free (status);
      status = with_reason;
    }
  adw_action_row_set_subtitle (priv->status_row, status);
  gtk_widget_set_visible (priv->correct_group, stands (priv));
  /* Alt+1 / Alt+2 must not reach a decision that already stands. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.confirm", !stands (priv));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.disagree", !stands (priv));
}

void
rmm_decision_dialog_show_error (RmmDecisionDialog *self,
                                const GError      *error)
{
  rmm_show_message (GTK_WIDGET (self), _("Nothing Was Recorded"), error->message);
}

static gint64
chair_id (RmmDecisionDialog *self,
          int                chair)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);

  return chair == 1 ? rmm_meeting_get_chair_children_id (priv->meeting)
                    : rmm_meeting_get_chair_family_id (priv->meeting);
}

static gboolean
read_proposal (RmmDecisionDialog  *self,
               RmmDecisionInput   *input,
               GError            **error)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);

  *input = (RmmDecisionInput) {
    .child_id = rmm_agenda_item_get_child_id (priv->item),
    .meeting_id = rmm_meeting_get_id (priv->meeting),
    .kind = kind (self),
  };
  return RMM_DECISION_DIALOG_GET_CLASS (self)->read_proposal (self, input, error);
}

/* One chair's word, confirming (@dissent NULL) or disagreeing, through the store's one
 * workflow; what went wrong, if anything, is shown, and the rows show where it stands. */
static void
record (RmmDecisionDialog *self,
        int                chair,
        const char        *dissent)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  RmmDecisionDialogClass *klass = RMM_DECISION_DIALOG_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  RmmDecisionInput input;
  RmmClosureInput closure;
  gboolean has_closure;

  if (!read_proposal (self, &input, &error))
    {
      /* A proposal already standing is decided on as it is: the rows are not read. */
      if (priv->state == NULL || priv->state->status != RMM_DECISION_STATUS_PROPOSED)
        {
          rmm_decision_dialog_show_error (self, error);
          return;
        }
      g_clear_error (&error);
      input = (RmmDecisionInput) {
        .child_id = rmm_agenda_item_get_child_id (priv->item),
        .meeting_id = rmm_meeting_get_id (priv->meeting),
        .kind = kind (self),
      };
    }
  has_closure = klass->read_closure != NULL && klass->read_closure (self, &closure);
  if (rmm_store_decide (priv->store, &input, has_closure ? &closure : NULL, chair_id (self, chair),
                        dissent, &error) == 0)
    rmm_decision_dialog_show_error (self, error);
  rmm_decision_dialog_refresh (self);
}

static void
action_confirm (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RmmDecisionDialog *self = RMM_DECISION_DIALOG (widget);
  int chair = g_variant_get_int32 (parameter);
  g_autofree char *why_not = why_not_confirm (self, chair);

  /* Alt+1 / Alt+2 reach it however the button stands: the same reason, before the server's. */
  if (why_not != NULL)
    rmm_show_message (widget, _("Nothing Was Recorded"), why_not);
  else
    record (self, chair, NULL);
}

static void
on_disagree_response (AdwMessageDialog  *dialog,
                      const char        *response,
                      RmmDecisionDialog *self)
{
  int chair = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "chair"));
  g_autofree char *view = rmm_reason_dialog_dup_text (dialog);

  if (g_str_equal (response, "record"))
    record (self, chair, view);
}

static void
action_disagree (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RmmDecisionDialog *self = RMM_DECISION_DIALOG (widget);
  RmmDecisionDialogPrivate *priv = PRIV (self);
  int chair = g_variant_get_int32 (parameter);
  g_autofree char *heading = g_strdup_printf (_("%s Disagrees"),
                                              chair == 1
                                                ? rmm_meeting_get_chair_children (priv->meeting)
                                                : rmm_meeting_get_chair_family (priv->meeting));
  AdwMessageDialog *dialog = rmm_reason_dialog_new (GTK_WINDOW (self), heading,
                                                    _("The view is recorded beside the other "
                                                      "chair’s, and the item is marked for "
                                                      "escalation to service managers."),
                                                    _("The chair’s view"), "record",
                                                    _("Record"));

  g_object_set_data (G_OBJECT (dialog), "chair", GINT_TO_POINTER (chair));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disagree_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_correct_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     RmmDecisionDialog *self)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  RmmDecisionDialogClass *klass = RMM_DECISION_DIALOG_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = rmm_reason_dialog_dup_text (dialog);
  RmmDecisionInput input;
  RmmClosureInput closure;
  gboolean has_closure;

  if (!g_str_equal (response, "record"))
    return;
  has_closure = klass->read_closure != NULL && klass->read_closure (self, &closure);
  if (read_proposal (self, &input, &error))
    rmm_store_correct_decision (priv->store, priv->state->id, &input,
                                has_closure ? &closure : NULL, reason, &error);
  if (error != NULL)
    rmm_decision_dialog_show_error (self, error);
  rmm_decision_dialog_refresh (self);
}

/* A confirmed decision never changes: the correction is a new decision, with a reason,
 * that both chairs confirm in turn. */
static void
action_correct (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RmmDecisionDialog *self = RMM_DECISION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *body = NULL;
  RmmDecisionInput input;
  RmmDecisionState shown = { 0 };
  AdwMessageDialog *dialog;

  if (!read_proposal (self, &input, &error))
    {
      rmm_decision_dialog_show_error (self, error);
      return;
    }
  shown.value = (char *)(input.value ? input.value : "");
  shown.lead_agency_id = input.lead_agency_id;
  shown.lead_professional_id = input.lead_professional_id;
  value = describe (self, &shown);
  body = g_strdup_printf (_("The confirmed decision stays on record; “%s” is proposed in its "
                            "place and stands once both chairs confirm it."), value);
  dialog = rmm_reason_dialog_new (GTK_WINDOW (self), _("Correct the Decision?"), body,
                                  _("Why it is corrected"), "record", _("Propose Correction"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_correct_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rmm_decision_dialog_dispose (GObject *object)
{
  RmmDecisionDialog *self = RMM_DECISION_DIALOG (object);
  RmmDecisionDialogPrivate *priv = PRIV (self);

  /* No gtk_widget_dispose_template(): GTK 4.8 refuses it for a subclass's instance (the
   * template belongs to this class). The window destroys its content itself. */
  g_clear_pointer (&priv->state, rmm_decision_state_free);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  g_clear_object (&priv->item);
  g_clear_object (&priv->meeting);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rmm_decision_dialog_parent_class)->dispose (object);
}

static void
rmm_decision_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RmmDecisionDialogPrivate *priv = PRIV (RMM_DECISION_DIALOG (object));

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_preferences_group_get_description (priv->proposal_group));
      break;
    case PROP_CURRENT_TITLE:
      g_value_set_string (value,
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (priv->current_row)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_decision_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RmmDecisionDialogPrivate *priv = PRIV (RMM_DECISION_DIALOG (object));

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      adw_preferences_group_set_description (priv->proposal_group, g_value_get_string (value));
      break;
    case PROP_CURRENT_TITLE:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (priv->current_row),
                                     g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_decision_dialog_class_init (RmmDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_decision_dialog_dispose;
  object_class->get_property = rmm_decision_dialog_get_property;
  object_class->set_property = rmm_decision_dialog_set_property;

  /* What the decision is for, above its rows. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The title of the row that shows the decision standing now ("Current rating"). */
  properties[PROP_CURRENT_TITLE] =
    g_param_spec_string ("current-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-decision-dialog.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child_private (widget_class, RmmDecisionDialog, name)
  BIND (title);
  BIND (proposal_group);
  BIND (current_row);
  BIND (status_row);
  BIND (chair1_row);
  BIND (chair2_row);
  BIND (confirm1_button);
  BIND (confirm2_button);
  BIND (disagree1_button);
  BIND (disagree2_button);
  BIND (correct_group);
#undef BIND

  gtk_widget_class_install_action (widget_class, "decision.confirm", "i", action_confirm);
  gtk_widget_class_install_action (widget_class, "decision.disagree", "i", action_disagree);
  gtk_widget_class_install_action (widget_class, "decision.correct", NULL, action_correct);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "decision.confirm",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "decision.confirm",
                                       "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_decision_dialog_init (RmmDecisionDialog *self)
{
  PRIV (self)->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Called by the subclass's constructor, before its rows are filled. */
void
rmm_decision_dialog_setup (RmmDecisionDialog *self,
                           RmmStore          *store,
                           RmmMeeting        *meeting,
                           RmmAgendaItem     *item)
{
  RmmDecisionDialogPrivate *priv = PRIV (self);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RMM_IS_DECISION_DIALOG (self));
  g_return_if_fail (RMM_IS_STORE (store));

  priv->store = g_object_ref (store);
  priv->meeting = g_object_ref (meeting);
  priv->item = g_object_ref (item);
  subtitle = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                              rmm_agenda_item_get_last_name (item),
                              rmm_agenda_item_get_child_reference (item));
  adw_window_title_set_title (priv->title, gtk_window_get_title (GTK_WINDOW (self)));
  adw_window_title_set_subtitle (priv->title, subtitle);
  adw_action_row_set_subtitle (priv->chair1_row, rmm_meeting_get_chair_children (meeting));
  adw_action_row_set_subtitle (priv->chair2_row, rmm_meeting_get_chair_family (meeting));
}

RmmStore *
rmm_decision_dialog_get_store (RmmDecisionDialog *self)
{
  return PRIV (self)->store;
}

RmmMeeting *
rmm_decision_dialog_get_meeting (RmmDecisionDialog *self)
{
  return PRIV (self)->meeting;
}

RmmAgendaItem *
rmm_decision_dialog_get_item (RmmDecisionDialog *self)
{
  return PRIV (self)->item;
}
