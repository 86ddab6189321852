/* rmm-form-dialog.c: the small forms that record one thing about a child or a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new piece of information, a missing episode, a police disruption: each is a modal
 * window with Cancel and Record in its header, the child's name under the title, a group of
 * rows, Escape to close, and a question before a half-filled form is thrown away. This class
 * is all of that; a form is a subclass with a template that sets its title, description and
 * question, adds its rows as children (they go into the group), and implements record().
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-form-dialog.h"
#include "rmm-gui-utils.h"
#include "rmm-unsaved-guard.h"

typedef struct
{
  RmmStore            *store;
  RmmAgendaItem       *item;
  char                *subtitle;
  char                *discard_question;
  char                *refusal_heading;

  AdwWindowTitle      *window_title;
  GtkButton           *record_button;
  AdwPreferencesGroup *group;
} RmmFormDialogPrivate;

static void rmm_form_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (RmmFormDialog, rmm_form_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (RmmFormDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                rmm_form_dialog_buildable_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM,
  PROP_SUBTITLE,
  PROP_DESCRIPTION,
  PROP_RECORD_LABEL,
  PROP_DISCARD_QUESTION,
  PROP_REFUSAL_HEADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

/* A subclass's rows, given as children in its template, go into the form's group. */
static void
rmm_form_dialog_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (RMM_FORM_DIALOG (buildable));

  if (priv->group != NULL && type == NULL && GTK_IS_WIDGET (child))
    adw_preferences_group_add (priv->group, GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
rmm_form_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = rmm_form_dialog_add_child;
}

/* The record button's action: a form may give it a key too (the concern's Ctrl+S). */
static void
action_record (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RmmFormDialog *self = RMM_FORM_DIALOG (widget);
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (!RMM_FORM_DIALOG_GET_CLASS (self)->record (self, &error))
    {
      rmm_show_message (GTK_WIDGET (self),
                        priv->refusal_heading ? priv->refusal_heading : _("Nothing Was Recorded"),
                        error->message);
      return;
    }
  rmm_unsaved_guard_set_saved (GTK_WINDOW (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The title, and under it the subtitle given or the child's name and reference. */
static void
show_title (RmmFormDialog *self)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (self);
  g_autofree char *child = NULL;

  adw_window_title_set_title (priv->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (priv->subtitle == NULL && priv->item != NULL)
    child = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (priv->item),
                             rmm_agenda_item_get_last_name (priv->item),
                             rmm_agenda_item_get_child_reference (priv->item));
  adw_window_title_set_subtitle (priv->window_title,
                                 priv->subtitle ? priv->subtitle : child ? child : "");
}

static void
rmm_form_dialog_constructed (GObject *object)
{
  RmmFormDialog *self = RMM_FORM_DIALOG (object);
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (self);

  G_OBJECT_CLASS (rmm_form_dialog_parent_class)->constructed (object);

  show_title (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (show_title), NULL);
  if (priv->discard_question != NULL)
    rmm_unsaved_guard_attach (GTK_WINDOW (self), priv->discard_question);
}

static void
rmm_form_dialog_dispose (GObject *object)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (RMM_FORM_DIALOG (object));

  /* No gtk_widget_dispose_template(): GTK 4.8 refuses it for a subclass's instance (see
   * RmmDecisionDialog). The window destroys its content itself. */
  g_clear_object (&priv->item);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rmm_form_dialog_parent_class)->dispose (object);
}

static void
rmm_form_dialog_finalize (GObject *object)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (RMM_FORM_DIALOG (object));

  g_free (priv->subtitle);
  g_free (priv->discard_question);
  g_free (priv->refusal_heading);

  G_OBJECT_CLASS (rmm_form_dialog_parent_class)->finalize (object);
}

static void
rmm_form_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (RMM_FORM_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_preferences_group_get_description (priv->group));
      break;
    case PROP_RECORD_LABEL:
      g_value_set_string (value, gtk_button_get_label (priv->record_button));
      break;
    case PROP_DISCARD_QUESTION:
      g_value_set_string (value, priv->discard_question);
      break;
    case PROP_REFUSAL_HEADING:
      g_value_set_string (value, priv->refusal_heading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_form_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (RMM_FORM_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      priv->item = g_value_dup_object (value);
      break;
    case PROP_SUBTITLE:
      g_free (priv->subtitle);
      priv->subtitle = g_value_dup_string (value);
      if (priv->window_title != NULL)
        show_title (RMM_FORM_DIALOG (object));
      break;
    case PROP_DESCRIPTION:
      adw_preferences_group_set_description (priv->group, g_value_get_string (value));
      break;
    case PROP_RECORD_LABEL:
      gtk_button_set_label (priv->record_button, g_value_get_string (value));
      break;
    case PROP_DISCARD_QUESTION:
      g_free (priv->discard_question);
      priv->discard_question = g_value_dup_string (value);
      break;
    case PROP_REFUSAL_HEADING:
      g_free (priv->refusal_heading);
      priv->refusal_heading = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_form_dialog_class_init (RmmFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rmm_form_dialog_constructed;
  object_class->dispose = rmm_form_dialog_dispose;
  object_class->finalize = rmm_form_dialog_finalize;
  object_class->get_property = rmm_form_dialog_get_property;
  object_class->set_property = rmm_form_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RMM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, RMM_TYPE_AGENDA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Under the title; without it, the child's name and reference when there is an item. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* What the form is for, above its rows. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The button that does the work: Record unless a form says otherwise (Move). */
  properties[PROP_RECORD_LABEL] =
    g_param_spec_string ("record-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The heading over the reason when record() refuses: "Nothing Was Recorded" if unset. */
  properties[PROP_REFUSAL_HEADING] =
    g_param_spec_string ("refusal-heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Asked before a changed form is closed unrecorded ("Discard the … You Were Recording?"). */
  properties[PROP_DISCARD_QUESTION] =
    g_param_spec_string ("discard-question", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-form-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, RmmFormDialog, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, RmmFormDialog, record_button);
  gtk_widget_class_bind_template_child_private (widget_class, RmmFormDialog, group);
  gtk_widget_class_install_action (widget_class, "form.record", NULL, action_record);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_form_dialog_init (RmmFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmStore *
rmm_form_dialog_get_store (RmmFormDialog *self)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_FORM_DIALOG (self), NULL);
  return priv->store;
}

RmmAgendaItem *
rmm_form_dialog_get_item (RmmFormDialog *self)
{
  RmmFormDialogPrivate *priv = rmm_form_dialog_get_instance_private (self);

  g_return_val_if_fail (RMM_IS_FORM_DIALOG (self), NULL);
  return priv->item;
}
