/* rmm-safety-plan-document.c: a child's CSE safety plan, for professionals or for the family
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The professional version carries everything the network needs: the risks, every action,
 * the new information (police-sensitive marked) and police disruption. The family version
 * is written to the child and their parents or carers in plain words, and is built only
 * from what is meant for them: what is going well, their own views, who works with them
 * and the actions marked for the family's copy, each by agency. The risks, new
 * information and disruption (where police-sensitive and third-party detail lives) are
 * never read into it.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"
#include <glib/gstdio.h>

#include <errno.h>

#include "rmm-document-text.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-labels.h"

typedef struct
{
  RmmStore         *store;
  RmmChildRecord   *child;
  RmmPlanVersion   *version;    /* the newest, or NULL before the plan is written */
  GPtrArray        *versions;
  GPtrArray        *actions;
  RmmDecisionState *lead;
  RmmPdfDocument   *document;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->child, rmm_child_record_free);
  g_clear_pointer (&plan->versions, g_ptr_array_unref);
  g_clear_pointer (&plan->actions, g_ptr_array_unref);
  g_clear_pointer (&plan->lead, rmm_decision_state_free);
  g_clear_object (&plan->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static void
add_section (RmmPdfDocument *document,
             const char     *heading,
             const char     *text,
             const char     *empty)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  rmm_pdf_document_add_heading (document, 1, heading);
  if (*stripped != '\0')
    rmm_pdf_document_add_paragraph (document, stripped);
  else
    rmm_pdf_document_add_note (document, empty);
}

static char *
describe_lead (Plan *plan)
{
  /* With a social worker allocated, no lead agency is decided: the social worker leads. */
  if (plan->lead == NULL && *plan->child->social_worker != '\0')
    return g_strdup_printf (_("Led by the allocated social worker, %s"),
                            plan->child->social_worker);
  if (plan->lead == NULL)
    return g_strdup (_("Not yet agreed"));
  return rmm_describe_lead (plan->lead->lead_agency, plan->lead->lead_professional);
}

/* When the newest version was agreed ("20 November 2026"), or NULL before the first. */
static char *
format_agreed_on (Plan *plan)
{
  if (plan->version == NULL)
    return NULL;
  return rmm_document_format_date (*plan->version->meets_on ? plan->version->meets_on
                                                            : plan->version->created_at);
}

static char *
describe_version (Plan *plan)
{
  g_autofree char *agreed = format_agreed_on (plan);

  if (agreed == NULL)
    return g_strdup (_("Not yet written: due at the next meeting"));
  return g_strdup_printf (_("Version %u, agreed at the RMM on %s"), plan->version->version,
                          agreed);
}

/* Professional version. */

static void
add_professional_header (Plan *plan)
{
  RmmPdfDocument *document = plan->document;
  RmmChildRecord *child = plan->child;
  g_autofree char *now = rmm_store_now (plan->store);
  g_autofree char *today = g_strndup (now, 10);
  g_autofree char *born = rmm_document_format_date (child->date_of_birth);
  g_autofree char *born_age = g_strdup_printf (_("%s (age %u)"), born,
                                               rmm_document_age_on (child->date_of_birth, today));
  g_autofree char *name = rmm_document_child_name (child->first_name, child->last_name,
                                                   child->reference, FALSE);
  g_autofree char *lead = describe_lead (plan);
  g_autofree char *version = describe_version (plan);
  g_autofree char *review = plan->version ? rmm_document_format_date (plan->version->review_on)
                                          : g_strdup ("");
  RmmFramework *framework = rmm_framework_lookup (child->framework_id);

  rmm_pdf_document_add_title (document, _("CSE Safety Plan"), name);
  rmm_pdf_document_add_note (document, _("Professional version: it holds police-sensitive and "
                                         "third-party information. Never give it to the child "
                                         "or family; they have their own version."));
  rmm_pdf_document_add_key_value (document, _("Born"), born_age);
  if (*child->gender != '\0')
    rmm_pdf_document_add_key_value (document, _("Gender"), child->gender);
  rmm_pdf_document_add_key_value (document, _("Area"), child->area);
  if (*child->school != '\0')
    rmm_pdf_document_add_key_value (document, _("School"), child->school);
  rmm_pdf_document_add_key_value (document, _("Looked after"),
                                  child->looked_after ? _("Yes") : _("No"));
  rmm_pdf_document_add_key_value (document, _("Social worker"),
                                  *child->social_worker ? child->social_worker
                                                        : _("None allocated"));
  rmm_pdf_document_add_key_value (document, _("Risk rating"),
                                  rmm_framework_describe_level (framework, child->rating));
  rmm_pdf_document_add_key_value (document, _("Lead agency"), lead);
  rmm_pdf_document_add_key_value (document, _("Plan"), version);
  if (*review != '\0')
    rmm_pdf_document_add_key_value (document, _("Review by"), review);
}

