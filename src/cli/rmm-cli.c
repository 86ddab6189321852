/* rmm-cli.c: rmmctl: the table of commands, and what every command shares (options,
 * opening the database, escaped output, JSON)
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
#include "rmm-error.h"
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
const char *
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

void
rmm_cli_print_escaped (const char *text)
{
  write_escaped (stdout, text);
}

void
rmm_cli_printerr_escaped (const char *text)
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

/* The command's @entries (NULL: none), and --format text|json when @json is not NULL,
 * parsed; FALSE with *@status set (a usage error, or --help's 0) when the command stops. */
gboolean
rmm_cli_parse_options (GOptionContext     *context,
                       const GOptionEntry *entries,
                       const char         *description,
                       gboolean           *json,
                       int                *argc,
                       char             ***argv,
                       int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry format_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (json != NULL)
    g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (!rmm_cli_parse_command (context, argc, argv, status))
    return FALSE;
  if (json != NULL && !rmm_cli_parse_format (format, json, &error))
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

/* Whether an export may go to @path: nothing is there, or an earlier export of its kind (a
 * regular file, not a link, whose first bytes are @begins). Only those first bytes are read:
 * the database itself, refused here, can be gigabytes. */
gboolean
rmm_cli_may_replace (const char *path,
                     const char *begins)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize wanted = strlen (begins), got = 0;
  g_autofree char *head = g_malloc0 (wanted + 1);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !(stream = g_file_read (file, NULL, NULL)))
    return FALSE;
  return g_input_stream_read_all (G_INPUT_STREAM (stream), head, wanted, &got, NULL, NULL) &&
         got == wanted && memcmp (head, begins, wanted) == 0;
}

/* --read-only: every command opens the database as a copy to read. */
static gboolean read_only;

/* The board's own login reads the figures published for it (rmmctl report), nothing else. */
static RmmStore *
open_existing (const char  *database,
               gboolean     figures,
               GError     **error)
{
  RmmStore *store = rmm_store_open (database, read_only ? RMM_STORE_OPEN_READ_ONLY
                                                        : RMM_STORE_OPEN_EXISTING, error);

  if (store != NULL && !figures && rmm_store_reads_figures_only (store))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("The login “%s” is the safeguarding board’s: it reads the figures "
                     "published for the board (rmmctl report), and nothing of the record."),
                   rmm_store_get_actor (store));
      g_object_unref (store);
      return NULL;
    }

  if (store != NULL)
    rmm_store_set_wait_func (store, wait_for_other_writer, g_new0 (gboolean, 1), g_free);

  /* Only a copy opened read-only can be readable by others: never without saying so. */
  if (store != NULL && rmm_store_is_exposed (store))
    {
      g_autofree char *quoted = g_shell_quote (database);

      g_printerr (_("rmmctl: warning: other users of this computer can read %s. It holds "
                    "children’s details: make it private with “chmod 600 %s”.\n"),
                  database, quoted);
    }
  return store;
}

RmmStore *
rmm_cli_open_existing (const char  *database,
                       GError     **error)
{
  return open_existing (database, FALSE, error);
}

/* As rmm_cli_open_existing (), and the board's own login too. */
RmmStore *
rmm_cli_open_for_figures (const char  *database,
                          GError     **error)
{
  return open_existing (database, TRUE, error);
}

