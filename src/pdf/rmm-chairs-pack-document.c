/* rmm-chairs-pack-document.c: the chairs' pack for a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the two chairs read before the meeting: the agenda in order with what each item
 * needs decided, the open triggers and the actions due for review, then one page per child
 * with the facts the room will need. Overdue actions, reviews past due and open triggers
 * are flagged in red. The agenda's children's plans circulated since the last meeting, and
 * the copies of an older version still held, close the summary: a chair sees who is working
 * from an old plan before the room relies on it.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include <string.h>

#include "rmm-document-text.h"
#include "rmm-documents.h"
#include "rmm-framework.h"

typedef struct
{
  RmmStore        *store;
  RmmMeeting      *meeting;
  RmmPdfDocument  *document;
  GPtrArray       *facts;      /* RmmItemFacts, in agenda order */
} Pack;

static void
pack_clear (Pack *pack)
{
  g_clear_object (&pack->meeting);
  g_clear_object (&pack->document);
  g_clear_pointer (&pack->facts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pack, pack_clear)

static gboolean
review_overdue (const RmmItemFacts *facts)
{
  return facts->has_plan && facts->plan_review_on != NULL && *facts->plan_review_on != '\0'
         && g_strcmp0 (facts->plan_review_on, facts->meets_on) < 0;
}

/* What the item flags for the chairs, in words; '' when nothing. */
static char *
describe_flags (const RmmItemFacts *facts)
{
  g_autoptr(GStrvBuilder) flags = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *triggers = NULL;

  if (facts->n_overdue_actions > 0)
    {
      actions = g_strdup_printf (rmm_document_ngettext ("%u overdue action",
                                                        "%u overdue actions",
                                                        facts->n_overdue_actions),
                                 facts->n_overdue_actions);
      g_strv_builder_add (flags, actions);
    }
  if (facts->n_open_triggers > 0)
    {
      triggers = g_strdup_printf (rmm_document_ngettext ("%u open trigger",
                                                         "%u open triggers",
                                                         facts->n_open_triggers),
                                  facts->n_open_triggers);
      g_strv_builder_add (flags, triggers);
    }
  if (review_overdue (facts))
    g_strv_builder_add (flags, _("plan review overdue"));
  joined = g_strv_builder_end (flags);
  return g_strjoinv (", ", joined);
}

/* The decisions the item will need, in words. */
static char *
describe_needs (const RmmItemFacts *facts)
{
  g_autoptr(GStrvBuilder) needs = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  g_strv_builder_add (needs, _("rating"));
  if (rmm_item_facts_needs_lead (facts))
    g_strv_builder_add (needs, _("lead agency"));
  if (rmm_item_facts_needs_plan (facts))
    g_strv_builder_add (needs, _("safety plan"));
  joined = g_strv_builder_end (needs);
  return g_strjoinv (", ", joined);
}

static void
add_agenda (Pack *pack)
{
  static const double widths[] = { 0.07, 0.25, 0.18, 0.13, 0.15, 0.22 };
  const char *headers[] = { _("No."), _("Child"), _("Why"), _("Rating"), _("Decide"),
                            _("Flags") };

  rmm_pdf_document_add_heading (pack->document, 1, _("Agenda"));
  if (pack->facts->len == 0)
    {
      rmm_pdf_document_add_paragraph (pack->document, _("No child is on the agenda."));
      return;
    }
  rmm_pdf_document_begin_table (pack->document, 6, widths, headers);
  for (guint i = 0; i < pack->facts->len; i++)
    {
      RmmItemFacts *facts = g_ptr_array_index (pack->facts, i);
      RmmFramework *framework = rmm_framework_lookup (facts->framework_id);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = rmm_document_child_name (facts->first_name, facts->last_name,
                                                       facts->reference, FALSE);
      g_autofree char *why = rmm_agenda_describe_reasons (facts->reasons);
      g_autofree char *needs = describe_needs (facts);
      g_autofree char *flags = describe_flags (facts);
      const char *rating = rmm_framework_describe_level (framework,
                                                        facts->rating ? facts->rating->value
                                                                      : NULL);
      const char *cells[] = { number, name, why, rating, needs, flags };

      rmm_pdf_document_add_row (pack->document,
                                *flags != '\0' ? RMM_PDF_ROW_FLAGGED_LAST : RMM_PDF_ROW_PLAIN,
                                cells);
    }
}

static gboolean
add_open_triggers (Pack    *pack,
                   GError **error)
{
  static const double widths[] = { 0.3, 0.4, 0.15, 0.15 };
  const char *headers[] = { _("Child"), _("Why raised"), _("Raised"), _("Status") };
  gboolean started = FALSE;

  rmm_pdf_document_add_heading (pack->document, 1, _("Open triggers"));
  for (guint i = 0; i < pack->facts->len; i++)
    {
      RmmItemFacts *facts = g_ptr_array_index (pack->facts, i);
      g_autoptr(GPtrArray) triggers = NULL;

      if (!(triggers = rmm_store_list_triggers (pack->store, facts->child_id, FALSE, error)))
        return FALSE;
      for (guint j = 0; j < triggers->len; j++)
        {
          RmmTrigger *trigger = g_ptr_array_index (triggers, j);
          g_autofree char *name = NULL;
          g_autofree char *raised = NULL;
          const char *cells[4];

          /* The pack of a past meeting shows what waited then, not what waits now. */
          if (!rmm_trigger_was_open_on (trigger, rmm_meeting_get_meets_on (pack->meeting)))
            continue;
          name = rmm_document_child_name (facts->first_name, facts->last_name,
                                          facts->reference, FALSE);
          raised = rmm_document_format_short_date (trigger->raised_at);
          cells[0] = name;
          cells[1] = trigger->reason;
          cells[2] = raised;
          cells[3] = trigger->overdue ? _("Overdue") : _("Waiting");
          if (!started)
            rmm_pdf_document_begin_table (pack->document, 4, widths, headers);
          started = TRUE;
          rmm_pdf_document_add_row (pack->document, RMM_PDF_ROW_FLAGGED, cells);
        }
    }
  if (!started)
    rmm_pdf_document_add_paragraph (pack->document, _("No trigger waits for a response."));
  return TRUE;
}

static gboolean
add_actions_due (Pack    *pack,
                 GError **error)
{
  g_autoptr(GPtrArray) actions = rmm_store_list_previous_actions (pack->store,
                                                                  rmm_meeting_get_id (pack->meeting),
                                                                  error);
  static const double widths[] = { 0.24, 0.4, 0.22, 0.14 };
  const char *headers[] = { _("Child"), _("Action"), _("Owner"), _("Due") };

  if (actions == NULL)
    return FALSE;
  rmm_pdf_document_add_heading (pack->document, 1, _("Actions due for review"));
  if (actions->len == 0)
    {
      rmm_pdf_document_add_paragraph (pack->document, _("No action is due."));
      return TRUE;
    }
  rmm_pdf_document_begin_table (pack->document, 4, widths, headers);
  for (guint i = 0; i < actions->len; i++)
    {
      RmmPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *child = g_strdup_printf ("%s (%s)", action->child_name, action->reference);
      g_autofree char *owner = rmm_describe_lead (action->agency, action->owner);
      g_autofree char *due = rmm_document_format_short_date (action->due_on);
      const char *cells[] = { child, action->description, *action->owner ? owner : action->agency,
                              due };

      rmm_pdf_document_add_row (pack->document,
                                g_strcmp0 (action->due_on, rmm_meeting_get_meets_on (pack->meeting)) < 0
                                ? RMM_PDF_ROW_FLAGGED : RMM_PDF_ROW_PLAIN, cells);
    }
  return TRUE;
}

/* The day of the area's meeting before this one ("" when there is none). */
static char *
previous_meeting_day (Pack    *pack,
                      GError **error)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (pack->store,
                                                            rmm_meeting_get_area_id (pack->meeting),
                                                            error);
  const char *here = rmm_meeting_get_meets_on (pack->meeting);
  char *day = g_strdup ("");

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);
      const char *on = rmm_meeting_get_meets_on (meeting);

      if (strcmp (on, here) < 0 && strcmp (on, day) > 0)
        {
          g_free (day);
          day = g_strdup (on);
        }
    }
  if (meetings == NULL)
    g_clear_pointer (&day, g_free);
  return day;
}

