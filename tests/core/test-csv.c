/* test-csv.c: the CSV reader on its own: fields as Excel writes them, encodings, columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The referral import's tests (test-import.c) read whole agency files through it; these
 * hold the reader's own rules, each with the smallest input that shows one.
 */
#include "config.h"

#include <string.h>

#include "rmm-csv.h"
#include "rmm-error.h"

/* "line: a|b|c" for each record, as the reader hands them over. */
static char *
describe (GPtrArray *records)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      RmmCsvRecord *record = g_ptr_array_index (records, i);

      g_string_append_printf (text, "%u:", record->line);
      for (guint f = 0; f < record->fields->len; f++)
        g_string_append_printf (text, "%s%s", f ? "|" : " ",
                                (char *)g_ptr_array_index (record->fields, f));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
assert_parsed (const char *csv,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = rmm_csv_parse (csv, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = describe (records);
  g_assert_cmpstr (text, ==, expected);
}

/* RFC 4180 as Excel writes it: quotes around a comma, a doubled quote, a line break inside
 * quotes (the record keeps the line it starts on), any line ending, blank records skipped. */
static void
test_fields (void)
{
  assert_parsed ("a,b,c\n1,2,3\n", "1: a|b|c\n2: 1|2|3\n");
  assert_parsed ("ref,concern\r\nT-1,\"Seen with older males, given gifts\"\r\n",
                 "1: ref|concern\n2: T-1|Seen with older males, given gifts\n");
  assert_parsed ("a\n\"She said \"\"no\"\"\"\n", "1: a\n2: She said \"no\"\n");
  assert_parsed ("a,b\n\"two\nlines\",x\ny,z\n", "1: a|b\n2: two\nlines|x\n4: y|z\n");
  assert_parsed ("a\rb\r\rc", "1: a\n2: b\n4: c\n");
  /* Empty cells are kept; a row of nothing but empty cells (Excel writes them) is blank. */
  assert_parsed ("a,,c\n,,\nd,,\n", "1: a||c\n3: d||\n");
  assert_parsed ("Siân,Zoë,Ó Briain\n", "1: Siân|Zoë|Ó Briain\n");
}

/* What cannot be read as records is refused with where it went wrong. */
static void
test_refused (void)
{
  static const char *bad[] = {
    "a,b\n\"never closed,x\n",      /* a quote that never ends */
    "a\n\"closed\"then more\n",    /* text after a closing quote */
    "",                            /* nothing at all */
    "\n\n\r\n",                    /* blank lines only */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = rmm_csv_parse (bad[i], &error);

      g_assert_null (records);
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
    }
}

/* The encoding is the whole file's: a UTF-8 byte-order mark is dropped, a file with no
 * UTF-8 in it is Windows-1252, UTF-16 with its mark is read as such. */
static void
test_encodings (void)
{
  static const struct { const char *bytes; gsize length; const char *encoding, *text; } cases[] = {
    { "\xef\xbb\xbf" "a,b\n", 7, "UTF-8", "a,b\n" },
    { "Si\xe2n,\xa3" "5\n", 8, "Windows-1252", "Siân,£5\n" },
    { "\xff\xfe" "a\0,\0b\0\n\0", 10, "UTF-16", "a,b\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *encoding = NULL;
      g_autofree char *text = rmm_csv_decode (cases[i].bytes, cases[i].length, &encoding, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_nonnull (strstr (encoding, cases[i].encoding));
    }
}

/* Columns are named as a spreadsheet names them, for "line 12, column AB". */
static void
test_column_letters (void)
{
  static const struct { guint column; const char *letters; } cases[] = {
    { 0, "A" }, { 1, "B" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" }, { 51, "AZ" },
    { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *letters = rmm_csv_column_letter (cases[i].column);

      g_assert_cmpstr (letters, ==, cases[i].letters);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/fields", test_fields);
  g_test_add_func ("/csv/refused", test_refused);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/column-letters", test_column_letters);
  return g_test_run ();
}
