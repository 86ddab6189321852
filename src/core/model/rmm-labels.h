/* rmm-labels.h: what the ids the store keeps are called in words, on screen and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rmm-states.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *label;      /* untranslated: pass through _() */
} RmmLabel;

const RmmLabel *rmm_note_kinds               (guint      *n_kinds);
const char     *rmm_note_kind_label          (const char *kind);
const char     *rmm_action_status_label      (RmmActionStatus status);
const char     *rmm_summary_kind_label       (RmmSummaryKind  kind);
const RmmLabel *rmm_disruption_tactics       (guint      *n_tactics);
const char     *rmm_disruption_tactic_label  (const char *tactic);

const RmmLabel *rmm_network_roles            (guint      *n_roles);
const char     *rmm_network_role_label       (const char *role);
const char     *rmm_circulation_channel_label (const char *channel);
const char     *rmm_circulated_document_label (const char *document);
char       *rmm_describe_age               (guint       age);

G_END_DECLS
