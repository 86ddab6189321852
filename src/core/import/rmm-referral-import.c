/* rmm-referral-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading checks everything and writes nothing; committing writes every row in one
 * transaction, so a file is imported whole or not at all.
 *
 * Everything but the writing happens before the write lock is taken: decoding, parsing,
 * checking every field, matching references to recorded children, finding duplicates and
 * repeats, looking up agencies. Whoever else writes meanwhile (another process importing,
 * the minute-taker) waits only for the inserts. If what the plan was made from has changed by
 * the time the lock is held (the audit trail says so), the plan is made again first.
 *
 * A file may hold a million rows, so they are kept compactly: each row's own texts in one
 * block of a string chunk, the texts that repeat (referrers, agencies, genders, schools) once.
 */
#define G_LOG_DOMAIN "rmm-referral-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-csv.h"
#include "rmm-dates.h"
#include "rmm-error.h"
#include "rmm-referral-import.h"
#include "rmm-store-private.h"
#include "rmm-text.h"

/* Past this, the rest would only repeat the same mistake down the file. */
#define MAX_PROBLEMS 200
/* Made again outside the lock this often while others keep writing; then under it. */
#define MAX_PLAN_ATTEMPTS 3
#define NONE G_MAXUINT32

typedef enum {
  COL_CHILD_REF, COL_FIRST_NAME, COL_LAST_NAME, COL_DATE_OF_BIRTH, COL_AREA, COL_RECEIVED_AT,
  COL_REFERRER_NAME, COL_REFERRER_AGENCY, COL_ROUTE, COL_CONCERN_SUMMARY,
  /* optional */
  COL_GENDER, COL_SCHOOL,
  N_COLUMNS
} Column;

#define N_REQUIRED COL_GENDER

static const char *column_names[N_COLUMNS] = {
  "child_ref", "first_name", "last_name", "date_of_birth", "area", "received_at",
  "referrer_name", "referrer_agency", "route", "concern_summary", "gender", "school",
};

/* A row's own texts, one after another in Row.text, each ending in NUL. */
typedef enum {
  TEXT_CHILD_REF, TEXT_FIRST_NAME, TEXT_LAST_NAME, TEXT_DATE_OF_BIRTH, TEXT_RECEIVED_AT,
  TEXT_CONCERN_SUMMARY,
} Text;

typedef enum {
  ROUTE_NONE, ROUTE_SPA, ROUTE_LEAD_PROFESSIONAL,
} Route;

enum {
  ROW_COMPLETE  = 1 << 0,   /* everything classification needs read */
  ROW_DUPLICATE = 1 << 1,   /* already recorded: skipped */
  ROW_REPEAT    = 1 << 2,   /* within 12 months of the child's previous referral */
};

typedef struct
{
  const char *text;        /* in self->texts */
  gint64      child_id;    /* a recorded child, or 0 */
  gint64      area_id;
  guint32     line;
  guint32     referrer;    /* in self->strings */
  guint32     agency;
  guint32     gender;
  guint32     school;
  guint32     child;       /* in self->children, or NONE */
  guint8      route;
  guint8      flags;
} Row;

/* One child reference of the file. */
typedef struct
{
  guint32  first_row;
  guint32  last_row;       /* the last row not a duplicate so far, for repeats; or NONE */
  gint64   child_id;       /* recorded, or 0 */
  gint64   created_id;     /* added by this import's writing */
} Child;

/* An open-addressing set of row or child indices (stored plus one; 0 is empty), sized once. */
typedef struct
{
  guint32 *slots;
  gsize    mask;
} Table;

struct _RmmReferralImport
{
  GObject       parent_instance;

  RmmStore     *store;
  char         *source_name;
  const char   *encoding;
  GPtrArray    *problems;     /* char *, the first MAX_PROBLEMS */
  guint         n_problems;   /* listed or not */
  int           columns[N_COLUMNS];   /* position in the file, or -1 */
  guint         n_header_fields;
  GPtrArray    *header;       /* char *, the header row's names */
  gboolean      have_header;
  gboolean      header_ok;
  guint         n_records;    /* under the header */
  GDateTime    *now;
  char         *now_text;     /* as stored, for dates in the future */
  int           column_at[256];      /* the column of each position in the file, or -1 */

  GArray       *rows;         /* Row */
  GStringChunk *texts;
  GString      *block;        /* a row's texts while it is read */
  GStringChunk *chunk;        /* the strings below */
  GHashTable   *string_index; /* string → index + 1 */
  GPtrArray    *strings;      /* const char *, [0] is "" */
  GArray       *folded;       /* guint32 per string: its lower-case form, or NONE */
  GArray       *agency_ids;   /* gint64 per string: 0 not looked up, -1 not recorded */
  GHashTable   *area_of;      /* string index → area id, or -1 for no such area */
  GHashTable   *route_of;     /* string index → Route */
  GArray       *children;     /* Child */
  GHashTable   *areas;        /* lower-case name → id */
  GHashTable   *area_names;   /* id → name */
  GHashTable   *agencies;     /* lower-case name → id, 0 while not recorded */
  gint64        audit_mark;   /* the newest audit event when the plan was made */
  RmmImportRow  scratch;      /* what rmm_referral_import_get_row() returns */
  gboolean      read_ok;
};

G_DEFINE_FINAL_TYPE (RmmReferralImport, rmm_referral_import, G_TYPE_OBJECT)

