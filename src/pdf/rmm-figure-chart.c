/* rmm-figure-chart.c: the board's figures drawn as charts, with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for the Oversight view and the quarterly report, so the board reads the same
 * chart on screen and on paper: bars for a count by category, a line for the CSE list over
 * time, stacked bars for what became of plan actions by agency. A figure hidden because it
 * could identify a child ("fewer than 5") is never drawn as a length: its bar is not there
 * and its label says so.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-document-text.h"
#include "rmm-figure-chart.h"
#include "rmm-figures.h"
#include "rmm-framework.h"
#include "rmm-trigger-rules.h"

static const struct
{
  const char         *measure;
  RmmFigureChartKind  kind;
} charts[] = {
  { "referrals-by-agency", RMM_FIGURE_CHART_BARS },
  { "referrals-by-route", RMM_FIGURE_CHART_BARS },
  { "ratings-at-end", RMM_FIGURE_CHART_BARS },
  { "rating-movements", RMM_FIGURE_CHART_BARS },
  { "cse-list", RMM_FIGURE_CHART_LINE },
  { "triggers-by-rule", RMM_FIGURE_CHART_BARS },
  { "trigger-responses", RMM_FIGURE_CHART_BARS },
  { "missing-episodes", RMM_FIGURE_CHART_BARS },
  { "actions-due", RMM_FIGURE_CHART_BARS },
  { "actions-by-agency", RMM_FIGURE_CHART_STACKED },
  { "children-by-age", RMM_FIGURE_CHART_BARS },
  { "children-by-gender", RMM_FIGURE_CHART_BARS },
  { "children-looked-after", RMM_FIGURE_CHART_BARS },
  { "attendance-rate", RMM_FIGURE_CHART_BARS },
};

/* What became of an action, in the order the stacks are drawn, with its fill: Okabe and
 * Ito's palette, told apart with every kind of colour blindness, and by lightness in grey. */
static const struct
{
  const char *id;
  const char *label;
  guint32     light;
  guint32     dark;
} outcomes[] = {
  { "done", N_("Done"), 0x0072b2, 0x56b4e9 },
  { "carried-forward", N_("Carried forward"), 0xcc79a7, 0xcc79a7 },
  { "not-done-circumstances", N_("Not done: circumstances changed"), 0xe69f00, 0xe69f00 },
  { "not-done-agency", N_("Not done by the agency"), 0xd55e00, 0xd55e00 },
  { "open", N_("Still open"), 0x999999, 0x8a8a8a },
};

/* Rows of the chart and their layout, in the drawing's units. */
#define ROW_HEIGHT(style) ((style)->font_size * 2.0)
#define GAP(style)        ((style)->font_size * 0.6)
#define LINE_ROWS         11

RmmFigureChartKind
rmm_figure_chart_kind (const char *measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_str_equal (charts[i].measure, measure))
      return charts[i].kind;
  return RMM_FIGURE_CHART_NONE;
}

static GPtrArray *
of_measure (GPtrArray  *figures,
            const char *measure)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      if (g_str_equal (figure->measure, measure))
        g_ptr_array_add (found, figure);
    }
  return found;
}

/* "Agency: outcome" of actions-by-agency, split at its last ": ". */
static char *
split_stack (const char  *category,
             const char **outcome)
{
  const char *colon = g_strrstr (category, ": ");

  *outcome = colon ? colon + 2 : "";
  return colon ? g_strndup (category, colon - category) : g_strdup (category);
}

static const char *
outcome_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_str_equal (outcomes[i].id, id))
      return _(outcomes[i].label);
  return id;
}

/* The level a rating's count is for: the figures count ratings by their label, in the
 * language of whoever counted them (a published set may have been counted in Welsh). */
static const RmmRiskLevel *
find_rating (const char *category)
{
  g_autoptr(GPtrArray) frameworks = rmm_framework_list_all ();

  for (guint f = 0; frameworks != NULL && f < frameworks->len; f++)
    {
      RmmFramework *framework = g_ptr_array_index (frameworks, f);

      for (guint l = 0; l < rmm_framework_get_n_levels (framework); l++)
        {
          const RmmRiskLevel *level = rmm_framework_get_level (framework, l);

          if (g_str_equal (level->label, category) || g_str_equal (level->label_en, category) ||
              g_str_equal (level->label_cy, category))
            return level;
        }
    }
  return NULL;
}

