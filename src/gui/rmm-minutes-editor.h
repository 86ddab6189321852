/* rmm-minutes-editor.h: an agenda item's minutes, saved as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_MINUTES_EDITOR (rmm_minutes_editor_get_type ())
G_DECLARE_FINAL_TYPE (RmmMinutesEditor, rmm_minutes_editor, RMM, MINUTES_EDITOR,
                      AdwPreferencesGroup)

void rmm_minutes_editor_show_item    (RmmMinutesEditor *self,
                                      RmmStore         *store,
                                      gint64            item_id);
void rmm_minutes_editor_update       (RmmMinutesEditor *self,
                                      const char       *text,
                                      gint64            row_version);
void rmm_minutes_editor_save         (RmmMinutesEditor *self);
void rmm_minutes_editor_set_editable (RmmMinutesEditor *self,
                                      gboolean          editable);
void rmm_minutes_editor_focus        (RmmMinutesEditor *self);

G_END_DECLS
