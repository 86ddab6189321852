/* rmm-oversight-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's figures for a month, a quarter, a (financial) year or any period, for one area
 * or all: each section's single figures as rows, each measure by category as a chart with
 * its figures under it. Counted by rmm_store_read_board_figures () and suppressed as in the
 * report: what is on screen is what the PDF and the CSV carry, and none of it identifies a
 * child. An administrator or chair publishes them for the board's own login, which reads the
 * published figures here, and nothing of the record.
 */
#define G_LOG_DOMAIN "rmm-oversight-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-area.h"
#include "rmm-dates.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-figure-chart.h"
#include "rmm-figures.h"
#include "rmm-gui-utils.h"
#include "rmm-oversight-view.h"
#include "rmm-preview.h"

/* What shows one measure, kept so that another period or area updates it in place: made
 * again, the view's some 600 widgets were most of the time a period took to show. */
typedef struct
{
  GtkWidget *row;          /* a single figure's row, and its value */
  GtkWidget *value;
  GtkWidget *chart;        /* a measure by category's chart, or NULL */
  GtkWidget *rows_parent;  /* the expander (under a chart) or list its figures' rows are in */
  GPtrArray *rows;         /* those rows */
  gboolean   filled;       /* whether they are the figures shown (an expander's are made
                            * when it is first unfolded) */
} MeasureView;

static void
measure_view_free (MeasureView *view)
{
  g_ptr_array_unref (view->rows);
  g_free (view);
}

typedef enum
{
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,      /* the financial year, April to March, as councils report */
  PERIOD_CUSTOM,
} PeriodKind;

struct _RmmOversightView
{
  GtkBox                parent_instance;

  RmmStore             *store;
  GPtrArray            *areas;      /* of RmmArea, as the area dropdown lists them */
  gboolean              all_offered; /* "All areas" comes first in the area dropdown */
  GPtrArray            *figures;    /* suppressed; NULL when they could not be read */
  char                 *published;  /* who published them and when, for the board's login */
  GHashTable           *read;       /* figures read, by period and area, while the record is
                                     * as it was (change_mark) */
  GHashTable           *shown;      /* measure → MeasureView, of the figures on screen */
  char                 *shape;      /* which measures are single figures, as they were laid
                                     * out; NULL when none are */
  gint64                change_mark;
  PeriodKind            kind;
  GDate                 from;
  GDate                 to;
  GtkFileChooserNative *chooser;

  GtkDropDown          *kind_dropdown;
  GtkLabel             *period_label;
  GtkWidget            *custom_box;
  GtkEntry             *from_entry;
  GtkEntry             *to_entry;
  GtkDropDown          *area_dropdown;
  GtkWidget            *publish_button;
  GtkLabel             *status_label;
  GtkBox               *content_box;
};

G_DEFINE_FINAL_TYPE (RmmOversightView, rmm_oversight_view, GTK_TYPE_BOX)

static RmmArea *
chosen_area (RmmOversightView *self)
{
  guint chosen = gtk_drop_down_get_selected (self->area_dropdown);
  guint first = self->all_offered ? 1 : 0;

  if (self->areas == NULL || chosen < first || chosen == GTK_INVALID_LIST_POSITION ||
      chosen - first >= self->areas->len)
    return NULL;
  return g_ptr_array_index (self->areas, chosen - first);
}

/* The period of @kind that holds @day: [from, to], to no later than today (the figures are
 * of what has happened: the current quarter so far). */
static void
set_period_holding (RmmOversightView *self,
                    const GDate      *day)
{
  GDateYear year = g_date_get_year (day);
  GDateMonth month = g_date_get_month (day);

  switch (self->kind)
    {
    case PERIOD_MONTH:
      g_date_set_dmy (&self->from, 1, month, year);
      g_date_set_dmy (&self->to, 1, month, year);
      g_date_add_months (&self->to, 1);
      break;
    case PERIOD_QUARTER:
      g_date_set_dmy (&self->from, 1, (month - 1) / 3 * 3 + 1, year);
      g_date_set_dmy (&self->to, 1, (month - 1) / 3 * 3 + 1, year);
      g_date_add_months (&self->to, 3);
      break;
    case PERIOD_YEAR:
      g_date_set_dmy (&self->from, 1, G_DATE_APRIL, month >= G_DATE_APRIL ? year : year - 1);
      g_date_set_dmy (&self->to, 1, G_DATE_APRIL, month >= G_DATE_APRIL ? year + 1 : year);
      break;
    case PERIOD_CUSTOM:
    default:
      return;
    }
  g_date_subtract_days (&self->to, 1);
  {
    GDate today;

    rmm_date_set_today (&today);
    if (g_date_compare (&self->to, &today) > 0)
      self->to = today;
  }
}