/* A copy sent on a day from @since to the meeting's own, both included. */
static gboolean
sent_between (const RmmCirculationRecord *record,
              const char                 *since,
              const char                 *until)
{
  return strncmp (record->circulated_at, since, 10) >= 0 &&
         strncmp (record->circulated_at, until, 10) <= 0;
}

/* Whether the holder of the @i'th copy was sent no later copy: their newest is the one the
 * pack lists as held. */
static gboolean
holds_no_later (GPtrArray *records,
                guint      i)
{
  const RmmCirculationRecord *record = g_ptr_array_index (records, i);

  for (guint j = i + 1; j < records->len; j++)
    if (g_strcmp0 (((RmmCirculationRecord *)g_ptr_array_index (records, j))->recipient,
                   record->recipient) == 0)
      return FALSE;
  return TRUE;
}

/* One row per child and version sent since the last meeting: how many copies, the last
 * when; and one per holder of an older version, with the newest they hold. */
static void
add_child_circulation (Pack               *pack,
                       const RmmItemFacts *facts,
                       GPtrArray          *records,
                       const char         *since,
                       GPtrArray          *sent_rows,
                       GPtrArray          *outdated_rows)
{
  g_autofree char *name = rmm_document_child_name (facts->first_name, facts->last_name,
                                                   facts->reference, FALSE);
  const char *until = rmm_meeting_get_meets_on (pack->meeting);

  for (guint i = 0; i < records->len; i++)
    {
      const RmmCirculationRecord *record = g_ptr_array_index (records, i);
      guint copies = 1;
      const char *last = record->circulated_at;

      if (record->outdated && holds_no_later (records, i))
        {
          g_autofree char *held = g_strdup_printf ("%u", record->version);

          g_ptr_array_add (outdated_rows,
                           g_strdupv ((char *[]) { name, record->recipient, held, NULL }));
        }
      if (!sent_between (record, since, until))
        continue;
      /* The first copy of its version in the period carries the count. */
      for (guint j = 0; j < i; j++)
        {
          const RmmCirculationRecord *before = g_ptr_array_index (records, j);

          if (before->version == record->version && sent_between (before, since, until))
            copies = 0;
        }
      for (guint j = i + 1; copies > 0 && j < records->len; j++)
        {
          const RmmCirculationRecord *after = g_ptr_array_index (records, j);

          if (after->version == record->version && sent_between (after, since, until))
            {
              copies++;
              last = after->circulated_at;
            }
        }
      if (copies > 0)
        {
          g_autofree char *version = g_strdup_printf ("%u", record->version);
          g_autofree char *count = g_strdup_printf ("%u", copies);
          g_autofree char *day = rmm_document_format_short_date (last);

          g_ptr_array_add (sent_rows,
                           g_strdupv ((char *[]) { name, version, count, day, NULL }));
        }
    }
}

