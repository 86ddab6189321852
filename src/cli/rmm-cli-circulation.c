/* rmm-cli-circulation.c: rmmctl network, domains, circulate and circulation: a child's
 * network, the domains a document may be emailed to, a plan sent to the network, and the
 * record of who holds which version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rmmctl network --child ID|REF [--add-professional ID --role ROLE [--audience A]]
 *                  [--add-family NAME [--email ADDRESS]] [--remove MEMBER] [--format json]
 *   rmmctl domains [--allow DOMAIN]… [--disallow DOMAIN]…
 *   rmmctl distribution [--add PROFESSIONAL]… [--remove PROFESSIONAL]… [--format json]
 *   rmmctl circulate plan --child ID|REF [--outdated] [--reason ADDRESS=WHY]…
 *                  [--hand-over MEMBER]… [--post MEMBER]… [--skip-refused]
 *                  [--out-dir DIR] [--send]
 *   rmmctl circulate minutes --meeting ID […]
 *   rmmctl circulate cse-list [--date D] […]
 *   rmmctl circulation (--child ID|REF | --meeting ID) [--format json]
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-cli-private.h"
#include "rmm-dates.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-labels.h"
#include "rmm-copies.h"

/* ---- rmmctl network ---- */

static void
add_member_json (JsonBuilder            *builder,
                 const RmmNetworkMember *member)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, member->id);
  rmm_cli_add_string (builder, "role", member->role);
  rmm_cli_add_string (builder, "audience", member->audience);
  rmm_cli_add_string (builder, "name", member->name);
  rmm_cli_add_string (builder, "agency", member->agency);
  rmm_cli_add_string (builder, "email", member->email);
  if (member->professional_id != 0)
    {
      json_builder_set_member_name (builder, "professional_id");
      json_builder_add_int_value (builder, member->professional_id);
    }
  json_builder_end_object (builder);
}

static void
print_network (GPtrArray *network,
               gboolean   json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  json_builder_begin_array (builder);
  for (guint i = 0; i < network->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (network, i);

      add_member_json (builder, member);
      /* TRANSLATORS: a member of a child's network: "12  Lead professional: Jo Bloggs
       * (Ashdown Children's Services) <jo@example.org>, the professional plan" */
      g_string_append_printf (text, _("%-4lld %s: %s%s%s%s %s, %s\n"), (long long)member->id,
                              rmm_network_role_label (member->role),
                              rmm_cli_text (pool, member->name),
                              *member->agency ? " (" : "", rmm_cli_text (pool, member->agency),
                              *member->agency ? ")" : "",
                              *member->email ? rmm_cli_text (pool, member->email)
                                             : _("(no email)"),
                              g_str_equal (member->audience, "family")
                              ? _("the family’s copy") : _("the professional plan"));
    }
  json_builder_end_array (builder);
  if (network->len == 0 && !json)
    g_string_append (text, _("No one is in the child’s network yet.\n"));
  rmm_cli_print_either (builder, text, json);
}

/* A professional by id or by their full name, as the other commands name people. */
static gint64
resolve_professional (RmmStore    *store,
                      const char  *text,
                      GError     **error)
{
  gint64 id = 0;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return id;
  return rmm_store_find_professional (store, text, error);
}

