/* rmm-item-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-item-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-agenda-row.h"
#include "rmm-assessment.h"
#include "rmm-circulate-dialog.h"
#include "rmm-circulation-group.h"
#include "rmm-closure-dialog.h"
#include "rmm-dates.h"
#include "rmm-decisions-panel.h"
#include "rmm-disruption-dialog.h"
#include "rmm-documents.h"
#include "rmm-episode-dialog.h"
#include "rmm-error.h"
#include "rmm-framework.h"
#include "rmm-gui-utils.h"
#include "rmm-item-page.h"
#include "rmm-labels.h"
#include "rmm-lead-dialog.h"
#include "rmm-minutes-editor.h"
#include "rmm-network-dialog.h"
#include "rmm-note-dialog.h"
#include "rmm-plan-dialog.h"
#include "rmm-preview.h"
#include "rmm-rating-dialog.h"
#include "rmm-response-dialog.h"
#include "rmm-state-types.h"
#include "rmm-transition-dialog.h"

struct _RmmItemPage
{
  GtkWidget          parent_instance;

  RmmStore       *store;
  RmmMeeting     *meeting;
  RmmAgendaItem  *item;
  RmmFramework   *framework;
  char           *framework_id;
  RmmItemFacts   *facts;
  gboolean        active;         /* on show: its actions' keys work window-wide */
  GSimpleActionGroup *actions;    /* "item.*", reached from anywhere in the window */

  AdwPreferencesPage *page;
  GtkLabel       *name_label;
  GtkLabel       *clock_label;
  RmmItemClock   *clock;          /* the meeting window's; NULL: no time shown */
  GtkLabel       *summary_label;
  GtkBox         *reasons_box;
  RmmDecisionsPanel *decisions_panel;
  GtkWidget      *transition_button;
  RmmMinutesEditor *minutes_editor;
  AdwActionRow   *history_row;
  GtkWidget      *access_group;   /* shown only to whom may see who looked */
  GtkWidget      *disruption_row; /* offered only to whom may see police detail */
  gboolean        sees_police;    /* this login sees police detail about the child */
  char           *why_not_decide; /* why this login may not decide, plan… (NULL: it may) */
  char           *why_not_minute; /* … record the minutes and the item's outcome */
  char           *why_not_refer;  /* … record a missing episode */
  char           *why_not_note;   /* … record information */
  char           *why_not_circulate; /* … keep the network and circulate the plan */
  RmmCirculationGroup *circulation_group;
  AdwExpanderRow *access_row;
  GPtrArray      *access_rows;    /* the rows shown in access_row, to take out on reload */
  AdwActionRow   *assessment_row;
  AdwActionRow   *vulnerabilities_row;
  AdwActionRow   *missing_row;
  AdwActionRow   *actions_row;
  AdwActionRow   *triggers_row;
  AdwActionRow   *worker_row;
  AdwActionRow   *transition_row;
  AdwActionRow   *outcome_row;
  GtkWidget      *defer_button;
  GtkWidget      *discussed_button;
  GtkWidget      *reopen_button;
};

G_DEFINE_FINAL_TYPE (RmmItemPage, rmm_item_page, GTK_TYPE_WIDGET)

/* An action of the child on show. While the page is not on show (the agenda is, or another
 * view) none is enabled: Ctrl+1 at the agenda must not rate the child last looked at. */
static void
set_enabled (RmmItemPage *self,
             const char  *name,
             gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled && self->active);
}

static char *
format_day (const char *date)
{
  return rmm_date_format_uk (date, "%-d %b %Y");
}

/* Decisions and minutes are recorded while the meeting is under way: once the chairs have
 * opened it, until it is concluded. */
static gboolean
is_editable (RmmItemPage *self)
{
  return rmm_meeting_get_state (self->meeting) == RMM_MEETING_STATUS_OPEN;
}