/* A rating's count under its label in the document's language. */
static const char *
rating_label (const char *category)
{
  const RmmRiskLevel *level = find_rating (category);

  return level != NULL ? rmm_risk_level_describe (level) : category;
}

static const char *
rule_title (const char *id)
{
  static RmmTriggerRules *rules;
  const RmmTriggerRule *rule;

  if (g_once_init_enter (&rules))
    g_once_init_leave (&rules, rmm_trigger_rules_load (NULL));
  rule = rules ? rmm_trigger_rules_find (rules, id) : NULL;
  return rule ? rmm_trigger_rule_describe (rule) : id;
}

/* The words for the categories the figures count by; an id not here (an agency, an age
 * range) is shown as it is, its first letter raised. */
static const struct { const char *id; const char *label; } categories[] = {
  { "single-point-of-access", N_("Single point of access") },
  { "lead-professional", N_("Lead professional") },
  { "on time", N_("On time") },
  { "late", N_("Late") },
  { "not yet due", N_("Not yet due") },
  { "median", N_("Median") },
  { "longest", N_("Longest") },
  { "under 12", N_("Under 12") },
  { "female", N_("Female") },
  { "male", N_("Male") },
  { "non-binary", N_("Non-binary") },
  { "other", N_("Other") },
  { "not recorded", N_("Not recorded") },
  { "looked after", N_("Looked after") },
  { "not looked after", N_("Not looked after") },
  { "first rating", N_("First rating") },
  { "up", N_("Higher") },
  { "down", N_("Lower") },
  { "unchanged", N_("Unchanged") },
  { "convened", N_("Convened") },
  { "not convened", N_("Not convened") },
};

/* An id's words ("single-point-of-access") or a category as counted ("under 12"), with its
 * first letter raised; a range of numbers ("12-13") keeps its dash. */
static char *
capitalised (const char *text)
{
  g_autofree char *spaced = strpbrk (text, "0123456789") ? g_strdup (text)
                                                          : g_strdelimit (g_strdup (text), "-", ' ');
  gunichar first = g_utf8_get_char (spaced);
  char head[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (spaced), NULL);
}

/* What the board reads for a category: a week as its date, a month by name, a rule by its
 * title, a rating and an action's outcome in words, a category in its words. */
char *
rmm_figure_category_label (const char *measure,
                           const char *category)
{
  GDate day;

  if (g_str_equal (measure, "cse-list") && rmm_date_parse (category, &day))
    return rmm_document_format_short_date (category);
  if (g_str_equal (measure, "missing-episodes") && strlen (category) == 7)
    {
      g_autofree char *first = g_strconcat (category, "-01", NULL);

      if (rmm_date_parse (first, &day))
        return g_strdup_printf ("%s %u", rmm_document_month_name (g_date_get_month (&day), FALSE),
                                g_date_get_year (&day));
    }
  if (g_str_equal (measure, "ratings-at-end"))
    return g_strdup (rating_label (category));
  if (g_str_equal (measure, "actions-due"))
    return g_strdup (outcome_label (category));
  if (g_str_equal (measure, "actions-by-agency"))
    {
      const char *outcome;
      g_autofree char *agency = split_stack (category, &outcome);

      /* TRANSLATORS: an agency and what became of its plan actions: "Police: Done" */
      return g_strdup_printf (_("%s: %s"), agency, outcome_label (outcome));
    }
  if (g_str_equal (measure, "triggers-by-rule"))
    return g_strdup (rule_title (category));
  if (g_str_equal (measure, "referrals-by-agency") || g_str_equal (measure, "attendance-rate"))
    return g_strdup (category);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].id, category))
      return g_strdup (_(categories[i].label));
  return capitalised (category);
}

