/* rmm-test-support.h: temporary folders for the tests' databases, and what the tests ask
 * of a store, through its public functions only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rmm-store.h"

G_BEGIN_DECLS

char    *rmm_test_make_folder      (void);
void     rmm_test_remove_folder    (const char *folder);

gint64   rmm_test_change_mark      (RmmStore   *store);
gboolean rmm_test_has_open_plan    (RmmStore   *store,
                                    gint64      child_id);
guint    rmm_test_count_triggers   (RmmStore   *store,
                                    gint64      child_id,
                                    const char *rule_id);
gint64   rmm_test_find_meeting_on  (RmmStore   *store,
                                    gint64      area_id,
                                    const char *day);
guint    rmm_test_count_meetings_on (RmmStore  *store,
                                    gint64      area_id,
                                    const char *day);
RmmAgendaItem *rmm_test_find_item  (RmmStore   *store,
                                    gint64      meeting_id,
                                    gint64      item_id);

void     rmm_test_write_below_store (RmmStore  *store,
                                    const char *sql);

G_END_DECLS
