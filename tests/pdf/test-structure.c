/* test-structure.c: what a screen reader and a reader turning pages get from the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler-glib: the structure tree (a heading per child, tables
 * with header cells, in the order of the pages, nothing of the page furniture), the catalog
 * (language, the title in the window's title bar), and where text lands on the pages
 * (headings kept with what they head, a section's heading repeated on the pages it runs
 * onto, no hyphen put into a word).
 *
 * poppler (22.12 and later) stops collecting a marked-content element's text at the first
 * nested marked content, which cairo writes for a ligature ("fi") and for the space at the
 * end of a wrapped line; the texts asserted here are of one line with no ligature.
 */
#include "config.h"

#include "rmm-test-support.h"

#include <cairo-pdf.h>
#include <poppler.h>
#include <string.h>

#include "rmm-documents.h"
#include "rmm-pdf-document-private.h"
#include "rmm-store.h"

/* poppler-glib 22.12 declares no cleanup for these. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* ---- the structure tree, copied out of poppler ---- */

typedef struct _Node Node;
struct _Node
{
  PopplerStructureElementKind  kind;
  int                          page;       /* content elements: from 0; else -1 */
  char                        *text;
  GPtrArray                   *children;   /* of Node */
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->text);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static GPtrArray *
copy_elements (PopplerStructureElementIter *iter)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func (node_free);

  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = NULL;
      Node *node = g_new0 (Node, 1);

      node->kind = poppler_structure_element_get_kind (element);
      node->page = poppler_structure_element_get_page (element);
      node->text = poppler_structure_element_get_text (element,
                                                       POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
      if (node->text == NULL)
        node->text = g_strdup ("");
      if (!poppler_structure_element_is_content (element))
        child = poppler_structure_element_iter_get_child (iter);
      node->children = child != NULL ? copy_elements (child)
                                     : g_ptr_array_new_with_free_func (node_free);
      g_clear_pointer (&child, poppler_structure_element_iter_free);
      g_object_unref (element);
      g_ptr_array_add (nodes, node);
    }
  while (poppler_structure_element_iter_next (iter));
  return nodes;
}

static Node *
child (const Node *node,
       guint       i)
{
  g_assert_cmpuint (i, <, node->children->len);
  return g_ptr_array_index (node->children, i);
}

/* Elements that hold the text itself (H2, P, TD), in the tree's order. */
static void
collect_leaves (const Node *node,
                GPtrArray  *leaves)
{
  if (node->children->len == 0)
    g_ptr_array_add (leaves, (gpointer)node);
  for (guint i = 0; i < node->children->len; i++)
    collect_leaves (child (node, i), leaves);
}

static void
collect_kind (const Node                  *node,
              PopplerStructureElementKind  kind,
              GPtrArray                   *found)
{
  if (node->kind == kind)
    g_ptr_array_add (found, (gpointer)node);
  for (guint i = 0; i < node->children->len; i++)
    collect_kind (child (node, i), kind, found);
}

typedef struct
{
  GBytes          *bytes;
  PopplerDocument *pdf;
  Node            *root;      /* the Document element */
  GPtrArray       *leaves;
} Tagged;

static void
tagged_free (Tagged *tagged)
{
  g_ptr_array_unref (tagged->leaves);
  node_free (tagged->root);
  g_object_unref (tagged->pdf);
  g_bytes_unref (tagged->bytes);
  g_free (tagged);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tagged, tagged_free)

static Tagged *
read_tagged (RmmPdfDocument *document)
{
  g_autoptr(GError) error = NULL;
  Tagged *tagged = g_new0 (Tagged, 1);
  PopplerStructureElementIter *iter;
  GPtrArray *top;

  tagged->bytes = rmm_pdf_document_to_bytes (document, &error);
  g_assert_no_error (error);
  tagged->pdf = poppler_document_new_from_bytes (tagged->bytes, NULL, &error);
  g_assert_no_error (error);
  iter = poppler_structure_element_iter_new (tagged->pdf);
  g_assert_nonnull (iter);
  top = copy_elements (iter);
  poppler_structure_element_iter_free (iter);
  /* One root, the Document, around everything. */
  g_assert_cmpuint (top->len, ==, 1);
  tagged->root = g_ptr_array_steal_index (top, 0);
  g_ptr_array_unref (top);
  g_assert_cmpint (tagged->root->kind, ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  tagged->leaves = g_ptr_array_new ();
  collect_leaves (tagged->root, tagged->leaves);
  return tagged;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

/* ---- what every tagged document holds ---- */

/* The last @needle in @length bytes at @data (a PDF holds NUL bytes: no string search). */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = length >= n ? length - n + 1 : 0; at-- > 0;)
    if (memcmp (data + at, needle, n) == 0)
      return data + at;
  return NULL;
}

