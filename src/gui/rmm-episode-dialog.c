/* rmm-episode-dialog.c: record a missing episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-episode-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-episode-dialog.h"
#include "rmm-error.h"
#include "rmm-gui-utils.h"
#include "rmm-text-row.h"

struct _RmmEpisodeDialog
{
  RmmFormDialog  parent_instance;

  GPtrArray     *agencies;      /* RmmNamedId */
  AdwEntryRow   *started_row;
  AdwEntryRow   *found_row;
  AdwComboRow   *agency_row;
  RmmTextRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (RmmEpisodeDialog, rmm_episode_dialog, RMM_TYPE_FORM_DIALOG)

/* A UK local date and time as typed, as a stored UTC time; "" stays NULL. */
static gboolean
read_time (AdwEntryRow  *row,
           gboolean      required,
           char        **utc)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *utc = NULL;
  if (*text == '\0')
    return !required;
  return (*utc = rmm_time_parse_uk (text)) != NULL;
}

static gboolean
rmm_episode_dialog_record (RmmFormDialog  *dialog,
                           GError        **error)
{
  RmmEpisodeDialog *self = RMM_EPISODE_DIALOG (dialog);
  g_autofree char *started = NULL;
  g_autofree char *found = NULL;
  g_autofree char *notes = rmm_text_row_dup_text (self->notes_row);
  RmmMissingEpisodeInput input = {
    .child_id = rmm_agenda_item_get_child_id (rmm_form_dialog_get_item (dialog)),
    .agency_id = rmm_combo_row_get_id (self->agency_row, self->agencies, 1),
    .notes = notes,
  };

  if (!read_time (self->started_row, TRUE, &started) || !read_time (self->found_row, FALSE, &found))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Give the times as a date and time, e.g. 2026-11-23 21:30 or "
                     "23/11/2026 21:30."));
      return FALSE;
    }
  input.started_at = started;
  input.ended_at = found;
  return rmm_store_add_missing_episode (rmm_form_dialog_get_store (dialog), &input,
                                        error) != 0;
}

/* Who can have reported it comes from the store; the time it went missing starts as now. */
static void
rmm_episode_dialog_constructed (GObject *object)
{
  RmmEpisodeDialog *self = RMM_EPISODE_DIALOG (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *started = g_date_time_format (now, "%Y-%m-%d %H:%M");

  G_OBJECT_CLASS (rmm_episode_dialog_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->started_row), started);
  self->agencies = rmm_combo_row_offer_agencies (self->agency_row,
                                                 rmm_form_dialog_get_store (RMM_FORM_DIALOG (self)),
                                                 _("Not recorded"));
}

static void
rmm_episode_dialog_dispose (GObject *object)
{
  RmmEpisodeDialog *self = RMM_EPISODE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_EPISODE_DIALOG);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_episode_dialog_parent_class)->dispose (object);
}

static void
rmm_episode_dialog_class_init (RmmEpisodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rmm_episode_dialog_constructed;
  object_class->dispose = rmm_episode_dialog_dispose;
  RMM_FORM_DIALOG_CLASS (klass)->record = rmm_episode_dialog_record;

  g_type_ensure (RMM_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-episode-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmEpisodeDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, RmmEpisodeDialog, found_row);
  gtk_widget_class_bind_template_child (widget_class, RmmEpisodeDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RmmEpisodeDialog, notes_row);
}

static void
rmm_episode_dialog_init (RmmEpisodeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RmmEpisodeDialog *
rmm_episode_dialog_new (GtkWindow     *parent,
                        RmmStore      *store,
                        RmmAgendaItem *item)
{
  return g_object_new (RMM_TYPE_EPISODE_DIALOG, "transient-for", parent, "store", store,
                       "item", item, NULL);
}
