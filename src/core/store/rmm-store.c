/* rmm-store.c: opening, migrations, transactions, the audit trail, check and backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rmm-audit.h"
#include "rmm-core-resources.h"
#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-store-private.h"

#define MIGRATIONS_PATH "/org/rmmdesk/RmmDesk/core/migrations"
/* PRAGMA application_id of an RMM Desk database: "RMMD". */
#define RMM_APPLICATION_ID 0x524D4D44
/* Without a wait function, a change waits this long for another process's write lock. */
#define LOCK_PATIENCE_US (10 * 60 * G_USEC_PER_SEC)
#define LOCK_RETRY_US (100 * 1000)
/* More queued changes than this are announced as one "everything changed". */
#define MAX_QUEUED_CHANGES 256

typedef struct
{
  char   *entity;
  gint64  id;
} Change;

struct _RmmStore
{
  GObject     parent_instance;

  RmmDb      *db;
  char       *actor;
  GDateTime  *clock;           /* fixed "now" for demo history and tests; NULL: real time */
  GArray     *pending;         /* Change, announced after the outermost commit */
  gboolean    pending_overflow;
  gint64      data_version;
  guint       schema_version;
  RmmTriggerRules *trigger_rules;  /* loaded when a fact is first recorded */
  GStatBuf    file;            /* the database file as opened: is it still there? */
  char       *read_only;       /* why this session may not write, or NULL */
  gboolean    check_pending;   /* the quick check is still owed before the first write */
  GThread    *check_thread;    /* the quick check at open, when it runs in the background */
  gint        check_done;      /* atomic: the thread has finished */
  GError     *check_error;     /* what it found, set by the thread before check_done */
  char       *damage;          /* why the file is damaged, once known, with what to do */
  gboolean    wrote;           /* this session committed a change: its head is worth noting */
  gint64      head_id;         /* the audit trail's newest event while a transaction writes */
  char       *head_hash;       /* (nobody else can append then); 0/NULL: read it again */
  RmmStoreWaitFunc wait_func;  /* while another process holds the write lock */
  gboolean    waiting;         /* a change is in the wait function (which may run the loop) */
  gpointer    wait_data;
  GDestroyNotify wait_data_free;
};

G_DEFINE_FINAL_TYPE (RmmStore, rmm_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_clear (gpointer data)
{
  g_free (((Change *)data)->entity);
}

static void
rmm_store_finalize (GObject *object)
{
  RmmStore *self = (RmmStore *)object;

  if (self->check_thread != NULL)
    g_thread_join (g_steal_pointer (&self->check_thread));
  if (self->wrote && self->db != NULL)
    rmm_store_remember_head (self);
  g_clear_error (&self->check_error);
  g_clear_pointer (&self->damage, g_free);
  g_clear_pointer (&self->head_hash, g_free);
  if (self->wait_data_free != NULL)
    g_clear_pointer (&self->wait_data, self->wait_data_free);
  g_clear_object (&self->db);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_object (&self->trigger_rules);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (rmm_store_parent_class)->finalize (object);
}

static void
rmm_store_class_init (RmmStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_store_finalize;

  /**
   * RmmStore::changed:
   * @entity: the table that changed, or "*" when too much changed to list
   * @id: the row's id, or 0
   *
   * Emitted after a change is committed, by this process or (from rmm_store_poll())
   * by another process writing to the same file.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_STRING, G_TYPE_INT64);
}

static void
rmm_store_init (RmmStore *self)
{
  self->actor = g_strdup (g_get_user_name ());
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (self->pending, change_clear);
}

char *
rmm_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rmm-desk", "rmm.sqlite", NULL);
}

char *
rmm_store_default_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rmm-desk", "demo.sqlite", NULL);
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

  if (!(stmt = rmm_db_prepare (self->db, sql, error)))
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
  RmmDbStmt *stmt = rmm_db_prepare (self->db, sql, error);
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
                 _("There is no %s with id %" G_GINT64_FORMAT "."), what, id);
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Migrations are data/migrations/NNNN-what.sql, numbered from 1 without gaps. */
static GPtrArray *
list_migrations (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = NULL;

  /* Referencing the resource links it in from the static library (and registers it). */
  if (rmm_core_get_resource () == NULL)
    g_error ("the core resources are missing from the build");
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

guint
rmm_store_get_known_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  return migrations->len;
}

/* Whose file is this? Read only: nothing is written before the answer is ours. */
static gboolean
read_schema_version (RmmStore  *self,
                     GError   **error)
{
  gint64 n_objects, has_version, application_id, user_version;
  guint known = rmm_store_get_known_schema_version ();

  application_id = rmm_store_query_int (self, "PRAGMA application_id", 0, error);
  user_version = rmm_store_query_int (self, "PRAGMA user_version", 0, error);
  if (application_id == -1 || user_version == -1)
    return FALSE;
  if (application_id != 0 && application_id != RMM_APPLICATION_ID)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of RMM Desk. "
                     "Nothing was changed."), rmm_db_get_path (self->db));
      return FALSE;
    }
  if (user_version > known)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of RMM Desk (schema %" G_GINT64_FORMAT
                     "; this version knows up to %u). Update RMM Desk to open it."),
                   rmm_db_get_path (self->db), user_version, known);
      return FALSE;
    }

  n_objects = rmm_store_query_int (self, "SELECT count(*) FROM sqlite_master", 0, error);
  has_version = rmm_store_query_int (self,
                                     "SELECT count(*) FROM sqlite_master "
                                     "WHERE type = 'table' AND name = 'schema_version'",
                                     0, error);
  if (n_objects < 0 || has_version < 0)
    return FALSE;

  if (has_version == 0)
    {
      if (n_objects > 0)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_FOREIGN,
                       _("“%s” is a database of another program, not of RMM Desk. "
                         "Nothing was changed."), rmm_db_get_path (self->db));
          return FALSE;
        }
      self->schema_version = 0;
      return TRUE;
    }

  self->schema_version = rmm_store_query_int (self,
                                              "SELECT coalesce(max(version), 0) "
                                              "FROM schema_version", 0, error);
  return self->schema_version != (guint)-1;
}