/* Where the page's dialogs open. */
static GtkWindow *
parent_window (RmmItemPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* A dialog over the page's window. */
static void
present (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (RmmItemPage  *self,
            const char   *heading,
            const GError *error)
{
  rmm_show_message (GTK_WIDGET (self), heading, error->message);
}

static void
show_header (RmmItemPage *self)
{
  RmmItemFacts *facts = self->facts;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_auto(GStrv) reasons = g_strsplit (facts->reasons, " ", -1);
  g_autofree char *age = rmm_describe_age (facts->age);
  GtkWidget *child;
  g_autofree char *name = g_strdup_printf ("%s %s", facts->first_name, facts->last_name);

  gtk_label_set_text (self->name_label, name);
  g_string_append_printf (summary, "%s · %s · %s", facts->reference, age, facts->area);
  if (*facts->school)
    g_string_append_printf (summary, " · %s", facts->school);
  if (facts->looked_after)
    g_string_append_printf (summary, " · %s", _("Looked after"));
  gtk_label_set_text (self->summary_label, summary->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_box))))
    gtk_box_remove (self->reasons_box, child);
  for (guint i = 0; reasons[i] != NULL; i++)
    if (*reasons[i] != '\0')
      {
        g_autofree char *css = g_strdup_printf ("reason-%s", reasons[i]);

        gtk_box_append (self->reasons_box,
                        rmm_badge_new (rmm_agenda_reason_label (reasons[i]), css));
      }
}

static void
show_history (RmmItemPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->facts->rating_history[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (self->facts->rating_history[i], " ", 2);
      g_autofree char *day = format_day (parts[1]);

      if (i == 4)
        {
          g_string_append (text, " · …");
          break;
        }
      g_string_append_printf (text, "%s%s (%s)", i ? " · " : "",
                              rmm_framework_describe_level (self->framework, parts[0]), day);
    }
  adw_action_row_set_subtitle (self->history_row, text->len ? text->str : _("Never rated"));
}

/* The newest looks shown here; the whole record is `rmmctl access --child`. */
#define ACCESS_ROWS_SHOWN 10

/* What was done and when, in this computer's time. */
static char *
describe_access (const RmmAccessEvent *event)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (event->at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%-d %b %Y %H:%M")
                                : g_strdup (event->at);

  if (g_str_equal (event->what, "child-page"))
    return g_strdup_printf (_("Opened the child’s page, %s"), when);
  if (g_str_equal (event->what, "name-revealed"))
    return g_strdup_printf (_("Showed the name on the projector, %s"), when);
  if (g_str_equal (event->document, "safety-plan"))
    return g_strdup_printf (_("Made the safety plan (%s), %s"), event->audience, when);
  if (g_str_equal (event->document, "chairs-pack"))
    return g_strdup_printf (_("Made the chairs’ pack of a meeting, %s"), when);
  if (g_str_equal (event->document, "cse-list"))
    return g_strdup_printf (_("Made the county-wide CSE list (%s), %s"), event->audience, when);
  return g_strdup_printf (_("Made the minutes of a meeting (%s), %s"), event->audience, when);
}

/* Who looked at the record, for whom may see it (on a server, a chair of the child's area):
 * for anyone else the section is not there at all. */
static void
show_access (RmmItemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *summary = NULL;
  gboolean may_see = rmm_store_may_see_looks (self->store, self->facts->child_id);

  for (guint i = 0; i < self->access_rows->len; i++)
    adw_expander_row_remove (self->access_row, g_ptr_array_index (self->access_rows, i));
  g_ptr_array_set_size (self->access_rows, 0);
  gtk_widget_set_visible (self->access_group, may_see);
  if (!may_see)
    return;
  events = rmm_store_list_access (self->store, self->facts->child_id, &error);
  if (events == NULL)
    {
      adw_expander_row_set_subtitle (self->access_row, error->message);
      return;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u look", "%u looks", events->len),
                             events->len);
  adw_expander_row_set_subtitle (self->access_row, summary);
  for (guint i = events->len; i > 0 && events->len - i < ACCESS_ROWS_SHOWN; i--)
    {
      RmmAccessEvent *event = g_ptr_array_index (events, i - 1);
      g_autofree char *what = describe_access (event);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->actor);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
      adw_expander_row_add_row (self->access_row, row);
      g_ptr_array_add (self->access_rows, row);
    }
}

static void
show_assessment (RmmItemPage *self)
{
  RmmItemFacts *facts = self->facts;
  g_autoptr(GString) ticks = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (facts->assessment_on == NULL)
    {
      adw_action_row_set_subtitle (self->assessment_row, _("No CSE Risk Assessment recorded"));
      adw_action_row_set_subtitle (self->vulnerabilities_row, _("None recorded"));
      return;
    }
  {
    g_autofree char *day = format_day (facts->assessment_on);

    text = g_strdup_printf (_("%s, proposing %s. %s"), day,
                            rmm_framework_describe_level (self->framework,
                                                          facts->assessment_rating),
                            facts->assessment_analysis);
  }
  adw_action_row_set_subtitle (self->assessment_row, text);

  for (guint i = 0; facts->vulnerabilities[i] != NULL; i++)
    {
      const RmmVulnerability *vulnerability = rmm_vulnerability_lookup (facts->vulnerabilities[i]);

      g_string_append_printf (ticks, "%s%s", i ? ", " : "",
                              vulnerability ? _(vulnerability->label) : facts->vulnerabilities[i]);
    }
  if (ticks->len > 0)
    g_string_append (ticks, ". ");
  g_string_append_printf (ticks, g_dngettext (NULL, "%u indicator", "%u indicators",
                                              facts->n_indicators), facts->n_indicators);
  g_string_append_printf (ticks, _(", %u significant"), facts->n_significant);
  adw_action_row_set_subtitle (self->vulnerabilities_row, ticks->str);
}

