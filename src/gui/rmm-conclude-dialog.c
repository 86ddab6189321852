/* rmm-conclude-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-conclude-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-conclude-dialog.h"
#include "rmm-gui-utils.h"
#include "rmm-store-keeper.h"
#include "rmm-summary-row.h"

struct _RmmConcludeDialog
{
  AdwWindow            parent_instance;

  RmmStore            *store;
  RmmMeeting          *meeting;
  GPtrArray           *rows;

  AdwWindowTitle      *title;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *empty_row;
  AdwActionRow        *status_row;
  AdwActionRow        *chair1_row;
  AdwActionRow        *chair2_row;
  GtkWidget           *conclude_button;
  GtkWidget           *sign1_button;
  GtkWidget           *sign2_button;
};

G_DEFINE_FINAL_TYPE (RmmConcludeDialog, rmm_conclude_dialog, ADW_TYPE_WINDOW)

static void
show_summary (RmmConcludeDialog *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->summary_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  lines = rmm_store_summarize_meeting (self->store, rmm_meeting_get_id (self->meeting), &error);
  for (guint i = 0; lines && i < lines->len; i++)
    {
      GtkWidget *row = rmm_summary_row_new (g_ptr_array_index (lines, i));

      adw_preferences_group_add (self->summary_group, row);
      g_ptr_array_add (self->rows, row);
    }
  /* Nothing decided (or nothing could be read): the one row says which. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 error ? error->message : _("No decisions recorded"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->rows->len == 0);
}

static void
show_chair (GtkWidget  *button,
            gboolean    signed_off,
            gboolean    can_sign,
            const char *name)
{
  g_autofree char *label = signed_off ? g_strdup_printf (_("Signed Off by %s"), name)
                                      : g_strdup_printf (_("Sign Off as %s"), name);

  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_widget_set_sensitive (button, can_sign && !signed_off);
}

static void
refresh (RmmConcludeDialog *self)
{
  g_autoptr(RmmMeeting) meeting = rmm_store_get_meeting (self->store,
                                                         rmm_meeting_get_id (self->meeting), NULL);
  RmmMeetingStatus status;
  int signed_by;

  if (meeting != NULL)
    g_set_object (&self->meeting, meeting);
  status = rmm_meeting_get_state (self->meeting);
  signed_by = rmm_store_get_sign_off (self->store, rmm_meeting_get_id (self->meeting), NULL);
  show_summary (self);
  if (status == RMM_MEETING_STATUS_OPEN)
    adw_action_row_set_subtitle (self->status_row,
                                 _("Under way. Conclude once every child is discussed or "
                                   "deferred; then each chair signs the minutes off."));
  else if (status == RMM_MEETING_STATUS_CONCLUDED)
    adw_action_row_set_subtitle (self->status_row,
                                 _("Concluded. The minutes stand once both chairs sign them "
                                   "off."));
  else if (status == RMM_MEETING_STATUS_SIGNED_OFF)
    adw_action_row_set_subtitle (self->status_row,
                                 _("Signed off by both chairs. The minutes no longer change."));
  else
    adw_action_row_set_subtitle (self->status_row, _("Not opened yet."));
  gtk_widget_set_visible (self->conclude_button, status == RMM_MEETING_STATUS_OPEN);
  show_chair (self->sign1_button, signed_by > 0 && (signed_by & 1),
              status == RMM_MEETING_STATUS_CONCLUDED,
              rmm_meeting_get_chair_children (self->meeting));
  show_chair (self->sign2_button, signed_by > 0 && (signed_by & 2),
              status == RMM_MEETING_STATUS_CONCLUDED,
              rmm_meeting_get_chair_family (self->meeting));
}

static void
show_error (RmmConcludeDialog *self,
            const char        *heading,
            const GError      *error)
{
  rmm_show_message (GTK_WIDGET (self), heading, error->message);
}

static void
action_conclude (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RmmConcludeDialog *self = RMM_CONCLUDE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!rmm_store_conclude_meeting (self->store, rmm_meeting_get_id (self->meeting), &error))
    show_error (self, _("The Meeting Was Not Concluded"), error);
  else
    rmm_store_keeper_back_up (rmm_store_keeper_get (self->store), "concluded");
  refresh (self);
}

static void
action_sign_off (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RmmConcludeDialog *self = RMM_CONCLUDE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 chair = g_variant_get_int32 (parameter) == 1
    ? rmm_meeting_get_chair_children_id (self->meeting)
    : rmm_meeting_get_chair_family_id (self->meeting);

  if (!rmm_store_sign_off_meeting (self->store, rmm_meeting_get_id (self->meeting), chair,
                                   &error))
    show_error (self, _("The Minutes Were Not Signed Off"), error);
  refresh (self);
}

static void
rmm_conclude_dialog_dispose (GObject *object)
{
  RmmConcludeDialog *self = RMM_CONCLUDE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CONCLUDE_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rmm_conclude_dialog_parent_class)->dispose (object);
}

static void
rmm_conclude_dialog_class_init (RmmConcludeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_conclude_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-conclude-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmConcludeDialog, name)
  BIND (title);
  BIND (summary_group);
  BIND (empty_row);
  BIND (status_row);
  BIND (chair1_row);
  BIND (chair2_row);
  BIND (conclude_button);
  BIND (sign1_button);
  BIND (sign2_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "conclude.conclude", NULL, action_conclude);
  gtk_widget_class_install_action (widget_class, "conclude.sign-off", "i", action_sign_off);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "conclude.sign-off", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "conclude.sign-off", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_conclude_dialog_init (RmmConcludeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

RmmConcludeDialog *
rmm_conclude_dialog_new (GtkWindow  *parent,
                         RmmStore   *store,
                         RmmMeeting *meeting)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  RmmConcludeDialog *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_CONCLUDE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  day = rmm_meeting_format_date (meeting, "%-d %B %Y");
  subtitle = g_strdup_printf ("%s · %s", rmm_meeting_get_area_name (meeting), day);
  adw_window_title_set_subtitle (self->title, subtitle);
  adw_action_row_set_subtitle (self->chair1_row, rmm_meeting_get_chair_children (meeting));
  adw_action_row_set_subtitle (self->chair2_row, rmm_meeting_get_chair_family (meeting));
  refresh (self);
  return self;
}
