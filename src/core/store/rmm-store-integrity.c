/* rmm-store-integrity.c: what `rmmctl check` proves about a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's own checks say the file is sound. The rest says it is what RMM Desk wrote:
 * - the schema, guards included, is exactly what the migrations make (a dropped or changed
 *   guard trigger would let a confirmed decision be rewritten);
 * - the audit trail is an unbroken hash chain;
 * - every audited row is what replaying the trail makes it: a row added, changed or deleted
 *   outside the store is named with the event it disagrees with;
 * - the trail reaches every anchor kept outside the file (rmm-store-anchors.c), so its tail
 *   cannot be cut, or the whole chain recomputed, unnoticed.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rmm-audit.h"
#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-store-integrity-private.h"

/* Adds @problem (taking it) unless there are enough to act on already; FALSE once there
 * are: a tampered file would otherwise print thousands of lines. */
gboolean
rmm_store_add_problem (GPtrArray  *problems,
                       char       *problem)
{
  if (problems->len < RMM_STORE_MAX_PROBLEMS)
    g_ptr_array_add (problems, problem);
  else
    g_free (problem);
  return problems->len < RMM_STORE_MAX_PROBLEMS;
}

static void
check_pragma (RmmStore   *self,
              const char *pragma,
              GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), pragma, &error)))
    {
      rmm_store_add_problem (problems, g_strdup (error->message));
      return;
    }
  while (rmm_db_stmt_step (stmt, &error))
    {
      const char *first = rmm_db_stmt_get_text (stmt, 0);

      if (g_str_equal (pragma, "PRAGMA integrity_check"))
        {
          if (g_strcmp0 (first, "ok") != 0)
            rmm_store_add_problem (problems, g_strdup_printf (_("integrity: %s"), first));
        }
      else
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("foreign key: %s row %" PRId64
                                        " refers to a missing %s"),
                                      first, rmm_db_stmt_get_int (stmt, 1),
                                      rmm_db_stmt_get_text (stmt, 2)));
    }
  if (error)
    rmm_store_add_problem (problems, g_strdup (error->message));
}

static void
check_audit_chain (RmmStore  *self,
                   GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_prev = g_strdup (RMM_AUDIT_GENESIS);
  RmmDbStmt *stmt;

  /* A login on a server reads only the events about what it may see: every event's place in
   * the chain is checked (audit_chain), the content of those it reads besides. */
  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT c.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, "
                         "e.after, c.prev_hash, c.hash, e.id IS NOT NULL "
                         "FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.id "
                         "ORDER BY c.id", &error);
  if (stmt == NULL)
    {
      rmm_store_add_problem (problems, g_strdup (error->message));
      return;
    }

  while (rmm_db_stmt_step (stmt, &error))
    {
      RmmAuditEvent event = {
        .id = rmm_db_stmt_get_int (stmt, 0),
        .at = rmm_db_stmt_get_text (stmt, 1),
        .actor = rmm_db_stmt_get_text (stmt, 2),
        .action = rmm_db_stmt_get_text (stmt, 3),
        .entity = rmm_db_stmt_get_text (stmt, 4),
        .entity_id = rmm_db_stmt_get_int (stmt, 5),
        .before = rmm_db_stmt_get_text (stmt, 6),
        .after = rmm_db_stmt_get_text (stmt, 7),
        .prev_hash = rmm_db_stmt_get_text (stmt, 8),
      };
      const char *stored = rmm_db_stmt_get_text (stmt, 9);
      gboolean readable = rmm_db_stmt_get_int (stmt, 10) != 0;
      g_autofree char *computed = readable ? rmm_audit_hash (&event) : g_strdup (stored);
      guint before = problems->len;

      if (g_strcmp0 (event.prev_hash, expected_prev) != 0)
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("audit event %" PRId64 " does not follow "
                                        "the event before it: an event was removed or "
                                        "inserted"), event.id));
      if (g_strcmp0 (computed, stored) != 0)
        rmm_store_add_problem (problems,
                     g_strdup_printf (_("audit event %" PRId64 ": hash does not "
                                        "match, the event was changed"), event.id));
      g_free (expected_prev);
      expected_prev = g_strdup (stored);

      /* One broken link is enough to name; the rest would only repeat it. */
      if (problems->len > before)
        {
          rmm_db_stmt_reset (stmt);
          return;
        }
    }
  if (error)
    rmm_store_add_problem (problems, g_strdup (error->message));
}

/* The hash covers each event as `check` reads it: a text up to its first NUL, entity_id as a
 * number. So every event must also be stored as the store writes it — integers as integers,
 * texts as texts without a NUL — or bytes past a NUL, or entity_id 3 turned into '3 extra',
 * would pass unseen. */
