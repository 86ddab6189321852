/* rmm-name-scrubber.c: children's names taken out of typed text for an anonymised document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An anonymised document names a child by their initials and reference; what was typed
 * about them (minutes, reasons, outcomes) must not name them either, and must never name
 * someone else in their place. The text is read word by word:
 *
 *  1. a whole full name, longest first: a child's becomes their initials; a professional's
 *     stays as it is (they are accountable for what they said); one that is both reads
 *     "[name]";
 *  2. a single capitalised word that is a child's name: within that child's own item their
 *     first name becomes their initials. Every other case reads "[name]": a surname alone
 *     (the family shares it: "the Lomax household" is not the child), another child's name,
 *     and a word that is also a professional's name or an ordinary English word ("Will",
 *     "Rose"), because initials there could be someone else's;
 *  3. a surname replaced this way takes the given name typed before it along ("his sibling
 *     Alfie Lomax" reads "his sibling [name]"), but not a title ("Mrs [name]").
 *
 *  4. in a child's own item, their first name before another surname ("Tobias Smith, a
 *     friend") is someone else: "[name]".
 *
 * Lower-case words are never names ("will", "rose") unless the name is written so
 * (al-Hassan). Names with apostrophes and hyphens (O'Neill, Glyndwr-Hale) are one word, and
 * each part of a hyphenated name counts alone; a possessive or contraction in any case
 * (ROBIN'S, Robin'll) keeps its ending, a plural (the Lomaxes) is the name. Words compare
 * without accents or invisible characters (Sian is Siân; a soft hyphen from pasted text does
 * not split a name), and a user name that runs a child's names together (@TobiasLomax09)
 * reads "[name]". Welsh mutated forms of a name (Fair for Mair) are not recognised: the
 * README says so.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"
#include <string.h>

#include "rmm-document-text.h"
#include "rmm-name-scrubber.h"

/* TRANSLATORS: in an anonymised document, a name that cannot safely be shown as anyone's
 * initials */
#define UNKNOWN_NAME _("[name]")

typedef struct
{
  char   *initials;
  char  **first_words;    /* casefolded */
  char  **last_words;
} Child;

typedef struct
{
  char     *initials;     /* a child's; NULL when only a professional has the name */
  gboolean  professional;
} FullName;

typedef struct
{
  gboolean child_first;   /* (part of) some child's first name */
  gboolean child_last;    /* (part of) some child's surname */
  gboolean professional;  /* (part of) some professional's name */
  gboolean ordinary;      /* an ordinary English word, in lower case in the word list */
  gboolean lower_case;    /* a name written in lower case (al-Hassan): matched so too */
} WordUse;

struct _RmmNameScrubber
{
  GHashTable *children;     /* child id → Child */
  GHashTable *full_names;   /* casefolded "first last" → FullName */
  GHashTable *words;        /* casefolded word → WordUse */
  GPtrArray  *run_together; /* children's names as handles write them: "tobiaslomax" */
  guint       longest;      /* the most words in a full name */
  char       *word_list;
  gboolean    word_list_read;
};

typedef struct
{
  const char *start;
  const char *end;
} Word;

/* Typed before a surname, these are not someone's given name. */
static const char *not_given_names[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "sgt",
  "the", "a", "an", "his", "her", "their", "our", "my", "your", "its", "this", "that",
  "these", "those", "and", "or", "but", "with", "to", "from", "by", "for", "at", "in", "on",
  "of", "as", "when", "if", "then", "after", "before", "both", "all", "no", "not", "he",
  "she", "they", "we", "it", "mum", "dad", "nan", "grandad", "nanny", "auntie", "aunt",
  "uncle", "brother", "sister", "sibling", "cousin", "carer", "stepdad", "stepmum",
  NULL
};

static void
child_free (gpointer data)
{
  Child *child = data;

  g_free (child->initials);
  g_strfreev (child->first_words);
  g_strfreev (child->last_words);
  g_free (child);
}