static void
add_table (RmmPdfDocument     *document,
           GPtrArray          *rows,
           guint               n_columns,
           const double       *widths,
           const char * const *headers,
           RmmPdfRowFlags      flags)
{
  rmm_pdf_document_begin_table (document, n_columns, widths, headers);
  for (guint i = 0; i < rows->len; i++)
    rmm_pdf_document_add_row (document, flags, g_ptr_array_index (rows, i));
}

static gboolean
add_circulation (Pack    *pack,
                 GError **error)
{
  static const double sent_widths[] = { 0.4, 0.2, 0.2, 0.2 };
  static const double outdated_widths[] = { 0.35, 0.45, 0.2 };
  const char *sent_headers[] = { _("Child"), _("Version"), _("Copies"), _("Last sent") };
  const char *outdated_headers[] = { _("Child"), _("Held by"), _("Version held") };
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) outdated = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *since = previous_meeting_day (pack, error);

  if (since == NULL)
    return FALSE;
  for (guint i = 0; i < pack->facts->len; i++)
    {
      RmmItemFacts *facts = g_ptr_array_index (pack->facts, i);
      g_autoptr(GPtrArray) records = rmm_store_list_circulation (pack->store, facts->child_id, 0,
                                                                 error);

      if (records == NULL)
        return FALSE;
      add_child_circulation (pack, facts, records, since, sent, outdated);
    }
  rmm_pdf_document_add_heading (pack->document, 1, _("Plans circulated since the last meeting"));
  if (sent->len == 0)
    rmm_pdf_document_add_paragraph (pack->document, _("No plan of a child on the agenda was "
                                                      "circulated since the last meeting."));
  else
    add_table (pack->document, sent, 4, sent_widths, sent_headers, RMM_PDF_ROW_PLAIN);
  rmm_pdf_document_add_heading (pack->document, 1, _("Outdated copies still held"));
  if (outdated->len == 0)
    rmm_pdf_document_add_paragraph (pack->document, _("Everyone sent a plan of a child on the "
                                                      "agenda holds its current version."));
  else
    {
      rmm_pdf_document_add_note (pack->document, _("As the record stands as this pack is made: "
                                                   "each holds a version a newer one has "
                                                   "replaced, and has not been sent it."));
      add_table (pack->document, outdated, 3, outdated_widths, outdated_headers,
                 RMM_PDF_ROW_FLAGGED);
    }
  return TRUE;
}