static void
add_professional_actions (Plan *plan)
{
  static const double widths[] = { 0.34, 0.17, 0.15, 0.12, 0.12, 0.10 };
  const char *headers[] = { _("Action"), _("Owner"), _("Agency"), _("Due"), _("Status"),
                            _("Family copy") };

  rmm_pdf_document_add_heading (plan->document, 1, _("Actions"));
  if (plan->actions->len == 0)
    {
      rmm_pdf_document_add_note (plan->document, _("No actions agreed yet."));
      return;
    }
  rmm_pdf_document_begin_table (plan->document, 6, widths, headers);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (plan->actions, i);
      g_autofree char *due = rmm_document_format_short_date (action->due_on);
      const char *cells[] = { action->description, action->owner, action->agency, due,
                              rmm_action_status_label (action->status),
                              action->family_visible ? _("Yes") : _("No") };

      rmm_pdf_document_add_row (plan->document, RMM_PDF_ROW_PLAIN, cells);
    }
}

static gboolean
add_information (Plan    *plan,
                 GError **error)
{
  g_autoptr(GPtrArray) notes = rmm_store_list_information_notes (plan->store, plan->child->id,
                                                                 error);
  static const double widths[] = { 0.15, 0.22, 0.18, 0.45 };
  const char *headers[] = { _("Recorded"), _("What"), _("From"), _("Summary") };

  if (notes == NULL)
    return FALSE;
  if (notes->len == 0)
    return TRUE;
  rmm_pdf_document_add_heading (plan->document, 1, _("New information"));
  rmm_pdf_document_add_note (plan->document, _("Police-sensitive entries are marked and shown "
                                               "in red."));
  rmm_pdf_document_begin_table (plan->document, 4, widths, headers);
  for (guint i = 0; i < notes->len; i++)
    {
      RmmInformationNote *note = g_ptr_array_index (notes, i);
      g_autofree char *day = rmm_document_format_short_date (note->recorded_at);
      g_autofree char *what = note->police_sensitive
        ? g_strdup_printf (_("%s (police-sensitive)"), rmm_note_kind_label (note->kind))
        : g_strdup (rmm_note_kind_label (note->kind));
      const char *cells[] = { day, what, note->agency, note->summary };

      rmm_pdf_document_add_row (plan->document,
                                note->police_sensitive ? RMM_PDF_ROW_FLAGGED : RMM_PDF_ROW_PLAIN,
                                cells);
    }
  return TRUE;
}

static gboolean
add_disruption (Plan    *plan,
                GError **error)
{
  g_autoptr(GPtrArray) notes = rmm_store_list_disruption_notes (plan->store, plan->child->id,
                                                                error);
  static const double widths[] = { 0.15, 0.25, 0.18, 0.42 };
  const char *headers[] = { _("Recorded"), _("Tactic"), _("Person of concern"), _("Detail") };

  if (notes == NULL)
    return FALSE;
  if (notes->len == 0)
    return TRUE;
  rmm_pdf_document_add_heading (plan->document, 1, _("Police disruption (police-sensitive)"));
  rmm_pdf_document_begin_table (plan->document, 4, widths, headers);
  for (guint i = 0; i < notes->len; i++)
    {
      RmmDisruptionNote *note = g_ptr_array_index (notes, i);
      g_autofree char *day = rmm_document_format_short_date (note->recorded_at);
      const char *cells[] = { day, rmm_disruption_tactic_label (note->tactic), note->subject_ref,
                              note->detail };

      rmm_pdf_document_add_row (plan->document, RMM_PDF_ROW_PLAIN, cells);
    }
  return TRUE;
}

static gboolean
build_professional (Plan    *plan,
                    GError **error)
{
  RmmPlanVersion *version = plan->version;

  add_professional_header (plan);
  add_section (plan->document, _("Risks"), version ? version->risks : NULL,
               _("Not recorded."));
  add_section (plan->document, _("Protective factors"),
               version ? version->protective_factors : NULL, _("Not recorded."));
  add_section (plan->document, _("The child’s views"), version ? version->child_views : NULL,
               _("Not recorded."));
  add_section (plan->document, _("Parents’ or carers’ views"),
               version ? version->carer_views : NULL, _("Not recorded."));
  add_section (plan->document, _("Direct work"), version ? version->direct_work_by : NULL,
               _("Not recorded."));
  add_professional_actions (plan);
  return add_information (plan, error) && add_disruption (plan, error);
}

