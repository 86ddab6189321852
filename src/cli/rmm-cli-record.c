/* rmm-cli-record.c: what the record says: rmmctl agenda, meeting, cse-list and triggers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rmm-cli-private.h"
#include "rmm-dates.h"
#include "rmm-framework.h"
#include "rmm-state-types.h"

static void
print_agenda (GListModel *items,
              gboolean    json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  if (!json)
    g_string_append_printf (text, "%-3s  %-9s  %-24s  %-10s  %-5s  %s\n", "#", _("REF"),
                            _("CHILD"), _("RATING"), _("MINS"), _("WHY"));
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);
      g_auto(GStrv) reasons = rmm_agenda_item_dup_reason_list (item);
      gboolean removed = rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_REMOVED;

      if (!json)
        {
          g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *name = g_strdup_printf ("%s %s", rmm_agenda_item_get_first_name (item),
                                                   rmm_agenda_item_get_last_name (item));
          g_autofree char *why = g_strjoinv (", ", reasons);

          g_string_append_printf (text, "%-3u  %-9s  %-24s  %-10s  %-5u  %s%s%s%s\n",
                   rmm_agenda_item_get_position (item),
                   rmm_cli_text (pool, rmm_agenda_item_get_child_reference (item)),
                   rmm_cli_text (pool, name),
                   rmm_cli_text (pool, rmm_agenda_item_get_rating (item)),
                   rmm_agenda_item_get_time_box (item), why,
                   rmm_agenda_item_get_overdue (item) ? _(" [overdue]") : "",
                   removed ? _(" — removed: ") : "",
                   removed ? rmm_cli_text (pool, rmm_agenda_item_get_status_reason (item)) : "");
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rmm_agenda_item_get_id (item));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, rmm_agenda_item_get_position (item));
      json_builder_set_member_name (builder, "child_id");
      json_builder_add_int_value (builder, rmm_agenda_item_get_child_id (item));
      rmm_cli_add_string (builder, "reference", rmm_agenda_item_get_child_reference (item));
      rmm_cli_add_string (builder, "first_name", rmm_agenda_item_get_first_name (item));
      rmm_cli_add_string (builder, "last_name", rmm_agenda_item_get_last_name (item));
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      for (guint r = 0; reasons[r] != NULL; r++)
        if (*reasons[r] != '\0')
          json_builder_add_string_value (builder, reasons[r]);
      json_builder_end_array (builder);
      rmm_cli_add_string (builder, "rating", rmm_agenda_item_get_rating (item));
      json_builder_set_member_name (builder, "time_box_minutes");
      json_builder_add_int_value (builder, rmm_agenda_item_get_time_box (item));
      rmm_cli_add_string (builder, "status", rmm_agenda_item_get_status (item));
      if (removed)
        rmm_cli_add_string (builder, "removed_because", rmm_agenda_item_get_status_reason (item));
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, rmm_agenda_item_get_overdue (item));
      rmm_cli_add_string (builder, "review_on", rmm_agenda_item_get_review_on (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rmm_cli_print_either (builder, text, json);
}

int
rmm_cli_agenda (const char *database,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— a meeting’s agenda, and why "
                                                             "each child is on it"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  gint64 meeting_id = 0;
  int time_box = 5, status = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting (an id from “list meetings”)"), "ID" },
    { "time-box", 0, 0, G_OPTION_ARG_INT, &time_box, N_("Minutes for each new item (default 5)"), "MINUTES" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("Where new items go: risk (triggers, then highest risk; default) or name"), "ORDER" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("A coming meeting’s agenda builds itself from the data "
                                "first: every child with a reason to be discussed is "
                                "added (and audited); nothing is ever taken off except "
                                "by a chair. Reasons: new-referral, review-due, trigger, "
                                "closure, transition, early-help-check, overdue-actions, "
                                "added-by-chair. A held meeting’s agenda is shown as it "
                                "was."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc > 1 || meeting_id <= 0)
    return rmm_cli_usage_error (context, _("agenda needs --meeting ID"));
  if (time_box < 1 || time_box > 120)
    return rmm_cli_usage_error (context, _("--time-box must be 1–120 minutes"));
  if (order != NULL && !g_str_equal (order, "risk") && !g_str_equal (order, "name"))
    return rmm_cli_usage_error (context, _("--order is risk or name"));

  /* A meeting that is not there (or, on a server, not this login's to see) is said so, not
   * shown as an empty agenda. */
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(meeting = rmm_store_get_meeting (store, meeting_id, &error)) ||
      !rmm_store_refresh_agenda (store, meeting_id, time_box,
                                 g_strcmp0 (order, "name") == 0 ? RMM_AGENDA_ORDER_BY_NAME
                                                                 : RMM_AGENDA_ORDER_RISK_FIRST,
                                 &error) ||
      !(items = rmm_store_list_agenda (store, meeting_id, &error)))
    return rmm_cli_fail (error);
  /* A copy open read-only is shown as it was saved: a coming meeting's agenda is not
   * brought up to date with what the copy holds. */
  if (rmm_store_get_read_only (store) != NULL)
    g_printerr (_("rmmctl: note: the database is open read-only: this agenda is as it was last "
                  "saved, not brought up to date.\n"));
  print_agenda (items, json);
  return EXIT_SUCCESS;
}

