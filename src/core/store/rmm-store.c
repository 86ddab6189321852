/* rmm-store.c: opening, the file's checks, transactions, the audit trail's head, change
 * notices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rmm-audit.h"
#include "rmm-server.h"
#include "rmm-core-resources.h"
#include "rmm-error.h"
#include "rmm-store-anchors.h"
#include "rmm-store-object.h"

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
  /* Looks noted while someone else was saving get a few seconds more to be recorded. */
  for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       self->db != NULL && !rmm_store_record_noted_looks (self) &&
       g_get_monotonic_time () < until;)
    g_usleep (100 * 1000);
  if (self->noted_looks != NULL && self->noted_looks->len > 0)
    g_warning ("%u looks at the record could not be recorded before closing",
               self->noted_looks->len);
  g_clear_pointer (&self->noted_looks, g_ptr_array_unref);
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
void
rmm_store_finish_quick_check (RmmStore *self,
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

  rmm_store_finish_quick_check (self, FALSE);
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

/* A copy opened to be read: as it is, or not at all. Its quick check comes before anything
 * that would write, which nothing will. */
static gboolean
prepare_read_only (RmmStore  *self,
                   GError   **error)
{
  const char *path = rmm_db_get_path (self->db);

  if (self->schema_version < rmm_store_get_known_schema_version ())
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                   _("“%s” was made by an earlier version of RMM Desk and must be brought up "
                     "to date before it is read, which writes to it: make a private copy of "
                     "it (chmod 600) and open that."), path);
      return FALSE;
    }
  self->check_pending = TRUE;
  self->read_only = g_strdup_printf (_("“%s” is open read-only: nothing can be changed in it."),
                                     path);
  return TRUE;
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
  gint64 version;

  if ((version = rmm_store_read_schema_version (self, error)) < 0)
    return FALSE;
  self->schema_version = version;
  if (flags & RMM_STORE_OPEN_READ_ONLY)
    return prepare_read_only (self, error);
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

  if (!rmm_db_enable_writing (self->db, error) || !rmm_store_migrate (self, &self->schema_version, error))
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
  if (rmm_server_is_connection_string (path))
    {
      if (!rmm_store_open_on_server (self, path, error))
        return NULL;
      if ((flags & RMM_STORE_OPEN_READ_ONLY) && self->read_only == NULL)
        self->read_only = g_strdup (_("This database is open read-only: nothing can be "
                                      "changed in it."));
      return g_steal_pointer (&self);
    }
  self->db = rmm_db_open (path,
                          (flags & RMM_STORE_OPEN_READ_ONLY) ? RMM_DB_OPEN_READ_ONLY
                          : (flags & RMM_STORE_OPEN_CREATE) ? RMM_DB_OPEN_CREATE
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

  rmm_store_mark_seen (self);
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
  g_return_if_fail (RMM_IS_STORE (self));

  rmm_db_set_bulk_writing (self->db, bulk);
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

  /* On a server the trail names the login, which the server itself checks. */
  if (rmm_store_is_on_server (self))
    return;
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

/* Is the file this session opened still there, the same file (a server's database always is)? Removed (or replaced, say by
 * a restore elsewhere), what the session writes would go to a file nobody will open again. */
gboolean
rmm_store_verify_file (RmmStore  *self,
                       GError   **error)
{
  const char *path = rmm_db_get_path (self->db);
  GStatBuf now;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (rmm_db_get_engine (self->db) != RMM_DB_ENGINE_SQLITE)
    return TRUE;

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

/* Every window reads afresh: too much changed, or changed elsewhere, to say what. */
void
rmm_store_announce_everything (RmmStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0, "*", (gint64)0);
}

/* The newest audit event that changed something (a look at the record changes nothing), or
 * 0: what the agenda's cache and another window go by. Found from the newest back
 * ("entity || ''" keeps the engine on the id). */
gint64
rmm_store_get_newest_change (RmmStore *self)
{
  return rmm_store_query_int (self,
                              "SELECT coalesce ((SELECT id FROM audit_chain "
                              "WHERE entity || '' NOT IN "
                              "('child-access', 'meeting-access', 'list-access') "
                              "ORDER BY id DESC LIMIT 1), 0)", 0, NULL);
}

void
rmm_store_announce_pending (RmmStore *self)
{
  g_autoptr(GArray) changes = g_steal_pointer (&self->pending);
  gboolean overflow = self->pending_overflow;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (self->pending, change_clear);
  self->pending_overflow = FALSE;
  /* Another program's commit since the last poll stays for the poll to announce (an own
   * commit leaves the version as it was); without one, the newest change is this one,
   * announced here. */
  if (rmm_db_get_data_version (self->db) == self->data_version)
    self->change_seen = rmm_store_get_newest_change (self);

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

/* Everything written so far has been seen (announced, or read at open). */
void
rmm_store_mark_seen (RmmStore *self)
{
  self->data_version = rmm_db_get_data_version (self->db);
  self->change_seen = rmm_store_get_newest_change (self);
}

/* Another process may have written to the file: PRAGMA data_version tells (on a server,
 * its notifications). */
gboolean
rmm_store_poll (RmmStore *self)
{
  gboolean announced = FALSE;
  gint64 version, change;

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (rmm_db_get_depth (self->db) > 0)
    return FALSE;
  version = rmm_db_get_data_version (self->db);
  if (version >= 0 && version != self->data_version)
    {
      /* Someone only looking (an access event) or an agenda worked out again (derived)
       * changes nothing another window shows: only a new change, or a history that is no
       * longer the one it had seen (a restore), is announced. */
      self->data_version = version;
      change = rmm_store_get_newest_change (self);
      announced = change != self->change_seen;
      self->change_seen = change;
      if (announced)
        g_signal_emit (self, signals[CHANGED], 0, "*", (gint64)0);
    }
  /* Looks noted while someone else saved: recorded once their save has been looked for
   * (recording them first would take their save for this one's). */
  rmm_store_record_noted_looks (self);
  return announced;
}

/* The audit trail's newest event, read once a transaction (an import appends an event for
 * every row; nobody else can append while the transaction writes). */
gboolean
rmm_store_get_audit_head (RmmStore     *self,
                          gint64       *id,
                          const char  **hash,
                          GError      **error)
{
  g_assert (rmm_db_get_depth (self->db) > 0);

  /* A server reads it with the write lock, in the same round trip; else it is asked for. */
  if (self->head_hash == NULL &&
      !rmm_db_take_chain_head (self->db, &self->head_id, &self->head_hash))
    {
      g_autoptr(RmmAnchor) head = rmm_store_get_head (self, error);

      if (head == NULL)
        return FALSE;
      self->head_id = head->event;
      self->head_hash = g_steal_pointer (&head->hash);
    }
  *id = self->head_id;
  *hash = self->head_hash;
  return TRUE;
}

/* An event was appended: @id with @hash (taken) is the head now. */
void
rmm_store_set_audit_head (RmmStore *self,
                          gint64    id,
                          char     *hash)
{
  self->head_id = id;
  g_free (self->head_hash);
  self->head_hash = hash;
}

/* Others than the owner may read the database file: worth a warning wherever it is opened. */
gboolean
rmm_store_is_exposed (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return rmm_db_is_exposed (self->db);
}
