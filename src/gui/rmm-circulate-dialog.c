/* rmm-circulate-dialog.c: a child's plan to their network, a meeting's minutes to those
 * invited, or the CSE list to its distribution, each copy checked before any goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per copy: who, which copy, and how it goes (email, handed over, posted), with a
 * reason asked for an address outside the allowed domains. Each change checks every copy
 * again, so the dialog says which cannot go, and why, before Send; then either all go, or
 * with "Send the others" the rest. On Send the copies are written, recorded, and each email
 * handed to the mail client, as `rmmctl circulate plan --send` does (rmm-copies.c).
 */
#define G_LOG_DOMAIN "rmm-circulate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-circulate-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-labels.h"
#include "rmm-copies.h"
#include "rmm-dates.h"

/* How a copy goes, in the order of each row's choices. */
static const char * const channels[] = { "email", "handed-over", "posted" };

typedef struct
{
  RmmRecipient *recipient;    /* the circulation's */
  char         *address;      /* the member's email address, kept while the copy goes by hand */
  AdwComboRow  *row;
  AdwEntryRow  *reason_row;
} Copy;

struct _RmmCirculateDialog
{
  RmmFormDialog   parent_instance;

  RmmCirculation *circulation;
  GArray         *copies;          /* Copy, one per recipient */
  gboolean        has_mail_client;

  GtkListBox     *recipients_list;
  AdwActionRow   *status_row;
  GtkSwitch      *others_switch;
};

G_DEFINE_FINAL_TYPE (RmmCirculateDialog, rmm_circulate_dialog, RMM_TYPE_FORM_DIALOG)

static void
copy_clear (Copy *copy)
{
  g_free (copy->address);
}

/* Each row's choice into its recipient: the channel, and the address only for an email. */
static void
read_choices (RmmCirculateDialog *self)
{
  for (guint i = 0; i < self->copies->len; i++)
    {
      Copy *copy = &g_array_index (self->copies, Copy, i);
      RmmRecipient *recipient = copy->recipient;
      guint chosen = MIN (adw_combo_row_get_selected (copy->row), G_N_ELEMENTS (channels) - 1);

      g_free (recipient->channel);
      recipient->channel = g_strdup (channels[chosen]);
      g_free (recipient->recipient);
      recipient->recipient = g_strdup (chosen == 0 ? copy->address : recipient->name);
      g_free (recipient->outside_reason);
      recipient->outside_reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                                          GTK_EDITABLE (copy->reason_row))));
    }
}