static void
show_counts (RmmItemPage *self)
{
  RmmItemFacts *facts = self->facts;
  g_autofree char *missing = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *triggers = NULL;

  if (facts->n_missing == 0)
    missing = g_strdup (_("None recorded"));
  else
    {
      g_autofree char *last = rmm_time_format_uk (facts->last_missing_at, "%-d %b %Y");

      missing = g_strdup_printf (_("%u in all, %u in the last 90 days; the last on %s"),
                                 facts->n_missing, facts->n_missing_recent, last);
    }
  adw_action_row_set_subtitle (self->missing_row, missing);

  if (!facts->has_plan)
    actions = g_strdup (_("No open CSE safety plan"));
  else if (*facts->plan_review_on == '\0')
    actions = g_strdup (_("Plan opened; its first version is still to be written"));
  else
    {
      g_autofree char *review = format_day (facts->plan_review_on);
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action",
                                                            "%u open actions",
                                                            facts->n_open_actions),
                                               facts->n_open_actions);

      /* TRANSLATORS: "Plan open, review by 5 Jan 2027. 3 open actions, 1 overdue" */
      actions = g_strdup_printf (_("Plan open, review by %s. %s, %u overdue"), review, open,
                                 facts->n_overdue_actions);
    }
  adw_action_row_set_subtitle (self->actions_row, actions);

  triggers = facts->n_open_triggers == 0
    ? g_strdup (_("None open"))
    : g_strdup_printf (g_dngettext (NULL, "%u open: the RMM must record a response",
                                    "%u open: the RMM must record responses",
                                    facts->n_open_triggers), facts->n_open_triggers);
  adw_action_row_set_subtitle (self->triggers_row, triggers);
  adw_action_row_set_subtitle (self->worker_row, facts->has_social_worker ? facts->social_worker
                                                                           : _("None allocated"));
}

static void
show_transition (RmmItemPage *self)
{
  RmmItemFacts *facts = self->facts;
  g_autofree char *text = NULL;

  if (facts->age < 17)
    text = rmm_describe_age (facts->age);
  else if (facts->age == 17)
    text = g_strdup (facts->transition_planned
                       ? _("17: transition planning has started")
                       : _("17: transition planning to adult services is needed"));
  else
    text = g_strdup_printf (facts->adult_package_agreed
                              ? _("%u: adult support package agreed")
                              : _("%u: no adult support package agreed yet"), facts->age);
  adw_action_row_set_subtitle (self->transition_row, text);
  gtk_widget_set_visible (self->transition_button, facts->age >= 17);
}

/* What this login may not do about the child, on a server, by its role in the child's area:
 * each control insensitive (show_outcome ()), with the reason in its tooltip. */
static void
read_rights (RmmItemPage *self)
{
  gint64 child_id = self->facts->child_id;

  g_free (self->why_not_decide);
  g_free (self->why_not_minute);
  g_free (self->why_not_refer);
  g_free (self->why_not_note);
  self->why_not_decide = rmm_store_why_not_for_child (self->store, RMM_RIGHT_DECIDE, child_id);
  self->why_not_minute = rmm_store_why_not_for_child (self->store, RMM_RIGHT_MINUTE, child_id);
  self->why_not_refer = rmm_store_why_not_for_child (self->store, RMM_RIGHT_REFER, child_id);
  self->why_not_note = rmm_store_why_not_for_child (self->store, RMM_RIGHT_NOTE, child_id);
  g_free (self->why_not_circulate);
  self->why_not_circulate = rmm_store_why_not_for_child (self->store, RMM_RIGHT_CIRCULATE,
                                                         child_id);
}