static void
full_name_free (gpointer data)
{
  FullName *name = data;

  g_free (name->initials);
  g_free (name);
}

RmmNameScrubber *
rmm_name_scrubber_new (void)
{
  RmmNameScrubber *self = g_new0 (RmmNameScrubber, 1);

  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, child_free);
  self->full_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, full_name_free);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->run_together = g_ptr_array_new_with_free_func (g_free);
  self->word_list = g_strdup (RMM_WORD_LIST);
  return self;
}

void
rmm_name_scrubber_free (RmmNameScrubber *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->children);
  g_hash_table_unref (self->full_names);
  g_hash_table_unref (self->words);
  g_ptr_array_unref (self->run_together);
  g_free (self->word_list);
  g_free (self);
}

/* The list of ordinary words; NULL or a missing file: no word counts as ordinary. */
void
rmm_name_scrubber_set_word_list (RmmNameScrubber *self,
                                 const char      *path)
{
  g_free (self->word_list);
  self->word_list = g_strdup (path);
  self->word_list_read = FALSE;
}

/* ---- words ---- */

/* Characters that do not show but can split a word as stored from the word as read: a soft
 * hyphen from pasted text (Lo\u00ADmax prints as Lomax), zero-width spaces and joiners. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_invisible (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_joiner (gunichar c)
{
  return is_apostrophe (c) || c == '-' || c == 0x2010 || c == 0x2011;
}

/* The word starting at @p, or NULL when no word starts there. Apostrophes and hyphens
 * between letters belong to the word: O'Neill, Glyndwr-Hale. */
static const char *
word_end (const char *p)
{
  const char *end = p;

  if (!is_word_char (g_utf8_get_char (p)))
    return NULL;
  while (*end != '\0')
    {
      gunichar c = g_utf8_get_char (end);
      const char *next = g_utf8_next_char (end);

      if (is_word_char (c))
        end = next;
      else if (is_joiner (c) && *next != '\0' && is_word_char (g_utf8_get_char (next)))
        end = next;
      else
        break;
    }
  return end;
}

/* A word as it is compared: casefolded, without accents (Sian is Siân, Zoe is Zoë, and
 * İlayda Ilayda: a name typed without its accent is still the name), without invisible
 * characters, with any apostrophe read as ' and any hyphen as -. */
static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *result = g_string_new (NULL);

  for (const char *p = decomposed ? decomposed : folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || is_invisible (c))
        continue;
      g_string_append_unichar (result, is_apostrophe (c) ? '\''
                                       : c == 0x2010 || c == 0x2011 ? '-' : c);
    }
  return g_string_free (result, FALSE);
}

/* The words of a name, folded; a name's own spaces are its word breaks. */
static char **
split_name (const char *name)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *p = name ? name : "";

  while (*p != '\0')
    {
      const char *end = word_end (p);

      if (end == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      g_ptr_array_add (words, fold (p, end - p));
      p = end;
    }
  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static WordUse *
word_use (RmmNameScrubber *self,
          const char      *word)
{
  WordUse *use = g_hash_table_lookup (self->words, word);

  if (use == NULL)
    {
      use = g_new0 (WordUse, 1);
      g_hash_table_insert (self->words, g_strdup (word), use);
    }
  return use;
}

static FullName *
full_name_entry (RmmNameScrubber  *self,
                 char            **first,
                 char            **last)
{
  g_autofree char *joined_first = g_strjoinv (" ", first);
  g_autofree char *joined_last = g_strjoinv (" ", last);
  g_autofree char *key = *joined_first && *joined_last
    ? g_strdup_printf ("%s %s", joined_first, joined_last)
    : g_strconcat (joined_first, joined_last, NULL);
  FullName *name;
  guint n_words = g_strv_length (first) + g_strv_length (last);

  if (n_words < 2)
    return NULL;
  if ((name = g_hash_table_lookup (self->full_names, key)) == NULL)
    {
      name = g_new0 (FullName, 1);
      g_hash_table_insert (self->full_names, g_steal_pointer (&key), name);
    }
  self->longest = MAX (self->longest, n_words);
  return name;
}

/* ---- what the text may name ---- */

/* Each word of a name and each part of a hyphenated one: "Glyndwr" alone still points at
 * Dylan Glyndwr-Hale. */
static char **
name_parts (char **words)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], "-", -1);

      g_strv_builder_add (builder, words[i]);
      for (guint j = 0; parts[1] != NULL && parts[j] != NULL; j++)
        if (*parts[j] != '\0')
          g_strv_builder_add (builder, parts[j]);
    }
  return g_strv_builder_end (builder);
}