static char *
format_day (const GDate *day)
{
  char text[64];

  g_date_strftime (text, sizeof text, "%-d %B %Y", day);
  return g_strdup (text);
}

static char *
describe_period (RmmOversightView *self)
{
  g_autofree char *from = format_day (&self->from);
  g_autofree char *to = format_day (&self->to);
  char month[64];
  GDate today;

  rmm_date_set_today (&today);
  switch (g_date_compare (&self->to, &today) == 0 ? PERIOD_CUSTOM : self->kind)
    {
    case PERIOD_MONTH:
      g_date_strftime (month, sizeof month, "%B %Y", &self->from);
      return g_strdup (month);
    case PERIOD_QUARTER:
    case PERIOD_YEAR:
    case PERIOD_CUSTOM:
    default:
      /* TRANSLATORS: a period: "1 July 2026 to 30 September 2026" */
      return g_strdup_printf (_("%s to %s"), from, to);
    }
}

static void
on_dark_changed (GtkWidget *area)
{
  gtk_widget_queue_draw (area);
}

/* The chart in the window's own colours and type, light or dark. */
static RmmFigureChartStyle
widget_style (GtkWidget *widget)
{
  RmmFigureChartStyle style = { { 0, 0, 0 }, FALSE, 13 };
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA ink;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  style.ink[0] = ink.red;
  style.ink[1] = ink.green;
  style.ink[2] = ink.blue;
  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      double size = pango_font_description_get_size (font) / (double)PANGO_SCALE;

      style.font_size = pango_font_description_get_size_is_absolute (font) ? size
                                                                           : size * 96 / 72;
    }
  return style;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  RmmOversightView *self = RMM_OVERSIGHT_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (area),
                                                                      RMM_TYPE_OVERSIGHT_VIEW));
  RmmFigureChartStyle style = widget_style (GTK_WIDGET (area));

  if (self != NULL && self->figures != NULL)
    rmm_figure_chart_draw (self->figures, data, cr, width, height, &style);
}

static GtkWidget *
new_chart (RmmOversightView *self,
           const char       *measure)
{
  /* An image to a screen reader, which a drawing area is not by itself. */
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role",
                                  GTK_ACCESSIBLE_ROLE_IMG, NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, g_strdup (measure),
                                  g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rmm_figures_describe_measure (measure), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), area, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (area, 12);
  gtk_widget_set_margin_top (area, 12);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  gtk_box_append (GTK_BOX (card), area);
  return card;
}

/* The chart of @measure drawn again for the figures shown, its height theirs, and read by
 * a screen reader as what it shows, figure by figure. */
static void
update_chart (RmmOversightView *self,
              GtkWidget        *area,
              const char       *measure)
{
  RmmFigureChartStyle style = widget_style (GTK_WIDGET (self));
  g_autofree char *description = rmm_figure_chart_describe (self->figures, measure);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int)rmm_figure_chart_height (self->figures, measure,
                                                                     &style) + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_set_tooltip_text (area, description);
  gtk_widget_queue_draw (area);
}

/* The figure @row shows, in @label: dimmed where it is hidden, and read out as its figure:
 * "Referrals received", "78". */
static void
set_figure (GtkWidget  *row,
            GtkWidget  *label,
            const char *value,
            gboolean    suppressed)
{
  gtk_label_set_text (GTK_LABEL (label), value);
  if (suppressed)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  value, -1);
}

static GtkWidget *
new_figure_row (const char  *title,
                GtkWidget  **value)
{
  GtkWidget *row = adw_action_row_new ();

  *value = gtk_label_new (NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (*value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *value);
  return row;
}

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
new_heading (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  g_str_equal (css_class, "title-4") ? 2 : 3, -1);
  return label;
}

/* The rows of @measure's figures, each category's, into its expander or list, in place of
 * those there were. */
