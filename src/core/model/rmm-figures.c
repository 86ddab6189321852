/* rmm-figures.c: the board's figures, suppressed so that no child can be identified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are counts (and percentages, medians and longest delays of counted cases) by
 * measure and category. A count from 1 to 4 could point at a child the board knows of, so it
 * is shown as "fewer than 5"; and where a measure's categories add up to a total that is
 * shown, one hidden cell could be worked out by subtraction, so the next smallest is hidden
 * too (secondary suppression). A percentage, median or longest delay of fewer than 5 cases
 * is hidden, and so is a percentage whose part, or whose rest, is 1 to 4.
 */
#define G_LOG_DOMAIN "rmm-figures"

#include "config.h"

#include "rmm-document-i18n.h"
#include <math.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-figures.h"

/* Every measure: its id, what the board reads, and for one whose categories add up to
 * another's total, that total. */
static const struct
{
  const char *id;
  const char *label;
  const char *total;
} measures[] = {
  { "referrals-received", N_("Referrals received"), NULL },
  { "referrals-by-agency", N_("Referrals received, by referring agency"), "referrals-received" },
  { "referrals-by-route", N_("Referrals received, by route"), "referrals-received" },
  { "referrals-screened-out", N_("Referrals screened out (no further action or signposted)"), NULL },
  { "concerns-not-referred", N_("Concerns recorded and not referred"), NULL },
  { "repeat-referrals", N_("Repeat referrals (within 12 months of the child’s last)"), NULL },
  { "repeat-rate", N_("Repeat referral rate (per cent)"), NULL },
  { "decisions-24-hours", N_("Screening decision within 24 hours"), "referrals-received" },
  { "decisions-24-hours-rate", N_("Screening decisions within 24 hours (per cent of those due)"), NULL },
  { "decision-delay-hours", N_("Time to the screening decision (hours)"), NULL },
  { "assessments-required", N_("Referrals needing an assessment"), NULL },
  { "assessments-7-working-days", N_("Assessment within 7 working days"), "assessments-required" },
  { "assessments-7-working-days-rate", N_("Assessments within 7 working days (per cent of those due)"), NULL },
  { "assessment-delay-working-days", N_("Time to the assessment (working days)"), NULL },
  { "children-rated-at-end", N_("Children with a confirmed rating at the end of the period"), NULL },
  { "ratings-at-end", N_("Confirmed ratings at the end of the period, by level"), "children-rated-at-end" },
  { "ratings-confirmed", N_("Ratings confirmed in the period"), NULL },
  { "rating-movements", N_("Ratings confirmed, against the child’s previous rating"), "ratings-confirmed" },
  { "disputes", N_("Decisions the chairs disagreed on"), NULL },
  { "escalations", N_("Decisions escalated to service managers"), NULL },
  { "cse-list", N_("Children on the CSE list, week by week"), NULL },
  { "triggers-raised", N_("Strategy-discussion triggers raised"), NULL },
  { "triggers-by-rule", N_("Strategy-discussion triggers raised, by rule"), "triggers-raised" },
  { "trigger-responses", N_("Responses to triggers"), NULL },
  { "triggers-open-at-end", N_("Triggers without a confirmed response at the end of the period"), NULL },
  { "section-47", N_("Section 47 enquiries from strategy discussions"), NULL },
  { "missing-episodes", N_("Missing episodes of children on the CSE list, by month"), NULL },
  { "actions-due", N_("Plan actions due in the period, by outcome"), NULL },
  { "actions-by-agency", N_("Plan actions due in the period, by agency and outcome"), NULL },
  { "plans-agreed", N_("Safety plan versions agreed"), NULL },
  { "plans-circulated-2-working-days", N_("Plan versions circulated within 2 working days"), "plans-agreed" },
  { "plans-circulated-2-working-days-rate", N_("Plan versions circulated within 2 working days (per cent of those due)"), NULL },
  { "closures", N_("Cases closed"), NULL },
  { "closures-onward", N_("Cases closed with an onward referral"), NULL },
  { "transitions-started", N_("Transition planning started (17 and over)"), NULL },
  { "adult-packages", N_("Adult support packages agreed"), NULL },
  { "s42-referrals", N_("Care Act section 42 referrals"), NULL },
  { "children-referred", N_("Children referred"), NULL },
  { "children-by-age", N_("Children referred, by age at referral"), "children-referred" },
  { "children-by-gender", N_("Children referred, by gender"), "children-referred" },
  { "children-looked-after", N_("Children referred, looked after or not"), "children-referred" },
  { "meetings-held", N_("Meetings held"), NULL },
  { "attendance-rate", N_("Attendance at meetings, by agency (per cent of those invited)"), NULL },
  { "children-deferred", N_("Children deferred to a later meeting"), NULL },
};