/* Letters and digits only: how a name reads inside a handle. */
static char *
letters_of (const char *folded)
{
  GString *letters = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (letters, g_utf8_get_char (p));
  return g_string_free (letters, FALSE);
}

/* "tobiaslomax" and "lomaxtobias", for the user names and handles a minute may quote. */
static void
add_run_together (RmmNameScrubber  *self,
                  char            **first,
                  char            **last)
{
  g_autofree char *first_joined = g_strjoinv ("", first);
  g_autofree char *last_joined = g_strjoinv ("", last);
  g_autofree char *first_letters = letters_of (first_joined);
  g_autofree char *last_letters = letters_of (last_joined);

  if (g_utf8_strlen (first_letters, -1) < 2 || g_utf8_strlen (last_letters, -1) < 2)
    return;
  g_ptr_array_add (self->run_together, g_strconcat (first_letters, last_letters, NULL));
  g_ptr_array_add (self->run_together, g_strconcat (last_letters, first_letters, NULL));
}

/* The words of a name that are written in lower case ("al-Hassan"): text may write them so. */
static void
mark_lower_case (RmmNameScrubber *self,
                 const char      *name)
{
  const char *p = name ? name : "";

  while (*p != '\0')
    {
      const char *end = word_end (p);

      if (end == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (g_unichar_islower (g_utf8_get_char (p)))
        {
          g_autofree char *folded = fold (p, end - p);

          word_use (self, folded)->lower_case = TRUE;
        }
      p = end;
    }
}

void
rmm_name_scrubber_add_child (RmmNameScrubber *self,
                             gint64           child_id,
                             const char      *first_name,
                             const char      *last_name)
{
  g_auto(GStrv) first = split_name (first_name);
  g_auto(GStrv) last = split_name (last_name);
  g_auto(GStrv) last_parts = name_parts (last);
  Child *child = g_new0 (Child, 1);
  FullName *full;

  child->initials = rmm_document_initials (first_name, last_name);
  child->first_words = name_parts (first);
  child->last_words = g_strdupv (last_parts);
  if ((full = full_name_entry (self, first, last)) != NULL && full->initials == NULL)
    full->initials = g_strdup (child->initials);
  for (guint i = 0; child->first_words[i] != NULL; i++)
    word_use (self, child->first_words[i])->child_first = TRUE;
  for (guint i = 0; last_parts[i] != NULL; i++)
    word_use (self, last_parts[i])->child_last = TRUE;
  mark_lower_case (self, first_name);
  mark_lower_case (self, last_name);
  add_run_together (self, first, last);
  g_hash_table_replace (self->children, g_memdup2 (&child_id, sizeof child_id), child);
  self->word_list_read = FALSE;
}

/* A professional's name stays in the text; a child who shares part of it loses that part
 * as a clue: the word alone reads "[name]". */
void
rmm_name_scrubber_add_professional (RmmNameScrubber *self,
                                    const char      *full_name)
{
  g_auto(GStrv) words = split_name (full_name);
  guint n = g_strv_length (words);
  FullName *full;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    word_use (self, words[i])->professional = TRUE;
  if (n < 2)
    return;
  /* Everything after the first word is the surname, for the full-name key. */
  {
    char *first[] = { words[0], NULL };

    if ((full = full_name_entry (self, first, words + 1)) != NULL)
      full->professional = TRUE;
  }
}

/* Which children's names are also ordinary words: those the word list holds in lower case. */
static void
read_word_list (RmmNameScrubber *self)
{
  g_autofree char *contents = NULL;
  char *line, *next;

  self->word_list_read = TRUE;
  if (self->word_list == NULL || !g_file_get_contents (self->word_list, &contents, NULL, NULL)
      || !g_utf8_validate (contents, -1, NULL))
    return;
  for (line = contents; line != NULL && *line != '\0'; line = next)
    {
      WordUse *use;

      if ((next = strchr (line, '\n')) != NULL)
        *next++ = '\0';
      if (!g_unichar_islower (g_utf8_get_char (line)))
        continue;
      if ((use = g_hash_table_lookup (self->words, line)) != NULL)
        use->ordinary = TRUE;
    }
}

/* ---- reading the text ---- */

typedef struct
{
  RmmNameScrubber *self;
  const Child     *child;        /* whose item the text is in; NULL: none */
  GString         *out;
  gsize            given_at;     /* where in @out a possible given name starts */
  gboolean         given;        /* the word just written could be a given name */
} Scrub;

static gboolean
is_capitalised (const char *word)
{
  gunichar c = g_utf8_get_char (word);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

/* Where the name ends in a word with a possessive or a contraction after an apostrophe:
 * Robin's, ROBIN'S, Robin’ll, Robinʼd — one or two letters after the last apostrophe, at
 * least two before it (O'Neill is a name, not O plus a suffix). @end when there is none. */
static const char *
without_possessive (const char *start,
                    const char *end)
{
  const char *apostrophe = NULL;
  guint before = 0, after = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (is_apostrophe (g_utf8_get_char (p)))
      apostrophe = p;
  if (apostrophe == NULL)
    return end;
  for (const char *p = start; p < apostrophe; p = g_utf8_next_char (p))
    before++;
  for (const char *p = g_utf8_next_char (apostrophe); p < end; p = g_utf8_next_char (p))
    after++;
  return before >= 2 && after >= 1 && after <= 2 ? apostrophe : end;
}


/* Up to @max words from @p separated by white space only. */
static guint
collect_words (const char *p,
               Word       *words,
               guint       max)
{
  guint n = 0;

  while (n < max)
    {
      const char *end = word_end (p);

      if (end == NULL)
        break;
      words[n].start = p;
      words[n].end = end;
      n++;
      p = end;
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        break;
      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  return n;
}

static char *
join_folded (const Word *words,
             guint       n,
             gboolean    strip_possessive)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *end = i == n - 1 && strip_possessive
        ? without_possessive (words[i].start, words[i].end) : words[i].end;
      g_autofree char *folded = fold (words[i].start, end - words[i].start);

      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, folded);
    }
  return g_string_free (key, FALSE);
}