int
rmm_cli_network (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— a child’s network"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) network = NULL;
  g_autofree char *child = NULL, *role = NULL, *audience = NULL, *family = NULL;
  g_autofree char *email = NULL, *professional_text = NULL;
  gint64 professional = 0, remove = 0, child_id;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_STRING, &child, N_("The child (id or reference)"), "ID|REF" },
    { "add-professional", 0, 0, G_OPTION_ARG_STRING, &professional_text, N_("Add this professional (their id, or their full name)"), "ID|NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("With --add-professional: lead-professional, social-worker, school-cse-lead, police, health or other"), "ROLE" },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience, N_("With --add-professional: the copy they receive, professional (default) or family"), "AUDIENCE" },
    { "add-family", 0, 0, G_OPTION_ARG_STRING, &family, N_("Add the family’s contact, who receives the family’s copy"), "NAME" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("With --add-family or --add-professional: their email address (a professional’s is kept for every child)"), "ADDRESS" },
    { "remove", 0, 0, G_OPTION_ARG_INT64, &remove, N_("Take this member out of the network"), "MEMBER" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The professionals around a child and the family’s contact, "
                                "each with the copy of a plan they receive: a plan is "
                                "circulated to them and no one else. Without a change, lists "
                                "the network."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc != 1 || child == NULL)
    return rmm_cli_usage_error (context, _("network --child ID|REF"));
  if ((professional_text != NULL) + (family != NULL) + (remove != 0) > 1)
    return rmm_cli_usage_error (context, _("one change at a time: --add-professional, "
                                           "--add-family or --remove"));
  if ((role != NULL) != (professional_text != NULL))
    return rmm_cli_usage_error (context, _("--add-professional needs --role, and --role goes "
                                           "with --add-professional"));
  if (email != NULL && professional_text == NULL && family == NULL)
    return rmm_cli_usage_error (context, _("--email goes with --add-professional or "
                                           "--add-family"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(child_id = rmm_cli_resolve_child (store, child, &error)) ||
      (professional_text != NULL &&
       !(professional = resolve_professional (store, professional_text, &error))))
    return rmm_cli_fail (error);
  /* The professional's address first: the network member is added with it, or not at all. */
  if (professional != 0 && email != NULL)
    {
      RmmNetworkMemberInput input = {
        .child_id = child_id, .professional_id = professional, .role = role,
        .audience = audience,
      };
      gboolean ok;

      /* A file that cannot be written to says so here, with nothing begun to end. */
      if (!rmm_store_begin (store, &error))
        return rmm_cli_fail (error);
      ok = rmm_store_set_professional_email (store, professional, email, &error) &&
           rmm_store_add_network_member (store, &input, &error);
      if (!rmm_store_end (store, ok, ok ? &error : NULL))
        return rmm_cli_fail (error);
      professional = 0;
    }
  if (professional != 0 || family != NULL)
    {
      RmmNetworkMemberInput input = {
        .child_id = child_id, .professional_id = professional,
        .role = family ? "family" : role, .audience = audience, .name = family, .email = email,
      };

      if (!rmm_store_add_network_member (store, &input, &error))
        return rmm_cli_fail (error);
    }
  if (remove != 0)
    {
      g_autoptr(GPtrArray) current = rmm_store_list_network (store, child_id, &error);
      gboolean found = FALSE;

      for (guint i = 0; current != NULL && i < current->len; i++)
        found |= ((RmmNetworkMember *)g_ptr_array_index (current, i))->id == remove;
      if (current != NULL && !found)
        g_set_error (&error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                     _("Member %lld is not in this child’s network."), (long long)remove);
      if (error != NULL || !rmm_store_remove_network_member (store, remove, &error))
        return rmm_cli_fail (error);
    }
  if (!(network = rmm_store_list_network (store, child_id, &error)))
    return rmm_cli_fail (error);
  print_network (network, json);
  return EXIT_SUCCESS;
}

/* ---- rmmctl domains ---- */

int
rmm_cli_domains (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— where documents may be emailed"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) allow = NULL;
  g_auto(GStrv) disallow = NULL;
  g_auto(GStrv) domains = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "allow", 0, 0, G_OPTION_ARG_STRING_ARRAY, &allow, N_("Allow this domain and the domains under it"), "DOMAIN" },
    { "disallow", 0, 0, G_OPTION_ARG_STRING_ARRAY, &disallow, N_("No longer allow this domain"), "DOMAIN" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The domains a document may be emailed to without a reason "
                                "given address by address (the council’s, nhs.net, "
                                "police.uk, sch.uk): a domain allows every domain under it. "
                                "Without a change, lists them. Each change is audited; the "
                                "changes are made together or not at all."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rmm_cli_usage_error (context, _("domains [--allow DOMAIN]… [--disallow DOMAIN]…"));
  if (!(store = rmm_cli_open_existing (database, &error)))
    return rmm_cli_fail (error);
  if (allow != NULL || disallow != NULL)
    {
      gboolean ok = TRUE;

      if (!rmm_store_begin (store, &error))
        return rmm_cli_fail (error);
      for (guint i = 0; ok && allow != NULL && allow[i] != NULL; i++)
        ok = rmm_store_allow_domain (store, allow[i], &error);
      for (guint i = 0; ok && disallow != NULL && disallow[i] != NULL; i++)
        ok = rmm_store_disallow_domain (store, disallow[i], &error);
      if (!rmm_store_end (store, ok, ok ? &error : NULL))
        return rmm_cli_fail (error);
    }
  if (!(domains = rmm_store_list_allowed_domains (store, &error)))
    return rmm_cli_fail (error);
  if (domains[0] == NULL)
    g_print (_("No domain is allowed: every email needs a reason given address by address.\n"));
  for (guint i = 0; domains[i] != NULL; i++)
    g_print ("%s\n", domains[i]);
  return EXIT_SUCCESS;
}

/* ---- rmmctl distribution ---- */

/* The place on the list's distribution of the professional @text names (their id, or full
 * name), or 0 with @error. */
static gint64
find_on_distribution (GPtrArray   *distribution,
                      gint64       professional,
                      GError     **error)
{
  for (guint i = 0; i < distribution->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (distribution, i);

      if (member->professional_id == professional)
        return member->id;
    }
  g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
               _("Professional %lld is not on the CSE list’s distribution."),
               (long long)professional);
  return 0;
}

