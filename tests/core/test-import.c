/* test-import.c: referral CSV import, deadlines across weekends and bank holidays, repeats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rmm-csv.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-referral.h"
#include "rmm-referral-import.h"

#define HEADER "child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name," \
               "referrer_agency,route,concern_summary\n"

typedef struct
{
  char     *folder;
  char     *path;
  RmmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = rmm_test_make_folder ();
  f->path = rmm_test_new_database (f->folder);
  f->store = rmm_store_open (f->path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", &error);
  g_assert_no_error (error);
  rmm_store_add_area (f->store, "Cwm Prawf", "seraf-4-category", &error);
  g_assert_no_error (error);
  rmm_store_add_agency (f->store, "Testshire Constabulary", "police", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->path);
  g_free (f->folder);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return rmm_test_count_at (f->path, sql, 0);
}

/* The whole database, as a fingerprint: nothing changed if it is the same. */
static char *
fingerprint (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                          G_GINT64_FORMAT,
                          count (f, "SELECT count(*) FROM child"),
                          count (f, "SELECT count(*) FROM referral"),
                          count (f, "SELECT count(*) FROM agency"),
                          count (f, "SELECT count(*) FROM audit_event"));
}

static RmmReferralImport *
import_ok (Fixture    *f,
           const char *data,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  RmmReferralImport *import = rmm_referral_import_new (f->store, "test.csv");

  rmm_referral_import_read (import, data, length < 0 ? strlen (data) : (gsize)length, &error);
  g_assert_no_error (error);
  rmm_referral_import_commit (import, &error);
  g_assert_no_error (error);
  return import;
}

/* A bad file: refused, each problem named as expected, the database untouched. */
static void
expect_refused (Fixture     *f,
                const char  *data,
                gssize       length,
                const char **problems)
{
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "bad.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (f);
  g_autofree char *after = NULL;
  GPtrArray *found;

  g_assert_false (rmm_referral_import_read (import, data,
                                            length < 0 ? strlen (data) : (gsize)length, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  found = rmm_referral_import_get_problems (import);
  for (guint i = 0; problems[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, found->len);
      if (strstr (g_ptr_array_index (found, i), problems[i]) == NULL)
        g_error ("problem %u is “%s”, expected “%s”", i,
                 (char *)g_ptr_array_index (found, i), problems[i]);
    }
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **)problems));
  after = fingerprint (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_utf8_quoted (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RmmReferralImport) import =
    import_ok (f, HEADER
               "T-1,Zoë,Ó Briain,03/04/2012,Testshire North,20/11/2026 14:05,Pat Teacher,"
               "Hollins Park Academy,SPA,\"Seen with older adults, twice; \"\"worried\"\"\"\r\n"
               "T-2,Élan,Marsh,2011-05-06,cwm prawf,2026-11-21,PC Reed,testshire constabulary,"
               "lead professional,\"Two\nlines\"\r\n", -1);

  g_assert_cmpstr (rmm_referral_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (rmm_referral_import_count_new (import), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM child WHERE first_name = 'Zoë' "
                             "AND last_name = 'Ó Briain' AND date_of_birth = '2012-04-03'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral WHERE concern_summary = "
                             "'Seen with older adults, twice; \"worried\"'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral WHERE concern_summary = "
                             "'Two\nlines' AND route = 'lead-professional'"), ==, 1);
  /* 14:05 in November is 14:05 UTC; a date alone is the start of the UK day. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral WHERE received_at IN "
                             "('2026-11-20T14:05:00Z', '2026-11-21T00:00:00Z')"), ==, 2);
  /* Existing agency matched whatever its case; the new one added once. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM agency"), ==, 2);
}

static void
test_bom_and_summer_time (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RmmReferralImport) import =
    import_ok (f, "\xef\xbb\xbf" HEADER
               "T-3,Ann,Test,2012-01-01,Testshire North,2026-07-01 09:30,A Referrer,"
               "Testshire Constabulary,single-point-of-access,Concern\n", -1);

  g_assert_cmpstr (rmm_referral_import_get_encoding (import), ==, "UTF-8 (with byte-order mark)");
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral "
                             "WHERE received_at = '2026-07-01T08:30:00Z'"), ==, 1);
}

static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  /* "Zoë Ó" and a curly apostrophe (0x92) as Excel saves them by default here. */
  const char *file = HEADER "T-4,Zo\xeb,\xd3 Neill,2012-01-01,Testshire North,2026-11-02 10:00,"
                     "R,Testshire Constabulary,SPA,Carer\x92s worry\n";
  g_autoptr(RmmReferralImport) import = import_ok (f, file, -1);

  g_assert_cmpstr (rmm_referral_import_get_encoding (import), ==, "Windows-1252");
  g_assert_cmpint (count (f, "SELECT count(*) FROM child WHERE first_name = 'Zoë' "
                             "AND last_name = 'Ó Neill'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral "
                             "WHERE concern_summary = 'Carer’s worry'"), ==, 1);
}