static void
write_name (Scrub      *scrub,
            const char *replacement,
            const char *suffix_start,
            const char *suffix_end)
{
  g_string_append (scrub->out, replacement);
  g_string_append_len (scrub->out, suffix_start, suffix_end - suffix_start);
  scrub->given = FALSE;
}

/* A whole full name at @p: written and the text after it returned; NULL when none. */
static const char *
scrub_full_name (Scrub      *scrub,
                 const char *p)
{
  Word words[8];
  guint n = collect_words (p, words, MIN (scrub->self->longest, G_N_ELEMENTS (words)));

  for (; n >= 2; n--)
    for (int strip = 0; strip < 2; strip++)
      {
        g_autofree char *key = join_folded (words, n, strip);
        FullName *name = g_hash_table_lookup (scrub->self->full_names, key);
        const char *end = words[n - 1].end;
        const char *name_end = strip ? without_possessive (words[n - 1].start, end) : end;

        if (name == NULL || (strip && name_end == end))
          continue;
        if (name->initials == NULL)
          write_name (scrub, "", p, end);                      /* a professional's */
        else if (name->professional)
          write_name (scrub, UNKNOWN_NAME, name_end, end);
        else
          write_name (scrub, name->initials, name_end, end);
        return end;
      }
  return NULL;
}