/* The catalog as the PDF's last trailer names it: the one a viewer reads. */
static char *
final_catalog (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *root = find_last (data, length, "/Root ");
  g_autofree char *header = NULL;
  const char *object;
  const char *end;
  guint64 id;

  g_assert_nonnull (root);
  id = g_ascii_strtoull (root + strlen ("/Root "), NULL, 10);
  header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n", id);
  object = find_last (data, length, header);
  g_assert_nonnull (object);
  end = find_last (object, length - (object - data), "endobj");
  g_assert_nonnull (end);
  return g_strndup (object, end - object);
}

static void
assert_catalog (GBytes     *bytes,
                const char *language)
{
  g_autofree char *catalog = final_catalog (bytes);
  g_autofree char *lang = g_strdup_printf ("/Lang (%s)", language);

  /* What pdfinfo reads as "Tagged: yes". */
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot "));
  g_assert_nonnull (strstr (catalog, lang));
  g_assert_nonnull (strstr (catalog, "/ViewerPreferences << /DisplayDocTitle true >>"));
}

/* The tree follows the pages: each element holding text is on the page of the one before it
 * or a later one, and on a page the headings and paragraphs come in the order they are
 * read there. */
static void
assert_reading_order (Tagged *tagged)
{
  int page = 0;
  g_autofree char *text = page_text (tagged->pdf, 0);
  const char *at = text;

  for (guint i = 0; i < tagged->leaves->len; i++)
    {
      const Node *leaf = g_ptr_array_index (tagged->leaves, i);
      const char *found;

      if (leaf->page < 0)
        continue;
      g_assert_cmpint (leaf->page, >=, page);
      if (leaf->page > page)
        {
          page = leaf->page;
          g_free (text);
          at = text = page_text (tagged->pdf, page);
        }
      if (leaf->kind != POPPLER_STRUCTURE_ELEMENT_PARAGRAPH &&
          (leaf->kind < POPPLER_STRUCTURE_ELEMENT_HEADING ||
           leaf->kind > POPPLER_STRUCTURE_ELEMENT_HEADING_6))
        continue;
      found = strstr (at, leaf->text);
      if (found == NULL)
        g_error ("“%s” (page %d) is not where the structure tree says it is", leaf->text,
                 page + 1);
      at = found + strlen (leaf->text);
    }
}

/* No element holds the header, the footer or what is repeated atop a page. */
static void
assert_no_furniture (Tagged     *tagged,
                     const char *marking)
{
  for (guint i = 0; i < tagged->leaves->len; i++)
    {
      const Node *leaf = g_ptr_array_index (tagged->leaves, i);

      g_assert_null (strstr (leaf->text, marking));
      g_assert_false (g_regex_match_simple ("Page [0-9]+ of [0-9]+", leaf->text, 0, 0));
      g_assert_null (strstr (leaf->text, "— continued"));
    }
}

/* Every table has header cells: a grid's first row is all TH and its others TD, a block of
 * key–value rows is a TH and a TD a row. Returns how many tables there are. */
static guint
assert_tables (Tagged *tagged)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  collect_kind (tagged->root, POPPLER_STRUCTURE_ELEMENT_TABLE, tables);
  for (guint i = 0; i < tables->len; i++)
    {
      const Node *table = g_ptr_array_index (tables, i);
      const Node *first = child (table, 0);
      gboolean grid = first->children->len != 2 ||
                      child (first, 1)->kind == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING;

      for (guint r = 0; r < table->children->len; r++)
        {
          const Node *row = child (table, r);

          g_assert_cmpint (row->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW);
          for (guint c = 0; c < row->children->len; c++)
            g_assert_cmpint (child (row, c)->kind, ==,
                             (grid ? r == 0 : c == 0) ? POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING
                                                      : POPPLER_STRUCTURE_ELEMENT_TABLE_DATA);
        }
    }
  return tables->len;
}

