/* rmm-cli-private.h: what rmmctl's command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is a function in the file of its group (maintenance, list, import, record,
 * meetings, export), listed in rmm-cli.c's table. A command parses its own options with
 * rmm_cli_parse_command(), opens the database with rmm_cli_open_existing(), reports a
 * failure with rmm_cli_fail() and prints through the helpers below, which escape whatever a
 * stored value holds before it reaches a terminal.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rmm-store.h"

G_BEGIN_DECLS

/* Shared by the commands. */
int         rmm_cli_fail             (const GError    *error);
int         rmm_cli_usage_error      (GOptionContext  *context,
                                      const char      *message);
gboolean    rmm_cli_parse_command    (GOptionContext  *context,
                                      int             *argc,
                                      char          ***argv,
                                      int             *status);
gboolean    rmm_cli_parse_options    (GOptionContext      *context,
                                      const GOptionEntry  *entries,
                                      const char          *description,
                                      gboolean            *json,
                                      int                 *argc,
                                      char              ***argv,
                                      int                 *status);
gboolean    rmm_cli_parse_format     (const char      *format,
                                      gboolean        *json,
                                      GError         **error);
gboolean    rmm_cli_may_replace      (const char      *path,
                                      const char      *begins);
RmmStore   *rmm_cli_open_existing    (const char      *database,
                                      GError         **error);
RmmStore   *rmm_cli_open_for_figures (const char      *database,
                                      GError         **error);
gint64      rmm_cli_resolve_child    (RmmStore        *store,
                                      const char      *child,
                                      GError         **error);
const char *rmm_cli_text             (GPtrArray       *pool,
                                      const char      *value);
void        rmm_cli_print_escaped    (const char      *text);
void        rmm_cli_printerr_escaped (const char      *text);
void        rmm_cli_print_json       (JsonBuilder     *builder);
void        rmm_cli_print_either     (JsonBuilder     *builder,
                                      GString         *text,
                                      gboolean         json);
void        rmm_cli_add_string       (JsonBuilder     *builder,
                                      const char      *name,
                                      const char      *value);

/* The commands: each takes the database and its own argv (argv[0] is its name). */
int         rmm_cli_demo             (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_check            (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_backup           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_restore          (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_list             (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_import           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_agenda           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_meeting          (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_cse_list         (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_report           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_area             (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_access           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_triggers         (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_meetings         (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_export           (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_network          (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_domains          (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_distribution     (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_circulate        (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_circulation      (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_migrate          (const char      *database,
                                      int              argc,
                                      char           **argv);
int         rmm_cli_server           (const char      *database,
                                      int              argc,
                                      char           **argv);

G_END_DECLS
