/* rmm-store-meeting-flow.h: a meeting from opening (attendance) to conclusion and sign-off, and
 * its summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-states.h"
#include "rmm-store-base.h"

G_BEGIN_DECLS

/* One agency's (or observer's) attendance at a meeting. */
typedef struct
{
  gint64      agency_id;
  gint64      professional_id;       /* 0: not one of the professionals on record */
  const char *name;                  /* who came, sent apologies or is observing */
  RmmAttendanceStatus status;
  const char *information_sent_at;   /* sent-information: YYYY-MM-DD or a UTC time */
} RmmAttendanceInput;

typedef struct
{
  gint64  agency_id;
  char   *agency;
  char   *name;
  RmmAttendanceStatus status;
  char   *information_sent_at;       /* '' unless sent-information */
} RmmAttendance;

void rmm_attendance_free (RmmAttendance *attendance);

/* One line of what a meeting decided. */
typedef struct
{
  RmmSummaryKind  kind;
  char *reference;
  char *name;
  char *detail;
} RmmSummaryLine;

void rmm_summary_line_free (RmmSummaryLine *line);
gboolean     rmm_store_open_meeting         (RmmStore            *self,
                                             gint64               meeting_id,
                                             const RmmAttendanceInput *rows,
                                             guint                n_rows,
                                             gboolean             statement_read,
                                             GError             **error);
GPtrArray   *rmm_store_list_attendance      (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gboolean     rmm_store_conclude_meeting     (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
gboolean     rmm_store_sign_off_meeting     (RmmStore            *self,
                                             gint64               meeting_id,
                                             gint64               chair_id,
                                             GError             **error);
int          rmm_store_get_sign_off         (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);
GPtrArray   *rmm_store_summarize_meeting    (RmmStore            *self,
                                             gint64               meeting_id,
                                             GError             **error);

G_END_DECLS
