/* rmm-cse-list-document.c: the county-wide CSE list, weekly, with last week's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One section per area, so the outline takes a reader straight to theirs; a child added
 * or whose risk went up is flagged, one taken off the list is shown greyed for this week.
 */
#define G_LOG_DOMAIN "rmm-pdf"

#include "config.h"

#include "rmm-document-i18n.h"

#include "rmm-dates.h"
#include "rmm-document-text.h"
#include "rmm-documents.h"

static RmmPdfRowFlags
change_flags (RmmCseChange change)
{
  if (change == RMM_CSE_CHANGE_ADDED || change == RMM_CSE_CHANGE_UP)
    return RMM_PDF_ROW_FLAGGED;
  if (change == RMM_CSE_CHANGE_REMOVED)
    return RMM_PDF_ROW_MUTED;
  return RMM_PDF_ROW_PLAIN;
}

static void
add_counts (RmmPdfDocument *document,
            GListModel     *entries)
{
  guint counts[RMM_CSE_N_CHANGES];
  guint n = g_list_model_get_n_items (entries);
  g_autofree char *listed = NULL;
  const char *keys[] = { NULL, _("Added this week"), _("Removed this week"),
                         _("Rating up this week"), _("Rating down this week") };

  rmm_cse_entries_count_changes (entries, counts);
  listed = g_strdup_printf ("%u", n - counts[RMM_CSE_CHANGE_REMOVED]);
  rmm_pdf_document_add_key_value (document, _("Children on the list"), listed);
  for (guint change = RMM_CSE_CHANGE_ADDED; change <= RMM_CSE_CHANGE_DOWN; change++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[change]);

      rmm_pdf_document_add_key_value (document, keys[change], count);
    }
}

static void
add_area_table (RmmPdfDocument *document,
                GListModel     *entries,
                const char     *area,
                gboolean        anonymised)
{
  static const double widths[] = { 0.16, 0.34, 0.18, 0.18, 0.14 };
  const char *headers[] = { _("Reference"), _("Child"), _("Rating"), _("Last week"),
                            _("Change") };
  guint n = g_list_model_get_n_items (entries);

  rmm_pdf_document_begin_section (document, 1, area, NULL);
  rmm_pdf_document_begin_table (document, 5, widths, headers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *name = NULL;
      RmmCseChange change = rmm_cse_entry_get_change (entry);

      if (g_strcmp0 (rmm_cse_entry_get_area_name (entry), area) != 0)
        continue;
      name = rmm_document_child_name (rmm_cse_entry_get_first_name (entry),
                                      rmm_cse_entry_get_last_name (entry), NULL, anonymised);
      {
        const char *cells[] = { rmm_cse_entry_get_reference (entry), name,
                                rmm_cse_entry_get_rating_label (entry),
                                rmm_cse_entry_get_previous_label (entry),
                                rmm_cse_change_label (change) };

        rmm_pdf_document_add_row (document, change_flags (change), cells);
      }
    }
}

/* The children the list names (those on it, and those who left it this week), as ",12,45,":
 * its look is a look at each one's record (rmmctl access). Anonymised, it still shows each by
 * initials and reference. */
static char *
named_children (GListModel *entries)
{
  GString *ids = g_string_new (",");

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (ids, "%" G_GINT64_FORMAT ",", rmm_cse_entry_get_child_id (entry));
    }
  return g_string_free (ids, FALSE);
}

/* The areas the entries come from, in their order. */
static GPtrArray *
list_areas (GListModel *entries)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);
      const char *area = rmm_cse_entry_get_area_name (entry);

      if (!g_ptr_array_find_with_equal_func (areas, area, g_str_equal, NULL))
        g_ptr_array_add (areas, g_strdup (area));
    }
  return areas;
}

/* The document, in the language pushed for it. */
static RmmPdfDocument *
build (RmmStore                  *store,
       const GDate               *day,
       const RmmDocumentOptions  *options,
       GError                   **error)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *children = NULL;
  RmmPdfInfo info = { 0 };

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && options != NULL, NULL);

  if (!(entries = rmm_store_list_cse (store, day, error)))
    return NULL;
  marking = rmm_document_get_marking (store, options);
  iso = rmm_date_format (day);
  as_at = rmm_document_format_date (iso);
  title = g_strdup_printf (_("County-wide CSE list, %s"), as_at);
  info.title = title;
  info.subject = options->anonymised ? _("County-wide CSE list (anonymised)")
                                     : _("County-wide CSE list");
  info.author = PACKAGE_NAME;
  info.marking = marking;
  info.date = as_at;
  document = rmm_pdf_document_new (&info);

  subtitle = g_strdup_printf (_("As it stood at the end of %s, with the changes over the week "
                                "before"), as_at);
  rmm_pdf_document_add_title (document, _("County-wide CSE list"), subtitle);
  rmm_pdf_document_add_note (document,
                             options->anonymised
                             ? _("Anonymised for a wider circulation: children are shown by "
                                 "their initials and reference.")
                             : _("Children rated at a level that puts them on the list, until "
                                 "their safety plan closes. Do not circulate beyond the RMM "
                                 "network."));
  add_counts (document, entries);
  areas = list_areas (entries);
  if (areas->len == 0)
    rmm_pdf_document_add_paragraph (document, _("No child is on the list."));
  else
    rmm_pdf_document_add_contents (document);
  for (guint i = 0; i < areas->len; i++)
    add_area_table (document, entries, g_ptr_array_index (areas, i), options->anonymised);
  children = named_children (entries);
  if (!rmm_document_record_access (store, &(RmmAccessInput) {
                                     .document = "cse-list", .audience = "professional",
                                     .children = children },
                                   options, error))
    return NULL;
  return g_steal_pointer (&document);
}

/* In its language: the one the export asked for, else its area's. */
RmmPdfDocument *
rmm_cse_list_document_new (RmmStore                  *store,
                           const GDate               *day,
                           const RmmDocumentOptions  *options,
                           GError                   **error)
{
  RmmPdfDocument *document;

  g_return_val_if_fail (RMM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  rmm_document_begin_language (store, options, NULL, 0);
  document = build (store, day, options, error);
  rmm_document_language_pop ();
  return document;
}
