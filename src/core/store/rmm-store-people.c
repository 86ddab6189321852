/* rmm-store-people.c: areas, agencies, professionals and children
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rmm-dates.h"
#include "rmm-addresses.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"
#include "rmm-text.h"

static gboolean
require_text (const char  *value,
              const char  *what,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (*trimmed != '\0' && g_utf8_validate (value, -1, NULL))
    return TRUE;
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("%s must not be empty."), what);
  return FALSE;
}

gint64
rmm_store_add_area (RmmStore    *self,
                    const char  *name,
                    const char  *framework_id,
                    GError     **error)
{
  RmmField fields[] = {
    RMM_TEXT ("name", name),
    RMM_TEXT ("framework", framework_id),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!require_text (name, _("The area’s name"), error))
    return 0;
  if (framework_id == NULL || rmm_framework_lookup (framework_id) == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Unknown risk framework “%s”: use surrey-3-level or seraf-4-category."),
                   framework_id ? framework_id : "");
      return 0;
    }
  return rmm_store_insert (self, "area", fields, G_N_ELEMENTS (fields), error);
}

gint64
rmm_store_add_agency (RmmStore    *self,
                      const char  *name,
                      const char  *kind,
                      GError     **error)
{
  RmmField fields[] = {
    RMM_TEXT ("name", name),
    RMM_TEXT ("kind", kind),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!require_text (name, _("The agency’s name"), error))
    return 0;
  return rmm_store_insert (self, "agency", fields, G_N_ELEMENTS (fields), error);
}

gint64
rmm_store_add_professional (RmmStore    *self,
                            gint64       agency_id,
                            const char  *full_name,
                            const char  *role,
                            GError     **error)
{
  RmmField fields[] = {
    RMM_REF ("agency_id", agency_id),
    RMM_TEXT ("full_name", full_name),
    RMM_TEXT ("role", role ? role : ""),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!require_text (full_name, _("The professional’s name"), error))
    return 0;
  return rmm_store_insert (self, "professional", fields, G_N_ELEMENTS (fields), error);
}

/* The address a professional's copies go to: "" when none is recorded (or they are not
 * there). */
char *
rmm_store_get_professional_email (RmmStore *self,
                                  gint64    professional_id)
{
  RmmDbStmt *stmt;
  char *email = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self), "SELECT email FROM professional WHERE id = ?",
                         NULL);
  if (stmt != NULL)
    {
      rmm_db_stmt_bind_int (stmt, 1, professional_id);
      if (rmm_db_stmt_step (stmt, NULL))
        email = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  return email ? email : g_strdup ("");
}

/**
 * rmm_store_set_professional_email:
 *
 * The address a professional's copies of documents are emailed to ("" for none); checked
 * as an address, and recorded in the audit trail.
 */
gboolean
rmm_store_set_professional_email (RmmStore    *self,
                                  gint64       professional_id,
                                  const char  *email,
                                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email ? email : ""));
  const char *why = *trimmed != '\0' ? rmm_address_why_not_email (trimmed) : NULL;
  RmmField fields[] = { RMM_TEXT ("email", trimmed) };

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (why != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("“%s” is not an email address: %s."),
                   trimmed, why);
      return FALSE;
    }
  return rmm_store_update (self, "professional", professional_id, fields, G_N_ELEMENTS (fields),
                           error);
}