static gboolean
is_own_first_name (const Child *child,
                   const char  *folded)
{
  return child != NULL && g_strv_contains ((const char * const *)child->first_words, folded);
}

/* A surname replaced: the given name typed just before it goes too ("Alfie [name]" would
 * still point at someone), and two unknowns in a row read as one. */
static void
take_given_name (Scrub *scrub)
{
  if (scrub->given)
    g_string_truncate (scrub->out, scrub->given_at);
}

static const char *scrub_word (Scrub      *scrub,
                               const char *start,
                               const char *end,
                               gboolean    look_ahead);

static gboolean
is_hyphenated (const char *start,
               const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == '-' || g_utf8_get_char (p) == 0x2010)
      return TRUE;
  return FALSE;
}

/* A hyphenated word that is not a name as a whole: each part on its own ("Orla-led"). */
static void
scrub_hyphenated (Scrub      *scrub,
                  const char *start,
                  const char *end)
{
  const char *part = start;

  for (const char *p = start; p <= end; p = p < end ? g_utf8_next_char (p) : end + 1)
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;

      if (p < end && c != '-' && c != 0x2010)
        continue;
      if (p > part)
        scrub_word (scrub, part, p, FALSE);
      if (p < end)
        {
          g_string_append_len (scrub->out, p, g_utf8_next_char (p) - p);
          scrub->given = FALSE;
          part = g_utf8_next_char (p);
        }
    }
}

static gboolean
is_childs_word (const WordUse *use)
{
  return use != NULL && (use->child_first || use->child_last);
}

/* The word from @start to @end as a child's name, if it is one: whole; without a possessive
 * or a contraction (Robin's, Robin'll); or as a plural (the Lomaxes, the O'Neills). Sets
 * *name_end to where the name ends (what follows is written after the replacement). */
static WordUse *
lookup_word (Scrub       *scrub,
             const char  *start,
             const char  *end,
             const char **name_end,
             char       **folded_out)
{
  const char *stem = without_possessive (start, end);
  const char *candidates[4] = { end, stem, NULL, NULL };
  guint n = 2;

  if (stem - start > 3 && (stem[-1] == 's' || stem[-1] == 'S'))
    {
      candidates[n++] = stem - 1;
      if (stem[-2] == 'e' || stem[-2] == 'E')
        candidates[n++] = stem - 2;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = fold (start, candidates[i] - start);
      WordUse *use = g_hash_table_lookup (scrub->self->words, folded);

      if (is_childs_word (use) || (i == 0 && use != NULL))
        {
          *name_end = candidates[i];
          *folded_out = g_steal_pointer (&folded);
          return use;
        }
    }
  *name_end = end;
  *folded_out = fold (start, end - start);
  return NULL;
}

/* After "Tobias" in Tobias Lomax's own item: the word typed next, when it is a capitalised
 * name that is not Tobias's surname ("Tobias Smith, a friend"), which makes this another
 * Tobias. Returns where that word ends, or NULL. */
static const char *
other_surname_after (Scrub      *scrub,
                     const char *p)
{
  const char *next = p;
  const char *end;
  g_autofree char *folded = NULL;

  if (!g_unichar_isspace (g_utf8_get_char (next)))
    return NULL;
  while (g_unichar_isspace (g_utf8_get_char (next)) && *next != '\n')
    next = g_utf8_next_char (next);
  if ((end = word_end (next)) == NULL || !is_capitalised (next))
    return NULL;
  folded = fold (next, without_possessive (next, end) - next);
  if (g_strv_contains ((const char * const *)scrub->child->last_words, folded) ||
      g_strv_contains (not_given_names, folded))
    return NULL;
  return end;
}

/* One word of the text; returns where reading goes on (after it, or after the word after
 * it when the two are one other person's name). */
