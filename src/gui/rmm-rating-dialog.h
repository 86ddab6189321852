/* rmm-rating-dialog.h: the two chairs confirm (or dispute) a child's risk rating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-decision-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_RATING_DIALOG (rmm_rating_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmRatingDialog, rmm_rating_dialog, RMM, RATING_DIALOG, RmmDecisionDialog)

RmmRatingDialog *rmm_rating_dialog_new (GtkWindow     *parent,
                                        RmmStore      *store,
                                        RmmMeeting    *meeting,
                                        RmmAgendaItem *item,
                                        const char    *framework_id);

G_END_DECLS