static void
explain_refusals (RmmItemPage *self)
{
  static const struct { const char *action; gsize why; } explained[] = {
    { "decisions.decide", G_STRUCT_OFFSET (RmmItemPage, why_not_decide) },
    { "decisions.write-plan", G_STRUCT_OFFSET (RmmItemPage, why_not_decide) },
    { "item.transition", G_STRUCT_OFFSET (RmmItemPage, why_not_decide) },
    { "item.raise-trigger", G_STRUCT_OFFSET (RmmItemPage, why_not_decide) },
    { "item.respond", G_STRUCT_OFFSET (RmmItemPage, why_not_decide) },
    { "item.discussed", G_STRUCT_OFFSET (RmmItemPage, why_not_minute) },
    { "item.defer", G_STRUCT_OFFSET (RmmItemPage, why_not_minute) },
    { "item.reopen", G_STRUCT_OFFSET (RmmItemPage, why_not_minute) },
    { "item.record-episode", G_STRUCT_OFFSET (RmmItemPage, why_not_refer) },
    { "item.record-note", G_STRUCT_OFFSET (RmmItemPage, why_not_note) },
    { "item.add-to-network", G_STRUCT_OFFSET (RmmItemPage, why_not_circulate) },
    { "item.circulate", G_STRUCT_OFFSET (RmmItemPage, why_not_circulate) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (explained); i++)
    rmm_widget_explain_refusal (GTK_WIDGET (self), explained[i].action,
                                G_STRUCT_MEMBER (char *, self, explained[i].why));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->minutes_editor), self->why_not_minute);
}

/* The child's network and who holds which version: kept, and the plan circulated, whether
 * or not the meeting is open (an administrator circulates after it). */
static void
show_circulation (RmmItemPage *self)
{
  gboolean may = self->why_not_circulate == NULL;
  RmmCirculationGroup *group = self->circulation_group;

  rmm_circulation_group_show (group, self->store, self->facts->child_id, self->facts->has_plan);
  set_enabled (self, "add-to-network", may);
  set_enabled (self, "remove-from-network", may);
  set_enabled (self, "circulate", may && self->facts->has_plan &&
                                  rmm_circulation_group_get_n_members (group) > 0);
  set_enabled (self, "circulate-outdated", may && rmm_circulation_group_get_n_outdated (group) > 0);
}

static void
show_outcome (RmmItemPage *self)
{
  RmmItemStatus status = self->facts->status;
  gboolean editable = is_editable (self);
  gboolean pending = status == RMM_ITEM_STATUS_PENDING;
  gboolean removed = status == RMM_ITEM_STATUS_REMOVED;
  gboolean minute = editable && self->why_not_minute == NULL;
  gboolean decide = editable && self->why_not_decide == NULL;
  g_autofree char *text = NULL;

  if (status == RMM_ITEM_STATUS_DISCUSSED)
    text = g_strdup (_("Discussed."));
  else if (status == RMM_ITEM_STATUS_DEFERRED)
    text = g_strdup_printf (_("Deferred: %s"), self->facts->status_reason);
  else if (removed)
    text = g_strdup_printf (_("Taken off the agenda: %s"), self->facts->status_reason);
  else if (rmm_meeting_get_state (self->meeting) == RMM_MEETING_STATUS_PLANNED)
    text = g_strdup (_("The meeting is not open yet: open it (Ctrl+Shift+O) to record "
                       "decisions and minutes."));
  else if (!editable)
    text = g_strdup (_("Not discussed."));
  else
    text = g_strdup (_("Not yet discussed. Mark it discussed once the decisions are made, or "
                       "defer it with a reason."));
  adw_action_row_set_subtitle (self->outcome_row, text);
  gtk_widget_set_visible (self->discussed_button, pending && editable);
  gtk_widget_set_visible (self->defer_button, pending && editable);
  gtk_widget_set_visible (self->reopen_button, editable && !pending && !removed);
  set_enabled (self, "discussed", minute && pending);
  set_enabled (self, "defer", minute && pending);
  set_enabled (self, "reopen", minute && !pending);
  set_enabled (self, "decide", decide && !removed);
  set_enabled (self, "plan", decide);
  /* The minutes can be read (and, while the meeting is open, typed) whenever a child is on
   * show: Ctrl+M goes there. */
  set_enabled (self, "focus-minutes", TRUE);
  set_enabled (self, "actions", decide);
  set_enabled (self, "transition", decide);
  set_enabled (self, "record-episode", editable && self->why_not_refer == NULL);
  set_enabled (self, "record-note", editable && self->why_not_note == NULL);
  set_enabled (self, "record-disruption", editable && self->sees_police);
  set_enabled (self, "raise-trigger", decide);
  set_enabled (self, "respond", decide && self->facts->n_open_triggers > 0);
  rmm_minutes_editor_set_editable (self->minutes_editor, minute);
  show_circulation (self);
  explain_refusals (self);
}