/* Each by the professional's id (what --remove takes), name, agency and address. */
static void
print_distribution (GPtrArray *distribution,
                    gboolean   json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  json_builder_begin_array (builder);
  for (guint i = 0; i < distribution->len; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (distribution, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "professional_id");
      json_builder_add_int_value (builder, member->professional_id);
      rmm_cli_add_string (builder, "name", member->name);
      rmm_cli_add_string (builder, "agency", member->agency);
      rmm_cli_add_string (builder, "email", member->email);
      json_builder_end_object (builder);
      /* TRANSLATORS: who the CSE list goes to: "12  Jo Bloggs (Testshire Constabulary)
       * jo@example.org" */
      g_string_append_printf (text, _("%-4lld %s (%s) %s\n"), (long long)member->professional_id,
                              rmm_cli_text (pool, member->name),
                              rmm_cli_text (pool, member->agency),
                              *member->email ? rmm_cli_text (pool, member->email)
                                             : _("(no email)"));
    }
  json_builder_end_array (builder);
  if (distribution->len == 0 && !json)
    g_string_append (text, _("The CSE list goes to no one yet: add them with --add.\n"));
  rmm_cli_print_either (builder, text, json);
}

static gboolean
change_distribution (RmmStore     *store,
                     char        **add,
                     char        **remove,
                     GError      **error)
{
  gboolean ok = TRUE;

  if (!rmm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && add != NULL && add[i] != NULL; i++)
    {
      gint64 professional = resolve_professional (store, add[i], error);

      ok = professional != 0 && rmm_store_add_to_cse_distribution (store, professional, error);
    }
  for (guint i = 0; ok && remove != NULL && remove[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) distribution = rmm_store_list_cse_distribution (store, error);
      gint64 professional = distribution ? resolve_professional (store, remove[i], error) : 0;
      gint64 place = professional ? find_on_distribution (distribution, professional, error)
                                  : 0;

      ok = place != 0 && rmm_store_remove_from_cse_distribution (store, place, error);
    }
  return rmm_store_end (store, ok, ok ? error : NULL);
}