/* Family version. */

static void
add_family_header (Plan *plan)
{
  RmmPdfDocument *document = plan->document;
  RmmChildRecord *child = plan->child;
  g_autofree char *subtitle = g_strdup_printf (_("For %s %s and their family"),
                                               child->first_name, child->last_name);
  g_autofree char *review = plan->version ? rmm_document_format_date (plan->version->review_on)
                                          : g_strdup (_("at the next meeting"));
  g_autofree char *agreed = format_agreed_on (plan);
  g_autofree char *intro = NULL;

  rmm_pdf_document_add_title (document, _("Your Safety Plan"), subtitle);
  intro = agreed
    ? g_strdup_printf (_("The people who work with you met on %s and agreed this plan with you. "
                         "It says what is going well, what you and your family told us, and "
                         "what each of us will do to help keep you safe."), agreed)
    : g_strdup (_("The people who work with you are writing this plan with you. It says what "
                  "is going well, what you and your family told us, and what each of us will "
                  "do to help keep you safe."));
  rmm_pdf_document_add_paragraph (document, intro);
  if (plan->lead != NULL)
    {
      g_autofree char *lead = describe_lead (plan);

      rmm_pdf_document_add_key_value (document, _("Who to talk to"), lead);
    }
  if (*child->social_worker != '\0')
    rmm_pdf_document_add_key_value (document, _("Your social worker"), child->social_worker);
  rmm_pdf_document_add_key_value (document, _("We will look at this plan again"), review);
}

static void
add_family_actions (Plan *plan)
{
  static const double widths[] = { 0.56, 0.26, 0.18 };
  const char *headers[] = { _("What will happen"), _("Who"), _("By when") };
  g_autofree char *now = rmm_store_now (plan->store);
  g_autofree char *today = g_strndup (now, 10);
  guint shown = 0;

  rmm_pdf_document_add_heading (plan->document, 1, _("What will happen next"));
  for (guint i = 0; i < plan->actions->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (plan->actions, i);
      g_autofree char *due = NULL;

      /* Only what is still to happen, only what the chairs chose for the family, and never
       * the police's own actions, whatever the flag an older version stored says. */
      if (!action->family_visible || action->police_owned ||
          action->status != RMM_ACTION_STATUS_OPEN)
        continue;
      if (shown++ == 0)
        rmm_pdf_document_begin_table (plan->document, 3, widths, headers);
      due = rmm_document_format_date (action->due_on);
      if (g_strcmp0 (action->due_on, today) < 0)
        {
          g_autofree char *date = g_steal_pointer (&due);

          due = g_strdup_printf (_("%s: this is late and has not happened yet"), date);
        }
      {
        /* The agency, not a person's name: the family knows who to ask by where they work. */
        const char *cells[] = { action->description, action->agency, due };

        rmm_pdf_document_add_row (plan->document, RMM_PDF_ROW_PLAIN, cells);
      }
    }
  if (shown == 0)
    rmm_pdf_document_add_note (plan->document, _("Your worker will tell you what happens next."));
}

static gboolean
build_family (Plan    *plan,
              GError **error)
{
  RmmPlanVersion *version = plan->version;

  add_family_header (plan);
  add_section (plan->document, _("What is going well"),
               version ? version->protective_factors : NULL,
               _("We will talk about this with you."));
  add_section (plan->document, _("What you told us"), version ? version->child_views : NULL,
               _("We want to hear what you think. Tell your worker."));
  add_section (plan->document, _("What your parents or carers told us"),
               version ? version->carer_views : NULL, _("We will talk about this with you."));
  add_section (plan->document, _("Who will work with you"),
               version ? version->direct_work_by : NULL, _("Your worker will tell you."));
  add_family_actions (plan);
  rmm_pdf_document_add_heading (plan->document, 1, _("If you feel unsafe"));
  rmm_pdf_document_add_paragraph (plan->document,
                                  _("If you are in danger now, call 999. You can talk to "
                                    "Childline at any time on 0800 1111: it is free and does "
                                    "not show on the phone bill. You can always talk to your "
                                    "worker, or to any adult you trust."));
  return TRUE;
}

