/* fuzz-rules.c: the files an installation may edit by hand: trigger rules and risk
 * frameworks (GKeyFile), and the dates typed or imported (UK and ISO forms)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "rmm-dates.h"
#include "rmm-framework.h"
#include "rmm-trigger-rules.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(RmmTriggerRules) rules = rmm_trigger_rules_new_from_data (text, size, "fuzz.ini",
                                                                      NULL);
  g_autoptr(RmmFramework) framework = rmm_framework_new_from_data (text, size, "fuzz.ini", NULL);
  g_autofree char *time = NULL;
  GDate day;

  g_date_clear (&day, 1);
  rmm_date_parse (text, &day);
  rmm_date_parse_uk (text, &day);
  time = rmm_time_parse_uk (text);
  if (time != NULL)
    g_assert (rmm_time_is_valid (time));
  return 0;
}
