/* rmm-cli-report.c: rmmctl report: the safeguarding board's figures for a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl report --from D --to D [--area NAME] [--format csv|json|pdf] [-o FILE]
 *   rmmctl report --from D --to D [--area NAME] --publish
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rmm-area.h"
#include "rmm-dates.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-figures.h"
#include "rmm-cli-private.h"

static char *
figures_to_json (GPtrArray  *figures,
                 const char *area,
                 const char *period)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < figures->len; i++)
    {
      RmmFigure *figure = g_ptr_array_index (figures, i);

      json_builder_begin_object (builder);
      rmm_cli_add_string (builder, "measure", figure->measure);
      rmm_cli_add_string (builder, "category", figure->category);
      rmm_cli_add_string (builder, "area", area);
      rmm_cli_add_string (builder, "period", period);
      json_builder_set_member_name (builder, "value");
      /* A hidden figure has no value at all, not even a rounded one. */
      if (figure->suppressed)
        json_builder_add_null_value (builder);
      else if (figure->kind == RMM_FIGURE_COUNT)
        json_builder_add_int_value (builder, (gint64)figure->value);
      else
        json_builder_add_double_value (builder, (gint64)(figure->value * 10 + 0.5) / 10.0);
      json_builder_set_member_name (builder, "suppressed");
      json_builder_add_boolean_value (builder, figure->suppressed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
parse_day (const char  *text,
           const char  *option,
           GDate       *day,
           GError     **error)
{
  if (text != NULL && rmm_date_parse_uk (text, day))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("%s needs a date, such as 2026-07-01 or 1 Jul 2026"), option);
  return FALSE;
}

/* Never over anything but an earlier table of figures in the same format: not the database
 * (which would be lost), not a document, not what a link points to. */
static gboolean
check_figures_target (const char  *path,
                      gboolean     json,
                      GError     **error)
{
  if (rmm_cli_may_replace (path, json ? "[" : "measure,category,area,period,value,suppressed"))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               json ? _("“%s” is there already and is not figures as JSON: nothing was written "
                        "over it.")
                    : _("“%s” is there already and is not figures as CSV: nothing was written "
                        "over it."), path);
  return FALSE;
}

/* The figures written where asked (private to the user, as every export), or printed. */
static gboolean
write_out (const char  *text,
           const char  *output,
           GError     **error)
{
  if (output == NULL)
    {
      /* As written: g_print () would spell the CSV's line ends (CR LF) as "\r". */
      fputs (text, stdout);
      return TRUE;
    }
  if (!g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 error))
    return FALSE;
  g_print ("%s\n", output);
  return TRUE;
}

/* The board's report as a PDF, private to the user as every export. */
static int
write_report (RmmStore            *store,
              const GDate         *from,
              const GDate         *to,
              RmmArea             *area,
              RmmDocumentLanguage  language,
              const char          *output)
{
  RmmDocumentOptions options = { .language = language };
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!(document = rmm_oversight_report_document_new (store, from, to, area, &options,
                                                      &error)) ||
      !rmm_pdf_document_write (document, output, &error))
    return rmm_cli_fail (error);
  g_print ("%s\n", output);
  return EXIT_SUCCESS;
}

/* The figures kept for the board's own login, and what was kept said. */
static int
publish_figures (RmmStore    *store,
                 const GDate *from,
                 const GDate *to,
                 RmmArea     *area)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_day = rmm_date_format (from), *to_day = rmm_date_format (to);
  g_autofree char *first = NULL, *last = NULL;

  if (!rmm_store_publish_figures (store, from, to, area ? rmm_area_get_id (area) : 0, &error))
    return rmm_cli_fail (error);
  first = rmm_date_format_uk (from_day, "%-d %b %Y");
  last = rmm_date_format_uk (to_day, "%-d %b %Y");
  g_print (_("Published the board’s figures for %s to %s, %s.\n"), first, last,
           area ? rmm_area_get_name (area) : _("all areas"));
  return EXIT_SUCCESS;
}