static gboolean
load_plan (Plan    *plan,
           gint64   child_id,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!(plan->child = rmm_store_get_child_record (plan->store, child_id, error)) ||
      !(plan->versions = rmm_store_list_plan_versions (plan->store, child_id, error)))
    return FALSE;
  /* Newest first; a closed plan's versions are history, not this plan. */
  if (plan->versions->len > 0)
    {
      RmmPlanVersion *newest = g_ptr_array_index (plan->versions, 0);

      if (newest->open)
        plan->version = newest;
    }
  if (plan->version == NULL && !plan->child->has_open_plan)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("%s has no open safety plan."), plan->child->reference);
      return FALSE;
    }
  if (!(plan->actions = rmm_store_list_child_actions (plan->store, child_id, error)))
    return FALSE;
  plan->lead = rmm_store_find_current_decision (plan->store, child_id, RMM_DECISION_KIND_LEAD_AGENCY,
                                                &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The document, in the language pushed for it. */
static RmmPdfDocument *
build (RmmStore                  *store,
       gint64                     child_id,
       RmmPlanAudience            audience,
       const RmmDocumentOptions  *options,
       GError                   **error)
{
  g_auto(Plan) plan = { store };
  g_autofree char *marking = NULL;
  g_autofree char *title = NULL;
  g_autofree char *agreed = NULL;
  gboolean family = audience == RMM_PLAN_AUDIENCE_FAMILY;
  RmmPdfInfo info = { 0 };

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!load_plan (&plan, child_id, error))
    return NULL;
  marking = rmm_document_get_marking (store, options);
  agreed = format_agreed_on (&plan);
  /* The professional copy's footer names the child by reference only. */
  title = family ? g_strdup_printf (_("Safety plan for %s %s"), plan.child->first_name,
                                    plan.child->last_name)
                 : g_strdup_printf (_("CSE safety plan, %s, professional version"),
                                    plan.child->reference);
  info.title = title;
  info.subject = family ? _("CSE safety plan: family version")
                        : _("CSE safety plan: professional version");
  info.author = plan.child->area;
  info.marking = marking;
  info.date = agreed;
  plan.document = rmm_pdf_document_new (&info);

  if (!(family ? build_family (&plan, error) : build_professional (&plan, error)) ||
      !rmm_document_record_access (store, &(RmmAccessInput) {
                                     .child_id = child_id, .document = "safety-plan",
                                     .audience = family ? "family" : "professional" },
                                   options, error))
    return NULL;
  return g_steal_pointer (&plan.document);
}

/* Writing every open plan of an area: the documents are read from the store here, then
 * laid out and written by one worker a processor (each with its own pango context). */

typedef struct
{
  GPtrArray  *documents;   /* RmmPdfDocument */
  GPtrArray  *paths;
  int         next;        /* the next document a worker takes */
  GMutex      lock;
  GError     *error;       /* the first failure; the workers stop on it */
} AreaPlans;

static gpointer
write_plans_worker (gpointer data)
{
  AreaPlans *plans = data;

  for (;;)
    {
      int i = g_atomic_int_add (&plans->next, 1);
      GError *error = NULL;
      gboolean failed;

      g_mutex_lock (&plans->lock);
      failed = plans->error != NULL;
      g_mutex_unlock (&plans->lock);
      if (failed || i >= (int)plans->documents->len)
        return NULL;
      if (!rmm_pdf_document_write (g_ptr_array_index (plans->documents, i),
                                   g_ptr_array_index (plans->paths, i), &error))
        {
          g_mutex_lock (&plans->lock);
          if (plans->error == NULL)
            plans->error = error;
          else
            g_error_free (error);
          g_mutex_unlock (&plans->lock);
        }
    }
}

/* Empties and removes the staging folder (only the files this run put there). */
static void
remove_staged (const char *staging,
               GPtrArray  *staged)
{
  for (guint i = 0; i < staged->len; i++)
    g_remove (g_ptr_array_index (staged, i));
  g_rmdir (staging);
}

/* Every file written, then moved into @folder together: a failure part-way (a full disk)
 * must not leave some families' plans out and others in with nothing said. A rename in
 * one folder does not need space, so once all are written, all arrive. */
static gboolean
write_staged (AreaPlans   *plans,
              GPtrArray   *final_paths,
              const char  *staging,
              GError     **error)
{
  guint n_workers = MAX (1, MIN (g_get_num_processors (), 8));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  g_mutex_init (&plans->lock);
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (threads, g_thread_new ("rmm-plans", write_plans_worker, plans));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&plans->lock);
  if (plans->error != NULL)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                   _("No plan was written, so that none is missing unnoticed: %s"),
                   plans->error->message);
      g_clear_error (&plans->error);
      return FALSE;
    }
  for (guint i = 0; i < final_paths->len; i++)
    if (g_rename (g_ptr_array_index (plans->paths, i), g_ptr_array_index (final_paths, i)) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Could not put “%s” in place (%s); the %u plan before it was "
                                  "written, the rest were not.",
                                  "Could not put “%s” in place (%s); the %u plans before it "
                                  "were written, the rest were not.", i),
                     (const char *)g_ptr_array_index (final_paths, i), g_strerror (saved_errno),
                     i);
        return FALSE;
      }
  return TRUE;
}