char *
rmm_figure_chart_describe (GPtrArray  *figures,
                           const char *measure)
{
  g_autoptr(GPtrArray) rows = of_measure (figures, measure);
  GString *text = g_string_new (rmm_figures_describe_measure (measure));

  g_string_append (text, ": ");
  if (rows->len == 0)
    g_string_append (text, _("none in the period"));
  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);
      g_autofree char *label = rmm_figure_category_label (measure, figure->category);
      g_autofree char *value = rmm_figure_format_text (figure);

      g_string_append_printf (text, "%s%s %s", i ? "; " : "", label, value);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_ink (cairo_t                   *cr,
         const RmmFigureChartStyle *style,
         double                     alpha)
{
  cairo_set_source_rgba (cr, style->ink[0], style->ink[1], style->ink[2], alpha);
}

/* A rating's bar in its framework's colour; any other bar in the palette's blue. */
static guint32
bar_fill (const char                *measure,
          const char                *category,
          const RmmFigureChartStyle *style)
{
  if (g_str_equal (measure, "ratings-at-end"))
    {
      const RmmRiskLevel *level = find_rating (category);

      if (level != NULL && level->colour != NULL && level->colour[0] == '#')
        return (guint32)g_ascii_strtoull (level->colour + 1, NULL, 16);
    }
  return style->dark ? 0x56b4e9 : 0x0072b2;
}

static PangoLayout *
new_layout (cairo_t                   *cr,
            const RmmFigureChartStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell");

  pango_font_description_set_absolute_size (font, style->font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* @text at (@x, the middle of a row at @y), at most @width wide; its width. */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       row_height,
           double       width)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y + (row_height - h) / 2);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* The labels' column: as wide as the widest label, at most two fifths of the chart. */
static double
label_column (PangoLayout *layout,
              GPtrArray   *labels,
              double       width)
{
  double widest = 0;

  for (guint i = 0; i < labels->len; i++)
    widest = MAX (widest, text_width (layout, g_ptr_array_index (labels, i)));
  return MIN (widest, width * 0.4);
}

static void
draw_bars (GPtrArray                 *rows,
           const char                *measure,
           cairo_t                   *cr,
           double                     width,
           const RmmFigureChartStyle *style)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double row = ROW_HEIGHT (style), gap = GAP (style), most = 0;
  double label_w, value_w, bar_x, bar_w;
  gboolean percent = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);

      g_ptr_array_add (labels, rmm_figure_category_label (measure, figure->category));
      percent |= figure->kind == RMM_FIGURE_PERCENT;
      if (!figure->suppressed)
        most = MAX (most, figure->value);
    }
  if (percent)
    most = 100;
  label_w = label_column (layout, labels, width);
  value_w = text_width (layout, _("fewer than 5")) + gap;
  bar_x = label_w + gap;
  bar_w = MAX (width - bar_x - value_w, 1);

  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);
      g_autofree char *value = rmm_figure_format_text (figure);
      double y = i * row, length = 0;

      set_ink (cr, style, 1);
      show_text (cr, layout, g_ptr_array_index (labels, i), 0, y, row, label_w);
      if (!figure->suppressed && most > 0)
        {
          length = MAX (bar_w * figure->value / most, figure->value > 0 ? 1 : 0);
          set_rgb (cr, bar_fill (measure, figure->category, style));
          cairo_rectangle (cr, bar_x, y + row * 0.2, length, row * 0.6);
          cairo_fill (cr);
        }
      set_ink (cr, style, figure->suppressed ? 0.6 : 1);
      show_text (cr, layout, value, bar_x + length + gap / 2, y, row, -1);
    }
  /* The axis the bars grow from. */
  set_ink (cr, style, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, bar_x - 0.5, 0);
  cairo_line_to (cr, bar_x - 0.5, rows->len * row);
  cairo_stroke (cr);
}

/* A round figure at or above @most for the top of the line's scale. */
static double
scale_top (double most)
{
  double step;

  if (most <= 5)
    return 5;
  step = pow (10, floor (log10 (most)));
  return ceil (most / step) * step;
}

