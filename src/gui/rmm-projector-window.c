/* rmm-projector-window.c: the wall screen the room reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fifteen professionals read it from across a room, so the type is large and the contrast
 * high, scaled to the screen's height. It follows the chair's navigation: the agenda, or
 * the child being discussed. A child is their initials and reference unless the chair
 * reveals the name for that item; it never shows minute text or anything police-sensitive.
 * A per-item timer counts the time-box down. Blanking hides everything at once.
 */
#define G_LOG_DOMAIN "rmm-projector-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-document-text.h"
#include "rmm-framework.h"
#include "rmm-item-clock.h"
#include "rmm-labels.h"
#include "rmm-projector-window.h"

#define MAX_AGENDA_LINES 14

struct _RmmProjectorWindow
{
  GtkWindow        parent_instance;

  RmmStore        *store;
  RmmMeeting      *meeting;
  char            *framework_id;
  gint64           item_id;        /* 0: the agenda is on show */
  guint            time_box;       /* of the item on show, in minutes */
  gboolean         revealed;       /* the chair showed this item's name */
  gboolean         blank;
  RmmItemClock    *clock;          /* the chair's window's, or the projector's own */
  gboolean         own_clock;      /* no chair's clock given: follow() turns it */
  guint            rescale_source;
  GtkCssProvider  *scale_provider;
  int              scaled_for;     /* the height the type was last scaled for */

  GtkStack        *stack;
  GtkLabel        *meeting_label;
  GtkLabel        *agenda_label;
  GtkLabel        *position_label;
  GtkLabel        *timer_label;
  GtkLabel        *name_label;
  GtkLabel        *about_label;
  GtkGrid         *facts_grid;
};

G_DEFINE_FINAL_TYPE (RmmProjectorWindow, rmm_projector_window, GTK_TYPE_WINDOW)

/* Type sized for the screen: designed at 1080 lines, scaled to the window's height. */
static void
scale_type (RmmProjectorWindow *self,
            int                 height)
{
  double s = MAX (height, 360) / 1080.0;
  g_autofree char *css = NULL;

  if (height == self->scaled_for)
    return;
  self->scaled_for = height;
  css = g_strdup_printf (".projector-page { padding: %.0fpx %.0fpx; }\n"
                         ".projector-name { font-size: %.0fpx; }\n"
                         ".projector-about { font-size: %.0fpx; }\n"
                         ".projector-meeting { font-size: %.0fpx; }\n"
                         ".projector-timer { font-size: %.0fpx; }\n"
                         ".projector-fact-label { font-size: %.0fpx; }\n"
                         ".projector-fact { font-size: %.0fpx; }\n"
                         ".projector-agenda { font-size: %.0fpx; }\n",
                         48 * s, 72 * s, 120 * s, 44 * s, 34 * s, 56 * s, 32 * s, 52 * s,
                         34 * s);
  gtk_css_provider_load_from_data (self->scale_provider, css, -1);
  /* GTK 4.8 does not always restyle what is already shown when a provider's data changes. */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "projector");
  gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
}

static gboolean
rescale (gpointer user_data)
{
  RmmProjectorWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* As a 1920 × 1080 screen would show it, in proportion: the narrower side decides. */
  self->rescale_source = 0;
  scale_type (self, MIN (height, width * 1080 / 1920));
  return G_SOURCE_REMOVE;
}

static void
rmm_projector_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RmmProjectorWindow *self = RMM_PROJECTOR_WINDOW (widget);

  GTK_WIDGET_CLASS (rmm_projector_window_parent_class)->size_allocate (widget, width, height,
                                                                        baseline);
  /* Not during allocation: new type sizes lay the window out again. The content sits in a
   * scrolled window, so that cannot change the window's own size. */
  if (MIN (height, width * 1080 / 1920) != self->scaled_for && self->rescale_source == 0)
    self->rescale_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rescale, self, NULL);
}

/* The timer. */

/* The same time the chair's page shows: the clock started when the room turned to the
 * child, whenever the projector came on. */
static void
update_timer (RmmProjectorWindow *self)
{
  gboolean over = FALSE;
  g_autofree char *text = rmm_item_clock_describe (self->clock, self->item_id, self->time_box,
                                                   &over);

  gtk_label_set_text (self->timer_label, text);
  if (over)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "over");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "over");
}

static void
on_tick (RmmProjectorWindow *self)
{
  if (!self->blank && self->item_id != 0)
    update_timer (self);
}

/* Showing the agenda. */

