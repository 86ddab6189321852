/* rmm-agenda-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-agenda-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rmm-agenda-row.h"
#include "rmm-gui-utils.h"
#include "rmm-dates.h"
#include "rmm-framework.h"

struct _RmmAgendaRow
{
  GtkBox         parent_instance;

  RmmStore      *store;
  RmmAgendaItem *item;

  GtkLabel      *name_label;
  char          *name;
  GtkBox        *badges;
  GtkLabel      *rating_label;
  GtkLabel      *time_box_label;
  GtkWidget     *menu_button;
  GMenuModel    *item_menu;
  GtkWidget     *popover;      /* made on first use */
};

G_DEFINE_FINAL_TYPE (RmmAgendaRow, rmm_agenda_row, GTK_TYPE_BOX)

static void
add_badge (RmmAgendaRow *self,
           const char   *text,
           const char   *css_class)
{
  gtk_box_append (self->badges, rmm_badge_new (text, css_class));
}

static void
show_error (RmmAgendaRow *self,
            const GError *error)
{
  rmm_show_message (GTK_WIDGET (self), _("The Agenda Was Not Changed"), error->message);
}

static void
move_by (RmmAgendaRow *self,
         int           delta)
{
  g_autoptr(GError) error = NULL;
  int position;

  if (self->item == NULL)
    return;
  position = (int)rmm_agenda_item_get_position (self->item) + delta;

  if (position < 1)
    return;
  if (!rmm_store_move_agenda_item (self->store, rmm_agenda_item_get_id (self->item), position,
                                   &error))
    show_error (self, error);
}

/* The meeting view knows the meeting and framework: hand it the item. */
static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmAgendaRow *self = RMM_AGENDA_ROW (widget);

  if (self->item != NULL)
    gtk_widget_activate_action (widget, "meeting.open-item", "x",
                                rmm_agenda_item_get_id (self->item));
}

static void
action_move_up (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (RMM_AGENDA_ROW (widget), -1);
}

static void
action_move_down (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (RMM_AGENDA_ROW (widget), 1);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RmmAgendaRow     *self)
{
  g_autofree char *reason = rmm_reason_dialog_dup_text (dialog);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "remove") &&
      !rmm_store_remove_agenda_item (self->store, rmm_agenda_item_get_id (self->item), reason,
                                     &error))
    show_error (self, error);
}

/* Taking a child off the agenda needs a reason: the minutes say why. */
static void
action_remove (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RmmAgendaRow *self = RMM_AGENDA_ROW (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->item == NULL)
    return;
  heading = g_strdup_printf (_("Remove %s %s from the Agenda?"),
                             rmm_agenda_item_get_first_name (self->item),
                             rmm_agenda_item_get_last_name (self->item));
  dialog = rmm_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                  _("The reason is kept and shown in the minutes."),
                                  _("Reason for removing"), "remove", _("Remove"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The menu is built when first opened: a popover for each of 180 rows would be most of
 * their weight, and few are ever opened. */
static void
on_menu_clicked (RmmAgendaRow *self,
                 GtkButton    *button)
{
  /* Kept, not unparented on close: the menu activates its action after closing. */
  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (self->item_menu);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (button));
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
rmm_agenda_row_dispose (GObject *object)
{
  RmmAgendaRow *self = RMM_AGENDA_ROW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_AGENDA_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (rmm_agenda_row_parent_class)->dispose (object);
}

static void
rmm_agenda_row_class_init (RmmAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_agenda_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, badges);
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, rating_label);
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, time_box_label);
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RmmAgendaRow, item_menu);

  gtk_widget_class_bind_template_callback (widget_class, on_menu_clicked);
  gtk_widget_class_install_action (widget_class, "agenda.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, action_move_up);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, action_move_down);
  gtk_widget_class_install_action (widget_class, "agenda.remove", NULL, action_remove);
}

static void
rmm_agenda_row_init (RmmAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "rating-surrey-3-level-high": style.css is generated from the frameworks' colours. */
static void
show_rating (RmmAgendaRow *self,
             const char   *framework_id)
{
  const char *rating = rmm_agenda_item_get_rating (self->item);
  RmmFramework *framework = rmm_framework_lookup (framework_id);
  const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework, rating) : NULL;
  g_autofree char *css_class = NULL;

  if (level == NULL)
    {
      gtk_label_set_text (self->rating_label, _("Not rated"));
      gtk_widget_add_css_class (GTK_WIDGET (self->rating_label), "unrated");
      return;
    }
  css_class = g_strdup_printf ("rating-%s-%s", framework_id, level->id);
  gtk_label_set_text (self->rating_label, level->label);
  gtk_widget_add_css_class (GTK_WIDGET (self->rating_label), css_class);
}

/* "Review due 20 Nov": the plan's own date says how late a review is. */
static char *
review_badge_text (RmmAgendaItem *item,
                   const char    *reason)
{
  GDate due;
  char day[32];

  if (!g_str_equal (reason, "review-due") ||
      !rmm_date_parse (rmm_agenda_item_get_review_on (item), &due))
    return NULL;
  g_date_strftime (day, sizeof day, "%-d %b", &due);
  return g_strdup_printf (_("Review due %s"), day);
}