int
rmm_cli_distribution (const char  *database,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— who the CSE list goes to"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) distribution = NULL;
  g_auto(GStrv) add = NULL;
  g_auto(GStrv) remove = NULL;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "add", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add, N_("Send the list to this professional too (their id, or their full name)"), "ID|NAME" },
    { "remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove, N_("No longer send the list to this professional"), "ID|NAME" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("The professionals the county-wide CSE list goes to each "
                                "week, by name (the police’s CSE lead, the heads of "
                                "service), each at the address on record for them: the list "
                                "names every child on it in every area, and goes to no one "
                                "else. Without a change, lists them. Each change is audited; "
                                "the changes are made together or not at all."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rmm_cli_usage_error (context, _("distribution [--add ID|NAME]… [--remove ID|NAME]…"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      ((add != NULL || remove != NULL) && !change_distribution (store, add, remove, &error)) ||
      !(distribution = rmm_store_list_cse_distribution (store, &error)))
    return rmm_cli_fail (error);
  print_distribution (distribution, json);
  return EXIT_SUCCESS;
}

/* ---- rmmctl circulate ---- */

typedef struct
{
  char     *child;
  gint64    meeting;
  char     *date;       /* the CSE list's day, or NULL: today's */
  gboolean  list;
  char    **reasons;
  char    **hand_over_text;
  char    **post_text;
  char     *out_dir;
  char     *language;
  gboolean  outdated;
  gboolean  skip_refused;
  gboolean  send;
} CirculateOptions;

static void
circulate_options_clear (CirculateOptions *options)
{
  g_free (options->child);
  g_free (options->date);
  g_strfreev (options->reasons);
  g_strfreev (options->hand_over_text);
  g_strfreev (options->post_text);
  g_free (options->out_dir);
  g_free (options->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CirculateOptions, circulate_options_clear)

static RmmRecipient *
find_member (RmmCirculation *circulation,
             const char     *member_text,
             GError        **error)
{
  gint64 id = 0;
  gboolean by_id = g_ascii_string_to_signed (member_text, 10, 1, G_MAXINT64, &id, NULL);
  RmmRecipient *found = NULL;

  /* By id (a network member's, for the minutes an attendance row's, for the CSE list the
   * professional's, as rmmctl distribution lists them) or by full name: a name two people
   * share names neither. */
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);
      gint64 shown = circulation->list_as_at != NULL ? recipient->professional_id
                                                     : recipient->member_id;

      if (by_id ? shown != id : g_utf8_collate (recipient->name, member_text) != 0)
        continue;
      if (found != NULL)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("Two people here are called “%s”: name them by id."), member_text);
          return NULL;
        }
      found = recipient;
    }
  if (found == NULL)
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 circulation->list_as_at != NULL
                 ? _("“%s” is not on the CSE list’s distribution (see rmmctl distribution).")
                 : circulation->meeting_id != 0
                 ? _("“%s” was not invited to this meeting: its minutes go only to those "
                     "invited.")
                 : _("“%s” is not a member of the network this plan goes to (see rmmctl "
                     "network)."), member_text);
  return found;
}

/* The choices given on the command line: copies handed over or posted, and the reasons for
 * addresses outside the allowed domains. */
