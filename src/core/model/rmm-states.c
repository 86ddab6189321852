/* rmm-states.c: where a meeting, an agenda item and a decision stand, to and from the text
 * the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-state-types.h"
#include "rmm-states.h"

/**
 * rmm_state_from_text:
 * @enum_type: e.g. RMM_TYPE_MEETING_STATUS
 * @text: (nullable): the stored text, "signed-off"
 * @fallback: the value for text that is none of them (a file changed outside RMM Desk: its
 *   schema forbids it); callers pass the state that allows least
 *
 * Returns: the value whose nick is @text, or @fallback
 */
int
rmm_state_from_text (GType       enum_type,
                     const char *text,
                     int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *value = text ? g_enum_get_value_by_nick (klass, text) : NULL;

  return value ? value->value : fallback;
}

/**
 * rmm_state_to_text:
 *
 * Returns: the text the store keeps for @value ("signed-off")
 */
const char *
rmm_state_to_text (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_return_val_if_fail (found != NULL, "");
  return found->value_nick;
}