static void
test_utf16 (Fixture       *f,
            gconstpointer  data)
{
  const char *text = HEADER "T-5,Łucja,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,"
                     "Testshire Constabulary,SPA,Concern\n";
  gsize written = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
  g_autofree char *file = g_malloc (written + 2);
  g_autoptr(RmmReferralImport) import = NULL;

  file[0] = '\xff';
  file[1] = '\xfe';
  memcpy (file + 2, utf16, written);
  import = import_ok (f, file, written + 2);
  g_assert_cmpstr (rmm_referral_import_get_encoding (import), ==, "UTF-16");
  g_assert_cmpint (count (f, "SELECT count(*) FROM child WHERE first_name = 'Łucja'"), ==, 1);
}

/* "Unicode text" saved without a byte-order mark was refused as "NUL bytes" though UTF-16 is
 * promised: it is recognised by where its NUL bytes fall, either way round. */
static void
test_utf16_without_bom (Fixture       *f,
                        gconstpointer  data)
{
  const char *text = HEADER "T-5,Łucja,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,"
                     "Testshire Constabulary,SPA,Concern\n";
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };
  const char *names[] = { "UTF-16, little-endian, without a byte-order mark",
                          "UTF-16, big-endian, without a byte-order mark" };
  const char *not_text[] = { "If it is UTF-16 (“Unicode text”), save it again with a "
                             "byte-order mark", "line 2, column 4: a NUL byte", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gsize written = 0;
      g_autofree char *utf16 = g_convert (text, -1, encodings[i], "UTF-8", NULL, &written,
                                          NULL);
      g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "u16.csv");

      g_assert_true (rmm_referral_import_read (import, utf16, written, NULL));
      g_assert_cmpstr (rmm_referral_import_get_encoding (import), ==, names[i]);
      g_assert_cmpstr (rmm_referral_import_get_row (import, 0)->first_name, ==, "Łucja");
    }

  /* NUL bytes without UTF-16's pattern: not text, and the message says what UTF-16 needs. */
  expect_refused (f, HEADER "T-1\0,A,B,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n",
                  strlen (HEADER) + 57, not_text);
}

/* A UTF-8 file with one byte that is not UTF-8 (here "â" as Windows-1252 writes it) was read
 * whole as Windows-1252, turning every "Siân" in it into "SiÃ¢n". Now it is refused, naming
 * where the bad byte is; nothing is written. */