/* The sections (Sect) of the Document, each with its heading first. */
static GPtrArray *
section_headings (Tagged *tagged)
{
  GPtrArray *headings = g_ptr_array_new ();

  for (guint i = 0; i < tagged->root->children->len; i++)
    {
      const Node *node = child (tagged->root, i);

      if (node->kind != POPPLER_STRUCTURE_ELEMENT_SECTION)
        continue;
      g_assert_cmpint (child (node, 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_HEADING_2);
      g_ptr_array_add (headings, child (node, 0)->text);
    }
  return headings;
}

static gboolean
has_heading (Tagged                      *tagged,
             PopplerStructureElementKind  kind,
             const char                  *text)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();

  collect_kind (tagged->root, kind, headings);
  for (guint i = 0; i < headings->len; i++)
    if (g_strcmp0 (((Node *)g_ptr_array_index (headings, i))->text, text) == 0)
      return TRUE;
  return FALSE;
}

/* ---- a meeting of fictitious people ---- */

typedef struct
{
  char     *folder;
  RmmStore *store;
  gint64    meeting;
  gint64    robin;
} Fixture;

static const char *children[][3] = {
  { "T-001", "Robin", "Testchild" },
  { "T-002", "Sky", "Examplewood" },
  { "T-003", "Alex", "Samplebury" },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 30, 0);
  g_autofree char *path = NULL;
  gint64 area, services, family, police, chair1, chair2;

  f->folder = rmm_test_make_folder ();
  path = rmm_test_new_database (f->folder);
  f->store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rmm_store_set_clock (f->store, now);
  area = rmm_store_add_area (f->store, "Testshire North", "surrey-3-level", NULL);
  services = rmm_store_add_agency (f->store, "Testshire Children Services", "childrens-services",
                                   NULL);
  family = rmm_store_add_agency (f->store, "Testshire Family Services", "family-services", NULL);
  police = rmm_store_add_agency (f->store, "Testshire Police", "police", NULL);
  chair1 = rmm_store_add_professional (f->store, services, "Ada Chairwell", "", NULL);
  chair2 = rmm_store_add_professional (f->store, family, "Ben Cochair", "", NULL);
  f->meeting = rmm_store_add_meeting (f->store, area, "2026-11-23", chair1, chair2, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      RmmChildInput input = {
        .reference = children[i][0], .first_name = children[i][1],
        .last_name = children[i][2], .date_of_birth = "2011-03-04", .area_id = area,
      };
      gint64 id = rmm_store_add_child (f->store, &input, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rmm_store_add_agenda_item (f->store, f->meeting, id, "new-referral",
                                                  &error), >, 0);
      g_assert_no_error (error);
      if (i == 0)
        f->robin = id;
    }

  {
    RmmAttendanceInput rows[] = {
      { .agency_id = services, .name = "Ada Chairwell", .status = RMM_ATTENDANCE_STATUS_PRESENT },
      { .agency_id = police, .name = "DC Pat Northway", .status = RMM_ATTENDANCE_STATUS_PRESENT },
    };
    RmmDecisionInput rating = {
      .child_id = f->robin, .meeting_id = f->meeting, .kind = RMM_DECISION_KIND_RISK_RATING, .value = "medium",
    };
    RmmPlanInput plan = {
      .child_id = f->robin, .meeting_id = f->meeting, .risks = "Seen near the station late.",
      .protective_factors = "Plays football on Saturdays.", .review_on = "2027-02-01",
    };
    RmmActionInput action = {
      .child_id = f->robin, .meeting_id = f->meeting, .description = "Weekly session",
      .agency_id = services, .due_on = "2026-12-14", .family_visible = TRUE,
    };
    gint64 decision;

    g_assert_true (rmm_store_open_meeting (f->store, f->meeting, rows, G_N_ELEMENTS (rows),
                                           TRUE, &error));
    decision = rmm_store_propose_decision (f->store, &rating, &error);
    g_assert_no_error (error);
    g_assert_true (rmm_store_confirm_decision (f->store, decision, chair1, &error));
    g_assert_true (rmm_store_confirm_decision (f->store, decision, chair2, &error));
    g_assert_cmpint (rmm_store_save_plan_version (f->store, &plan, &error), >, 0);
    g_assert_cmpint (rmm_store_add_plan_action (f->store, &action, &error), >, 0);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->folder);
}

