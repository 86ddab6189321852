/* rmm-working-calendar.h: weekends and bank holidays, for working-day deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RMM_TYPE_WORKING_CALENDAR (rmm_working_calendar_get_type ())
G_DECLARE_FINAL_TYPE (RmmWorkingCalendar, rmm_working_calendar, RMM, WORKING_CALENDAR, GObject)

RmmWorkingCalendar *rmm_working_calendar_new_from_data   (const char          *data,
                                                          const char          *source_name,
                                                          GError             **error);
RmmWorkingCalendar *rmm_working_calendar_get_default     (void);
gboolean            rmm_working_calendar_is_working_day  (RmmWorkingCalendar  *self,
                                                          const GDate         *day);
const char         *rmm_working_calendar_get_holiday     (RmmWorkingCalendar  *self,
                                                          const GDate         *day);
void                rmm_working_calendar_add_usual_years (RmmWorkingCalendar  *self,
                                                          guint                until_year);
void                rmm_working_calendar_add_working_days (RmmWorkingCalendar *self,
                                                          GDate               *day,
                                                          guint                n_days);

G_END_DECLS
