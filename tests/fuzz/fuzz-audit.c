/* fuzz-audit.c: the audit trail, written with any text and then tampered with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing in RMM Desk parses an audit event's JSON back yet; what reads the trail is
 * `check` (rmm_store_check: the hash chain), and the writer itself, which reads the last
 * event to chain the next and reads a row's values for an update's "before". So:
 *   1. changes are written through the store (database_info, an area inserted and
 *      renamed, raw events with any payload), with the input's text; every JSON payload the
 *      store writes must parse (json-glib) and give the text back, and `check` must pass;
 *   2. then one event is changed, removed or retyped behind the store's back, as someone
 *      with the file could; `check` must fail whenever what it reads of the trail is no
 *      longer what was written.
 *
 * The input: pieces separated by 0xff bytes. The first is the script, one operation a
 * byte; the others are the texts the operations take in turn.
 *
 * The trail is compared as stored, every byte and type: `check` also holds it to the
 * anchors kept outside the file (a cut tail) and to the form the store writes (no NUL in a
 * text, entity_id an integer).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rmm-store-anchors.h"
#include "rmm-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define N_COLUMNS 10
static const char *columns[N_COLUMNS] = {
  "id", "at", "actor", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash",
};

static char *folder;
static char *path;

static GBytes *template;

static void
remove_database (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  /* Every input is a new database at the same path, not the last one cut short. */
  rmm_anchor_forget (path);
}

static void
remove_folder (void)
{
  remove_database ();
  g_rmdir (folder);
}

/* An empty database, made once and copied for every input. */
static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  char *bytes;
  gsize length;

  folder = g_dir_make_tmp ("rmm-fuzz-audit-XXXXXX", NULL);
  path = g_build_filename (folder, "fuzz.sqlite", NULL);
  atexit (remove_folder);
  g_object_unref (rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error));
  g_assert_no_error (error);
  if (!g_file_get_contents (path, &bytes, &length, &error))
    g_error ("%s", error->message);
  template = g_bytes_new_take (bytes, length);
}

typedef struct
{
  const uint8_t *script;
  gsize          script_length;
  gsize          next_op;
  GPtrArray     *texts;       /* GBytes, raw */
  guint          next_text;
} Input;

static Input
split_input (const uint8_t *data,
             size_t         size)
{
  Input input = { data, size, 0, g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref),
                  0 };
  const uint8_t *end = memchr (data, 0xff, size);
  gsize start;

  if (end == NULL)
    return input;
  input.script_length = end - data;
  start = input.script_length + 1;
  while (start <= size)
    {
      const uint8_t *next = start < size ? memchr (data + start, 0xff, size - start) : NULL;
      gsize stop = next != NULL ? (gsize)(next - data) : size;

      g_ptr_array_add (input.texts, g_bytes_new (data + start, stop - start));
      start = stop + 1;
    }
  return input;
}

static int
next_op (Input *input)
{
  return input->next_op < input->script_length ? input->script[input->next_op++] : -1;
}

/* The script's next byte, or 0 past its end. */
static guint
next_byte (Input *input)
{
  int op = next_op (input);

  return op < 0 ? 0 : (guint)op;
}

static GBytes *
next_raw (Input *input)
{
  if (input->texts->len == 0)
    return g_bytes_new_static ("", 0);
  return g_bytes_ref (g_ptr_array_index (input->texts,
                                         input->next_text++ % input->texts->len));
}

/* The store is given UTF-8 (from the window, or an import that decoded it): made valid. */
static char *
next_text (Input *input)
{
  g_autoptr(GBytes) raw = next_raw (input);
  gsize length;
  const char *bytes = g_bytes_get_data (raw, &length);

  return g_utf8_make_valid (bytes ? bytes : "", length);
}

/* The newest event's payload, parsed: an object whose @member is @expected. */
static void
assert_payload (RmmStore   *store,
                const char *which,
                const char *member,
                const char *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit_event WHERE id = "
                                          "(SELECT max(id) FROM audit_event)", which);
  g_autofree char *json = rmm_store_query_text (store, sql, "audit event", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;

  g_assert_nonnull (json);
  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("the audit payload %s is not JSON (%s): %s", json, error->message, expected);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, member));
  g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
}

