/* rmm-store-keeper.c: the one watch over a store that all its windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One keeper per store, however many windows show it (a second window on the same file is
 * the minute-taker's): it asks every 400 ms whether another process changed the database
 * (SQLite's data version; a server's notifications), and the store then says ::changed;
 * notices the file going away (it copies what the session can still read and makes the
 * store read-only) or the server (it reconnects by itself, waiting longer each time); tops
 * up each area's weekly meetings once the file's check is done; and makes the daily backup. Windows listen to its signals and
 * say what happened; with two windows, each of these is still done once.
 *
 * The keeper lives as long as its store (it is kept on the store), and holds no reference
 * to it.
 */
#define G_LOG_DOMAIN "rmm-store-keeper"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-gui-utils.h"
#include "rmm-store-keeper.h"

#define POLL_INTERVAL_MS 400   /* another process's change on screen within a second */
#define FIRST_RETRY_S    1     /* a lost server is tried again after 1 s, 2 s, 4 s … */
#define LAST_RETRY_S     30
#define KEEPER_KEY "rmm-store-keeper"

struct _RmmStoreKeeper
{
  GObject   parent_instance;

  RmmStore *store;                /* not owned: the store owns the keeper */
  guint     poll_source;
  guint     backup_source;
  gboolean  damage_said;
  gboolean  meetings_kept_ahead;  /* the series were topped up this session */
  gboolean  server_lost;          /* until the connection is back */
  gboolean  dialling;
  guint     retry_source;
  guint     retry_s;
};

G_DEFINE_FINAL_TYPE (RmmStoreKeeper, rmm_store_keeper, G_TYPE_OBJECT)

enum {
  FILE_LOST,
  DAMAGED,
  PROBLEM,
  SERVER_LOST,
  SERVER_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The file is gone from under the session: what it can still read is copied beside it, and
 * nothing more is written. */
static void
rescue (RmmStoreKeeper *self,
        const GError   *lost)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = rmm_store_rescue (self->store, &error);
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  if (copy != NULL)
    reason = g_strdup_printf (_("This window is read-only: its database file is gone. "
                                "Everything saved before is in “%s”; open that file to go on."),
                              copy);
  else
    reason = g_strdup_printf (_("This window is read-only: its database file is gone, and "
                                "copying what it held failed (%s). Keep RMM Desk open and ask "
                                "for help: the data is still readable here."), error->message);
  rmm_store_set_read_only (self->store, reason);
  message = g_strdup_printf ("%s\n\n%s", lost->message, reason);
  g_signal_emit (self, signals[FILE_LOST], 0, message);
}

/* Each area's coming meetings exist before anyone looks for them: the weekly series are
 * topped up to eight weeks ahead once a session, after the file's check (most days nothing
 * is missing and nothing is written). A file opened read-only is left as it is. */
static void
keep_meetings_ahead (RmmStoreKeeper *self)
{
  g_autoptr(GError) error = NULL;

  if (rmm_store_get_read_only (self->store) != NULL)
    return;
  if (rmm_store_schedule_ahead (self->store, 0, RMM_SCHEDULE_WEEKS_AHEAD, &error) < 0)
    {
      g_signal_emit (self, signals[PROBLEM], 0, _("The Coming Meetings Were Not Scheduled"),
                     error->message);
    }
}

static gboolean retry_server (gpointer user_data);

static void
schedule_retry (RmmStoreKeeper *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add_seconds (self->retry_s, retry_server, self);
  self->retry_s = MIN (self->retry_s * 2, LAST_RETRY_S);
}

static void
on_redialled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RmmStoreKeeper) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;

  self->dialling = FALSE;
  if (self->store == NULL)
    return;
  if (!rmm_store_reconnect_finish (RMM_STORE (source), result, &outcome, &error))
    {
      schedule_retry (self);
      return;
    }
  self->server_lost = FALSE;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_signal_emit (self, signals[SERVER_BACK], 0, outcome);
}

