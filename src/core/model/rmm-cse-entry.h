/* rmm-cse-entry.h: a child on the county-wide CSE list, and what changed since last week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RMM_CSE_CHANGE_NONE,
  RMM_CSE_CHANGE_ADDED,
  RMM_CSE_CHANGE_REMOVED,
  RMM_CSE_CHANGE_UP,
  RMM_CSE_CHANGE_DOWN,
} RmmCseChange;

#define RMM_CSE_N_CHANGES (RMM_CSE_CHANGE_DOWN + 1)

typedef struct
{
  gint64        child_id;
  const char   *reference;
  const char   *first_name;
  const char   *last_name;
  const char   *area_name;
  const char   *rating;           /* level id; for a removed child, the last one */
  const char   *rating_label;
  const char   *previous_label;   /* last week's, or "" */
  RmmCseChange  change;
} RmmCseEntryFields;

#define RMM_TYPE_CSE_ENTRY (rmm_cse_entry_get_type ())
G_DECLARE_FINAL_TYPE (RmmCseEntry, rmm_cse_entry, RMM, CSE_ENTRY, GObject)

RmmCseEntry  *rmm_cse_entry_new                (const RmmCseEntryFields *fields);
gint64        rmm_cse_entry_get_child_id       (RmmCseEntry *self);
const char   *rmm_cse_entry_get_reference      (RmmCseEntry *self);
const char   *rmm_cse_entry_get_first_name     (RmmCseEntry *self);
const char   *rmm_cse_entry_get_last_name      (RmmCseEntry *self);
const char   *rmm_cse_entry_get_area_name      (RmmCseEntry *self);
const char   *rmm_cse_entry_get_rating         (RmmCseEntry *self);
const char   *rmm_cse_entry_get_rating_label   (RmmCseEntry *self);
const char   *rmm_cse_entry_get_previous_label (RmmCseEntry *self);
RmmCseChange  rmm_cse_entry_get_change         (RmmCseEntry *self);
const char   *rmm_cse_change_to_string         (RmmCseChange change);
const char   *rmm_cse_change_label             (RmmCseChange change);

void          rmm_cse_entries_count_changes    (GListModel   *entries,
                                                guint         counts[RMM_CSE_N_CHANGES]);

G_END_DECLS
