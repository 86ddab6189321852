/* rmm-store-board.c: the safeguarding board's figures: worked out, published, and read by
 * the board's own login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader of the board's figures (the Oversight view, the report's PDF, CSV and JSON)
 * has them from rmm_store_read_board_figures (), already suppressed. A login that reads the
 * record has them worked out from it. The board's own login on a server (an oversight
 * member, rmm_store_reads_figures_only ()) reads no child's record: it has the newest set a
 * chair or administrator published for that very period and area (board_figures, schema
 * version 13), or is told none was.
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-figures.h"
#include "rmm-store-private.h"

/* The most periods an error lists as published instead of the one asked for. */
#define MAX_PERIODS_LISTED 8

/* "1 Jul 2026 to 30 Sep 2026" */
static char *
describe_period (const char *from,
                 const char *to)
{
  g_autofree char *first = rmm_date_format_uk (from, "%-d %b %Y");
  g_autofree char *last = rmm_date_format_uk (to, "%-d %b %Y");

  return g_strdup_printf (_("%s to %s"), first, last);
}

static char *
describe_area (RmmStore *self,
               gint64    area_id)
{
  if (area_id == 0)
    return g_strdup (_("all areas"));
  return rmm_store_query_text (self, "SELECT name FROM area WHERE id = ?", N_("area"), area_id,
                               NULL);
}

/* The periods published for @area_id, newest first, as a sentence's list; NULL for none. */
static char *
list_published_periods (RmmStore *self,
                        gint64    area_id)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT DISTINCT period_from, period_to FROM board_figures "
                                    "WHERE coalesce (area_id, 0) = ? "
                                    "ORDER BY period_to DESC, period_from DESC", NULL);
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  while (periods->len < MAX_PERIODS_LISTED && rmm_db_stmt_step (stmt, NULL))
    g_ptr_array_add (periods, describe_period (rmm_db_stmt_get_text (stmt, 0),
                                               rmm_db_stmt_get_text (stmt, 1)));
  rmm_db_stmt_reset (stmt);
  if (periods->len == 0)
    return NULL;
  g_ptr_array_add (periods, NULL);
  return g_strjoinv ("; ", (char **)periods->pdata);
}

static void
set_not_published (RmmStore    *self,
                   const char  *from,
                   const char  *to,
                   gint64       area_id,
                   GError     **error)
{
  g_autofree char *period = describe_period (from, to);
  g_autofree char *area = describe_area (self, area_id);
  g_autofree char *published = list_published_periods (self, area_id);

  if (published != NULL)
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("No figures have been published for the board for %s, %s. Published for "
                   "%s: %s."), period, area, area, published);
  else
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("No figures have been published for the board for %s, %s. A chair or "
                   "administrator publishes them from the Oversight view, or with “rmmctl "
                   "report --publish”."), period, area);
}

/* The newest set published for exactly this period and area. */
static GPtrArray *
read_published (RmmStore     *self,
                const char   *from,
                const char   *to,
                gint64        area_id,
                char        **published,
                GError      **error)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT figures, published_at, published_by "
                                    "FROM board_figures WHERE period_from = ? "
                                    "AND period_to = ? AND coalesce (area_id, 0) = ? "
                                    "ORDER BY id DESC LIMIT 1", error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) figures = NULL;

  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, from);
  rmm_db_stmt_bind_text (stmt, 2, to);
  rmm_db_stmt_bind_int (stmt, 3, area_id);
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_published (self, from, to, area_id, error);
      return NULL;
    }
  figures = rmm_figures_from_published (rmm_db_stmt_get_text (stmt, 0), error);
  if (figures != NULL && published != NULL)
    {
      g_autofree char *at = rmm_time_format_uk (rmm_db_stmt_get_text (stmt, 1),
                                                "%-d %B %Y %H:%M");

      *published = g_strdup_printf (_("Published for the board by %s on %s"),
                                    rmm_db_stmt_get_text (stmt, 2), at);
    }
  rmm_db_stmt_reset (stmt);
  return g_steal_pointer (&figures);
}

/**
 * rmm_store_read_board_figures:
 * @from: the period's first day
 * @to: its last day
 * @area_id: one area, or 0 for every area
 * @published: (out) (optional): for published figures, who published them and when; NULL
 *   for figures worked out from the record
 *
 * The board's figures for the period, suppressed (rmm_figures_suppress ()): from the record,
 * or, for the board's own login, as published. NULL with @error; RMM_ERROR_NOT_FOUND, saying
 * which periods were, when none was published for this one.
 */