static void
fill_category_rows (RmmOversightView *self,
                    const char       *measure,
                    MeasureView      *view)
{
  for (guint i = 0; i < view->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (view->rows, i);

      if (ADW_IS_EXPANDER_ROW (view->rows_parent))
        adw_expander_row_remove (ADW_EXPANDER_ROW (view->rows_parent), row);
      else
        gtk_list_box_remove (GTK_LIST_BOX (view->rows_parent), row);
    }
  g_ptr_array_set_size (view->rows, 0);
  for (guint i = 0; i < self->figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (self->figures, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;
      GtkWidget *row, *value_label;

      if (!g_str_equal (figure->measure, measure))
        continue;
      label = rmm_figure_category_label (measure, figure->category);
      value = rmm_figure_format_text (figure);
      row = new_figure_row (label, &value_label);
      set_figure (row, value_label, value, figure->suppressed);
      if (ADW_IS_EXPANDER_ROW (view->rows_parent))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (view->rows_parent), row);
      else
        gtk_list_box_append (GTK_LIST_BOX (view->rows_parent), row);
      g_ptr_array_add (view->rows, row);
    }
  view->filled = TRUE;
}

/* A chart's figures are made into rows when first unfolded: folded away, they were a tenth
 * of the time a period took to show on a county's record, for rows nobody had asked for. */
static void
on_figures_expanded (GtkWidget        *expander,
                     GParamSpec       *pspec,
                     RmmOversightView *self)
{
  const char *measure = g_object_get_data (G_OBJECT (expander), "measure");
  MeasureView *view = measure && self->shown ? g_hash_table_lookup (self->shown, measure)
                                             : NULL;

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)) && view != NULL &&
      !view->filled && self->figures != NULL)
    fill_category_rows (self, measure, view);
}

static MeasureView *
add_measure_view (RmmOversightView *self,
                  const char       *measure)
{
  MeasureView *view = g_new0 (MeasureView, 1);

  view->rows = g_ptr_array_new ();
  g_hash_table_insert (self->shown, g_strdup (measure), view);
  return view;
}

/* A measure by category: its heading, its chart, and its figures in a row each (folded
 * away under a chart, which shows them on its bars too; in plain sight where there is none). */
static void
add_categories (RmmOversightView *self,
                const char       *measure)
{
  GtkWidget *list = new_boxed_list ();
  MeasureView *view = add_measure_view (self, measure);

  gtk_box_append (self->content_box, new_heading (rmm_figures_describe_measure (measure),
                                                  "heading"));
  view->rows_parent = list;
  if (rmm_figure_chart_kind (measure) != RMM_FIGURE_CHART_NONE)
    {
      GtkWidget *card = new_chart (self, measure);

      view->chart = gtk_widget_get_first_child (card);
      gtk_box_append (self->content_box, card);
      view->rows_parent = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (view->rows_parent), _("The figures"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (view->rows_parent),
                                     rmm_figures_describe_measure (measure));
      g_object_set_data_full (G_OBJECT (view->rows_parent), "measure", g_strdup (measure),
                              g_free);
      g_signal_connect_object (view->rows_parent, "notify::expanded",
                               G_CALLBACK (on_figures_expanded), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), view->rows_parent);
    }
  gtk_box_append (self->content_box, list);
}

static void
add_section (RmmOversightView        *self,
             const RmmFiguresSection *section)
{
  GtkWidget *singles = NULL;
  GtkWidget *heading = new_heading (_(section->title), "title-4");

  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (self->content_box, heading);
  for (guint m = 0; section->measures[m] != NULL; m++)
    {
      const char *measure = section->measures[m];
      MeasureView *view;

      if (!rmm_figures_is_single (self->figures, measure))
        {
          add_categories (self, measure);
          singles = NULL;
          continue;
        }
      if (singles == NULL)
        {
          singles = new_boxed_list ();
          gtk_box_append (self->content_box, singles);
        }
      view = add_measure_view (self, measure);
      view->row = new_figure_row (rmm_figures_describe_measure (measure), &view->value);
      gtk_list_box_append (GTK_LIST_BOX (singles), view->row);
    }
}

/* Which of the measures are single figures, in the order they are shown: the view's layout,
 * the same from one period to the next unless a measure has figures in one and not the
 * other. */
