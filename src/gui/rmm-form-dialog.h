/* rmm-form-dialog.h: the small forms that record one thing about a child or a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rmm-agenda-item.h"
#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_FORM_DIALOG (rmm_form_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RmmFormDialog, rmm_form_dialog, RMM, FORM_DIALOG, AdwWindow)

struct _RmmFormDialogClass
{
  AdwWindowClass parent_class;

  /* Write what the form says to the store: FALSE with @error (which says why, as a
   * sentence) leaves the form open with what was typed. */
  gboolean (*record) (RmmFormDialog  *self,
                      GError        **error);
};

RmmStore      *rmm_form_dialog_get_store (RmmFormDialog *self);
RmmAgendaItem *rmm_form_dialog_get_item  (RmmFormDialog *self);

G_END_DECLS
