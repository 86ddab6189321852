/* fuzz-pdf-text.c: the PDF engine given hostile text in every kind of block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names, minutes and concerns reach the documents from people and from agencies' files:
 * very long words, any script, control characters, bidi overrides, combining marks piled on
 * one letter. Laid out and written as a PDF (in memory) and as HTML, none of it may crash,
 * hang (build-aux/fuzz gives each input a time limit) or lose the document.
 *
 * The input: pieces separated by 0xff bytes. The first is the script, a block a byte (with
 * its options in the following bytes); the others are the texts, in turn. A text whose
 * first byte is even is given as it is (invalid UTF-8 included: the engine must cope); one
 * whose first byte is odd is read as pairs of bytes, each a character from a table of
 * hostile ranges, or a repeat of the last character (a word thousands of letters long from
 * a few bytes).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rmm-pdf-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Where hostile text comes from: every script the documents may meet, and what is not text. */
static const struct { gunichar first, last; } ranges[] = {
  { 'a', 'z' }, { ' ', '@' },
  { 0x01, 0x1f },        /* C0 controls: tab, new line, carriage return among them */
  { 0x7f, 0x9f },        /* DEL, C1 controls */
  { 0xa0, 0x24f },       /* Latin-1, soft hyphen, Latin extended */
  { 0x300, 0x36f },      /* combining diacritics, to pile on one letter */
  { 0x370, 0x52f },      /* Greek, Cyrillic */
  { 0x590, 0x5ff },      /* Hebrew */
  { 0x600, 0x6ff },      /* Arabic */
  { 0x700, 0x7bf },      /* Syriac, Thaana */
  { 0x900, 0xbff },      /* Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil */
  { 0xe00, 0xfff },      /* Thai, Lao, Tibetan */
  { 0x1000, 0x10ff },    /* Myanmar, Georgian */
  { 0x1100, 0x11ff },    /* Hangul jamo */
  { 0x1200, 0x139f },    /* Ethiopic */
  { 0x1780, 0x18af },    /* Khmer, Mongolian */
  { 0x2000, 0x206f },    /* spaces, zero-width joiners, bidi marks, embeddings, overrides, isolates */
  { 0x2028, 0x2029 },    /* line and paragraph separators */
  { 0x202a, 0x202e },    /* bidi embeddings and overrides */
  { 0x2066, 0x2069 },    /* bidi isolates */
  { 0x20a0, 0x2bff },    /* symbols, arrows, maths, box drawing */
  { 0x3000, 0x30ff },    /* CJK punctuation, kana */
  { 0x4e00, 0x9fff },    /* CJK ideographs */
  { 0xac00, 0xd7a3 },    /* Hangul syllables */
  { 0xe000, 0xf8ff },    /* private use */
  { 0xfe00, 0xfe0f },    /* variation selectors */
  { 0xfff9, 0xfffd },    /* interlinear annotations, replacement character */
  { 0x1d400, 0x1d7ff },  /* mathematical letters */
  { 0x1f300, 0x1faff },  /* emoji, skin tones */
  { 0xe0000, 0xe007f },  /* tags */
};
#define REPEAT G_N_ELEMENTS (ranges)

/* A text of 16 KB; a document of some twenty-five pages, counting each text by the lines
 * it can take: its bytes and 16 for the cell, over the share of the line its column has
 * (the last text may go over: a 16 KB word in the narrowest column is 300 pages, a few
 * seconds under the sanitizers; a cost that grew with the square of a word's length would
 * take far longer). /pdf/engine/long-word lays out 64 KB, what an imported field may hold. */
#define MAX_TEXT (16 * 1024)
#define MAX_DOCUMENT (128 * 1024)
#define CELL_COST 16

static GString *
generate (const uint8_t *bytes,
          gsize          length)
{
  GString *text = g_string_new (NULL);
  gunichar last = 'w';

  for (gsize i = 0; i + 1 < length && text->len < MAX_TEXT; i += 2)
    {
      guint choice = bytes[i] % (REPEAT + 1);

      if (choice == REPEAT)
        {
          /* Up to 8,192 of the last character: a word no line can hold. (A text cannot
           * hold 0xff, so 254 is the most.) */
          for (guint n = 0; n < (bytes[i + 1] + 1u) * 32 && text->len < MAX_TEXT; n++)
            g_string_append_unichar (text, last);
          continue;
        }
      last = ranges[choice].first +
             ((bytes[i + 1] | (bytes[i] / (REPEAT + 1)) << 8) %
              (ranges[choice].last - ranges[choice].first + 1));
      g_string_append_unichar (text, last);
    }
  return text;
}