static const RmmFiguresSection sections[] = {
  { N_("Referrals"), { "referrals-received", "referrals-screened-out", "concerns-not-referred",
                       "repeat-referrals", "repeat-rate", "referrals-by-agency",
                       "referrals-by-route", NULL } },
  { N_("The 24-Hour Decision and the 7-Day Assessment"),
    { "decisions-24-hours-rate", "assessments-required", "assessments-7-working-days-rate",
      "decisions-24-hours", "decision-delay-hours", "assessments-7-working-days",
      "assessment-delay-working-days", NULL } },
  { N_("Risk Ratings"), { "children-rated-at-end", "ratings-confirmed", "disputes",
                          "escalations", "ratings-at-end", "rating-movements", NULL } },
  { N_("The CSE List"), { "cse-list", NULL } },
  { N_("Strategy Discussions"), { "triggers-raised", "triggers-open-at-end", "section-47",
                                  "triggers-by-rule", "trigger-responses", NULL } },
  { N_("Missing Episodes"), { "missing-episodes", NULL } },
  { N_("Safety Plan Actions"), { "actions-due", "actions-by-agency", NULL } },
  { N_("Circulation of Safety Plans"), { "plans-agreed", "plans-circulated-2-working-days-rate",
                                         "plans-circulated-2-working-days", NULL } },
  { N_("Closures and Transitions"), { "closures", "closures-onward", "transitions-started",
                                      "adult-packages", "s42-referrals", NULL } },
  { N_("Who the Children Are"), { "children-referred", "children-by-age",
                                  "children-by-gender", "children-looked-after", NULL } },
  { N_("Meetings"), { "meetings-held", "children-deferred", "attendance-rate", NULL } },
};

/* The sections the figures are read in: every measure is in one. */
const RmmFiguresSection *
rmm_figures_get_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/* Whether @measure is one figure ("all"), read as a line, rather than a table of
 * categories. A measure with no figure in the period is read as one: none. */
gboolean
rmm_figures_is_single (GPtrArray  *figures,
                       const char *measure)
{
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      if (g_str_equal (figure->measure, measure) && !g_str_equal (figure->category, "all"))
        return FALSE;
    }
  return TRUE;
}

static void
figure_free (gpointer data)
{
  RmmFigure *figure = data;

  g_free (figure->measure);
  g_free (figure->category);
  g_free (figure);
}

GPtrArray *
rmm_figures_new (void)
{
  return g_ptr_array_new_with_free_func (figure_free);
}

RmmFigure *
rmm_figures_add (GPtrArray     *figures,
                 const char    *measure,
                 const char    *category,
                 RmmFigureKind  kind,
                 double         value)
{
  RmmFigure *figure = g_new0 (RmmFigure, 1);

  g_return_val_if_fail (measure != NULL && category != NULL, NULL);

  figure->measure = g_strdup (measure);
  figure->category = g_strdup (category);
  figure->kind = kind;
  figure->value = value;
  figure->base = kind == RMM_FIGURE_COUNT ? (guint)value : 0;
  g_ptr_array_add (figures, figure);
  return figure;
}

/* @part of @base in per cent; none when @base is 0 (nothing to be a part of). */
RmmFigure *
rmm_figures_add_percent (GPtrArray  *figures,
                         const char *measure,
                         const char *category,
                         guint       part,
                         guint       base)
{
  RmmFigure *figure;

  if (base == 0)
    return NULL;
  figure = rmm_figures_add (figures, measure, category, RMM_FIGURE_PERCENT,
                            100.0 * part / base);
  figure->part = part;
  figure->base = base;
  return figure;
}

RmmFigure *
rmm_figures_find (GPtrArray  *figures,
                  const char *measure,
                  const char *category)
{
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      if (g_str_equal (figure->measure, measure) && g_str_equal (figure->category, category))
        return figure;
    }
  return NULL;
}

static gboolean
is_small (guint count)
{
  return count > 0 && count < RMM_FIGURES_SMALLEST_SHOWN;
}