/* Read the item again, e.g. after a decision or a change by the minute-taker's window.
 * Typing not yet saved is kept. */
static void show_clock (RmmItemPage *self);

void
rmm_item_page_reload (RmmItemPage *self)
{
  g_autoptr(GError) error = NULL;
  RmmItemFacts *facts;

  g_return_if_fail (RMM_IS_ITEM_PAGE (self));

  if (self->item == NULL)
    return;
  facts = rmm_store_get_item_facts (self->store, rmm_agenda_item_get_id (self->item), &error);
  if (facts == NULL)
    {
      g_warning ("The agenda item could not be read: %s", error->message);
      return;
    }
  g_clear_pointer (&self->facts, rmm_item_facts_free);
  self->facts = facts;
  show_header (self);
  rmm_decisions_panel_show_facts (self->decisions_panel, facts);
  set_enabled (self, "plan-pdf", facts->has_plan);
  show_history (self);
  show_access (self);
  /* Police disruption is not offered to whom the server would refuse it: not there at all,
   * so its absence says nothing of whether there is any. */
  self->sees_police = rmm_store_may_see_police (self->store, self->facts->child_id);
  gtk_widget_set_visible (self->disruption_row, self->sees_police);
  read_rights (self);
  show_assessment (self);
  show_counts (self);
  show_transition (self);
  show_outcome (self);
  show_clock (self);
  rmm_minutes_editor_update (self->minutes_editor, facts->minute_text, facts->row_version);
}

/* Save what has been typed now (also when leaving the item). */
void
rmm_item_page_save_minutes (RmmItemPage *self)
{
  g_return_if_fail (RMM_IS_ITEM_PAGE (self));

  rmm_minutes_editor_save (self->minutes_editor);
}

/* The chairs decide (or look at) a decision of this kind: its dialog. */
static void
decide (RmmItemPage     *self,
        RmmDecisionKind  kind)
{
  GtkWindow *parent = parent_window (self);
  GtkWindow *dialog;

  if (self->item == NULL)
    return;
  if (kind == RMM_DECISION_KIND_LEAD_AGENCY)
    dialog = GTK_WINDOW (rmm_lead_dialog_new (parent, self->store, self->meeting, self->item,
                                              self->framework_id));
  else if (kind == RMM_DECISION_KIND_CLOSURE)
    dialog = GTK_WINDOW (rmm_closure_dialog_new (parent, self->store, self->meeting, self->item));
  else
    dialog = GTK_WINDOW (rmm_rating_dialog_new (parent, self->store, self->meeting, self->item,
                                                self->framework_id));
  present (dialog);
}

static void
action_decide (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  decide (RMM_ITEM_PAGE (user_data),
          rmm_state_from_text (RMM_TYPE_DECISION_KIND, g_variant_get_string (parameter, NULL),
                               RMM_DECISION_KIND_RISK_RATING));
}

/* The decisions panel's buttons: what the page's actions do. */
static void
on_decide (RmmItemPage     *self,
           RmmDecisionKind  kind)
{
  decide (self, kind);
}

static RmmPlanDialog *
open_plan (RmmItemPage *self)
{
  RmmPlanDialog *dialog;

  rmm_item_page_save_minutes (self);
  dialog = rmm_plan_dialog_new (parent_window (self), self->store, self->meeting, self->item,
                                self->framework_id);
  present (dialog);
  return dialog;
}

static void
action_plan (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  open_plan (RMM_ITEM_PAGE (user_data));
}

static void
on_write_plan (RmmItemPage *self)
{
  open_plan (self);
}

/* The plan as it would be circulated, for the professional network or the family. */
static void
preview_plan (RmmItemPage *self,
              const char  *audience_name)
{
  RmmDocumentOptions options = { .language = rmm_settings_get_documents_language () };
  RmmPlanAudience audience = RMM_PLAN_AUDIENCE_PROFESSIONAL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  rmm_plan_audience_from_string (audience_name, &audience);
  document = rmm_safety_plan_document_new (self->store, self->facts->child_id, audience,
                                           &options, &error);
  file_name = g_strdup_printf ("%s-safety-plan-%s.pdf", self->facts->reference, audience_name);
  rmm_preview_show (GTK_WIDGET (self), document, error, file_name);
}

static void
action_plan_pdf (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  preview_plan (RMM_ITEM_PAGE (user_data), g_variant_get_string (parameter, NULL));
}