static gboolean
apply_choices (RmmCirculation          *circulation,
               const CirculateOptions  *options,
               GError                 **error)
{
  const struct { char **members; const char *channel; } by_hand[] = {
    { options->hand_over_text, "handed-over" },
    { options->post_text, "posted" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (by_hand); k++)
    for (guint i = 0; by_hand[k].members != NULL && by_hand[k].members[i] != NULL; i++)
      {
        RmmRecipient *recipient = find_member (circulation, by_hand[k].members[i], error);

        if (recipient == NULL)
          return FALSE;
        if (!g_str_equal (recipient->channel, "email"))
          {
            g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                         _("“%s” is given twice (--hand-over, --post): their copy goes one "
                           "way."), by_hand[k].members[i]);
            return FALSE;
          }
        g_free (recipient->channel);
        recipient->channel = g_strdup (by_hand[k].channel);
      }
  for (guint i = 0; options->reasons != NULL && options->reasons[i] != NULL; i++)
    {
      /* The first "=" after the "@": an address may hold one before it, a domain never. */
      const char *at = strchr (options->reasons[i], '@');
      const char *equals = strchr (at ? at : options->reasons[i], '=');
      g_autofree char *address = equals ? g_strndup (options->reasons[i],
                                                     equals - options->reasons[i]) : NULL;
      g_autofree char *reason = equals ? g_strstrip (g_strdup (equals + 1)) : NULL;
      gboolean used = FALSE;

      /* A reason is something said: "ADDRESS=" or spaces alone give none. */
      for (guint r = 0; address != NULL && *reason && r < circulation->recipients->len; r++)
        {
          RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, r);

          if (g_ascii_strcasecmp (recipient->recipient, g_strstrip (address)) == 0)
            {
              g_free (recipient->outside_reason);
              recipient->outside_reason = g_strdup (reason);
              used = TRUE;
            }
        }
      if (!used)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       circulation->list_as_at != NULL
                       ? _("--reason “%s”: give ADDRESS=WHY, for an address the list goes to.")
                       : circulation->meeting_id != 0
                       ? _("--reason “%s”: give ADDRESS=WHY, for an address the minutes go to.")
                       : _("--reason “%s”: give ADDRESS=WHY, for an address this plan goes to."),
                       options->reasons[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Each copy as it will go, or why it cannot: said before anything is sent. */
static void
print_recipients (RmmCirculation *circulation)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      const RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);
      const char *copy = rmm_circulated_document_label (recipient->document);

      if (recipient->problem != NULL)
        /* TRANSLATORS: a copy that cannot go: "✗ Jo Bloggs: no email address recorded…" */
        g_print (_("✗ %s: %s\n"), rmm_cli_text (pool, recipient->name),
                 rmm_cli_text (pool, recipient->problem));
      else if (g_str_equal (recipient->channel, "email"))
        /* TRANSLATORS: "✓ Jo Bloggs <jo@example.org>: Safety plan (family), Email" */
        g_print (_("✓ %s <%s>: %s, %s%s%s\n"), rmm_cli_text (pool, recipient->name),
                 rmm_cli_text (pool, recipient->recipient), copy,
                 rmm_circulation_channel_label (recipient->channel),
                 recipient->outside ? _("; outside the allowed domains: ") : "",
                 recipient->outside ? rmm_cli_text (pool, recipient->outside_reason) : "");
      else
        g_print (_("✓ %s: %s, %s\n"), rmm_cli_text (pool, recipient->name), copy,
                 rmm_circulation_channel_label (recipient->channel));
    }
}

static void
drop_refused (RmmCirculation *circulation)
{
  for (guint i = circulation->recipients->len; i > 0; i--)
    if (((RmmRecipient *)g_ptr_array_index (circulation->recipients, i - 1))->problem != NULL)
      g_ptr_array_remove_index (circulation->recipients, i - 1);
}

/* Each email copy handed to the desktop's mail client (--send), or its command printed. */
static gboolean
hand_to_mailer (RmmCirculation  *circulation,
                GHashTable      *files,
                const char      *subject,
                gboolean         send,
                GError         **error)
{
  if (send)
    return rmm_copies_hand_over (circulation, files, subject, error);
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      const RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);
      g_auto(GStrv) command = NULL;
      g_autoptr(GString) line = g_string_new (NULL);

      if (!g_str_equal (recipient->channel, "email"))
        continue;
      command = rmm_copies_email_command (recipient,
                                          g_hash_table_lookup (files, recipient->document),
                                          subject);
      for (guint a = 0; command[a] != NULL; a++)
        {
          g_autofree char *quoted = g_shell_quote (command[a]);

          g_string_append_printf (line, "%s%s", a ? " " : "", quoted);
        }
      rmm_cli_print_escaped (line->str);
      g_print ("\n");
    }
  return TRUE;
}

static void
print_files (GHashTable *files)
{
  static const char * const documents[] = { "professional-plan", "family-plan", "minutes",
                                              "cse-list" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_hash_table_contains (files, documents[i]))
      {
        rmm_cli_print_escaped (g_hash_table_lookup (files, documents[i]));
        g_print ("\n");
      }
}

