/* rmm-store-agenda-private.h: what the agenda's two files share: the meeting's facts and
 * the children proposed for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-framework.h"
#include "rmm-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64            area_id;
  char             *meets_on;
  RmmMeetingStatus  status;
  RmmFramework     *framework;
} RmmAgendaFacts;

typedef struct
{
  gint64   child_id;
  GString *reasons;
  char    *rating;
  guint    risk;          /* position of the rating in the framework, 0 without one */
  char    *last_name;
  char    *first_name;
} RmmAgendaProposal;

void                rmm_agenda_proposal_free (gpointer            data);
void                rmm_agenda_facts_clear   (RmmAgendaFacts     *facts);
gboolean            rmm_agenda_read_facts    (RmmStore           *self,
                                              gint64              meeting_id,
                                              RmmAgendaFacts     *facts,
                                              GError            **error);
void                rmm_agenda_add_reason    (GString            *reasons,
                                              const char         *reason);
GPtrArray          *rmm_agenda_propose       (RmmStore           *self,
                                              RmmAgendaFacts     *facts,
                                              RmmAgendaOrder      order,
                                              GError            **error);

G_END_DECLS