static gboolean
apply_migrations (RmmStore   *self,
                  GPtrArray  *migrations,
                  GError    **error)
{
  g_autofree char *now = rmm_store_now (self);

  if (!rmm_db_exec (self->db,
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    "  version    INTEGER PRIMARY KEY,"
                    "  applied_at TEXT NOT NULL)", error))
    return FALSE;

  for (guint i = self->schema_version; i < migrations->len; i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH,
                                            g_ptr_array_index (migrations, i), NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autofree char *sql = NULL;
      RmmDbStmt *stmt;

      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!rmm_db_exec (self->db, sql, error))
        return FALSE;

      if (!(stmt = rmm_db_prepare (self->db,
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
    return rmm_db_exec (self->db, mark, error);
  }
}

/* The schema every migration makes, built into @db (empty): what a sound file must match. */
gboolean
rmm_store_build_schema (RmmDb   *db,
                        GError **error)
{
  g_autoptr(RmmStore) fresh = g_object_new (RMM_TYPE_STORE, NULL);
  g_autoptr(GPtrArray) migrations = list_migrations ();

  fresh->db = g_object_ref (db);
  return apply_migrations (fresh, migrations, error);
}

/* Forward-only, all in one transaction: a database is at one version or the next, never
 * half-way. A database from a newer RMM Desk is refused rather than misread. */
static gboolean
migrate (RmmStore  *self,
         GError   **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (self->schema_version > migrations->len)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of RMM Desk (schema %u; this "
                     "version knows up to %u). Update RMM Desk to open it."),
                   rmm_db_get_path (self->db), self->schema_version, migrations->len);
      return FALSE;
    }
  if (self->schema_version == migrations->len)
    return TRUE;

  if (!rmm_db_begin (self->db, error))
    return FALSE;
  if (!apply_migrations (self, migrations, error) || !rmm_db_commit (self->db, error))
    {
      if (rmm_db_get_depth (self->db) > 0)
        rmm_db_rollback (self->db);
      return FALSE;
    }
  self->schema_version = migrations->len;
  return TRUE;
}

/* A damaged file: say what a restore would lose, never only "restore it". */
static void
add_restore_advice (GError     **error,
                    const char  *path)
{
  g_autofree char *advice = NULL;
  char *message;

  if (error == NULL || *error == NULL || (*error)->code != RMM_ERROR_NOT_DATABASE)
    return;
  advice = rmm_store_describe_restore (path);
  message = g_strdup_printf ("%s %s", (*error)->message, advice);
  g_free ((*error)->message);
  (*error)->message = message;
}