static void
update_accessible_label (RmmAgendaRow *self,
                         gboolean      removed)
{
  g_auto(GStrv) reasons = rmm_agenda_item_dup_reason_list (self->item);
  g_autoptr(GString) label = g_string_new (NULL);

  g_string_append_printf (label, "%u. %s, %s, %s", rmm_agenda_item_get_position (self->item),
                          self->name,
                          rmm_agenda_item_get_child_reference (self->item),
                          gtk_label_get_text (self->rating_label));
  for (guint i = 0; reasons[i] != NULL; i++)
    if (*reasons[i] != '\0')
      {
        g_autofree char *review = review_badge_text (self->item, reasons[i]);
        g_string_append_printf (label, ", %s", review ? review : rmm_agenda_reason_label (reasons[i]));
      }
  if (rmm_agenda_item_get_overdue (self->item))
    g_string_append_printf (label, ", %s", _("overdue"));
  if (rmm_agenda_item_get_state (self->item) == RMM_ITEM_STATUS_DISCUSSED)
    g_string_append_printf (label, ", %s", _("discussed"));
  else if (rmm_agenda_item_get_state (self->item) == RMM_ITEM_STATUS_DEFERRED)
    g_string_append_printf (label, ", %s", _("deferred"));
  if (removed)
    g_string_append_printf (label, ", %s %s", _("removed:"),
                            rmm_agenda_item_get_status_reason (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label->str, -1);
}

GtkWidget *
rmm_agenda_row_new (RmmStore *store)
{
  RmmAgendaRow *self = g_object_new (RMM_TYPE_AGENDA_ROW, NULL);

  self->store = g_object_ref (store);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda item menu"), -1);
  return GTK_WIDGET (self);
}

static void
clear_item (RmmAgendaRow *self)
{
  GtkWidget *badge;

  while ((badge = gtk_widget_get_first_child (GTK_WIDGET (self->badges))) != NULL)
    gtk_box_remove (self->badges, badge);
  gtk_widget_set_css_classes (GTK_WIDGET (self->rating_label), (const char *[]) { "rating", NULL });
  gtk_widget_remove_css_class (GTK_WIDGET (self), "removed");
  gtk_widget_set_visible (self->menu_button, TRUE);
}

/* Show @item; a row is reused for other items as the agenda scrolls. */
void
rmm_agenda_row_set_item (RmmAgendaRow  *self,
                         RmmAgendaItem *item,
                         const char    *framework_id)
{
  g_auto(GStrv) reasons = NULL;
  g_autofree char *name = NULL;
  g_autofree char *minutes = NULL;
  gboolean removed;

  g_return_if_fail (RMM_IS_AGENDA_ROW (self));

  clear_item (self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  reasons = rmm_agenda_item_dup_reason_list (item);
  name = g_strdup_printf ("%s %s", rmm_agenda_item_get_first_name (item),
                          rmm_agenda_item_get_last_name (item));
  minutes = g_strdup_printf (_("%u min"), rmm_agenda_item_get_time_box (item));
  removed = rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_REMOVED;

  {
    /* Position, name and reference in one label: every widget counts on a 180-child agenda. */
    g_autofree char *markup = g_markup_printf_escaped ("<span alpha=\"55%%\" font_features=\"tnum\">"
                                                       "%2u</span>   <b>%s</b>  <small>%s</small>",
                                                       rmm_agenda_item_get_position (item), name,
                                                       rmm_agenda_item_get_child_reference (item));
    gtk_label_set_markup (self->name_label, markup);
  }
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  gtk_label_set_text (self->time_box_label, minutes);
  show_rating (self, framework_id);
  for (guint i = 0; reasons[i] != NULL; i++)
    if (*reasons[i] != '\0')
      {
        g_autofree char *css_class = g_strconcat ("reason-", reasons[i], NULL);
        g_autofree char *text = review_badge_text (item, reasons[i]);

        add_badge (self, text ? text : rmm_agenda_reason_label (reasons[i]), css_class);
      }
  if (rmm_agenda_item_get_overdue (item))
    add_badge (self, _("Overdue"), "overdue");
  if (rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_DISCUSSED)
    add_badge (self, _("Discussed"), "discussed");
  else if (rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_DEFERRED)
    add_badge (self, _("Deferred"), "deferred");

  if (removed)
    {
      g_autofree char *why = g_strdup_printf (_("Removed: %s"),
                                              rmm_agenda_item_get_status_reason (item));
      add_badge (self, why, "removed-reason");
      gtk_widget_add_css_class (GTK_WIDGET (self), "removed");
      gtk_widget_set_visible (self->menu_button, FALSE);
    }
  update_accessible_label (self, removed);
}

RmmAgendaItem *
rmm_agenda_row_get_item (RmmAgendaRow *self)
{
  g_return_val_if_fail (RMM_IS_AGENDA_ROW (self), NULL);
  return self->item;
}

/* Moving and taking a child off the agenda are for who may change it (on a server, the
 * area's administrators and chairs): for any other login, @why_not, and the row's menu only
 * opens the child. */
void
rmm_agenda_row_set_why_not_change (RmmAgendaRow *self,
                                   const char   *why_not)
{
  static const char * const changes[] = { "agenda.move-up", "agenda.move-down",
                                          "agenda.remove" };

  g_return_if_fail (RMM_IS_AGENDA_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], why_not == NULL);
  gtk_widget_set_tooltip_text (self->menu_button, why_not ? why_not : _("Agenda Item Menu"));
}
