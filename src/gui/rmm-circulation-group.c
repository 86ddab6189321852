/* rmm-circulation-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-circulation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-circulation-group.h"
#include "rmm-gui-utils.h"
#include "rmm-labels.h"

/* The newest copies shown here; the whole record is `rmmctl circulation --child`. */
#define COPIES_SHOWN 20

struct _RmmCirculationGroup
{
  AdwPreferencesGroup  parent_instance;

  guint           n_members;
  guint           n_outdated;     /* members who hold an older version and not this one */
  GPtrArray      *member_rows;    /* shown in network_row, taken out on the next show */
  GPtrArray      *copy_rows;      /* … in copies_row */

  AdwExpanderRow *network_row;
  AdwExpanderRow *copies_row;
  AdwActionRow   *circulate_row;
  GtkWidget      *outdated_button;
};

G_DEFINE_FINAL_TYPE (RmmCirculationGroup, rmm_circulation_group, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (AdwExpanderRow *expander,
            GPtrArray      *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* A row of text as typed: a name with an ampersand is not markup. */
static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
member_row (const RmmNetworkMember *member)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Take %s out of the network"),
                                                   member->name);
  const char *copy = g_str_equal (member->audience, "family") ? _("the family’s copy")
                                                              : _("the professional plan");
  const char *email = *member->email ? member->email : _("no email address");
  GtkWidget *row;
  GtkWidget *button;

  if (*member->agency)
    /* TRANSLATORS: "Lead professional, Ashdown Children's Services: jo@example.org; the
     * professional plan" */
    subtitle = g_strdup_printf (_("%s, %s: %s; %s"), rmm_network_role_label (member->role),
                                member->agency, email, copy);
  else
    subtitle = g_strdup_printf (_("%s: %s; %s"), rmm_network_role_label (member->role), email,
                                copy);
  row = plain_row (member->name, subtitle);
  button = rmm_remove_button_new (remove_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "item.remove-from-network");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", member->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_network (RmmCirculationGroup *self,
              RmmStore            *store,
              gint64               child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) network = rmm_store_list_network (store, child_id, &error);
  g_autofree char *summary = NULL;
  guint without_email = 0;

  clear_rows (self->network_row, self->member_rows);
  self->n_members = 0;
  if (network == NULL)
    {
      adw_expander_row_set_subtitle (self->network_row, error->message);
      return;
    }
  for (guint i = 0; i < network->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (network, i);
      GtkWidget *row = member_row (member);

      without_email += *member->email == '\0';
      adw_expander_row_add_row (self->network_row, row);
      g_ptr_array_add (self->member_rows, row);
    }
  self->n_members = network->len;
  if (network->len == 0)
    summary = g_strdup (_("No one yet: add the professionals and the family’s contact"));
  else if (without_email == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                            network->len), network->len);
  else
    /* TRANSLATORS: "5 people; 1 without an email address" (the second number's plural) */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u in the network; %u without an email address",
                                            "%u in the network; %u without an email address",
                                            without_email), network->len, without_email);
  adw_expander_row_set_subtitle (self->network_row, summary);
}

/* When, in this computer's time. */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%-d %b %Y %H:%M") : g_strdup (iso);
}

static GtkWidget *
copy_row (const RmmCirculationRecord *record)
{
  g_autofree char *title = NULL;
  g_autofree char *when = format_time (record->circulated_at);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* TRANSLATORS: "Safety plan (family), version 2" */
  title = g_strdup_printf (_("%s, version %u"), rmm_circulated_document_label (record->document),
                           record->version);
  /* TRANSLATORS: "jo@example.org, Email, 1 Dec 2026 10:04, by chair1" */
  g_string_printf (subtitle, _("%s, %s, %s, by %s"), record->recipient,
                   rmm_circulation_channel_label (record->channel), when,
                   record->circulated_by);
  if (*record->outside_reason)
    g_string_append_printf (subtitle, _("; outside the allowed domains: %s"),
                            record->outside_reason);
  if (record->outdated)
    g_string_append (subtitle, _("; holds an older version"));
  return plain_row (title, subtitle->str);
}

