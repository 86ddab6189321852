/* rmm-agenda-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-agenda-item"

#include "config.h"

#include "rmm-document-i18n.h"
#include <string.h>

#include "rmm-agenda-item.h"
#include "rmm-child.h"
#include "rmm-state-types.h"

struct _RmmAgendaItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    meeting_id;
  gint64    child_id;
  char     *child_reference;
  char     *first_name;
  char     *last_name;
  char     *reasons;
  char     *rating;
  char     *status;
  char     *status_reason;
  guint     position;
  guint     time_box;
  gboolean  overdue;
  char     *review_on;
};

G_DEFINE_FINAL_TYPE (RmmAgendaItem, rmm_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEETING_ID,
  PROP_CHILD_ID,
  PROP_CHILD_REFERENCE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_REASONS,
  PROP_RATING,
  PROP_STATUS,
  PROP_STATUS_REASON,
  PROP_POSITION,
  PROP_TIME_BOX,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (RmmAgendaItem *self,
             guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_CHILD_REFERENCE: return &self->child_reference;
    case PROP_FIRST_NAME: return &self->first_name;
    case PROP_LAST_NAME: return &self->last_name;
    case PROP_REASONS: return &self->reasons;
    case PROP_RATING: return &self->rating;
    case PROP_STATUS: return &self->status;
    case PROP_STATUS_REASON: return &self->status_reason;
    default: return NULL;
    }
}

static gint64 *
int_slot (RmmAgendaItem *self,
          guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_MEETING_ID: return &self->meeting_id;
    case PROP_CHILD_ID: return &self->child_id;
    default: return NULL;
    }
}

static void
rmm_agenda_item_finalize (GObject *object)
{
  RmmAgendaItem *self = (RmmAgendaItem *)object;

  for (guint i = PROP_CHILD_REFERENCE; i <= PROP_STATUS_REASON; i++)
    g_free (*string_slot (self, i));
  g_free (self->review_on);

  G_OBJECT_CLASS (rmm_agenda_item_parent_class)->finalize (object);
}

static void
rmm_agenda_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RmmAgendaItem *self = RMM_AGENDA_ITEM (object);

  if (string_slot (self, prop_id))
    g_value_set_string (value, *string_slot (self, prop_id));
  else if (int_slot (self, prop_id))
    g_value_set_int64 (value, *int_slot (self, prop_id));
  else if (prop_id == PROP_POSITION)
    g_value_set_uint (value, self->position);
  else if (prop_id == PROP_TIME_BOX)
    g_value_set_uint (value, self->time_box);
  else if (prop_id == PROP_OVERDUE)
    g_value_set_boolean (value, self->overdue);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_agenda_item_class_init (RmmAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Read-only: rmm_agenda_item_new() fills the fields; construct properties would each be
   * set at every construction, which on a 180-child agenda costs more than the query. */
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char *names[] = {
    NULL, "id", "meeting-id", "child-id", "child-reference", "first-name", "last-name",
    "reasons", "rating", "status", "status-reason",
  };

  object_class->finalize = rmm_agenda_item_finalize;
  object_class->get_property = rmm_agenda_item_get_property;

  for (guint i = PROP_ID; i <= PROP_CHILD_ID; i++)
    properties[i] = g_param_spec_int64 (names[i], NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint i = PROP_CHILD_REFERENCE; i <= PROP_STATUS_REASON; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "", flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TIME_BOX] = g_param_spec_uint ("time-box", NULL, NULL, 0, G_MAXUINT, 5, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_agenda_item_init (RmmAgendaItem *self)
{
}

/* Without the property machinery: an agenda of 150 children is read on every refresh, and
 * thirteen properties through g_object_new() cost more than the query. */
RmmAgendaItem *
rmm_agenda_item_new (const RmmAgendaItemFields *fields)
{
  RmmAgendaItem *self = g_object_new (RMM_TYPE_AGENDA_ITEM, NULL);

  self->id = fields->id;
  self->meeting_id = fields->meeting_id;
  self->child_id = fields->child_id;
  self->child_reference = g_strdup (fields->child_reference);
  self->first_name = g_strdup (fields->first_name);
  self->last_name = g_strdup (fields->last_name);
  self->reasons = g_strdup (fields->reasons);
  self->rating = g_strdup (fields->rating);
  self->status = g_strdup (fields->status);
  self->status_reason = g_strdup (fields->status_reason);
  self->position = fields->position;
  self->time_box = fields->time_box;
  self->overdue = fields->overdue;
  self->review_on = g_strdup (fields->review_on ? fields->review_on : "");
  return self;
}

#define GETTER(type, name, field) \
  type rmm_agenda_item_get_##name (RmmAgendaItem *self) \
  { \
    g_return_val_if_fail (RMM_IS_AGENDA_ITEM (self), 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (gint64, meeting_id, meeting_id)
GETTER (gint64, child_id, child_id)
GETTER (const char *, child_reference, child_reference)
GETTER (const char *, first_name, first_name)
GETTER (const char *, last_name, last_name)
GETTER (const char *, reasons, reasons)
GETTER (const char *, rating, rating)
GETTER (guint, position, position)
GETTER (guint, time_box, time_box)
GETTER (const char *, status, status)
GETTER (const char *, status_reason, status_reason)

/* Where the item stands; a status the schema does not know reads as taken off the agenda. */
RmmItemStatus
rmm_agenda_item_get_state (RmmAgendaItem *self)
{
  g_return_val_if_fail (RMM_IS_AGENDA_ITEM (self), RMM_ITEM_STATUS_REMOVED);
  return rmm_state_from_text (RMM_TYPE_ITEM_STATUS, self->status, RMM_ITEM_STATUS_REMOVED);
}
GETTER (gboolean, overdue, overdue)
GETTER (const char *, review_on, review_on)

#undef GETTER

GStrv
rmm_agenda_item_dup_reason_list (RmmAgendaItem *self)
{
  g_return_val_if_fail (RMM_IS_AGENDA_ITEM (self), NULL);
  return g_strsplit (self->reasons ? self->reasons : "", " ", -1);
}

gboolean
rmm_agenda_item_has_reason (RmmAgendaItem *self,
                            const char    *reason)
{
  g_auto(GStrv) reasons = rmm_agenda_item_dup_reason_list (self);

  return g_strv_contains ((const char * const *)reasons, reason);
}

char *
rmm_agenda_item_dup_initials (RmmAgendaItem *self)
{
  g_return_val_if_fail (RMM_IS_AGENDA_ITEM (self), NULL);
  return rmm_child_initials (self->first_name, self->last_name);
}

/* What each agenda reason is called, on screen and on paper. */
static const struct { const char *id; const char *label; } reason_labels[] = {
  { "trigger", N_("Trigger") },
  { "new-referral", N_("New referral") },
  { "review-due", N_("Review due") },
  { "closure", N_("Closure") },
  { "transition", N_("Transition") },
  { "early-help-check", N_("Early Help check") },
  { "overdue-actions", N_("Overdue actions") },
  { "added-by-chair", N_("Added by chair") },
};

const char *
rmm_agenda_reason_label (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_labels); i++)
    if (g_strcmp0 (reason_labels[i].id, reason) == 0)
      return _(reason_labels[i].label);
  return reason;
}

/* Whether every one of the space-separated @reasons is an agenda reason the app knows. */
gboolean
rmm_agenda_reasons_are_known (const char *reasons)
{
  g_auto(GStrv) each = g_strsplit (reasons ? reasons : "", " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (reason_labels) && !known; j++)
        known = g_str_equal (reason_labels[j].id, each[i]);
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* The space-separated reasons as people read them: "Trigger, Review due". */
char *
rmm_agenda_describe_reasons (const char *reasons)
{
  g_auto(GStrv) ids = g_strsplit (reasons ? reasons : "", " ", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (*ids[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, rmm_agenda_reason_label (ids[i]));
    }
  return g_string_free (text, FALSE);
}
