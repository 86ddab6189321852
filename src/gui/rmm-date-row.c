/* rmm-date-row.c: a date as people type it, with a calendar beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every date field of the app. It takes what people type (15/12/2026, 15/12/26,
 * 15 Dec 2026, ISO: rmm_date_parse_uk) or a day picked from the calendar, shows a date as
 * people read it, and when what is typed is not a date it says so beside the field and
 * keeps the text for the user to correct: nothing typed is thrown away.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-error.h"

struct _RmmDateRow
{
  AdwEntryRow     parent_instance;

  GtkWidget      *problem;       /* "Not a date", beside the text */
  GtkMenuButton  *calendar_button;
  GtkCalendar    *calendar;
};

G_DEFINE_FINAL_TYPE (RmmDateRow, rmm_date_row, ADW_TYPE_ENTRY_ROW)

/* How a date is written back into the field: the way it is typed here. */
static char *
typed_form (const GDate *day)
{
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (day), g_date_get_month (day),
                          g_date_get_year (day));
}

/* Also the tooltip of the mark beside the text, in the template. */
static const char *
problem_text (void)
{
  return _("Not a date: type it as 15/12/2026 or 15 Dec 2026, or pick it");
}

/* The text as typed: fine, empty, or not a date (marked, with the reason beside it). */
static void
on_changed (RmmDateRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  gboolean wrong = *text != '\0' && !rmm_date_parse_uk (text, NULL);

  gtk_widget_set_visible (self->problem, wrong);
  if (wrong)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem_text (), -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The calendar opens on the day typed, else today. */
static void
on_calendar_shown (RmmDateRow *self)
{
  GDate day;
  g_autoptr(GDateTime) shown = NULL;

  if (rmm_date_parse_uk (gtk_editable_get_text (GTK_EDITABLE (self)), &day))
    shown = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), 12, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, shown);
}

static void
on_day_picked (RmmDateRow *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  text = typed_form (&day);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_menu_button_popdown (self->calendar_button);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
rmm_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RMM_TYPE_DATE_ROW);

  G_OBJECT_CLASS (rmm_date_row_parent_class)->dispose (object);
}

static void
rmm_date_row_class_init (RmmDateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rmm_date_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmDateRow, problem);
  gtk_widget_class_bind_template_child (widget_class, RmmDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, RmmDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_picked);
}

static void
rmm_date_row_init (RmmDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rmm_date_row_new (const char *title)
{
  return g_object_new (RMM_TYPE_DATE_ROW, "title", title, NULL);
}

/**
 * rmm_date_row_get_date:
 * @iso: (out): the date as the store keeps it (YYYY-MM-DD), or "" when the field is empty
 *
 * Returns: FALSE with @error (naming the field) when what is typed is not a date; the text
 * stays in the field, marked, for the user to correct
 */
gboolean
rmm_date_row_get_date (RmmDateRow  *self,
                       char       **iso,
                       GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  GDate day;

  g_return_val_if_fail (RMM_IS_DATE_ROW (self), FALSE);

  if (*text == '\0')
    {
      *iso = g_strdup ("");
      return TRUE;
    }
  if (!rmm_date_parse_uk (text, &day))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("%s: “%s” is not a date. Type it as 15/12/2026 or 15 Dec 2026, or pick "
                     "it from the calendar."),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), text);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return FALSE;
    }
  *iso = rmm_date_format (&day);
  return TRUE;
}

/* Shows a stored date (YYYY-MM-DD) as it is typed here; NULL or "" empties the field. */
void
rmm_date_row_set_date (RmmDateRow *self,
                       const char *iso)
{
  g_autofree char *text = NULL;
  GDate day;

  g_return_if_fail (RMM_IS_DATE_ROW (self));

  if (iso != NULL && rmm_date_parse (iso, &day))
    text = typed_form (&day);
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : (iso ? iso : ""));
}