static void
show_copies (RmmCirculationGroup *self,
             RmmStore            *store,
             gint64               child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = rmm_store_list_circulation (store, child_id, 0, &error);
  g_autofree char *summary = NULL;

  clear_rows (self->copies_row, self->copy_rows);
  if (records == NULL)
    {
      adw_expander_row_set_subtitle (self->copies_row, error->message);
      return;
    }
  /* Newest first: what went out last is what the chair looks for. */
  for (guint i = records->len; i > 0 && records->len - i < COPIES_SHOWN; i--)
    {
      GtkWidget *row = copy_row (g_ptr_array_index (records, i - 1));

      adw_expander_row_add_row (self->copies_row, row);
      g_ptr_array_add (self->copy_rows, row);
    }
  summary = records->len == 0
            ? g_strdup (_("None yet"))
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u copy", "%u copies",
                                            records->len), records->len);
  adw_expander_row_set_subtitle (self->copies_row, summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copies_row), records->len > 0);
}

/* Where the current version stands: circulated, to whom not yet, who holds an older one. */
static void
show_current (RmmCirculationGroup *self,
              RmmStore            *store,
              gint64               child_id,
              gboolean             has_plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) outdated = NULL;
  g_autofree char *text = NULL;

  self->n_outdated = 0;
  if (!has_plan)
    text = g_strdup (_("No plan version has been agreed yet."));
  else if (!(outdated = rmm_store_plan_circulation (store, child_id, TRUE, &error)))
    text = g_strdup (error->message);
  else if ((self->n_outdated = outdated->recipients->len) > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Version %2$u is current; %1$u person still holds "
                                         "an older version.",
                                         "Version %2$u is current; %1$u people still hold "
                                         "an older version.", self->n_outdated),
                            self->n_outdated, outdated->version);
  else
    text = g_strdup_printf (_("Version %u is current."), outdated->version);
  adw_action_row_set_subtitle (self->circulate_row, text);
  gtk_widget_set_visible (self->outdated_button, self->n_outdated > 0);
}

/**
 * rmm_circulation_group_show:
 * @has_plan: a plan version has been agreed for the child
 *
 * Reads the child's network and circulation record afresh.
 */
void
rmm_circulation_group_show (RmmCirculationGroup *self,
                            RmmStore            *store,
                            gint64               child_id,
                            gboolean             has_plan)
{
  g_return_if_fail (RMM_IS_CIRCULATION_GROUP (self));
  g_return_if_fail (RMM_IS_STORE (store));

  show_network (self, store, child_id);
  show_copies (self, store, child_id);
  show_current (self, store, child_id, has_plan);
}

guint
rmm_circulation_group_get_n_members (RmmCirculationGroup *self)
{
  g_return_val_if_fail (RMM_IS_CIRCULATION_GROUP (self), 0);
  return self->n_members;
}

guint
rmm_circulation_group_get_n_outdated (RmmCirculationGroup *self)
{
  g_return_val_if_fail (RMM_IS_CIRCULATION_GROUP (self), 0);
  return self->n_outdated;
}

static void
rmm_circulation_group_dispose (GObject *object)
{
  RmmCirculationGroup *self = RMM_CIRCULATION_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_CIRCULATION_GROUP);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->copy_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_circulation_group_parent_class)->dispose (object);
}

static void
rmm_circulation_group_class_init (RmmCirculationGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_circulation_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-circulation-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmCirculationGroup, network_row);
  gtk_widget_class_bind_template_child (widget_class, RmmCirculationGroup, copies_row);
  gtk_widget_class_bind_template_child (widget_class, RmmCirculationGroup, circulate_row);
  gtk_widget_class_bind_template_child (widget_class, RmmCirculationGroup, outdated_button);
}

static void
rmm_circulation_group_init (RmmCirculationGroup *self)
{
  self->member_rows = g_ptr_array_new ();
  self->copy_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
