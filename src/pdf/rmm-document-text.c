/* rmm-document-text.c: how the documents write names, dates and free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anonymised documents go to a wider circulation: a child is their initials and reference
 * (the free text typed about them goes through RmmNameScrubber).
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include <stdio.h>
#include <string.h>

#include "rmm-dates.h"
#include "rmm-document-language.h"
#include "rmm-document-text.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-text.h"

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

/* @iso as the UK reads it, in numbers (a time in UK local time): "2026-11-23 10:05", or
 * NULL when it is no date. */
static char *
uk_numbers (const char *iso)
{
  if (strchr (iso, 'T') != NULL)
    return rmm_time_format_uk (iso, "%Y-%m-%d %H:%M");
  return rmm_date_format_uk (iso, "%Y-%m-%d");
}

/* "23 November 2026" (@time: ", 10:05" after it), the month in the document's language
 * (rmm-document-language.c): the locale's own names would be the window's. Anything that is
 * no date, as it is. */
static char *
format_date (const char *iso,
             gboolean    abbreviated,
             gboolean    time)
{
  g_autofree char *numbers = NULL;
  guint year, month, day, hour, minute;
  int read;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  numbers = uk_numbers (iso);
  if (numbers == NULL ||
      (read = sscanf (numbers, "%u-%u-%u %u:%u", &year, &month, &day, &hour, &minute)) < 3 ||
      month < 1 || month > 12)
    return g_strdup (iso);
  if (time && read == 5)
    return g_strdup_printf ("%u %s %u, %02u:%02u", day,
                            rmm_document_month_name (month, abbreviated), year, hour, minute);
  return g_strdup_printf ("%u %s %u", day, rmm_document_month_name (month, abbreviated), year);
}

/* "2026-11-23" or "2026-11-23T10:05:00Z" → "23 November 2026"; anything else as it is. */
char *
rmm_document_format_date (const char *iso)
{
  return format_date (iso, FALSE, FALSE);
}

/* The same, short enough for a table's column: "5 Sep 2026". */
char *
rmm_document_format_short_date (const char *iso)
{
  return format_date (iso, TRUE, FALSE);
}

/* A UTC time as the UK reads it: "23 November 2026, 10:05". */
char *
rmm_document_format_time (const char *utc)
{
  return format_date (utc, FALSE, TRUE);
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

/**
 * rmm_document_check_marking:
 *
 * A protective marking as every page prints it, in its header and footer: one line of at
 * most RMM_MARKING_MAX_LENGTH characters, without control characters, trimmed. A line
 * break would run off the page, a control character prints as a box, and a marking of
 * spaces would print no marking at all.
 *
 * Returns: the marking to keep ('' for blank: the default applies), or NULL with @error
 */
char *
rmm_document_check_marking (const char  *text,
                            GError     **error)
{
  g_autofree char *marking = g_strstrip (g_strdup (text ? text : ""));
  guint position;

  if (!g_utf8_validate (marking, -1, NULL))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The protective marking is not valid text."));
      return NULL;
    }
  if (rmm_text_find_control (marking, FALSE, &position) != 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   _("The protective marking must be one line: character %u is a line break "
                     "or another control character."), position);
      return NULL;
    }
  if (g_utf8_strlen (marking, -1) > RMM_MARKING_MAX_LENGTH)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The protective marking is too long: at most %d character fits "
                                "every page’s header.",
                                "The protective marking is too long: at most %d characters fit "
                                "every page’s header.", RMM_MARKING_MAX_LENGTH),
                   RMM_MARKING_MAX_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&marking);
}

/* A document made from the record is someone looking at it: who, which document, for
 * which audience (an anonymised one says so), whose record or which meeting's. Without the
 * record of it, the document is not made. */
gboolean
rmm_document_record_access (RmmStore                  *store,
                            const RmmAccessInput      *input,
                            const RmmDocumentOptions  *options,
                            GError                   **error)
{
  RmmAccessInput access = *input;

  if (options->looks_recorded_by_caller)
    return TRUE;
  access.kind = RMM_ACCESS_DOCUMENT;
  if (options->anonymised)
    access.audience = "anonymised";
  return rmm_store_record_access (store, &access, error);
}

/* The marking asked for, else the one this database's installation set, else the default.
 * A configured marking that is not a valid one (the file was edited outside RMM Desk) gives
 * way to the default rather than print broken: OFFICIAL-SENSITIVE is never less careful. */
char *
rmm_document_get_marking (RmmStore                 *store,
                          const RmmDocumentOptions *options)
{
  g_autofree char *asked = NULL;
  g_autofree char *configured = NULL;
  g_autofree char *checked = NULL;

  if (options != NULL && (asked = rmm_document_check_marking (options->marking, NULL)) != NULL
      && *asked != '\0')
    return g_steal_pointer (&asked);
  configured = rmm_store_get_info (store, RMM_MARKING_INFO_KEY);
  checked = rmm_document_check_marking (configured, NULL);
  if (checked != NULL && *checked != '\0')
    return g_steal_pointer (&checked);
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

/* The language a document is written in: the one the export asked for, else the area's
 * (@of: "area", "meeting" or "child", @id which; NULL for a document of no one area, which
 * follows the window's). */
static RmmDocumentLanguage
choose_language (RmmStore                 *store,
                 const RmmDocumentOptions *options,
                 const char               *of,
                 gint64                    id)
{
  g_autofree char *area = NULL;
  RmmDocumentLanguage language;

  if (options->language != RMM_DOCUMENT_LANGUAGE_DEFAULT)
    return options->language;
  if (of == NULL || id <= 0)
    return RMM_DOCUMENT_LANGUAGE_DEFAULT;
  area = rmm_store_get_documents_language (store, of, id);
  return rmm_document_language_parse (area, &language) ? language
                                                       : RMM_DOCUMENT_LANGUAGE_ENGLISH;
}

/**
 * rmm_document_begin_language:
 * @of: "area", "meeting" or "child", whose area's documents language applies; NULL for a
 *   document of no one area (the county-wide list)
 * @id: which
 *
 * The document built until rmm_document_language_pop () is in its language: the one the
 * export asked for, else its area's.
 */
void
rmm_document_begin_language (RmmStore                 *store,
                             const RmmDocumentOptions *options,
                             const char               *of,
                             gint64                    id)
{
  rmm_document_language_push (choose_language (store, options, of, id));
}