/* A child by id, or by reference when it is not a number. */
gint64
rmm_cli_resolve_child (RmmStore    *store,
                       const char  *child,
                       GError     **error)
{
  g_autoptr(RmmChild) found = NULL;
  gint64 id;

  if (g_ascii_string_to_signed (child, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(RmmChildRecord) by_id = rmm_store_get_child_record (store, id, error);

      return by_id ? id : 0;
    }
  if (!(found = rmm_store_find_child_by_reference (store, child, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                     _("There is no child with the reference “%s”."), child);
      return 0;
    }
  return rmm_child_get_id (found);
}

void
rmm_cli_print_json (JsonBuilder *builder)
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
void
rmm_cli_print_either (JsonBuilder *builder,
                      GString     *text,
                      gboolean     json)
{
  if (json)
    rmm_cli_print_json (builder);
  else
    g_print ("%s", text->str);
}

void
rmm_cli_add_string (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

gboolean
rmm_cli_parse_format (const char *format,
                      gboolean   *json,
                      GError    **error)
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

static const Command commands[] = {
  { "demo", N_("Create a demo database of fictitious people"), rmm_cli_demo },
  { "check", N_("Check integrity, foreign keys and the audit trail"), rmm_cli_check },
  { "backup", N_("Copy the database safely to DEST"), rmm_cli_backup },
  { "restore", N_("Replace the database with a checked backup"), rmm_cli_restore },
  { "list", N_("List areas, meetings or children"), rmm_cli_list },
  { "area", N_("An area’s documents language: English, Welsh or both"), rmm_cli_area },
  { "import", N_("Import referrals from an agency’s CSV file"), rmm_cli_import },
  { "agenda", N_("Show a meeting’s agenda (built from the data for a coming meeting)"), rmm_cli_agenda },
  { "meeting", N_("What a meeting recorded: attendance, decisions, sign-off"), rmm_cli_meeting },
  { "meetings", N_("Schedule an area’s weekly meetings, or move one"), rmm_cli_meetings },
  { "cse-list", N_("The county-wide CSE list, with last week’s changes"), rmm_cli_cse_list },
  { "triggers", N_("Strategy-discussion triggers; --evaluate runs the rules"), rmm_cli_triggers },
  { "access", N_("Who looked at a child’s record"), rmm_cli_access },
  { "report", N_("The safeguarding board’s figures for a period, with no child identifiable"), rmm_cli_report },
  { "export", N_("Minutes, safety plans, the CSE list or a chair’s pack as PDF"), rmm_cli_export },
  { "network", N_("A child’s network: who receives which copy of their plan"), rmm_cli_network },
  { "domains", N_("The domains documents may be emailed to"), rmm_cli_domains },
  { "distribution", N_("Who the weekly CSE list goes to"), rmm_cli_distribution },
  { "circulate", N_("Send a child’s plan, a meeting’s minutes or the CSE list, and record it"), rmm_cli_circulate },
  { "circulation", N_("Who was sent which document, and who holds an old plan"), rmm_cli_circulation },
  { "server", N_("A shared PostgreSQL database: set it up, and who works on which area"), rmm_cli_server },
  { "migrate", N_("Move a team’s database file onto a shared PostgreSQL server"), rmm_cli_migrate },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, _("\nThe database is --database PATH, else $RMM_DATABASE, else "
                           "~/.local/share/rmm-desk/rmm.sqlite (demo.sqlite for “demo”). "
                           "A shared server’s database is given by its address: "
                           "postgresql://HOST/DATABASE, or host=… dbname=….\n"
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
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_option, N_("The database: a file, or a PostgreSQL server’s address"), "PATH|URI" },
    { "read-only", 0, 0, G_OPTION_ARG_NONE, &read_only, N_("Open the database file as a copy to read: change nothing in it (it may then be readable by others)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };

  /* Whatever a command prints, a stored control character reaches the terminal escaped. */
  g_set_print_handler (rmm_cli_print_escaped);
  g_set_printerr_handler (rmm_cli_printerr_escaped);
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

  /* These make or replace a database rather than open one: nothing of them is read-only. */
  if (read_only && g_strv_contains ((const char * const[]) { "demo", "restore", "server",
                                                             "migrate", NULL }, argv[1]))
    {
      g_autofree char *message = g_strdup_printf (_("--read-only cannot be used with “%s”: "
                                                    "it writes a database"), argv[1]);
      return rmm_cli_usage_error (context, message);
    }
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
