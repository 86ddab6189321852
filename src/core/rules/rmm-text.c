/* rmm-text.c: what text the record accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
