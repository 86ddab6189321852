/* rmm-store-replay.c: every row against its audit events: replaying a table's trail must
 * give the row as the file has it, or `rmmctl check` says which row and column differ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rmm-store-integrity-private.h"

/* Tables that record no event of their own: the trail itself, and what is derived. */
static const char * const unaudited_tables[] = {
  "audit_event", "schema_version", "agenda_cache", "agenda_fact",
};

/* One column's value as the trail has it: text (integers as decimal text) or NULL. */
typedef struct
{
  char   *value;
  gint64  event;       /* the event that set it; 0: the column's default */
} Value;

static void
value_clear (gpointer data)
{
  g_free (((Value *)data)->value);
}

/* The payloads are flat JSON objects of strings, integers and nulls, as the store writes
 * them (rmm-store.c); anything else is not a payload RMM Desk wrote. */
static gboolean
read_json_string (const char **at,
                  GString     *out)
{
  const char *p = *at;

  if (*p++ != '"')
    return FALSE;
  while (*p != '"')
    {
      if (*p == '\0')
        return FALSE;
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      switch (*p)
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, *p);
          break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            char hex[5] = { 0 };
            gunichar c;

            for (guint i = 0; i < 4; i++)
              if (!g_ascii_isxdigit (hex[i] = p[1 + i]))
                return FALSE;
            c = (gunichar)g_ascii_strtoull (hex, NULL, 16);
            if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
              return FALSE;
            g_string_append_unichar (out, c);
            p += 4;
            break;
          }
        default:
          return FALSE;
        }
      p++;
    }
  *at = p + 1;
  return TRUE;
}

/* Calls @set for each member of @json; FALSE if it is not a flat object. */
static gboolean
read_payload (const char  *json,
              void       (*set) (gpointer, const char *, const char *),
              gpointer     data)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  const char *p = json;

  if (p == NULL || *p++ != '{')
    return FALSE;
  if (*p == '}')
    return p[1] == '\0';
  for (;;)
    {
      g_string_truncate (key, 0);
      g_string_truncate (value, 0);
      if (!read_json_string (&p, key) || *p++ != ':')
        return FALSE;
      if (*p == '"')
        {
          if (!read_json_string (&p, value))
            return FALSE;
          set (data, key->str, value->str);
        }
      else if (g_str_has_prefix (p, "null"))
        {
          p += 4;
          set (data, key->str, NULL);
        }
      else
        {
          const char *start = p;

          if (*p == '-')
            p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
          g_string_append_len (value, start, p - start);
          set (data, key->str, value->str);
        }
      if (*p == '}')
        return p[1] == '\0';
      if (*p++ != ',')
        return FALSE;
    }
}

/* A table's columns, in order, with each one's default as the trail would have it. */
typedef struct
{
  const char *table;
  GPtrArray  *names;
  GPtrArray  *defaults;   /* char *, NULL for NULL */
  GHashTable *index;      /* name → position + 1 */
} Columns;

static void
columns_clear (Columns *columns)
{
  g_clear_pointer (&columns->names, g_ptr_array_unref);
  g_clear_pointer (&columns->defaults, g_ptr_array_unref);
  g_clear_pointer (&columns->index, g_hash_table_unref);
}

/* A literal default as SQLite stores it ('text', 12, NULL) as the value it gives. */
static char *
default_value (const char *sql)
{
  gsize length;

  if (sql == NULL || g_ascii_strcasecmp (sql, "NULL") == 0)
    return NULL;
  length = strlen (sql);
  if (length >= 2 && sql[0] == '\'' && sql[length - 1] == '\'')
    {
      g_autofree char *inner = g_strndup (sql + 1, length - 2);
      g_auto(GStrv) parts = g_strsplit (inner, "''", -1);

      return g_strjoinv ("'", parts);
    }
  return g_strdup (sql);
}

static gboolean
read_columns (RmmStore  *self,
              Columns   *columns,
              GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", columns->table);
  g_autoptr(GError) local_error = NULL;
  RmmDb *db = rmm_store_get_db (self);
  RmmDbStmt *stmt;

  /* A server's columns are typed and its schema compared apart: read them as the
   * migrations make them. */
  if (rmm_db_get_engine (db) != RMM_DB_ENGINE_SQLITE)
    db = rmm_store_expected_db ();
  stmt = rmm_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  columns->names = g_ptr_array_new_with_free_func (g_free);
  columns->defaults = g_ptr_array_new_with_free_func (g_free);
  columns->index = g_hash_table_new (g_str_hash, g_str_equal);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_ptr_array_add (columns->names, rmm_db_stmt_dup_text (stmt, 1));
      g_ptr_array_add (columns->defaults,
                       rmm_db_stmt_is_null (stmt, 4) ? NULL
                                                     : default_value (rmm_db_stmt_get_text (stmt, 4)));
      g_hash_table_insert (columns->index, g_ptr_array_index (columns->names, columns->names->len - 1),
                           GUINT_TO_POINTER (columns->names->len));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Replaying one row's events. */
typedef struct
{
  Columns   *columns;
  GArray    *state;        /* Value per column */
  gint64     event;
  gint64     row;
  GPtrArray *problems;
  gboolean   created;
} Replay;

static void
replay_set (gpointer    data,
            const char *column,
            const char *value)
{
  Replay *replay = data;
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (replay->columns->index, column));
  Value *slot;

  if (position == 0)
    {
      rmm_store_add_problem (replay->problems,
                   g_strdup_printf (_("audit event %" PRId64 " names a column “%s” "
                                      "that %s does not have"),
                                    replay->event, column, replay->columns->table));
      return;
    }
  slot = &g_array_index (replay->state, Value, position - 1);
  g_free (slot->value);
  slot->value = g_strdup (value);
  slot->event = replay->event;
}