static const RmmDocumentOptions full = { NULL, FALSE };

/* ---- the documents ---- */

/* The minutes: a section per child, headed by the child's name and reference, in the order
 * of the agenda and of the pages. */
static void
test_minutes_structure (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmPdfDocument) document = rmm_minutes_document_new (f->store, f->meeting, &full,
                                                                 &error);
  g_autoptr(Tagged) tagged = NULL;
  g_autoptr(GPtrArray) sections = NULL;

  g_assert_no_error (error);
  tagged = read_tagged (document);
  assert_catalog (tagged->bytes, "en-GB");
  g_assert_cmpint (child (tagged->root, 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_HEADING_1);
  /* (A meeting not concluded gives "DRAFT minutes of …"; a title of two lines is cut.) */
  g_assert_nonnull (strstr (child (tagged->root, 0)->text, "inutes of the CSE Risk"));
  sections = section_headings (tagged);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (children));
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *heading = g_strdup_printf ("%u. %s %s (%s)", i + 1, children[i][1],
                                                  children[i][2], children[i][0]);

      g_assert_cmpstr (g_ptr_array_index (sections, i), ==, heading);
    }
  g_assert_true (has_heading (tagged, POPPLER_STRUCTURE_ELEMENT_HEADING_2,
                              "Attendance and apologies"));
  g_assert_true (has_heading (tagged, POPPLER_STRUCTURE_ELEMENT_HEADING_2, "Decisions summary"));
  /* The attendance table, the decisions summary and the key–value blocks at least. */
  g_assert_cmpuint (assert_tables (tagged), >=, 3);
  assert_reading_order (tagged);
  assert_no_furniture (tagged, "OFFICIAL-SENSITIVE");
}

/* Both versions of a safety plan: the title as H1, its parts as H2, the actions a table
 * with header cells. */
static void
test_safety_plan_structure (Fixture       *f,
                            gconstpointer  data)
{
  RmmPlanAudience audiences[] = { RMM_PLAN_AUDIENCE_PROFESSIONAL, RMM_PLAN_AUDIENCE_FAMILY };
  const char *titles[] = { "CSE Safety Plan", "Your Safety Plan" };
  const char *parts[] = { "Actions", "What will happen next" };

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RmmPdfDocument) document = NULL;
      g_autoptr(Tagged) tagged = NULL;
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      gboolean due_header = FALSE;

      document = rmm_safety_plan_document_new (f->store, f->robin, audiences[i], &full, &error);
      g_assert_no_error (error);
      tagged = read_tagged (document);
      assert_catalog (tagged->bytes, "en-GB");
      g_assert_cmpint (child (tagged->root, 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_HEADING_1);
      g_assert_cmpstr (child (tagged->root, 0)->text, ==, titles[i]);
      g_assert_true (has_heading (tagged, POPPLER_STRUCTURE_ELEMENT_HEADING_2, parts[i]));
      g_assert_cmpuint (assert_tables (tagged), >=, 2);
      /* The actions' table has a header cell for the date each is due. */
      collect_kind (tagged->root, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING, cells);
      for (guint c = 0; c < cells->len; c++)
        due_header |= g_str_has_prefix (((Node *)g_ptr_array_index (cells, c))->text, "Due") ||
                      g_str_has_prefix (((Node *)g_ptr_array_index (cells, c))->text, "By when");
      g_assert_true (due_header);
      assert_reading_order (tagged);
      assert_no_furniture (tagged, "OFFICIAL-SENSITIVE");
    }
}

/* ---- the engine ---- */

