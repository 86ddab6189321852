/* rmm-dates.h: the date forms the store keeps (YYYY-MM-DD, UTC ISO 8601 times)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rmm_date_parse      (const char  *text,
                               GDate       *out);
char     *rmm_date_format     (const GDate *date);
void      rmm_date_set_today  (GDate       *day);
gboolean  rmm_time_is_valid   (const char  *text);
guint     rmm_date_age_on     (const GDate *born,
                               const GDate *on);
gboolean  rmm_date_parse_uk   (const char  *text,
                               GDate       *out);
char     *rmm_time_parse_uk   (const char  *text);
char     *rmm_time_of_day_parse (const char *text);
GDate    *rmm_date_from_time  (const char  *utc_time);
gboolean  rmm_time_read_unix  (const char  *utc_time,
                               gint64      *seconds);
void      rmm_date_set_uk_from_unix (GDate       *day,
                                     gint64       seconds);
gboolean  rmm_time_within_months (const char *earlier,
                                 const char *later,
                                 int         months);

char     *rmm_time_format_uk  (const char  *utc_time,
                               const char  *format);
char     *rmm_date_format_uk  (const char  *date,
                               const char  *format);

G_END_DECLS