static void
replay_reset (Replay *replay)
{
  g_array_set_size (replay->state, 0);
  g_array_set_size (replay->state, replay->columns->names->len);
  for (guint i = 0; i < replay->columns->names->len; i++)
    g_array_index (replay->state, Value, i).value =
      g_strdup (g_ptr_array_index (replay->columns->defaults, i));
  replay->created = FALSE;
}

static void
replay_event (Replay     *replay,
              gint64      event,
              const char *action,
              const char *after)
{
  replay->event = event;
  if (g_str_equal (action, "create"))
    {
      if (replay->created)
        rmm_store_add_problem (replay->problems,
                     g_strdup_printf (_("audit event %" PRId64 " creates %s %" PRId64
                                        " a second time"), event, replay->columns->table,
                                      replay->row));
      replay->created = TRUE;
    }
  else if (!replay->created)
    rmm_store_add_problem (replay->problems,
                 g_strdup_printf (_("audit event %" PRId64 " changes %s %" PRId64
                                    ", which no event created"), event, replay->columns->table,
                                  replay->row));
  if (!read_payload (after, replay_set, replay))
    rmm_store_add_problem (replay->problems,
                 g_strdup_printf (_("audit event %" PRId64 ": its record of the change "
                                    "is not one RMM Desk wrote"), event));
}

/* The row on @rows against what its events made it. */
static void
compare_row (Replay    *replay,
             RmmDbStmt *rows)
{
  for (guint i = 0; i < replay->columns->names->len; i++)
    {
      const char *name = g_ptr_array_index (replay->columns->names, i);
      const char *actual = rmm_db_stmt_get_text (rows, i);
      Value *expected = &g_array_index (replay->state, Value, i);

      if (g_str_equal (name, "id") || g_strcmp0 (actual, expected->value) == 0)
        continue;
      if (expected->event != 0)
        rmm_store_add_problem (replay->problems,
                     g_strdup_printf (_("%s %" PRId64 ": %s differs from audit event %"
                                        PRId64), replay->columns->table, replay->row,
                                      name, expected->event));
      else
        rmm_store_add_problem (replay->problems,
                     g_strdup_printf (_("%s %" PRId64 ": %s was changed, though no "
                                        "audit event ever set it"), replay->columns->table,
                                      replay->row, name));
    }
}

static gboolean
step (RmmDbStmt  *stmt,
      gboolean   *more,
      GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  *more = rmm_db_stmt_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Walks the table's rows and its events side by side, both in id order. */
static gboolean
replay_table (RmmStore   *self,
              Columns    *columns,
              GPtrArray  *problems,
              GError    **error)
{
  RmmDb *db = rmm_store_get_db (self);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", columns->table);
  g_autoptr(GArray) state = g_array_new (FALSE, TRUE, sizeof (Value));
  Replay replay = { .columns = columns, .state = state, .problems = problems };
  RmmDbStmt *rows, *events;
  gboolean more_rows, more_events;

  g_array_set_clear_func (state, value_clear);
  if (!(rows = rmm_db_prepare (db, sql, error)) ||
      !(events = rmm_db_prepare (db, "SELECT id, action, entity_id, after FROM audit_event "
                                     "WHERE entity = ? ORDER BY entity_id, id", error)))
    return FALSE;
  rmm_db_stmt_bind_text (events, 1, columns->table);
  if (!step (rows, &more_rows, error) || !step (events, &more_events, error))
    return FALSE;

  while ((more_rows || more_events) && problems->len < RMM_STORE_MAX_PROBLEMS)
    {
      gint64 row_id = more_rows ? rmm_db_stmt_get_int (rows, 0) : G_MAXINT64;
      gint64 event_row = more_events ? rmm_db_stmt_get_int (events, 2) : G_MAXINT64;
      gint64 first_event = more_events ? rmm_db_stmt_get_int (events, 0) : 0;

      replay.row = MIN (row_id, event_row);
      replay_reset (&replay);
      while (more_events && rmm_db_stmt_get_int (events, 2) == replay.row)
        {
          replay_event (&replay, rmm_db_stmt_get_int (events, 0),
                        rmm_db_stmt_get_text (events, 1), rmm_db_stmt_get_text (events, 3));
          if (!step (events, &more_events, error))
            return FALSE;
        }

      if (row_id > event_row)
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("%s %" PRId64 " was deleted outside RMM Desk "
                                        "(audit event %" PRId64 " created it)"),
                                      columns->table, event_row, first_event));
      else if (row_id < event_row)
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("%s %" PRId64 " has no audit event: it was "
                                        "added outside RMM Desk"), columns->table, row_id));
      else
        compare_row (&replay, rows);
      if (row_id <= event_row && !step (rows, &more_rows, error))
        return FALSE;
    }
  rmm_db_stmt_reset (rows);
  rmm_db_stmt_reset (events);
  return TRUE;
}

