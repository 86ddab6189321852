/* rmm-document-language.c: the language a document is written in, whatever the window's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A family in a Welsh area receives its safety plan in Welsh, or in both languages, while the
 * chair who prints it may work in English (and the other way round). gettext answers in the
 * process's one language, so a document's words are looked up here instead: every document
 * source includes rmm-document-i18n.h, whose _() is rmm_document_gettext (), and a document
 * is built between rmm_document_language_push () and _pop (). Welsh is read from the same
 * catalogue the window uses (LOCALEDIR/cy/LC_MESSAGES/rmm-desk.mo), parsed here once; English
 * is the source text itself. Bilingual text is Welsh first: a heading or label reads
 * "Welsh / English", a sentence is the Welsh and then the English on the next line. A
 * message with printf directives cannot be doubled (its arguments are given once), so it is
 * in Welsh alone; the documents keep those to dates, numbers and page numbers.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-document-language.h"

/* Longer than this, a bilingual message is a sentence: English on a line of its own. */
#define LABEL_LENGTH 60

#define MO_MAGIC 0x950412de

static const struct
{
  RmmDocumentLanguage  language;
  const char          *id;
  const char          *tag;    /* the PDF's /Lang */
} languages[] = {
  { RMM_DOCUMENT_LANGUAGE_ENGLISH, "en", "en-GB" },
  { RMM_DOCUMENT_LANGUAGE_WELSH, "cy", "cy" },
  { RMM_DOCUMENT_LANGUAGE_BOTH, "both", "cy" },
};

static GMutex lock;
static GHashTable *welsh;        /* msgid (a plural's singular) → GBytes of its msgstr */
static gboolean welsh_loaded;
static GHashTable *bilingual;    /* msgid (a copy) → "Welsh / English", for the process */
static GPrivate current = G_PRIVATE_INIT ((GDestroyNotify)g_array_unref);

gboolean
rmm_document_language_parse (const char          *text,
                             RmmDocumentLanguage *language)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (text, languages[i].id))
      {
        *language = languages[i].language;
        return TRUE;
      }
  return FALSE;
}

/* "en", "cy" or "both"; NULL for the default. */
const char *
rmm_document_language_to_string (RmmDocumentLanguage language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i].language == language)
      return languages[i].id;
  return NULL;
}

/* The language a PDF says it is in (a bilingual one is Welsh first). */
const char *
rmm_document_language_tag (RmmDocumentLanguage language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i].language == language)
      return languages[i].tag;
  return g_str_has_prefix (g_get_language_names ()[0], "cy") ? "cy" : "en-GB";
}

const char *
rmm_get_locale_dir (void)
{
  const char *dir = g_getenv ("RMM_DESK_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The strings of a catalogue's table at @table: FALSE if any lies outside the file. */
static gboolean
read_entry (GBytes       *file,
            guint32       table,
            guint32       index,
            gboolean      swapped,
            const char  **text,
            gsize        *length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (file, &size);
  guint64 at = (guint64)table + (guint64)index * 8;
  guint32 offset;

  if (at + 8 > size)
    return FALSE;
  *length = read_word (data, at, swapped);
  offset = read_word (data, at + 4, swapped);
  if ((guint64)offset + *length + 1 > size || data[offset + *length] != '\0')
    return FALSE;
  *text = (const char *)data + offset;
  return TRUE;
}

/* Every message of the Welsh catalogue, or none: one that cannot be read leaves the Welsh
 * documents in English rather than half in each, and says why (once). */
static void
load_welsh (void)
{
  g_autofree char *path = g_build_filename (rmm_get_locale_dir (), "cy", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size;
  guint32 n, originals, translations;
  gboolean swapped;

  welsh_loaded = TRUE;
  welsh = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_bytes_unref);
  if (!(mapped = g_mapped_file_new (path, FALSE, &error)))
    {
      g_warning ("No Welsh for the documents: %s", error->message);
      return;
    }
  file = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (file, &size);
  if (size < 28)
    goto damaged;
  swapped = read_word (data, 0, FALSE) != MO_MAGIC;
  if (read_word (data, 0, swapped) != MO_MAGIC)
    goto damaged;
  n = read_word (data, 8, swapped);
  originals = read_word (data, 12, swapped);
  translations = read_word (data, 16, swapped);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid, *msgstr;
      gsize id_length, str_length;

      if (!read_entry (file, originals, i, swapped, &msgid, &id_length) ||
          !read_entry (file, translations, i, swapped, &msgstr, &str_length))
        goto damaged;
      /* The header (msgid "") is no message; a plural's key is its singular. */
      if (*msgid != '\0' && str_length > 0)
        g_hash_table_insert (welsh, (gpointer)msgid,
                             g_bytes_new_from_bytes (file, msgstr - (const char *)data,
                                                     str_length));
    }
  /* The strings point into the file: it stays mapped for the process. */
  g_steal_pointer (&file);
  return;

damaged:
  g_warning ("No Welsh for the documents: %s is not a message catalogue", path);
  g_hash_table_remove_all (welsh);
}

/* The Welsh of @msgid (a plural's forms joined by NUL), or NULL. */
static GBytes *
lookup_welsh (const char *msgid)
{
  GBytes *found;

  g_mutex_lock (&lock);
  if (!welsh_loaded)
    load_welsh ();
  found = g_hash_table_lookup (welsh, msgid);
  g_mutex_unlock (&lock);
  return found;
}

static const char *
welsh_of (const char *msgid)
{
  GBytes *found = lookup_welsh (msgid);

  return found != NULL ? g_bytes_get_data (found, NULL) : msgid;
}

static const char *
combine (const char *msgid,
         const char *in_welsh)
{
  const char *both;

  if (strchr (msgid, '%') != NULL || g_str_equal (msgid, in_welsh))
    return in_welsh;
  g_mutex_lock (&lock);
  if (bilingual == NULL)
    bilingual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!(both = g_hash_table_lookup (bilingual, msgid)))
    {
      gboolean sentence = strlen (msgid) > LABEL_LENGTH || strchr (msgid, '\n') != NULL;
      char *made = g_strconcat (in_welsh, sentence ? "\n" : " / ", msgid, NULL);

      g_hash_table_insert (bilingual, g_strdup (msgid), made);
      both = made;
    }
  g_mutex_unlock (&lock);
  return both;
}

