/* rmm-store-members.h: who works on which area on a shared server: a login's role in an area,
 * granted and revoked by the database's owner, each an event in the audit trail
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
  char   *login;
  char   *role;         /* "admin", "chair", "minute-taker", "police", "oversight" */
  char   *area;         /* the area's name */
  char   *granted_at;   /* UTC, ISO 8601 */
} RmmAreaMember;

void        rmm_area_member_free      (RmmAreaMember       *member);
const char *rmm_area_role_describe    (const char          *role);
gboolean    rmm_store_grant_role      (RmmStore            *self,
                                       const char          *login,
                                       const char          *role,
                                       const char * const  *areas,
                                       GError             **error);
gboolean    rmm_store_revoke_role     (RmmStore            *self,
                                       const char          *login,
                                       const char          *role,
                                       const char * const  *areas,
                                       GError             **error);
GPtrArray  *rmm_store_list_members    (RmmStore            *self,
                                       GError             **error);
gboolean    rmm_store_set_two_logins  (RmmStore            *self,
                                       gboolean             on,
                                       GError             **error);
gboolean    rmm_store_get_two_logins  (RmmStore            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmAreaMember, rmm_area_member_free)

G_END_DECLS