static void
clear_rows (RmmReferralImport *self)
{
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->children, 0);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_hash_table_remove_all (self->string_index);
  g_ptr_array_set_size (self->strings, 0);
  g_array_set_size (self->folded, 0);
  g_array_set_size (self->agency_ids, 0);
  g_hash_table_remove_all (self->area_of);
  g_hash_table_remove_all (self->route_of);

  self->texts = g_string_chunk_new (1 << 20);
  self->chunk = g_string_chunk_new (1 << 16);
  g_ptr_array_add (self->strings, (char *)"");
  g_hash_table_insert (self->string_index, (char *)"", GUINT_TO_POINTER (1));
}

static void
rmm_referral_import_finalize (GObject *object)
{
  RmmReferralImport *self = (RmmReferralImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->now_text, g_free);
  g_clear_pointer (&self->area_of, g_hash_table_unref);
  g_clear_pointer (&self->route_of, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_string_free (self->block, TRUE);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->string_index, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_array_unref);
  g_clear_pointer (&self->agency_ids, g_array_unref);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->areas, g_hash_table_unref);
  g_clear_pointer (&self->area_names, g_hash_table_unref);
  g_clear_pointer (&self->agencies, g_hash_table_unref);

  G_OBJECT_CLASS (rmm_referral_import_parent_class)->finalize (object);
}

static void
rmm_referral_import_class_init (RmmReferralImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_referral_import_finalize;
}

static void
rmm_referral_import_init (RmmReferralImport *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->children = g_array_new (FALSE, TRUE, sizeof (Child));
  self->block = g_string_new (NULL);
  self->string_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_ptr_array_new ();
  self->folded = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->agency_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->area_of = g_hash_table_new (NULL, NULL);
  self->route_of = g_hash_table_new (NULL, NULL);
  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clear_rows (self);
}

/* ---- texts ---- */

/* The index of @text among the strings that repeat down a file, added if new. */
static guint32
intern (RmmReferralImport *self,
        const char        *text)
{
  gpointer found = g_hash_table_lookup (self->string_index, text);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_string_chunk_insert (self->chunk, text);
  g_ptr_array_add (self->strings, copy);
  g_hash_table_insert (self->string_index, copy, GUINT_TO_POINTER (self->strings->len));
  return self->strings->len - 1;
}

static const char *
string_at (RmmReferralImport *self,
           guint32            index)
{
  return g_ptr_array_index (self->strings, index);
}

/* Referrers are the same person whatever their case: their lower-case form, interned. */
static guint32
folded_string (RmmReferralImport *self,
               guint32            index)
{
  guint32 folded;

  while (self->folded->len < self->strings->len)
    {
      guint32 none = NONE;
      g_array_append_val (self->folded, none);
    }
  folded = g_array_index (self->folded, guint32, index);
  if (folded == NONE)
    {
      g_autofree char *lower = g_utf8_strdown (string_at (self, index), -1);

      folded = intern (self, lower);
      g_array_index (self->folded, guint32, index) = folded;
    }
  return folded;
}

static const char *
row_text (const Row *row,
          Text       which)
{
  const char *p = row->text;

  for (guint i = 0; i < which; i++)
    p += strlen (p) + 1;
  return p;
}

static Row *
row_at (RmmReferralImport *self,
        guint32            index)
{
  return &g_array_index (self->rows, Row, index);
}

/* ---- tables ---- */

static void
table_init (Table *table,
            gsize  n_items)
{
  gsize size = 16;

  while (size < n_items * 2)
    size *= 2;
  table->slots = g_new0 (guint32, size);
  table->mask = size - 1;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->slots, g_free);
}

static guint
hash_text (guint       hash,
           const char *text)
{
  for (const char *p = text; *p; p++)
    hash = (hash << 5) + hash + (guchar)*p;
  return hash;
}

/* The child of @ref in the file, or NONE; *@slot is where it is or would go. */
static guint32
find_child (RmmReferralImport  *self,
            Table              *table,
            const char         *ref,
            guint32           **slot)
{
  gsize i = hash_text (5381, ref) & table->mask;

  for (;; i = (i + 1) & table->mask)
    {
      guint32 value = table->slots[i];
      Child *child;

      if (value == 0)
        {
          *slot = &table->slots[i];
          return NONE;
        }
      child = &g_array_index (self->children, Child, value - 1);
      if (strcmp (row_text (row_at (self, child->first_row), TEXT_CHILD_REF), ref) == 0)
        {
          *slot = &table->slots[i];
          return value - 1;
        }
    }
}

static guint
referral_hash (RmmReferralImport *self,
               const Row         *row)
{
  guint hash = hash_text (5381, row_text (row, TEXT_CHILD_REF));

  hash = hash_text (hash * 31, row_text (row, TEXT_RECEIVED_AT));
  return hash * 31 + folded_string (self, row->referrer);
}

/* Whether a row earlier in the file is the same referral as row @index: same child, same
 * minute, same referrer whatever the case. Adds it if not. */
static gboolean
seen_referral (RmmReferralImport *self,
               Table             *table,
               guint32            index)
{
  const Row *row = row_at (self, index);
  gsize i = referral_hash (self, row) & table->mask;

  for (;; i = (i + 1) & table->mask)
    {
      guint32 value = table->slots[i];
      const Row *other;

      if (value == 0)
        {
          table->slots[i] = index + 1;
          return FALSE;
        }
      other = row_at (self, value - 1);
      if (folded_string (self, other->referrer) == folded_string (self, row->referrer) &&
          strcmp (row_text (other, TEXT_RECEIVED_AT), row_text (row, TEXT_RECEIVED_AT)) == 0 &&
          strcmp (row_text (other, TEXT_CHILD_REF), row_text (row, TEXT_CHILD_REF)) == 0)
        return TRUE;
    }
}

