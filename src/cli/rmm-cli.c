/* rmm-cli.c: rmmctl's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 on success, 1 when the work failed (with one line on stderr saying why),
 * 2 when the command line was wrong.
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "rmm-cli-private.h"
#include "rmm-cli.h"
#include "rmm-dates.h"
#include "rmm-demo.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-referral-import.h"
#include "rmm-state-types.h"
#include "rmm-store-anchors.h"
#include "rmm-store.h"

#define EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database, int argc, char **argv);
} Command;

/* Characters that must never reach a terminal as they are: C0 controls (an escape sequence
 * can clear the screen, retitle the window or fake output), DEL, C1 controls, and the
 * Unicode controls that reorder text on screen. */
static inline gboolean
is_dangerous (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/* @text with every such character written out, "\x1b" or "<U+202E>" (and "\n", "\t"),
 * and any byte that is not UTF-8 as "\xFF"; @keep lists the ASCII controls left alone. */
static char *
escape_text (const char *text,
             const char *keep)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar)*p);
          p++;
          continue;
        }
      if (!is_dangerous (c) || (c < 0x80 && strchr (keep, (char)c) != NULL))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "<U+%04X>", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* A stored value for one cell of text output: escaped, kept in @pool until it is freed. */
static const char *
rmm_cli_text (GPtrArray  *pool,
              const char *value)
{
  char *escaped = escape_text (value ? value : "", "");

  g_ptr_array_add (pool, escaped);
  return escaped;
}

