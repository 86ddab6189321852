/* rmm-store-assessments.c: assessments, missing episodes, concerns not referred, child search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-assessment.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-store-private.h"

static gboolean
check_assessment (RmmStore                  *self,
                  const RmmAssessmentInput  *input,
                  GError                   **error)
{
  g_autofree char *framework_id = NULL;
  RmmFramework *framework;
  RmmDbStmt *stmt;

  if (!rmm_date_parse (input->started_on, NULL) ||
      (input->completed_on && !rmm_date_parse (input->completed_on, NULL)))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The assessment’s dates must be real dates (YYYY-MM-DD)."));
      return FALSE;
    }
  if (input->completed_on && g_strcmp0 (input->completed_on, input->started_on) < 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The assessment cannot be completed before it was started."));
      return FALSE;
    }
  for (guint i = 0; input->vulnerabilities && input->vulnerabilities[i]; i++)
    if (rmm_vulnerability_lookup (input->vulnerabilities[i]) == NULL)
      {
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("Unknown vulnerability “%s”."),
                     input->vulnerabilities[i]);
        return FALSE;
      }
  for (guint i = 0; input->missing_episodes && input->missing_episodes[i]; i++)
    if (!rmm_date_parse (input->missing_episodes[i], NULL))
      {
        g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                     _("“%s” is not a date for a missing episode."), input->missing_episodes[i]);
        return FALSE;
      }
  if (input->proposed_rating == NULL || *input->proposed_rating == '\0')
    return TRUE;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT a.framework FROM child c JOIN area a ON a.id = c.area_id "
                               "WHERE c.id = ?", error)))
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, input->child_id);
  if (rmm_db_stmt_step (stmt, NULL))
    {
      framework_id = g_strdup (rmm_db_stmt_get_text (stmt, 0));
      rmm_db_stmt_reset (stmt);
    }
  framework = framework_id ? rmm_framework_lookup (framework_id) : NULL;
  if (framework == NULL || rmm_framework_find_level (framework, input->proposed_rating) == NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("“%s” is not a rating of the child’s area’s framework."),
                   input->proposed_rating);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_vulnerability (RmmStore    *self,
                   gint64       assessment_id,
                   const char  *vulnerability,
                   GError     **error)
{
  g_autofree char *after = g_strdup_printf ("{\"vulnerability\":\"%s\"}", vulnerability);
  RmmDbStmt *stmt = rmm_db_prepare (rmm_store_get_db (self),
                                    "INSERT INTO assessment_vulnerability "
                                    "(assessment_id, vulnerability) VALUES (?, ?) "
                                    "ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  rmm_db_stmt_bind_int (stmt, 1, assessment_id);
  rmm_db_stmt_bind_text (stmt, 2, vulnerability);
  return rmm_db_stmt_run (stmt, error) &&
         rmm_store_audit (self, "create", "assessment_vulnerability", assessment_id, NULL, after,
                          error);
}

static gboolean
write_assessment (RmmStore                  *self,
                  const RmmAssessmentInput  *input,
                  gint64                    *id,
                  GError                   **error)
{
  g_autofree char *now = rmm_store_now (self);
  RmmField fields[] = {
    RMM_REF ("child_id", input->child_id),
    RMM_REF ("referral_id", input->referral_id),
    RMM_REF ("assessor_id", input->assessor_id),
    RMM_TEXT ("started_on", input->started_on),
    RMM_TEXT ("completed_on", input->completed_on),
    RMM_TEXT ("proposed_rating", input->proposed_rating && *input->proposed_rating
                                   ? input->proposed_rating : NULL),
    RMM_TEXT ("analysis", input->analysis ? input->analysis : ""),
  };

  if (!(*id = rmm_store_insert (self, "assessment", fields, G_N_ELEMENTS (fields), error)))
    return FALSE;
  for (guint i = 0; input->vulnerabilities && input->vulnerabilities[i]; i++)
    if (!add_vulnerability (self, *id, input->vulnerabilities[i], error))
      return FALSE;
  for (guint i = 0; input->indicators && input->indicators[i]; i++)
    {
      RmmField indicator[] = {
        RMM_REF ("assessment_id", *id),
        RMM_TEXT ("indicator", input->indicators[i]),
        RMM_INT ("significant", input->significant != NULL &&
                                g_strv_contains (input->significant, input->indicators[i])),
      };
      if (!rmm_store_insert (self, "assessment_indicator", indicator, G_N_ELEMENTS (indicator),
                             error))
        return FALSE;
    }
  for (guint i = 0; input->missing_episodes && input->missing_episodes[i]; i++)
    {
      g_autofree char *started_at = g_strconcat (input->missing_episodes[i], "T00:00:00Z", NULL);
      RmmField episode[] = {
        RMM_REF ("child_id", input->child_id),
        RMM_TEXT ("started_at", started_at),
        RMM_TEXT ("notes", "Recorded with the CSE Risk Assessment."),
        RMM_TEXT ("recorded_at", now),
      };
      if (!rmm_store_insert (self, "missing_episode", episode, G_N_ELEMENTS (episode), error))
        return FALSE;
    }
  return TRUE;
}

/* The assessment with its checklist, indicators and missing episodes, in one transaction. */
gint64
rmm_store_add_assessment (RmmStore                  *self,
                          const RmmAssessmentInput  *input,
                          GError                   **error)
{
  RmmTriggerRules *rules;
  gint64 id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!check_assessment (self, input, error) || !(rules = rmm_store_get_trigger_rules (self, error)) ||
      !rmm_store_begin (self, error))
    return 0;
  /* Its missing episodes are facts the trigger rules look at, in the same transaction. */
  if (!write_assessment (self, input, &id, error) ||
      !rmm_store_evaluate_triggers (self, rules, input->child_id, NULL, error))
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