static gpointer
quick_check_thread (gpointer data)
{
  RmmStore *self = data;
  g_autoptr(RmmDb) db = rmm_db_open (rmm_db_get_path (self->db), RMM_DB_OPEN_EXISTING,
                                     &self->check_error);

  if (db != NULL)
    rmm_db_quick_check (db, &self->check_error);
  add_restore_advice (&self->check_error, rmm_db_get_path (self->db));
  g_atomic_int_set (&self->check_done, TRUE);
  return NULL;
}

static void
note_check_result (RmmStore *self,
                   GError   *error)
{
  if (error != NULL && error->code == RMM_ERROR_NOT_DATABASE && self->damage == NULL)
    self->damage = g_strdup (error->message);
}

/* The quick check owed before the first write: joins the background one (waiting for it if
 * @wait), or, when @wait, runs it here. */
static void
finish_quick_check (RmmStore *self,
                    gboolean  wait)
{
  if (self->check_thread != NULL && (wait || g_atomic_int_get (&self->check_done)))
    {
      g_thread_join (g_steal_pointer (&self->check_thread));
      note_check_result (self, self->check_error);
      g_clear_error (&self->check_error);
    }
  else if (self->check_pending && wait)
    {
      g_autoptr(GError) error = NULL;

      if (!rmm_db_quick_check (self->db, &error))
        {
          add_restore_advice (&error, rmm_db_get_path (self->db));
          note_check_result (self, error);
        }
    }
  if (wait)
    self->check_pending = FALSE;
}

/* Whether a write now would not wait for the quick check owed at open: it has finished in
 * the background, or none is owed. */
gboolean
rmm_store_is_checked (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (self->check_thread != NULL)
    return g_atomic_int_get (&self->check_done);
  return !self->check_pending;
}

/**
 * rmm_store_get_damage:
 *
 * Why the file is damaged, with what a restore would lose, once that is known (the
 * background check at open found it, or SQLite met a damaged page since); NULL otherwise.
 * Never waits. A damaged file is read, never written.
 */
const char *
rmm_store_get_damage (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  finish_quick_check (self, FALSE);
  if (self->damage == NULL && rmm_db_is_damaged (self->db))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, RMM_ERROR, RMM_ERROR_NOT_DATABASE,
                   _("“%s” is damaged: SQLite found a damaged page while reading it. Nothing "
                     "more will be written to it."), rmm_db_get_path (self->db));
      add_restore_advice (&error, rmm_db_get_path (self->db));
      self->damage = g_strdup (error->message);
    }
  return self->damage;
}

/* Is it ours, sound, current? Nothing is written before the first two are known: the
 * quick check reads the whole file (over a second for 20,000 children), so it runs now only
 * when opening must write (a migration, the switch to WAL); otherwise in the background
 * (the app) or before the first change (rmmctl), and a session that only reads never waits. */
static gboolean
prepare (RmmStore           *self,
         RmmStoreOpenFlags   flags,
         GError            **error)
{
  gboolean created = rmm_db_get_created (self->db);
  gboolean writes_now;

  if (!read_schema_version (self, error))
    return FALSE;
  writes_now = self->schema_version < rmm_store_get_known_schema_version () ||
               !rmm_db_is_in_wal_mode (self->db);

  if (!created && writes_now)
    {
      if (!rmm_db_quick_check (self->db, error))
        {
          add_restore_advice (error, rmm_db_get_path (self->db));
          return FALSE;
        }
    }
  else if (!created && (flags & RMM_STORE_OPEN_CHECK_IN_BACKGROUND))
    self->check_thread = g_thread_new ("rmm-quick-check", quick_check_thread, self);
  else if (!created)
    self->check_pending = TRUE;

  if (!rmm_db_enable_writing (self->db, error) || !migrate (self, error))
    return FALSE;

  /* A file whose guards were dropped or changed would let history be rewritten: read it,
   * never write to it. */
  {
    g_autofree char *schema = rmm_store_check_schema (self);

    if (schema != NULL)
      self->read_only = g_strdup_printf (_("RMM Desk will not write to “%s”: its %s. Run "
                                           "“rmmctl check” on it and ask for help."),
                                         rmm_db_get_path (self->db), schema);
  }
  if (created)
    rmm_anchor_forget (rmm_db_get_path (self->db));
  else if (self->read_only == NULL)
    rmm_store_remember_head (self);
  return TRUE;
}