/* Rows keyed otherwise than by id: database_info (by key) and assessment_vulnerability (the
 * pair), each a set the trail adds to. */
typedef struct
{
  GHashTable *expected;   /* "KEY\x1fVALUE" → the event that recorded it */
  gint64      event;
  gint64      entity_id;
  const char *table;
} KeyedReplay;

static void
keyed_set (gpointer    data,
           const char *column,
           const char *value)
{
  KeyedReplay *replay = data;
  char *key;

  /* database_info's events name the key as the column, and a later value of the same key
   * replaces the earlier one; a vulnerability's name its value, and add to a set. */
  if (g_str_equal (replay->table, "database_info"))
    {
      g_autofree char *prefix = g_strdup_printf ("%s\x1f", column);
      GHashTableIter iter;
      gpointer old;

      g_hash_table_iter_init (&iter, replay->expected);
      while (g_hash_table_iter_next (&iter, &old, NULL))
        if (g_str_has_prefix (old, prefix))
          g_hash_table_iter_remove (&iter);
      key = g_strconcat (prefix, value ? value : "", NULL);
    }
  else
    key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", replay->entity_id, value ? value : "");
  g_hash_table_insert (replay->expected, key, (gpointer)(gintptr)replay->event);
}

static gboolean
replay_keyed (RmmStore    *self,
              const char  *table,
              const char  *row_sql,
              GPtrArray   *problems,
              GError     **error)
{
  RmmDb *db = rmm_store_get_db (self);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KeyedReplay replay = { .expected = expected, .table = table };
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (db, "SELECT id, action, entity_id, after FROM audit_event "
                                   "WHERE entity = ? ORDER BY id", error)))
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, table);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      replay.event = rmm_db_stmt_get_int (stmt, 0);
      replay.entity_id = rmm_db_stmt_get_int (stmt, 2);
      if (!read_payload (rmm_db_stmt_get_text (stmt, 3), keyed_set, &replay))
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("audit event %" PRId64 ": its record of the "
                                        "change is not one RMM Desk wrote"), replay.event));
    }
  if (local_error != NULL || !(stmt = rmm_db_prepare (db, row_sql, error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", rmm_db_stmt_get_text (stmt, 0),
                                              rmm_db_stmt_get_text (stmt, 1));

      if (!g_hash_table_remove (expected, key))
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("%s “%s”: no audit event recorded it: it was added "
                                        "or changed outside RMM Desk"),
                                      table, rmm_db_stmt_get_text (stmt, 0)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  {
    GHashTableIter iter;
    gpointer key, event;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, &key, &event))
      rmm_store_add_problem (problems,
                   g_strdup_printf (_("%s “%.*s”: audit event %" PRId64 " recorded it, "
                                      "and it is gone or changed"),
                                    table, (int)strcspn (key, "\x1f"), (char *)key,
                                    (gint64)(gintptr)event));
  }
  return TRUE;
}

static gboolean
is_unaudited (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (unaudited_tables); i++)
    if (g_str_equal (table, unaudited_tables[i]))
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The audited tables are RMM Desk's own, by the schema the migrations build: a table added
 * by someone else is the schema check's to name, and its name never reaches SQL here. */
void
rmm_store_check_rows_against_trail (RmmStore  *self,
                                    GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, rmm_store_expected_schema ());
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "table ") && !is_unaudited ((const char *)key + 6))
      g_ptr_array_add (tables, g_strdup ((const char *)key + 6));
  g_ptr_array_sort (tables, compare_strings);

  for (guint i = 0; error == NULL && i < tables->len && problems->len < RMM_STORE_MAX_PROBLEMS; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      Columns columns = { .table = table };

      if (g_str_equal (table, "database_info"))
        replay_keyed (self, table, "SELECT key, value FROM database_info", problems, &error);
      else if (g_str_equal (table, "assessment_vulnerability"))
        replay_keyed (self, table, "SELECT assessment_id, vulnerability "
                                   "FROM assessment_vulnerability", problems, &error);
      else if (read_columns (self, &columns, &error))
        replay_table (self, &columns, problems, &error);
      columns_clear (&columns);
    }
  if (error != NULL)
    rmm_store_add_problem (problems, g_strdup (error->message));
}