/* Every copy checked again; the number that cannot go. No mail client stops each email. */
static guint
check (RmmCirculateDialog  *self,
       GError             **error)
{
  RmmStore *store = rmm_form_dialog_get_store (RMM_FORM_DIALOG (self));
  g_autoptr(GError) local_error = NULL;
  guint refused = 0;

  read_choices (self);
  if (!rmm_store_check_circulation (store, self->circulation, &local_error) &&
      !g_error_matches (local_error, RMM_ERROR, RMM_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return G_MAXUINT;
    }
  for (guint i = 0; i < self->circulation->recipients->len; i++)
    {
      RmmRecipient *recipient = g_ptr_array_index (self->circulation->recipients, i);

      if (recipient->problem == NULL && !self->has_mail_client &&
          g_str_equal (recipient->channel, "email"))
        recipient->problem = g_strdup_printf (_("there is no mail client to take it (%s): "
                                                "hand the copy over or post it"),
                                              rmm_mail_client_why_missing ());
      refused += recipient->problem != NULL;
    }
  return refused;
}

static void
show_copy (Copy *copy)
{
  const RmmRecipient *recipient = copy->recipient;
  const char *document = rmm_circulated_document_label (recipient->document);
  g_autofree char *subtitle = NULL;

  if (recipient->problem != NULL)
    /* TRANSLATORS: a copy that cannot go: "Safety plan (family). Cannot go: no email
     * address recorded…" */
    subtitle = g_strdup_printf (_("%s. Cannot go: %s"), document, recipient->problem);
  else if (g_str_equal (recipient->channel, "email"))
    /* TRANSLATORS: "Safety plan (family) to jo@example.org" */
    subtitle = g_strdup_printf (_("%s to %s"), document, recipient->recipient);
  else
    subtitle = g_strdup (document);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (copy->row), subtitle);
  if (recipient->problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (copy->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (copy->row), "error");
  /* The reason row stays while one is typed, even if the copy then goes by hand. */
  gtk_widget_set_visible (GTK_WIDGET (copy->reason_row),
                          recipient->outside ||
                          *gtk_editable_get_text (GTK_EDITABLE (copy->reason_row)) != '\0');
}

/* Every copy checked again, and which can go said before anything is sent: the number that
 * cannot (G_MAXUINT with @error when the record could not be read). */
static guint
show_status (RmmCirculateDialog  *self,
             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  guint refused = check (self, &local_error);
  guint total = self->copies->len;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->copies->len; i++)
    show_copy (&g_array_index (self->copies, Copy, i));
  if (refused == G_MAXUINT)
    text = g_strdup (local_error->message);
  else if (refused == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The copy can go. Send writes it, records it, and "
                                         "opens an email in the mail client with the PDF "
                                         "attached.",
                                         "All %u copies can go. Send writes them, records "
                                         "them, and opens each email in the mail client with "
                                         "the PDF attached.", total), total);
  else if (refused == total)
    text = g_strdup (_("No copy can go: see why under each."));
  else if (gtk_switch_get_active (self->others_switch))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u copy cannot go (see why under it); the other "
                                         "%u go without it.",
                                         "%u copies cannot go (see why under each); the other "
                                         "%u go without them.", refused), refused,
                            total - refused);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u copy cannot go (see why under it): none goes, "
                                         "unless “Send the others” is on.",
                                         "%u copies cannot go (see why under each): none "
                                         "goes, unless “Send the others” is on.", refused),
                            refused);
  adw_action_row_set_subtitle (self->status_row, text);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return refused;
}

static void
on_choice_changed (RmmCirculateDialog *self)
{
  if (self->circulation != NULL)
    show_status (self, NULL);
}

static GListModel *
channels_model (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (labels, rmm_circulation_channel_label (channels[i]));
  return G_LIST_MODEL (labels);
}

static void
add_copy (RmmCirculateDialog *self,
          RmmRecipient       *recipient)
{
  g_autoptr(GListModel) model = channels_model ();
  g_autofree char *reason_title = NULL;
  Copy copy = { .recipient = recipient, .address = g_strdup (recipient->recipient) };

  copy.row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (copy.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copy.row), recipient->name);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (copy.row), 3);
  adw_combo_row_set_model (copy.row, model);
  gtk_list_box_append (self->recipients_list, GTK_WIDGET (copy.row));
  /* TRANSLATORS: the reason asked for an address outside the allowed domains (the row
   * above says so); short, to fit beside the address */
  reason_title = g_strdup_printf (_("Reason for %s"),
                                  *copy.address ? copy.address : recipient->name);
  copy.reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (copy.reason_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copy.reason_row), reason_title);
  gtk_list_box_append (self->recipients_list, GTK_WIDGET (copy.reason_row));
  g_signal_connect_swapped (copy.row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (copy.reason_row, "changed", G_CALLBACK (on_choice_changed), self);
  g_array_append_val (self->copies, copy);
}

