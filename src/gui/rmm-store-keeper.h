/* rmm-store-keeper.h: the one watch over a store that all its windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rmm-store.h"

G_BEGIN_DECLS

#define RMM_TYPE_STORE_KEEPER (rmm_store_keeper_get_type ())
G_DECLARE_FINAL_TYPE (RmmStoreKeeper, rmm_store_keeper, RMM, STORE_KEEPER, GObject)

RmmStoreKeeper *rmm_store_keeper_get      (RmmStore       *store);
void            rmm_store_keeper_back_up  (RmmStoreKeeper *self,
                                           const char     *why);
void            rmm_store_keeper_reconnect_now (RmmStoreKeeper *self);

G_END_DECLS
