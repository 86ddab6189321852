/* rmm-cli-access.c: rmmctl access: who looked at a child's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl access --child ID|REF [--format text|json]
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-cli-private.h"

/* The words for what was done, as the child's page says them too. */
static const char *
describe_access (const RmmAccessEvent *event)
{
  if (g_str_equal (event->what, "child-page"))
    return _("opened the child’s page");
  if (g_str_equal (event->what, "name-revealed"))
    return _("showed the name on the projector");
  return _("made a document");
}

static void
print_access (GPtrArray *events,
              gboolean   json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      RmmAccessEvent *event = g_ptr_array_index (events, i);

      g_string_append_printf (text, "%s  %s %s", rmm_cli_text (pool, event->at),
                              rmm_cli_text (pool, event->actor), describe_access (event));
      if (*event->document != '\0')
        g_string_append_printf (text, ": %s (%s)", rmm_cli_text (pool, event->document),
                                rmm_cli_text (pool, event->audience));
      if (event->meeting_id != 0)
        g_string_append_printf (text, _(", meeting %" PRId64), event->meeting_id);
      g_string_append_c (text, '\n');

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "event");
      json_builder_add_int_value (builder, event->id);
      rmm_cli_add_string (builder, "at", event->at);
      rmm_cli_add_string (builder, "login", event->actor);
      rmm_cli_add_string (builder, "what", event->what);
      rmm_cli_add_string (builder, "document", event->document);
      rmm_cli_add_string (builder, "audience", event->audience);
      json_builder_set_member_name (builder, "meeting_id");
      json_builder_add_int_value (builder, event->meeting_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rmm_cli_print_either (builder, text, json);
}

int
rmm_cli_access (const char *database,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— who looked at a child’s "
                                                             "record"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *child = NULL;
  gboolean json = FALSE;
  gint64 child_id;
  int status = 0;
  GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child, by id or reference"), N_("ID|REF") },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Every look at the child’s record, oldest first, from the "
                                "audit trail: the child’s page opened, the name shown on the "
                                "projector, the safety plan made as a document, and the "
                                "minutes and packs of the meetings the child was on the agenda "
                                "of. Each names the login (or the user) and when."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc > 1 || child == NULL)
    return rmm_cli_usage_error (context, _("access takes --child ID|REF"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(child_id = rmm_cli_resolve_child (store, child, &error)))
    return rmm_cli_fail (error);
  /* On a server another login would be shown none, which would read as nobody looked. */
  if (!rmm_store_may_see_looks (store, child_id))
    {
      g_printerr ("rmmctl: %s\n", _("Who looked at a child’s record is for the chairs of the "
                                    "child’s area: this login is not one."));
      return EXIT_FAILURE;
    }
  if (!(events = rmm_store_list_access (store, child_id, &error)))
    return rmm_cli_fail (error);
  print_access (events, json);
  return EXIT_SUCCESS;
}