static gboolean
rmm_circulate_dialog_record (RmmFormDialog  *dialog,
                             GError        **error)
{
  RmmCirculateDialog *self = RMM_CIRCULATE_DIALOG (dialog);
  RmmStore *store = rmm_form_dialog_get_store (dialog);
  RmmDocumentOptions options = { .language = rmm_settings_get_documents_language () };
  g_autoptr(GPtrArray) going = g_ptr_array_new ();
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *folder = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *done = NULL;
  RmmCirculation sending;
  guint refused = show_status (self, error);
  gboolean ok;

  if (refused == G_MAXUINT)
    return FALSE;
  if (refused > 0 && !gtk_switch_get_active (self->others_switch))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u copy cannot go, and nothing was sent: the dialog says "
                                "why under it. Change how it goes, or turn on “Send the "
                                "others”.",
                                "%u copies cannot go, and nothing was sent: the dialog says "
                                "why under each. Change how they go, or turn on “Send the "
                                "others”.", refused), refused);
      return FALSE;
    }
  for (guint i = 0; i < self->circulation->recipients->len; i++)
    if (((RmmRecipient *)g_ptr_array_index (self->circulation->recipients, i))->problem == NULL)
      g_ptr_array_add (going, g_ptr_array_index (self->circulation->recipients, i));
  if (going->len == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("No copy can go, and nothing was sent: the dialog says why under each."));
      return FALSE;
    }
  sending = *self->circulation;
  sending.recipients = going;
  /* Recorded before the mail client has a copy, and undone if it refuses one. */
  if (!(subject = rmm_copies_subject (store, &sending, error)) ||
      !(folder = rmm_copies_make_folder (error)) ||
      !rmm_copies_write (store, &sending, folder, &options, files, error) ||
      !rmm_store_begin (store, error))
    return FALSE;
  ok = rmm_store_record_circulation (store, &sending, error) &&
       rmm_copies_hand_over (&sending, files, subject, error);
  if (!rmm_store_end (store, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (sending.list_as_at != NULL)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "CSE list: %u copy recorded",
                                         "CSE list: %u copies recorded", going->len),
                            going->len);
  else if (sending.meeting_id != 0)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Minutes: %u copy recorded",
                                         "Minutes: %u copies recorded", going->len),
                            going->len);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Version %2$u: %1$u copy recorded",
                                         "Version %2$u: %1$u copies recorded", going->len),
                            going->len, sending.version);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    rmm_show_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), done);
  return TRUE;
}

/* One row per copy of @circulation (taken), the dialog's description, and the first check. */
static void
fill (RmmCirculateDialog *self,
      RmmCirculation     *circulation,
      const char         *description)
{
  self->circulation = circulation;
  for (guint i = 0; i < circulation->recipients->len; i++)
    add_copy (self, g_ptr_array_index (circulation->recipients, i));
  g_object_set (self, "description", description, NULL);
  show_status (self, NULL);
}

static void
rmm_circulate_dialog_dispose (GObject *object)
{
  RmmCirculateDialog *self = RMM_CIRCULATE_DIALOG (object);

  g_clear_pointer (&self->copies, g_array_unref);
  g_clear_pointer (&self->circulation, rmm_circulation_free);

  G_OBJECT_CLASS (rmm_circulate_dialog_parent_class)->dispose (object);
}

static void
rmm_circulate_dialog_class_init (RmmCirculateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_circulate_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_circulate_dialog_record;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-circulate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmCirculateDialog, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, RmmCirculateDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RmmCirculateDialog, others_switch);
}

static void
rmm_circulate_dialog_init (RmmCirculateDialog *self)
{
  self->copies = g_array_new (FALSE, TRUE, sizeof (Copy));
  g_array_set_clear_func (self->copies, (GDestroyNotify)copy_clear);
  self->has_mail_client = rmm_mail_client_is_installed ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->others_switch, "notify::active",
                            G_CALLBACK (on_choice_changed), self);
}

/**
 * rmm_circulate_dialog_new:
 * @only_outdated: to those who hold an older version and not the current one
 *
 * The child's current plan to their network.
 *
 * Returns: (transfer floating): the dialog, or %NULL with @error when there is no one to
 *   send the plan to, or it could not be read
 */