static void
on_plan_pdf (RmmItemPage *self,
             const char  *audience_name)
{
  preview_plan (self, audience_name);
}

static void
action_actions (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  rmm_plan_dialog_focus_actions (open_plan (RMM_ITEM_PAGE (user_data)));
}

static void
action_transition (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);

  present (rmm_transition_dialog_new (parent_window (self), self->store, self->meeting,
                                      self->item));
}

static void
action_record_episode (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);

  present (rmm_episode_dialog_new (parent_window (self), self->store, self->item));
}

static void
action_record_note (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);

  present (rmm_note_dialog_new (parent_window (self), self->store, self->item));
}

static void
action_record_disruption (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);

  present (rmm_disruption_dialog_new (parent_window (self), self->store, self->item));
}

/* The oldest open trigger first: that is the order the room answers them in. */
static void
action_respond (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = rmm_store_list_triggers (self->store, self->facts->child_id, TRUE,
                                                       &error);

  if (open == NULL)
    {
      show_error (self, _("Could Not Read the Triggers"), error);
      return;
    }
  if (open->len == 0)
    return;
  present (rmm_response_dialog_new (parent_window (self), self->store, self->meeting,
                                    g_ptr_array_index (open, 0)));
}

static void
on_raise_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RmmItemPage      *self)
{
  g_autofree char *reason = rmm_reason_dialog_dup_text (dialog);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "raise") &&
      rmm_store_raise_trigger (self->store, self->facts->child_id, reason, &error) == 0)
    show_error (self, _("No Trigger Was Raised"), error);
}

static void
action_raise_trigger (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  AdwMessageDialog *dialog;

  dialog = rmm_reason_dialog_new (parent_window (self),
                                  _("Raise a Strategy-Discussion Trigger?"),
                                  _("It stays on every agenda of the area, first, until the RMM "
                                    "records a response confirmed by both chairs."),
                                  _("Why a strategy discussion is needed"), "raise", _("Raise"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_raise_response), self, 0);
  present (dialog);
}

static void
action_add_to_network (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);

  present (rmm_network_dialog_new (parent_window (self), self->store, self->item));
}

static void
action_remove_from_network (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  if (!rmm_store_remove_network_member (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, _("Still in the Network"), error);
  else
    rmm_show_toast (GTK_WIDGET (self), _("Taken out of the network; their copies stay on "
                                         "the record"));
}

static void
circulate (RmmItemPage *self,
           gboolean     only_outdated)
{
  g_autoptr(GError) error = NULL;
  RmmCirculateDialog *dialog = rmm_circulate_dialog_new (parent_window (self), self->store,
                                                         self->item, only_outdated, &error);

  if (dialog == NULL)
    show_error (self, _("Nothing to Circulate"), error);
  else
    present (dialog);
}

static void
action_circulate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  circulate (RMM_ITEM_PAGE (user_data), FALSE);
}

static void
action_circulate_outdated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  circulate (RMM_ITEM_PAGE (user_data), TRUE);
}

static void
action_discussed (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  rmm_item_page_save_minutes (self);
  /* Refused, nothing changed: no reload, so focus stays where the chair was. */
  if (!rmm_store_mark_item_discussed (self->store, rmm_agenda_item_get_id (self->item), &error))
    {
      show_error (self, _("Not Yet Discussed"), error);
      return;
    }
  rmm_item_page_reload (self);
  /* Where the chair is looking, not only at the foot of the page. */
  done = g_strdup_printf (_("%s %s: discussed"), rmm_agenda_item_get_first_name (self->item),
                          rmm_agenda_item_get_last_name (self->item));
  rmm_show_toast (GTK_WIDGET (self), done);
}

static void
on_defer_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RmmItemPage      *self)
{
  g_autofree char *reason = rmm_reason_dialog_dup_text (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "defer"))
    return;
  if (!rmm_store_defer_item (self->store, rmm_agenda_item_get_id (self->item), reason, &error))
    show_error (self, _("The Item Was Not Deferred"), error);
  rmm_item_page_reload (self);
}

/* Where a deferred child goes: the date of the area's next meeting, or that there is none. */
static char *
describe_deferral (RmmItemPage *self)
{
  gint64 next_id = rmm_store_find_next_meeting (self->store, rmm_meeting_get_id (self->meeting),
                                                NULL);
  g_autoptr(RmmMeeting) next = next_id ? rmm_store_get_meeting (self->store, next_id, NULL)
                                       : NULL;
  g_autofree char *day = next ? rmm_meeting_format_date (next, "%A %-d %B %Y") : NULL;

  if (day == NULL)
    return g_strdup (_("No next meeting of the area is scheduled: schedule its weekly meetings "
                       "first (main menu, Weekly Meetings…), or the child has nowhere to go."));
  return g_strdup_printf (_("The child goes on the agenda of the next meeting, on %s. Say why "
                            "it is deferred: the minutes show it."), day);
}