/* An agency's concern it decided not to refer, with its reasons (Surrey: "should be
 * recorded … together with the reasons for non-referral"). */
gint64
rmm_store_add_concern_not_referred (RmmStore    *self,
                                    gint64       child_id,
                                    gint64       agency_id,
                                    const char  *recorded_by,
                                    const char  *concern,
                                    const char  *reasons,
                                    GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *trimmed_reasons = g_strstrip (g_strdup (reasons ? reasons : ""));
  g_autofree char *trimmed_concern = g_strstrip (g_strdup (concern ? concern : ""));

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (*trimmed_concern == '\0' || *trimmed_reasons == '\0' || agency_id == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Record the agency, the concern and the reasons for not referring."));
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", child_id),
      RMM_REF ("agency_id", agency_id),
      RMM_TEXT ("recorded_by", recorded_by && *recorded_by ? recorded_by
                                                           : rmm_store_get_actor (self)),
      RMM_TEXT ("recorded_at", now),
      RMM_TEXT ("concern", trimmed_concern),
      RMM_TEXT ("reasons", trimmed_reasons),
    };
    return rmm_store_insert (self, "concern_not_referred", fields, G_N_ELEMENTS (fields), error);
  }
}

/* (id, name) rows of @sql; its one parameter, if it has one, is @param. */
static GPtrArray *
named_ids (RmmStore    *self,
           const char  *sql,
           gint64       param,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self), sql, error)))
    return NULL;
  if (strchr (sql, '?'))
    rmm_db_stmt_bind_int (stmt, 1, param);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      const char *name = rmm_db_stmt_get_text (stmt, 1);
      RmmNamedId *row = g_malloc0 (sizeof (RmmNamedId) + strlen (name) + 1);

      row->id = rmm_db_stmt_get_int (stmt, 0);
      strcpy (row->name, name);
      g_ptr_array_add (rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Agencies by name, as (id, name) pairs for a chooser. */
GPtrArray *
rmm_store_list_agencies (RmmStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return named_ids (self, "SELECT id, name FROM agency ORDER BY name", 0, error);
}

/* Practitioners of Children's and Family Services, who assess: "Name (Agency)". */
GPtrArray *
rmm_store_list_assessors (RmmStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return named_ids (self,
                    "SELECT p.id, p.full_name || ' (' || g.name || ')' FROM professional p "
                    "JOIN agency g ON g.id = p.agency_id "
                    "WHERE g.kind IN ('childrens-services', 'family-services') "
                    "ORDER BY p.full_name", 0, error);
}

/* The people of one agency by name, for choosing a lead professional. */
GPtrArray *
rmm_store_list_professionals (RmmStore  *self,
                              gint64     agency_id,
                              GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return named_ids (self, "SELECT id, full_name FROM professional WHERE agency_id = ? "
                          "ORDER BY full_name", agency_id, error);
}

/* Every professional's name the database holds, from its people and from the attendance
 * recorded at meetings: an anonymised document must not take any of them for a child's. */
GPtrArray *
rmm_store_list_professional_names (RmmStore  *self,
                                   GError   **error)
{
  g_return_val_if_fail (RMM_IS_STORE (self), NULL);
  return named_ids (self, "SELECT id, full_name FROM professional "
                          "UNION SELECT 0, name FROM attendance WHERE name <> '' "
                          "ORDER BY 2", 0, error);
}

/* The first agency (by name) of a kind, e.g. the area's Family Services; 0 if none. */
gint64
rmm_store_find_agency_by_kind (RmmStore    *self,
                               const char  *kind,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id FROM agency WHERE kind = ? ORDER BY name LIMIT 1",
                               error)))
    return 0;
  rmm_db_stmt_bind_text (stmt, 1, kind);
  if (rmm_db_stmt_step (stmt, &local_error))
    {
      id = rmm_db_stmt_get_int (stmt, 0);
      rmm_db_stmt_reset (stmt);
    }
  else if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return id;
}

/* A professional by full name, for the command line: their id, or 0 with @error when no
 * one, or more than one person, has that name. */
gint64
rmm_store_find_professional (RmmStore    *self,
                             const char  *full_name,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RmmDbStmt *stmt;
  gint64 id = 0;
  guint n = 0;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);

  if (!(stmt = rmm_db_prepare (rmm_store_get_db (self),
                               "SELECT id FROM professional WHERE full_name = ? LIMIT 2",
                               error)))
    return 0;
  rmm_db_stmt_bind_text (stmt, 1, full_name);
  while (rmm_db_stmt_step (stmt, &local_error))
    {
      id = rmm_db_stmt_get_int (stmt, 0);
      n++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (n != 1)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   n == 0 ? _("There is no one called “%s”.")
                          : _("More than one person is called “%s”."), full_name);
      return 0;
    }
  return id;
}