RmmCirculateDialog *
rmm_circulate_dialog_new (GtkWindow      *parent,
                          RmmStore       *store,
                          RmmAgendaItem  *item,
                          gboolean        only_outdated,
                          GError        **error)
{
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autofree char *description = NULL;

  circulation = rmm_store_plan_circulation (store, rmm_agenda_item_get_child_id (item),
                                            only_outdated, error);
  if (circulation == NULL)
    return NULL;
  if (circulation->recipients->len == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, "%s",
                   only_outdated ? _("No one holds an older version of the plan without this "
                                     "one.")
                                 : _("No one is in the child’s network yet: add the "
                                     "professionals and the family’s contact first (Add… "
                                     "under Network)."));
      return NULL;
    }
  description = g_strdup_printf (only_outdated
                                 ? _("Version %u of the safety plan, to those who hold an "
                                     "older one. Nothing goes until you press Send.")
                                 : _("Version %u of the safety plan, to the child’s network: "
                                     "the professional plan to the professionals, the "
                                     "family’s copy to the family’s contact. Nothing goes "
                                     "until you press Send."),
                                 circulation->version);
  {
    RmmCirculateDialog *self = g_object_new (RMM_TYPE_CIRCULATE_DIALOG,
                                             "transient-for", parent, "store", store,
                                             "item", item, NULL);

    fill (self, g_steal_pointer (&circulation), description);
    return self;
  }
}

/**
 * rmm_circulate_dialog_new_for_minutes:
 *
 * A meeting's signed-off minutes to everyone invited to it.
 *
 * Returns: (transfer floating): the dialog, or %NULL with @error when the minutes are not
 *   signed off, no one was invited, or they could not be read
 */
RmmCirculateDialog *
rmm_circulate_dialog_new_for_minutes (GtkWindow   *parent,
                                      RmmStore    *store,
                                      RmmMeeting  *meeting,
                                      GError     **error)
{
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  RmmCirculateDialog *self;

  circulation = rmm_store_minutes_circulation (store, rmm_meeting_get_id (meeting), error);
  if (circulation == NULL)
    return NULL;
  if (circulation->recipients->len == 0)
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                           _("No one was invited to the meeting: its attendance is recorded "
                             "as the meeting opens."));
      return NULL;
    }
  day = rmm_date_format_uk (rmm_meeting_get_meets_on (meeting), "%-d %B %Y");
  /* TRANSLATORS: under the dialog's title: "Ashdown East, 8 December 2026" */
  subtitle = g_strdup_printf (_("%s, %s"), rmm_meeting_get_area_name (meeting), day);
  self = g_object_new (RMM_TYPE_CIRCULATE_DIALOG, "transient-for", parent, "store", store,
                       "subtitle", subtitle, "title", _("Circulate the Minutes"), NULL);
  fill (self, g_steal_pointer (&circulation),
        _("The signed-off minutes, to everyone invited to the meeting (present, apologies or "
          "information sent; not observers), each at the address on record for them. Nothing "
          "goes until you press Send."));
  return self;
}

/**
 * rmm_circulate_dialog_new_for_cse_list:
 * @day: the list as it stood at the end of this day
 *
 * The county-wide CSE list, named, to the professionals on its distribution.
 *
 * Returns: (transfer floating): the dialog, or %NULL with @error when no one is on the
 *   distribution, the day is still to come, or it could not be read
 */
RmmCirculateDialog *
rmm_circulate_dialog_new_for_cse_list (GtkWindow   *parent,
                                       RmmStore    *store,
                                       const GDate *day,
                                       GError     **error)
{
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autofree char *subtitle = NULL;
  RmmCirculateDialog *self;
  char date[64];

  circulation = rmm_store_cse_list_circulation (store, day, error);
  if (circulation == NULL)
    return NULL;
  if (circulation->recipients->len == 0)
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                           _("The CSE list goes to no one yet: add who receives it in "
                             "Preferences, under CSE List Distribution."));
      return NULL;
    }
  g_date_strftime (date, sizeof date, "%-d %B %Y", day);
  /* TRANSLATORS: under the dialog's title: "As of 2 December 2026" */
  subtitle = g_strdup_printf (_("As of %s"), date);
  self = g_object_new (RMM_TYPE_CIRCULATE_DIALOG, "transient-for", parent, "store", store,
                       "subtitle", subtitle, "title", _("Circulate the CSE List"), NULL);
  fill (self, g_steal_pointer (&circulation),
        _("The county-wide list, with the children’s names, to the professionals on its "
          "distribution, each at the address on record for them. Nothing goes until you "
          "press Send."));
  return self;
}