/* ---- agencies and areas ---- */

/* A file names the same few agencies thousands of times: look each up once. */
static gint64
known_agency (RmmReferralImport *self,
              const char        *name)
{
  g_autofree char *key = g_utf8_strdown (name, -1);
  gpointer id;

  if (!g_hash_table_lookup_extended (self->agencies, key, NULL, &id))
    {
      id = GSIZE_TO_POINTER (MAX (rmm_store_find_agency (self->store, name, NULL), 0));
      g_hash_table_insert (self->agencies, g_steal_pointer (&key), id);
    }
  return GPOINTER_TO_SIZE (id);
}

/* The recorded agency a row names, or -1 when it is not recorded yet. */
static gint64 *
agency_slot (RmmReferralImport *self,
             guint32            index)
{
  if (self->agency_ids->len < self->strings->len)
    g_array_set_size (self->agency_ids, self->strings->len);
  return &g_array_index (self->agency_ids, gint64, index);
}

static gint64
row_agency (RmmReferralImport *self,
            const Row         *row)
{
  gint64 *id = agency_slot (self, row->agency);

  if (*id == 0)
    {
      gint64 known = known_agency (self, string_at (self, row->agency));
      *id = known > 0 ? known : -1;
    }
  return *id;
}

static void
load_areas (RmmReferralImport *self)
{
  g_autoptr(GListModel) areas = rmm_store_list_areas (self->store, NULL);

  g_hash_table_remove_all (self->areas);
  g_hash_table_remove_all (self->area_names);
  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RmmArea) area = g_list_model_get_item (areas, i);
      gint64 id = rmm_area_get_id (area);

      g_hash_table_insert (self->areas, g_utf8_strdown (rmm_area_get_name (area), -1),
                           GSIZE_TO_POINTER (id));
      g_hash_table_insert (self->area_names, g_memdup2 (&id, sizeof id),
                           g_strdup (rmm_area_get_name (area)));
    }
}

/* The header row `rmmctl import referrals --template` prints. */
const char *
rmm_referral_import_get_template (void)
{
  return "child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name,"
         "referrer_agency,route,concern_summary,gender,school";
}

RmmReferralImport *
rmm_referral_import_new (RmmStore   *store,
                         const char *source_name)
{
  RmmReferralImport *self;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);

  self = g_object_new (RMM_TYPE_REFERRAL_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->source_name = g_strdup (source_name ? source_name : "");
  return self;
}

/* ---- reading ---- */

static void G_GNUC_PRINTF (4, 5)
add_problem (RmmReferralImport *self,
             guint              line,
             int                column,
             const char        *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (column >= 0)
    {
      g_autofree char *letter = rmm_csv_column_letter (self->columns[column]);
      g_ptr_array_add (self->problems, g_strdup_printf (_("line %u, column %s (%s): %s"), line,
                                                        letter, column_names[column], what));
    }
  else
    g_ptr_array_add (self->problems, g_strdup_printf (_("line %u: %s"), line, what));
}

/* A problem that names its line itself. */
static void G_GNUC_PRINTF (2, 3)
add_problem_text (RmmReferralImport *self,
                  const char        *format,
                  ...)
{
  va_list args;

  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  g_ptr_array_add (self->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* "Child Ref" and "child_ref" are the same column to a person. */
static char *
normalise_header (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  char *key = g_strstrip (g_strdup (lower));

  g_strdelimit (key, " -", '_');
  return key;
}

static gboolean
read_header (RmmReferralImport *self,
             RmmCsvRecord      *header)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    self->columns[c] = -1;
  for (guint i = 0; i < G_N_ELEMENTS (self->column_at); i++)
    self->column_at[i] = -1;
  self->n_header_fields = header->fields->len;
  g_ptr_array_set_size (self->header, 0);
  for (guint i = 0; i < header->fields->len; i++)
    g_ptr_array_add (self->header, g_strdup (g_ptr_array_index (header->fields, i)));

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (header->fields, i));

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (key, column_names[c]))
          {
            if (self->columns[c] >= 0)
              add_problem (self, header->line, -1, _("the column “%s” appears twice"),
                           column_names[c]);
            self->columns[c] = i;
          }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->columns[c] >= 0 && self->columns[c] < (int)G_N_ELEMENTS (self->column_at))
      self->column_at[self->columns[c]] = c;
  for (guint c = 0; c < N_REQUIRED; c++)
    if (self->columns[c] < 0)
      add_problem (self, header->line, -1,
                   _("the required column “%s” is missing (the first row must be the header "
                     "row: rmmctl import referrals --template prints it)"), column_names[c]);
  return self->problems->len == 0;
}

static const char *
field (RmmReferralImport *self,
       RmmCsvRecord      *record,
       Column             column)
{
  int position = self->columns[column];

  if (position < 0 || (guint)position >= record->fields->len)
    return "";
  return g_strstrip ((char *)g_ptr_array_index (record->fields, position));
}

static const char *
required (RmmReferralImport *self,
          RmmCsvRecord      *record,
          Column             column)
{
  const char *value = field (self, record, column);

  if (*value == '\0')
    {
      add_problem (self, record->line, column, _("this must not be empty"));
      return NULL;
    }
  return value;
}