RmmStore *
rmm_store_open (const char         *path,
                RmmStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(RmmStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RMM_TYPE_STORE, NULL);
  self->db = rmm_db_open (path,
                          (flags & RMM_STORE_OPEN_CREATE) ? RMM_DB_OPEN_CREATE
                                                          : RMM_DB_OPEN_EXISTING,
                          error);
  if (self->db == NULL)
    {
      add_restore_advice (error, path);
      return NULL;
    }

  if (!prepare (self, flags, error))
    {
      gboolean created = rmm_db_get_created (self->db);

      if (self->check_thread != NULL)
        g_thread_join (g_steal_pointer (&self->check_thread));
      rmm_db_close (self->db);
      if (created)
        g_unlink (path);
      return NULL;
    }

  self->data_version = rmm_db_get_data_version (self->db);
  g_stat (path, &self->file);
  return g_steal_pointer (&self);
}

/* The rules that raise triggers: the installation's, loaded when first needed. */
RmmTriggerRules *
rmm_store_get_trigger_rules (RmmStore  *self,
                             GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (self->trigger_rules == NULL)
    self->trigger_rules = rmm_trigger_rules_load (error);
  return self->trigger_rules;
}

RmmDb *
rmm_store_get_db (RmmStore *self)
{
  return self->db;
}

/* A bulk writer (the demo, an import) keeps the indexes' pages in memory between its
 * inserts; afterwards the cache shrinks back to what a window needs. */
void
rmm_store_set_bulk_writing (RmmStore *self,
                            gboolean  bulk)
{
  rmm_db_exec (self->db,
               bulk ? "PRAGMA cache_size = " RMM_DB_BULK_CACHE_SIZE
                    : "PRAGMA cache_size = " RMM_DB_CACHE_SIZE,
               NULL);
}

const char *
rmm_store_get_path (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return rmm_db_get_path (self->db);
}

guint
rmm_store_get_schema_version (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
rmm_store_get_actor (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return self->actor;
}

void
rmm_store_set_actor (RmmStore   *self,
                     const char *actor)
{
  g_return_if_fail (RMM_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

void
rmm_store_set_clock (RmmStore  *self,
                     GDateTime *now)
{
  g_return_if_fail (RMM_IS_STORE (self));
  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_to_utc (now);
}

/* Now, in UTC, as stored: 2026-11-23T14:05:09Z */
char *
rmm_store_now (RmmStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  now = self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * rmm_store_set_wait_func:
 * @func: called about every 100 ms while another process holds the write lock (from 1 s
 *   on), with how long the change has waited; return %FALSE to give the change up. Called
 *   once more with -1 when the wait is over, either way.
 *
 * A change never fails because an administrator's import is saving: it waits, and @func
 * says so (the app shows it; rmmctl prints it). Without one, a change waits up to ten
 * minutes, quietly.
 */
void
rmm_store_set_wait_func (RmmStore         *self,
                         RmmStoreWaitFunc  func,
                         gpointer          data,
                         GDestroyNotify    data_free)
{
  g_return_if_fail (RMM_IS_STORE (self));

  if (self->wait_data_free != NULL)
    g_clear_pointer (&self->wait_data, self->wait_data_free);
  self->wait_func = func;
  self->wait_data = data;
  self->wait_data_free = data_free;
}

/* A change made from the main loop while another waits in the wait function (a timer's
 * autosave, say) waits quietly behind it. */
static gboolean
keep_waiting (RmmStore *self,
              gint64    waited,
              gboolean  nested)
{
  if (self->wait_func != NULL && !nested)
    return self->wait_func (self, waited, self->wait_data);
  if (waited >= LOCK_PATIENCE_US)
    return FALSE;
  g_usleep (LOCK_RETRY_US);
  return TRUE;
}

/* BEGIN IMMEDIATE, which SQLite tries for a second; then again and again for as long as the
 * wait function allows, outside any SQLite call, so that it may run the main loop. */
static gboolean
begin_when_unlocked (RmmStore  *self,
                     GError   **error)
{
  gint64 started = g_get_monotonic_time ();
  gboolean nested = self->waiting;
  gboolean waited = FALSE;
  gboolean ok;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      ok = waited ? rmm_db_try_begin (self->db, &local_error)
                  : rmm_db_begin (self->db, &local_error);
      if (ok)
        break;
      if (!g_error_matches (local_error, RMM_ERROR, RMM_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }
      waited = self->waiting = TRUE;
      if (!keep_waiting (self, g_get_monotonic_time () - started, nested))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_LOCKED,
                       _("This change was not saved: another RMM Desk has been saving to “%s” "
                         "for %" G_GINT64_FORMAT " s. Try again when it has finished."),
                       rmm_db_get_path (self->db),
                       (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
          break;
        }
    }
  if (waited && !nested)
    {
      self->waiting = FALSE;
      if (self->wait_func != NULL)
        self->wait_func (self, -1, self->wait_data);
    }
  return ok;
}

gboolean
rmm_store_begin (RmmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  /* Every change starts here, so a session gone read-only refuses them all alike. A change
   * made while the check at open still runs waits for its verdict. */
  finish_quick_check (self, TRUE);
  if (self->read_only != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY, "%s", self->read_only);
      return FALSE;
    }
  if (rmm_store_get_damage (self) != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_DATABASE, "%s", self->damage);
      return FALSE;
    }
  if (rmm_db_get_depth (self->db) > 0)
    return rmm_db_begin (self->db, error);
  g_clear_pointer (&self->head_hash, g_free);
  return begin_when_unlocked (self, error);
}

/* Is the file this session opened still there, the same file? Removed (or replaced, say by
 * a restore elsewhere), what the session writes would go to a file nobody will open again. */
gboolean
rmm_store_verify_file (RmmStore  *self,
                       GError   **error)
{
  const char *path = rmm_db_get_path (self->db);
  GStatBuf now;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (g_stat (path, &now) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("The database file “%s” was removed while RMM Desk had it open."), path);
      return FALSE;
    }
  if (now.st_ino != self->file.st_ino || now.st_dev != self->file.st_dev)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("The database file “%s” was replaced by another while RMM Desk had it "
                     "open."), path);
      return FALSE;
    }
  return TRUE;
}