static GArray *
stack (void)
{
  GArray *languages_pushed = g_private_get (&current);

  if (languages_pushed == NULL)
    {
      languages_pushed = g_array_new (FALSE, FALSE, sizeof (RmmDocumentLanguage));
      g_private_set (&current, languages_pushed);
    }
  return languages_pushed;
}

/* The document this thread is building is in @language until rmm_document_language_pop (). */
void
rmm_document_language_push (RmmDocumentLanguage language)
{
  g_array_append_val (stack (), language);
}

void
rmm_document_language_pop (void)
{
  GArray *pushed = stack ();

  g_return_if_fail (pushed->len > 0);
  g_array_set_size (pushed, pushed->len - 1);
}

RmmDocumentLanguage
rmm_document_language_get_current (void)
{
  GArray *pushed = stack ();

  if (pushed->len == 0)
    return RMM_DOCUMENT_LANGUAGE_DEFAULT;
  return g_array_index (pushed, RmmDocumentLanguage, pushed->len - 1);
}

/* @msgid in the language of the document being built (the window's, if none was chosen). */
const char *
rmm_document_gettext (const char *msgid)
{
  switch (rmm_document_language_get_current ())
    {
    case RMM_DOCUMENT_LANGUAGE_ENGLISH:
      return msgid;
    case RMM_DOCUMENT_LANGUAGE_WELSH:
      return welsh_of (msgid);
    case RMM_DOCUMENT_LANGUAGE_BOTH:
      return combine (msgid, welsh_of (msgid));
    case RMM_DOCUMENT_LANGUAGE_DEFAULT:
    default:
      return g_dgettext (GETTEXT_PACKAGE, msgid);
    }
}

/* Welsh's six plural forms: 0, 1, 2, 3, 6, and the rest. */
static guint
welsh_plural (gulong n)
{
  return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5;
}

/* The plural form for @n of a counted message ("%u actions"): printf directives, so in
 * Welsh alone in a bilingual document. */
const char *
rmm_document_ngettext (const char *singular,
                       const char *plural,
                       gulong      n)
{
  RmmDocumentLanguage language = rmm_document_language_get_current ();
  GBytes *found;
  const char *form, *end;
  gsize size;

  if (language == RMM_DOCUMENT_LANGUAGE_DEFAULT)
    return g_dngettext (GETTEXT_PACKAGE, singular, plural, n);
  if (language == RMM_DOCUMENT_LANGUAGE_ENGLISH || !(found = lookup_welsh (singular)))
    return n == 1 ? singular : plural;
  form = g_bytes_get_data (found, &size);
  end = form + size;
  for (guint i = welsh_plural (n); i > 0 && form < end; i--)
    form += strlen (form) + 1;
  return form < end ? form : plural;
}

/* The month's name in the document's language (English for the window's, which formats its
 * own dates). */
const char *
rmm_document_month_name (guint    month,
                         gboolean abbreviated)
{
  static const char * const english[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };
  static const char * const english_short[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  static const char * const cymraeg[] = {
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
    "Hydref", "Tachwedd", "Rhagfyr"
  };
  static const char * const cymraeg_short[] = {
    "Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"
  };
  RmmDocumentLanguage language = rmm_document_language_get_current ();
  gboolean in_welsh = language == RMM_DOCUMENT_LANGUAGE_WELSH ||
                      language == RMM_DOCUMENT_LANGUAGE_BOTH ||
                      (language == RMM_DOCUMENT_LANGUAGE_DEFAULT &&
                       g_str_has_prefix (g_get_language_names ()[0], "cy"));

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  if (in_welsh)
    return abbreviated ? cymraeg_short[month - 1] : cymraeg[month - 1];
  return abbreviated ? english_short[month - 1] : english[month - 1];
}
