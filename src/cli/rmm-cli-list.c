/* rmm-cli-list.c: rmmctl list: areas, meetings or children, as text or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmmctl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rmm-cli-private.h"

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
    rmm_cli_print_json (builder);
}

static gboolean
has_areas (RmmStore *store)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (store, NULL);

  return areas != NULL && g_list_model_get_n_items (areas) > 0;
}

int
rmm_cli_list (const char *database,
              int         argc,
              char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("areas|meetings|children — "
                                                             "list what the database holds"));
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(RmmArea) area = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *area_name = NULL;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_name, N_("Only this area"), "NAME" },
    { NULL }
  };

  if (!rmm_cli_parse_options (context, entries, NULL, &json, &argc, &argv, &status))
    return status;
  if (argc != 2 || (!g_str_equal (argv[1], "areas") && !g_str_equal (argv[1], "meetings") &&
                    !g_str_equal (argv[1], "children")))
    return rmm_cli_usage_error (context, _("list what? areas, meetings or children"));

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
  /* An empty list for a login given no area would read as an empty database. */
  if (!rmm_store_sees_everything (store) && !has_areas (store))
    g_printerr (_("rmmctl: the login “%s” works on no area of this database yet; its owner "
                  "gives it one with “rmmctl server grant %s ROLE --area NAME”.\n"),
                rmm_store_get_actor (store), rmm_store_get_actor (store));

  if (g_str_equal (argv[1], "areas"))
    print_list (items, area_columns, G_N_ELEMENTS (area_columns), json);
  else if (g_str_equal (argv[1], "meetings"))
    print_list (items, meeting_columns, G_N_ELEMENTS (meeting_columns), json);
  else
    print_list (items, child_columns, G_N_ELEMENTS (child_columns), json);
  return EXIT_SUCCESS;
}