gint64
rmm_store_add_child (RmmStore             *self,
                     const RmmChildInput  *input,
                     GError              **error)
{
  g_autofree char *now = NULL;
  const char *why;
  GDate born;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!require_text (input->reference, _("The child’s reference"), error) ||
      !require_text (input->first_name, _("The child’s first name"), error) ||
      !require_text (input->last_name, _("The child’s last name"), error))
    return 0;
  if ((why = rmm_text_why_not_reference (input->reference)) != NULL)
    {
      /* TRANSLATORS: “CH 1234”: a reference is one word, with no spaces… */
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("“%s”: %s."), input->reference, why);
      return 0;
    }
  if (!rmm_date_parse (input->date_of_birth, &born))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a date of birth: use YYYY-MM-DD."),
                   input->date_of_birth ? input->date_of_birth : "");
      return 0;
    }

  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_TEXT ("reference", input->reference),
      RMM_TEXT ("first_name", input->first_name),
      RMM_TEXT ("last_name", input->last_name),
      RMM_TEXT ("date_of_birth", input->date_of_birth),
      RMM_TEXT ("gender", input->gender ? input->gender : ""),
      RMM_REF ("area_id", input->area_id),
      RMM_TEXT ("school", input->school ? input->school : ""),
      RMM_REF ("social_worker_id", input->social_worker_id),
      RMM_INT ("looked_after", input->looked_after ? 1 : 0),
      RMM_TEXT ("created_at", now),
    };

    return rmm_store_insert (self, "child", fields, G_N_ELEMENTS (fields), error);
  }
}

/* A social worker allocated to the child (@professional_id 0: none now). The audit trail
 * keeps who it was before, for documents of earlier meetings. */
gboolean
rmm_store_allocate_social_worker (RmmStore  *self,
                                  gint64     child_id,
                                  gint64     professional_id,
                                  GError   **error)
{
  RmmField fields[] = { RMM_REF ("social_worker_id", professional_id) };

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (professional_id != 0 &&
      rmm_store_query_int (self, "SELECT count(*) FROM professional WHERE id = ?",
                           professional_id, error) != 1)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                     _("There is no professional with id %" PRId64 "."),
                     professional_id);
      return FALSE;
    }
  return rmm_store_update (self, "child", child_id, fields, G_N_ELEMENTS (fields), error);
}

gint64
rmm_store_add_referral (RmmStore                *self,
                        const RmmReferralInput  *input,
                        GError                 **error)
{
  RmmField fields[] = {
    RMM_REF ("child_id", input->child_id),
    RMM_TEXT ("route", input->route),
    RMM_TEXT ("referrer_name", input->referrer_name),
    RMM_REF ("referrer_agency_id", input->referrer_agency_id),
    RMM_TEXT ("received_at", input->received_at),
    RMM_TEXT ("concern_summary", input->concern_summary ? input->concern_summary : ""),
    RMM_TEXT ("screening_outcome", input->screening_outcome ? input->screening_outcome
                                                            : "pending"),
    RMM_TEXT ("source", input->source ? input->source : ""),
  };

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (g_strcmp0 (input->route, "single-point-of-access") != 0 &&
      g_strcmp0 (input->route, "lead-professional") != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A referral’s route is single-point-of-access or lead-professional, "
                     "not “%s”."), input->route ? input->route : "");
      return 0;
    }
  if (!rmm_time_is_valid (input->received_at))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a time: use YYYY-MM-DDTHH:MM:SSZ."),
                   input->received_at ? input->received_at : "");
      return 0;
    }
  if (!require_text (input->referrer_name, _("The referrer’s name"), error))
    return 0;
  return rmm_store_insert (self, "referral", fields, G_N_ELEMENTS (fields), error);
}

static GObject *
area_from_row (RmmDbStmt *stmt)
{
  return G_OBJECT (rmm_area_new (rmm_db_stmt_get_int (stmt, 0), rmm_db_stmt_get_text (stmt, 1),
                                 rmm_db_stmt_get_text (stmt, 2), rmm_db_stmt_get_int (stmt, 3)));
}

GListModel *
rmm_store_list_areas (RmmStore  *self,
                      GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  /* On a server a login works on its areas (rmmctl server grant): the others, whose children
   * it does not see, are not offered. A file's user, and a server's owner, see them all.
   * The board's login oversees its areas, and counts none of their children. */
  if (rmm_store_reads_figures_only (self))
    stmt = rmm_db_prepare (rmm_store_get_db (self),
                           "SELECT a.id, a.name, a.framework, 0 FROM area a "
                           "WHERE a.id IN (SELECT m.area_id FROM area_member m "
                           "               WHERE m.login = ? AND m.revoked_at IS NULL "
                           "               AND m.role = 'oversight') "
                           "ORDER BY a.name", error);
  else
    stmt = rmm_db_prepare (rmm_store_get_db (self),
                           "SELECT a.id, a.name, a.framework, "
                           "       (SELECT count(*) FROM child c WHERE c.area_id = a.id) "
                           "FROM area a "
                           "WHERE (SELECT sees_everything FROM this_login) "
                           "   OR a.id IN (SELECT m.area_id FROM area_member m "
                           "               WHERE m.login = ? AND m.revoked_at IS NULL "
                           "               AND m.role <> 'oversight') "
                           "ORDER BY a.name", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, rmm_store_get_actor (self));
  return rmm_store_collect (stmt, RMM_TYPE_AREA, area_from_row, error);
}

