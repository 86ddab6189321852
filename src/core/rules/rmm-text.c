/* rmm-text.c: what text the record accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rmm-dates.h"
#include "rmm-text.h"

/**
 * rmm_text_find_control:
 * @free_text: line breaks and tabs are allowed (typed notes), or not (a name, a marking)
 * @position: (out) (optional): where the character is, in characters from 1
 *
 * Characters that would make text print or display as something other than what is
 * stored: C0 and C1 controls and DEL (a terminal escape, a bell, a backspace), and the
 * Unicode controls that reorder text (U+202A–U+202E, U+2066–U+2069); and in one-line text
 * the Unicode line and paragraph separators (U+2028, U+2029).
 *
 * Returns: the first one in @text (valid UTF-8), or 0 when there is none
 */
gunichar
rmm_text_find_control (const char *text,
                       gboolean    free_text,
                       guint      *position)
{
  guint n = 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);

      if ((c < 0x20 && !(free_text && (c == '\t' || c == '\n' || c == '\r'))) ||
          (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069) ||
          /* Unicode's own line and paragraph breaks, in what must be one line */
          (!free_text && (c == 0x2028 || c == 0x2029)))
        {
          if (position != NULL)
            *position = n;
          return c;
        }
    }
  return 0;
}

/**
 * rmm_text_quote:
 * @max_chars: how much of it to say back
 *
 * What someone typed, to say back in a message that refuses it: valid UTF-8, every
 * character rmm_text_find_control() would find as U+FFFD (a right-to-left override must
 * not turn the rest of the message round), and no more than @max_chars characters, then "…".
 *
 * Returns: (transfer full): the text to quote
 */
char *
rmm_text_quote (const char *text,
                guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *quoted = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      char one[8] = { 0 };

      if (n == max_chars)
        {
          g_string_append (quoted, "…");
          break;
        }
      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      g_string_append (quoted, rmm_text_find_control (one, FALSE, NULL) ? "\ufffd" : one);
    }
  return g_string_free (quoted, FALSE);
}

/**
 * rmm_text_why_not_reference:
 *
 * A child's reference is one word of at most 32 characters that is not a date: it goes
 * where the child's name must not (the projector, anonymised documents, calendars), so a
 * name or a date of birth typed into it would travel there.
 *
 * Returns: (nullable): why @reference is not one, or NULL when it is
 */
const char *
rmm_text_why_not_reference (const char *reference)
{
  GDate day;

  if (reference == NULL || !g_utf8_validate (reference, -1, NULL) || *reference == '\0')
    return _("a reference is needed");
  if (g_utf8_strlen (reference, -1) > RMM_REFERENCE_MAX_CHARS)
    return _("a reference is at most 32 characters");
  for (const char *p = reference; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return _("a reference is one word, with no spaces: a name must not go in it");
  g_date_clear (&day, 1);
  if (rmm_date_parse_uk (reference, &day))
    return _("a reference is not a date: a date of birth must not go in it");
  return NULL;
}