static void
write_events (RmmStore *store,
              Input    *input)
{
  int op;

  while ((op = next_op (input)) >= 0 && op % 5 != 4)
    {
      g_autoptr(GError) error = NULL;

      switch (op % 5)
        {
        case 0:
          {
            g_autofree char *key = next_text (input);
            g_autofree char *value = next_text (input);

            if (rmm_store_set_info (store, key, value, &error))
              assert_payload (store, "after", key, value);
          }
          break;
        case 1:
          {
            g_autofree char *name = next_text (input);

            if (rmm_store_add_area (store, name, op & 8 ? "seraf-4-category" : "surrey-3-level",
                                    &error) > 0)
              assert_payload (store, "after", "name", name);
          }
          break;
        case 2:
          {
            g_autofree char *name = next_text (input);
            g_autofree char *before = rmm_store_query_text (store, "SELECT name FROM area "
                                                                   "WHERE id = ?",
                                                            "area", 1, NULL);
            RmmField field = RMM_TEXT ("name", name);
            gint64 events = rmm_store_query_int (store, "SELECT max(id) FROM audit_event", 0,
                                                 NULL);

            if (before != NULL && rmm_store_update (store, "area", 1, &field, 1, &error))
              {
                /* The same name again is no change: nothing is recorded. */
                if (g_str_equal (before, name))
                  g_assert_cmpint (rmm_store_query_int (store, "SELECT max(id) FROM audit_event",
                                                        0, NULL), ==, events);
                else
                  {
                    assert_payload (store, "before", "name", before);
                    assert_payload (store, "after", "name", name);
                  }
              }
          }
          break;
        case 3:
        default:
          {
            g_autofree char *entity = next_text (input);
            g_autofree char *before = next_text (input);
            g_autofree char *after = next_text (input);

            g_assert_true (rmm_store_begin (store, NULL));
            g_assert_true (rmm_store_audit (store, "note", entity, op, before, after, &error));
            g_assert_true (rmm_store_commit (store, NULL));
          }
          break;
        }
    }
}

/* The trail as it is stored: each value's type and every byte. */
static char *
read_trail (sqlite3 *db)
{
  GString *trail = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, entity, entity_id, "
                                           "before, after, prev_hash, hash FROM audit_event "
                                           "ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < N_COLUMNS; i++)
        {
          const void *blob = sqlite3_column_blob (stmt, i);
          int length = sqlite3_column_bytes (stmt, i);

          g_string_append_printf (trail, "%d:%d:", sqlite3_column_type (stmt, i), length);
          g_string_append_len (trail, blob ? blob : "", length);
          g_string_append_c (trail, '\x1f');
        }
      g_string_append_c (trail, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (trail, FALSE);
}

/* One change to the trail behind the store's back, as the script says. */
static void
tamper (sqlite3 *db,
        Input   *input,
        gint64   n_events)
{
  guint kind = next_byte (input) % 4;
  gint64 id = next_byte (input) % n_events + 1;
  const char *column = columns[next_byte (input) % N_COLUMNS];
  g_autoptr(GBytes) value = next_raw (input);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (value, &length);

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_event_no_update;"
                                     "DROP TRIGGER audit_event_no_delete", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sql = kind == 3 ? g_strdup ("DELETE FROM audit_event WHERE id = ?2")
                  : g_strdup_printf ("UPDATE audit_event SET %s = ?1 WHERE id = ?2", column);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (kind == 0)
    sqlite3_bind_text (stmt, 1, bytes ? bytes : "", length, SQLITE_TRANSIENT);
  else if (kind == 1)
    sqlite3_bind_blob (stmt, 1, bytes ? bytes : "", length, SQLITE_TRANSIENT);
  else if (kind == 2)
    {
      g_autofree char *text = g_strndup (bytes ? bytes : "", length);

      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (text, NULL, 10));
    }
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_step (stmt);   /* a constraint may refuse it: then nothing changed */
  sqlite3_finalize (stmt);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Input input = split_input (data, size);
  sqlite3 *db = NULL;
  gint64 n_events;

  if (template == NULL)
    make_template ();
  remove_database ();
  if (!g_file_set_contents_full (path, g_bytes_get_data (template, NULL),
                                 g_bytes_get_size (template), G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_error ("%s", error->message);
  store = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  /* A throw-away file: no need to wait for the disk after every change. */
  g_assert_true (rmm_db_exec (rmm_store_get_db (store), "PRAGMA synchronous = OFF", NULL));

  write_events (store, &input);
  if (!rmm_store_check (store, &problems, &error))
    g_error ("a trail written by the store fails its check: %s", error->message);
  g_clear_pointer (&problems, g_ptr_array_unref);

  n_events = rmm_store_query_int (store, "SELECT count(*) FROM audit_event", 0, NULL);
  if (n_events > 0 && input.next_op < input.script_length)
    {
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      before = read_trail (db);
      tamper (db, &input, n_events);
      after = read_trail (db);
      sqlite3_close (db);

      if (g_strcmp0 (before, after) != 0 && rmm_store_check (store, &problems, NULL))
        g_error ("the audit trail was changed and still passes its check:\n%s\nnow:\n%s",
                 before, after);
    }
  g_ptr_array_unref (input.texts);
  return 0;
}
