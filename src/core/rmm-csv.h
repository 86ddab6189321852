/* rmm-csv.h: reading the CSV files agencies send (RFC 4180, as Excel writes it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint       line;     /* the file line the record starts on, from 1 */
  GPtrArray  *fields;   /* char *, UTF-8 */
} RmmCsvRecord;

char      *rmm_csv_decode (const char   *data,
                           gsize         length,
                           const char  **encoding,
                           GError      **error);
GPtrArray *rmm_csv_parse  (const char   *text,
                           GError      **error);
char      *rmm_csv_column_letter (guint  column);

G_END_DECLS