static void
write_escaped (FILE       *stream,
               const char *text)
{
  g_autofree char *escaped = escape_text (text, "\n");
  g_autofree char *converted = NULL;
  const char *charset = NULL;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (escaped, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  fputs (converted ? converted : escaped, stream);
  fflush (stream);
}

static void
print_escaped (const char *text)
{
  write_escaped (stdout, text);
}

static void
printerr_escaped (const char *text)
{
  write_escaped (stderr, text);
}

int
rmm_cli_fail (const GError *error)
{
  g_printerr ("rmmctl: %s\n", error->message);
  return EXIT_FAILURE;
}

int
rmm_cli_usage_error (GOptionContext *context,
                     const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("rmmctl: %s\n", message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

/* Parse a command's options; on a bad command line, say so and return FALSE. */
gboolean
rmm_cli_parse_command (GOptionContext  *context,
                       int             *argc,
                       char          ***argv,
                       int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = rmm_cli_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Another process (the app, an import) holds the write lock: say so once, and wait. */
static gboolean
wait_for_other_writer (RmmStore *store,
                       gint64    waited_us,
                       gpointer  data)
{
  gboolean *said = data;

  if (waited_us < 0)
    return FALSE;
  if (!*said)
    g_printerr (_("rmmctl: waiting for another RMM Desk to finish saving to %s…\n"),
                rmm_store_get_path (store));
  *said = TRUE;
  g_usleep (100 * 1000);
  return waited_us < 10 * 60 * G_USEC_PER_SEC;
}

RmmStore *
rmm_cli_open_existing (const char  *database,
                       GError     **error)
{
  RmmStore *store = rmm_store_open (database, RMM_STORE_OPEN_EXISTING, error);

  if (store != NULL)
    rmm_store_set_wait_func (store, wait_for_other_writer, g_new0 (gboolean, 1), g_free);

  /* Used as it is (the user may share it on purpose), but never without saying so. */
  if (store != NULL && rmm_store_is_exposed (store))
    g_printerr (_("rmmctl: warning: other users of this computer can read %s. It holds "
                  "children’s details: make it private with “chmod 600 %s”.\n"),
                database, database);
  return store;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  {
    /* json-glib escapes C0 controls but writes DEL, C1 and the reordering controls as they
     * are; as JSON escapes a script still reads the same string. */
    g_autoptr(GString) safe = g_string_sized_new (strlen (text));

    for (const char *p = text; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (is_dangerous (c) && c != '\n')
          g_string_append_printf (safe, "\\u%04x", c);
        else
          g_string_append_len (safe, p, g_utf8_next_char (p) - p);
      }
    g_print ("%s\n", safe->str);
  }
}

/* The command's output: JSON, or the text it built, in one write rather than one a line. */
static void
print_either (JsonBuilder *builder,
              GString     *text,
              gboolean     json)
{
  if (json)
    print_json (builder);
  else
    g_print ("%s", text->str);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static gboolean
parse_format (const char  *format,
              gboolean    *json,
              GError     **error)
{
  if (format == NULL || g_str_equal (format, "text"))
    *json = FALSE;
  else if (g_str_equal (format, "json"))
    *json = TRUE;
  else
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("unknown format “%s”: use text or json"), format);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_demo (const char  *database,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— create a demo database of "
                                                             "fictitious people"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autofree char *today = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *children_text = NULL;
  g_autofree char *meetings_text = NULL;
  RmmDemoOptions options;
  int n_children = 1500, years = 1, seed = 1, status = 0;
  guint made_children, made_meetings;
  gboolean force = FALSE;
  gint64 started;
  GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_INT, &n_children, N_("How many children (default 1500)"), "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of weekly meetings (default 1)"), "Y" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: same seed, same data (default 1)"), "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The demo’s today (default: today)"), "YYYY-MM-DD" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing database file"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Every person, place and school in it is invented."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("demo takes no arguments"));
  if (n_children < 1 || n_children > 1000000 || years < 1 || years > 20 || seed < 0)
    return rmm_cli_usage_error (context, _("--children must be 1–1000000, --years 1–20, --seed ≥ 0"));

  rmm_demo_options_init (&options);
  options.n_children = n_children;
  options.years = years;
  options.seed = seed;
  if (today != NULL && !rmm_date_parse (today, &options.today))
    return rmm_cli_usage_error (context, _("--today must be a date as YYYY-MM-DD"));

  started = g_get_monotonic_time ();
  if (!(store = rmm_demo_create (database, &options, force, &error)))
    return rmm_cli_fail (error);

  meetings = rmm_store_list_meetings (store, 0, NULL);
  children = rmm_store_list_children (store, 0, NULL);
  made_children = children ? g_list_model_get_n_items (children) : 0;
  made_meetings = meetings ? g_list_model_get_n_items (meetings) : 0;
  children_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children",
                                                made_children), made_children);
  meetings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings",
                                                made_meetings), made_meetings);
  /* TRANSLATORS: "Created the demo database demo.sqlite: 2000 children, 1560 meetings, …" */
  g_print (_("Created the demo database %s: %s, %s, in %.1f s.\n"), database, children_text,
           meetings_text,
           (g_get_monotonic_time () - started) / 1e6);
  return EXIT_SUCCESS;
}

static int
cmd_check (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— check the database’s "
                                                             "integrity and audit trail"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seals = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "anchor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &seals,
      N_("An audit seal from a signed-off minutes (“Audit seal: event 9031, 3f2a…”), as "
         "9031:3f2a…; may be repeated"), "EVENT:HASH" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Runs SQLite’s integrity and foreign-key checks, compares "
                                      "the schema and its guards with RMM Desk’s, verifies the "
                                      "audit trail’s hash chain, replays the trail against "
                                      "every row, and checks that the trail still reaches "
                                      "every anchor kept outside the file (each backup’s, "
                                      "this computer’s, and any --anchor). Prints “ok”, or "
                                      "each problem, one a line, and exits 1."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("check takes no arguments"));
  for (guint i = 0; seals != NULL && seals[i] != NULL; i++)
    {
      g_autofree char *source = g_strdup_printf (_("the seal %s"), seals[i]);
      RmmAnchor *anchor = rmm_anchor_parse (seals[i], source, &error);

      if (anchor == NULL)
        return rmm_cli_usage_error (context, error->message);
      g_ptr_array_add (anchors, anchor);
    }
  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);

  if (rmm_store_check_against (store, anchors, &problems, NULL))
    {
      g_print ("ok\n");
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *)g_ptr_array_index (problems, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "rmmctl: %s failed its check (%u problem)\n",
                          "rmmctl: %s failed its check (%u problems)\n", problems->len),
              database, problems->len);
  return EXIT_FAILURE;
}