typedef struct
{
  const uint8_t *script;
  gsize          script_length;
  gsize          next_op;
  GPtrArray     *texts;       /* char *, as the engine is given them */
  guint          next_text;
  gsize          budget;      /* bytes of text the document may still take */
  guint          sections[2]; /* the levels of the sections open, innermost last */
  guint          n_sections;
} Input;

static char *
decode_text (const uint8_t *bytes,
             gsize          length)
{
  if (length > 0 && (bytes[0] & 1))
    return g_string_free (generate (bytes + 1, length - 1), FALSE);
  /* Raw: cut at a NUL, as a C string would be. */
  return g_strndup ((const char *)bytes, length);
}

static Input
split_input (const uint8_t *data,
             size_t         size)
{
  Input input = { data, size, 0, g_ptr_array_new_with_free_func (g_free), 0, MAX_DOCUMENT,
                  { 0, 0 }, 0 };
  const uint8_t *end = memchr (data, 0xff, size);
  gsize start;

  if (end == NULL)
    return input;
  input.script_length = end - data;
  start = input.script_length + 1;
  while (start <= size)
    {
      const uint8_t *next = start < size ? memchr (data + start, 0xff, size - start) : NULL;
      gsize stop = next != NULL ? (gsize)(next - data) : size;

      g_ptr_array_add (input.texts, decode_text (data + start, stop - start));
      start = stop + 1;
    }
  return input;
}

static guint
next_byte (Input *input)
{
  return input->next_op < input->script_length ? input->script[input->next_op++] : 0;
}

/* The next text, in turn (there may be fewer texts than blocks). */
static const char *
next_text (Input *input)
{
  if (input->texts->len == 0)
    return "";
  return g_ptr_array_index (input->texts, input->next_text++ % input->texts->len);
}

/* The next text for a block whose column has @share of the line, counted against what
 * the document may hold; a cell counts for something even empty, so that a few bytes
 * cannot make ten thousand pages of empty rows. */
static const char *
next_block_text (Input *input,
                 double share)
{
  const char *text = next_text (input);
  gsize cost = (strlen (text) + CELL_COST) / share;

  input->budget -= MIN (input->budget, cost);
  return text;
}

/* The documents' own tables, and one of the input's making. */
static const double table_widths[][7] = {
  { 0.05, 0.25, 0.2, 0.13, 0.15, 0.22 },
  { 0.3, 0.4, 0.15, 0.15 },
  { 0.16, 0.34, 0.18, 0.18, 0.14 },
  { 0.38, 0.34, 0.28 },
  { 0.2, 0.36, 0.18, 0.12, 0.14 },
  { 0.18, 0.3, 0.52 },
  { 1.0 },
};

static guint
choose_widths (Input  *input,
               double *widths)
{
  guint choice = next_byte (input) % (G_N_ELEMENTS (table_widths) + 1);
  guint n = 0;
  double total = 0;

  if (choice < G_N_ELEMENTS (table_widths))
    {
      while (n < G_N_ELEMENTS (table_widths[choice]) && table_widths[choice][n] > 0)
        {
          widths[n] = table_widths[choice][n];
          n++;
        }
      return n;
    }
  /* From the input: 1 to 7 columns, none narrower than the documents' narrowest. */
  n = next_byte (input) % 7 + 1;
  for (guint i = 0; i < n; i++)
    total += widths[i] = next_byte (input) + 1;
  for (guint i = 0; i < n; i++)
    widths[i] = 0.05 + (1.0 - 0.05 * n) * widths[i] / total;
  return n;
}

/* A heading; or a section, whose heading (or a text of its own) repeats atop the pages it
 * runs onto; or the end of the innermost section, as the engine counts them. */
