/* rmm-document-text.c: how the documents write names, dates and free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anonymised documents go to a wider circulation: a child is their initials and reference
 * (the free text typed about them goes through RmmNameScrubber).
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "rmm-dates.h"
#include "rmm-document-text.h"
#include "rmm-documents.h"

static void
append_initial (GString    *initials,
                const char *name)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (name)));
  g_string_append_c (initials, '.');
}

char *
rmm_document_initials (const char *first_name,
                       const char *last_name)
{
  GString *initials = g_string_new (NULL);

  append_initial (initials, first_name);
  append_initial (initials, last_name);
  return g_string_free (initials, FALSE);
}

/* "Ava Thompson (SY-00012)", or "A.T. (SY-00012)" for a wider circulation. */
char *
rmm_document_child_name (const char *first_name,
                         const char *last_name,
                         const char *reference,
                         gboolean    anonymised)
{
  g_autofree char *name = anonymised ? rmm_document_initials (first_name, last_name)
                                     : g_strdup_printf ("%s %s", first_name, last_name);

  if (reference == NULL || *reference == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s (%s)", name, reference);
}

/* "2026-11-23" or "2026-11-23T10:05:00Z" → "23 November 2026"; anything else as it is. */
char *
rmm_document_format_date (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (strchr (iso, 'T') != NULL)
    return rmm_time_format_uk (iso, "%-d %B %Y");
  return rmm_date_format_uk (iso, "%-d %B %Y");
}

/* The same, short enough for a table's column: "5 Sep 2026". */
char *
rmm_document_format_short_date (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (strchr (iso, 'T') != NULL)
    return rmm_time_format_uk (iso, "%-d %b %Y");
  return rmm_date_format_uk (iso, "%-d %b %Y");
}

/* A UTC time as the UK reads it: "23 November 2026, 10:05". */
char *
rmm_document_format_time (const char *utc)
{
  if (utc == NULL || *utc == '\0')
    return g_strdup ("");
  return rmm_time_format_uk (utc, "%-d %B %Y, %H:%M");
}

/* Whole years on @day (both YYYY-MM-DD); 0 when either is not a date. */
guint
rmm_document_age_on (const char *date_of_birth,
                     const char *day)
{
  GDate born, on;

  if (!rmm_date_parse (date_of_birth, &born) || !rmm_date_parse (day, &on))
    return 0;
  return rmm_date_age_on (&born, &on);
}

/* The marking asked for, else the one this database's installation set, else the default. */
char *
rmm_document_get_marking (RmmStore                 *store,
                          const RmmDocumentOptions *options)
{
  g_autofree char *configured = NULL;

  if (options != NULL && options->marking != NULL && *options->marking != '\0')
    return g_strdup (options->marking);
  configured = rmm_store_get_info (store, RMM_MARKING_INFO_KEY);
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);
  return g_strdup (rmm_pdf_get_default_marking ());
}

gboolean
rmm_plan_audience_from_string (const char      *text,
                               RmmPlanAudience *audience)
{
  if (g_strcmp0 (text, "professional") == 0)
    *audience = RMM_PLAN_AUDIENCE_PROFESSIONAL;
  else if (g_strcmp0 (text, "family") == 0)
    *audience = RMM_PLAN_AUDIENCE_FAMILY;
  else
    return FALSE;
  return TRUE;
}
