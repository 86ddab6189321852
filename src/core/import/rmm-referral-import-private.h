/* rmm-referral-import-private.h: what the referral import's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of a file kept compactly (each row's own texts in one block, the texts that
 * repeat once), the children its references name, and the import object itself.
 */
#pragma once

#include <string.h>

#include "rmm-csv.h"
#include "rmm-referral-import.h"
#include "rmm-store.h"

G_BEGIN_DECLS

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

/* Shared by the import's files: the row store (rmm-referral-import.c), reading rows
 * (-rows.c), planning (-plan.c) and writing (-commit.c). */
guint32     rmm_import_intern                (RmmReferralImport  *self,
                                              const char         *text);
const char *rmm_import_route_name            (Route               route);
gboolean    rmm_import_on_record             (RmmCsvRecord       *record,
                                              gpointer            user_data,
                                              GError            **error);
void        rmm_import_add_problem           (RmmReferralImport  *self,
                                              guint               line,
                                              int                 column,
                                              const char         *format,
                                              ...) G_GNUC_PRINTF (4, 5);
gint64      rmm_import_known_agency          (RmmReferralImport  *self,
                                              const char         *name);
gint64     *rmm_import_agency_slot           (RmmReferralImport  *self,
                                              guint32             index);
gint64      rmm_import_row_agency            (RmmReferralImport  *self,
                                              const Row          *row);
void        rmm_import_load_areas            (RmmReferralImport  *self);
void        rmm_import_classify_rows         (RmmReferralImport  *self);
void        rmm_import_set_problems_error    (RmmReferralImport  *self,
                                              GError            **error);
int         rmm_import_compare_problem_lines (gconstpointer       a,
                                              gconstpointer       b);

/* Row and string accessors, called for every row of a million: inline. */
static inline const char *
rmm_import_string_at (RmmReferralImport *self,
                      guint32            index)
{
  return g_ptr_array_index (self->strings, index);
}

static inline const char *
rmm_import_row_text (const Row *row,
                     Text       which)
{
  const char *p = row->text;

  for (guint i = 0; i < which; i++)
    p += strlen (p) + 1;
  return p;
}

static inline Row *
rmm_import_row_at (RmmReferralImport *self,
                   guint32            index)
{
  return &g_array_index (self->rows, Row, index);
}

G_END_DECLS