static void
action_defer (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  g_autofree char *body = describe_deferral (self);
  AdwMessageDialog *dialog;

  rmm_item_page_save_minutes (self);
  dialog = rmm_reason_dialog_new (parent_window (self),
                                  _("Defer This Item?"), body,
                                  _("Why it is deferred"), "defer", _("Defer"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_defer_response), self, 0);
  present (dialog);
}

static void
action_reopen (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RmmItemPage *self = RMM_ITEM_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  if (!rmm_store_reopen_item (self->store, rmm_agenda_item_get_id (self->item), &error))
    show_error (self, _("The Item Was Not Reopened"), error);
  rmm_item_page_reload (self);
}

static void
action_focus_minutes (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  rmm_minutes_editor_focus (RMM_ITEM_PAGE (user_data)->minutes_editor);
}

static void
rmm_item_page_dispose (GObject *object)
{
  RmmItemPage *self = RMM_ITEM_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_ITEM_PAGE);
  g_clear_pointer (&self->access_rows, g_ptr_array_unref);
  g_clear_pointer (&self->facts, rmm_item_facts_free);
  g_clear_pointer (&self->framework_id, g_free);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->why_not_decide, g_free);
  g_clear_pointer (&self->why_not_minute, g_free);
  g_clear_pointer (&self->why_not_refer, g_free);
  g_clear_pointer (&self->why_not_note, g_free);
  g_clear_pointer (&self->why_not_circulate, g_free);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rmm_item_page_parent_class)->dispose (object);
}

static void
rmm_item_page_class_init (RmmItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_item_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (RMM_TYPE_MINUTES_EDITOR);
  g_type_ensure (RMM_TYPE_DECISIONS_PANEL);
  g_type_ensure (RMM_TYPE_CIRCULATION_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-item-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmItemPage, name)
  BIND (page);
  BIND (name_label);
  BIND (clock_label);
  BIND (summary_label);
  BIND (reasons_box);
  BIND (decisions_panel);
  BIND (transition_button);
  BIND (minutes_editor);
  BIND (history_row);
  BIND (access_group);
  BIND (disruption_row);
  BIND (access_row);
  BIND (circulation_group);
  BIND (assessment_row);
  BIND (vulnerabilities_row);
  BIND (missing_row);
  BIND (actions_row);
  BIND (triggers_row);
  BIND (worker_row);
  BIND (transition_row);
  BIND (outcome_row);
  BIND (defer_button);
  BIND (discussed_button);
  BIND (reopen_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_decide);
  gtk_widget_class_bind_template_callback (widget_class, on_write_plan);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_pdf);
}

/* Their keys are the application's (rmm-shortcuts.c), so they work wherever focus is. */
static const GActionEntry item_actions[] = {
  { "decide", action_decide, "s" },
  { "discussed", action_discussed },
  { "defer", action_defer },
  { "reopen", action_reopen },
  { "focus-minutes", action_focus_minutes },
  { "plan", action_plan },
  { "plan-pdf", action_plan_pdf, "s" },
  { "actions", action_actions },
  { "transition", action_transition },
  { "record-episode", action_record_episode },
  { "record-note", action_record_note },
  { "record-disruption", action_record_disruption },
  { "respond", action_respond },
  { "raise-trigger", action_raise_trigger },
  { "add-to-network", action_add_to_network },
  { "remove-from-network", action_remove_from_network, "x" },
  { "circulate", action_circulate },
  { "circulate-outdated", action_circulate_outdated },
};

/* Which of the page's actions enables which of the decisions panel's buttons. */
static const struct { const char *action; const char *property; } panel_offers[] = {
  { "decide", "can-decide" },
  { "plan", "can-write-plan" },
  { "plan-pdf", "can-print-plan" },
};

static void
rmm_item_page_init (RmmItemPage *self)
{
  self->actions = g_simple_action_group_new ();
  self->access_rows = g_ptr_array_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), item_actions,
                                   G_N_ELEMENTS (item_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (item_actions); i++)
    set_enabled (self, item_actions[i].name, FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "item", G_ACTION_GROUP (self->actions));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The panel's buttons are offered exactly when their keys work. */
  for (guint i = 0; i < G_N_ELEMENTS (panel_offers); i++)
    g_object_bind_property (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                        panel_offers[i].action),
                            "enabled", self->decisions_panel, panel_offers[i].property,
                            G_BINDING_SYNC_CREATE);
}