/* Every field of the row, whether the import reads its column or not. */
static gboolean
check_controls (RmmReferralImport *self,
                RmmCsvRecord      *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *value = g_strstrip ((char *)g_ptr_array_index (record->fields, i));
      g_autofree char *letter = NULL;
      int column = i < G_N_ELEMENTS (self->column_at) ? self->column_at[i] : -1;
      guint position = 0;
      gboolean free_text;
      gunichar c;

      free_text = column < 0 || column == COL_CONCERN_SUMMARY;
      c = rmm_text_find_control (value, free_text, &position);
      if (c == 0)
        continue;

      ok = FALSE;
      letter = rmm_csv_column_letter (i);
      if (c < 0x202a && free_text)
        add_problem_text (self, _("line %u, column %s (%s): character %u is a control character "
                                  "(U+%04X); of those, only line breaks and tabs may be in this "
                                  "column: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
      else if (c < 0x202a)
        add_problem_text (self, _("line %u, column %s (%s): character %u is a control character "
                                  "(U+%04X), which names, references, dates and the like must "
                                  "not hold: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
      else
        add_problem_text (self, _("line %u, column %s (%s): character %u is a text-direction "
                                  "control (U+%04X), which makes the text show in another "
                                  "order than it is stored: remove it in the spreadsheet"),
                          record->line, letter, (const char *)g_ptr_array_index (self->header, i),
                          position, c);
    }
  return ok;
}

static Route
parse_route (const char *text)
{
  g_autofree char *key = normalise_header (text);

  if (g_str_equal (key, "single_point_of_access") || g_str_equal (key, "spa") ||
      g_str_equal (key, "c_spa") || g_str_equal (key, "cspa"))
    return ROUTE_SPA;
  if (g_str_equal (key, "lead_professional") || g_str_equal (key, "lp"))
    return ROUTE_LEAD_PROFESSIONAL;
  return ROUTE_NONE;
}

static const char *
route_name (Route route)
{
  switch (route)
    {
    case ROUTE_SPA:
      return "single-point-of-access";
    case ROUTE_LEAD_PROFESSIONAL:
      return "lead-professional";
    case ROUTE_NONE:
    default:
      return NULL;
    }
}

/* The date of birth and time received as stored ("" when they do not read). */
static gboolean
read_dates (RmmReferralImport *self,
            RmmCsvRecord      *record,
            char               born_text[11],
            char             **received_text)
{
  const char *born = field (self, record, COL_DATE_OF_BIRTH);
  const char *received = field (self, record, COL_RECEIVED_AT);
  const char *now_text = self->now_text;
  gboolean ok = TRUE;
  GDate day;

  born_text[0] = '\0';
  if (!rmm_date_parse_uk (born, &day))
    {
      add_problem (self, record->line, COL_DATE_OF_BIRTH,
                   _("“%s” is not a date: use 2012-03-31 or 31/03/2012"), born);
      ok = FALSE;
    }
  else
    {
      g_autofree char *formatted = rmm_date_format (&day);

      g_strlcpy (born_text, formatted, 11);
      if (strcmp (born_text, now_text) > 0)
        add_problem (self, record->line, COL_DATE_OF_BIRTH, _("%s is in the future"), born_text);
    }

  *received_text = rmm_time_parse_uk (received);
  if (*received_text == NULL)
    {
      add_problem (self, record->line, COL_RECEIVED_AT,
                   _("“%s” is not a date and time: use 2026-11-23 14:05 or 23/11/2026 14:05"),
                   received);
      ok = FALSE;
    }
  else if (strcmp (*received_text, now_text) > 0)
    add_problem (self, record->line, COL_RECEIVED_AT, _("“%s” is in the future"), received);
  return ok;
}

static void
append_text (GString    *block,
             const char *text)
{
  g_string_append (block, text ? text : "");
  g_string_append_c (block, '\0');
}

static void
read_row (RmmReferralImport *self,
          RmmCsvRecord      *record)
{
  Row row = { 0 };
  const char *child_ref, *first_name, *last_name, *area, *referrer, *agency, *concern;
  g_autofree char *received = NULL;
  char born[11];
  gboolean dates_ok;

  /* Read by position, a row with a field too many would put the rest of its text under the
   * wrong columns (or past the last one, unseen). */
  if (record->fields->len > self->n_header_fields)
    {
      g_autofree char *fields = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field",
                                                              "%u fields", record->fields->len),
                                                 record->fields->len);

      add_problem_text (self, _("line %u has %s but the header has %u: a comma inside a "
                                "field must be in double quotes (\"older males, given gifts\")"),
                        record->line, fields, self->n_header_fields);
      return;
    }
  if (record->fields->len < self->n_header_fields)
    {
      add_problem_text (self, g_dngettext (GETTEXT_PACKAGE,
                                           "line %u has %u field but the header has %u: every "
                                           "row needs a field for each column, empty or not",
                                           "line %u has %u fields but the header has %u: every "
                                           "row needs a field for each column, empty or not",
                                           record->fields->len),
                        record->line, record->fields->len, self->n_header_fields);
      return;
    }

  /* An invisible character makes every other message about the field misleading. */
  if (!check_controls (self, record))
    return;

  row.line = record->line;
  row.child = NONE;
  child_ref = required (self, record, COL_CHILD_REF);
  first_name = required (self, record, COL_FIRST_NAME);
  last_name = required (self, record, COL_LAST_NAME);
  area = required (self, record, COL_AREA);
  referrer = required (self, record, COL_REFERRER_NAME);
  agency = required (self, record, COL_REFERRER_AGENCY);
  concern = required (self, record, COL_CONCERN_SUMMARY);
  dates_ok = read_dates (self, record, born, &received);

  /* A file spells its few routes and areas the same way thousands of times. */
  {
    const char *route = field (self, record, COL_ROUTE);
    guint32 key = intern (self, route);
    gpointer known;

    if (!g_hash_table_lookup_extended (self->route_of, GUINT_TO_POINTER (key), NULL, &known))
      {
        known = GUINT_TO_POINTER (parse_route (route));
        g_hash_table_insert (self->route_of, GUINT_TO_POINTER (key), known);
      }
    row.route = GPOINTER_TO_UINT (known);
    if (row.route == ROUTE_NONE)
      add_problem (self, record->line, COL_ROUTE,
                   _("“%s” is not a route: use single-point-of-access or lead-professional"),
                   route);
  }
  if (area != NULL)
    {
      guint32 key = intern (self, area);
      gpointer known;

      if (!g_hash_table_lookup_extended (self->area_of, GUINT_TO_POINTER (key), NULL, &known))
        {
          g_autofree char *lower = g_utf8_strdown (area, -1);

          known = g_hash_table_lookup (self->areas, lower);
          g_hash_table_insert (self->area_of, GUINT_TO_POINTER (key), known);
        }
      row.area_id = GPOINTER_TO_SIZE (known);
      if (row.area_id == 0)
        add_problem (self, record->line, COL_AREA, _("there is no area called “%s”"), area);
    }

  if (child_ref && first_name && last_name && dates_ok && referrer)
    row.flags |= ROW_COMPLETE;
  row.referrer = intern (self, referrer ? referrer : "");
  row.agency = intern (self, agency ? agency : "");
  row.gender = intern (self, field (self, record, COL_GENDER));
  row.school = intern (self, field (self, record, COL_SCHOOL));

  g_string_truncate (self->block, 0);
  append_text (self->block, child_ref);
  append_text (self->block, first_name);
  append_text (self->block, last_name);
  append_text (self->block, dates_ok ? born : "");
  append_text (self->block, dates_ok ? received : "");
  append_text (self->block, concern);
  row.text = g_string_chunk_insert_len (self->texts, self->block->str, self->block->len);
  g_array_append_val (self->rows, row);
}

static gboolean
on_record (RmmCsvRecord  *record,
           gpointer       user_data,
           GError       **error)
{
  RmmReferralImport *self = user_data;

  if (!self->have_header)
    {
      self->have_header = TRUE;
      self->header_ok = read_header (self, record);
      return TRUE;
    }
  self->n_records++;
  if (self->header_ok)
    read_row (self, record);
  return TRUE;
}

/* ---- the plan ---- */

/* A reference recorded or earlier in the file must be the same child: never attach a
 * referral to somebody else's record because two agencies reused a number. */
static void
match_child (RmmReferralImport *self,
             Table             *table,
             guint32            index)
{
  Row *row = row_at (self, index);
  const char *ref = row_text (row, TEXT_CHILD_REF);
  guint32 *slot;
  guint32 found = find_child (self, table, ref, &slot);
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmChild) recorded = NULL;
  Child child = { index, NONE, 0, 0 };

  if (found != NONE)
    {
      const Row *earlier = row_at (self, g_array_index (self->children, Child, found).first_row);

      if (g_utf8_collate (row_text (earlier, TEXT_FIRST_NAME),
                          row_text (row, TEXT_FIRST_NAME)) != 0 ||
          g_utf8_collate (row_text (earlier, TEXT_LAST_NAME), row_text (row, TEXT_LAST_NAME)) != 0 ||
          strcmp (row_text (earlier, TEXT_DATE_OF_BIRTH), row_text (row, TEXT_DATE_OF_BIRTH)) != 0)
        add_problem (self, row->line, COL_CHILD_REF,
                     _("%s is a different child on line %u (name or date of birth differ)"),
                     ref, earlier->line);
      row->child = found;
      row->child_id = g_array_index (self->children, Child, found).child_id;
      return;
    }

  recorded = rmm_store_find_child_by_reference (self->store, ref, &error);
  if (error != NULL)
    add_problem (self, row->line, -1, "%s", error->message);
  if (recorded != NULL)
    {
      child.child_id = rmm_child_get_id (recorded);
      if (g_utf8_collate (rmm_child_get_first_name (recorded), row_text (row, TEXT_FIRST_NAME)) ||
          g_utf8_collate (rmm_child_get_last_name (recorded), row_text (row, TEXT_LAST_NAME)) ||
          g_strcmp0 (rmm_child_get_date_of_birth (recorded),
                     row_text (row, TEXT_DATE_OF_BIRTH)) != 0)
        add_problem (self, row->line, COL_CHILD_REF,
                     _("%s is already recorded for a child with a different name or date of "
                       "birth; check the reference"), ref);
    }
  g_array_append_val (self->children, child);
  row->child = self->children->len - 1;
  row->child_id = child.child_id;
  *slot = self->children->len;
}

