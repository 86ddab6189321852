/* rmm-oversight-report-document.c: the safeguarding board's report for a period, with no
 * child identifiable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of rmmctl report and the Oversight view, section by section: each figure on
 * its own line, each measure by category as a chart (vectors, the view's drawing) with its
 * table under it, so every number can be read without the chart. Every count from 1 to 4
 * is "fewer than 5" and a figure that would give one away is hidden too, as everywhere the
 * figures go. It names no child, reference or date of birth: it is made from the figures
 * alone, which hold none.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include "rmm-area.h"
#include "rmm-dates.h"
#include "rmm-document-text.h"
#include "rmm-documents.h"
#include "rmm-figure-chart.h"
#include "rmm-figures.h"

/* Charts on paper: black ink, the labels the size of the tables' text. */
static const RmmFigureChartStyle paper = { { 0.1, 0.1, 0.1 }, FALSE, 8.0 };

typedef struct
{
  GPtrArray *figures;
  char      *measure;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_ptr_array_unref (chart->figures);
  g_free (chart->measure);
  g_free (chart);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  Chart *chart = data;

  rmm_figure_chart_draw (chart->figures, chart->measure, cr, width, height, &paper);
}

static void
add_single (RmmPdfDocument *document,
            GPtrArray      *figures,
            const char     *measure)
{
  RmmFigure *figure = rmm_figures_find (figures, measure, "all");
  g_autofree char *value = figure ? rmm_figure_format_text (figure) : g_strdup (_("None in the period"));

  rmm_pdf_document_add_key_value (document, rmm_figures_describe_measure (measure), value);
}

/* A measure by category: its chart, if it has one, then its table. */
static void
add_categories (RmmPdfDocument *document,
                GPtrArray      *figures,
                const char     *measure)
{
  static const double widths[] = { 0.7, 0.3 };
  const char *headers[] = { _("Category"), _("Figure") };
  double height = rmm_figure_chart_height (figures, measure, &paper);

  rmm_pdf_document_add_heading (document, 2, rmm_figures_describe_measure (measure));
  if (height > 0)
    {
      Chart *chart = g_new0 (Chart, 1);
      g_autofree char *description = rmm_figure_chart_describe (figures, measure);

      chart->figures = g_ptr_array_ref (figures);
      chart->measure = g_strdup (measure);
      rmm_pdf_document_add_drawing (document, height, description, draw_chart, chart,
                                    chart_free);
    }
  rmm_pdf_document_begin_table (document, 2, widths, headers);
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (!g_str_equal (figure->measure, measure))
        continue;
      label = rmm_figure_category_label (measure, figure->category);
      value = rmm_figure_format_text (figure);
      rmm_pdf_document_add_row (document, figure->suppressed ? RMM_PDF_ROW_MUTED
                                                             : RMM_PDF_ROW_PLAIN,
                                (const char *[]) { label, value });
    }
}

static char *
format_period (const GDate *from,
               const GDate *to)
{
  char from_iso[16], to_iso[16];
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_date_strftime (from_iso, sizeof from_iso, "%Y-%m-%d", from);
  g_date_strftime (to_iso, sizeof to_iso, "%Y-%m-%d", to);
  first = rmm_document_format_date (from_iso);
  last = rmm_document_format_date (to_iso);
  /* TRANSLATORS: a period: "1 July 2026 to 30 September 2026" */
  return g_strdup_printf (_("%s to %s"), first, last);
}

/* The document, in the language pushed for it. */
static RmmPdfDocument *
build (RmmStore                  *store,
       const GDate               *from,
       const GDate               *to,
       RmmArea                   *area,
       const RmmDocumentOptions  *options,
       GError                   **error)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;
  g_autofree char *made = NULL;
  g_autofree char *published = NULL;
  const RmmFiguresSection *sections;
  guint n_sections;
  RmmPdfInfo info = { 0 };

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && options != NULL, NULL);

  if (!(figures = rmm_store_read_board_figures (store, from, to,
                                                area ? rmm_area_get_id (area) : 0, &published,
                                                error)))
    return NULL;

  marking = rmm_document_get_marking (store, options);
  period = format_period (from, to);
  subtitle = g_strdup_printf ("%s · %s", area ? rmm_area_get_name (area) : _("All areas"),
                              period);
  today = rmm_store_now (store);
  made = rmm_document_format_date (today);
  info.title = _("Oversight report");
  info.subject = subtitle;
  info.author = PACKAGE_NAME;
  info.marking = marking;
  info.date = made;
  document = rmm_pdf_document_new (&info);

  rmm_pdf_document_add_title (document, _("Oversight report"), subtitle);
  rmm_pdf_document_add_note (document,
                             _("For the safeguarding board. Counted from the RMM record; no "
                               "child is named or can be identified: every count from 1 to 4 is "
                               "shown as “fewer than 5”, and a figure from which one could be "
                               "worked out is hidden too. The same figures as a table: rmmctl "
                               "report --format csv."));
  /* The board's own login has the figures as a chair or administrator published them. */
  if (published != NULL)
    rmm_pdf_document_add_note (document, published);
  rmm_pdf_document_add_contents (document);
  /* The contents on a page of their own: the board turns to its section. */
  rmm_pdf_document_add_page_break (document);
  sections = rmm_figures_get_sections (&n_sections);
  for (guint s = 0; s < n_sections; s++)
    {
      rmm_pdf_document_begin_section (document, 1, _(sections[s].title), NULL);
      for (guint m = 0; sections[s].measures[m] != NULL; m++)
        {
          const char *measure = sections[s].measures[m];

          if (rmm_figures_is_single (figures, measure))
            add_single (document, figures, measure);
          else
            add_categories (document, figures, measure);
        }
      rmm_pdf_document_end_section (document);
    }
  return g_steal_pointer (&document);
}

/**
 * rmm_oversight_report_document_new:
 * @area: (nullable): one area's figures, or every area's
 *
 * The board's report for the days @from to @to.
 */
RmmPdfDocument *
rmm_oversight_report_document_new (RmmStore                  *store,
                                   const GDate               *from,
                                   const GDate               *to,
                                   RmmArea                   *area,
                                   const RmmDocumentOptions  *options,
                                   GError                   **error)
{
  RmmPdfDocument *document;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  rmm_document_begin_language (store, options, "area", area ? rmm_area_get_id (area) : 0);
  document = build (store, from, to, area, options, error);
  rmm_document_language_pop ();
  return document;
}