GPtrArray *
rmm_store_read_board_figures (RmmStore     *self,
                              const GDate  *from,
                              const GDate  *to,
                              gint64        area_id,
                              char        **published,
                              GError      **error)
{
  g_autoptr(GPtrArray) figures = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (published != NULL)
    *published = NULL;
  if (rmm_store_reads_figures_only (self))
    {
      g_autofree char *first = rmm_date_format (from);
      g_autofree char *last = rmm_date_format (to);

      return read_published (self, first, last, area_id, published, error);
    }
  if (!(figures = rmm_store_read_figures (self, from, to, area_id, error)))
    return NULL;
  rmm_figures_suppress (figures);
  return g_steal_pointer (&figures);
}

/* Whether this login holds @role or @other_role in the area (in every area, for 0). */
static gboolean
holds_in_area (RmmStore   *self,
               gint64      area_id,
               const char *role,
               const char *other_role)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT count(*) FROM area a WHERE (? = 0 OR a.id = ?) "
                                    "AND a.id NOT IN (SELECT m.area_id FROM area_member m "
                                    "                 WHERE m.login = ? "
                                    "                 AND m.revoked_at IS NULL "
                                    "                 AND m.role IN (?, ?))", NULL);
  gboolean holds;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_int (stmt, 2, area_id);
  rmm_db_stmt_bind_text (stmt, 3, rmm_store_get_actor (self));
  rmm_db_stmt_bind_text (stmt, 4, role);
  rmm_db_stmt_bind_text (stmt, 5, other_role);
  holds = rmm_db_stmt_step (stmt, NULL) && rmm_db_stmt_get_int (stmt, 0) == 0;
  rmm_db_stmt_reset (stmt);
  return holds;
}

/**
 * rmm_store_reads_all_areas_figures:
 *
 * Whether this login has the figures of all areas together: the board's own login only if
 * it oversees every area (what the server lets it read); every other login reads them as
 * worked out from what it sees.
 */
gboolean
rmm_store_reads_all_areas_figures (RmmStore *self)
{
  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  return !rmm_store_reads_figures_only (self) ||
         holds_in_area (self, 0, "oversight", "oversight");
}

/**
 * rmm_store_why_not_publish:
 * @area_id: one area, or 0 for every area
 *
 * Why this login may not publish the board's figures for the area, as the window says it;
 * NULL when it may. An area's administrators and chairs publish its figures, and those of
 * every area publish all areas' (the server holds the same rule).
 */
char *
rmm_store_why_not_publish (RmmStore *self,
                           gint64    area_id)
{
  g_autofree char *area = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  if (rmm_store_reads_figures_only (self))
    return g_strdup (_("This login reads the figures published for the board; an "
                       "administrator or chair publishes them."));
  if (rmm_store_get_read_only (self) != NULL)
    return g_strdup (rmm_store_get_read_only (self));
  if (rmm_store_sees_everything (self) || holds_in_area (self, area_id, "chair", "admin"))
    return NULL;
  if (area_id == 0)
    return g_strdup (_("Only an administrator or chair of every area can publish the figures "
                       "of all areas for the board."));
  area = describe_area (self, area_id);
  return g_strdup_printf (_("Only an administrator or chair of %s can publish its figures for "
                            "the board."), area ? area : "");
}

/**
 * rmm_store_publish_figures:
 * @from: the period's first day
 * @to: its last day, today at the latest
 * @area_id: one area, or 0 for every area
 *
 * Publishes the board's figures for the period, as the report gives them (suppressed), for
 * the board's own login to read; an earlier set for the same period stays, and this one is
 * read from now on. Recorded in the audit trail.
 *
 * Returns: the published set's id, or 0 with @error.
 */
gint64
rmm_store_publish_figures (RmmStore     *self,
                           const GDate  *from,
                           const GDate  *to,
                           gint64        area_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *why_not = NULL, *first = NULL, *last = NULL;
  g_autofree char *text = NULL, *now = NULL;
  GDate today;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  rmm_date_set_today (&today);
  if (g_date_compare (from, to) > 0 || g_date_compare (to, &today) > 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Figures are published for a period that has ended, today at the "
                     "latest."));
      return 0;
    }
  if ((why_not = rmm_store_why_not_publish (self, area_id)) != NULL)
    {
      g_set_error_literal (error, RMM_ERROR, RMM_ERROR_READ_ONLY, why_not);
      return 0;
    }
  if (!(figures = rmm_store_read_board_figures (self, from, to, area_id, NULL, error)))
    return 0;
  first = rmm_date_format (from);
  last = rmm_date_format (to);
  text = rmm_figures_to_published (figures);
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("area_id", area_id),
      RMM_TEXT ("period_from", first),
      RMM_TEXT ("period_to", last),
      RMM_TEXT ("figures", text),
      RMM_TEXT ("published_at", now),
      RMM_TEXT ("published_by", rmm_store_get_actor (self)),
    };

    return rmm_store_insert (self, "board_figures", fields, G_N_ELEMENTS (fields), error);
  }
}