static char *
figures_shape (GPtrArray *figures)
{
  GString *shape = g_string_new (NULL);
  guint n_sections;
  const RmmFiguresSection *sections = rmm_figures_get_sections (&n_sections);

  for (guint s = 0; s < n_sections; s++)
    for (guint m = 0; sections[s].measures[m] != NULL; m++)
      g_string_append_c (shape, rmm_figures_is_single (figures, sections[s].measures[m])
                                ? '1' : '0');
  return g_string_free (shape, FALSE);
}

/* The figures shown in the widgets laid out for them. */
static void
update_measures (RmmOversightView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *measure = key;
      MeasureView *view = value;

      if (view->row != NULL)
        {
          RmmFigure *figure = rmm_figures_find (self->figures, measure, "all");
          g_autofree char *text = figure ? rmm_figure_format_text (figure)
                                         : g_strdup (_("None"));

          set_figure (view->row, view->value, text, figure && figure->suppressed);
          continue;
        }
      if (view->chart != NULL)
        update_chart (self, view->chart, measure);
      view->filled = FALSE;
      if (!ADW_IS_EXPANDER_ROW (view->rows_parent) ||
          adw_expander_row_get_expanded (ADW_EXPANDER_ROW (view->rows_parent)))
        fill_category_rows (self, measure, view);
    }
}

static void
clear_content (RmmOversightView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->shown);
  g_clear_pointer (&self->shape, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
}

/* The figures of the period and @area, suppressed: read again only when the record has
 * changed since, so that going back to a period or an area already seen is at once. */
static GPtrArray *
read_figures (RmmOversightView  *self,
              RmmArea           *area,
              GError           **error)
{
  gint64 area_id = area ? rmm_area_get_id (area) : 0;
  g_autofree char *key = NULL;
  GPtrArray *figures;
  gint64 mark;

  /* The board's own login reads one published set (and no record to mark): at once, and
   * nothing to keep. */
  if (rmm_store_reads_figures_only (self->store))
    return rmm_store_read_board_figures (self->store, &self->from, &self->to, area_id,
                                         &self->published, error);
  mark = rmm_store_get_change_mark (self->store, NULL);
  key = g_strdup_printf ("%u %u %" G_GINT64_FORMAT, g_date_get_julian (&self->from),
                         g_date_get_julian (&self->to), area_id);
  if (mark != self->change_mark)
    {
      g_hash_table_remove_all (self->read);
      self->change_mark = mark;
    }
  if ((figures = g_hash_table_lookup (self->read, key)) != NULL)
    return g_ptr_array_ref (figures);
  if (!(figures = rmm_store_read_board_figures (self->store, &self->from, &self->to, area_id,
                                                NULL, error)))
    return NULL;
  g_hash_table_insert (self->read, g_steal_pointer (&key), g_ptr_array_ref (figures));
  return figures;
}

/* For the board's own login, a period nobody published: which were, and who publishes. */
static void
show_not_published (RmmOversightView *self,
                    const char       *why)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Not Published"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), why);
  gtk_box_append (self->content_box, page);
}

/* Publishing is offered to an area's administrators and chairs, with the reason to anyone
 * else but the board's own login, who has nothing to publish. */
static void
update_publish (RmmOversightView *self)
{
  g_autofree char *why_not = NULL;
  RmmArea *area = chosen_area (self);

  if (self->store == NULL)
    return;
  gtk_widget_set_visible (self->publish_button, !rmm_store_reads_figures_only (self->store));
  why_not = rmm_store_why_not_publish (self->store, area ? rmm_area_get_id (area) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "oversight.publish",
                                 why_not == NULL && self->figures != NULL);
  rmm_widget_explain_refusal (GTK_WIDGET (self), "oversight.publish", why_not);
}

