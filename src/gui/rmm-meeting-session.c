/* rmm-meeting-session.c: the meeting on show and the child the room is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per meeting window. The chair's meeting view sets it as the chair moves (a meeting
 * chosen, a child opened, back to the agenda); whatever must show the same (the projector,
 * the window's title and remembered place) watches ::notify on "meeting" and "item" rather
 * than reaching into the view. It also keeps the room's clock: the child's time runs from
 * the moment the room turns to them.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include "rmm-meeting-session.h"

struct _RmmMeetingSession
{
  GObject        parent_instance;

  RmmMeeting    *meeting;
  RmmAgendaItem *item;     /* NULL: the agenda, not a child, is on show */
  RmmItemClock  *clock;
};

G_DEFINE_FINAL_TYPE (RmmMeetingSession, rmm_meeting_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_meeting_session_dispose (GObject *object)
{
  RmmMeetingSession *self = RMM_MEETING_SESSION (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->item);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rmm_meeting_session_parent_class)->dispose (object);
}

static void
rmm_meeting_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RmmMeetingSession *self = RMM_MEETING_SESSION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_meeting_session_class_init (RmmMeetingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rmm_meeting_session_dispose;
  object_class->get_property = rmm_meeting_session_get_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RMM_TYPE_MEETING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, RMM_TYPE_AGENDA_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_meeting_session_init (RmmMeetingSession *self)
{
  self->clock = rmm_item_clock_new ();
}

RmmMeetingSession *
rmm_meeting_session_new (void)
{
  return g_object_new (RMM_TYPE_MEETING_SESSION, NULL);
}

RmmMeeting *
rmm_meeting_session_get_meeting (RmmMeetingSession *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_SESSION (self), NULL);
  return self->meeting;
}

/* Another meeting (or the same one read again): the room is back on its agenda if the
 * meeting is another. */
void
rmm_meeting_session_set_meeting (RmmMeetingSession *self,
                                 RmmMeeting        *meeting)
{
  gboolean other;

  g_return_if_fail (RMM_IS_MEETING_SESSION (self));
  g_return_if_fail (meeting == NULL || RMM_IS_MEETING (meeting));

  other = self->meeting == NULL || meeting == NULL ||
          rmm_meeting_get_id (self->meeting) != rmm_meeting_get_id (meeting);
  if (other)
    rmm_meeting_session_set_item (self, NULL);
  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

RmmAgendaItem *
rmm_meeting_session_get_item (RmmMeetingSession *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_SESSION (self), NULL);
  return self->item;
}

/* The child the room turns to, or NULL for the agenda; the clock turns with it. */
void
rmm_meeting_session_set_item (RmmMeetingSession *self,
                              RmmAgendaItem     *item)
{
  g_return_if_fail (RMM_IS_MEETING_SESSION (self));
  g_return_if_fail (item == NULL || RMM_IS_AGENDA_ITEM (item));

  rmm_item_clock_turn_to (self->clock, item ? rmm_agenda_item_get_id (item) : 0);
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* The time the room spends on each child, for the chair's page and the projector alike. */
RmmItemClock *
rmm_meeting_session_get_clock (RmmMeetingSession *self)
{
  g_return_val_if_fail (RMM_IS_MEETING_SESSION (self), NULL);
  return self->clock;
}
