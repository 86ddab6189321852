/* rmm-agenda-item.h: one child on a meeting's agenda, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rmm-states.h"

G_BEGIN_DECLS

#define RMM_TYPE_AGENDA_ITEM (rmm_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (RmmAgendaItem, rmm_agenda_item, RMM, AGENDA_ITEM, GObject)

typedef struct
{
  gint64      id;
  gint64      meeting_id;
  gint64      child_id;
  const char *child_reference;
  const char *first_name;
  const char *last_name;
  const char *reasons;
  const char *rating;
  const char *status;
  const char *status_reason;
  guint       position;
  guint       time_box;
  gboolean    overdue;
  const char *review_on;     /* YYYY-MM-DD, or "" without an open plan */
} RmmAgendaItemFields;

RmmAgendaItem *rmm_agenda_item_new        (const RmmAgendaItemFields *fields);
gint64       rmm_agenda_item_get_id               (RmmAgendaItem *self);
gint64       rmm_agenda_item_get_meeting_id       (RmmAgendaItem *self);
gint64       rmm_agenda_item_get_child_id         (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_child_reference  (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_first_name       (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_last_name        (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_reasons          (RmmAgendaItem *self);
GStrv        rmm_agenda_item_dup_reason_list      (RmmAgendaItem *self);
gboolean     rmm_agenda_item_has_reason           (RmmAgendaItem *self,
                                                   const char    *reason);
const char  *rmm_agenda_item_get_rating           (RmmAgendaItem *self);
guint        rmm_agenda_item_get_position         (RmmAgendaItem *self);
guint        rmm_agenda_item_get_time_box         (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_status           (RmmAgendaItem *self);
RmmItemStatus rmm_agenda_item_get_state          (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_status_reason    (RmmAgendaItem *self);
gboolean     rmm_agenda_item_get_overdue          (RmmAgendaItem *self);
const char  *rmm_agenda_item_get_review_on        (RmmAgendaItem *self);
char        *rmm_agenda_item_dup_initials         (RmmAgendaItem *self);

const char  *rmm_agenda_reason_label              (const char    *reason);
gboolean     rmm_agenda_reasons_are_known         (const char    *reasons);
char        *rmm_agenda_describe_reasons          (const char    *reasons);

G_END_DECLS