/* The circulation the command asks for: the child's plan, or the meeting's minutes. */
static RmmCirculation *
prepare_circulation (RmmStore                *store,
                     const CirculateOptions  *options,
                     GError                 **error)
{
  gint64 child_id;

  if (options->list)
    {
      GDate day;

      if (options->date != NULL && !rmm_date_parse (options->date, &day))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("--date “%s” is not a date: give it as YYYY-MM-DD."), options->date);
          return NULL;
        }
      if (options->date == NULL)
        {
          /* Today as the UK has it, whatever this computer's time zone: the day the store's
           * own check (no day still to come) counts by. */
          g_autofree char *now = rmm_store_now (store);
          g_autoptr(GDate) today = rmm_date_from_time (now);

          if (today != NULL)
            day = *today;
          else
            rmm_date_set_today (&day);
        }
      return rmm_store_cse_list_circulation (store, &day, error);
    }
  if (options->meeting != 0)
    return rmm_store_minutes_circulation (store, options->meeting, error);
  if (!(child_id = rmm_cli_resolve_child (store, options->child, error)))
    return NULL;
  return rmm_store_plan_circulation (store, child_id, options->outdated, error);
}

/* Every copy checked: with one that cannot go, none goes (exit 1), unless --skip-refused,
 * when the others do. FALSE: nothing is to be sent (said already). */
static gboolean
keep_those_that_can_go (RmmStore        *store,
                        RmmCirculation  *circulation,
                        gboolean         skip_refused,
                        int             *status)
{
  g_autoptr(GError) error = NULL;

  if (rmm_store_check_circulation (store, circulation, &error))
    return TRUE;
  print_recipients (circulation);
  if (!skip_refused || !g_error_matches (error, RMM_ERROR, RMM_ERROR_INVALID))
    {
      g_printerr (_("rmmctl: %s (--skip-refused sends the others)\n"), error->message);
      *status = EXIT_FAILURE;
      return FALSE;
    }
  drop_refused (circulation);
  if (circulation->recipients->len == 0)
    {
      g_printerr (_("rmmctl: no copy can go; nothing was sent.\n"));
      *status = EXIT_FAILURE;
      return FALSE;
    }
  g_print (_("The others go:\n"));
  return TRUE;
}

static gboolean
any_by_email (RmmCirculation *circulation)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    if (g_str_equal (((RmmRecipient *)g_ptr_array_index (circulation->recipients, i))->channel,
                     "email"))
      return TRUE;
  return FALSE;
}

static int
circulate (const char        *database,
           CirculateOptions  *options)
{
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *subject = NULL;
  RmmDocumentOptions document_options = { 0 };
  int status = EXIT_SUCCESS;
  guint copies;
  gboolean recorded;

  if (options->language != NULL &&
      !rmm_document_language_parse (options->language, &document_options.language))
    {
      g_printerr (_("rmmctl: --language is en, cy or both\n"));
      return 2;
    }
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      !(circulation = prepare_circulation (store, options, &error)) ||
      !apply_choices (circulation, options, &error))
    return rmm_cli_fail (error);
  if (circulation->recipients->len == 0)
    {
      g_print (options->list ? _("The CSE list goes to no one yet: add them with rmmctl "
                                 "distribution.\n")
               : options->meeting != 0 ? _("No one was invited to the meeting.\n")
               : options->outdated ? _("No one holds an earlier version of the plan without "
                                       "this one.\n")
               : _("No one is in the child’s network: add them with rmmctl network.\n"));
      return EXIT_SUCCESS;
    }
  if (!keep_those_that_can_go (store, circulation, options->skip_refused, &status))
    return status;
  print_recipients (circulation);
  if (options->send && any_by_email (circulation) && !rmm_mail_client_is_installed ())
    {
      g_printerr (_("rmmctl: there is no mail client to hand the copies to (%s): nothing was "
                    "sent or recorded. Hand the copies over or post them (--hand-over, "
                    "--post).\n"), rmm_mail_client_why_missing ());
      return EXIT_FAILURE;
    }
  copies = circulation->recipients->len;
  if (!(subject = rmm_copies_subject (store, circulation, &error)) ||
      !rmm_copies_write (store, circulation, options->out_dir ? options->out_dir : ".",
                         &document_options, files, &error))
    return rmm_cli_fail (error);
  print_files (files);
  /* Without --send, only shown: a copy recorded as emailed that no one sent would tell the
   * record a holder has a version they never received. */
  if (!options->send)
    {
      hand_to_mailer (circulation, files, subject, FALSE, NULL);
      g_print (_("Nothing was sent or recorded: with --send, each email goes to the mail "
                 "client and every copy is recorded.\n"));
      return EXIT_SUCCESS;
    }
  /* Recorded before the mail client has a copy, and undone if it refuses one: a copy the
   * login may not circulate, or that the record refuses, never reaches the mail client. */
  if (!rmm_store_begin (store, &error))
    return rmm_cli_fail (error);
  recorded = rmm_store_record_circulation (store, circulation, &error) &&
             hand_to_mailer (circulation, files, subject, TRUE, &error);
  if (!rmm_store_end (store, recorded, recorded ? &error : NULL))
    return rmm_cli_fail (error);
  if (options->list)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded %u copy of the CSE list.\n",
                          "Recorded %u copies of the CSE list.\n", copies), copies);
  else if (options->meeting != 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded %u copy of the minutes.\n",
                          "Recorded %u copies of the minutes.\n", copies), copies);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded %u copy of version %u.\n",
                          "Recorded %u copies of version %u.\n", copies),
             copies, circulation->version);
  return EXIT_SUCCESS;
}

