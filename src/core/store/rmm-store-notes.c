/* rmm-store-notes.c: what is learned about a child between meetings: missing episodes,
 * new information and police disruption; the facts the trigger rules look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-store-private.h"

static const char *disruption_tactics[] = { "cawn", "shpo", "srho", "licensing", "harassment",
                                            "observation", "other", NULL };

void
rmm_information_note_free (RmmInformationNote *note)
{
  if (note == NULL)
    return;
  g_free (note->kind);
  g_free (note->summary);
  g_free (note->agency);
  g_free (note->recorded_at);
  g_free (note);
}

void
rmm_disruption_note_free (RmmDisruptionNote *note)
{
  if (note == NULL)
    return;
  g_free (note->subject_ref);
  g_free (note->tactic);
  g_free (note->detail);
  g_free (note->recorded_at);
  g_free (note);
}

static gpointer
information_note_from_row (RmmDbStmt *stmt)
{
  RmmInformationNote *note = g_new0 (RmmInformationNote, 1);

  note->kind = rmm_db_stmt_dup_text (stmt, 0);
  note->summary = rmm_db_stmt_dup_text (stmt, 1);
  note->agency = rmm_db_stmt_dup_text (stmt, 2);
  note->police_sensitive = rmm_db_stmt_get_int (stmt, 3);
  note->recorded_at = rmm_db_stmt_dup_text (stmt, 4);
  return note;
}

/* New information on the child, oldest first. */
GPtrArray *
rmm_store_list_information_notes (RmmStore  *self,
                                  gint64     child_id,
                                  GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT n.kind, n.summary, COALESCE(a.name, ''), n.police_sensitive, "
                         "       n.recorded_at "
                         "FROM information_note n LEFT JOIN agency a ON a.id = n.agency_id "
                         "WHERE n.child_id = ? ORDER BY n.recorded_at, n.id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, information_note_from_row,
                                 (GDestroyNotify)rmm_information_note_free, error);
}

/* Police-led disruption of a person of concern: police-sensitive by definition. */
gint64
rmm_store_add_disruption_note (RmmStore                     *self,
                               const RmmDisruptionNoteInput *input,
                               GError                      **error)
{
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (input->subject_ref == NULL || *input->subject_ref == '\0'
      || input->tactic == NULL || !g_strv_contains (disruption_tactics, input->tactic))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A disruption note needs the police reference of the person of concern "
                     "and a tactic (%s)."), "cawn, shpo, srho, licensing, harassment, observation, other");
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", input->child_id),
      RMM_TEXT ("subject_ref", input->subject_ref),
      RMM_TEXT ("tactic", input->tactic),
      RMM_TEXT ("detail", input->detail ? input->detail : ""),
      RMM_TEXT ("recorded_by", rmm_store_get_actor (self)),
      RMM_TEXT ("recorded_at", now),
    };

    if (!rmm_store_begin (self, error))
      return 0;
    id = rmm_store_insert (self, "disruption_note", fields, G_N_ELEMENTS (fields), error);
    if (id == 0 || !rmm_store_commit (self, error))
      {
        rmm_store_rollback (self);
        return 0;
      }
  }
  return id;
}

static gpointer
disruption_note_from_row (RmmDbStmt *stmt)
{
  RmmDisruptionNote *note = g_new0 (RmmDisruptionNote, 1);

  note->subject_ref = rmm_db_stmt_dup_text (stmt, 0);
  note->tactic = rmm_db_stmt_dup_text (stmt, 1);
  note->detail = rmm_db_stmt_dup_text (stmt, 2);
  note->recorded_at = rmm_db_stmt_dup_text (stmt, 3);
  return note;
}

GPtrArray *
rmm_store_list_disruption_notes (RmmStore  *self,
                                 gint64     child_id,
                                 GError   **error)
{
  RmmDbStmt *stmt;

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  stmt = rmm_db_prepare (rmm_store_get_db (self),
                         "SELECT subject_ref, tactic, detail, recorded_at FROM disruption_note "
                         "WHERE child_id = ? ORDER BY recorded_at, id", error);
  if (stmt == NULL)
    return NULL;
  rmm_db_stmt_bind_int (stmt, 1, child_id);
  return rmm_store_collect_rows (stmt, disruption_note_from_row,
                                 (GDestroyNotify)rmm_disruption_note_free, error);
}

/* Record a fact and let the rules look at the child's facts again, in one transaction:
 * the trigger it calls for is raised with it, or nothing is written. */
static gint64
record_fact (RmmStore        *self,
             const char      *table,
             gint64           child_id,
             const RmmField  *fields,
             guint            n_fields,
             GError         **error)
{
  RmmTriggerRules *rules = rmm_store_get_trigger_rules (self, error);
  gint64 id;

  if (rules == NULL || !rmm_store_begin (self, error))
    return 0;
  id = rmm_store_insert (self, table, fields, n_fields, error);
  if (id == 0 || !rmm_store_evaluate_triggers (self, rules, child_id, NULL, error))
    {
      rmm_store_rollback (self);
      return 0;
    }
  return rmm_store_commit (self, error) ? id : 0;
}

