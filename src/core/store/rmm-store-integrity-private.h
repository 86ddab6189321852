/* rmm-store-integrity-private.h: what the integrity check's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-store-private.h"

G_BEGIN_DECLS

/* Enough problems to act on. */
#define RMM_STORE_MAX_PROBLEMS 50

gboolean    rmm_store_add_problem              (GPtrArray  *problems,
                                                char       *problem);
RmmDb      *rmm_store_expected_db              (void);
GHashTable *rmm_store_expected_schema          (void);
void        rmm_store_check_rows_against_trail (RmmStore   *self,
                                                GPtrArray  *problems);

G_END_DECLS