/* Children, duplicates (recorded, or earlier in this file) and repeats, once every row
 * reads; and the agencies. Reads the database, writes nothing. */
static void
classify_rows (RmmReferralImport *self)
{
  Table children = { 0 };
  Table referrals = { 0 };

  self->audit_mark = rmm_store_query_int (self->store,
                                          "SELECT coalesce(max(id), 0) FROM audit_event", 0,
                                          NULL);
  g_array_set_size (self->children, 0);
  g_array_set_size (self->agency_ids, 0);
  g_hash_table_remove_all (self->agencies);
  table_init (&children, self->rows->len);
  table_init (&referrals, self->rows->len);

  for (guint32 i = 0; i < self->rows->len; i++)
    {
      Row *row = row_at (self, i);
      Child *child;
      g_autofree char *previous = NULL;
      const char *received = row_text (row, TEXT_RECEIVED_AT);
      const char *in_file;

      row->flags &= ~(ROW_DUPLICATE | ROW_REPEAT);
      row->child = NONE;
      row->child_id = 0;
      if (*string_at (self, row->agency) != '\0')
        row_agency (self, row);
      /* A row that did not read has its problems listed already. */
      if (!(row->flags & ROW_COMPLETE))
        continue;

      match_child (self, &children, i);
      child = &g_array_index (self->children, Child, row->child);
      if (seen_referral (self, &referrals, i) ||
          (row->child_id != 0 &&
           rmm_store_has_referral (self->store, row->child_id, received,
                                   string_at (self, row->referrer), NULL)))
        {
          row->flags |= ROW_DUPLICATE;
          continue;
        }

      if (row->child_id != 0)
        previous = rmm_store_get_previous_referral (self->store, row->child_id, received, NULL);
      in_file = child->last_row != NONE ? row_text (row_at (self, child->last_row),
                                                    TEXT_RECEIVED_AT) : NULL;
      if (in_file != NULL && strcmp (in_file, received) < 0 && g_strcmp0 (in_file, previous) > 0)
        {
          g_free (previous);
          previous = g_strdup (in_file);
        }
      if (rmm_store_is_repeat_referral (previous, received))
        row->flags |= ROW_REPEAT;
      child->last_row = i;
    }
  table_clear (&children);
  table_clear (&referrals);
}

