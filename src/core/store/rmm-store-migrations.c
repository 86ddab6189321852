/* rmm-store-migrations.c: the schema, built and brought forward by data/migrations/sqlite/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migrations are forward-only SQL files numbered from 1 without gaps, compiled into the
 * core's resources. A file is marked as RMM Desk's (application_id "RMMD", user_version the
 * schema) so that another program's database is never migrated and a newer one never misread.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rmm-core-resources.h"
#include "rmm-error.h"
#include "rmm-store-private.h"

/* One folder per engine, numbered alike from 1 without gaps: data/migrations/sqlite/ for a
 * file, data/migrations/postgresql/ for a shared server (rmm-server.c). */
#define MIGRATIONS_PATH "/org/rmmdesk/RmmDesk/core/migrations"
/* PRAGMA application_id of an RMM Desk database: "RMMD". */
#define RMM_APPLICATION_ID 0x524D4D44

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The SQL of each of @engine's migrations ("sqlite", "postgresql"), in order. */
GPtrArray *
rmm_store_read_migrations (const char *engine)
{
  g_autofree char *folder = g_build_path ("/", MIGRATIONS_PATH, engine, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *scripts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) found = NULL;

  /* Referencing the resource links it in from the static library (and registers it). */
  if (rmm_core_get_resource () == NULL)
    g_error ("the core resources are missing from the build");
  found = g_resources_enumerate_children (folder, 0, NULL);
  for (guint i = 0; found != NULL && found[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (found[i]));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_path ("/", folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      /* Built in: a migration that cannot be read is a broken build, not bad input. */
      if (bytes == NULL)
        g_error ("the migration %s is missing from the build", path);
      g_ptr_array_add (scripts, g_strndup (g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes)));
    }
  return scripts;
}

static GPtrArray *
list_migrations (void)
{
  return rmm_store_read_migrations ("sqlite");
}

guint
rmm_store_get_known_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  return migrations->len;
}

/* A server's database: RMM Desk's (its schema_version table), empty (0), or another's. */
static gint64
read_server_schema_version (RmmStore  *self,
                            guint      known,
                            GError   **error)
{
  const char *where = rmm_db_get_path (rmm_store_get_db (self));
  g_autoptr(GError) local_error = NULL;
  gint64 ours, tables, version;

  /* pg_tables lists every table, whatever this login may read of them. */
  ours = rmm_store_query_int (self, "SELECT count(*) FROM pg_tables "
                                    "WHERE schemaname = current_schema () "
                                    "AND tablename = 'schema_version'", 0, error);
  tables = rmm_store_query_int (self, "SELECT count(*) FROM pg_tables "
                                      "WHERE schemaname = current_schema ()", 0, error);
  if (ours < 0 || tables < 0)
    return -1;
  if (ours == 0)
    {
      if (tables == 0)
        return 0;
      g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                   _("The database at %s holds another program’s tables, not RMM Desk’s. "
                     "Nothing was changed."), where);
      return -1;
    }
  version = rmm_store_query_int (self, "SELECT coalesce(max(version), 0) FROM schema_version",
                                 0, &local_error);
  if (local_error != NULL && local_error->code == RMM_ERROR_READ_ONLY)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("This login may not read RMM Desk’s database at %s. Its administrator "
                     "gives a login access to it."), where);
      return -1;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (version > (gint64)known)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("The database at %s was set up by a newer version of RMM Desk (schema %"
                     PRId64 "; this version knows up to %u). Update RMM Desk to open "
                     "it."), where, version, known);
      return -1;
    }
  return version;
}

/* Whose file is this? Read only: nothing is written before the answer is ours. The schema
 * version it is at (0 for an empty file), or -1 with @error. */