static void
show_agenda (RmmProjectorWindow *self)
{
  g_autoptr(GListModel) items = rmm_store_list_agenda (self->store,
                                                       rmm_meeting_get_id (self->meeting), NULL);
  g_autofree char *day = rmm_meeting_format_date (self->meeting, "%A %-d %B %Y");
  g_autofree char *heading = g_strdup_printf (_("%s · %s"), rmm_meeting_get_area_name (self->meeting),
                                              day);
  GString *lines = g_string_new (NULL);
  guint n = items ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n && i < MAX_AGENDA_LINES; i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);
      g_autofree char *who = rmm_document_initials (rmm_agenda_item_get_first_name (item),
                                                     rmm_agenda_item_get_last_name (item));
      g_autofree char *why = rmm_agenda_describe_reasons (rmm_agenda_item_get_reasons (item));

      if (rmm_agenda_item_get_state (item) == RMM_ITEM_STATUS_REMOVED)
        continue;
      g_string_append_printf (lines, "%u   %s   %s   ·   %s\n", rmm_agenda_item_get_position (item),
                              who, rmm_agenda_item_get_child_reference (item), why);
    }
  if (n > MAX_AGENDA_LINES)
    g_string_append_printf (lines, _("… and %u more"), n - MAX_AGENDA_LINES);
  gtk_label_set_text (self->meeting_label, heading);
  gtk_label_set_text (self->agenda_label, g_strchomp (lines->str));
  g_string_free (lines, TRUE);
}

/* Showing a child. */

static void
add_fact (RmmProjectorWindow *self,
          guint               row,
          const char         *label,
          const char         *value,
          gboolean            warning)
{
  GtkWidget *key = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_yalign (GTK_LABEL (key), 0.5);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (key, "projector-fact-label");
  gtk_widget_add_css_class (text, "projector-fact");
  if (warning)
    gtk_widget_add_css_class (text, "warning");
  gtk_grid_attach (self->facts_grid, key, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, text, 1, row, 1, 1);
}

static void
clear_facts (RmmProjectorWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);
}

/* Where the rating stands at this meeting, in the room's words. */
static char *
describe_decision (RmmProjectorWindow *self,
                   RmmFramework       *framework,
                   RmmItemFacts       *facts,
                   gboolean           *settled)
{
  g_autoptr(RmmDecisionState) state = NULL;
  const char *level;

  state = rmm_store_find_meeting_decision (self->store, facts->child_id,
                                           rmm_meeting_get_id (self->meeting), RMM_DECISION_KIND_RISK_RATING,
                                           NULL);
  *settled = FALSE;
  if (state == NULL)
    return g_strdup (_("Not yet decided"));
  level = rmm_framework_describe_level (framework, state->value);
  if (state->status == RMM_DECISION_STATUS_CONFIRMED)
    {
      *settled = TRUE;
      return g_strdup_printf (_("%s — confirmed by both chairs"), level);
    }
  if (state->status == RMM_DECISION_STATUS_DISPUTED)
    return g_strdup_printf (_("%s — the chairs disagree; escalated"), level);
  return g_strdup_printf (_("%s proposed — waiting for both chairs"), level);
}

static char *
describe_lead (RmmItemFacts *facts)
{
  if (facts->lead != NULL)
    return rmm_describe_lead (facts->lead->lead_agency, facts->lead->lead_professional);
  if (facts->has_social_worker)
    return g_strdup (_("Social worker allocated"));
  return g_strdup (_("Not yet agreed"));
}

static void
show_facts (RmmProjectorWindow *self,
            RmmItemFacts       *facts)
{
  RmmFramework *framework = rmm_framework_lookup (facts->framework_id);
  g_autofree char *why = rmm_agenda_describe_reasons (facts->reasons);
  g_autofree char *decision = NULL;
  g_autofree char *lead = describe_lead (facts);
  g_autofree char *actions = g_strdup_printf (_("%u open, %u overdue"), facts->n_open_actions,
                                              facts->n_overdue_actions);
  g_autofree char *triggers = NULL;
  gboolean settled;
  guint row = 0;

  decision = describe_decision (self, framework, facts, &settled);
  triggers = facts->n_open_triggers == 0
    ? g_strdup (_("None open"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u open: a strategy discussion is needed",
                                    "%u open: a strategy discussion is needed",
                                    facts->n_open_triggers), facts->n_open_triggers);
  clear_facts (self);
  add_fact (self, row++, _("Why"), why, FALSE);
  add_fact (self, row++, _("Rating now"),
            rmm_framework_describe_level (framework, facts->rating ? facts->rating->value : NULL),
            FALSE);
  add_fact (self, row++, _("Assessment proposes"),
            facts->assessment_on ? rmm_framework_describe_level (framework,
                                                                 facts->assessment_rating)
                                 : _("Not assessed"), FALSE);
  add_fact (self, row++, _("Decision"), decision, !settled);
  add_fact (self, row++, _("Lead agency"), lead, FALSE);
  add_fact (self, row++, _("Actions"), actions, facts->n_overdue_actions > 0);
  add_fact (self, row++, _("Triggers"), triggers, facts->n_open_triggers > 0);
}