static RmmPdfDocument *
every_block (const char *language)
{
  RmmPdfInfo info = { .title = "Engine test", .date = "23 November 2026", .language = language };
  RmmPdfDocument *document = rmm_pdf_document_new (&info);
  static const double widths[] = { 0.4, 0.6 };
  const char *headers[] = { "Name", "Role" };
  const char *row[] = { "Ada Chairwell", "Chair" };

  rmm_pdf_document_add_title (document, "Engine test", "Every kind of block");
  rmm_pdf_document_add_contents (document);
  rmm_pdf_document_begin_section (document, 1, "Part one", NULL);
  rmm_pdf_document_add_paragraph (document, "A paragraph.");
  rmm_pdf_document_add_key_value (document, "Age", "15");
  rmm_pdf_document_add_key_value (document, "School", "Testshire Academy");
  rmm_pdf_document_add_heading (document, 2, "Checks");
  rmm_pdf_document_add_check (document, TRUE, "Done");
  rmm_pdf_document_add_check (document, FALSE, "Not done");
  rmm_pdf_document_add_heading (document, 1, "Part two");
  rmm_pdf_document_begin_table (document, 2, widths, headers);
  rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, row);
  return document;
}

static void
assert_kinds (const Node                        *node,
              const PopplerStructureElementKind *kinds,
              guint                              n)
{
  g_assert_cmpuint (node->children->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (child (node, i)->kind, ==, kinds[i]);
}

/* Each kind of block as its element, the contents as links, a section around its part. */
static void
test_engine_elements (void)
{
  g_autoptr(RmmPdfDocument) document = every_block (NULL);
  g_autoptr(Tagged) tagged = read_tagged (document);
  const PopplerStructureElementKind top[] = {
    POPPLER_STRUCTURE_ELEMENT_HEADING_1, POPPLER_STRUCTURE_ELEMENT_PARAGRAPH,
    POPPLER_STRUCTURE_ELEMENT_TOC, POPPLER_STRUCTURE_ELEMENT_SECTION,
    POPPLER_STRUCTURE_ELEMENT_HEADING_2, POPPLER_STRUCTURE_ELEMENT_TABLE,
  };
  const PopplerStructureElementKind section[] = {
    POPPLER_STRUCTURE_ELEMENT_HEADING_2, POPPLER_STRUCTURE_ELEMENT_PARAGRAPH,
    POPPLER_STRUCTURE_ELEMENT_TABLE, POPPLER_STRUCTURE_ELEMENT_HEADING_3,
    POPPLER_STRUCTURE_ELEMENT_LIST,
  };
  const PopplerStructureElementKind item[] = {
    POPPLER_STRUCTURE_ELEMENT_LIST_LABEL, POPPLER_STRUCTURE_ELEMENT_LIST_BODY,
  };
  const Node *toc, *part, *list;

  assert_catalog (tagged->bytes, "en-GB");
  assert_kinds (tagged->root, top, G_N_ELEMENTS (top));
  g_assert_cmpstr (child (tagged->root, 0)->text, ==, "Engine test");
  g_assert_cmpstr (child (tagged->root, 1)->text, ==, "Every kind of block");
  /* The contents: a line for each of the two sections, each a link. */
  toc = child (tagged->root, 2);
  g_assert_cmpuint (toc->children->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (child (toc, i)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TOC_ITEM);
      g_assert_cmpint (child (child (toc, i), 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_LINK);
    }
  g_assert_true (g_str_has_prefix (child (child (toc, 1), 0)->text, "Part two"));
  part = child (tagged->root, 3);
  assert_kinds (part, section, G_N_ELEMENTS (section));
  g_assert_cmpstr (child (part, 0)->text, ==, "Part one");
  g_assert_cmpstr (child (part, 3)->text, ==, "Checks");
  /* The key–value rows: one table, a header cell and a data cell a row. */
  g_assert_cmpuint (child (part, 2)->children->len, ==, 2);
  g_assert_cmpstr (child (child (child (part, 2), 1), 0)->text, ==, "School");
  /* The checks: a list, each item its box (a character a screen reader can say) and text. */
  list = child (part, 4);
  g_assert_cmpuint (list->children->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      assert_kinds (child (list, i), item, G_N_ELEMENTS (item));
      g_assert_cmpstr (child (child (list, i), 0)->text, !=, "");
    }
  g_assert_cmpstr (child (child (list, 0), 0)->text, !=, child (child (list, 1), 0)->text);
  g_assert_cmpstr (child (child (list, 1), 1)->text, ==, "Not done");
  g_assert_cmpuint (assert_tables (tagged), ==, 2);
  assert_reading_order (tagged);
  assert_no_furniture (tagged, "OFFICIAL-SENSITIVE");
}

/* The language the document is read in: Welsh when asked, British English by default and
 * for anything that is not a language tag. */
static void
test_engine_language (void)
{
  const char *asked[] = { "cy", NULL, "en GB) /Evil (x", "" };
  const char *written[] = { "cy", "en-GB", "en-GB", "en-GB" };

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_autoptr(RmmPdfDocument) document = every_block (asked[i]);
      g_autoptr(Tagged) tagged = read_tagged (document);
      g_autofree char *html = rmm_pdf_document_to_html (document);
      g_autofree char *lang = g_strdup_printf ("<html lang=\"%s\">", written[i]);

      assert_catalog (tagged->bytes, written[i]);
      g_assert_nonnull (strstr (html, lang));
    }
}

/* The catalog's update reads what cairo wrote; given anything else (a PDF cut short, bytes
 * changed in its tail, a PDF updated already) it reads nothing outside the bytes, and leaves
 * them as they were unless it can update them. */
static void
test_engine_catalog_hostile (void)
{
  g_autoptr(RmmPdfDocument) document = every_block (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rmm_pdf_document_to_bytes (document, &error);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  GRand *rand = g_rand_new_with_seed (14);

  g_assert_no_error (error);
  for (guint trial = 0; trial < 2000; trial++)
    {
      /* Exactly as long as the input, so that ASan sees any read past its end. */
      gsize cut = trial < 1000 ? length - trial : length;
      guint8 *copy = g_memdup2 (data, cut);
      g_autoptr(GByteArray) pdf = g_byte_array_new_take (copy, cut);

      if (trial >= 1000)
        copy[cut - 1 - g_rand_int_range (rand, 0, MIN (cut, 2048))] =
          g_rand_int_range (rand, 0, 256);
      if (!rmm_pdf_update_catalog (pdf, "cy"))
        g_assert_cmpuint (pdf->len, ==, cut);
      else
        g_assert_cmpuint (pdf->len, >, cut);
    }
  g_rand_free (rand);
  /* Updated once already: found through the update's own table, and left with its entries. */
  {
    g_autoptr(GByteArray) pdf = g_byte_array_new ();

    g_byte_array_append (pdf, data, length);
    g_assert_true (rmm_pdf_update_catalog (pdf, "cy"));
    g_assert_null (find_last ((const char *)pdf->data, pdf->len, "/Lang (cy)"));
  }
}

static cairo_status_t
ignore_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Printing draws pages one by one, in any order (last first, some only), onto the printer's
 * surface: often a PDF surface of GTK's own, else a bitmap. The structure's tags span pages,
 * so they are left out there: an element ended on a page where it did not begin would put
 * the printer's surface in an error and print nothing more. */
static void
test_engine_print_surfaces (void)
{
  g_autoptr(RmmPdfDocument) document = every_block (NULL);
  cairo_surface_t *surfaces[] = {
    cairo_pdf_surface_create_for_stream (ignore_bytes, NULL, 595, 842),
    cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842),
  };
  guint n;

  /* The last table runs over onto a second page. */
  for (guint i = 0; i < 60; i++)
    {
      const char *row[] = { "Ben Cochair", "Chair" };

      rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, row);
    }
  n = rmm_pdf_document_get_n_pages (document);
  g_assert_cmpuint (n, ==, 2);
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      cairo_t *cr = cairo_create (surfaces[s]);

      for (guint page = n; page-- > 0;)
        {
          rmm_pdf_document_draw_page (document, cr, page);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_show_page (cr);
        }
      cairo_destroy (cr);
      cairo_surface_finish (surfaces[s]);
      g_assert_cmpint (cairo_surface_status (surfaces[s]), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surfaces[s]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/structure/minutes", test_minutes_structure);
  ADD ("/pdf/structure/safety-plan", test_safety_plan_structure);
#undef ADD
  g_test_add_func ("/pdf/structure/engine/elements", test_engine_elements);
  g_test_add_func ("/pdf/structure/engine/language", test_engine_language);
  g_test_add_func ("/pdf/structure/engine/print-surfaces", test_engine_print_surfaces);
  g_test_add_func ("/pdf/structure/engine/catalog-hostile", test_engine_catalog_hostile);

  return g_test_run ();
}