static gboolean
needs_primary (const RmmFigure *figure)
{
  switch (figure->kind)
    {
    case RMM_FIGURE_COUNT:
      return is_small ((guint)figure->value);
    case RMM_FIGURE_PERCENT:
      return figure->base < RMM_FIGURES_SMALLEST_SHOWN || is_small (figure->part) ||
             is_small (figure->base - figure->part);
    case RMM_FIGURE_MEDIAN:
    case RMM_FIGURE_LONGEST:
    default:
      return figure->base < RMM_FIGURES_SMALLEST_SHOWN;
    }
}

static const char *
total_of (const char *measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].id, measure))
      return measures[i].total;
  return NULL;
}

/* Whether @measure's categories add up to another measure's total. */
gboolean
rmm_figures_is_partition (const char *measure)
{
  return total_of (measure) != NULL;
}

/* A second figure hidden because it would give a small one away; it is not itself small. */
static void
hide_too (RmmFigure *figure)
{
  figure->suppressed = TRUE;
  figure->secondary = TRUE;
}

/* The cells of @measure that add up to @total (those whose category ends ": @outcome", for
 * a measure by agency and outcome; else all): if exactly one is hidden, the total gives it
 * away; hide the smallest shown cell that is not 0 as well, else the total. TRUE if it hid
 * anything. */
static gboolean
suppress_cells (GPtrArray  *figures,
                const char *measure,
                const char *outcome,
                RmmFigure  *total)
{
  g_autofree char *ending = outcome ? g_strconcat (": ", outcome, NULL) : NULL;
  RmmFigure *smallest = NULL;
  guint hidden = 0;

  if (total == NULL || total->suppressed)
    return FALSE;
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      if (!g_str_equal (figure->measure, measure) ||
          (ending != NULL && !g_str_has_suffix (figure->category, ending)))
        continue;
      if (figure->suppressed)
        hidden++;
      else if (figure->value > 0 && (smallest == NULL || figure->value < smallest->value))
        smallest = figure;
    }
  if (hidden != 1)
    return FALSE;
  hide_too (smallest != NULL ? smallest : total);
  return TRUE;
}

/* One partition: its cells add up to its total measure's figure. */
static gboolean
suppress_partition (GPtrArray  *figures,
                    const char *measure)
{
  return suppress_cells (figures, measure, NULL,
                         rmm_figures_find (figures, total_of (measure), "all"));
}

/* Actions by agency and outcome: each outcome's cells add up to that outcome's figure of
 * actions due. */
static gboolean
suppress_actions_by_agency (GPtrArray *figures)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      if (g_str_equal (figure->measure, "actions-due"))
        changed |= suppress_cells (figures, "actions-by-agency", figure->category, figure);
    }
  return changed;
}

/* A deadline's rate with its on-time count gives its late count: with any of the deadline's
 * cells hidden, the rate is hidden too. */
static void
suppress_rates (GPtrArray *figures)
{
  static const char * const deadlines[][2] = {
    { "decisions-24-hours", "decisions-24-hours-rate" },
    { "assessments-7-working-days", "assessments-7-working-days-rate" },
    { "plans-circulated-2-working-days", "plans-circulated-2-working-days-rate" },
  };

  for (guint d = 0; d < G_N_ELEMENTS (deadlines); d++)
    {
      RmmFigure *rate = rmm_figures_find (figures, deadlines[d][1], "all");

      for (guint i = 0; rate != NULL && !rate->suppressed && i < figures->len; i++)
        {
          RmmFigure *cell = g_ptr_array_index (figures, i);

          if (g_str_equal (cell->measure, deadlines[d][0]) && cell->suppressed)
            hide_too (rate);
        }
    }
}

/**
 * rmm_figures_suppress:
 *
 * Marks what must be shown as "fewer than 5": every count from 1 to 4, every rate, median
 * or longest of fewer than 5 cases (and a rate whose part or rest is 1 to 4). Then, hidden
 * as "hidden": in each measure whose categories add up to a total (and each outcome's
 * actions by agency, which add up to its actions due), a second cell where one alone would
 * be worked out by subtraction; a deadline's rate where one of its counts is hidden.
 */
void
rmm_figures_suppress (GPtrArray *figures)
{
  gboolean changed = TRUE;

  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      figure->suppressed = needs_primary (figure);
    }
  while (changed)
    {
      changed = suppress_actions_by_agency (figures);
      for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
        if (measures[i].total != NULL)
          changed |= suppress_partition (figures, measures[i].id);
    }
  suppress_rates (figures);
}

/* The figure as the board reads it: "12", "66.7", "fewer than 5", or "hidden" (a second
 * figure hidden so that a small one cannot be worked out). */