static void
show_figures (RmmOversightView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *period = describe_period (self);
  RmmArea *area = chosen_area (self);
  g_autofree char *shape = NULL;

  gtk_label_set_text (self->status_label, "");
  gtk_label_set_text (self->period_label, period);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->published, g_free);
  self->figures = self->store ? read_figures (self, area, &error) : NULL;
  update_publish (self);
  if (self->figures == NULL)
    {
      clear_content (self);
      if (g_error_matches (error, RMM_ERROR, RMM_ERROR_NOT_FOUND))
        show_not_published (self, error->message);
      else if (error != NULL)
        gtk_label_set_text (self->status_label, error->message);
      return;
    }
  if (self->published != NULL)
    {
      g_autofree char *status = g_strdup_printf (_("%s. No child can be identified: a count "
                                                   "from 1 to 4 is shown as “fewer than 5”, "
                                                   "and a figure from which one could be "
                                                   "worked out is hidden too."),
                                                 self->published);

      gtk_label_set_text (self->status_label, status);
    }
  else
    gtk_label_set_text (self->status_label,
                        _("Counted from the record. No child can be identified: a count from "
                          "1 to 4 is shown as “fewer than 5”, and a figure from which one "
                          "could be worked out is hidden too."));
  /* Laid out again only when the figures need another layout. */
  shape = figures_shape (self->figures);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      const RmmFiguresSection *sections;
      guint n_sections;

      clear_content (self);
      sections = rmm_figures_get_sections (&n_sections);
      for (guint s = 0; s < n_sections; s++)
        add_section (self, &sections[s]);
      self->shape = g_steal_pointer (&shape);
    }
  update_measures (self);
}

/* The period after is offered while it has begun. */
static void
update_next (RmmOversightView *self)
{
  GDate today;

  rmm_date_set_today (&today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "oversight.next",
                                 self->kind != PERIOD_CUSTOM &&
                                 g_date_compare (&self->to, &today) < 0);
}

static void
update_period_controls (RmmOversightView *self)
{
  gboolean custom = self->kind == PERIOD_CUSTOM;

  gtk_widget_set_visible (self->custom_box, custom);
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), !custom);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "oversight.previous", !custom);
  update_next (self);
  if (custom)
    {
      g_autofree char *from = format_day (&self->from);
      g_autofree char *to = format_day (&self->to);

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
    }
}

static void
on_kind_changed (RmmOversightView *self)
{
  GDate day = self->from;

  self->kind = (PeriodKind)gtk_drop_down_get_selected (self->kind_dropdown);
  set_period_holding (self, &day);
  update_period_controls (self);
  show_figures (self);
}

/* A custom period, from its two fields: said what is wrong, and nothing read, until both
 * are dates and the first is not after the second. */
static void
on_custom_activated (RmmOversightView *self)
{
  GDate from, to, today;

  if (!rmm_date_parse_uk (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &from) ||
      !rmm_date_parse_uk (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &to))
    {
      gtk_label_set_text (self->status_label,
                          _("Give the period as two dates, such as 1 Jul 2026 and 30 Sep "
                            "2026."));
      return;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      gtk_label_set_text (self->status_label, _("The period ends before it begins."));
      return;
    }
  rmm_date_set_today (&today);
  if (g_date_compare (&to, &today) > 0)
    {
      gtk_label_set_text (self->status_label,
                          _("The period ends after today: the figures are of what has "
                            "happened."));
      return;
    }
  self->from = from;
  self->to = to;
  show_figures (self);
}

static void
shift_period (RmmOversightView *self,
              int               direction)
{
  GDate day = self->from;
  guint months = self->kind == PERIOD_MONTH ? 1 : self->kind == PERIOD_QUARTER ? 3 : 12;

  if (direction < 0)
    g_date_subtract_months (&day, months);
  else
    g_date_add_months (&day, months);
  set_period_holding (self, &day);
  update_next (self);
  show_figures (self);
}

static void
action_previous (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shift_period (RMM_OVERSIGHT_VIEW (widget), -1);
}

static void
action_next (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shift_period (RMM_OVERSIGHT_VIEW (widget), 1);
}

static char *
file_name_for (RmmOversightView *self,
               const char       *extension)
{
  g_autofree char *from = rmm_date_format (&self->from);
  g_autofree char *to = rmm_date_format (&self->to);
  RmmArea *area = chosen_area (self);
  g_autofree char *where = area ? rmm_file_name_part (rmm_area_get_name (area))
                                : g_strdup ("all-areas");

  return g_strdup_printf ("oversight-%s-%s-to-%s.%s", where, from, to, extension);
}

static void
action_pdf (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RmmOversightView *self = RMM_OVERSIGHT_VIEW (widget);
  RmmDocumentOptions options = { .language = rmm_settings_get_documents_language () };
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = file_name_for (self, "pdf");

  document = rmm_oversight_report_document_new (self->store, &self->from, &self->to,
                                                chosen_area (self), &options, &error);
  rmm_preview_show (widget, document, error, file_name);
}

