/* rmm-store-rights.h: what this login may see and change, in the words the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

/**
 * RmmRight:
 * @RMM_RIGHT_REFER: record children, referrals, assessments, concerns and missing episodes
 *   (administrators and chairs)
 * @RMM_RIGHT_SCHEDULE: schedule meetings and build their agendas (administrators and chairs)
 * @RMM_RIGHT_MINUTE: open a meeting, and record its attendance, minutes, what became of each
 *   child and of each plan action (minute-takers and chairs)
 * @RMM_RIGHT_DECIDE: decisions, plans, closures, transitions, strategy discussions, and
 *   concluding and signing off a meeting (chairs)
 * @RMM_RIGHT_NOTE: information notes (administrators, police and chairs)
 * @RMM_RIGHT_CIRCULATE: a child's network, and circulating their plan to it
 *   (administrators and chairs)
 *
 * What a login may change of an area's record on a server, by its role there; the server's
 * row policies (data/server/privileges.sql) hold the same table. On a file, or as the
 * server's owner, everything.
 */
typedef enum
{
  RMM_RIGHT_REFER,
  RMM_RIGHT_SCHEDULE,
  RMM_RIGHT_MINUTE,
  RMM_RIGHT_DECIDE,
  RMM_RIGHT_NOTE,
  RMM_RIGHT_CIRCULATE,
} RmmRight;

gboolean    rmm_store_sees_everything   (RmmStore *self);
gboolean    rmm_store_may_see_looks     (RmmStore *self,
                                         gint64    child_id);
gboolean    rmm_store_may_see_police    (RmmStore *self,
                                         gint64    child_id);
char       *rmm_store_why_not_in_area   (RmmStore *self,
                                         RmmRight  right,
                                         gint64    area_id);
char       *rmm_store_why_not_in_meeting (RmmStore *self,
                                          RmmRight  right,
                                          gint64    meeting_id);
char       *rmm_store_why_not_for_child (RmmStore *self,
                                         RmmRight  right,
                                         gint64    child_id);
gboolean    rmm_store_holds_right_anywhere (RmmStore *self,
                                            RmmRight  right);
char       *rmm_store_why_not_confirm   (RmmStore *self,
                                         gint64    child_id,
                                         gint64    decision_id,
                                         int       slot);

G_END_DECLS
