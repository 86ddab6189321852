/* rmm-decision-dialog.h: the two chairs confirm (or dispute) a decision about a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mechanics every decision of the meeting shares: each chair confirms by name, the
 * decision stands once both have, a chair may disagree (both views kept, escalated), and
 * a confirmed decision is corrected only by a new one that supersedes it, with a reason.
 * Subclasses supply the rows that say what is proposed, as children in their templates.
 */
#pragma once

#include <adwaita.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_DECISION_DIALOG (rmm_decision_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RmmDecisionDialog, rmm_decision_dialog, RMM, DECISION_DIALOG, AdwWindow)

struct _RmmDecisionDialogClass
{
  AdwWindowClass parent_class;

  RmmDecisionKind kind;

  /* The proposal as the rows show it; FALSE (with @error) while it is incomplete. */
  gboolean (*read_proposal) (RmmDecisionDialog       *self,
                             RmmDecisionInput        *input,
                             GError                 **error);
  /* Put a decision's value back into the rows. */
  void     (*show_proposal) (RmmDecisionDialog       *self,
                             const RmmDecisionState  *state);
  /* A decision's value in words, e.g. "High" or "Family Services: Cai Keyworker". */
  char    *(*describe)      (RmmDecisionDialog       *self,
                             const RmmDecisionState  *state);
  /* What a closure records beside its proposal, as the rows show it (valid until the next
   * call); FALSE for decisions that record nothing beside. */
  gboolean (*read_closure)  (RmmDecisionDialog       *self,
                             RmmClosureInput         *closure);

  gpointer padding[4];
};

void           rmm_decision_dialog_setup        (RmmDecisionDialog *self,
                                                 RmmStore          *store,
                                                 RmmMeeting        *meeting,
                                                 RmmAgendaItem     *item);
RmmStore      *rmm_decision_dialog_get_store    (RmmDecisionDialog *self);
RmmMeeting    *rmm_decision_dialog_get_meeting  (RmmDecisionDialog *self);
RmmAgendaItem *rmm_decision_dialog_get_item     (RmmDecisionDialog *self);
void           rmm_decision_dialog_refresh      (RmmDecisionDialog *self);
void           rmm_decision_dialog_show_error   (RmmDecisionDialog *self,
                                                 const GError      *error);

G_END_DECLS
