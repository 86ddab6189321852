/* rmm-store-rows.c: the one writer of rows, each change with its audit event, and the
 * repositories' small readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Repositories describe a row as RmmFields; rmm_store_insert() and rmm_store_update() write
 * it and append the audit event that records it (before and after as flat JSON, the form
 * rmm_store_check() replays), in the caller's transaction or one of their own. The
 * database's own settings are written the same way.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rmm-error.h"
#include "rmm-store-private.h"

static void
append_json_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString        *out,
                    const RmmField *field,
                    gboolean        first)
{
  if (!first)
    g_string_append_c (out, ',');
  append_json_string (out, field->column);
  g_string_append_c (out, ':');
  if (field->type == RMM_FIELD_TEXT && field->text != NULL)
    append_json_string (out, field->text);
  else if (field->type == RMM_FIELD_TEXT || (field->type == RMM_FIELD_REF && field->number == 0))
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, field->number);
}

/* An audit event's payload: the fields as one flat JSON object. */
char *
rmm_store_fields_to_json (const RmmField *fields,
                          guint           n_fields)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < n_fields; i++)
    append_json_member (out, &fields[i], i == 0);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static void
bind_field (RmmDbStmt      *stmt,
            int             index,
            const RmmField *field)
{
  switch (field->type)
    {
    case RMM_FIELD_TEXT:
      rmm_db_stmt_bind_text (stmt, index, field->text);
      break;
    case RMM_FIELD_REF:
      if (field->number == 0)
        {
          rmm_db_stmt_bind_null (stmt, index);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case RMM_FIELD_INT:
    default:
      rmm_db_stmt_bind_int (stmt, index, field->number);
      break;
    }
}

/* Run @write in a transaction of its own unless one is open; the caller of an open
 * transaction rolls it back on failure. */
static gboolean
begin_if_needed (RmmStore  *self,
                 gboolean  *began,
                 GError   **error)
{
  *began = rmm_db_get_depth (rmm_store_get_db (self)) == 0;
  return !*began || rmm_store_begin (self, error);
}

static gboolean
finish (RmmStore  *self,
        gboolean   began,
        gboolean   ok,
        GError   **error)
{
  return began ? rmm_store_end (self, ok, error) : ok;
}

static gint64
insert_row (RmmStore        *self,
            const char      *table,
            const RmmField  *fields,
            guint            n_fields,
            GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *after = NULL;
  RmmDbStmt *stmt;
  gint64 id;

  /* Built for every row of an import: plain appends, no printf. */
  g_string_append (sql, table);
  g_string_append (sql, " (");
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, fields[i].column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n_fields; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append_c (sql, ')');

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql->str, error)))
    return 0;
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 1, &fields[i]);
  if (!(id = rmm_db_stmt_insert (stmt, error)))
    return 0;

  after = rmm_store_fields_to_json (fields, n_fields);
  if (!rmm_store_audit (self, "create", table, id, NULL, after, error) ||
      !rmm_store_forget_agenda_facts (self, table, id, error))
    return 0;
  rmm_store_queue_change (self, table, id);
  return id;
}

/* Insert a row and its audit event in one transaction. Returns the new id, or 0. */
gint64
rmm_store_insert (RmmStore        *self,
                  const char      *table,
                  const RmmField  *fields,
                  guint            n_fields,
                  GError         **error)
{
  gboolean began;
  gint64 id;

  if (!begin_if_needed (self, &began, error))
    return 0;
  id = insert_row (self, table, fields, n_fields, error);
  if (!finish (self, began, id != 0, error))
    return 0;
  return id;
}

/* The row's current values of the given columns, as JSON, for the audit's "before". */
static char *
read_before (RmmStore        *self,
             const char      *table,
             gint64           id,
             const RmmField  *fields,
             guint            n_fields,
             GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  GString *json;
  RmmDbStmt *stmt;

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", fields[i].column);
  g_string_append_printf (sql, " FROM %s WHERE id = ?", table);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql->str, error)))
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, id);
  if (!rmm_store_step_row (stmt, table, id, error))
    return NULL;

  json = g_string_new ("{");
  for (guint i = 0; i < n_fields; i++)
    {
      RmmField value = { fields[i].column, RMM_FIELD_TEXT, NULL, 0 };

      if (!rmm_db_stmt_is_null (stmt, i) && fields[i].type != RMM_FIELD_TEXT)
        {
          value.type = RMM_FIELD_INT;
          value.number = rmm_db_stmt_get_int (stmt, i);
        }
      else
        value.text = rmm_db_stmt_get_text (stmt, i);
      append_json_member (json, &value, i == 0);
    }
  g_string_append_c (json, '}');
  rmm_db_stmt_reset (stmt);
  return g_string_free (json, FALSE);
}

static gboolean
update_row (RmmStore        *self,
            const char      *table,
            gint64           id,
            const RmmField  *fields,
            guint            n_fields,
            GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE ");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RmmDbStmt *stmt;

  if (!(before = read_before (self, table, id, fields, n_fields, error)))
    return FALSE;
  /* A change to what is already there is no change: the trail records only real ones. */
  after = rmm_store_fields_to_json (fields, n_fields);
  if (g_str_equal (before, after))
    return TRUE;

  g_string_append_printf (sql, "%s SET ", table);
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, "%s%s = ?", i ? ", " : "", fields[i].column);
  /* The row is there (read above), so no row changed is the server's row policies keeping
   * it from this login (what its role may change): said so, and nothing recorded. */
  g_string_append (sql, " WHERE id = ? RETURNING id");

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql->str, error)))
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 1, &fields[i]);
  rmm_db_stmt_bind_int (stmt, n_fields + 1, id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                     _("The server does not allow this login to change this record."));
      return FALSE;
    }
  rmm_db_stmt_reset (stmt);

  if (!rmm_store_audit (self, "update", table, id, before, after, error) ||
      !rmm_store_forget_agenda_facts (self, table, id, error))
    return FALSE;
  rmm_store_queue_change (self, table, id);
  return TRUE;
}