static gboolean
retry_server (gpointer user_data)
{
  RmmStoreKeeper *self = user_data;

  self->retry_source = 0;
  rmm_store_keeper_reconnect_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * rmm_store_keeper_reconnect_now:
 *
 * Tries the lost server again at once (the banner's button), rather than at the next try.
 */
void
rmm_store_keeper_reconnect_now (RmmStoreKeeper *self)
{
  g_return_if_fail (RMM_IS_STORE_KEEPER (self));

  if (self->store == NULL || !self->server_lost || self->dialling)
    return;
  self->dialling = TRUE;
  rmm_store_reconnect_async (self->store, on_redialled, g_object_ref (self));
}

/* The server is gone: said once; from now on it is tried again by itself. */
static void
lose_server (RmmStoreKeeper *self)
{
  self->server_lost = TRUE;
  self->retry_s = FIRST_RETRY_S;
  schedule_retry (self);
  g_signal_emit (self, signals[SERVER_LOST], 0);
}

static gboolean
poll_store (gpointer user_data)
{
  RmmStoreKeeper *self = user_data;
  g_autoptr(GError) lost = NULL;

  if (self->server_lost)
    return G_SOURCE_CONTINUE;
  if (!rmm_store_is_connected (self->store))
    {
      lose_server (self);
      return G_SOURCE_CONTINUE;
    }

  if (rmm_store_get_read_only (self->store) == NULL && !rmm_store_verify_file (self->store, &lost))
    rescue (self, lost);
  if (!self->damage_said && rmm_store_get_damage (self->store) != NULL)
    {
      self->damage_said = TRUE;
      g_signal_emit (self, signals[DAMAGED], 0);
    }
  /* Once the file's check is done, so that the write does not hold the window up. */
  if (!self->meetings_kept_ahead && rmm_store_is_checked (self->store))
    {
      self->meetings_kept_ahead = TRUE;
      keep_meetings_ahead (self);
    }
  rmm_store_poll (self->store);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  char  *database;
  char  *why;
  guint  keep;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->database);
  g_free (job->why);
  g_free (job);
}

static void
back_up_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;
  char *path = rmm_auto_backup_file (job->database, job->why, job->keep, &error);

  if (path != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RmmStoreKeeper *self = RMM_STORE_KEEPER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (path == NULL)
    g_signal_emit (self, signals[PROBLEM], 0, _("The Automatic Backup Failed"), error->message);
}

/**
 * rmm_store_keeper_back_up:
 * @why: a word for the file name: "concluded", "daily"
 *
 * An automatic backup, keeping as many as the settings say. It runs in a worker thread with
 * its own connection (a large database takes a while to copy, and the meeting goes on
 * meanwhile); a failure changes nothing, and is said through ::problem.
 */
void
rmm_store_keeper_back_up (RmmStoreKeeper *self,
                          const char     *why)
{
  g_autoptr(GSettings) settings = rmm_settings_if_installed ();
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (RMM_IS_STORE_KEEPER (self));

  /* A server's backups are its operators' (pg_dump, replication), not each laptop's. */
  if (rmm_store_is_on_server (self->store))
    return;
  task = g_task_new (self, NULL, on_backed_up, NULL);
  job = g_new0 (BackupJob, 1);
  job->database = g_strdup (rmm_store_get_path (self->store));
  job->why = g_strdup (why);
  job->keep = settings ? g_settings_get_uint (settings, "backups-kept") : 14;
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, back_up_in_thread);
}

/* The daily backup, checked at start and every hour of a long meeting day. */
static gboolean
check_daily_backup (gpointer user_data)
{
  RmmStoreKeeper *self = user_data;

  if (!rmm_store_is_demo (self->store) && rmm_store_backup_is_due (self->store))
    rmm_store_keeper_back_up (self, "daily");
  return G_SOURCE_CONTINUE;
}

static void
rmm_store_keeper_dispose (GObject *object)
{
  RmmStoreKeeper *self = RMM_STORE_KEEPER (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  G_OBJECT_CLASS (rmm_store_keeper_parent_class)->dispose (object);
}

static void
rmm_store_keeper_class_init (RmmStoreKeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rmm_store_keeper_dispose;

  /**
   * RmmStoreKeeper::file-lost:
   * @message: what happened and where the copy is, for a message
   *
   * The database file went away; the store is read-only from now on.
   */
  signals[FILE_LOST] = g_signal_new ("file-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RmmStoreKeeper::damaged:
   *
   * The file's check found it damaged (rmm_store_get_damage() says how); said once.
   */
  signals[DAMAGED] = g_signal_new ("damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RmmStoreKeeper::problem:
   * @heading: what failed, as a message's heading
   * @detail: why
   *
   * Something the keeper did on its own failed (a backup, scheduling); nothing was lost.
   */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                   G_TYPE_STRING);
  /**
   * RmmStoreKeeper::server-lost:
   *
   * The server cannot be reached: every change is refused until it is back, and the keeper
   * tries again by itself. What is on screen stays.
   */
  signals[SERVER_LOST] = g_signal_new ("server-lost", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RmmStoreKeeper::server-back:
   * @outcome: (nullable): what became of the change being saved when the connection was
   *   lost, as a sentence; NULL when none was
   *
   * Connected again; the store has said ::changed, so that windows read afresh.
   */
  signals[SERVER_BACK] = g_signal_new ("server-back", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
}

static void
rmm_store_keeper_init (RmmStoreKeeper *self)
{
}

/* The store is going: the keeper stops at once (a backup still running may keep the object
 * alive a little longer, with nothing left to watch). */
static void
release (gpointer data)
{
  RmmStoreKeeper *self = data;

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->store = NULL;
  g_object_unref (self);
}

/**
 * rmm_store_keeper_get:
 *
 * The keeper of @store, started the first time it is asked for (the first window on the
 * store); every later window gets the same one.
 *
 * Returns: (transfer none): the keeper, which lives as long as @store
 */
RmmStoreKeeper *
rmm_store_keeper_get (RmmStore *store)
{
  RmmStoreKeeper *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  if ((self = g_object_get_data (G_OBJECT (store), KEEPER_KEY)) != NULL)
    return self;
  self = g_object_new (RMM_TYPE_STORE_KEEPER, NULL);
  self->store = store;
  g_object_set_data_full (G_OBJECT (store), KEEPER_KEY, self, release);
  self->poll_source = g_timeout_add (POLL_INTERVAL_MS, poll_store, self);
  check_daily_backup (self);
  self->backup_source = g_timeout_add_seconds (60 * 60, check_daily_backup, self);
  return self;
}
