/* rmm-cli-export.c: rmmctl export — the documents that leave the room, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl export minutes --meeting ID [--anonymised] -o F.pdf
 *   rmmctl export safety-plan --child ID|REF --audience professional|family -o F.pdf
 *   rmmctl export safety-plan --area NAME --all-open [--audience …] --out-dir DIR
 *   rmmctl export cse-list [--date D] [--anonymised] -o F.pdf
 *   rmmctl export pack --meeting ID -o F.pdf
 *   rmmctl export calendar [--area NAME] -o F.ics
 *
 * Each file is written under a temporary name and renamed into place, so a failure never
 * leaves a partial PDF behind.
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-area.h"
#include "rmm-cli-private.h"
#include "rmm-dates.h"
#include "rmm-documents.h"
#include "rmm-error.h"

typedef struct
{
  gint64    meeting_id;
  char     *child;
  char     *area;
  char     *audience;
  char     *date;
  char     *output;
  char     *out_dir;
  char     *marking;
  char     *language;
  gboolean  all_open;
  gboolean  anonymised;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_free (options->child);
  g_free (options->language);
  g_free (options->area);
  g_free (options->audience);
  g_free (options->date);
  g_free (options->output);
  g_free (options->out_dir);
  g_free (options->marking);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static gboolean
write_document (RmmPdfDocument  *document,
                const char      *path,
                GError         **error)
{
  if (document == NULL || !rmm_pdf_document_write (document, path, error))
    return FALSE;
  g_print ("%s\n", path);
  return TRUE;
}

static gboolean
export_plans_of_area (RmmStore                 *store,
                      const ExportOptions      *options,
                      RmmPlanAudience           audience,
                      const RmmDocumentOptions *document_options,
                      GError                  **error)
{
  g_autoptr(RmmArea) area = rmm_store_find_area (store, options->area, error);
  g_autoptr(GPtrArray) written = NULL;

  if (area == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, _("There is no area called “%s”."),
                     options->area);
      return FALSE;
    }
  written = rmm_safety_plans_write_area (store, rmm_area_get_id (area), audience,
                                         document_options, options->out_dir, error);
  if (written == NULL)
    return FALSE;
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (const char *)g_ptr_array_index (written, i));
  return TRUE;
}

static gboolean
export_safety_plan (RmmStore                 *store,
                    const ExportOptions      *options,
                    const RmmDocumentOptions *document_options,
                    GError                  **error)
{
  RmmPlanAudience audience = RMM_PLAN_AUDIENCE_PROFESSIONAL;
  g_autoptr(RmmPdfDocument) document = NULL;
  gint64 child_id;

  if (options->audience != NULL && !rmm_plan_audience_from_string (options->audience, &audience))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("unknown audience “%s”: use professional or family"), options->audience);
      return FALSE;
    }
  if (options->all_open)
    return export_plans_of_area (store, options, audience, document_options, error);
  if (!(child_id = rmm_cli_resolve_child (store, options->child, error)))
    return FALSE;
  document = rmm_safety_plan_document_new (store, child_id, audience, document_options, error);
  return write_document (document, options->output, error);
}

static gboolean
is_after_today (const GDate *day)
{
  GDate today;

  rmm_date_set_today (&today);
  return g_date_compare (day, &today) > 0;
}

static gboolean
export_cse_list (RmmStore                 *store,
                 const ExportOptions      *options,
                 const RmmDocumentOptions *document_options,
                 GError                  **error)
{
  g_autoptr(RmmPdfDocument) document = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (options->date == NULL)
    rmm_date_set_today (&day);
  else if (!rmm_date_parse_uk (options->date, &day))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("--date must be a date as YYYY-MM-DD, not “%s”"), options->date);
      return FALSE;
    }
  else if (is_after_today (&day))
    {
      /* "As it stood at the end of" a day still to come would be a list nobody has seen. */
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("--date %s is after today: the list can only be as it stood"),
                   options->date);
      return FALSE;
    }
  document = rmm_cse_list_document_new (store, &day, document_options, error);
  return write_document (document, options->output, error);
}

/* Never over anything but an earlier calendar: not the database, not a document. */
static gboolean
check_calendar_target (const char  *path,
                       GError     **error)
{
  if (rmm_cli_may_replace (path, "BEGIN:VCALENDAR"))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               _("“%s” is there already and is not a calendar: nothing was written over it."),
               path);
  return FALSE;
}