/* Whether an area is called @name, this login's or not: to say which is wrong. */
static gboolean
area_exists (RmmStore   *self,
             const char *name)
{
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "SELECT 1 FROM area WHERE name = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_text (stmt, 1, name);
  found = rmm_db_stmt_step (stmt, NULL);
  rmm_db_stmt_reset (stmt);
  return found;
}

RmmArea *
rmm_store_find_area (RmmStore    *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (self, error);

  if (areas == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);

      if (g_utf8_collate (rmm_area_get_name (area), name) == 0)
        return g_steal_pointer (&area);
    }
  if (area_exists (self, name))
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("“%s” is not one of the areas this login works on."), name);
  else
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND, _("There is no area called “%s”."),
                 name);
  return NULL;
}

/* The columns child_from_row() reads, in its order. */
#define CHILD_ROW_SQL \
  "SELECT c.id, c.reference, c.first_name, c.last_name, c.date_of_birth, a.name, " \
  "       coalesce(" RMM_CURRENT_RATING_SQL ("c.id") ", ''), c.school, a.framework " \
  "FROM child c JOIN area a ON a.id = c.area_id "

static GObject *
child_from_row (RmmDbStmt *stmt)
{
  RmmFramework *framework = rmm_framework_lookup (rmm_db_stmt_get_text (stmt, 8));
  const RmmRiskLevel *level = framework ? rmm_framework_find_level (framework,
                                                                    rmm_db_stmt_get_text (stmt, 6))
                                        : NULL;

  return g_object_new (RMM_TYPE_CHILD,
                       "id", rmm_db_stmt_get_int (stmt, 0),
                       "reference", rmm_db_stmt_get_text (stmt, 1),
                       "first-name", rmm_db_stmt_get_text (stmt, 2),
                       "last-name", rmm_db_stmt_get_text (stmt, 3),
                       "date-of-birth", rmm_db_stmt_get_text (stmt, 4),
                       "area-name", rmm_db_stmt_get_text (stmt, 5),
                       "rating", rmm_db_stmt_get_text (stmt, 6),
                       "school", rmm_db_stmt_get_text (stmt, 7),
                       "rating-label", level ? rmm_risk_level_describe (level) : "",
                       NULL);
}

GListModel *
rmm_store_list_children (RmmStore  *self,
                         gint64     area_id,
                         GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         CHILD_ROW_SQL
                         "WHERE ? = 0 OR c.area_id = ? "
                         "ORDER BY c.last_name, c.first_name, c.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, area_id);
  rmm_db_stmt_bind_int (stmt, 2, area_id);
  return rmm_store_collect (stmt, RMM_TYPE_CHILD, child_from_row, error);
}

/* Children who may be the one being referred: the same reference, the same date of birth
 * with either name, or the same first and last name. For the duplicate warning. */
GListModel *
rmm_store_search_children (RmmStore    *self,
                           const char  *reference,
                           const char  *first_name,
                           const char  *last_name,
                           const char  *date_of_birth,
                           GError     **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         CHILD_ROW_SQL
                         "WHERE (?1 <> '' AND c.reference = ?1) "
                         "   OR (?4 <> '' AND c.date_of_birth = ?4 "
                         "       AND (lower(c.last_name) = lower(?3) "
                         "            OR lower(c.first_name) = lower(?2))) "
                         "   OR (?2 <> '' AND ?3 <> '' AND lower(c.first_name) = lower(?2) "
                         "       AND lower(c.last_name) = lower(?3)) "
                         "ORDER BY c.last_name, c.first_name LIMIT 20", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_text (stmt, 1, reference ? reference : "");
  rmm_db_stmt_bind_text (stmt, 2, first_name ? first_name : "");
  rmm_db_stmt_bind_text (stmt, 3, last_name ? last_name : "");
  rmm_db_stmt_bind_text (stmt, 4, date_of_birth ? date_of_birth : "");
  return rmm_store_collect (stmt, RMM_TYPE_CHILD, child_from_row, error);
}