static const char *
scrub_word (Scrub      *scrub,
            const char *start,
            const char *end,
            gboolean    look_ahead)
{
  const char *name_end;
  g_autofree char *folded = NULL;
  WordUse *use = lookup_word (scrub, start, end, &name_end, &folded);
  gboolean named = is_capitalised (start) || (use != NULL && use->lower_case);
  gsize at = scrub->out->len;
  const char *other;

  if (!is_childs_word (use) && is_hyphenated (start, end))
    {
      scrub_hyphenated (scrub, start, end);
      return end;
    }
  if (!named || !is_childs_word (use))
    {
      g_string_append_len (scrub->out, start, end - start);
      scrub->given = is_capitalised (start) && !g_strv_contains (not_given_names, folded);
      scrub->given_at = at;
      return end;
    }
  if (!use->professional && !use->ordinary && !use->child_last
      && is_own_first_name (scrub->child, folded))
    {
      if (look_ahead && (other = other_surname_after (scrub, end)) != NULL)
        {
          write_name (scrub, UNKNOWN_NAME, end, end);
          return other;
        }
      write_name (scrub, scrub->child->initials, name_end, end);
      return end;
    }
  if (use->child_last)
    {
      if (scrub->given)
        at = scrub->given_at;
      take_given_name (scrub);
    }
  write_name (scrub, UNKNOWN_NAME, name_end, end);
  /* "[name]" itself may stand before a surname: "Alfie Lomax" with Alfie another child's. */
  scrub->given = TRUE;
  scrub->given_at = at;
  return end;
}

/* A user name or handle at @p: a run of letters and digits joined by @, _ or . that has
 * one of those or a digit in it (@TobiasLomax09, tobias_lomax). Returns its end, or NULL. */
static const char *
handle_end (const char *p)
{
  gboolean handle = FALSE;
  const char *end = p;

  while (*end != '\0')
    {
      gunichar c = g_utf8_get_char (end);

      if (c == '@' || c == '_' || g_unichar_isdigit (c))
        handle = TRUE;
      else if (!is_word_char (c) && c != '.' && !is_joiner (c))
        break;
      end = g_utf8_next_char (end);
    }
  while (end > p && (end[-1] == '.' || end[-1] == '-'))   /* a full stop ends a sentence */
    end--;
  return handle && end > p ? end : NULL;
}

static gboolean
handle_names_child (RmmNameScrubber *self,
                    const char      *start,
                    const char      *end)
{
  g_autofree char *folded = fold (start, end - start);
  g_autofree char *letters = letters_of (folded);

  for (guint i = 0; i < self->run_together->len; i++)
    if (strstr (letters, g_ptr_array_index (self->run_together, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* @text as an anonymised document may print it, read as part of the item of @child_id (0:
 * no child's item, so no first name is taken to be anyone's in particular). */
char *
rmm_name_scrubber_apply (RmmNameScrubber *self,
                         gint64           child_id,
                         const char      *text)
{
  Scrub scrub = { self, g_hash_table_lookup (self->children, &child_id), NULL, 0, FALSE };
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      return rmm_name_scrubber_apply (self, child_id, valid);
    }
  if (!self->word_list_read)
    read_word_list (self);

  scrub.out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      const char *end = word_end (p);
      const char *handle = handle_end (p);
      const char *after;

      if (handle != NULL && handle_names_child (self, p, handle))
        {
          write_name (&scrub, UNKNOWN_NAME, handle, handle);
          p = handle;
          continue;
        }
      if (end == NULL)
        {
          const char *next = g_utf8_next_char (p);

          /* Only white space keeps a given name next to the surname after it. */
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            scrub.given = FALSE;
          g_string_append_len (scrub.out, p, next - p);
          p = next;
        }
      else if ((after = scrub_full_name (&scrub, p)) != NULL)
        p = after;
      else
        p = scrub_word (&scrub, p, end, TRUE);
    }
  return g_string_free (scrub.out, FALSE);
}
