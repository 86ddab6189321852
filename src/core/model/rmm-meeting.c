/* rmm-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-meeting"

#include "config.h"

#include "rmm-document-i18n.h"
#include <stdio.h>

#include "rmm-meeting.h"
#include "rmm-state-types.h"

struct _RmmMeeting
{
  GObject  parent_instance;

  gint64   id;
  gint64   area_id;
  char    *area_name;
  char    *meets_on;
  char    *starts_at;
  char    *location;
  char    *status;
  char    *chair_children;
  char    *chair_family;
  char    *minute_taker;
  guint    n_children;
  gint64   chair_children_id;
  gint64   chair_family_id;
};

G_DEFINE_FINAL_TYPE (RmmMeeting, rmm_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_MEETS_ON,
  PROP_STARTS_AT,
  PROP_LOCATION,
  PROP_STATUS,
  PROP_CHAIR_CHILDREN,
  PROP_CHAIR_FAMILY,
  PROP_MINUTE_TAKER,
  PROP_N_CHILDREN,
  PROP_CHAIR_CHILDREN_ID,
  PROP_CHAIR_FAMILY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_meeting_finalize (GObject *object)
{
  RmmMeeting *self = (RmmMeeting *)object;

  g_free (self->area_name);
  g_free (self->meets_on);
  g_free (self->starts_at);
  g_free (self->location);
  g_free (self->status);
  g_free (self->chair_children);
  g_free (self->chair_family);
  g_free (self->minute_taker);

  G_OBJECT_CLASS (rmm_meeting_parent_class)->finalize (object);
}

/* The string properties, in enum order, for get and set alike. */
static char **
string_slot (RmmMeeting *self,
             guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_AREA_NAME: return &self->area_name;
    case PROP_MEETS_ON: return &self->meets_on;
    case PROP_STARTS_AT: return &self->starts_at;
    case PROP_LOCATION: return &self->location;
    case PROP_STATUS: return &self->status;
    case PROP_CHAIR_CHILDREN: return &self->chair_children;
    case PROP_CHAIR_FAMILY: return &self->chair_family;
    case PROP_MINUTE_TAKER: return &self->minute_taker;
    default: return NULL;
    }
}

static void
rmm_meeting_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RmmMeeting *self = RMM_MEETING (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_AREA_ID)
    g_value_set_int64 (value, self->area_id);
  else if (prop_id == PROP_N_CHILDREN)
    g_value_set_uint (value, self->n_children);
  else if (prop_id == PROP_CHAIR_CHILDREN_ID)
    g_value_set_int64 (value, self->chair_children_id);
  else if (prop_id == PROP_CHAIR_FAMILY_ID)
    g_value_set_int64 (value, self->chair_family_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_meeting_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RmmMeeting *self = RMM_MEETING (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
    }
  else if (prop_id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else if (prop_id == PROP_AREA_ID)
    self->area_id = g_value_get_int64 (value);
  else if (prop_id == PROP_N_CHILDREN)
    self->n_children = g_value_get_uint (value);
  else if (prop_id == PROP_CHAIR_CHILDREN_ID)
    self->chair_children_id = g_value_get_int64 (value);
  else if (prop_id == PROP_CHAIR_FAMILY_ID)
    self->chair_family_id = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_STATIC_STRINGS);
}

static void
rmm_meeting_class_init (RmmMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rmm_meeting_finalize;
  object_class->get_property = rmm_meeting_get_property;
  object_class->set_property = rmm_meeting_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA_ID] = g_param_spec_int64 ("area-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA_NAME] = string_property ("area-name");
  properties[PROP_MEETS_ON] = string_property ("meets-on");
  properties[PROP_STARTS_AT] = string_property ("starts-at");
  properties[PROP_LOCATION] = string_property ("location");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_CHAIR_CHILDREN] = string_property ("chair-children");
  properties[PROP_CHAIR_FAMILY] = string_property ("chair-family");
  properties[PROP_MINUTE_TAKER] = string_property ("minute-taker");
  properties[PROP_N_CHILDREN] = g_param_spec_uint ("n-children", NULL, NULL, 0, G_MAXUINT, 0,
                                                   flags);
  properties[PROP_CHAIR_CHILDREN_ID] = g_param_spec_int64 ("chair-children-id", NULL, NULL, 0,
                                                           G_MAXINT64, 0, flags);
  properties[PROP_CHAIR_FAMILY_ID] = g_param_spec_int64 ("chair-family-id", NULL, NULL, 0,
                                                         G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_meeting_init (RmmMeeting *self)
{
}

gint64
rmm_meeting_get_id (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), 0);
  return self->id;
}