/* From now on every change is refused with @reason; reading goes on. */
void
rmm_store_set_read_only (RmmStore   *self,
                         const char *reason)
{
  g_return_if_fail (RMM_IS_STORE (self));
  g_return_if_fail (reason != NULL);

  g_free (self->read_only);
  self->read_only = g_strdup (reason);
}

const char *
rmm_store_get_read_only (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  return self->read_only;
}

/**
 * rmm_store_rescue:
 *
 * Copies what this session can still read (the connection keeps a removed file open) to a
 * new file beside where the database was, "NAME.recovered-TIME", and returns its path.
 */
char *
rmm_store_rescue (RmmStore  *self,
                  GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  char *path;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  path = g_strdup_printf ("%s.recovered-%s", rmm_db_get_path (self->db), stamp);
  if (!rmm_store_backup (self, path, error))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static void
announce_pending (RmmStore *self)
{
  g_autoptr(GArray) changes = g_steal_pointer (&self->pending);
  gboolean overflow = self->pending_overflow;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (self->pending, change_clear);
  self->pending_overflow = FALSE;
  self->data_version = rmm_db_get_data_version (self->db);

  if (overflow)
    {
      g_signal_emit (self, signals[CHANGED], 0, "*", (gint64)0);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);
      g_signal_emit (self, signals[CHANGED], 0, change->entity, change->id);
    }
}

gboolean
rmm_store_commit (RmmStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!rmm_db_commit (self->db, error))
    {
      g_clear_pointer (&self->head_hash, g_free);
      if (rmm_db_get_depth (self->db) == 0)
        g_array_set_size (self->pending, 0);
      return FALSE;
    }
  if (rmm_db_get_depth (self->db) == 0)
    {
      g_clear_pointer (&self->head_hash, g_free);
      self->wrote = TRUE;
      announce_pending (self);
    }
  return TRUE;
}

void
rmm_store_rollback (RmmStore *self)
{
  g_return_if_fail (RMM_IS_STORE (self));

  rmm_db_rollback (self->db);
  /* What the rolled-back part appended is gone, head with it. */
  g_clear_pointer (&self->head_hash, g_free);
  if (rmm_db_get_depth (self->db) == 0)
    {
      g_array_set_size (self->pending, 0);
      self->pending_overflow = FALSE;
    }
}

