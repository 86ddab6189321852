/* rmm-circulate-dialog.h: a child's plan to their network, a meeting's minutes to those
 * invited, or the CSE list to its distribution, each copy checked before any goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-form-dialog.h"

G_BEGIN_DECLS

#define RMM_TYPE_CIRCULATE_DIALOG (rmm_circulate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RmmCirculateDialog, rmm_circulate_dialog, RMM, CIRCULATE_DIALOG,
                      RmmFormDialog)

RmmCirculateDialog *rmm_circulate_dialog_new (GtkWindow      *parent,
                                              RmmStore       *store,
                                              RmmAgendaItem  *item,
                                              gboolean        only_outdated,
                                              GError        **error);
RmmCirculateDialog *rmm_circulate_dialog_new_for_minutes (GtkWindow   *parent,
                                                          RmmStore    *store,
                                                          RmmMeeting  *meeting,
                                                          GError     **error);
RmmCirculateDialog *rmm_circulate_dialog_new_for_cse_list (GtkWindow   *parent,
                                                           RmmStore    *store,
                                                           const GDate *day,
                                                           GError     **error);

G_END_DECLS
