/* rmm-cli-meetings.c: rmmctl meetings — each area's weekly meetings, scheduled ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl meetings schedule --area NAME [--weekday DAY] [--time HH:MM] [--location TEXT]
 *                            [--chair-children NAME] [--chair-family NAME]
 *                            [--minute-taker NAME]      what is left out stays as it was
 *   rmmctl meetings schedule                 every series kept eight weeks ahead
 *   rmmctl meetings move --meeting ID [--date DATE] [--time HH:MM] [--location TEXT]
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-cli-private.h"
#include "rmm-dates.h"
#include "rmm-error.h"

typedef struct
{
  char    *area;
  char    *weekday;
  char    *time;
  char    *location;
  char    *chair_children;
  char    *chair_family;
  char    *minute_taker;
  char    *date;
  gint64   meeting_id;
} MeetingsOptions;

static void
meetings_options_clear (MeetingsOptions *options)
{
  g_free (options->area);
  g_free (options->weekday);
  g_free (options->time);
  g_free (options->location);
  g_free (options->chair_children);
  g_free (options->chair_family);
  g_free (options->minute_taker);
  g_free (options->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeetingsOptions, meetings_options_clear)

static GDateWeekday
parse_weekday (const char *text)
{
  static const char *days[] = { "monday", "tuesday", "wednesday", "thursday", "friday" };
  g_autofree char *lower = g_ascii_strdown (text ? text : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (*lower != '\0' && (g_str_equal (lower, days[i]) ||
                           (strlen (lower) >= 3 && g_str_has_prefix (days[i], lower))))
      return G_DATE_MONDAY + i;
  return G_DATE_BAD_WEEKDAY;
}

/* A named person's id; 0 and TRUE for no name given. */
static gboolean
person (RmmStore    *store,
        const char  *name,
        gint64      *id,
        GError     **error)
{
  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  return (*id = rmm_store_find_professional (store, name, error)) != 0;
}

/* A named person's id into @id, when a name (or '' for no one) was given; otherwise @id
 * keeps what the series had. */
static gboolean
person_if_given (RmmStore    *store,
                 const char  *name,
                 gint64      *id,
                 GError     **error)
{
  return name == NULL || person (store, name, id, error);
}

/* The area's series with what the options give; what they leave out stays as it was (a new
 * series needs its weekday, and starts at 10:00 unless told). */
static gboolean
set_series (RmmStore               *store,
            const MeetingsOptions  *options,
            GError                **error)
{
  g_autoptr(RmmArea) area = rmm_store_find_area (store, options->area, error);
  g_autoptr(RmmMeetingSeries) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  RmmSeriesInput input = { .starts_at = "10:00" };

  if (area == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, _("There is no area called “%s”."),
                     options->area);
      return FALSE;
    }
  input.area_id = rmm_area_get_id (area);
  existing = rmm_store_get_meeting_series (store, input.area_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    input = (RmmSeriesInput) {
      .area_id = input.area_id,
      .weekday = existing->weekday,
      .starts_at = existing->starts_at,
      .location = existing->location,
      .chair_children_id = existing->chair_children_id,
      .chair_family_id = existing->chair_family_id,
      .minute_taker_id = existing->minute_taker_id,
    };
  else if (options->weekday == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("%s has no weekly meetings yet: give --weekday."), options->area);
      return FALSE;
    }
  if (options->weekday != NULL &&
      (input.weekday = parse_weekday (options->weekday)) == G_DATE_BAD_WEEKDAY)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a weekday: use monday to friday."), options->weekday);
      return FALSE;
    }
  if (options->time != NULL)
    input.starts_at = options->time;
  if (options->location != NULL)
    input.location = options->location;
  if (!person_if_given (store, options->chair_children, &input.chair_children_id, error) ||
      !person_if_given (store, options->chair_family, &input.chair_family_id, error) ||
      !person_if_given (store, options->minute_taker, &input.minute_taker_id, error))
    return FALSE;
  return rmm_store_set_meeting_series (store, &input, error);
}