static void
add_missing (RmmPdfDocument     *document,
             const RmmItemFacts *facts)
{
  g_autofree char *last = rmm_document_format_date (facts->last_missing_at);
  g_autofree char *text = NULL;

  if (facts->n_missing == 0)
    text = g_strdup (_("None recorded"));
  else
    text = g_strdup_printf (_("%u in all, %u in the last 90 days; the last on %s"),
                            facts->n_missing, facts->n_missing_recent, last);
  rmm_pdf_document_add_key_value (document, _("Missing episodes"), text);
}

/* "High on 2 November 2026; Medium on 7 September 2026", newest first, in the framework's
 * own words. */
static char *
describe_history (RmmFramework  *framework,
                  char         **history)
{
  GString *text;

  if (history == NULL || history[0] == NULL)
    return g_strdup (_("Never rated"));
  text = g_string_new (NULL);
  for (guint i = 0; history[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (history[i], " ", 2);
      g_autofree char *day = rmm_document_format_date (parts[0] ? parts[1] : NULL);

      if (i > 0)
        g_string_append (text, "; ");
      /* TRANSLATORS: a rating and the day it was confirmed: "High on 2 November 2026" */
      g_string_append_printf (text, _("%s on %s"),
                              rmm_framework_describe_level (framework, parts[0]), day);
    }
  return g_string_free (text, FALSE);
}

static void
add_assessment (RmmPdfDocument     *document,
                RmmFramework       *framework,
                const RmmItemFacts *facts)
{
  g_autofree char *on = NULL;
  g_autofree char *vulnerabilities = NULL;
  g_autofree char *indicators = NULL;
  g_autofree char *text = NULL;
  guint n_vulnerabilities;

  if (facts->assessment_on == NULL || *facts->assessment_on == '\0')
    {
      rmm_pdf_document_add_key_value (document, _("Assessment"), _("Never assessed"));
      return;
    }
  on = rmm_document_format_date (facts->assessment_on);
  n_vulnerabilities = g_strv_length (facts->vulnerabilities);
  vulnerabilities = g_strdup_printf (rmm_document_ngettext ("%u vulnerability",
                                                           "%u vulnerabilities",
                                                           n_vulnerabilities),
                                     n_vulnerabilities);
  indicators = g_strdup_printf (rmm_document_ngettext ("%u indicator", "%u indicators",
                                                       facts->n_indicators),
                                facts->n_indicators);
  /* TRANSLATORS: "1 vulnerability, 3 indicators (1 significant)" */
  text = g_strdup_printf (_("%s: proposes %s; %s, %s (%u significant)"), on,
                          rmm_framework_describe_level (framework, facts->assessment_rating),
                          vulnerabilities, indicators, facts->n_significant);
  rmm_pdf_document_add_key_value (document, _("Assessment"), text);
  if (facts->assessment_analysis != NULL && *facts->assessment_analysis != '\0')
    rmm_pdf_document_add_key_value (document, _("Analysis"), facts->assessment_analysis);
}

static void
add_plan_facts (RmmPdfDocument     *document,
                const RmmItemFacts *facts)
{
  g_autofree char *review = rmm_document_format_date (facts->plan_review_on);
  g_autofree char *plan = NULL;
  g_autofree char *actions = NULL;

  if (!facts->has_plan)
    plan = g_strdup (_("No open plan"));
  else if (*review == '\0')
    plan = g_strdup (_("Opened, not yet written"));
  else
    plan = g_strdup_printf (review_overdue (facts) ? _("Review was due by %s") : _("Review by %s"),
                            review);
  rmm_pdf_document_add_key_value (document, _("Safety plan"), plan);
  actions = g_strdup_printf (_("%u open, %u overdue"), facts->n_open_actions,
                             facts->n_overdue_actions);
  rmm_pdf_document_add_key_value (document, _("Actions"), actions);
}

static void
add_item (Pack               *pack,
          const RmmItemFacts *facts,
          guint               number)
{
  RmmPdfDocument *document = pack->document;
  RmmFramework *framework = rmm_framework_lookup (facts->framework_id);
  g_autofree char *name = rmm_document_child_name (facts->first_name, facts->last_name,
                                                   facts->reference, FALSE);
  g_autofree char *heading = g_strdup_printf (_("%u. %s"), number, name);
  g_autofree char *why = rmm_agenda_describe_reasons (facts->reasons);
  g_autofree char *age = g_strdup_printf (_("%u%s"), facts->age,
                                          facts->looked_after ? _(", looked after") : "");
  g_autofree char *history = describe_history (framework, facts->rating_history);
  g_autofree char *lead = facts->lead ? rmm_describe_lead (facts->lead->lead_agency,
                                                           facts->lead->lead_professional)
                                      : g_strdup (_("Not agreed"));
  g_autofree char *needs = describe_needs (facts);

  rmm_pdf_document_begin_section (document, 1, heading, NULL);
  rmm_pdf_document_add_key_value (document, _("Why on the agenda"), why);
  rmm_pdf_document_add_key_value (document, _("To decide"), needs);
  rmm_pdf_document_add_key_value (document, _("Age"), age);
  if (*facts->school != '\0')
    rmm_pdf_document_add_key_value (document, _("School"), facts->school);
  rmm_pdf_document_add_key_value (document, _("Social worker"),
                                  facts->has_social_worker ? facts->social_worker
                                                           : _("None allocated"));
  rmm_pdf_document_add_key_value (document, _("Rating now"),
                                  rmm_framework_describe_level (framework,
                                                               facts->rating ? facts->rating->value
                                                                             : NULL));
  rmm_pdf_document_add_key_value (document, _("Rating history"), history);
  rmm_pdf_document_add_key_value (document, _("Lead agency"), lead);
  add_assessment (document, framework, facts);
  add_missing (document, facts);
  add_plan_facts (document, facts);
  if (facts->age >= 17)
    rmm_pdf_document_add_check (document, facts->transition_planned,
                                _("Transition to adult services planned"));
}

static gboolean
load_facts (Pack    *pack,
            GError **error)
{
  g_autoptr(GListModel) items = rmm_store_list_agenda (pack->store,
                                                       rmm_meeting_get_id (pack->meeting), error);
  guint n;

  if (items == NULL)
    return FALSE;
  n = g_list_model_get_n_items (items);
  pack->facts = g_ptr_array_new_with_free_func ((GDestroyNotify)rmm_item_facts_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);
      RmmItemFacts *facts;

      if (rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_REMOVED)
        continue;
      if (!(facts = rmm_store_get_item_facts (pack->store, rmm_agenda_item_get_id (item), error)))
        return FALSE;
      g_ptr_array_add (pack->facts, facts);
    }
  return TRUE;
}