/* A new child starts at the top (AdwPreferencesPage has no call for it in libadwaita 1.2). */
static void
scroll_to_top (RmmItemPage *self)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (self->page));

  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              0);
}

/* A child's page opened is a record looked at: who opened it goes in the audit trail,
 * without waiting for anyone else's save (a reload of the same child's page is not another
 * look). */
static void
note_page_opened (RmmStore      *store,
                  RmmMeeting    *meeting,
                  RmmAgendaItem *item)
{
  rmm_store_note_access (store, &(RmmAccessInput) {
                           .kind = RMM_ACCESS_CHILD_PAGE,
                           .child_id = rmm_agenda_item_get_child_id (item),
                           .meeting_id = meeting ? rmm_meeting_get_id (meeting) : 0 });
}

void
rmm_item_page_show_item (RmmItemPage   *self,
                         RmmStore      *store,
                         RmmMeeting    *meeting,
                         RmmAgendaItem *item,
                         const char    *framework_id)
{
  char *framework;   /* copied before the old one goes: it may be the same string */

  g_return_if_fail (RMM_IS_ITEM_PAGE (self));
  g_return_if_fail (RMM_IS_STORE (store));

  if (item != NULL && (self->item == NULL ||
                       rmm_agenda_item_get_child_id (item) !=
                       rmm_agenda_item_get_child_id (self->item)))
    note_page_opened (store, meeting, item);
  rmm_minutes_editor_show_item (self->minutes_editor, store,
                                item ? rmm_agenda_item_get_id (item) : 0);
  g_set_object (&self->store, store);
  g_set_object (&self->meeting, meeting);
  g_set_object (&self->item, item);
  framework = g_strdup (framework_id);
  g_free (self->framework_id);
  self->framework_id = framework;
  self->framework = rmm_framework_lookup (self->framework_id);
  rmm_decisions_panel_set_store (self->decisions_panel, store);
  rmm_decisions_panel_set_meeting (self->decisions_panel, meeting);
  rmm_decisions_panel_set_framework_id (self->decisions_panel, self->framework_id);
  rmm_item_page_reload (self);
  scroll_to_top (self);
}

/* The chair sees the time-box count down as the projector does (the room's time is on
 * show only while the meeting is open). */
static void
show_clock (RmmItemPage *self)
{
  gboolean over = FALSE;
  g_autofree char *text = NULL;
  gboolean running = self->clock != NULL && self->item != NULL && self->meeting != NULL &&
                     rmm_meeting_get_state (self->meeting) == RMM_MEETING_STATUS_OPEN;

  gtk_widget_set_visible (GTK_WIDGET (self->clock_label), running);
  if (!running)
    return;
  text = rmm_item_clock_describe (self->clock, rmm_agenda_item_get_id (self->item),
                                  rmm_agenda_item_get_time_box (self->item), &over);
  gtk_label_set_text (self->clock_label, text);
  if (over)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "error");
}

void
rmm_item_page_set_clock (RmmItemPage  *self,
                         RmmItemClock *clock)
{
  g_return_if_fail (RMM_IS_ITEM_PAGE (self));

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_set_object (&self->clock, clock);
  if (clock != NULL)
    g_signal_connect_object (clock, "tick", G_CALLBACK (show_clock), self, G_CONNECT_SWAPPED);
  show_clock (self);
}

/* The page's actions ("item.*"), for the window to offer wherever focus is. */
GActionGroup *
rmm_item_page_get_actions (RmmItemPage *self)
{
  g_return_val_if_fail (RMM_IS_ITEM_PAGE (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/* On show or not: its actions follow. */
void
rmm_item_page_set_active (RmmItemPage *self,
                          gboolean     active)
{
  g_return_if_fail (RMM_IS_ITEM_PAGE (self));

  self->active = active;
  if (self->facts == NULL || !active)
    {
      for (guint i = 0; i < G_N_ELEMENTS (item_actions); i++)
        set_enabled (self, item_actions[i].name, FALSE);
      return;
    }
  rmm_item_page_reload (self);
}

RmmAgendaItem *
rmm_item_page_get_item (RmmItemPage *self)
{
  g_return_val_if_fail (RMM_IS_ITEM_PAGE (self), NULL);
  return self->item;
}
