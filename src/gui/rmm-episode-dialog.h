/* rmm-episode-dialog.h: record a child's missing episode (the trigger rules look at once)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_EPISODE_DIALOG (rmm_episode_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmEpisodeDialog, rmm_episode_dialog, RMM, EPISODE_DIALOG,
                      RmmFormDialog)

RmmEpisodeDialog *rmm_episode_dialog_new (GtkWindow     *parent,
                                          RmmStore      *store,
                                          RmmAgendaItem *item);

G_END_DECLS
