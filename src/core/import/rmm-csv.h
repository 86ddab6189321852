/* rmm-csv.h: reading the CSV files agencies send (RFC 4180, as Excel writes it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Far beyond any agency's file (a million referrals is under 200 MB), and refused by its size
 * before a byte is read. */
#define RMM_CSV_MAX_FILE_BYTES (250 * 1000 * 1000)

typedef struct
{
  guint       line;     /* the file line the record starts on, from 1 */
  GPtrArray  *fields;   /* char *, UTF-8 */
} RmmCsvRecord;

/* Called for each record in file order; return FALSE (setting @error) to stop reading. The
 * record and its fields belong to the reader and last until the function returns. */
typedef gboolean (*RmmCsvRecordFunc) (RmmCsvRecord  *record,
                                      gpointer       user_data,
                                      GError       **error);

typedef struct _RmmCsvReader RmmCsvReader;

RmmCsvReader *rmm_csv_reader_new_for_data  (const char     *data,
                                            gsize           length);
RmmCsvReader *rmm_csv_reader_new_for_file  (GFile          *file,
                                            GCancellable   *cancellable,
                                            GError        **error);
void          rmm_csv_reader_free          (RmmCsvReader   *self);
gboolean      rmm_csv_reader_read          (RmmCsvReader   *self,
                                            RmmCsvRecordFunc func,
                                            gpointer        user_data,
                                            GCancellable   *cancellable,
                                            GError        **error);
const char   *rmm_csv_reader_get_encoding  (RmmCsvReader   *self);
GPtrArray    *rmm_csv_reader_get_problems  (RmmCsvReader   *self);
guint         rmm_csv_reader_get_n_problems (RmmCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmCsvReader, rmm_csv_reader_free)

/* The whole text, and all its records at once: for small inputs. */
char      *rmm_csv_decode (const char   *data,
                           gsize         length,
                           const char  **encoding,
                           GError      **error);
GPtrArray *rmm_csv_parse  (const char   *text,
                           GError      **error);
char      *rmm_csv_column_letter (guint  column);

G_END_DECLS