static int
cmd_backup (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DEST — copy the database "
                                                             "safely, even while in use"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rmm_cli_usage_error (context, _("backup needs one destination file"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !rmm_store_backup (store, argv[1], &error))
    return rmm_cli_fail (error);
  g_print (_("Backed up %s to %s (its audit trail’s head is in %s.anchor: keep them "
             "together)\n"), database, argv[1], argv[1]);
  return EXIT_SUCCESS;
}

static int
cmd_restore (const char  *database,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("SRC — replace the database "
                                                             "with a backup"));
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  int status = 0;

  g_option_context_set_description (context,
                                    _("The backup must pass “rmmctl check”, and reach the head "
                                      "recorded beside it (SRC.anchor) when there is one. The "
                                      "database it replaces is kept beside it as "
                                      "NAME.before-restore-TIME. Close RMM Desk first."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rmm_cli_usage_error (context, _("restore needs one backup file"));
  if (!rmm_store_restore (argv[1], database, &saved, &error))
    return rmm_cli_fail (error);
  g_print (_("Restored %s from %s\n"), database, argv[1]);
  if (saved != NULL)
    g_print (_("The database it replaced is kept as %s\n"), saved);
  return EXIT_SUCCESS;
}

/* A column of `rmmctl list`: a property of the listed objects, its JSON member name, and
 * its heading and width as text. */
typedef struct
{
  const char *property;
  const char *member;
  const char *heading;
  int         width;
} Column;

static const Column area_columns[] = {
  { "id", "id", "ID", 4 },
  { "name", "name", N_("AREA"), 24 },
  { "framework-id", "framework", N_("FRAMEWORK"), 18 },
  { "n-children", "children", N_("CHILDREN"), 0 },
};

static const Column meeting_columns[] = {
  { "id", "id", "ID", 5 },
  { "meets-on", "date", N_("DATE"), 10 },
  { "starts-at", "starts_at", N_("TIME"), 5 },
  { "area-id", "area_id", NULL, 0 },
  { "area-name", "area", N_("AREA"), 16 },
  { "status", "status", N_("STATUS"), 10 },
  { "n-children", "children", N_("CHILDREN"), 8 },
  { "chair-children", "chair_childrens_services", N_("CHAIR (CHILDREN)"), 22 },
  { "chair-family", "chair_family_services", N_("CHAIR (FAMILY)"), 22 },
  { "minute-taker", "minute_taker", N_("MINUTES"), 0 },
};

static const Column child_columns[] = {
  { "id", "id", "ID", 6 },
  { "reference", "reference", N_("REF"), 9 },
  { "last-name", "last_name", N_("LAST NAME"), 16 },
  { "first-name", "first_name", N_("FIRST NAME"), 12 },
  { "date-of-birth", "date_of_birth", N_("BORN"), 10 },
  { "area-name", "area", N_("AREA"), 16 },
  { "rating", "rating", N_("RATING"), 0 },
};

static void
print_text_row (const Column *columns,
                guint         n_columns,
                const char  **cells)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      if (columns[i].heading == NULL)
        continue;
      if (line->len > 0)
        g_string_append (line, "  ");
      g_string_append (line, cells[i]);
      /* Pad by characters, not bytes: names are UTF-8. */
      for (long pad = columns[i].width - g_utf8_strlen (cells[i], -1); pad > 0; pad--)
        g_string_append_c (line, ' ');
    }
  g_print ("%s\n", line->str);
}