static void
show_item (RmmProjectorWindow *self)
{
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (self->store, self->item_id, NULL);
  g_autoptr(GListModel) items = NULL;
  g_autofree char *name = NULL;
  g_autofree char *about = NULL;
  g_autofree char *age = NULL;
  g_autofree char *position = NULL;
  guint n_items, number = 0;

  if (facts == NULL)
    return;
  items = rmm_store_list_agenda (self->store, rmm_meeting_get_id (self->meeting), NULL);
  n_items = items ? g_list_model_get_n_items (items) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RmmAgendaItem) item = g_list_model_get_item (items, i);

      if (rmm_agenda_item_get_id (item) == self->item_id)
        number = i + 1;
    }
  position = g_strdup_printf (_("Child %u of %u · %s"), number, n_items,
                              rmm_meeting_get_area_name (self->meeting));
  /* Initials and reference until the chair reveals the name, for this item only. */
  if (self->revealed)
    name = g_strdup_printf ("%s %s   %s", facts->first_name, facts->last_name,
                            facts->reference);
  else
    {
      g_autofree char *letters = rmm_document_initials (facts->first_name, facts->last_name);

      name = g_strdup_printf ("%s   %s", letters, facts->reference);
    }
  age = rmm_describe_age (facts->age);
  about = facts->looked_after ? g_strdup_printf (_("%s · looked after"), age) : g_strdup (age);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->about_label, about);
  show_facts (self, facts);
  update_timer (self);
}

/* Blanked, nothing is left in the window to show by accident (or to a screen reader). */
static void
clear_shown (RmmProjectorWindow *self)
{
  GtkLabel *labels[] = { self->meeting_label, self->agenda_label, self->position_label,
                         self->timer_label, self->name_label, self->about_label };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_text (labels[i], "");
  clear_facts (self);
}

static void
show_current (RmmProjectorWindow *self)
{
  if (self->meeting == NULL)
    return;
  if (self->blank)
    {
      gtk_stack_set_visible_child_name (self->stack, "blank");
      clear_shown (self);
    }
  else if (self->item_id != 0)
    {
      show_item (self);
      gtk_stack_set_visible_child_name (self->stack, "item");
    }
  else
    {
      show_agenda (self);
      gtk_stack_set_visible_child_name (self->stack, "agenda");
    }
}

/* The public face. */

/**
 * rmm_projector_window_follow:
 * @item: (nullable): the child the chair turned to, or NULL for the agenda
 *
 * Shows what the chair's window shows; a different child starts (or resumes) their
 * timer and hides their name again.
 */
void
rmm_projector_window_follow (RmmProjectorWindow *self,
                             RmmMeeting         *meeting,
                             RmmAgendaItem      *item)
{
  gint64 item_id = item ? rmm_agenda_item_get_id (item) : 0;

  g_return_if_fail (RMM_IS_PROJECTOR_WINDOW (self));
  g_return_if_fail (RMM_IS_MEETING (meeting));

  if (meeting != self->meeting || item_id != self->item_id)
    {
      g_set_object (&self->meeting, meeting);
      self->item_id = item_id;
      self->revealed = FALSE;
      if (item != NULL)
        self->time_box = rmm_agenda_item_get_time_box (item);
      if (self->own_clock)
        rmm_item_clock_turn_to (self->clock, item_id);
    }
  show_current (self);
}

