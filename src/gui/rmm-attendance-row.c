/* rmm-attendance-row.c: one agency's attendance at a meeting, as the chair records it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Present, apologies or information sent, on linked toggles (one at a time, or none: not
 * represented); inside, who came and, for information sent, when.
 */
#define G_LOG_DOMAIN "rmm-attendance-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-attendance-row.h"
#include "rmm-date-row.h"

/* An agency's attendance: one of these, or not represented (none active). */
static const struct { RmmAttendanceStatus status; const char *label; } choices[] = {
  { RMM_ATTENDANCE_STATUS_PRESENT, N_("Present") },
  { RMM_ATTENDANCE_STATUS_APOLOGIES, N_("Apologies") },
  { RMM_ATTENDANCE_STATUS_SENT_INFORMATION, N_("Sent Information") },
};

struct _RmmAttendanceRow
{
  AdwExpanderRow   parent_instance;

  gint64           agency_id;

  GtkToggleButton *toggles[G_N_ELEMENTS (choices)];
  AdwEntryRow     *name_row;
  RmmDateRow      *sent_row;
};

G_DEFINE_FINAL_TYPE (RmmAttendanceRow, rmm_attendance_row, ADW_TYPE_EXPANDER_ROW)

static int
chosen (RmmAttendanceRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (gtk_toggle_button_get_active (self->toggles[i]))
      return i;
  return -1;
}

/* One toggle at a time, or none (not represented); the subtitle says which. */
static void
on_toggled (RmmAttendanceRow *self,
            GtkToggleButton  *toggle)
{
  int choice;

  if (gtk_toggle_button_get_active (toggle))
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      if (self->toggles[i] != toggle)
        gtk_toggle_button_set_active (self->toggles[i], FALSE);
  choice = chosen (self);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 choice < 0 ? _("Not represented") : _(choices[choice].label));
  gtk_widget_set_visible (GTK_WIDGET (self->sent_row),
                          choice >= 0 &&
                          choices[choice].status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION);
}

static void
rmm_attendance_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_ATTENDANCE_ROW);

  G_OBJECT_CLASS (rmm_attendance_row_parent_class)->dispose (object);
}

static void
rmm_attendance_row_class_init (RmmAttendanceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_attendance_row_dispose;
  g_type_ensure (RMM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-attendance-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "present_toggle", FALSE,
                                             G_STRUCT_OFFSET (RmmAttendanceRow, toggles[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "apologies_toggle", FALSE,
                                             G_STRUCT_OFFSET (RmmAttendanceRow, toggles[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "sent_toggle", FALSE,
                                             G_STRUCT_OFFSET (RmmAttendanceRow, toggles[2]));
  gtk_widget_class_bind_template_child (widget_class, RmmAttendanceRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RmmAttendanceRow, sent_row);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
}

static void
rmm_attendance_row_init (RmmAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @sent_on: the date information is taken to have been sent, until the chair says (ISO). */
GtkWidget *
rmm_attendance_row_new (const RmmNamedId *agency,
                        const char       *sent_on)
{
  RmmAttendanceRow *self;

  g_return_val_if_fail (agency != NULL, NULL);

  self = g_object_new (RMM_TYPE_ATTENDANCE_ROW, "title", agency->name, NULL);
  self->agency_id = agency->id;
  /* The toggles' names say whose attendance they record, for a screen reader (and the
   * tests): "Ashdown Constabulary: Sent Information". */
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", agency->name, _(choices[i].label));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  if (sent_on != NULL)
    rmm_date_row_set_date (self->sent_row, sent_on);
  return GTK_WIDGET (self);
}

/**
 * rmm_attendance_row_read:
 * @input: (out caller-allocates): the attendance as filled in; its name belongs to the row
 * @sent_on: (out): the date information was sent, for the caller to free, or NULL
 *
 * Returns: whether the agency was represented; FALSE with @error set when the date typed is
 * not one.
 */
gboolean
rmm_attendance_row_read (RmmAttendanceRow    *self,
                         RmmAttendanceInput  *input,
                         char               **sent_on,
                         GError             **error)
{
  int choice;

  g_return_val_if_fail (RMM_IS_ATTENDANCE_ROW (self), FALSE);
  g_return_val_if_fail (input != NULL && sent_on != NULL, FALSE);

  *sent_on = NULL;
  choice = chosen (self);
  if (choice < 0)
    return FALSE;
  *input = (RmmAttendanceInput) {
    .agency_id = self->agency_id,
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .status = choices[choice].status,
  };
  if (input->status == RMM_ATTENDANCE_STATUS_SENT_INFORMATION)
    {
      if (!rmm_date_row_get_date (self->sent_row, sent_on, error))
        return FALSE;
      input->information_sent_at = *sent_on;
    }
  return TRUE;
}