/* A missing episode (times in UTC, ISO 8601; @ended_at NULL while the child is missing). */
gint64
rmm_store_add_missing_episode (RmmStore                      *self,
                               const RmmMissingEpisodeInput  *input,
                               GError                       **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!rmm_time_is_valid (input->started_at) ||
      (input->ended_at != NULL && !rmm_time_is_valid (input->ended_at)))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Say when the child went missing (and was found), as a date and time."));
      return 0;
    }
  if (input->ended_at != NULL && g_strcmp0 (input->ended_at, input->started_at) < 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The child was found before going missing: check the times."));
      return 0;
    }
  now = rmm_store_now (self);
  /* Stored times are UTC in one form: they compare as text. */
  if (g_strcmp0 (input->started_at, now) > 0 ||
      (input->ended_at != NULL && g_strcmp0 (input->ended_at, now) > 0))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("A missing episode is recorded once it has happened: a time given is "
                     "later than now."));
      return 0;
    }
  {
    RmmField fields[] = {
      RMM_REF ("child_id", input->child_id),
      RMM_TEXT ("started_at", input->started_at),
      RMM_TEXT ("ended_at", input->ended_at),
      RMM_REF ("reported_by_agency", input->agency_id),
      RMM_TEXT ("notes", input->notes ? input->notes : ""),
      RMM_TEXT ("recorded_at", now),
    };

    return record_fact (self, "missing_episode", input->child_id, fields, G_N_ELEMENTS (fields),
                        error);
  }
}

/* New information on an open case; @kind is one of the rules' note kinds or any other
 * word ("school-update"). Police-sensitive notes never reach a family's document. */
gint64
rmm_store_add_information_note (RmmStore                        *self,
                                const RmmInformationNoteInput   *input,
                                GError                         **error)
{
  g_autofree char *summary = g_strstrip (g_strdup (input && input->summary ? input->summary : ""));
  g_autofree char *now = NULL;

  g_return_val_if_fail (RMM_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (input->kind == NULL || *input->kind == '\0' || *summary == '\0')
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("Say what kind of information it is, and what it is."));
      return 0;
    }
  now = rmm_store_now (self);
  {
    RmmField fields[] = {
      RMM_REF ("child_id", input->child_id),
      RMM_TEXT ("kind", input->kind),
      RMM_TEXT ("summary", summary),
      RMM_REF ("agency_id", input->agency_id),
      RMM_INT ("police_sensitive", input->police_sensitive ? 1 : 0),
      RMM_TEXT ("recorded_at", now),
    };

    return record_fact (self, "information_note", input->child_id, fields,
                        G_N_ELEMENTS (fields), error);
  }
}

/* One fact behind a trigger in words: what it is and when. */
static char *
describe_fact (RmmStore    *self,
               const char  *fact,
               GError     **error)
{
  static const struct { const char *entity; const char *sql; } queries[] = {
    { "missing_episode",
      "SELECT started_at, coalesce(ended_at, ''), notes FROM missing_episode WHERE id = ?" },
    { "information_note",
      "SELECT recorded_at, kind, summary FROM information_note WHERE id = ?" },
    { "decision",
      "SELECT proposed_at, value, rationale FROM decision WHERE id = ?" },
  };
  g_auto(GStrv) parts = g_strsplit (fact, ":", 2);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *when = NULL;
  RmmDbStmt *stmt = NULL;
  char *text;

  for (guint i = 0; parts[1] != NULL && i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (parts[0], queries[i].entity) &&
        !(stmt = rmm_db_prepare (rmm_store_get_db (self), queries[i].sql, error)))
      return NULL;
  if (stmt == NULL)
    return g_strdup (fact);
  rmm_db_stmt_bind_int (stmt, 1, g_ascii_strtoll (parts[1], NULL, 10));
  if (!rmm_db_stmt_step (stmt, &local_error))
    {
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_strdup_printf (_("%s (no longer recorded)"), fact);
    }
  when = rmm_time_format_uk (rmm_db_stmt_get_text (stmt, 0), "%-d %b %Y %H:%M");
  if (g_str_equal (parts[0], "missing_episode"))
    text = g_strdup_printf (_("Missing episode from %s%s%s"), when,
                            *rmm_db_stmt_get_text (stmt, 2) ? ": " : "",
                            rmm_db_stmt_get_text (stmt, 2));
  else if (g_str_equal (parts[0], "information_note"))
    text = g_strdup_printf (_("%s, recorded %s: %s"), rmm_db_stmt_get_text (stmt, 1), when,
                            rmm_db_stmt_get_text (stmt, 2));
  else
    text = g_strdup_printf (_("Rating “%s” confirmed %s"), rmm_db_stmt_get_text (stmt, 1),
                            when);
  rmm_db_stmt_reset (stmt);
  return text;
}

/* The facts behind a trigger, one line each ("Missing episode from 1 Nov 2026 21:00…"). */
GStrv
rmm_store_describe_trigger_facts (RmmStore    *self,
                                  const char  *facts,
                                  GError     **error)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) tokens = g_strsplit (facts ? facts : "", " ", -1);

  g_return_val_if_fail (RMM_IS_STORE (self), NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *line = NULL;

      if (*tokens[i] == '\0')
        continue;
      if (!(line = describe_fact (self, tokens[i], error)))
        return NULL;
      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}