static int
run_schedule (const char            *database,
              const MeetingsOptions *options)
{
  g_autoptr(RmmStore) store = rmm_cli_open_existing (database, NULL);
  g_autoptr(GError) error = NULL;
  gint added;

  if (store == NULL)
    store = rmm_cli_open_existing (database, &error);
  if (store == NULL)
    return rmm_cli_fail (error);
  if (options->area != NULL && !set_series (store, options, &error))
    return rmm_cli_fail (error);
  if ((added = rmm_store_schedule_ahead (store, 0, RMM_SCHEDULE_WEEKS_AHEAD, &error)) < 0)
    return rmm_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Every area’s weekly series is scheduled eight weeks ahead: %d meeting "
                        "was added.\n",
                        "Every area’s weekly series is scheduled eight weeks ahead: %d meetings "
                        "were added.\n", added), added);
  if (options->area != NULL)
    g_print (_("Meetings already scheduled keep their day, time, place and people; change one "
               "with “rmmctl meetings move”.\n"));
  return EXIT_SUCCESS;
}

static int
run_move (const char            *database,
          const MeetingsOptions *options)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *said = NULL;
  GDate day;

  if (options->date != NULL)
    {
      if (!rmm_date_parse_uk (options->date, &day))
        {
          g_set_error (&error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("--date must be a date, such as 2026-12-15 or 15/12/2026, not “%s”"),
                       options->date);
          return rmm_cli_fail (error);
        }
      date = rmm_date_format (&day);
    }
  if (date == NULL && (options->time == NULL || *options->time == '\0') &&
      options->location == NULL)
    {
      g_set_error (&error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Nothing to change: give --date, --time or --location."));
      return rmm_cli_fail (error);
    }
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !rmm_store_reschedule_meeting (store, options->meeting_id, date, options->time,
                                     options->location, &error) ||
      !(meeting = rmm_store_get_meeting (store, options->meeting_id, &error)))
    return rmm_cli_fail (error);
  /* Said back as read, so that a date typed one way and read another shows at once. */
  said = rmm_date_format_uk (rmm_meeting_get_meets_on (meeting), "%A %-d %B %Y");
  g_print (_("Meeting %" PRId64 " is on %s at %s%s%s.\n"), options->meeting_id, said,
           rmm_meeting_get_starts_at (meeting),
           *rmm_meeting_get_location (meeting) != '\0' ? ", " : "",
           rmm_meeting_get_location (meeting));
  return EXIT_SUCCESS;
}

int
rmm_cli_meetings (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("schedule|move — each area’s "
                                                             "weekly meetings"));
  g_auto(MeetingsOptions) options = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &options.area, N_("schedule: the area whose weekly series this is"), "NAME" },
    { "weekday", 0, 0, G_OPTION_ARG_STRING, &options.weekday, N_("schedule: monday … friday"), "DAY" },
    { "time", 0, 0, G_OPTION_ARG_STRING, &options.time, N_("The time it starts (default 10:00)"), "HH:MM" },
    { "location", 0, 0, G_OPTION_ARG_STRING, &options.location, N_("Where it is held"), "TEXT" },
    { "chair-children", 0, 0, G_OPTION_ARG_STRING, &options.chair_children, N_("schedule: the Children’s Services chair"), "NAME" },
    { "chair-family", 0, 0, G_OPTION_ARG_STRING, &options.chair_family, N_("schedule: the Family Services chair"), "NAME" },
    { "minute-taker", 0, 0, G_OPTION_ARG_STRING, &options.minute_taker, N_("schedule: the minute-taker"), "NAME" },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &options.meeting_id, N_("move: the meeting (an id from “list meetings”)"), "ID" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date, N_("move: its new date"), "DATE" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("An area meets weekly on one weekday: “schedule” sets its "
                                "day, time, place, chairs and minute-taker and keeps its "
                                "meetings scheduled eight weeks ahead (a bank holiday "
                                "moves that week’s to the next working day); on its own "
                                "it tops up every area’s. “move” changes one meeting not "
                                "yet opened."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "schedule"))
    {
      if (options.area == NULL && (options.weekday || options.time || options.location ||
                                   options.chair_children || options.chair_family ||
                                   options.minute_taker))
        return rmm_cli_usage_error (context, _("schedule --weekday, --time, --location and the "
                                               "people need --area"));
      if (options.meeting_id != 0 || options.date != NULL)
        return rmm_cli_usage_error (context, _("--meeting and --date are for move"));
      return run_schedule (database, &options);
    }
  if (argc == 2 && g_str_equal (argv[1], "move"))
    {
      if (options.meeting_id <= 0)
        return rmm_cli_usage_error (context, _("move needs --meeting ID"));
      if (options.area || options.weekday || options.chair_children || options.chair_family ||
          options.minute_taker)
        return rmm_cli_usage_error (context, _("--area, --weekday and the people are for "
                                               "schedule"));
      return run_move (database, &options);
    }
  return rmm_cli_usage_error (context, _("meetings what: schedule or move?"));
}