static void
print_cse_list (GListModel  *entries,
                const GDate *day,
                gboolean     json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  char date[32];

  g_date_strftime (date, sizeof date, "%-d %B %Y", day);
  if (!json)
    g_string_append_printf (text, _("County-wide CSE list, %s (changes since a week before)\n"),
                            date);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);
      RmmCseChange change = rmm_cse_entry_get_change (entry);

      if (!json)
        {
          g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *name = g_strdup_printf ("%s, %s", rmm_cse_entry_get_last_name (entry),
                                                   rmm_cse_entry_get_first_name (entry));
          g_string_append_printf (text, "%-9s  %-28s  %-16s  %-18s  %s\n",
                                  rmm_cli_text (pool, rmm_cse_entry_get_reference (entry)),
                                  rmm_cli_text (pool, name),
                                  rmm_cli_text (pool, rmm_cse_entry_get_area_name (entry)),
                                  rmm_cli_text (pool, rmm_cse_entry_get_rating_label (entry)),
                                  change == RMM_CSE_CHANGE_NONE ? ""
                                                                : rmm_cse_change_to_string (change));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "child_id");
      json_builder_add_int_value (builder, rmm_cse_entry_get_child_id (entry));
      rmm_cli_add_string (builder, "reference", rmm_cse_entry_get_reference (entry));
      rmm_cli_add_string (builder, "first_name", rmm_cse_entry_get_first_name (entry));
      rmm_cli_add_string (builder, "last_name", rmm_cse_entry_get_last_name (entry));
      rmm_cli_add_string (builder, "area", rmm_cse_entry_get_area_name (entry));
      rmm_cli_add_string (builder, "rating", rmm_cse_entry_get_rating (entry));
      rmm_cli_add_string (builder, "rating_label", rmm_cse_entry_get_rating_label (entry));
      rmm_cli_add_string (builder, "previous_rating_label", rmm_cse_entry_get_previous_label (entry));
      rmm_cli_add_string (builder, "change", rmm_cse_change_to_string (change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rmm_cli_print_either (builder, text, json);
}

int
rmm_cli_cse_list (const char *database,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the county-wide CSE list"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  int status = 0;
  GDate day;
  GOptionEntry entries_options[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The list as it stood at the end of this day (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries_options,
                              _("Every child whose current confirmed rating puts them on "
                                "the list (by the area's framework) and whose case has "
                                "not been closed, across areas, marked against a week "
                                "before: added, up, down, or removed."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("cse-list takes no arguments"));
  g_date_clear (&day, 1);
  if (date == NULL)
    g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  else if (!rmm_date_parse_uk (date, &day))
    return rmm_cli_usage_error (context, _("--date must be a date as YYYY-MM-DD"));

  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(entries = rmm_store_list_cse (store, &day, &error)))
    return rmm_cli_fail (error);
  print_cse_list (entries, &day, json);
  return EXIT_SUCCESS;
}

static void
print_meeting_json (RmmMeeting *meeting,
                    int         signed_by,
                    GPtrArray  *attendance,
                    GPtrArray  *lines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rmm_meeting_get_id (meeting));
  rmm_cli_add_string (builder, "area", rmm_meeting_get_area_name (meeting));
  rmm_cli_add_string (builder, "date", rmm_meeting_get_meets_on (meeting));
  rmm_cli_add_string (builder, "status", rmm_meeting_get_status (meeting));
  json_builder_set_member_name (builder, "signed_off_by");
  json_builder_begin_array (builder);
  if (signed_by & 1)
    json_builder_add_string_value (builder, rmm_meeting_get_chair_children (meeting));
  if (signed_by & 2)
    json_builder_add_string_value (builder, rmm_meeting_get_chair_family (meeting));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attendance->len; i++)
    {
      const RmmAttendance *row = g_ptr_array_index (attendance, i);

      json_builder_begin_object (builder);
      rmm_cli_add_string (builder, "agency", row->agency);
      rmm_cli_add_string (builder, "name", row->name);
      rmm_cli_add_string (builder, "status", rmm_state_to_text (RMM_TYPE_ATTENDANCE_STATUS, row->status));
      rmm_cli_add_string (builder, "information_sent_at", row->information_sent_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      const RmmSummaryLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      rmm_cli_add_string (builder, "kind",
                          rmm_state_to_text (RMM_TYPE_SUMMARY_KIND, line->kind));
      rmm_cli_add_string (builder, "reference", line->reference);
      rmm_cli_add_string (builder, "name", line->name);
      rmm_cli_add_string (builder, "detail", line->detail);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rmm_cli_print_json (builder);
}

static void
print_meeting_text (RmmMeeting *meeting,
                    int         signed_by,
                    GPtrArray  *attendance,
                    GPtrArray  *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *day = rmm_meeting_format_date (meeting, "%A %-d %B %Y");

  g_string_append_printf (text, _("%s, %s: %s\n"),
                          rmm_cli_text (pool, rmm_meeting_get_area_name (meeting)), day,
                          rmm_meeting_get_status_label (meeting));
  if (signed_by > 0)
    g_string_append_printf (text, _("Signed off by: %s%s%s\n"),
                            signed_by & 1
                              ? rmm_cli_text (pool, rmm_meeting_get_chair_children (meeting)) : "",
                            signed_by == 3 ? ", " : "",
                            signed_by & 2
                              ? rmm_cli_text (pool, rmm_meeting_get_chair_family (meeting)) : "");
  g_string_append (text, _("\nAttendance\n"));
  for (guint i = 0; i < attendance->len; i++)
    {
      const RmmAttendance *row = g_ptr_array_index (attendance, i);

      g_string_append_printf (text, "  %-18s  %-32s  %s%s%s\n",
                              rmm_state_to_text (RMM_TYPE_ATTENDANCE_STATUS, row->status),
                              rmm_cli_text (pool, row->agency), rmm_cli_text (pool, row->name),
                              *row->information_sent_at ? " " : "",
                              rmm_cli_text (pool, row->information_sent_at));
    }
  g_string_append (text, _("\nDecisions\n"));
  for (guint i = 0; i < lines->len; i++)
    {
      const RmmSummaryLine *line = g_ptr_array_index (lines, i);

      g_string_append_printf (text, "  %-15s  %-9s  %-24s  %s\n",
                              rmm_state_to_text (RMM_TYPE_SUMMARY_KIND, line->kind),
                              rmm_cli_text (pool, line->reference),
                              rmm_cli_text (pool, line->name), rmm_cli_text (pool, line->detail));
    }
  g_print ("%s", text->str);
}

int
rmm_cli_meeting (const char *database,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— what a meeting recorded"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;
  gboolean json = FALSE;
  int status = 0, signed_by;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting (an id from “list meetings”)"), "ID" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The meeting's status and sign-off, its attendance by "
                                "agency, and what it decided: ratings (new, up, down, "
                                "unchanged, disputed), lead agencies, closures, new "
                                "triggers, deferrals and removals."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc > 1 || meeting_id <= 0)
    return rmm_cli_usage_error (context, _("meeting needs --meeting ID"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(meeting = rmm_store_get_meeting (store, meeting_id, &error)) ||
      (signed_by = rmm_store_get_sign_off (store, meeting_id, &error)) < 0 ||
      !(attendance = rmm_store_list_attendance (store, meeting_id, &error)) ||
      !(lines = rmm_store_summarize_meeting (store, meeting_id, &error)))
    return rmm_cli_fail (error);
  if (json)
    print_meeting_json (meeting, signed_by, attendance, lines);
  else
    print_meeting_text (meeting, signed_by, attendance, lines);
  return EXIT_SUCCESS;
}

static void
print_triggers (GPtrArray *triggers,
                gboolean   json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < triggers->len; i++)
    {
      const RmmTrigger *trigger = g_ptr_array_index (triggers, i);

      if (!json)
        {
          g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

          g_string_append_printf (text, "%-6" G_GINT64_FORMAT "  %-9s  %-24s  %-22s  %-20s  %s\n",
                                  trigger->id, rmm_cli_text (pool, trigger->reference),
                                  rmm_cli_text (pool, trigger->child_name),
                                  rmm_cli_text (pool, trigger->rule_id), trigger->raised_at,
                                  trigger->open ? _("open") : _("answered"));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, trigger->id);
      json_builder_set_member_name (builder, "child_id");
      json_builder_add_int_value (builder, trigger->child_id);
      rmm_cli_add_string (builder, "reference", trigger->reference);
      rmm_cli_add_string (builder, "area", trigger->area);
      rmm_cli_add_string (builder, "rule", trigger->rule_id);
      rmm_cli_add_string (builder, "raised_at", trigger->raised_at);
      rmm_cli_add_string (builder, "reason", trigger->reason);
      json_builder_set_member_name (builder, "facts");
      json_builder_begin_array (builder);
      {
        g_auto(GStrv) facts = g_strsplit (trigger->facts, " ", -1);

        for (guint f = 0; facts[f] != NULL; f++)
          if (*facts[f] != '\0')
            json_builder_add_string_value (builder, facts[f]);
      }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "open");
      json_builder_add_boolean_value (builder, trigger->open);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rmm_cli_print_either (builder, text, json);
}

int
rmm_cli_triggers (const char *database,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— strategy-discussion triggers"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmTriggerRules) rules = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE, open_only = FALSE, evaluate = FALSE;
  guint raised = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only those still waiting for the RMM’s response"), NULL },
    { "evaluate", 0, 0, G_OPTION_ARG_NONE, &evaluate, N_("First run every rule over the whole database, raising what it calls for"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("A trigger is raised by a rule from recorded facts (the "
                                "default rules are data/triggers/default.ini; "
                                "$XDG_CONFIG_HOME/rmm-desk/triggers.ini replaces them) or "
                                "by hand, and stays open until the RMM records a "
                                "response. A rule fires once for its facts."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("triggers takes no arguments"));
  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);
  if (evaluate)
    {
      if (!(rules = rmm_trigger_rules_load (&error)) ||
          !rmm_store_evaluate_triggers (store, rules, 0, &raised, &error))
        return rmm_cli_fail (error);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Raised %u trigger.\n", "Raised %u triggers.\n",
                               raised), raised);
    }
  if (!(triggers = rmm_store_list_triggers (store, 0, open_only, &error)))
    return rmm_cli_fail (error);
  print_triggers (triggers, json);
  return EXIT_SUCCESS;
}