static void
print_list (GListModel   *items,
            const Column *columns,
            guint         n_columns,
            gboolean      json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  const char *headings[G_N_ELEMENTS (meeting_columns)];

  g_assert (n_columns <= G_N_ELEMENTS (headings));
  for (guint i = 0; i < n_columns; i++)
    headings[i] = columns[i].heading ? _(columns[i].heading) : "";
  if (!json)
    print_text_row (columns, n_columns, headings);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      char *texts[G_N_ELEMENTS (meeting_columns)] = { NULL };
      const char *cells[G_N_ELEMENTS (meeting_columns)];

      json_builder_begin_object (builder);
      for (guint c = 0; c < n_columns; c++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (item, columns[c].property, &value);
          json_builder_set_member_name (builder, columns[c].member);
          if (G_VALUE_HOLDS_STRING (&value))
            {
              texts[c] = g_value_dup_string (&value);
              json_builder_add_string_value (builder, texts[c] ? texts[c] : "");
            }
          else
            {
              gint64 number = G_VALUE_HOLDS_INT64 (&value) ? g_value_get_int64 (&value)
                                                            : g_value_get_uint (&value);
              texts[c] = g_strdup_printf ("%" G_GINT64_FORMAT, number);
              json_builder_add_int_value (builder, number);
            }
          cells[c] = rmm_cli_text (pool, texts[c]);
        }
      json_builder_end_object (builder);
      if (!json)
        print_text_row (columns, n_columns, cells);
      for (guint c = 0; c < n_columns; c++)
        g_free (texts[c]);
      g_ptr_array_set_size (pool, 0);
    }
  json_builder_end_array (builder);
  if (json)
    print_json (builder);
}

static int
cmd_list (const char  *database,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("areas|meetings|children — "
                                                             "list what the database holds"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmArea) area = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *area_name = NULL;
  g_autofree char *format = NULL;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_name, N_("Only this area"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || (!g_str_equal (argv[1], "areas") && !g_str_equal (argv[1], "meetings") &&
                    !g_str_equal (argv[1], "children")))
    return rmm_cli_usage_error (context, _("list what? areas, meetings or children"));
  if (!parse_format (format, &json, &error))
    return rmm_cli_usage_error (context, error->message);

  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);
  if (area_name != NULL && !(area = rmm_store_find_area (store, area_name, &error)))
    return rmm_cli_fail (error);

  if (g_str_equal (argv[1], "areas"))
    items = rmm_store_list_areas (store, &error);
  else if (g_str_equal (argv[1], "meetings"))
    items = rmm_store_list_meetings (store, area ? rmm_area_get_id (area) : 0, &error);
  else
    items = rmm_store_list_children (store, area ? rmm_area_get_id (area) : 0, &error);
  if (items == NULL)
    return rmm_cli_fail (error);

  if (g_str_equal (argv[1], "areas"))
    print_list (items, area_columns, G_N_ELEMENTS (area_columns), json);
  else if (g_str_equal (argv[1], "meetings"))
    print_list (items, meeting_columns, G_N_ELEMENTS (meeting_columns), json);
  else
    print_list (items, child_columns, G_N_ELEMENTS (child_columns), json);
  return EXIT_SUCCESS;
}