/**
 * rmm_safety_plans_write_area:
 * @folder: where the files go, made (0700) if it does not exist
 *
 * Writes every open safety plan of @area_id, one file each named by the child's reference
 * ("REF-safety-plan-family.pdf"), never by name: a file name is seen by more eyes than its
 * content. All are written or none: they are made in a private folder inside @folder and
 * moved into place once every one is complete. Returns the paths written, in the children's
 * order, or NULL with @error set.
 */
GPtrArray *
rmm_safety_plans_write_area (RmmStore                  *store,
                             gint64                     area_id,
                             RmmPlanAudience            audience,
                             const RmmDocumentOptions  *options,
                             const char                *folder,
                             GError                   **error)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) final_paths = NULL;
  g_autofree char *staging = NULL;
  AreaPlans plans = { 0 };
  RmmDocumentOptions each = *options;
  g_autoptr(GArray) looks = g_array_new (FALSE, TRUE, sizeof (RmmAccessInput));
  gboolean written;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  /* Nothing made, nor a folder, where the looks could not be recorded (a copy read-only). */
  if (!rmm_store_record_accesses (store, NULL, 0, error) ||
      !(children = rmm_store_list_open_plan_children (store, area_id, error)))
    return NULL;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not make the folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }
  staging = g_build_filename (folder, ".rmm-plans-XXXXXX", NULL);
  if (g_mkdtemp_full (staging, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, RMM_ERROR, RMM_ERROR_IO, _("Could not write in the folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }
  plans.documents = g_ptr_array_new_with_free_func (g_object_unref);
  plans.paths = g_ptr_array_new_with_free_func (g_free);
  final_paths = g_ptr_array_new_with_free_func (g_free);
  /* Every plan's look recorded together once all are made: one commit, not one a plan, and
   * no other writer kept waiting while they are laid out. */
  each.looks_recorded_by_caller = TRUE;
  for (guint i = 0; i < children->len; i++)
    {
      RmmChildRecord *child = g_ptr_array_index (children, i);
      g_autofree char *name = g_strdup_printf ("%s-safety-plan-%s.pdf", child->reference,
                                               audience == RMM_PLAN_AUDIENCE_FAMILY
                                               ? "family" : "professional");

      g_ptr_array_add (final_paths, g_build_filename (folder, name, NULL));
      g_ptr_array_add (plans.paths, g_build_filename (staging, name, NULL));
    }
  /* All or none: a name taken by anything but an older PDF refuses them all, before any is
   * made. */
  for (guint i = 0; i < final_paths->len; i++)
    if (!rmm_pdf_document_check_target (g_ptr_array_index (final_paths, i), error))
      {
        g_rmdir (staging);
        g_ptr_array_unref (plans.documents);
        g_ptr_array_unref (plans.paths);
        return NULL;
      }
  for (guint i = 0; i < children->len; i++)
    {
      RmmChildRecord *child = g_ptr_array_index (children, i);
      RmmPdfDocument *document = rmm_safety_plan_document_new (store, child->id, audience,
                                                               &each, error);
      RmmAccessInput look = {
        .kind = RMM_ACCESS_DOCUMENT, .child_id = child->id, .document = "safety-plan",
        .audience = options->anonymised ? "anonymised"
                    : audience == RMM_PLAN_AUDIENCE_FAMILY ? "family" : "professional",
      };

      if (document == NULL)
        break;
      g_array_append_val (looks, look);
      g_ptr_array_add (plans.documents, document);
    }

  written = plans.documents->len == children->len &&
            rmm_store_record_accesses (store, (RmmAccessInput *)looks->data, looks->len, error) &&
            write_staged (&plans, final_paths, staging, error);
  remove_staged (staging, plans.paths);
  g_ptr_array_unref (plans.documents);
  g_ptr_array_unref (plans.paths);
  return written ? g_steal_pointer (&final_paths) : NULL;
}

/* In its language: the one the export asked for, else its area's. */
RmmPdfDocument *
rmm_safety_plan_document_new (RmmStore                  *store,
                              gint64                     child_id,
                              RmmPlanAudience            audience,
                              const RmmDocumentOptions  *options,
                              GError                   **error)
{
  RmmPdfDocument *document;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  rmm_document_begin_language (store, options, "child", child_id);
  document = build (store, child_id, audience, options, error);
  rmm_document_language_pop ();
  return document;
}
