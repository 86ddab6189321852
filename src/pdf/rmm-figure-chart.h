/* rmm-figure-chart.h: the board's figures drawn as charts, with cairo, for the window and
 * the quarterly report alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RMM_FIGURE_CHART_NONE,      /* a measure read as its numbers alone */
  RMM_FIGURE_CHART_BARS,      /* a count (or rate) by category: one bar each */
  RMM_FIGURE_CHART_LINE,      /* over time: the CSE list week by week */
  RMM_FIGURE_CHART_STACKED,   /* by category and kind: action outcomes by agency */
} RmmFigureChartKind;

/**
 * RmmFigureChartStyle:
 * @ink: text and axes (the window's foreground; black on paper)
 * @dark: drawn on a dark background: lighter fills
 * @font_size: of the labels, in the drawing's units (pixels on screen, points on paper)
 *
 * Fills are the risk frameworks' colours for ratings and, for everything else, a palette
 * told apart by readers with any kind of colour blindness (Okabe and Ito); every bar is
 * labelled in words too, so no reading depends on colour alone.
 */
typedef struct
{
  double   ink[3];
  gboolean dark;
  double   font_size;
} RmmFigureChartStyle;

RmmFigureChartKind rmm_figure_chart_kind     (const char                *measure);
double             rmm_figure_chart_height   (GPtrArray                 *figures,
                                              const char                *measure,
                                              const RmmFigureChartStyle *style);
void               rmm_figure_chart_draw     (GPtrArray                 *figures,
                                              const char                *measure,
                                              cairo_t                   *cr,
                                              double                     width,
                                              double                     height,
                                              const RmmFigureChartStyle *style);
char              *rmm_figure_chart_describe (GPtrArray                 *figures,
                                              const char                *measure);
char              *rmm_figure_category_label (const char                *measure,
                                              const char                *category);

G_END_DECLS