static void
draw_line (GPtrArray                 *rows,
           const char                *measure,
           cairo_t                   *cr,
           double                     width,
           double                     height,
           const RmmFigureChartStyle *style)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style);
  double row = ROW_HEIGHT (style), gap = GAP (style), most = 0, top;
  double axis_x, plot_w, plot_h = height - row * 1.5;
  gboolean drawing = FALSE;
  char tick[32];

  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);

      if (!figure->suppressed)
        most = MAX (most, figure->value);
    }
  top = scale_top (most);
  g_snprintf (tick, sizeof tick, "%.0f", top);
  axis_x = text_width (layout, tick) + gap;
  plot_w = MAX (width - axis_x - gap, 1);

  /* Three gridlines, labelled: nought, half way, the top. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= 2; i++)
    {
      double y = row / 2 + plot_h * (1 - i / 2.0);

      g_snprintf (tick, sizeof tick, "%.0f", top * i / 2);
      set_ink (cr, style, 1);
      show_text (cr, layout, tick, 0, y - row / 2, row, -1);
      set_ink (cr, style, i == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, axis_x, round (y) + 0.5);
      cairo_line_to (cr, axis_x + plot_w, round (y) + 0.5);
      cairo_stroke (cr);
    }

  /* The weeks: a gap where a week's figure is hidden. */
  set_rgb (cr, style->dark ? 0x56b4e9 : 0x0072b2);
  cairo_set_line_width (cr, MAX (style->font_size / 6, 1.5));
  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);
      double x = axis_x + (rows->len > 1 ? plot_w * i / (rows->len - 1) : plot_w / 2);
      double y = row / 2 + plot_h * (1 - figure->value / top);

      if (figure->suppressed)
        {
          if (drawing)
            cairo_stroke (cr);
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  if (drawing)
    cairo_stroke (cr);
  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);
      double x = axis_x + (rows->len > 1 ? plot_w * i / (rows->len - 1) : plot_w / 2);

      if (!figure->suppressed)
        {
          cairo_arc (cr, x, row / 2 + plot_h * (1 - figure->value / top),
                     MAX (style->font_size / 4, 2), 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The first and last weeks under the line's ends. */
  set_ink (cr, style, 1);
  if (rows->len > 0)
    {
      RmmFigure *first = g_ptr_array_index (rows, 0);
      RmmFigure *last = g_ptr_array_index (rows, rows->len - 1);
      g_autofree char *from = rmm_figure_category_label (measure, first->category);
      g_autofree char *to = rmm_figure_category_label (measure, last->category);

      show_text (cr, layout, from, axis_x, height - row, row, -1);
      if (rows->len > 1)
        show_text (cr, layout, to, axis_x + plot_w - text_width (layout, to), height - row, row,
                   -1);
    }
}

/* Agencies in the order the figures list them, each once. */
static GPtrArray *
stacks_of (GPtrArray *rows)
{
  GPtrArray *agencies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);
      const char *outcome;
      char *agency = split_stack (figure->category, &outcome);

      if (g_ptr_array_find_with_equal_func (agencies, agency, g_str_equal, NULL))
        g_free (agency);
      else
        g_ptr_array_add (agencies, agency);
    }
  return agencies;
}

static const RmmFigure *
find_cell (GPtrArray  *rows,
           const char *agency,
           const char *outcome)
{
  g_autofree char *category = g_strdup_printf ("%s: %s", agency, outcome);

  for (guint i = 0; i < rows->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (rows, i);

      if (g_str_equal (figure->category, category))
        return figure;
    }
  return NULL;
}