int
rmm_cli_circulate (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("plan|minutes|cse-list — send a "
                                                             "child’s plan to their network, "
                                                             "a meeting’s minutes to those "
                                                             "invited, or the CSE list to its "
                                                             "distribution"));
  g_auto(CirculateOptions) options = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_STRING, &options.child, N_("plan: the child (id or reference)"), "ID|REF" },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &options.meeting, N_("minutes: the meeting (an id from “list meetings”)"), "ID" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date, N_("cse-list: the list as it stood at the end of this day (default: today)"), "YYYY-MM-DD" },
    { "outdated", 0, 0, G_OPTION_ARG_NONE, &options.outdated, N_("Only to those who hold an earlier version and not this one"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.reasons, N_("Send to an address outside the allowed domains, for this reason (recorded)"), "ADDRESS=WHY" },
    { "hand-over", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.hand_over_text, N_("This member’s copy is handed over, not emailed (their id or full name)"), "MEMBER" },
    { "post", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.post_text, N_("This member’s copy is posted, not emailed (their id or full name)"), "MEMBER" },
    { "skip-refused", 0, 0, G_OPTION_ARG_NONE, &options.skip_refused, N_("When a copy cannot go, send the others (by default none goes)"), NULL },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &options.out_dir, N_("Where the PDFs are written (default: here)"), "DIR" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language, N_("en, cy or both; default: the area’s documents language"), "LANGUAGE" },
    { "send", 0, 0, G_OPTION_ARG_NONE, &options.send, N_("Send and record: each email to the desktop’s mail client (xdg-email, or the email portal in a sandbox or with RMM_DESK_MAIL=portal), every copy recorded; without it, the check and the commands are only shown"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Circulates the child’s current plan version to their "
                                "network: the professional plan to the professionals, the "
                                "family’s copy to the family’s contact, each by email unless "
                                "handed over or posted. Every copy is checked first: someone "
                                "not in the network, an email address that is missing, "
                                "malformed, or outside the allowed domains without a reason "
                                "stops it, and then nothing goes unless --skip-refused. The "
                                "PDFs are written; with --send each email copy is handed to "
                                "the mail client and every copy recorded (rmmctl circulation "
                                "lists who holds which version); without it, the commands are "
                                "printed and nothing is recorded. The "
                                "minutes of a signed-off meeting go the same way to everyone "
                                "invited to it (present, apologies or information sent; not "
                                "observers), each at the address on record for them; and the "
                                "county-wide CSE list to the professionals on its "
                                "distribution (rmmctl distribution)."),
                              NULL, &argc, &argv, &status))
    return status;
  options.list = argc == 2 && g_str_equal (argv[1], "cse-list");
  if (argc != 2 ||
      !((g_str_equal (argv[1], "plan") && options.child != NULL && options.meeting == 0 &&
         options.date == NULL) ||
        (g_str_equal (argv[1], "minutes") && options.meeting > 0 && options.child == NULL &&
         !options.outdated && options.date == NULL) ||
        (options.list && options.meeting == 0 && options.child == NULL && !options.outdated)))
    return rmm_cli_usage_error (context, _("circulate plan --child ID|REF, circulate minutes "
                                           "--meeting ID, or circulate cse-list [--date D]"));
  return circulate (database, &options);
}