/* Change some columns of one row, auditing before and after, in one transaction. */
gboolean
rmm_store_update (RmmStore        *self,
                  const char      *table,
                  gint64           id,
                  const RmmField  *fields,
                  guint            n_fields,
                  GError         **error)
{
  gboolean began;
  gboolean ok;

  if (!begin_if_needed (self, &began, error))
    return FALSE;
  ok = update_row (self, table, id, fields, n_fields, error);
  return finish (self, began, ok, error);
}

/* Marks a row of @table (network_member, list_recipient) removed now: never deleted, so
 * the record of what was sent to them still names them. Audited. FALSE with @error, saying
 * @not_found, when there is no such row or it is removed already. */
gboolean
rmm_store_mark_removed (RmmStore    *self,
                        const char  *table,
                        gint64       id,
                        const char  *not_found,
                        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s "
                                          "WHERE id = ? AND removed_at IS NULL", table);
  g_autofree char *now = NULL;
  gint64 current = rmm_store_query_int (self, sql, id, error);

  if (current <= 0)
    {
      if (current == 0)
        g_set_error_literal (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = { RMM_TEXT ("removed_at", now) };

    return rmm_store_update (self, table, id, fields, G_N_ELEMENTS (fields), error);
  }
}

/* The database's own settings (database_info): the protective marking, whether it is a
 * demo. Set like any row: audited. */
char *
rmm_store_get_info (RmmStore   *self,
                    const char *key)
{
  RmmDbStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self), "SELECT value FROM database_info WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, key);
  if (rmm_db_stmt_step (stmt, NULL))
    {
      value = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  return value;
}

gboolean
rmm_store_set_info (RmmStore    *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_autofree char *after = NULL;
  gboolean began;
  RmmDbStmt *stmt;
  RmmField field = RMM_TEXT (key, value);
  gboolean ok;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!begin_if_needed (self, &began, error))
    return FALSE;
  ok = (stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "INSERT INTO database_info (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error)) != NULL;
  if (ok)
    {
      rmm_db_stmt_bind_text (stmt, 1, key);
      rmm_db_stmt_bind_text (stmt, 2, value);
      after = rmm_store_fields_to_json (&field, 1);
      ok = rmm_db_stmt_run (stmt, error) &&
           rmm_store_audit (self, "set", "database_info", 0, NULL, after, error);
    }
  return finish (self, began, ok, error);
}

gboolean
rmm_store_is_demo (RmmStore *self)
{
  g_autofree char *demo = rmm_store_get_info (self, "demo");

  return g_strcmp0 (demo, "true") == 0;
}

gint64
rmm_store_query_int (RmmStore    *self,
                     const char  *sql,
                     gint64       param,
                     GError     **error)
{
  RmmDbStmt *stmt;
  g_autoptr(GError) local_error = NULL;
  gint64 value = 0;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error)))
    return -1;
  if (strchr (sql, '?'))
    rmm_db_stmt_bind_int (stmt, 1, param);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      value = rmm_db_stmt_get_int (stmt, 0);
      rmm_db_stmt_reset (stmt);
    }
  else if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return value;
}

/* The one text of the row @sql selects by @id ("There is no @what with id @id." if none);
 * free it. */
char *
rmm_store_query_text (RmmStore    *self,
                      const char  *sql,
                      const char  *what,
                      gint64       id,
                      GError     **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error);
  char *text;

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, id);
  if (!rmm_store_step_row (stmt, what, id, error))
    return NULL;
  text = g_strdup (rmm_db_stmt_get_text (stmt, 0));
  rmm_db_stmt_reset (stmt);
  return text;
}

/* Step to the one row a lookup by id returns. FALSE with @error set when it fails, or when
 * there is no such row ("There is no @what with id @id."). */
gboolean
rmm_store_step_row (RmmDbStmt   *stmt,
                    const char  *what,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (rmm_db_stmt_step (stmt, &local_error))
    return TRUE;
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("There is no %s with id %" PRId64 "."), _(what), id);
  return FALSE;
}

/* Every row of @stmt (prepared and bound) as an object of @item_type, in order. */
GListModel *
rmm_store_collect (RmmDbStmt   *stmt,
                   GType        item_type,
                   RmmRowFunc   from_row,
                   GError     **error)
{
  g_autoptr(GListStore) items = g_list_store_new (item_type);
  g_autoptr(GError) local_error = NULL;

  while (rmm_db_stmt_step (stmt, &local_error))
    {
      g_autoptr(GObject) item = from_row (stmt);
      g_list_store_append (items, item);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&items));
}

/* Every row of @stmt (prepared and bound) read by @read_row, in order, in an array that
 * frees them with @free_row; NULL with @error if stepping failed. */
GPtrArray *
rmm_store_collect_rows (RmmDbStmt       *stmt,
                        RmmRowReader     read_row,
                        GDestroyNotify   free_row,
                        GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GError) local_error = NULL;

  while (rmm_db_stmt_step (stmt, &local_error))
    g_ptr_array_add (rows, read_row (stmt));
  if (!rmm_store_finish_rows (g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* The end of a loop over rows: TRUE if it ran out of rows, FALSE (passing @local_error on)
 * if stepping failed. */
gboolean
rmm_store_finish_rows (GError  *local_error,
                       GError **error)
{
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, local_error);
  return FALSE;
}