static guint
problem_line (const char *problem)
{
  const char *digits = strpbrk (problem, "0123456789");

  return digits ? (guint)g_ascii_strtoull (digits, NULL, 10) : 0;
}

/* Problems in file order (the sort is stable, so a line's own order stays). */
static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  guint line_a = problem_line (*(const char **)a);
  guint line_b = problem_line (*(const char **)b);

  return (line_a > line_b) - (line_a < line_b);
}

static void
set_problems_error (RmmReferralImport  *self,
                    GError            **error)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "%s: %u problem, nothing was imported: %s",
                            "%s: %u problems, nothing was imported; the first: %s",
                            self->n_problems),
               self->source_name, self->n_problems,
               (char *)g_ptr_array_index (self->problems, 0));
}

static void
reset (RmmReferralImport *self)
{
  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  self->have_header = FALSE;
  self->header_ok = FALSE;
  self->n_records = 0;
  self->read_ok = FALSE;
  self->encoding = NULL;
  clear_rows (self);
}

static gboolean
read_records (RmmReferralImport  *self,
              RmmCsvReader       *reader,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->now_text, g_free);
  self->now = g_date_time_new_now_utc ();
  self->now_text = g_date_time_format (self->now, "%Y-%m-%dT%H:%M:%SZ");
  load_areas (self);

  if (!rmm_csv_reader_read (reader, on_record, self, cancellable, &local_error))
    {
      GPtrArray *problems = rmm_csv_reader_get_problems (reader);

      /* What stopped the reading, after whatever the rows before it had. */
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (problems, i)));
      self->n_problems += rmm_csv_reader_get_n_problems (reader);
      /* Bytes that are not text come as a sentence, then where; rows come in file order. */
      if (rmm_csv_reader_get_encoding (reader) != NULL)
        g_ptr_array_sort (self->problems, compare_problem_lines);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  self->source_name);
      clear_rows (self);
      return FALSE;
    }
  self->encoding = rmm_csv_reader_get_encoding (reader);

  if (self->header_ok && self->n_records == 0)
    add_problem (self, 1, -1, _("there are no referrals under the header row"));
  if (self->rows->len > 0)
    classify_rows (self);
  g_ptr_array_sort (self->problems, compare_problem_lines);

  if (self->n_problems > 0)
    {
      set_problems_error (self, error);
      return FALSE;
    }
  self->read_ok = TRUE;
  return TRUE;
}

/* Check the whole file and plan what it would add. Writes nothing. FALSE, with every
 * problem in rmm_referral_import_get_problems(), when any row is wrong. */
gboolean
rmm_referral_import_read (RmmReferralImport  *self,
                          const char         *data,
                          gsize               length,
                          GError            **error)
{
  g_autoptr(RmmCsvReader) reader = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);

  reset (self);
  reader = rmm_csv_reader_new_for_data (data, length);
  return read_records (self, reader, NULL, error);
}

/* The same, from @file, read a piece at a time; one over RMM_CSV_MAX_FILE_BYTES is refused by
 * its size before any of it is read. */
gboolean
rmm_referral_import_read_file (RmmReferralImport  *self,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(RmmCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  reset (self);
  if (!(reader = rmm_csv_reader_new_for_file (file, cancellable, &local_error)))
    {
      g_ptr_array_add (self->problems, g_strdup (local_error->message));
      self->n_problems = 1;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  self->source_name);
      return FALSE;
    }
  return read_records (self, reader, cancellable, error);
}

