/* rmm-store-transactions.c: transactions: begun when the write lock is free (waiting,
 * patiently and visibly, while another program holds it), nested, committed with their
 * change notices, or rolled back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-error.h"
#include "rmm-store-object.h"

/* Without a wait function, a change waits this long for another process's write lock. */
#define LOCK_PATIENCE_US (10 * 60 * G_USEC_PER_SEC)
#define LOCK_RETRY_US (100 * 1000)

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
                         "for %" PRId64 " s. Try again when it has finished."),
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

/* Every change starts here, so a session gone read-only refuses them all alike. */
static gboolean
may_write (RmmStore  *self,
           GError   **error)
{
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
  if (!rmm_db_is_connected (self->db))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("The server cannot be reached: nothing can be saved until it is back. "
                     "RMM Desk reconnects by itself."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rmm_store_begin (RmmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  /* A change made while the check at open still runs waits for its verdict. */
  rmm_store_finish_quick_check (self, TRUE);
  if (!may_write (self, error))
    return FALSE;
  if (rmm_db_get_depth (self->db) > 0)
    return rmm_db_begin (self->db, error);
  g_clear_pointer (&self->head_hash, g_free);
  return begin_when_unlocked (self, error);
}

/* As rmm_store_begin(), for a look at the record (an access event). With @wait, exactly as a
 * change: after the check of the file owed at open, and another writer's lock. Without, it
 * waits for neither (RMM_ERROR_LOCKED at once, to be tried again): a chair's page must not
 * wait seconds for the check of a large file, nor for someone else's import. */
gboolean
rmm_store_begin_look (RmmStore  *self,
                      gboolean   wait,
                      GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (!wait && self->check_thread != NULL && !rmm_store_is_checked (self))
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_LOCKED,
                           _("The database is still being checked."));
      return FALSE;
    }
  /* Nothing is written to a file before SQLite's check of it has passed: an append may take
   * a page from the free list, which SQLite does not check as it reuses it. */
  rmm_store_finish_quick_check (self, TRUE);
  if (!may_write (self, error))
    return FALSE;
  if (rmm_db_get_depth (self->db) > 0)
    return rmm_db_begin (self->db, error);
  g_clear_pointer (&self->head_hash, g_free);
  return wait ? begin_when_unlocked (self, error) : rmm_db_try_begin (self->db, error);
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
      rmm_store_announce_pending (self);
    }
  return TRUE;
}

/* The end of a transaction begun with rmm_store_begin(): committed when @ok, else rolled
 * back (FALSE, @error set by whatever failed). */
gboolean
rmm_store_end (RmmStore  *self,
               gboolean   ok,
               GError   **error)
{
  if (ok)
    return rmm_store_commit (self, error);
  rmm_store_rollback (self);
  return FALSE;
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