/**
 * rmm_store_get_social_worker_on:
 * @day: YYYY-MM-DD
 *
 * Who was the child's allocated social worker at the end of @day, as the minutes of a
 * meeting that day record it: today's allocation, unless the audit trail shows it changed
 * after that day, in which case what it was before the first such change. '' for none.
 */
char *
rmm_store_get_social_worker_on (RmmStore    *self,
                                gint64       child_id,
                                const char  *day,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *until = g_strdup_printf ("%.10sT23:59:59Z", day ? day : "");
  char *name = NULL;
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT coalesce((SELECT full_name FROM professional WHERE id = "
                         "  coalesce((SELECT CAST(json_extract(e.before, '$.social_worker_id') AS INTEGER) "
                         "            FROM audit_event e WHERE e.entity = 'child' "
                         "            AND e.entity_id = c.id AND e.action = 'update' "
                         "            AND e.at > ?2 "
                         "            AND json_type(e.before, '$.social_worker_id') IS NOT NULL "
                         "            ORDER BY e.id LIMIT 1), "
                         "           CASE WHEN EXISTS (SELECT 1 FROM audit_event e "
                         "             WHERE e.entity = 'child' AND e.entity_id = c.id "
                         "             AND e.action = 'update' AND e.at > ?2 "
                         "             AND json_type(e.before, '$.social_worker_id') IS NOT NULL) "
                         "           THEN NULL ELSE c.social_worker_id END)), '') "
                         "FROM child c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  rmm_db_stmt_bind_text (stmt, 2, until);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      name = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
      return name;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                 _("There is no child with id %" PRId64 "."), child_id);
  return NULL;
}

/**
 * rmm_store_get_documents_language:
 * @of: "area", "meeting" or "child"
 * @id: which
 *
 * The documents language of the area (of the meeting's or the child's area): "en", "cy" or
 * "both". "en" when it cannot be read.
 */
char *
rmm_store_get_documents_language (RmmStore   *self,
                                  const char *of,
                                  gint64      id)
{
  const char *sql = g_str_equal (of, "child")
                      ? "SELECT a.documents_language FROM child c JOIN area a "
                        "ON a.id = c.area_id WHERE c.id = ?"
                    : g_str_equal (of, "meeting")
                      ? "SELECT a.documents_language FROM meeting g JOIN area a "
                        "ON a.id = g.area_id WHERE g.id = ?"
                      : "SELECT documents_language FROM area WHERE id = ?";
  char *language;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  language = rmm_store_query_text (self, sql, of, id, NULL);
  return language != NULL ? language : g_strdup ("en");
}

/**
 * rmm_store_set_documents_language:
 * @language: "en" (English), "cy" (Welsh) or "both" (bilingual, Welsh first)
 *
 * Sets the language the area's documents are written in (an export may still ask for
 * another). On a server, the database owner's to set, as the areas are.
 */
gboolean
rmm_store_set_documents_language (RmmStore    *self,
                                  gint64       area_id,
                                  const char  *language,
                                  GError     **error)
{
  RmmField fields[] = { RMM_TEXT ("documents_language", language) };

  g_return_val_if_fail (RMM_IS_STORE (self), FALSE);

  if (g_strcmp0 (language, "en") != 0 && g_strcmp0 (language, "cy") != 0 &&
      g_strcmp0 (language, "both") != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a documents language: use en (English), cy (Welsh) or both "
                     "(bilingual, Welsh first)."), language ? language : "");
      return FALSE;
    }
  return rmm_store_update (self, "area", area_id, fields, G_N_ELEMENTS (fields), error);
}
