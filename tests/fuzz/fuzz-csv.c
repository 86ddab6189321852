/* fuzz-csv.c: the CSV reader on anything an agency might send (any bytes, any encoding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rmm-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *encoding = NULL;
  g_autofree char *text = rmm_csv_decode ((const char *)data, size, &encoding, NULL);
  g_autoptr(GPtrArray) records = NULL;

  if (text == NULL)
    return 0;
  g_assert (g_utf8_validate (text, -1, NULL));
  records = rmm_csv_parse (text, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      RmmCsvRecord *record = g_ptr_array_index (records, i);

      g_assert (record->line >= 1);
      /* The reader's limits hold (the fuzzer's inputs go past them). */
      g_assert_cmpuint (record->fields->len, <=, 256);
      for (guint j = 0; j < record->fields->len; j++)
        {
          const char *field = g_ptr_array_index (record->fields, j);

          g_assert (g_utf8_validate (field, -1, NULL));
          g_assert_cmpuint (strlen (field), <=, 64 * 1024);
        }
    }
  return 0;
}