static void
on_csv_response (RmmOversightView *self,
                 int               response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *csv = NULL;
  RmmArea *area = chosen_area (self);

  if (response != GTK_RESPONSE_ACCEPT || self->figures == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;
  from = rmm_date_format (&self->from);
  to = rmm_date_format (&self->to);
  period = g_strdup_printf ("%s/%s", from, to);
  csv = rmm_figures_to_csv (self->figures, area ? rmm_area_get_name (area) : "all", period);
  /* Private to the user, as every export; written whole or not at all. */
  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Figures Were Not Saved"), error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    rmm_show_toast (GTK_WIDGET (self), text);
  }
}

static void
action_csv (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RmmOversightView *self = RMM_OVERSIGHT_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = file_name_for (self, "csv");

  if (self->figures == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Figures"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV tables"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_csv_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_publish_response (RmmOversightView *self,
                     const char       *response)
{
  g_autoptr(GError) error = NULL;
  RmmArea *area = chosen_area (self);

  if (g_strcmp0 (response, "publish") != 0)
    return;
  if (!rmm_store_publish_figures (self->store, &self->from, &self->to,
                                  area ? rmm_area_get_id (area) : 0, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The Figures Were Not Published"),
                        error->message);
      return;
    }
  rmm_show_toast (GTK_WIDGET (self), _("Published for the board"));
}

/* A published set stands (publishing again adds a newer one): asked once, saying what the
 * board's login will read. */
static void
action_publish (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RmmOversightView *self = RMM_OVERSIGHT_VIEW (widget);
  g_autofree char *period = describe_period (self);
  RmmArea *area = chosen_area (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The board’s own login will read these figures for %s, %s, as "
                            "they are shown here. A published set stays in the record: "
                            "publishing the period again gives the board the newer one."),
                          period, area ? rmm_area_get_name (area) : _("all areas"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Publish the Figures for the Board?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "publish", _("Publish"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_areas (RmmOversightView *self)
{
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->areas = g_ptr_array_new_with_free_func (g_object_unref);
  /* The board's own login has all areas' figures only if it oversees every one. */
  self->all_offered = self->store == NULL || rmm_store_reads_all_areas_figures (self->store);
  if (self->all_offered)
    gtk_string_list_append (names, _("All areas"));
  if (self->store != NULL && (areas = rmm_store_list_areas (self->store, NULL)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      {
        RmmArea *area = g_list_model_get_item (areas, i);

        gtk_string_list_append (names, rmm_area_get_name (area));
        g_ptr_array_add (self->areas, area);
      }
  g_signal_handlers_block_by_func (self->area_dropdown, show_figures, self);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->area_dropdown, show_figures, self);
}

void
rmm_oversight_view_load (RmmOversightView *self,
                         RmmStore         *store)
{
  g_return_if_fail (RMM_IS_OVERSIGHT_VIEW (self));

  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->read);
  load_areas (self);
  show_figures (self);
}

static void
rmm_oversight_view_dispose (GObject *object)
{
  RmmOversightView *self = RMM_OVERSIGHT_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_OVERSIGHT_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->read, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->shape, g_free);

  G_OBJECT_CLASS (rmm_oversight_view_parent_class)->dispose (object);
}

static void
rmm_oversight_view_class_init (RmmOversightViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_oversight_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-oversight-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, period_label);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, publish_button);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, status_label);
  gtk_widget_class_bind_template_child (widget_class, RmmOversightView, content_box);

  gtk_widget_class_install_action (widget_class, "oversight.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "oversight.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "oversight.pdf", NULL, action_pdf);
  gtk_widget_class_install_action (widget_class, "oversight.csv", NULL, action_csv);
  gtk_widget_class_install_action (widget_class, "oversight.publish", NULL, action_publish);
}

static void
rmm_oversight_view_init (RmmOversightView *self)
{
  GDate day;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)measure_view_free);
  self->change_mark = -1;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  /* The last quarter ended: the board's usual report. */
  rmm_date_set_today (&day);
  g_date_subtract_months (&day, 3);
  self->kind = PERIOD_QUARTER;
  set_period_holding (self, &day);
  gtk_drop_down_set_selected (self->kind_dropdown, PERIOD_QUARTER);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (self->area_dropdown, "notify::selected",
                            G_CALLBACK (show_figures), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_custom_activated),
                            self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_custom_activated), self);
}