void
rmm_store_queue_change (RmmStore   *self,
                        const char *entity,
                        gint64      id)
{
  Change change;

  if (self->pending_overflow)
    return;
  if (self->pending->len >= MAX_QUEUED_CHANGES)
    {
      self->pending_overflow = TRUE;
      g_array_set_size (self->pending, 0);
      return;
    }
  change.entity = g_strdup (entity);
  change.id = id;
  g_array_append_val (self->pending, change);
}

/* Another process may have written to the file: PRAGMA data_version tells. */
gboolean
rmm_store_poll (RmmStore *self)
{
  gint64 version;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (rmm_db_get_depth (self->db) > 0)
    return FALSE;
  version = rmm_db_get_data_version (self->db);
  if (version == self->data_version || version < 0)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0, "*", (gint64)0);
  return TRUE;
}

/* Appends one event, chained to the last. Must run inside the transaction of the change. */
gboolean
rmm_store_audit (RmmStore    *self,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *before,
                 const char  *after,
                 GError     **error)
{
  g_autofree char *at = rmm_store_now (self);
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  RmmAuditEvent event = { 0 };
  RmmDbStmt *stmt;

  g_assert (rmm_db_get_depth (self->db) > 0);

  /* The head is read once a transaction: an import appends an event for every row. */
  if (self->head_hash == NULL)
    {
      g_autoptr(RmmAnchor) head = rmm_store_get_head (self, error);

      if (head == NULL)
        return FALSE;
      self->head_id = head->event;
      self->head_hash = g_steal_pointer (&head->hash);
    }
  event.id = self->head_id + 1;
  prev_hash = g_strdup (self->head_hash);

  event.at = at;
  event.actor = self->actor;
  event.action = action;
  event.entity = entity;
  event.entity_id = entity_id;
  event.before = before ? before : "";
  event.after = after ? after : "";
  event.prev_hash = prev_hash;
  hash = rmm_audit_hash (&event);

  if (!(stmt = rmm_db_prepare (self->db,
                               "INSERT INTO audit_event (id, at, actor, action, entity, "
                               "entity_id, before, after, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, event.id);
  rmm_db_stmt_bind_text (stmt, 2, event.at);
  rmm_db_stmt_bind_text (stmt, 3, event.actor);
  rmm_db_stmt_bind_text (stmt, 4, event.action);
  rmm_db_stmt_bind_text (stmt, 5, event.entity);
  rmm_db_stmt_bind_int (stmt, 6, event.entity_id);
  rmm_db_stmt_bind_text (stmt, 7, event.before);
  rmm_db_stmt_bind_text (stmt, 8, event.after);
  rmm_db_stmt_bind_text (stmt, 9, event.prev_hash);
  rmm_db_stmt_bind_text (stmt, 10, hash);
  if (!rmm_db_stmt_run (stmt, error))
    return FALSE;
  self->head_id = event.id;
  g_free (self->head_hash);
  self->head_hash = g_steal_pointer (&hash);
  return TRUE;
}

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

static char *
fields_to_json (const RmmField *fields,
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
  *began = rmm_db_get_depth (self->db) == 0;
  return !*began || rmm_store_begin (self, error);
}

static gboolean
finish (RmmStore  *self,
        gboolean   began,
        gboolean   ok,
        GError   **error)
{
  if (!began)
    return ok;
  if (ok)
    return rmm_store_commit (self, error);
  rmm_store_rollback (self);
  return FALSE;
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

  if (!(stmt = rmm_db_prepare (self->db, sql->str, error)))
    return 0;
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 1, &fields[i]);
  if (!(id = rmm_db_stmt_insert (stmt, error)))
    return 0;

  after = fields_to_json (fields, n_fields);
  if (!rmm_store_audit (self, "create", table, id, NULL, after, error))
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

  if (!(stmt = rmm_db_prepare (self->db, sql->str, error)))
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
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RmmDbStmt *stmt;

  if (!(before = read_before (self, table, id, fields, n_fields, error)))
    return FALSE;
  /* A change to what is already there is no change: the trail records only real ones. */
  after = fields_to_json (fields, n_fields);
  if (g_str_equal (before, after))
    return TRUE;

  g_string_append_printf (sql, "%s SET ", table);
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, "%s%s = ?", i ? ", " : "", fields[i].column);
  g_string_append (sql, " WHERE id = ?");

  if (!(stmt = rmm_db_prepare (self->db, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 1, &fields[i]);
  rmm_db_stmt_bind_int (stmt, n_fields + 1, id);
  if (!rmm_db_stmt_run (stmt, error))
    return FALSE;

  if (!rmm_store_audit (self, "update", table, id, before, after, error))
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

char *
rmm_store_get_info (RmmStore   *self,
                    const char *key)
{
  RmmDbStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (self->db, "SELECT value FROM database_info WHERE key = ?", NULL);
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
  ok = (stmt = rmm_db_prepare (self->db,
                               "INSERT INTO database_info (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error)) != NULL;
  if (ok)
    {
      rmm_db_stmt_bind_text (stmt, 1, key);
      rmm_db_stmt_bind_text (stmt, 2, value);
      after = fields_to_json (&field, 1);
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

gboolean
rmm_store_backup (RmmStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return rmm_db_backup_to (self->db, dest_path, error) &&
         rmm_anchor_write_sidecar (dest_path, error);
}

/* Keeps the database at @path as @saved before a restore replaces it: a consistent copy when
 * it can be read whole, else (damaged) the file itself moved aside with its WAL, so that
 * nothing it held is lost either way. */
static gboolean
keep_aside (const char *path,
            const char *saved)
{
  g_autoptr(RmmStore) current = rmm_store_open (path, RMM_STORE_OPEN_EXISTING, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *saved_wal = g_strconcat (saved, "-wal", NULL);

  if (current != NULL && rmm_store_backup (current, saved, NULL))
    return TRUE;
  g_clear_object (&current);
  g_unlink (saved);
  if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, saved_wal) != 0)
    return FALSE;
  return g_rename (path, saved) == 0;
}

/* Replace @dest_path with a copy of @source_path, which must pass rmm_store_check(). The
 * database it replaces is kept beside it first (@saved_copy), so a restore loses nothing. */
gboolean
rmm_store_restore (const char  *source_path,
                   const char  *dest_path,
                   char       **saved_copy,
                   GError     **error)
{
  g_autoptr(RmmStore) source = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *saved = NULL;
  g_autofree char *incoming = NULL;
  g_autofree char *incoming_anchor = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_anchor_free);
  RmmAnchor *own = rmm_anchor_read_sidecar (source_path);

  /* A backup whose tail was cut still passes every other check: its own anchor says. */
  if (own != NULL)
    g_ptr_array_add (anchors, own);
  if (!(source = rmm_store_open (source_path, RMM_STORE_OPEN_EXISTING, error)) ||
      !rmm_store_check_against (source, anchors, NULL, error))
    return FALSE;

  incoming = g_strdup_printf ("%s.restoring-%s", dest_path, stamp);
  incoming_anchor = g_strconcat (incoming, ".anchor", NULL);
  if (!rmm_store_backup (source, incoming, error))
    {
      g_unlink (incoming);
      g_unlink (incoming_anchor);
      return FALSE;
    }
  g_unlink (incoming_anchor);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      saved = g_strdup_printf ("%s.before-restore-%s", dest_path, stamp);
      if (!keep_aside (dest_path, saved))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                       _("Could not keep the current database as “%s”."), saved);
          g_unlink (incoming);
          g_unlink (incoming_anchor);
          return FALSE;
        }
    }

  /* The old file's journal must not be replayed onto the restored one. */
  {
    g_autofree char *wal = g_strconcat (dest_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (dest_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (incoming, dest_path) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not replace “%s”."), dest_path);
      g_unlink (incoming);
      return FALSE;
    }

  /* The trail seen at @dest_path before is not this one's now, nor are the anchors of
   * backups made after the one restored. */
  rmm_anchor_forget (dest_path);
  {
    g_autoptr(RmmStore) restored = rmm_store_open (dest_path, RMM_STORE_OPEN_EXISTING, NULL);

    if (restored != NULL)
      rmm_store_set_aside_other_anchors (restored);
  }
  if (saved_copy)
    *saved_copy = g_steal_pointer (&saved);
  return TRUE;
}

/* Others than the owner may read the database file: worth a warning wherever it is opened. */
gboolean
rmm_store_is_exposed (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return rmm_db_is_exposed (self->db);
}