gint64
rmm_meeting_get_area_id (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), 0);
  return self->area_id;
}

const char *
rmm_meeting_get_area_name (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->area_name;
}

const char *
rmm_meeting_get_meets_on (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->meets_on;
}

const char *
rmm_meeting_get_starts_at (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->starts_at;
}

const char *
rmm_meeting_get_location (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->location;
}

const char *
rmm_meeting_get_status (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->status;
}

/* Where the meeting stands; a status the schema does not know reads as signed off, so that
 * nothing is offered that would change it. */
RmmMeetingStatus
rmm_meeting_get_state (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), RMM_MEETING_STATUS_SIGNED_OFF);
  return rmm_state_from_text (RMM_TYPE_MEETING_STATUS, self->status,
                              RMM_MEETING_STATUS_SIGNED_OFF);
}

const char *
rmm_meeting_get_chair_children (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->chair_children;
}

const char *
rmm_meeting_get_chair_family (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->chair_family;
}

const char *
rmm_meeting_get_minute_taker (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);
  return self->minute_taker;
}

gint64
rmm_meeting_get_chair_children_id (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), 0);
  return self->chair_children_id;
}

gint64
rmm_meeting_get_chair_family_id (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), 0);
  return self->chair_family_id;
}

guint
rmm_meeting_get_n_children (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), 0);
  return self->n_children;
}

/* The meeting's day as a GDate, or NULL if the stored date is unreadable. */
GDate *
rmm_meeting_dup_date (RmmMeeting *self)
{
  int year, month, day;

  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);

  if (self->meets_on == NULL ||
      sscanf (self->meets_on, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_new_dmy (day, month, year);
}

/* @format for g_date_strftime(), e.g. "%A %-d %B %Y" for "Monday 23 November 2026". */
char *
rmm_meeting_format_date (RmmMeeting *self,
                         const char *format)
{
  g_autoptr(GDate) date = NULL;
  char text[128];

  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);

  if ((date = rmm_meeting_dup_date (self)) == NULL)
    return g_strdup (self->meets_on);
  g_date_strftime (text, sizeof text, format, date);
  return g_strdup (text);
}

/* Planned or under way: its agenda still follows the data and decisions are recorded. */
gboolean
rmm_meeting_is_coming (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), FALSE);

  return rmm_meeting_get_state (self) <= RMM_MEETING_STATUS_OPEN;
}

const char *
rmm_meeting_get_status_label (RmmMeeting *self)
{
  g_return_val_if_fail (RMM_IS_MEETING (self), NULL);

  switch (rmm_meeting_get_state (self))
    {
    case RMM_MEETING_STATUS_PLANNED: return _("Coming");
    case RMM_MEETING_STATUS_OPEN: return _("In progress");
    case RMM_MEETING_STATUS_CONCLUDED: return _("Concluded");
    case RMM_MEETING_STATUS_SIGNED_OFF:
    default: return _("Signed off");
    }
}

/* What the chairs read out when they open the meeting; the minutes carry it. */
const char *
rmm_meeting_get_confidentiality_statement (void)
{
  return _("The information shared at this meeting is confidential. It is shared to protect "
           "children from sexual exploitation and may be used for that purpose only. It must "
           "not be passed on outside the agencies present without the chairs’ agreement, "
           "except where a child is at immediate risk. Minutes and safety plans are marked "
           "OFFICIAL-SENSITIVE and are stored and sent securely. Anyone with a conflict of "
           "interest about a child on today’s agenda should say so now.");
}
