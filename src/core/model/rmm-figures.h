/* rmm-figures.h: the safeguarding board's figures, as one tidy table, with no child
 * identifiable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RMM_FIGURE_COUNT,     /* how many */
  RMM_FIGURE_PERCENT,   /* part of base, in per cent */
  RMM_FIGURE_MEDIAN,    /* of base cases, in the measure's unit */
  RMM_FIGURE_LONGEST,   /* of base cases, in the measure's unit */
} RmmFigureKind;

/**
 * RmmFigure:
 * @measure: what is counted, a stable id ("referrals-by-agency")
 * @category: which part of it ("Police"), or "all"
 * @value: the figure; for a percentage, @part out of @base
 * @part: a percentage's numerator
 * @base: how many cases a percentage, median or longest is of
 * @suppressed: not shown (rmm_figures_suppress ())
 * @secondary: hidden because it would give a small one away, not itself small: "hidden"
 *
 * One row of the table: measure, category, area, period, value, suppressed.
 */
typedef struct
{
  char          *measure;
  char          *category;
  RmmFigureKind  kind;
  double         value;
  guint          part;
  guint          base;
  gboolean       suppressed;
  gboolean       secondary;
} RmmFigure;

/**
 * RmmFiguresSection:
 * @title: what the board reads it as (translatable: pass it through gettext)
 * @measures: its measures, in order, NULL-terminated
 *
 * The figures in the order the Oversight view and the quarterly report give them.
 */
typedef struct
{
  const char *title;
  const char *measures[8];
} RmmFiguresSection;

/* The smallest count shown as it is: 1 to 4 could identify a child. */
#define RMM_FIGURES_SMALLEST_SHOWN 5

GPtrArray  *rmm_figures_new          (void);
RmmFigure  *rmm_figures_add          (GPtrArray     *figures,
                                      const char    *measure,
                                      const char    *category,
                                      RmmFigureKind  kind,
                                      double         value);
RmmFigure  *rmm_figures_add_percent  (GPtrArray     *figures,
                                      const char    *measure,
                                      const char    *category,
                                      guint          part,
                                      guint          base);
RmmFigure  *rmm_figures_find         (GPtrArray     *figures,
                                      const char    *measure,
                                      const char    *category);
void        rmm_figures_suppress     (GPtrArray     *figures);
char       *rmm_figure_format_value  (const RmmFigure *figure);
char       *rmm_figure_format_text   (const RmmFigure *figure);
char       *rmm_figures_to_csv       (GPtrArray     *figures,
                                      const char    *area,
                                      const char    *period);
const char *rmm_figures_describe_measure (const char *measure);
gboolean    rmm_figures_is_partition (const char    *measure);
const RmmFiguresSection *rmm_figures_get_sections (guint *n_sections);
gboolean    rmm_figures_is_single    (GPtrArray     *figures,
                                      const char    *measure);
char       *rmm_figures_to_published (GPtrArray     *figures);
GPtrArray  *rmm_figures_from_published (const char  *text,
                                        GError     **error);

G_END_DECLS