static void
add_heading (RmmPdfDocument *document,
             Input          *input,
             guint           op)
{
  guint level = op & 0x10 ? 2 : 1;

  if ((op & 0x60) == 0x60 && input->n_sections > 0)
    {
      rmm_pdf_document_end_section (document);
      input->n_sections--;
      return;
    }
  /* A heading ends the sections of its level and below. */
  while (input->n_sections > 0 && input->sections[input->n_sections - 1] >= level)
    input->n_sections--;
  if (op & 0x20)
    {
      const char *text = next_block_text (input, 1);

      rmm_pdf_document_begin_section (document, level, text,
                                      op & 0x40 ? next_block_text (input, 1) : NULL);
      input->sections[input->n_sections++] = level;
    }
  else
    rmm_pdf_document_add_heading (document, level, next_block_text (input, 1));
}

static void
add_blocks (RmmPdfDocument *document,
            Input          *input)
{
  double widths[7];
  guint n_columns = 0;

  while (input->next_op < input->script_length && input->budget > 0)
    {
      guint op = next_byte (input);

      switch (op % 11)
        {
        case 0:
          rmm_pdf_document_add_paragraph (document, next_block_text (input, 1));
          break;
        case 1:
          add_heading (document, input, op);
          break;
        case 2:
          {
            const char *key = next_block_text (input, 0.3);

            rmm_pdf_document_add_key_value (document, key, next_block_text (input, 0.7));
          }
          break;
        case 3:
          rmm_pdf_document_add_note (document, next_block_text (input, 1));
          break;
        case 4:
          rmm_pdf_document_add_check (document, op & 0x10, next_block_text (input, 1));
          break;
        case 5:
          {
            const char *headers[7];

            n_columns = choose_widths (input, widths);
            for (guint i = 0; i < n_columns; i++)
              headers[i] = next_block_text (input, widths[i]);
            rmm_pdf_document_begin_table (document, n_columns, widths, headers);
          }
          break;
        case 6:
          /* Rows go into the table just begun; a table ends when anything else is added. */
          if (n_columns > 0)
            {
              const char *cells[7];

              for (guint i = 0; i < n_columns; i++)
                cells[i] = next_block_text (input, widths[i]);
              rmm_pdf_document_add_row (document, op >> 4 & 7, cells);
              continue;
            }
          break;
        case 7:
          rmm_pdf_document_add_contents (document);
          break;
        case 8:
          rmm_pdf_document_add_page_break (document);
          break;
        case 9:
          {
            const char *title = next_block_text (input, 1);

            rmm_pdf_document_add_title (document, title, next_block_text (input, 1));
          }
          break;
        case 10:
        default:
          /* Many rows at once: a table over many pages, its header repeated on each. */
          if (n_columns > 0)
            {
              const char *cells[7];

              for (guint row = 0; row < (op >> 4) * 8 && input->budget > 0; row++)
                {
                  for (guint i = 0; i < n_columns; i++)
                    cells[i] = next_block_text (input, widths[i]);
                  rmm_pdf_document_add_row (document, RMM_PDF_ROW_PLAIN, cells);
                }
              continue;
            }
          break;
        }
      n_columns = (op % 11 == 5) ? n_columns : 0;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input input = split_input (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *html = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  RmmPdfInfo info = { 0 };
  gsize length;
  const char *bytes;

  /* The title, marking and date are the document's too: the footer and the metadata. */
  info.title = next_text (&input);
  info.subject = next_text (&input);
  info.marking = next_text (&input);
  info.date = next_text (&input);
  document = rmm_pdf_document_new (&info);
  add_blocks (document, &input);

  g_assert_cmpuint (rmm_pdf_document_get_n_pages (document), >=, 1);
  pdf = rmm_pdf_document_to_bytes (document, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (pdf, &length);
  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  /* To look at what an input makes: RMM_FUZZ_PDF_OUT=out.pdf fuzz-pdf-text-replay INPUT */
  if (g_getenv ("RMM_FUZZ_PDF_OUT") != NULL)
    g_file_set_contents (g_getenv ("RMM_FUZZ_PDF_OUT"), bytes, length, NULL);
  html = rmm_pdf_document_to_html (document);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_ptr_array_unref (input.texts);
  return 0;
}