static void
start_document (Pack                     *pack,
                const RmmDocumentOptions *options)
{
  RmmMeeting *meeting = pack->meeting;
  g_autofree char *marking = rmm_document_get_marking (pack->store, options);
  g_autofree char *day = rmm_document_format_date (rmm_meeting_get_meets_on (meeting));
  g_autofree char *title = g_strdup_printf (_("Chairs’ pack, %s, %s"),
                                            rmm_meeting_get_area_name (meeting), day);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s at %s"),
                                               rmm_meeting_get_area_name (meeting), day,
                                               rmm_meeting_get_starts_at (meeting));
  RmmPdfInfo info = {
    .title = title,
    .subject = _("Chairs’ pack for the CSE Risk Management Meeting"),
    .author = PACKAGE_NAME,
    .marking = marking,
    .date = day,
  };

  pack->document = rmm_pdf_document_new (&info);
  rmm_pdf_document_add_title (pack->document, _("Chairs’ Pack"), subtitle);
  rmm_pdf_document_add_note (pack->document, _("For the chairs before the meeting. Flagged in "
                                               "red: overdue actions, plan reviews past due and "
                                               "triggers waiting for the RMM’s response."));
  rmm_pdf_document_add_key_value (pack->document, _("Chair (Children’s Services)"),
                                  rmm_meeting_get_chair_children (meeting));
  rmm_pdf_document_add_key_value (pack->document, _("Chair (Family Services)"),
                                  rmm_meeting_get_chair_family (meeting));
  rmm_pdf_document_add_key_value (pack->document, _("Minute-taker"),
                                  rmm_meeting_get_minute_taker (meeting));
  if (*rmm_meeting_get_location (meeting) != '\0')
    rmm_pdf_document_add_key_value (pack->document, _("Where"), rmm_meeting_get_location (meeting));
  rmm_pdf_document_add_contents (pack->document);
}