static void
check_audit_storage (RmmStore  *self,
                     GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  RmmDbStmt *stmt;

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT id FROM audit_event WHERE "
                         "typeof(id) <> 'integer' OR typeof(entity_id) <> 'integer' OR "
                         "typeof(at) <> 'text' OR typeof(actor) <> 'text' OR "
                         "typeof(action) <> 'text' OR typeof(entity) <> 'text' OR "
                         "typeof(before) <> 'text' OR typeof(after) <> 'text' OR "
                         "typeof(prev_hash) <> 'text' OR typeof(hash) <> 'text' OR "
                         "instr(CAST(at AS BLOB), x'00') OR instr(CAST(actor AS BLOB), x'00') OR "
                         "instr(CAST(action AS BLOB), x'00') OR "
                         "instr(CAST(entity AS BLOB), x'00') OR "
                         "instr(CAST(before AS BLOB), x'00') OR "
                         "instr(CAST(after AS BLOB), x'00') OR "
                         "instr(CAST(prev_hash AS BLOB), x'00') OR "
                         "instr(CAST(hash AS BLOB), x'00') "
                         "ORDER BY id", &error);
  if (stmt == NULL)
    {
      rmm_store_add_problem (problems, g_strdup (error->message));
      return;
    }
  while (rmm_db_stmt_step (stmt, &error))
    if (!rmm_store_add_problem (problems,
                      g_strdup_printf (_("audit event %" PRId64 " is not stored as RMM "
                                         "Desk writes it: it was changed"),
                                       rmm_db_stmt_get_int (stmt, 0))))
      {
        rmm_db_stmt_reset (stmt);
        return;
      }
  if (error != NULL)
    rmm_store_add_problem (problems, g_strdup (error->message));
}

/* ---- the schema, guards included ---- */

/* Every schema object (type, name) → its SQL, as the file has it. */
static GHashTable *
read_schema (RmmDb   *db,
             GError **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                                   "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error)))
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    g_hash_table_insert (objects,
                         g_strdup_printf ("%s %s", rmm_db_stmt_get_text (stmt, 0),
                                          rmm_db_stmt_get_text (stmt, 1)),
                         rmm_db_stmt_dup_text (stmt, 2));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* The schema the migrations make, in a private SQLite database in memory, built once: the
 * same for every database of this version, on a file or on a server. */
RmmDb *
rmm_store_expected_db (void)
{
  static RmmDb *db;

  if (g_once_init_enter (&db))
    {
      g_autoptr(GError) error = NULL;
      RmmDb *built = rmm_db_open_memory (&error);

      if (built == NULL || !rmm_store_build_schema (built, &error))
        g_error ("the built-in migrations do not build: %s", error->message);
      g_once_init_leave (&db, built);
    }
  return db;
}

/* Every object of that schema (type, name) → its SQL. */
GHashTable *
rmm_store_expected_schema (void)
{
  static GHashTable *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GError) error = NULL;
      GHashTable *objects = read_schema (rmm_store_expected_db (), &error);

      if (objects == NULL)
        g_error ("the built-in schema cannot be read: %s", error->message);
      g_once_init_leave (&schema, objects);
    }
  return schema;
}

static char *
describe_object (const char *key)
{
  const char *space = strchr (key, ' ');

  return g_strdup_printf ("%.*s “%s”", (int)(space - key), key, space + 1);
}

/* Adds a sentence for each schema object missing, changed or added; returns how many. */
static guint
compare_schema (RmmStore  *self,
                GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) actual = read_schema (rmm_store_get_db (self), &error);
  GHashTable *expected = rmm_store_expected_schema ();
  GHashTableIter iter;
  gpointer key, sql;
  guint found = 0;

  if (actual == NULL)
    {
      rmm_store_add_problem (problems, g_strdup (error->message));
      return 1;
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &sql))
    {
      const char *there = g_hash_table_lookup (actual, key);
      g_autofree char *what = describe_object (key);

      if (there == NULL)
        found++, rmm_store_add_problem (problems, g_strdup_printf (_("schema: the %s is missing"), what));
      else if (!g_str_equal (there, sql))
        found++, rmm_store_add_problem (problems, g_strdup_printf (_("schema: the %s was changed"), what));
    }
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      {
        g_autofree char *what = describe_object (key);

        found++;
        rmm_store_add_problem (problems, g_strdup_printf (_("schema: the %s is not RMM Desk’s"), what));
      }
  return found;
}

/* ---- on a server: the same objects, guards enabled, keys validated ---- */

/* A server's tables, views, indexes and enabled triggers (not internal ones, not the
 * notifier), as "type name" like read_schema(); the value is unused. */