/* The coming meetings, plan reviews and actions due, from today, of one area or all, as an
 * iCalendar file private to the user. */
static gboolean
export_calendar (RmmStore             *store,
                 const ExportOptions  *options,
                 GError              **error)
{
  g_autoptr(RmmArea) area = NULL;
  GDate today;

  if (options->area != NULL && !(area = rmm_store_find_area (store, options->area, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, _("There is no area called “%s”."),
                     options->area);
      return FALSE;
    }
  rmm_date_set_today (&today);
  if (!rmm_store_write_calendar (store, area ? rmm_area_get_id (area) : 0, &today,
                                 options->output, error))
    return FALSE;
  g_print ("%s\n", options->output);
  return TRUE;
}

/* What each document needs on the command line, or NULL when it has it. */
static const char *
missing_option (const char          *what,
                const ExportOptions *options)
{
  if (g_str_equal (what, "safety-plan"))
    {
      if (options->all_open)
        return options->area && options->out_dir ? NULL
               : _("safety-plan --all-open needs --area NAME and --out-dir DIR");
      return options->child && options->output ? NULL
             : _("safety-plan needs --child ID (or --area NAME --all-open) and -o FILE");
    }
  if (options->output == NULL && g_str_equal (what, "calendar"))
    return _("calendar needs -o FILE.ics");
  if (options->output == NULL)
    return _("export needs -o FILE.pdf");
  if ((g_str_equal (what, "minutes") || g_str_equal (what, "pack")) && options->meeting_id <= 0)
    return _("minutes and pack need --meeting ID");
  return NULL;
}

/* An option given to a document it does not apply to is refused with the reason, never
 * ignored: an "--anonymised" plan that came out named would reach the wrong eyes. */
static char *
refused_option (const char          *what,
                const ExportOptions *options)
{
  gboolean minutes = g_str_equal (what, "minutes");
  gboolean plan = g_str_equal (what, "safety-plan");
  gboolean list = g_str_equal (what, "cse-list");

  if (g_str_equal (what, "calendar"))
    return options->meeting_id || options->child || options->audience || options->all_open ||
           options->out_dir || options->date || options->anonymised || options->marking ||
           options->language
           ? g_strdup (_("calendar takes only --area NAME and -o FILE.ics"))
           : NULL;

  if (options->anonymised && plan)
    return g_strdup (_("--anonymised does not apply to safety-plan: a safety plan is one "
                       "child’s, for their network or their family, and is never anonymised"));
  if (options->anonymised && !minutes && !list)
    return g_strdup (_("--anonymised does not apply to pack: the chairs’ pack is for the "
                       "chairs and names every child; use the anonymised minutes or CSE list"));
  if (options->meeting_id != 0 && !minutes && !g_str_equal (what, "pack"))
    return g_strdup_printf (_("--meeting does not apply to %s"), what);
  if (options->date != NULL && !list)
    return g_strdup_printf (_("--date does not apply to %s: only the CSE list is as it stood "
                              "on a day"), what);
  if (!plan && (options->child || options->audience || options->area || options->all_open
                || options->out_dir))
    return g_strdup_printf (_("--child, --audience, --area, --all-open and --out-dir are for "
                              "safety-plan, not %s"), what);
  if (plan && options->all_open && options->output != NULL)
    return g_strdup (_("safety-plan --all-open writes one file per child into --out-dir, "
                       "not -o FILE"));
  if (plan && !options->all_open && (options->area || options->out_dir))
    return g_strdup (_("--area and --out-dir are for safety-plan --all-open"));
  if (plan && options->all_open && options->child != NULL)
    return g_strdup (_("safety-plan takes --child or --all-open, not both"));
  return NULL;
}

static gboolean
run_export (const char           *database,
            const char           *what,
            const ExportOptions  *options,
            GError              **error)
{
  g_autoptr(RmmStore) store = rmm_cli_open_existing (database, error);
  g_autoptr(RmmPdfDocument) document = NULL;
  RmmDocumentOptions document_options = {
    .marking = options->marking,
    .anonymised = options->anonymised,
  };

  if (options->language != NULL)
    rmm_document_language_parse (options->language, &document_options.language);

  if (store == NULL)
    return FALSE;
  if (g_str_equal (what, "calendar"))
    return export_calendar (store, options, error);
  if (g_str_equal (what, "safety-plan"))
    return export_safety_plan (store, options, &document_options, error);
  if (g_str_equal (what, "cse-list"))
    return export_cse_list (store, options, &document_options, error);
  if (g_str_equal (what, "minutes"))
    document = rmm_minutes_document_new (store, options->meeting_id, &document_options, error);
  else if (rmm_store_refresh_agenda (store, options->meeting_id, 5, RMM_AGENDA_ORDER_RISK_FIRST,
                                     error))
    /* A coming meeting's agenda builds itself from the data, as `rmmctl agenda` shows it. */
    document = rmm_chairs_pack_document_new (store, options->meeting_id, &document_options, error);
  return write_document (document, options->output, error);
}

int
rmm_cli_export (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("minutes|safety-plan|cse-list|pack|"
                                                             "calendar — write a document"));
  static const char *documents[] = { "minutes", "safety-plan", "cse-list", "pack", "calendar",
                                     NULL };
  g_auto(ExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = NULL;
  const char *missing;
  int status = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("The PDF to write"), "FILE" },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &options.meeting_id, N_("minutes, pack: the meeting (an id from “list meetings”)"), "ID" },
    { "child", 'c', 0, G_OPTION_ARG_STRING, &options.child, N_("safety-plan: the child (id or reference)"), "ID" },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &options.audience, N_("safety-plan: professional (default) or family"), "AUDIENCE" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &options.area, N_("safety-plan --all-open, calendar: the area"), "NAME" },
    { "all-open", 0, 0, G_OPTION_ARG_NONE, &options.all_open, N_("safety-plan: every open plan of the area, one file each"), NULL },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &options.out_dir, N_("safety-plan --all-open: where the files go"), "DIR" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date, N_("cse-list: the list as it stood at the end of this day (default: today)"), "YYYY-MM-DD" },
    { "anonymised", 0, 0, G_OPTION_ARG_NONE, &options.anonymised, N_("minutes, cse-list: initials and reference instead of children’s names, also in typed text"), NULL },
    { "marking", 0, 0, G_OPTION_ARG_STRING, &options.marking, N_("The protective marking (default: the database’s, else OFFICIAL-SENSITIVE)"), "TEXT" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language, N_("en (English), cy (Welsh) or both (bilingual, Welsh first); default: the area’s documents language"), "LANGUAGE" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The minutes of a meeting; a child’s CSE safety plan for "
                                "the professional network or for the family (no "
                                "police-sensitive or third-party detail); the county-wide "
                                "CSE list with last week’s changes; the chair’s pack "
                                "for a meeting, as PDF. The calendar of coming meetings, plan "
                                "reviews and actions due, as iCalendar (children by "
                                "reference, never by name). A failed export leaves no file "
                                "behind."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_strv_contains (documents, argv[1]))
    return rmm_cli_usage_error (context, _("export which document: minutes, safety-plan, "
                                           "cse-list, pack or calendar?"));
  if ((refused = refused_option (argv[1], &options)) != NULL)
    return rmm_cli_usage_error (context, refused);
  if (options.marking != NULL)
    {
      g_autofree char *marking = rmm_document_check_marking (options.marking, &error);

      if (marking == NULL)
        return rmm_cli_usage_error (context, error->message);
      g_free (options.marking);
      options.marking = g_steal_pointer (&marking);
    }
  if ((missing = missing_option (argv[1], &options)) != NULL)
    return rmm_cli_usage_error (context, missing);
  {
    RmmDocumentLanguage language;

    if (options.language != NULL && !rmm_document_language_parse (options.language, &language))
      return rmm_cli_usage_error (context, _("--language is en (English), cy (Welsh) or both "
                                             "(bilingual, Welsh first)"));
  }
  /* Before the document is made (and its look recorded): where it would go. */
  if ((options.output != NULL && g_str_equal (argv[1], "calendar") &&
       !check_calendar_target (options.output, &error)) ||
      (options.output != NULL && !g_str_equal (argv[1], "calendar") &&
       !rmm_pdf_document_check_target (options.output, &error)) ||
      !run_export (database, argv[1], &options, &error))
    return rmm_cli_fail (error);
  return EXIT_SUCCESS;
}