char *
rmm_figure_format_value (const RmmFigure *figure)
{
  if (figure->suppressed && figure->secondary)
    return g_strdup (_("hidden"));
  if (figure->suppressed)
    return g_strdup (_("fewer than 5"));
  if (figure->kind == RMM_FIGURE_COUNT)
    return g_strdup_printf ("%.0f", figure->value);
  return g_strdup_printf ("%.1f", figure->value);
}

/* As a reader sees it: a percentage with its sign ("66.7%"), else as rmm_figure_format_value (). */
char *
rmm_figure_format_text (const RmmFigure *figure)
{
  if (!figure->suppressed && figure->kind == RMM_FIGURE_PERCENT)
    return g_strdup_printf ("%.1f%%", figure->value);
  return rmm_figure_format_value (figure);
}

const char *
rmm_figures_describe_measure (const char *measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].id, measure))
      return _(measures[i].label);
  return measure;
}

static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  g_autofree char *guarded = NULL;

  /* A name typed as "=HYPERLINK(…)" is text, not a formula for the analyst's spreadsheet. */
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    text = guarded = g_strconcat ("'", text, NULL);
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", escaped);
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* One tidy table for the board's analysts, RFC 4180: measure, category, area, period,
 * value, suppressed. */
char *
rmm_figures_to_csv (GPtrArray  *figures,
                    const char *area,
                    const char *period)
{
  GString *out = g_string_new ("measure,category,area,period,value,suppressed\r\n");

  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = rmm_figure_format_value (figure);

      append_csv_field (out, figure->measure, FALSE);
      append_csv_field (out, figure->category, FALSE);
      append_csv_field (out, area, FALSE);
      append_csv_field (out, period, FALSE);
      append_csv_field (out, value, FALSE);
      append_csv_field (out, figure->suppressed ? "true" : "false", TRUE);
    }
  return g_string_free (out, FALSE);
}

#define PUBLISHED_TYPE "a(ssiduubb)"

/**
 * rmm_figures_to_published:
 * @figures: figures already suppressed (rmm_figures_suppress ())
 *
 * The figures as they are published for the board (GVariant text, one tuple a figure): a
 * hidden figure's value, part and base are never written, only that it is hidden.
 */
char *
rmm_figures_to_published (GPtrArray *figures)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) published = NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (PUBLISHED_TYPE));
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);
      gboolean hidden = figure->suppressed;

      g_variant_builder_add (&builder, "(ssiduubb)", figure->measure, figure->category,
                             (gint32)figure->kind, hidden ? 0.0 : figure->value,
                             hidden ? 0 : figure->part, hidden ? 0 : figure->base, hidden,
                             hidden && figure->secondary);
    }
  published = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (published, FALSE);
}

/**
 * rmm_figures_from_published:
 * @text: figures as rmm_figures_to_published () wrote them
 * @error: what is wrong with @text, if it is not that
 *
 * The published figures, or NULL with @error: a set altered by hand (a kind no figure has,
 * a value that is not a number) is refused whole rather than shown in part.
 */
GPtrArray *
rmm_figures_from_published (const char  *text,
                            GError     **error)
{
  g_autoptr(GPtrArray) figures = rmm_figures_new ();
  g_autoptr(GVariant) published = NULL;
  g_autoptr(GError) local_error = NULL;
  GVariantIter iter;
  const char *measure, *category;
  gint32 kind;
  double value;
  guint32 part, base;
  gboolean suppressed, secondary;

  published = g_variant_parse (G_VARIANT_TYPE (PUBLISHED_TYPE), text, NULL, NULL,
                               &local_error);
  if (published == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The published figures are damaged: %s"), local_error->message);
      return NULL;
    }
  g_variant_iter_init (&iter, published);
  while (g_variant_iter_next (&iter, "(&s&siduubb)", &measure, &category, &kind, &value,
                              &part, &base, &suppressed, &secondary))
    {
      RmmFigure *figure;

      if (kind < RMM_FIGURE_COUNT || kind > RMM_FIGURE_LONGEST || !isfinite (value) ||
          value < 0)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("The published figures are damaged: “%s” is not a figure."),
                       measure);
          return NULL;
        }
      figure = rmm_figures_add (figures, measure, category, kind, value);
      figure->part = part;
      figure->base = base;
      figure->suppressed = suppressed;
      figure->secondary = suppressed && secondary;
    }
  return g_steal_pointer (&figures);
}
