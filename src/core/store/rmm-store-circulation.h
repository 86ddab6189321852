/* rmm-store-circulation.h: each child's network, the domains a document may be emailed to,
 * and the record of who was sent which version of which document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the store (rmm-store.h includes every part).
 */
#pragma once

#include "rmm-store-base.h"

G_BEGIN_DECLS

/* One of the people around a child: a professional (from professional, with their agency
 * and email) or the family's contact, with the copy of a plan they receive. */
typedef struct
{
  gint64  id;
  gint64  child_id;
  gint64  professional_id;   /* 0: the family's contact */
  char   *role;              /* lead-professional … other, or family */
  char   *audience;          /* professional or family: the copy of a plan they receive */
  char   *name;
  char   *agency;            /* "" for the family's contact */
  char   *email;             /* "" when none is recorded */
} RmmNetworkMember;

void rmm_network_member_free (RmmNetworkMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmNetworkMember, rmm_network_member_free)

typedef struct
{
  gint64      child_id;
  gint64      professional_id;   /* 0 for the family's contact */
  const char *role;
  const char *audience;          /* NULL: the role's (family for the family's contact) */
  const char *name;              /* the family's contact */
  const char *email;             /* the family's contact */
} RmmNetworkMemberInput;

GPtrArray *rmm_store_list_network          (RmmStore                     *self,
                                            gint64                        child_id,
                                            GError                      **error);
gint64     rmm_store_add_network_member    (RmmStore                     *self,
                                            const RmmNetworkMemberInput  *input,
                                            GError                      **error);
gboolean   rmm_store_remove_network_member (RmmStore                     *self,
                                            gint64                        member_id,
                                            GError                      **error);

GStrv      rmm_store_list_allowed_domains  (RmmStore                     *self,
                                            GError                      **error);
gboolean   rmm_store_allow_domain          (RmmStore                     *self,
                                            const char                   *domain,
                                            GError                      **error);
gboolean   rmm_store_disallow_domain       (RmmStore                     *self,
                                            const char                   *domain,
                                            GError                      **error);

/* One copy to go out: to a member of the network, by email or by hand. */
typedef struct
{
  gint64    member_id;       /* 0: someone not in the child's network (refused); for the
                              * minutes, the attendance row of the person invited; for the
                              * CSE list, their place on its distribution */
  gint64    professional_id; /* 0: the family's contact, or someone invited by name only */
  char     *name;
  char     *recipient;       /* the address for an email; the name for a copy by hand */
  char     *document;        /* professional-plan, family-plan, minutes or cse-list */
  char     *channel;         /* email, handed-over or posted */
  char     *outside_reason;  /* why an address outside the allowed domains is sent to */
  gboolean  outside;         /* (out) the address is outside the allowed domains */
  char     *problem;         /* (out) why this copy cannot go, or NULL */
} RmmRecipient;

void rmm_recipient_free (RmmRecipient *recipient);

/* A circulation: of the child's current plan version, or of a meeting's signed-off minutes;
 * and who gets which copy. */
typedef struct
{
  gint64     child_id;
  gint64     plan_version_id;
  guint      version;
  gint64     meeting_id;     /* the minutes': not 0 for them alone */
  char      *list_as_at;     /* the CSE list's day (2026-12-02), or NULL */
  GPtrArray *recipients;     /* RmmRecipient */
} RmmCirculation;

void rmm_circulation_free (RmmCirculation *circulation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmCirculation, rmm_circulation_free)

RmmCirculation *rmm_store_plan_circulation   (RmmStore        *self,
                                              gint64           child_id,
                                              gboolean         only_outdated,
                                              GError         **error);
RmmCirculation *rmm_store_minutes_circulation (RmmStore       *self,
                                              gint64           meeting_id,
                                              GError         **error);
gboolean        rmm_store_check_circulation  (RmmStore        *self,
                                              RmmCirculation  *circulation,
                                              GError         **error);
gboolean        rmm_store_record_circulation (RmmStore        *self,
                                              RmmCirculation  *circulation,
                                              GError         **error);

/* A copy that went out, as recorded. */
typedef struct
{
  gint64  id;
  char   *document;
  gint64  child_id;
  char   *reference;         /* the child's, or "" */
  guint   version;           /* a plan's version, or 0 */
  gint64  meeting_id;
  char   *recipient;
  char   *channel;
  char   *outside_reason;
  char   *circulated_at;
  char   *circulated_by;
  gboolean outdated;         /* a plan version a newer one has replaced */
  char   *list_as_at;        /* the CSE list's day, or "" */
} RmmCirculationRecord;

void rmm_circulation_record_free (RmmCirculationRecord *record);

GPtrArray *rmm_store_list_circulation     (RmmStore  *self,
                                           gint64     child_id,
                                           gint64     meeting_id,
                                           GError   **error);

G_END_DECLS