int
rmm_cli_report (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the board’s figures for a "
                                                             "period"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmArea) area = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL, *area_name = NULL;
  g_autofree char *format = NULL, *output = NULL, *period = NULL, *text = NULL;
  g_autofree char *language_text = NULL;
  RmmDocumentLanguage language = RMM_DOCUMENT_LANGUAGE_DEFAULT;
  g_autofree char *first = NULL, *last = NULL;
  GDate from, to;
  gboolean pdf, publish = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The period’s first day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The period’s last day"), N_("DATE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_name, N_("One area (default: every area)"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (default), json or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (default: print)"), N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language_text, N_("pdf: en (English), cy (Welsh) or both (bilingual, Welsh first); default: the area’s documents language"), "LANGUAGE" },
    { "publish", 0, 0, G_OPTION_ARG_NONE, &publish, N_("Publish the figures for the board’s own login to read"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The safeguarding board’s figures for the period, from the "
                                "record: referrals, the 24-hour and 7-working-day deadlines, "
                                "ratings and their movements, the CSE list week by week, "
                                "triggers, missing episodes, plan actions, closures and "
                                "transitions, who the children are, and meetings. Every count "
                                "from 1 to 4 is “fewer than 5”, and a second figure is hidden "
                                "where one could be worked out from a total: no name, "
                                "reference or date of birth is ever in it. CSV is one tidy "
                                "table: measure, category, area, period, value, suppressed; "
                                "PDF is the board's report, with charts and a contents page. "
                                "--publish keeps them in the database for the board's own "
                                "login (an oversight member on a server), which reads the "
                                "figures published for the period it asks for and nothing "
                                "of the record."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("report takes no arguments, only options"));
  if (!parse_day (from_text, "--from", &from, &error) || !parse_day (to_text, "--to", &to, &error))
    return rmm_cli_usage_error (context, error->message);
  if (g_date_compare (&from, &to) > 0)
    return rmm_cli_usage_error (context, _("--from is after --to: the period ends before it "
                                           "begins"));
  {
    GDate today;

    rmm_date_set_today (&today);
    /* A ratings' or list's figure "at the end" of a period still to come would be today's,
     * said as the future's. */
    if (g_date_compare (&to, &today) > 0)
      return rmm_cli_usage_error (context, _("--to is after today: the figures are of what "
                                             "has happened; give today or an earlier day"));
  }
  if (publish && (format != NULL || output != NULL))
    return rmm_cli_usage_error (context, _("--publish keeps the figures in the database: give "
                                           "it without --format or -o"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "pdf"))
    return rmm_cli_usage_error (context, _("unknown format: use csv, json or pdf"));
  pdf = g_strcmp0 (format, "pdf") == 0;
  if (language_text != NULL &&
      (!pdf || !rmm_document_language_parse (language_text, &language)))
    return rmm_cli_usage_error (context, _("--language is for --format pdf: en (English), cy "
                                           "(Welsh) or both (bilingual, Welsh first)"));
  if (pdf && output == NULL)
    return rmm_cli_usage_error (context, _("a PDF is written to a file: give -o FILE"));
  if (pdf && !rmm_pdf_document_check_target (output, &error))
    return rmm_cli_fail (error);
  if (!pdf && output != NULL &&
      !check_figures_target (output, g_strcmp0 (format, "json") == 0, &error))
    return rmm_cli_fail (error);
  if (!(store = rmm_cli_open_for_figures (database, &error)))
    return rmm_cli_fail (error);
  if (area_name != NULL && !(area = rmm_store_find_area (store, area_name, &error)))
    {
      if (error == NULL)
        g_set_error (&error, RMM_ERROR, RMM_ERROR_NOT_FOUND, _("There is no area called “%s”."),
                     area_name);
      return rmm_cli_fail (error);
    }
  if (publish)
    return publish_figures (store, &from, &to, area);
  if (pdf)
    return write_report (store, &from, &to, area, language, output);
  if (!(figures = rmm_store_read_board_figures (store, &from, &to,
                                                area ? rmm_area_get_id (area) : 0, NULL,
                                                &error)))
    return rmm_cli_fail (error);

  first = rmm_date_format (&from);
  last = rmm_date_format (&to);
  period = g_strdup_printf ("%s/%s", first, last);
  text = format != NULL && g_str_equal (format, "json")
           ? figures_to_json (figures, area ? rmm_area_get_name (area) : "all", period)
           : rmm_figures_to_csv (figures, area ? rmm_area_get_name (area) : "all", period);
  if (!write_out (text, output, &error))
    return rmm_cli_fail (error);
  return EXIT_SUCCESS;
}