/* ---- rmmctl circulation ---- */

int
rmm_cli_circulation (const char  *database,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— who was sent which document"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *child = NULL;
  gint64 meeting = 0, child_id = 0;
  gboolean json = FALSE, list = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_STRING, &child, N_("One child’s (id or reference)"), "ID|REF" },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting, N_("One meeting’s"), "ID" },
    { "cse-list", 0, 0, G_OPTION_ARG_NONE, &list, N_("The CSE list’s, week by week"), NULL },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries,
                              _("Every copy that went out, oldest first: the document and "
                                "version, to whom, how, when and by whom, and the reason "
                                "given for an address outside the allowed domains. A copy of "
                                "a plan that a newer version has replaced, and that recipient "
                                "has not been sent, is marked outdated: they hold an old "
                                "plan."),
                              &json, &argc, &argv, &status))
    return status;
  if (argc != 1 || (child != NULL) + (meeting != 0) + list != 1)
    return rmm_cli_usage_error (context, _("circulation --child ID|REF, --meeting ID or "
                                           "--cse-list"));
  if (!(store = rmm_cli_open_existing (database, &error)) ||
      (child != NULL && !(child_id = rmm_cli_resolve_child (store, child, &error))) ||
      !(records = rmm_store_list_circulation (store, child_id, meeting, &error)))
    return rmm_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      const RmmCirculationRecord *record = g_ptr_array_index (records, i);
      g_autofree char *document = NULL;

      if (list != g_str_equal (record->document, "cse-list"))
        continue;
      json_builder_begin_object (builder);
      rmm_cli_add_string (builder, "document", record->document);
      if (*record->list_as_at)
        rmm_cli_add_string (builder, "list_as_at", record->list_as_at);
      if (record->version > 0)
        {
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, record->version);
        }
      rmm_cli_add_string (builder, "recipient", record->recipient);
      rmm_cli_add_string (builder, "channel", record->channel);
      rmm_cli_add_string (builder, "outside_reason", record->outside_reason);
      rmm_cli_add_string (builder, "circulated_at", record->circulated_at);
      rmm_cli_add_string (builder, "circulated_by", record->circulated_by);
      json_builder_set_member_name (builder, "outdated");
      json_builder_add_boolean_value (builder, record->outdated);
      json_builder_end_object (builder);
      document = record->version > 0
                 /* TRANSLATORS: a document and its version: "Safety plan (family) v2" */
                 ? g_strdup_printf (_("%s v%u"), rmm_circulated_document_label (record->document),
                                    record->version)
                 : *record->list_as_at
                 /* TRANSLATORS: the CSE list of a day: "CSE list of 2026-11-25" */
                 ? g_strdup_printf (_("%s of %s"), rmm_circulated_document_label (record->document),
                                    record->list_as_at)
                 : g_strdup (rmm_circulated_document_label (record->document));

      /* TRANSLATORS: "2026-12-01T10:04:00Z  Safety plan (family) v2  Email  jo@example.org
       * by chair1" */
      g_string_append_printf (text, _("%s  %s  %s  %s  by %s%s%s%s\n"),
                              rmm_cli_text (pool, record->circulated_at), document,
                              rmm_circulation_channel_label (record->channel),
                              rmm_cli_text (pool, record->recipient),
                              rmm_cli_text (pool, record->circulated_by),
                              *record->outside_reason ? _("; outside the allowed domains: ") : "",
                              rmm_cli_text (pool, record->outside_reason),
                              record->outdated ? _("  (outdated: holds an earlier version)")
                                               : "");
    }
  json_builder_end_array (builder);
  if (text->len == 0 && !json)
    g_string_append (text, _("Nothing has been circulated.\n"));
  rmm_cli_print_either (builder, text, json);
  return EXIT_SUCCESS;
}