gint64
rmm_store_read_schema_version (RmmStore  *self,
                               GError   **error)
{
  RmmDb *db = rmm_store_get_db (self);
  gint64 n_objects, has_version, application_id, user_version, version;
  guint known = rmm_store_get_known_schema_version ();

  if (rmm_db_get_engine (db) == RMM_DB_ENGINE_POSTGRESQL)
    return read_server_schema_version (self, known, error);

  application_id = rmm_store_query_int (self, "PRAGMA application_id", 0, error);
  user_version = rmm_store_query_int (self, "PRAGMA user_version", 0, error);
  if (application_id == -1 || user_version == -1)
    return -1;
  if (application_id != 0 && application_id != RMM_APPLICATION_ID)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of RMM Desk. "
                     "Nothing was changed."), rmm_db_get_path (db));
      return -1;
    }
  if (user_version > known)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of RMM Desk (schema %" PRId64
                     "; this version knows up to %u). Update RMM Desk to open it."),
                   rmm_db_get_path (db), user_version, known);
      return -1;
    }

  n_objects = rmm_store_query_int (self, "SELECT count(*) FROM sqlite_master", 0, error);
  has_version = rmm_store_query_int (self,
                                     "SELECT count(*) FROM sqlite_master "
                                     "WHERE type = 'table' AND name = 'schema_version'",
                                     0, error);
  if (n_objects < 0 || has_version < 0)
    return -1;

  if (has_version == 0)
    {
      if (n_objects > 0)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                       _("“%s” is a database of another program, not of RMM Desk. "
                         "Nothing was changed."), rmm_db_get_path (db));
          return -1;
        }
      return 0;
    }

  version = rmm_store_query_int (self, "SELECT coalesce(max(version), 0) FROM schema_version",
                                 0, error);
  return version < 0 ? -1 : version;
}

/* Every migration after @from, and the file marked as RMM Desk's at the newest version. */
static gboolean
apply_migrations (RmmDb       *db,
                  guint        from,
                  GPtrArray   *migrations,
                  const char  *now,
                  GError     **error)
{
  if (!rmm_db_exec (db,
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    "  version    INTEGER PRIMARY KEY,"
                    "  applied_at TEXT NOT NULL)", error))
    return FALSE;

  for (guint i = from; i < migrations->len; i++)
    {
      RmmDbStmt *stmt;

      if (!rmm_db_exec (db, g_ptr_array_index (migrations, i), error))
        return FALSE;

      if (!(stmt = rmm_db_prepare (db,
                                   "INSERT INTO schema_version (version, applied_at) "
                                   "VALUES (?, ?)", error)))
        return FALSE;
      rmm_db_stmt_bind_int (stmt, 1, i + 1);
      rmm_db_stmt_bind_text (stmt, 2, now);
      if (!rmm_db_stmt_run (stmt, error))
        return FALSE;
    }

  /* Marked in the file's header too, where other tools and an older RMM Desk look first. */
  {
    g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d; "
                                             "PRAGMA user_version = %u;",
                                             RMM_APPLICATION_ID, migrations->len);
    return rmm_db_exec (db, mark, error);
  }
}

/* The schema every migration makes, built into @db (empty): what a sound file must match. */
gboolean
rmm_store_build_schema (RmmDb   *db,
                        GError **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  return apply_migrations (db, 0, migrations, "", error);
}

/* Forward-only, all in one transaction: a database is at one version or the next, never
 * half-way. A database from a newer RMM Desk is refused rather than misread. */
gboolean
rmm_store_migrate (RmmStore  *self,
                   guint     *schema_version,
                   GError   **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  g_autofree char *now = rmm_store_now (self);
  RmmDb *db = rmm_store_get_db (self);

  if (*schema_version > migrations->len)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of RMM Desk (schema %u; this "
                     "version knows up to %u). Update RMM Desk to open it."),
                   rmm_db_get_path (db), *schema_version, migrations->len);
      return FALSE;
    }
  if (*schema_version == migrations->len)
    return TRUE;

  if (!rmm_db_begin (db, error))
    return FALSE;
  if (!apply_migrations (db, *schema_version, migrations, now, error) ||
      !rmm_db_commit (db, error))
    {
      if (rmm_db_get_depth (db) > 0)
        rmm_db_rollback (db);
      return FALSE;
    }
  *schema_version = migrations->len;
  return TRUE;
}