static GHashTable *
read_server_schema (RmmDb   *db,
                    GError **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (db,
                               "SELECT CASE table_type WHEN 'VIEW' THEN 'view' "
                               "       ELSE 'table' END, table_name "
                               "FROM information_schema.tables "
                               "WHERE table_schema = current_schema () "
                               "UNION ALL "
                               "SELECT 'index', i.relname FROM pg_index x "
                               "JOIN pg_class i ON i.oid = x.indexrelid "
                               "JOIN pg_class t ON t.oid = x.indrelid "
                               "WHERE t.relnamespace = current_schema ()::regnamespace "
                               "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                               "                WHERE c.conindid = x.indexrelid) "
                               "UNION ALL "
                               "SELECT 'trigger', g.tgname FROM pg_trigger g "
                               "JOIN pg_class t ON t.oid = g.tgrelid "
                               "WHERE t.relnamespace = current_schema ()::regnamespace "
                               "AND NOT g.tgisinternal AND g.tgenabled <> 'D' "
                               "AND g.tgname <> 'audit_event_notify'", error)))
    return NULL;
  while (rmm_db_stmt_step (stmt, &local_error))
    g_hash_table_add (objects, g_strdup_printf ("%s %s", rmm_db_stmt_get_text (stmt, 0),
                                                rmm_db_stmt_get_text (stmt, 1)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* The server's own guards, beside SQLite's: the trail's actor is the login that wrote it,
 * each event follows the chain, and a decision's confirmations name the logins that gave
 * them (data/server/privileges.sql). */
static const char * const server_guards[] = { "trigger audit_event_actor_is_login",
                                               "trigger audit_event_follows_chain",
                                               "trigger decision_confirmed_by_login" };

static guint
add_missing (GPtrArray  *problems,
             const char *key)
{
  g_autofree char *what = describe_object (key);

  rmm_store_add_problem (problems, g_strdup_printf (_("schema: the %s is missing or disabled"),
                                                    what));
  return 1;
}

/* Adds a sentence for each table, index or guard missing (or disabled) on the server, and
 * each foreign key not validated; returns how many. The server enforces the rest itself. */
static guint
compare_server_schema (RmmStore  *self,
                       GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) actual = read_server_schema (rmm_store_get_db (self), &error);
  GHashTable *expected = rmm_store_expected_schema ();
  GHashTableIter iter;
  gpointer key;
  RmmDbStmt *stmt;
  guint found = 0;

  if (actual == NULL)
    {
      rmm_store_add_problem (problems, g_strdup (error->message));
      return 1;
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      found += add_missing (problems, key);
  for (guint i = 0; i < G_N_ELEMENTS (server_guards); i++)
    if (!g_hash_table_contains (actual, server_guards[i]))
      found += add_missing (problems, server_guards[i]);
  if ((stmt = rmm_db_prepare (rmm_store_get_db (self),
                              "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                              "WHERE contype = 'f' AND NOT convalidated "
                              "AND connamespace = current_schema ()::regnamespace", &error)))
    while (rmm_db_stmt_step (stmt, &error))
      {
        found++;
        rmm_store_add_problem (problems,
                               g_strdup_printf (_("foreign key: “%s” on %s is not validated"),
                                                rmm_db_stmt_get_text (stmt, 1),
                                                rmm_db_stmt_get_text (stmt, 0)));
      }
  if (error != NULL)
    found++, rmm_store_add_problem (problems, g_strdup (error->message));
  return found;
}

static gboolean
is_on_server (RmmStore *self)
{
  return rmm_db_get_engine (rmm_store_get_db (self)) == RMM_DB_ENGINE_POSTGRESQL;
}

/**
 * rmm_store_check_schema:
 *
 * Is the schema, with every guard trigger, the one the migrations make? NULL when it is;
 * otherwise what differs first, as a sentence. Run at every open: a file whose guards are
 * gone is not written to.
 */
char *
rmm_store_check_schema (RmmStore *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if ((is_on_server (self) ? compare_server_schema (self, problems)
                            : compare_schema (self, problems)) == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (problems, 0));
}

/* ---- anchors ---- */

static void
check_anchors (RmmStore  *self,
               GPtrArray *anchors,
               GPtrArray *problems)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!rmm_store_reaches_anchor (self, g_ptr_array_index (anchors, i), &error))
        rmm_store_add_problem (problems, g_strdup (error->message));
    }
}

/**
 * rmm_store_check_against:
 * @anchors: (element-type RmmAnchor) (nullable): anchors the caller holds, such as the seal
 *   printed on signed-off minutes, besides those kept outside the file
 * @problems: (out) (optional): every problem found, as a sentence each
 *
 * integrity_check, foreign_key_check, the schema and its guards, the audit chain, every
 * audited row against the trail, and the trail against every anchor. TRUE when all are
 * clean.
 */
gboolean
rmm_store_check_against (RmmStore   *self,
                         GPtrArray  *anchors,
                         GPtrArray **problems,
                         GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) known = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (is_on_server (self))
    /* The server keeps its pages, foreign keys and column types itself. */
    compare_server_schema (self, found);
  else
    {
      check_pragma (self, "PRAGMA integrity_check", found);
      check_pragma (self, "PRAGMA foreign_key_check", found);
      compare_schema (self, found);
      check_audit_storage (self, found);
    }
  check_audit_chain (self, found);
  rmm_store_check_rows_against_trail (self, found);
  known = rmm_store_list_anchors (self);
  check_anchors (self, known, found);
  if (anchors != NULL)
    check_anchors (self, anchors, found);

  if (found->len > 0)
    g_set_error (error, RMM_ERROR, RMM_ERROR_CHECK_FAILED, _("“%s” failed its check: %s"),
                 rmm_store_get_path (self), (char *)g_ptr_array_index (found, 0));
  if (problems)
    *problems = g_ptr_array_ref (found);
  return found->len == 0;
}

gboolean
rmm_store_check (RmmStore   *self,
                 GPtrArray **problems,
                 GError    **error)
{
  return rmm_store_check_against (self, NULL, problems, error);
}