static void
draw_stacked (GPtrArray                 *rows,
              cairo_t                   *cr,
              double                     width,
              const RmmFigureChartStyle *style)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style);
  g_autoptr(GPtrArray) agencies = stacks_of (rows);
  double row = ROW_HEIGHT (style), gap = GAP (style), most = 0, x = 0;
  double label_w, bar_x, bar_w, value_w;
  gboolean any_hidden = FALSE;

  for (guint a = 0; a < agencies->len; a++)
    {
      double total = 0;

      for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
        {
          const RmmFigure *cell = find_cell (rows, g_ptr_array_index (agencies, a),
                                             outcomes[o].id);

          if (cell != NULL && !cell->suppressed)
            total += cell->value;
        }
      most = MAX (most, total);
    }

  /* The key, on its own row: a swatch and its words for each outcome. */
  for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
    {
      set_rgb (cr, style->dark ? outcomes[o].dark : outcomes[o].light);
      cairo_rectangle (cr, x, row * 0.3, row * 0.4, row * 0.4);
      cairo_fill (cr);
      set_ink (cr, style, 1);
      x += row * 0.5 + show_text (cr, layout, _(outcomes[o].label), x + row * 0.5, 0, row, -1) +
           gap * 2;
    }

  label_w = label_column (layout, agencies, width);
  value_w = text_width (layout, "0000 *") + gap;
  bar_x = label_w + gap;
  bar_w = MAX (width - bar_x - value_w, 1);
  for (guint a = 0; a < agencies->len; a++)
    {
      const char *agency = g_ptr_array_index (agencies, a);
      double y = (a + 1) * row, along = bar_x, total = 0;
      gboolean hidden = FALSE;
      g_autofree char *value = NULL;

      set_ink (cr, style, 1);
      show_text (cr, layout, agency, 0, y, row, label_w);
      for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
        {
          const RmmFigure *cell = find_cell (rows, agency, outcomes[o].id);
          double length;

          if (cell == NULL)
            continue;
          if (cell->suppressed)
            {
              hidden = TRUE;
              continue;
            }
          length = most > 0 ? bar_w * cell->value / most : 0;
          set_rgb (cr, style->dark ? outcomes[o].dark : outcomes[o].light);
          cairo_rectangle (cr, along, y + row * 0.2, length, row * 0.6);
          cairo_fill (cr);
          along += length;
          total += cell->value;
        }
      /* Drawn: what is shown; a star where a part of fewer than 5 is left out. */
      value = g_strdup_printf (hidden ? "%.0f *" : "%.0f", total);
      any_hidden |= hidden;
      set_ink (cr, style, 1);
      show_text (cr, layout, value, along + gap / 2, y, row, -1);
    }
  if (any_hidden)
    {
      set_ink (cr, style, 0.7);
      show_text (cr, layout, _("* and fewer than 5 more, not drawn"), 0,
                 (agencies->len + 1) * row, row, width);
    }
}

static gboolean
has_hidden_stack (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (((RmmFigure *)g_ptr_array_index (rows, i))->suppressed)
      return TRUE;
  return FALSE;
}

/* The height the chart of @measure needs, in the drawing's units; 0 for none. */
double
rmm_figure_chart_height (GPtrArray                 *figures,
                         const char                *measure,
                         const RmmFigureChartStyle *style)
{
  g_autoptr(GPtrArray) rows = of_measure (figures, measure);

  if (rows->len == 0)
    return 0;
  switch (rmm_figure_chart_kind (measure))
    {
    case RMM_FIGURE_CHART_BARS:
      return rows->len * ROW_HEIGHT (style);
    case RMM_FIGURE_CHART_LINE:
      return LINE_ROWS * ROW_HEIGHT (style) / 2;
    case RMM_FIGURE_CHART_STACKED:
      {
        g_autoptr(GPtrArray) agencies = stacks_of (rows);

        return (agencies->len + 1 + has_hidden_stack (rows)) * ROW_HEIGHT (style);
      }
    case RMM_FIGURE_CHART_NONE:
    default:
      return 0;
    }
}

/* Draws @measure's chart with its top left at the current origin, @width by @height. */
void
rmm_figure_chart_draw (GPtrArray                 *figures,
                       const char                *measure,
                       cairo_t                   *cr,
                       double                     width,
                       double                     height,
                       const RmmFigureChartStyle *style)
{
  g_autoptr(GPtrArray) rows = of_measure (figures, measure);

  g_return_if_fail (figures != NULL && measure != NULL && cr != NULL && style != NULL);

  if (rows->len == 0)
    return;
  cairo_save (cr);
  switch (rmm_figure_chart_kind (measure))
    {
    case RMM_FIGURE_CHART_BARS:
      draw_bars (rows, measure, cr, width, style);
      break;
    case RMM_FIGURE_CHART_LINE:
      draw_line (rows, measure, cr, width, height, style);
      break;
    case RMM_FIGURE_CHART_STACKED:
      draw_stacked (rows, cr, width, style);
      break;
    case RMM_FIGURE_CHART_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}