static void
print_import_summary (RmmReferralImport *import,
                      const char        *file,
                      gboolean           written)
{
  g_auto(GStrv) agencies = rmm_referral_import_dup_new_agencies (import);
  g_autofree char *counts = rmm_referral_import_describe (import, file, written);

  /* TRANSLATORS: "Read referrals.csv (UTF-8): 3 referrals. Added 2 referrals: …" */
  g_print (_("Read %s\n"), counts);
  if (agencies[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", agencies);
      g_print (written ? _("New agencies added: %s.\n") : _("New agencies to add: %s.\n"), list);
    }
  for (guint i = 0; i < rmm_referral_import_get_n_rows (import); i++)
    {
      const RmmImportRow *row = rmm_referral_import_get_row (import, i);

      if (row->repeat && !row->duplicate)
        {
          g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

          g_print (_("line %u: repeat referral for %s (within 12 months of the last)\n"),
                   row->line, rmm_cli_text (pool, row->child_ref));
        }
    }
}

static int
cmd_import (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("referrals FILE.csv — add the "
                                                             "referrals in an agency’s CSV file"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  gboolean template = FALSE, dry_run = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_NONE, &template, N_("Print the header row and exit"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and report; write nothing"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("All or nothing: any wrong row rejects the file, every "
                                      "problem is listed as “line N, column X (name): what is "
                                      "wrong”, and the database is unchanged. Referrals already "
                                      "recorded are skipped, so importing a file twice adds "
                                      "nothing. UTF-8 (with or without a byte-order mark), "
                                      "UTF-16 and Windows-1252 files are read, the encoding "
                                      "decided from the whole file; a file partly UTF-8 is "
                                      "refused, naming each place that is not. A row with "
                                      "more or fewer fields than the header, or a control "
                                      "character in a field, is refused; so is a file over "
                                      "250 MB. Dates as 2026-11-23 or 23/11/2026, times as UK "
                                      "local time."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc < 2 || !g_str_equal (argv[1], "referrals"))
    return rmm_cli_usage_error (context, _("import what? referrals"));
  if (template)
    {
      g_print ("%s\n", rmm_referral_import_get_template ());
      return EXIT_SUCCESS;
    }
  if (argc != 3)
    return rmm_cli_usage_error (context, _("import referrals needs one CSV file"));

  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);

  file = g_file_new_for_commandline_arg (argv[2]);
  name = g_path_get_basename (argv[2]);
  import = rmm_referral_import_new (store, name);
  if (!rmm_referral_import_read_file (import, file, NULL, &error))
    {
      GPtrArray *problems = rmm_referral_import_get_problems (import);
      guint n_problems = rmm_referral_import_get_n_problems (import);

      /* A file that cannot be opened at all is one line saying why. */
      if (error->domain == G_IO_ERROR)
        return rmm_cli_fail (error);
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", (char *)g_ptr_array_index (problems, i));
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "rmmctl: %s: %u problem, nothing was imported\n",
                               "rmmctl: %s: %u problems, nothing was imported\n", n_problems),
                  argv[2], n_problems);
      return EXIT_FAILURE;
    }
  if (!dry_run && !rmm_referral_import_commit (import, &error))
    return rmm_cli_fail (error);
  print_import_summary (import, argv[2], !dry_run);
  return EXIT_SUCCESS;
}

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
      add_string (builder, "reference", rmm_agenda_item_get_child_reference (item));
      add_string (builder, "first_name", rmm_agenda_item_get_first_name (item));
      add_string (builder, "last_name", rmm_agenda_item_get_last_name (item));
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      for (guint r = 0; reasons[r] != NULL; r++)
        if (*reasons[r] != '\0')
          json_builder_add_string_value (builder, reasons[r]);
      json_builder_end_array (builder);
      add_string (builder, "rating", rmm_agenda_item_get_rating (item));
      json_builder_set_member_name (builder, "time_box_minutes");
      json_builder_add_int_value (builder, rmm_agenda_item_get_time_box (item));
      add_string (builder, "status", rmm_agenda_item_get_status (item));
      if (removed)
        add_string (builder, "removed_because", rmm_agenda_item_get_status_reason (item));
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, rmm_agenda_item_get_overdue (item));
      add_string (builder, "review_on", rmm_agenda_item_get_review_on (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_either (builder, text, json);
}

static int
cmd_agenda (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— a meeting’s agenda, and why "
                                                             "each child is on it"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *order = NULL;
  gint64 meeting_id = 0;
  int time_box = 5, status = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting (an id from “list meetings”)"), "ID" },
    { "time-box", 0, 0, G_OPTION_ARG_INT, &time_box, N_("Minutes for each new item (default 5)"), "MINUTES" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("Where new items go: risk (triggers, then highest risk; default) or name"), "ORDER" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("A coming meeting’s agenda builds itself from the data "
                                      "first: every child with a reason to be discussed is "
                                      "added (and audited); nothing is ever taken off except "
                                      "by a chair. Reasons: new-referral, review-due, trigger, "
                                      "closure, transition, early-help-check, overdue-actions, "
                                      "added-by-chair. A held meeting’s agenda is shown as it "
                                      "was."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1 || meeting_id <= 0)
    return rmm_cli_usage_error (context, _("agenda needs --meeting ID"));
  if (time_box < 1 || time_box > 120)
    return rmm_cli_usage_error (context, _("--time-box must be 1–120 minutes"));
  if (!parse_format (format, &json, &error))
    return rmm_cli_usage_error (context, error->message);
  if (order != NULL && !g_str_equal (order, "risk") && !g_str_equal (order, "name"))
    return rmm_cli_usage_error (context, _("--order is risk or name"));

  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !rmm_store_refresh_agenda (store, meeting_id, time_box,
                                 g_strcmp0 (order, "name") == 0 ? RMM_AGENDA_ORDER_BY_NAME
                                                                 : RMM_AGENDA_ORDER_RISK_FIRST,
                                 &error) ||
      !(items = rmm_store_list_agenda (store, meeting_id, &error)))
    return rmm_cli_fail (error);
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
      add_string (builder, "reference", rmm_cse_entry_get_reference (entry));
      add_string (builder, "first_name", rmm_cse_entry_get_first_name (entry));
      add_string (builder, "last_name", rmm_cse_entry_get_last_name (entry));
      add_string (builder, "area", rmm_cse_entry_get_area_name (entry));
      add_string (builder, "rating", rmm_cse_entry_get_rating (entry));
      add_string (builder, "rating_label", rmm_cse_entry_get_rating_label (entry));
      add_string (builder, "previous_rating_label", rmm_cse_entry_get_previous_label (entry));
      add_string (builder, "change", rmm_cse_change_to_string (change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_either (builder, text, json);
}

static int
cmd_cse_list (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the county-wide CSE list"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *format = NULL;
  gboolean json = FALSE;
  int status = 0;
  GDate day;
  GOptionEntry entries_options[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The list as it stood at the end of this day (default: today)"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Every child whose current confirmed rating puts them on "
                                      "the list (by the area's framework) and whose case has "
                                      "not been closed, across areas, marked against a week "
                                      "before: added, up, down, or removed."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("cse-list takes no arguments"));
  if (!parse_format (format, &json, &error))
    return rmm_cli_usage_error (context, error->message);
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
  add_string (builder, "area", rmm_meeting_get_area_name (meeting));
  add_string (builder, "date", rmm_meeting_get_meets_on (meeting));
  add_string (builder, "status", rmm_meeting_get_status (meeting));
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
      add_string (builder, "agency", row->agency);
      add_string (builder, "name", row->name);
      add_string (builder, "status", rmm_state_to_text (RMM_TYPE_ATTENDANCE_STATUS, row->status));
      add_string (builder, "information_sent_at", row->information_sent_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      const RmmSummaryLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", line->kind);
      add_string (builder, "reference", line->reference);
      add_string (builder, "name", line->name);
      add_string (builder, "detail", line->detail);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  print_json (builder);
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

      g_string_append_printf (text, "  %-15s  %-9s  %-24s  %s\n", line->kind,
                              rmm_cli_text (pool, line->reference),
                              rmm_cli_text (pool, line->name), rmm_cli_text (pool, line->detail));
    }
  g_print ("%s", text->str);
}

static int
cmd_meeting (const char  *database,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— what a meeting recorded"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  gint64 meeting_id = 0;
  gboolean json = FALSE;
  int status = 0, signed_by;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting (an id from “list meetings”)"), "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("The meeting's status and sign-off, its attendance by "
                                      "agency, and what it decided: ratings (new, up, down, "
                                      "unchanged, disputed), lead agencies, closures, new "
                                      "triggers, deferrals and removals."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1 || meeting_id <= 0)
    return rmm_cli_usage_error (context, _("meeting needs --meeting ID"));
  if (!parse_format (format, &json, &error))
    return rmm_cli_usage_error (context, error->message);
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
      add_string (builder, "reference", trigger->reference);
      add_string (builder, "area", trigger->area);
      add_string (builder, "rule", trigger->rule_id);
      add_string (builder, "raised_at", trigger->raised_at);
      add_string (builder, "reason", trigger->reason);
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
  print_either (builder, text, json);
}

static int
cmd_triggers (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— strategy-discussion triggers"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmTriggerRules) rules = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  gboolean json = FALSE, open_only = FALSE, evaluate = FALSE;
  guint raised = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only those still waiting for the RMM’s response"), NULL },
    { "evaluate", 0, 0, G_OPTION_ARG_NONE, &evaluate, N_("First run every rule over the whole database, raising what it calls for"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("A trigger is raised by a rule from recorded facts (the "
                                      "default rules are data/triggers/default.ini; "
                                      "$XDG_CONFIG_HOME/rmm-desk/triggers.ini replaces them) or "
                                      "by hand, and stays open until the RMM records a "
                                      "response. A rule fires once for its facts."));
  if (!rmm_cli_parse_command (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rmm_cli_usage_error (context, _("triggers takes no arguments"));
  if (!parse_format (format, &json, &error))
    return rmm_cli_usage_error (context, error->message);
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

static const Command commands[] = {
  { "demo", N_("Create a demo database of fictitious people"), cmd_demo },
  { "check", N_("Check integrity, foreign keys and the audit trail"), cmd_check },
  { "backup", N_("Copy the database safely to DEST"), cmd_backup },
  { "restore", N_("Replace the database with a checked backup"), cmd_restore },
  { "list", N_("List areas, meetings or children"), cmd_list },
  { "import", N_("Import referrals from an agency’s CSV file"), cmd_import },
  { "agenda", N_("Show a meeting’s agenda (built from the data for a coming meeting)"), cmd_agenda },
  { "meeting", N_("What a meeting recorded: attendance, decisions, sign-off"), cmd_meeting },
  { "meetings", N_("Schedule an area’s weekly meetings, or move one"), rmm_cli_meetings },
  { "cse-list", N_("The county-wide CSE list, with last week’s changes"), cmd_cse_list },
  { "triggers", N_("Strategy-discussion triggers; --evaluate runs the rules"), cmd_triggers },
  { "export", N_("Minutes, safety plans, the CSE list or a chair’s pack as PDF"), rmm_cli_export },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, _("\nThe database is --database PATH, else $RMM_DATABASE, else "
                           "~/.local/share/rmm-desk/rmm.sqlite (demo.sqlite for “demo”).\n"
                           "Run “rmmctl COMMAND --help” for a command’s options."));
  return g_string_free (text, FALSE);
}

/* --database, then $RMM_DATABASE, then the user's own database (its folder made 0700);
 * `demo` without either writes the demo file the app's --demo opens, never the user's own. */
static char *
resolve_database (const char *option,
                  const char *command)
{
  const char *from_env = g_getenv ("RMM_DATABASE");
  char *path;

  if (option != NULL && *option != '\0')
    return g_strdup (option);
  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  path = g_str_equal (command, "demo") ? rmm_store_default_demo_path ()
                                       : rmm_store_default_path ();
  {
    g_autofree char *folder = g_path_get_dirname (path);
    g_mkdir_with_parents (folder, 0700);
  }
  return path;
}

int
rmm_cli_run (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [OPTION…] — RMM Desk "
                                                             "without a window"));
  g_autoptr(GError) error = NULL;
  g_autofree char *database_option = NULL;
  g_autofree char *database = NULL;
  g_autofree char *description = commands_description ();
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_option, N_("The database file"), "PATH" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };

  /* Whatever a command prints, a stored control character reaches the terminal escaped. */
  g_set_print_handler (print_escaped);
  g_set_printerr_handler (printerr_escaped);
  /* Debugging messages (G_MESSAGES_DEBUG) never mix with the output a script reads. */
  g_log_writer_default_set_use_stderr (TRUE);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rmm_cli_usage_error (context, error->message);
  if (version)
    {
      g_print ("rmmctl %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (argc < 2)
    return rmm_cli_usage_error (context, _("which command?"));

  database = resolve_database (database_option, argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("rmmctl %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].run (database, argc - 1, argv + 1);
        }
    }
  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return rmm_cli_usage_error (context, message);
  }
}