/* The document, in the language pushed for it. */
static RmmPdfDocument *
build (RmmStore                  *store,
       gint64                     meeting_id,
       const RmmDocumentOptions  *options,
       GError                   **error)
{
  g_auto(Pack) pack = { store };

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(pack.meeting = rmm_store_get_meeting (store, meeting_id, error)) ||
      !load_facts (&pack, error))
    return NULL;
  start_document (&pack, options);
  add_agenda (&pack);
  if (!add_open_triggers (&pack, error) || !add_actions_due (&pack, error) ||
      !add_circulation (&pack, error))
    return NULL;
  for (guint i = 0; i < pack.facts->len; i++)
    add_item (&pack, g_ptr_array_index (pack.facts, i), i + 1);
  if (!rmm_document_record_access (store, &(RmmAccessInput) {
                                     .meeting_id = meeting_id, .document = "chairs-pack",
                                     .audience = "professional" },
                                   options, error))
    return NULL;
  return g_steal_pointer (&pack.document);
}

/* In its language: the one the export asked for, else its area's. */
RmmPdfDocument *
rmm_chairs_pack_document_new (RmmStore                  *store,
                              gint64                     meeting_id,
                              const RmmDocumentOptions  *options,
                              GError                   **error)
{
  RmmPdfDocument *document;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  rmm_document_begin_language (store, options, "meeting", meeting_id);
  document = build (store, meeting_id, options, error);
  rmm_document_language_pop ();
  return document;
}
