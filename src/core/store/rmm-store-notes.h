/* rmm-store-notes.h: what is learned about a child between meetings: missing episodes,
 * new information and police disruption
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      child_id;
  const char *started_at;       /* UTC, ISO 8601 */
  const char *ended_at;         /* NULL while missing */
  gint64      agency_id;        /* who reported it; 0: not recorded */
  const char *notes;
} RmmMissingEpisodeInput;

typedef struct
{
  gint64      child_id;
  const char *kind;             /* a rule's note kind (disclosure, exclusion…) or another */
  const char *summary;
  gint64      agency_id;
  gboolean    police_sensitive;
} RmmInformationNoteInput;

typedef struct
{
  char     *kind;
  char     *summary;
  char     *agency;
  gboolean  police_sensitive;
  char     *recorded_at;
} RmmInformationNote;

void rmm_information_note_free (RmmInformationNote *note);

/* Police-led disruption of a person of concern: never on a family-facing document. */
typedef struct
{
  gint64      child_id;
  const char *subject_ref;      /* the police reference of the person of concern */
  const char *tactic;           /* cawn | shpo | srho | licensing | harassment | observation | other */
  const char *detail;
} RmmDisruptionNoteInput;

typedef struct
{
  char *subject_ref;
  char *tactic;
  char *detail;
  char *recorded_at;
} RmmDisruptionNote;

void rmm_disruption_note_free (RmmDisruptionNote *note);

GStrv        rmm_store_describe_trigger_facts (RmmStore          *self,
                                             const char          *facts,
                                             GError             **error);
gint64       rmm_store_add_missing_episode  (RmmStore            *self,
                                             const RmmMissingEpisodeInput *input,
                                             GError             **error);
gint64       rmm_store_add_information_note (RmmStore            *self,
                                             const RmmInformationNoteInput *input,
                                             GError             **error);
GPtrArray   *rmm_store_list_information_notes (RmmStore          *self,
                                             gint64               child_id,
                                             GError             **error);
gint64       rmm_store_add_disruption_note  (RmmStore            *self,
                                             const RmmDisruptionNoteInput *input,
                                             GError             **error);
GPtrArray   *rmm_store_list_disruption_notes (RmmStore           *self,
                                             gint64               child_id,
                                             GError             **error);

G_END_DECLS