GPtrArray *
rmm_referral_import_get_problems (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  return self->problems;
}

/* How many problems the file has: rmm_referral_import_get_problems() lists the first few
 * hundred. */
guint
rmm_referral_import_get_n_problems (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return self->n_problems;
}

/* How the file was read, for the preview: "UTF-8", "Windows-1252", … */
const char *
rmm_referral_import_get_encoding (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  return self->encoding;
}

guint
rmm_referral_import_get_n_rows (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return self->rows->len;
}

static char *
or_null (const char *text)
{
  return *text ? (char *)text : NULL;
}

/* Row @index as read and classified. The row belongs to the import and lasts until the next
 * call (rows are not kept as RmmImportRows: a million of them would take a gigabyte). */
const RmmImportRow *
rmm_referral_import_get_row (RmmReferralImport *self,
                             guint              index)
{
  RmmImportRow *out;
  const Row *row;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = row_at (self, index);
  out = &self->scratch;
  out->line = row->line;
  out->child_ref = or_null (row_text (row, TEXT_CHILD_REF));
  out->first_name = or_null (row_text (row, TEXT_FIRST_NAME));
  out->last_name = or_null (row_text (row, TEXT_LAST_NAME));
  out->date_of_birth = or_null (row_text (row, TEXT_DATE_OF_BIRTH));
  out->area = g_hash_table_lookup (self->area_names, &row->area_id);
  out->area_id = row->area_id;
  out->received_at = or_null (row_text (row, TEXT_RECEIVED_AT));
  out->referrer_name = or_null (string_at (self, row->referrer));
  out->referrer_agency = or_null (string_at (self, row->agency));
  out->route = (char *)route_name (row->route);
  out->concern_summary = or_null (row_text (row, TEXT_CONCERN_SUMMARY));
  out->gender = (char *)string_at (self, row->gender);
  out->school = (char *)string_at (self, row->school);
  out->child_id = row->child_id;
  out->duplicate = (row->flags & ROW_DUPLICATE) != 0;
  out->repeat = (row->flags & ROW_REPEAT) != 0;
  return out;
}

static guint
count_rows (RmmReferralImport *self,
            gboolean           duplicates,
            gboolean           repeats_only)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = row_at (self, i);

      if (((row->flags & ROW_DUPLICATE) != 0) == duplicates &&
          (!repeats_only || (row->flags & ROW_REPEAT)))
        n++;
    }
  return n;
}

/* Referrals the import would add. */
guint
rmm_referral_import_count_new (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, FALSE, FALSE);
}

guint
rmm_referral_import_count_duplicates (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, TRUE, FALSE);
}

guint
rmm_referral_import_count_repeats (RmmReferralImport *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);
  return count_rows (self, FALSE, TRUE);
}

/**
 * rmm_referral_import_describe:
 * @written: the referrals were added (else: what adding them would do)
 *
 * What the file holds and what the import adds, in a sentence or three for the window and
 * the command line: "referrals.csv (UTF-8): 3 referrals. Would add 2 referrals: 1 new child,
 * 1 repeat referral. 1 was already recorded and is skipped."
 */
char *
rmm_referral_import_describe (RmmReferralImport *self,
                              const char        *file_name,
                              gboolean           written)
{
  guint n_rows = rmm_referral_import_get_n_rows (self);
  guint n_new = rmm_referral_import_count_new (self);
  guint n_children = rmm_referral_import_count_new_children (self);
  guint n_repeats = rmm_referral_import_count_repeats (self);
  guint n_duplicates = rmm_referral_import_count_duplicates (self);
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral",
                                                        "%u referrals", n_rows), n_rows);
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral",
                                                         "%u referrals", n_new), n_new);
  g_autofree char *children = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new child",
                                                            "%u new children", n_children),
                                               n_children);
  g_autofree char *repeats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u repeat referral",
                                                           "%u repeat referrals", n_repeats),
                                              n_repeats);
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);

  g_string_append_printf (text, _("%s (%s): %s."), file_name, self->encoding, rows);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, written ? _("Added %s: %s, %s.") : _("Would add %s: %s, %s."),
                          added, children, repeats);
  if (n_duplicates > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u was already recorded and is skipped.",
                                                 "%u were already recorded and are skipped.",
                                                 n_duplicates), n_duplicates);
    }
  return g_string_free (text, FALSE);
}

/* Children the import would create: references not yet in the database. */
guint
rmm_referral_import_count_new_children (RmmReferralImport *self)
{
  guint n = 0;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), 0);

  for (guint i = 0; i < self->children->len; i++)
    if (g_array_index (self->children, Child, i).child_id == 0)
      n++;
  return n;
}

/* Referring agencies not yet known: the import adds them (as kind "other"). */
GStrv
rmm_referral_import_dup_new_agencies (RmmReferralImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = row_at (self, i);
      const char *name = string_at (self, row->agency);
      char *key;

      if ((row->flags & ROW_DUPLICATE) || *name == '\0' ||
          !g_hash_table_add (done, GUINT_TO_POINTER (row->agency)))
        continue;
      key = g_utf8_strdown (name, -1);
      if (!g_hash_table_contains (seen, key) && row_agency (self, row) < 0)
        {
          g_strv_builder_add (builder, name);
          g_hash_table_add (seen, key);
        }
      else
        g_free (key);
    }
  return g_strv_builder_end (builder);
}