static void
test_mostly_utf8_refused (Fixture       *f,
                          gconstpointer  data)
{
  const char *one[] = {
    "is not UTF-8 in 1 place, listed below",
    "line 3, column 8: the byte E2 is not UTF-8",
    NULL
  };
  g_autoptr(GString) many = g_string_new (HEADER);
  const char *twelve[] = {
    "is not UTF-8 in 12 places, listed below",
    "line 2, column 12", "line 3, column 12", "line 4, column 12", "line 5, column 12",
    "line 6, column 12", "line 7, column 12", "line 8, column 12", "line 9, column 12",
    "line 10, column 12", "line 11, column 12",
    "and 2 more",
    NULL
  };

  expect_refused (f, HEADER
                  "T-1,Siân,Jones,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n"
                  "T-2,Sia\xe2n,Evans,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n"
                  "T-3,Siân,Hughes,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n", -1, one);

  /* Every bad sequence is counted; the first ten are listed. */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (many, "T-%u,Siân,Jo\xe9,2012-01-01,Testshire North,2026-11-02,R,A,"
                            "SPA,C\n", i);
  expect_refused (f, many->str, many->len, twelve);
}

/* Windows-1252 is chosen only when nothing in the file is UTF-8 beyond ASCII, and the bytes
 * Windows-1252 leaves undefined are refused where they are. */
static void
test_windows_1252_undefined_bytes (Fixture       *f,
                                   gconstpointer  data)
{
  const char *problems[] = {
    "neither UTF-8 nor Windows-1252",
    "line 2, column 9: the byte 81 is not a character in Windows-1252",
    NULL
  };

  expect_refused (f, HEADER "T-1,Zo\xeb,\x81Neill,2012-01-01,Testshire North,2026-11-02,R,A,SPA,"
                  "C\n", -1, problems);
}

/* An unquoted comma in the concern moved its text into the gender and school columns, or
 * dropped it when they were absent, and the import succeeded. A row must have as many fields
 * as the header. */
static void
test_field_count (Fixture       *f,
                  gconstpointer  data)
{
  const char *with_optional[] = {
    "line 3 has 14 fields but the header has 12: a comma inside a field must be in double "
    "quotes",
    NULL
  };
  const char *without_optional[] = {
    "line 2 has 12 fields but the header has 10",
    "line 4 has 9 fields but the header has 10: every row needs a field for each column",
    NULL
  };

  expect_refused (f, "child_ref,first_name,last_name,date_of_birth,area,received_at,"
                  "referrer_name,referrer_agency,route,concern_summary,gender,school\n"
                  "T-1,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,female,Oak\n"
                  "T-2,Bea,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,"
                  "older males, given gifts, missing twice,female,Oak\n", -1, with_optional);
  expect_refused (f, HEADER
                  "T-1,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,"
                  "older males, given gifts, missing twice\n"
                  "T-2,Bea,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,\"one, quoted\"\n"
                  "T-3,Cy,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA\n", -1,
                  without_optional);
}

/* A reference goes where the child's name must not (projector, calendars): a name or a date
 * of birth typed into it is refused, by line and column. */
static void
test_references_refused (Fixture       *f,
                         gconstpointer  data)
{
  const char *problems[] = {
    "line 2, column A (child_ref): a reference is one word, with no spaces: a name must not "
    "go in it",
    "line 3, column A (child_ref): a reference is not a date: a date of birth must not go in it",
    NULL
  };

  expect_refused (f, HEADER
                  "Zara Quinton,Zara,Quinton,2012-04-05,Testshire North,2026-11-02,R,A,SPA,C\n"
                  "05/04/2012,Zara,Quinton,2012-04-05,Testshire North,2026-11-02,R,A,SPA,C\n",
                  -1, problems);
}

/* A name with a terminal escape or a text-direction override would print or display as
 * something other than what is stored; such characters are refused wherever they are, named
 * by line, column and character. Free text keeps its line breaks and tabs. */