/* The clock of the chair's window (NULL: one of its own, turned as it follows). */
void
rmm_projector_window_set_clock (RmmProjectorWindow *self,
                                RmmItemClock       *clock)
{
  g_return_if_fail (RMM_IS_PROJECTOR_WINDOW (self));

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  self->own_clock = clock == NULL;
  self->clock = clock ? g_object_ref (clock) : rmm_item_clock_new ();
  g_signal_connect_object (self->clock, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
}

/* The store changed: read what is on show again (a decision confirmed, an action added). */
void
rmm_projector_window_reload (RmmProjectorWindow *self)
{
  g_return_if_fail (RMM_IS_PROJECTOR_WINDOW (self));

  show_current (self);
}

/* The privacy screen: TRUE hides everything at once. */
void
rmm_projector_window_set_blank (RmmProjectorWindow *self,
                                gboolean            blank)
{
  g_return_if_fail (RMM_IS_PROJECTOR_WINDOW (self));

  self->blank = blank;
  show_current (self);
}

gboolean
rmm_projector_window_get_blank (RmmProjectorWindow *self)
{
  g_return_val_if_fail (RMM_IS_PROJECTOR_WINDOW (self), FALSE);

  return self->blank;
}

/* A name shown to the room is a record looked at: who showed it goes in the audit trail
 * (without keeping the room waiting for anyone else's save). */
static void
note_name_revealed (RmmProjectorWindow *self)
{
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (self->store, self->item_id, NULL);

  if (facts != NULL)
    rmm_store_note_access (self->store, &(RmmAccessInput) {
                             .kind = RMM_ACCESS_NAME_REVEALED, .child_id = facts->child_id,
                             .meeting_id = rmm_meeting_get_id (self->meeting) });
}

/* The chair shows (or hides again) the name of the child on show. */
void
rmm_projector_window_set_revealed (RmmProjectorWindow *self,
                                   gboolean            revealed)
{
  g_return_if_fail (RMM_IS_PROJECTOR_WINDOW (self));

  if (revealed && !self->revealed && self->item_id != 0)
    note_name_revealed (self);
  self->revealed = revealed && self->item_id != 0;
  show_current (self);
}

gboolean
rmm_projector_window_get_revealed (RmmProjectorWindow *self)
{
  g_return_val_if_fail (RMM_IS_PROJECTOR_WINDOW (self), FALSE);

  return self->revealed;
}

/* A chair who clicked on the projector by mistake still drives the meeting: the chair's
 * keys go on to the chair's window (its transient parent). */
static const struct { guint key; GdkModifierType mods; const char *action; } chair_keys[] = {
  { GDK_KEY_F5, 0, "win.projector" },
  { GDK_KEY_b, GDK_CONTROL_MASK, "win.projector-blank" },
  { GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.projector-unblank" },
  { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.projector-reveal" },
  { GDK_KEY_Page_Down, GDK_ALT_MASK, "win.next-item" },
  { GDK_KEY_Page_Up, GDK_ALT_MASK, "win.previous-item" },
  { GDK_KEY_Left, GDK_ALT_MASK, "win.back" },
};

static gboolean
pass_to_chair (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GtkWindow *chairs = gtk_window_get_transient_for (GTK_WINDOW (widget));
  const char *action = g_variant_get_string (args, NULL);

  return chairs != NULL && gtk_widget_activate_action (GTK_WIDGET (chairs), action, NULL);
}

/* With one screen the projector opens as a window; F11 fills the screen with it. */
static void
action_toggle_fullscreen (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
rmm_projector_window_dispose (GObject *object)
{
  RmmProjectorWindow *self = RMM_PROJECTOR_WINDOW (object);

  g_clear_handle_id (&self->rescale_source, g_source_remove);
  if (self->scale_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->scale_provider));
  g_clear_object (&self->scale_provider);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PROJECTOR_WINDOW);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rmm_projector_window_parent_class)->dispose (object);
}

static void
rmm_projector_window_class_init (RmmProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_projector_window_dispose;
  widget_class->size_allocate = rmm_projector_window_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-projector-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmProjectorWindow, name)
  BIND (stack);
  BIND (meeting_label);
  BIND (agenda_label);
  BIND (position_label);
  BIND (timer_label);
  BIND (name_label);
  BIND (about_label);
  BIND (facts_grid);
#undef BIND
  gtk_widget_class_install_action (widget_class, "projector.fullscreen", NULL,
                                   action_toggle_fullscreen);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "projector.fullscreen",
                                       NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chair_keys); i++)
    gtk_widget_class_add_binding (widget_class, chair_keys[i].key, chair_keys[i].mods,
                                  pass_to_chair, "s", chair_keys[i].action);
}

static void
rmm_projector_window_init (RmmProjectorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rmm_projector_window_set_clock (self, NULL);
  self->scale_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->scale_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  scale_type (self, 720);
}

RmmProjectorWindow *
rmm_projector_window_new (RmmStore *store)
{
  RmmProjectorWindow *self = g_object_new (RMM_TYPE_PROJECTOR_WINDOW, NULL);

  self->store = g_object_ref (store);
  return self;
}