/* ---- writing ---- */

static gint64
agency_for (RmmReferralImport  *self,
            const Row          *row,
            GError            **error)
{
  gint64 *id = agency_slot (self, row->agency);
  const char *name = string_at (self, row->agency);

  if (*id > 0)
    return *id;
  /* Another spelling of the same agency may have added it already in this import. */
  *id = known_agency (self, name);
  if (*id == 0 && (*id = rmm_store_add_agency (self->store, name, "other", error)) != 0)
    g_hash_table_insert (self->agencies, g_utf8_strdown (name, -1), GSIZE_TO_POINTER (*id));
  return *id;
}

static gboolean
write_row (RmmReferralImport  *self,
           const Row          *row,
           GError            **error)
{
  g_autofree char *source = g_strdup_printf ("import:%s:%u", self->source_name, row->line);
  Child *child = &g_array_index (self->children, Child, row->child);
  RmmReferralInput referral = {
    .route = route_name (row->route),
    .referrer_name = string_at (self, row->referrer),
    .received_at = row_text (row, TEXT_RECEIVED_AT),
    .concern_summary = row_text (row, TEXT_CONCERN_SUMMARY),
    .source = source,
  };

  referral.child_id = child->child_id != 0 ? child->child_id : child->created_id;
  if (referral.child_id == 0)
    {
      RmmChildInput input = {
        .reference = row_text (row, TEXT_CHILD_REF),
        .first_name = row_text (row, TEXT_FIRST_NAME),
        .last_name = row_text (row, TEXT_LAST_NAME),
        .date_of_birth = row_text (row, TEXT_DATE_OF_BIRTH),
        .gender = string_at (self, row->gender),
        .area_id = row->area_id,
        .school = string_at (self, row->school),
      };

      if (!(child->created_id = rmm_store_add_child (self->store, &input, error)))
        return FALSE;
      referral.child_id = child->created_id;
    }

  if (!(referral.referrer_agency_id = agency_for (self, row, error)))
    return FALSE;
  return rmm_store_add_referral (self->store, &referral, error) != 0;
}

/* Inside the transaction: only inserts. */
static gboolean
write_rows (RmmReferralImport  *self,
            GError            **error)
{
  for (guint i = 0; i < self->children->len; i++)
    g_array_index (self->children, Child, i).created_id = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = row_at (self, i);

      if (!(row->flags & ROW_DUPLICATE) && !write_row (self, row, error))
        {
          g_prefix_error (error, _("line %u: "), row->line);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether anything the plan was made from (children, referrals, agencies, areas) has
 * changed since, by anyone: every change is in the audit trail. -1 on error. */
static int
plan_overtaken (RmmReferralImport  *self,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 changed;

  /* The unary + keeps SQLite on the id range rather than the index on entity. */
  changed = rmm_store_query_int (self->store,
                                 "SELECT EXISTS (SELECT 1 FROM audit_event WHERE id > ? AND "
                                 "+entity IN ('child', 'referral', 'agency', 'area'))",
                                 self->audit_mark, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return changed != 0;
}

/* The plan again, from the database as it is now. */
static gboolean
replan (RmmReferralImport  *self,
        GError            **error)
{
  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  classify_rows (self);
  g_ptr_array_sort (self->problems, compare_problem_lines);
  if (self->n_problems > 0)
    {
      self->read_ok = FALSE;
      set_problems_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Take the write lock with a plan that is still true; *@locked_at is when it was taken. */
static gboolean
begin (RmmReferralImport  *self,
       gint64             *locked_at,
       GError            **error)
{
  for (guint attempt = 1;; attempt++)
    {
      int overtaken;

      if (!rmm_store_begin (self->store, error))
        return FALSE;
      *locked_at = g_get_monotonic_time ();
      if ((overtaken = plan_overtaken (self, error)) < 0)
        {
          rmm_store_rollback (self->store);
          return FALSE;
        }
      if (!overtaken)
        return TRUE;
      g_debug ("%s: the database changed since the file was checked; checking again",
               self->source_name);
      if (attempt < MAX_PLAN_ATTEMPTS)
        {
          rmm_store_rollback (self->store);
          if (!replan (self, error))
            return FALSE;
          continue;
        }
      /* Others keep writing: plan once more holding the lock, so nothing can move. */
      if (!replan (self, error))
        {
          rmm_store_rollback (self->store);
          return FALSE;
        }
      return TRUE;
    }
}

/* Add every new referral (and new child) in one transaction: all or nothing. */
gboolean
rmm_referral_import_commit (RmmReferralImport  *self,
                            GError            **error)
{
  gint64 started;
  gboolean ok;

  g_return_val_if_fail (RMM_IS_REFERRAL_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read_ok, FALSE);

  if (!begin (self, &started, error))
    return FALSE;
  rmm_store_set_bulk_writing (self->store, TRUE);
  ok = write_rows (self, error);
  if (ok)
    ok = rmm_store_commit (self->store, error);
  else
    rmm_store_rollback (self->store);
  rmm_store_set_bulk_writing (self->store, FALSE);
  g_debug ("%s: write lock held for %.3f s for %u referrals (%s)", self->source_name,
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC,
           rmm_referral_import_count_new (self), ok ? "committed" : "rolled back");
  /* Whatever was written is gone with the transaction: plan afresh before trying again. */
  if (!ok)
    self->audit_mark = -1;
  return ok;
}