static void
test_control_characters (Fixture       *f,
                         gconstpointer  data)
{
  const char *problems[] = {
    "line 2, column B (first_name): character 1 is a control character (U+001B)",
    "line 3, column C (last_name): character 5 is a text-direction control (U+202E)",
    "line 4, column A (child_ref): character 3 is a control character (U+0085)",
    "line 5, column J (concern_summary): character 4 is a control character (U+0007)",
    "line 6, column K (notes): character 2 is a text-direction control (U+2067)",
    "line 7, column B (first_name): character 4 is a control character (U+0009)",
    "line 8, column D (date_of_birth): character 11 is a control character (U+007F)",
    NULL
  };
  g_autoptr(RmmReferralImport) ok = NULL;

  expect_refused (f, "child_ref,first_name,last_name,date_of_birth,area,received_at,"
                  "referrer_name,referrer_agency,route,concern_summary,notes\n"
                  "T-1,\x1b[31mAnn,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,\n"
                  "T-2,Bea,Test\u202Eabc,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,\n"
                  "T-\xc2\x85" "3,Cy,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,\n"
                  "T-4,Di,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,\"Bel\x07l\",\n"
                  "T-5,Ed,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,x\u2067y\n"
                  "T-6,Fay\tX,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C,\n"
                  "T-7,Gus,Test,2012-01-01\x7f,Testshire North,2026-11-02,R,A,SPA,C,\n",
                  -1, problems);

  /* Line breaks and tabs in the concern, and in a column the import does not read. */
  ok = import_ok (f, "child_ref,first_name,last_name,date_of_birth,area,received_at,"
                  "referrer_name,referrer_agency,route,concern_summary,notes\n"
                  "T-8,Hal,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,"
                  "\"First\r\nsecond\tthird\",\"a\nb\"\n", -1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral "
                             "WHERE concern_summary = 'First\r\nsecond\tthird'"), ==, 1);
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A 1 GB file took 1 GB of memory to be refused as too large: its size is now checked before
 * a byte of it is read. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "huge.csv");
  g_autoptr(GError) error = NULL;
  glong before;
  int fd;

  /* Sparse: a gigabyte that takes no room on the disk. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)1000 * 1000 * 1000), ==, 0);
  close (fd);

  before = peak_rss_kb ();
  g_assert_false (rmm_referral_import_read_file (import, file, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The file is 1.0\u00a0GB, more than the "
                                            "250.0\u00a0MB an import can read: split it into smaller files."));
  g_assert_cmpuint (rmm_referral_import_get_problems (import)->len, ==, 1);
  g_assert_cmpint (peak_rss_kb () - before, <, 32 * 1024);
  g_unlink (path);
}

/* From a file as from memory; and a file that is missing says so. */
static void
test_read_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "in.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "in.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (rmm_referral_import_read_file (import, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, HEADER "T-30,Siân,Test,2012-01-01,Testshire North,"
                                      "2026-11-02 10:00,R,A,SPA,C\n", -1, NULL));
  g_assert_true (rmm_referral_import_read_file (import, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rmm_referral_import_get_row (import, 0)->first_name, ==, "Siân");
  g_assert_true (rmm_referral_import_commit (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM child WHERE first_name = 'Siân'"), ==, 1);
  g_unlink (path);
}

/* An import checks and plans everything before it takes the write lock; by the time it has
 * the lock another import (another process, or this one) may have added the same children,
 * referrals or agencies. Its plan is brought up to date first: nothing is added twice and
 * nothing fails on a name already taken. */
static void
test_plan_overtaken (Fixture       *f,
                     gconstpointer  data)
{
  const char *file = HEADER
    "T-40,Ann,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,Example Youth Service,SPA,C\n"
    "T-41,Bea,Test,2012-01-01,Testshire North,2026-11-02 11:00,R,Example Youth Service,SPA,C\n";
  const char *other = HEADER
    "T-42,Cy,Test,2012-01-01,Testshire North,2026-11-03 10:00,R,Example Youth Service,SPA,C\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmStore) second = rmm_store_open (f->path, RMM_STORE_OPEN_EXISTING, &error);
  g_autoptr(RmmReferralImport) late = rmm_referral_import_new (f->store, "late.csv");
  g_autoptr(RmmReferralImport) agency = rmm_referral_import_new (f->store, "agency.csv");
  g_autoptr(RmmReferralImport) same = rmm_referral_import_new (f->store, "same.csv");

  g_assert_no_error (error);
  g_assert_true (rmm_referral_import_read (late, file, strlen (file), NULL));
  g_assert_true (rmm_referral_import_read (agency, other, strlen (other), NULL));
  g_assert_cmpuint (rmm_referral_import_count_new (late), ==, 2);

  /* Another process imports the same file first. */
  {
    g_autoptr(RmmReferralImport) first = rmm_referral_import_new (second, "first.csv");

    g_assert_true (rmm_referral_import_read (first, file, strlen (file), NULL));
    g_assert_true (rmm_referral_import_commit (first, &error));
    g_assert_no_error (error);
  }
  g_assert_true (rmm_referral_import_commit (late, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rmm_referral_import_count_new (late), ==, 0);
  g_assert_cmpuint (rmm_referral_import_count_duplicates (late), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM child WHERE reference LIKE 'T-4_'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral"), ==, 2);

  /* The agency it planned to add is there now: the referral goes to that one. */
  g_assert_true (rmm_referral_import_commit (agency, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM agency "
                             "WHERE name = 'Example Youth Service'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral"), ==, 3);

  /* The same connection's own import in between counts too. */
  g_assert_true (rmm_referral_import_read (same, other, strlen (other), NULL));
  {
    const char *again = HEADER
      "T-42,Cy,Test,2012-01-01,Testshire North,2026-11-04 10:00,R,Example Youth Service,SPA,"
      "C\n";
    g_autoptr(RmmReferralImport) between = import_ok (f, again, -1);
  }
  g_assert_true (rmm_referral_import_commit (same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM referral"), ==, 4);
  g_assert_cmpuint (rmm_referral_import_count_duplicates (same), ==, 1);
}

/* A child recorded under the same reference with another name while the import waited is a
 * problem, not a silent attachment to somebody else's record: nothing is written. */
static void
test_plan_overtaken_conflict (Fixture       *f,
                              gconstpointer  data)
{
  const char *file = HEADER
    "T-50,Ann,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,A,SPA,C\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmReferralImport) late = rmm_referral_import_new (f->store, "late.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RmmChildInput child = {
    .reference = "T-50", .first_name = "Someone", .last_name = "Else",
    .date_of_birth = "2011-01-01",
  };

  g_assert_true (rmm_referral_import_read (late, file, strlen (file), NULL));
  child.area_id = rmm_store_add_area (f->store, "Testshire South", "surrey-3-level", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_child (f->store, &child, &error), >, 0);
  g_assert_no_error (error);

  before = fingerprint (f);
  g_assert_false (rmm_referral_import_commit (late, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "T-50 is already recorded for a child with a "
                                            "different name"));
  after = fingerprint (f);
  g_assert_cmpstr (before, ==, after);
}

/* Checking a file takes no write lock: another program may be writing meanwhile. */
static void
test_read_takes_no_lock (Fixture       *f,
                         gconstpointer  data)
{
  const char *file = HEADER
    "T-60,Ann,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,A,SPA,C\n";
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "in.csv");
  sqlite3 *db = NULL;
  gint64 started;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  started = g_get_monotonic_time ();
  g_assert_true (rmm_referral_import_read (import, file, strlen (file), NULL));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

static gboolean
change_file_once (RmmCsvRecord  *record,
                  gpointer       user_data,
                  GError       **error)
{
  const char *path = user_data;

  /* The first record is read from the first chunk; the rest of the file is still to come. */
  if (record->line == 1)
    {
      FILE *file = fopen (path, "r+b");

      g_assert_nonnull (file);
      fseek (file, -20, SEEK_END);
      fputs ("\xe9", file);
      fclose (file);
    }
  return TRUE;
}

/* The encoding is decided on the first reading of a file and the records come from a second:
 * if the file changes in between, what was decided no longer holds, and it is refused. */
static void
test_file_changed_while_read (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "changing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(RmmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  while (text->len < 256 * 1024)
    g_string_append (text, "T-1,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  reader = rmm_csv_reader_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rmm_csv_reader_read (reader, change_file_once, path, NULL, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The file changed while it was being read"));
  g_unlink (path);
}

static void
test_reimport_adds_nothing (Fixture       *f,
                            gconstpointer  data)
{
  const char *file = HEADER
    "T-6,Bo,Test,2012-01-01,Testshire North,2026-11-02 10:00,R One,Testshire Constabulary,SPA,C\n"
    "T-6,Bo,Test,2012-01-01,Testshire North,2026-11-02 10:00,R One,Testshire Constabulary,SPA,C\n";
  g_autoptr(RmmReferralImport) first = import_ok (f, file, -1);
  g_autoptr(RmmReferralImport) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The same referral twice in one file is one referral. */
  g_assert_cmpuint (rmm_referral_import_count_new (first), ==, 1);
  g_assert_cmpuint (rmm_referral_import_count_duplicates (first), ==, 1);

  before = fingerprint (f);
  second = import_ok (f, file, -1);
  after = fingerprint (f);
  g_assert_cmpuint (rmm_referral_import_count_new (second), ==, 0);
  g_assert_cmpuint (rmm_referral_import_count_duplicates (second), ==, 2);
  g_assert_cmpstr (before, ==, after);
}

static void
test_dry_run_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RmmReferralImport) import = rmm_referral_import_new (f->store, "dry.csv");
  g_autofree char *before = fingerprint (f);
  g_autofree char *after = NULL;
  const char *file = HEADER "T-7,Cy,Test,2012-01-01,Testshire North,2026-11-02 10:00,R,"
                     "New Agency,SPA,C\n";

  g_assert_true (rmm_referral_import_read (import, file, strlen (file), NULL));
  g_assert_cmpuint (rmm_referral_import_count_new (import), ==, 1);
  g_assert_cmpuint (rmm_referral_import_count_new_children (import), ==, 1);
  {
    g_auto(GStrv) agencies = rmm_referral_import_dup_new_agencies (import);
    g_assert_cmpstr (agencies[0], ==, "New Agency");
  }
  after = fingerprint (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_repeat_flag (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RmmReferralImport) first = import_ok (f, HEADER
    "T-8,Di,Test,2012-01-01,Testshire North,2025-12-01 10:00,R,Testshire Constabulary,SPA,C\n"
    "T-9,Ed,Test,2012-01-01,Testshire North,2024-06-01 10:00,R,Testshire Constabulary,SPA,C\n",
    -1);
  g_autoptr(RmmReferralImport) second = import_ok (f, HEADER
    "T-8,Di,Test,2012-01-01,Testshire North,2026-11-20 09:00,R,Testshire Constabulary,SPA,C\n"
    "T-9,Ed,Test,2012-01-01,Testshire North,2025-06-02 10:00,R,Testshire Constabulary,SPA,C\n"
    "T-9,Ed,Test,2012-01-01,Testshire North,2025-07-02 10:00,R,Testshire Constabulary,SPA,C\n",
    -1);

  /* Within 12 months of the last (2025-12-01 → 2026-11-20): a repeat. 2024-06-01 →
   * 2025-06-02 is a day over: not a repeat; the third is, counting the row before it. */
  g_assert_false (rmm_referral_import_get_row (first, 0)->repeat);
  g_assert_true (rmm_referral_import_get_row (second, 0)->repeat);
  g_assert_false (rmm_referral_import_get_row (second, 1)->repeat);
  g_assert_true (rmm_referral_import_get_row (second, 2)->repeat);
  g_assert_cmpuint (rmm_referral_import_count_repeats (second), ==, 2);

  {
    g_autoptr(GListModel) referrals = rmm_store_list_referrals (f->store, 0, "2000-01-01",
                                                                "2100-01-01", NULL);
    guint n_repeats = 0;

    for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
      {
        g_autoptr(RmmReferral) referral = g_list_model_get_item (referrals, i);
        n_repeats += rmm_referral_get_repeat (referral);
      }
    g_assert_cmpuint (g_list_model_get_n_items (referrals), ==, 5);
    g_assert_cmpuint (n_repeats, ==, 2);
  }
}

static void
test_malformed_files (Fixture       *f,
                      gconstpointer  data)
{
  const char *missing[] = { "line 1: the required column “concern_summary” is missing", NULL };
  const char *bad_rows[] = {
    "line 2, column B (first_name): this must not be empty",
    "line 2, column D (date_of_birth): “31/02/2012” is not a date",
    "line 3, column E (area): there is no area called “Atlantis”",
    "line 4, column F (received_at): “tomorrow” is not a date and time",
    "line 5, column I (route): “pigeon” is not a route",
    NULL
  };
  const char *unterminated[] = { "line 2: a quoted field starts here and is never closed", NULL };
  const char *binary[] = { "not text: it has NUL bytes", "line 3, column 74: a NUL byte", NULL };
  const char *empty[] = { "The file is empty", NULL };
  const char *header_only[] = { "no referrals under the header row", NULL };
  const char *other_child[] = { "line 3, column A (child_ref): T-10 is a different child on line 2",
                                NULL };
  guint8 garbage[512];
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  expect_refused (f, "child_ref,first_name,last_name,date_of_birth,area,received_at,"
                     "referrer_name,referrer_agency,route\nT,A,B,2012-01-01,Testshire North,"
                     "2026-11-02,R,A,SPA\n", -1, missing);
  expect_refused (f, HEADER
                  "T-1,,B,31/02/2012,Testshire North,2026-11-02,R,A,SPA,C\n"
                  "T-2,A,B,2012-01-01,Atlantis,2026-11-02,R,A,SPA,C\n"
                  "T-3,A,B,2012-01-01,Testshire North,tomorrow,R,A,SPA,C\n"
                  "T-4,A,B,2012-01-01,Testshire North,2026-11-02,R,A,pigeon,C\n", -1, bad_rows);
  expect_refused (f, HEADER "T-1,A,B,2012-01-01,Testshire North,2026-11-02,R,A,SPA,\"C\n", -1,
                  unterminated);
  expect_refused (f, (const char *)garbage, sizeof garbage, binary);
  expect_refused (f, "", 0, empty);
  expect_refused (f, HEADER, -1, header_only);
  expect_refused (f, HEADER
                  "T-10,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n"
                  "T-10,Bea,Test,2012-01-01,Testshire North,2026-11-03,R,A,SPA,C\n", -1,
                  other_child);
}

static void
test_wrong_existing_child (Fixture       *f,
                           gconstpointer  data)
{
  const char *problems[] = { "T-11 is already recorded for a child with a different name", NULL };
  g_autoptr(RmmReferralImport) first = import_ok (f, HEADER
    "T-11,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,C\n", -1);

  expect_refused (f, HEADER "T-11,Ann,Other,2012-01-01,Testshire North,2026-11-05,R,A,SPA,C\n",
                  -1, problems);
}

/* The field and column limits a hostile file meets, each at its edge (the fuzzers' inputs go
 * past them too; the file-size limit, beyond what they try, is /import/too-large). */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  const gsize max_field = 64 * 1024;
  /* A quoted field is named by the line it has reached. */
  const char *too_long[] = { "a field is longer than 64 KB", NULL };
  const char *too_wide[] = { "line 1: more than 256 columns", NULL };

  /* A field of 64 KB goes in whole (quoted, over lines, with doubled quotes); one byte
   * more is refused, whether quoted or not. */
  {
    g_autoptr(GString) csv = g_string_new (HEADER "T-64K,Ann,Test,2012-01-01,Testshire North,"
                                           "2026-11-02,R,A,SPA,\"");
    g_autoptr(RmmReferralImport) import = NULL;

    /* The field: a quote (doubled in the file), a line break, and c up to 64 KB. */
    g_string_append (csv, "\"\"\n");
    for (gsize i = 2; i < max_field; i++)
      g_string_append_c (csv, 'c');
    g_string_append (csv, "\"\n");
    import = import_ok (f, csv->str, csv->len);
    g_assert_cmpuint (rmm_referral_import_count_new (import), ==, 1);
    g_assert_cmpint (count (f, "SELECT length(concern_summary) FROM referral "
                               "WHERE concern_summary LIKE '\"%'"), ==, max_field);

    g_string_truncate (csv, csv->len - 2);
    g_string_append (csv, "c\"\n");
    expect_refused (f, csv->str, csv->len, too_long);
    g_string_assign (csv, HEADER "T-64K,Ann,Test,2012-01-01,Testshire North,2026-11-02,R,A,SPA,");
    for (gsize i = 0; i <= max_field; i++)
      g_string_append_c (csv, 'c');
    expect_refused (f, csv->str, csv->len, too_long);
  }

  /* 256 columns are read (the import takes the ones it knows); 257 are refused. */
  {
    g_autoptr(GString) csv = g_string_new ("child_ref,first_name,last_name,date_of_birth,area,"
                                           "received_at,referrer_name,referrer_agency,route,"
                                           "concern_summary");
    g_autoptr(GString) row = g_string_new ("T-256,Ann,Wide,2012-01-01,Testshire North,"
                                           "2026-11-02,R,A,SPA,C");
    g_autoptr(RmmReferralImport) import = NULL;

    for (guint i = 10; i < 256; i++)
      {
        g_string_append_printf (csv, ",extra_%u", i);
        g_string_append (row, ",x");
      }
    g_string_append_printf (csv, "\n%s\n", row->str);
    import = import_ok (f, csv->str, csv->len);
    g_assert_cmpuint (rmm_referral_import_count_new (import), ==, 1);
    g_string_insert (csv, strlen ("child_ref"), ",one_too_many");
    expect_refused (f, csv->str, csv->len, too_wide);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/utf8-quoted", test_utf8_quoted);
  ADD ("/import/bom-summer-time", test_bom_and_summer_time);
  ADD ("/import/windows-1252", test_windows_1252);
  ADD ("/import/utf16", test_utf16);
  ADD ("/import/utf16-without-bom", test_utf16_without_bom);
  ADD ("/import/mostly-utf8-refused", test_mostly_utf8_refused);
  ADD ("/import/windows-1252-undefined-bytes", test_windows_1252_undefined_bytes);
  ADD ("/import/field-count", test_field_count);
  ADD ("/import/control-characters", test_control_characters);
  ADD ("/import/references-refused", test_references_refused);
  ADD ("/import/too-large", test_too_large);
  ADD ("/import/read-file", test_read_file);
  ADD ("/import/plan-overtaken", test_plan_overtaken);
  ADD ("/import/plan-overtaken-conflict", test_plan_overtaken_conflict);
  ADD ("/import/read-takes-no-lock", test_read_takes_no_lock);
  ADD ("/import/file-changed-while-read", test_file_changed_while_read);
  ADD ("/import/reimport-adds-nothing", test_reimport_adds_nothing);
  ADD ("/import/dry-run", test_dry_run_writes_nothing);
  ADD ("/import/repeat-flag", test_repeat_flag);
  ADD ("/import/malformed", test_malformed_files);
  ADD ("/import/wrong-existing-child", test_wrong_existing_child);
  ADD ("/import/limits", test_limits);
#undef ADD
  return g_test_run ();
}
