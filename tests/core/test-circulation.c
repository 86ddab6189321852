/* test-circulation.c: a child's network, the allowed domains, and the record of who holds
 * which version of a plan — no copy to the wrong address, none lost from the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-test-support.h"

#include <sqlite3.h>
#include <string.h>

#include "rmm-addresses.h"
#include "rmm-dates.h"
#include "rmm-error.h"

typedef struct
{
  RmmTestStore base;
  gint64       child;
  gint64       meeting;
  gint64       police;
  gint64       officer;     /* Ashdown-like police contact, inside the allowed domains */
  gint64       worker;      /* a charity's worker, outside them */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmStore *store;

  rmm_test_store_set_up (&f->base, data);
  store = f->base.store;
  f->child = rmm_test_store_add_child (&f->base, "T-100", "2011-05-06");
  f->police = rmm_store_add_agency (store, "Testshire Police", "police", &error);
  f->officer = rmm_store_add_professional (store, f->police, "Dev Constable", "", &error);
  f->worker = rmm_store_add_professional (store, f->base.agency, "Kim Outreach", "", &error);
  g_assert_no_error (error);
  g_assert_true (rmm_store_set_professional_email (store, f->base.chair1,
                                                   "ada.chairwell@testshire.example", &error));
  g_assert_true (rmm_store_set_professional_email (store, f->officer,
                                                   "dev.constable@mail.police.example", &error));
  g_assert_true (rmm_store_set_professional_email (store, f->worker,
                                                   "kim@charity.example", &error));
  g_assert_true (rmm_store_allow_domain (store, "testshire.example", &error));
  g_assert_true (rmm_store_allow_domain (store, "@Police.Example.", &error));
  g_assert_no_error (error);
  f->meeting = rmm_store_add_meeting (store, f->base.area, "2026-09-07", f->base.chair1,
                                      f->base.chair2, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rmm_test_store_tear_down (&f->base, data);
}

static gint64
add_member (Fixture    *f,
            gint64      professional,
            const char *role,
            const char *audience)
{
  g_autoptr(GError) error = NULL;
  RmmNetworkMemberInput input = {
    .child_id = f->child, .professional_id = professional, .role = role, .audience = audience,
  };
  gint64 id = rmm_store_add_network_member (f->base.store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_family (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  RmmNetworkMemberInput input = {
    .child_id = f->child, .role = "family", .name = name, .email = email,
  };
  gint64 id = rmm_store_add_network_member (f->base.store, &input, &error);

  g_assert_no_error (error);
  return id;
}

static void
agree_plan (Fixture    *f,
            const char *risks)
{
  g_autoptr(GError) error = NULL;
  RmmPlanInput input = {
    .child_id = f->child, .meeting_id = f->meeting, .risks = risks, .review_on = "2026-10-05",
  };

  g_assert_cmpint (rmm_store_save_plan_version (f->base.store, &input, &error), >, 0);
  g_assert_no_error (error);
}

static RmmRecipient *
find_recipient (RmmCirculation *circulation,
                gint64          member)
{
  for (guint i = 0; i < circulation->recipients->len; i++)
    {
      RmmRecipient *recipient = g_ptr_array_index (circulation->recipients, i);

      if (recipient->member_id == member)
        return recipient;
    }
  return NULL;
}

static guint
count_circulated (Fixture *f)
{
  g_autoptr(GPtrArray) records = rmm_store_list_circulation (f->base.store, f->child, 0, NULL);

  g_assert_nonnull (records);
  return records->len;
}

static void
assert_check_passes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rmm_store_check (f->base.store, NULL, &error));
  g_assert_no_error (error);
}

/* ---- addresses ---- */

static void
test_addresses (void)
{
  const char *allowed[] = { "nhs.net", "police.uk", "testshire.gov.uk", NULL };
  const char *not_emails[] = {
    "", "jo", "jo@", "@nhs.net", "jo@@nhs.net", "jo@nhs@net", "jo bloggs@nhs.net",
    "jo@nhs", "jo@nhs..net", ".jo@nhs.net", "jo.@nhs.net", "jo..b@nhs.net", "jo@-nhs.net",
    "jo@nhs.net\n", "jo@nhs.net>, eve@evil.example", "jo@nhs_net.uk", "-jo@nhs.net",
  };
  g_autofree char *normal = rmm_address_normalize_domain ("  @NHS.Net. ");

  for (guint i = 0; i < G_N_ELEMENTS (not_emails); i++)
    g_assert_nonnull (rmm_address_why_not_email (not_emails[i]));
  g_assert_null (rmm_address_why_not_email ("jo.bloggs+rmm@Testshire.GOV.uk"));
  g_assert_cmpstr (normal, ==, "nhs.net");
  g_assert_null (rmm_address_why_not_domain ("sch.uk"));
  g_assert_nonnull (rmm_address_why_not_domain ("uk"));
  g_assert_nonnull (rmm_address_why_not_domain ("NHS.net"));

  g_assert_true (rmm_address_is_allowed ("jo@nhs.net", allowed));
  g_assert_true (rmm_address_is_allowed ("jo@surrey.police.uk", allowed));
  g_assert_true (rmm_address_is_allowed ("jo@Testshire.GOV.UK", allowed));
  g_assert_false (rmm_address_is_allowed ("jo@notpolice.uk", allowed));
  g_assert_false (rmm_address_is_allowed ("jo@nhs.net.evil.example", allowed));
  g_assert_false (rmm_address_is_allowed ("jo@gov.uk", allowed));
  g_assert_false (rmm_address_is_allowed ("jo@nhs.net", NULL));
}

/* ---- the network ---- */

static void
test_network_and_audiences (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) network = NULL;
  RmmNetworkMemberInput twice = {
    .child_id = f->child, .professional_id = f->officer, .role = "police",
  };
  RmmNetworkMemberInput bad_role = {
    .child_id = f->child, .professional_id = f->worker, .role = "neighbour",
  };
  RmmNetworkMemberInput nameless = { .child_id = f->child, .role = "family", .name = " " };
  RmmNetworkMemberInput family_as_professional = {
    .child_id = f->child, .role = "family", .name = "Sam Parent", .audience = "professional",
  };
  gint64 lead = add_member (f, f->base.chair1, "lead-professional", NULL);
  gint64 officer = add_member (f, f->officer, "police", NULL);
  gint64 family = add_family (f, "Sam Parent", "sam.parent@home.example");
  const RmmNetworkMember *member;

  network = rmm_store_list_network (f->base.store, f->child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (network->len, ==, 3);
  for (guint i = 0; i < network->len; i++)
    {
      member = g_ptr_array_index (network, i);
      if (member->id == family)
        {
          g_assert_cmpstr (member->audience, ==, "family");
          g_assert_cmpstr (member->email, ==, "sam.parent@home.example");
          g_assert_cmpint (member->professional_id, ==, 0);
        }
      else
        {
          g_assert_cmpstr (member->audience, ==, "professional");
          g_assert_true (member->id == lead || member->id == officer);
        }
      if (member->id == officer)
        g_assert_cmpstr (member->email, ==, "dev.constable@mail.police.example");
    }

  /* Each refused with a reason, and nothing added. */
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &twice, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &bad_role, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &nameless, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_network_member (f->base.store, &family_as_professional,
                                                 &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Out of the network, not out of the record; and back in as a new member. */
  g_assert_true (rmm_store_remove_network_member (f->base.store, officer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&network, g_ptr_array_unref);
  network = rmm_store_list_network (f->base.store, f->child, &error);
  g_assert_cmpuint (network->len, ==, 2);
  g_assert_cmpint (add_member (f, f->officer, "police", NULL), !=, officer);
  g_assert_false (rmm_store_remove_network_member (f->base.store, officer, &error));
  g_assert_nonnull (error);
  assert_check_passes (f);
}

/* ---- the allowed domains ---- */

static void
test_allowed_domains (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) domains = rmm_store_list_allowed_domains (f->base.store, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (domains, ((const char *[]) { "police.example", "testshire.example", NULL }));
  /* Allowing one twice is no change; a malformed one is refused. */
  g_assert_true (rmm_store_allow_domain (f->base.store, "police.example", &error));
  g_assert_false (rmm_store_allow_domain (f->base.store, "police example", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rmm_store_disallow_domain (f->base.store, "nhs.example", &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rmm_store_disallow_domain (f->base.store, "police.example", &error));
  g_clear_pointer (&domains, g_strfreev);
  domains = rmm_store_list_allowed_domains (f->base.store, &error);
  g_assert_cmpstrv (domains, ((const char *[]) { "testshire.example", NULL }));
  /* Allowed again after it was taken away. */
  g_assert_true (rmm_store_allow_domain (f->base.store, "police.example", &error));
  g_assert_no_error (error);
  assert_check_passes (f);
}

static void
test_outside_domain_needs_a_reason (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 lead = add_member (f, f->base.chair1, "lead-professional", NULL);
  gint64 worker = add_member (f, f->worker, "other", NULL);
  RmmRecipient *outside;

  agree_plan (f, "Older associates");
  circulation = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circulation->recipients->len, ==, 2);
  outside = find_recipient (circulation, worker);

  /* Refused: nothing goes, nothing is recorded, and the one at fault says why. */
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (find_recipient (circulation, lead)->problem);
  g_assert_nonnull (strstr (outside->problem, "outside the allowed domains"));
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_circulated (f), ==, 0);

  /* A reason on more than one line is refused too. */
  g_free (outside->outside_reason);
  outside->outside_reason = g_strdup ("Commissioned\nworker");
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);

  /* Confirmed with a reason: it goes, and the reason is on the record. */
  g_free (outside->outside_reason);
  outside->outside_reason = g_strdup ("Commissioned CSE worker for this child");
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_no_error (error);
  records = rmm_store_list_circulation (f->base.store, f->child, 0, &error);
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    {
      const RmmCirculationRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpstr (record->document, ==, "professional-plan");
      g_assert_cmpuint (record->version, ==, 1);
      g_assert_cmpstr (record->channel, ==, "email");
      g_assert_false (record->outdated);
      g_assert_cmpstr (record->outside_reason, ==,
                       g_str_equal (record->recipient, "kim@charity.example")
                       ? "Commissioned CSE worker for this child" : "");
    }
  assert_check_passes (f);
}

static void
test_outside_the_network_refused (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  gint64 officer = add_member (f, f->officer, "police", NULL);
  RmmRecipient *stranger = g_new0 (RmmRecipient, 1);
  RmmRecipient *member;

  agree_plan (f, "Older associates");
  circulation = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  g_assert_no_error (error);

  /* Someone not in the child's network, even at an allowed address. */
  stranger->name = g_strdup ("Ada Chairwell");
  stranger->recipient = g_strdup ("ada.chairwell@testshire.example");
  stranger->document = g_strdup ("professional-plan");
  stranger->channel = g_strdup ("email");
  stranger->outside_reason = g_strdup ("");
  g_ptr_array_add (circulation->recipients, stranger);
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (stranger->problem, "not in the child’s network"));
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_ptr_array_remove (circulation->recipients, stranger);

  /* A member's copy to an address that is not theirs. */
  member = find_recipient (circulation, officer);
  g_free (member->recipient);
  member->recipient = g_strdup ("someone.else@police.example");
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (member->problem);

  /* A member taken out of the network after the circulation was prepared. */
  g_free (member->recipient);
  member->recipient = g_strdup ("dev.constable@mail.police.example");
  g_assert_true (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_assert_true (rmm_store_remove_network_member (f->base.store, officer, &error));
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_circulated (f), ==, 0);
}

static void
test_family_copy_only_to_the_family (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  gint64 lead = add_member (f, f->base.chair1, "lead-professional", NULL);
  gint64 family = add_family (f, "Sam Parent", "sam.parent@testshire.example");
  gint64 no_email = add_family (f, "Lee Carer", NULL);
  RmmRecipient *to_lead, *to_family, *to_carer;

  agree_plan (f, "Older associates");
  circulation = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  g_assert_no_error (error);
  to_lead = find_recipient (circulation, lead);
  to_family = find_recipient (circulation, family);
  to_carer = find_recipient (circulation, no_email);
  g_assert_cmpstr (to_lead->document, ==, "professional-plan");
  g_assert_cmpstr (to_family->document, ==, "family-plan");

  /* The family's copy to a professional, the professional plan to the family: refused. */
  g_free (to_lead->document);
  to_lead->document = g_strdup ("family-plan");
  g_free (to_family->document);
  to_family->document = g_strdup ("professional-plan");
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (to_lead->problem);
  g_assert_nonnull (to_family->problem);
  g_free (to_lead->document);
  to_lead->document = g_strdup ("professional-plan");
  g_free (to_family->document);
  to_family->document = g_strdup ("family-plan");

  /* No address: stopped with a clear message, unless the copy is handed over. */
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (to_carer->problem, "no email address"));
  g_free (to_carer->channel);
  to_carer->channel = g_strdup ("handed-over");
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_circulated (f), ==, 3);
  assert_check_passes (f);
}

/* ---- who holds which version ---- */

static void
test_superseded_plan_lists_holders (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) first = NULL;
  g_autoptr(RmmCirculation) outdated = NULL;
  g_autoptr(RmmCirculation) stale = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 lead = add_member (f, f->base.chair1, "lead-professional", NULL);
  gint64 officer;

  agree_plan (f, "Older associates");
  first = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  g_assert_true (rmm_store_record_circulation (f->base.store, first, &error));
  g_assert_no_error (error);

  /* The officer joins after version 1 went out: they hold no old version. */
  officer = add_member (f, f->officer, "police", NULL);
  stale = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  agree_plan (f, "Older associates; a new address in town");

  /* A circulation prepared for version 1 is not recorded against version 2. */
  g_assert_false (rmm_store_record_circulation (f->base.store, stale, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  records = rmm_store_list_circulation (f->base.store, f->child, 0, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_true (((RmmCirculationRecord *)g_ptr_array_index (records, 0))->outdated);

  outdated = rmm_store_plan_circulation (f->base.store, f->child, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outdated->version, ==, 2);
  g_assert_cmpuint (outdated->recipients->len, ==, 1);
  g_assert_nonnull (find_recipient (outdated, lead));
  g_assert_null (find_recipient (outdated, officer));
  g_assert_true (rmm_store_record_circulation (f->base.store, outdated, &error));
  g_assert_no_error (error);

  /* Version 2 sent to them: no one holds an outdated copy now. */
  g_clear_pointer (&records, g_ptr_array_unref);
  records = rmm_store_list_circulation (f->base.store, f->child, 0, &error);
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    g_assert_false (((RmmCirculationRecord *)g_ptr_array_index (records, i))->outdated);
  g_clear_pointer (&outdated, rmm_circulation_free);
  outdated = rmm_store_plan_circulation (f->base.store, f->child, TRUE, &error);
  g_assert_cmpuint (outdated->recipients->len, ==, 0);
  assert_check_passes (f);
}

/* @sql run on the file directly, as a tamperer would: the file's own guards refuse it. */
static void
refused_below_store (Fixture    *f,
                     const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (rmm_store_get_path (f->base.store), &db,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_record_is_append_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;

  if (rmm_test_skip_on_server ("the guards are proved on the server by postgresql-schema"))
    return;
  add_member (f, f->base.chair1, "lead-professional", NULL);
  agree_plan (f, "Older associates");
  circulation = rmm_store_plan_circulation (f->base.store, f->child, FALSE, &error);
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_cmpint (rmm_test_count_in_file (f->base.store,
                                           "SELECT count(*) FROM circulation WHERE child_id = ?",
                                           f->child), ==, 1);
  assert_check_passes (f);

  /* Changed or deleted under the store: refused by the file itself. */
  refused_below_store (f, "UPDATE circulation SET recipient = 'eve@evil.example'");
  refused_below_store (f, "DELETE FROM circulation");
  refused_below_store (f, "DELETE FROM network_member");
  refused_below_store (f, "DELETE FROM allowed_domain");
  g_assert_cmpint (rmm_store_add_to_cse_distribution (f->base.store, f->officer, &error), >, 0);
  refused_below_store (f, "DELETE FROM list_recipient");
  g_assert_cmpint (rmm_test_count_in_file (f->base.store,
                                           "SELECT count(*) FROM circulation WHERE "
                                           "recipient = 'ada.chairwell@testshire.example' "
                                           "AND child_id = ?", f->child), ==, 1);
}

/* A meeting's minutes: not before they are signed off; then to everyone invited (not an
 * observer), each checked like a plan's copy, and recorded against the meeting. */
static void
test_minutes_to_those_invited (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autoptr(GPtrArray) record = NULL;
  RmmAttendanceInput rows[] = {
    { .agency_id = f->police, .professional_id = f->officer, .name = "Dev Constable",
      .status = RMM_ATTENDANCE_STATUS_PRESENT },
    { .agency_id = f->base.agency, .professional_id = f->worker, .name = "Kim Outreach",
      .status = RMM_ATTENDANCE_STATUS_APOLOGIES },
    { .agency_id = f->base.agency, .name = "Lee Observer",
      .status = RMM_ATTENDANCE_STATUS_OBSERVER },
  };
  RmmRecipient *officer, *worker;

  g_assert_true (rmm_store_open_meeting (f->base.store, f->meeting, rows, G_N_ELEMENTS (rows),
                                         TRUE, &error));
  g_assert_no_error (error);
  g_assert_null (rmm_store_minutes_circulation (f->base.store, f->meeting, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rmm_store_conclude_meeting (f->base.store, f->meeting, &error));
  g_assert_true (rmm_store_sign_off_meeting (f->base.store, f->meeting, f->base.chair1, &error));
  g_assert_true (rmm_store_sign_off_meeting (f->base.store, f->meeting, f->base.chair2, &error));
  g_assert_no_error (error);

  circulation = rmm_store_minutes_circulation (f->base.store, f->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circulation->recipients->len, ==, 2);
  officer = g_ptr_array_index (circulation->recipients, 0);
  worker = g_ptr_array_index (circulation->recipients, 1);
  if (g_strcmp0 (officer->name, "Dev Constable") != 0)
    {
      RmmRecipient *swap = officer;

      officer = worker;
      worker = swap;
    }
  g_assert_cmpstr (officer->recipient, ==, "dev.constable@mail.police.example");
  g_assert_cmpstr (officer->document, ==, "minutes");
  g_assert_cmpstr (worker->recipient, ==, "kim@charity.example");
  /* The charity's address is outside the allowed domains: refused until a reason is given. */
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_null (officer->problem);
  g_assert_nonnull (worker->problem);
  /* Someone not invited is refused for the minutes. */
  worker->member_id += 1000;
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (worker->problem, "not invited"));
  worker->member_id -= 1000;
  g_free (worker->outside_reason);
  worker->outside_reason = g_strdup ("The charity's worker supports the child.");
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_no_error (error);

  record = rmm_store_list_circulation (f->base.store, 0, f->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->len, ==, 2);
  for (guint i = 0; i < record->len; i++)
    {
      RmmCirculationRecord *copy = g_ptr_array_index (record, i);

      g_assert_cmpstr (copy->document, ==, "minutes");
      g_assert_cmpint (copy->child_id, ==, 0);
      g_assert_cmpuint (copy->version, ==, 0);
      g_assert_false (copy->outdated);
    }
}

/* The CSE list: only to those on its distribution, by name; an address outside the
 * allowed domains needs a reason; not a day still to come; recorded with its day, and
 * someone taken off the distribution is still named in the record. */
static void
test_cse_list_to_its_distribution (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RmmCirculation) circulation = NULL;
  g_autoptr(RmmCirculation) future = NULL;
  g_autoptr(GPtrArray) distribution = NULL;
  g_autoptr(GPtrArray) record = NULL;
  RmmRecipient *officer, *worker;
  gint64 officer_place;
  GDate day;

  g_assert_true (rmm_date_parse ("2026-09-07", &day));
  rmm_test_store_at (&f->base, "2026-09-08T09:00:00Z");
  circulation = rmm_store_cse_list_circulation (f->base.store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circulation->recipients->len, ==, 0);
  g_clear_pointer (&circulation, rmm_circulation_free);

  officer_place = rmm_store_add_to_cse_distribution (f->base.store, f->officer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rmm_store_add_to_cse_distribution (f->base.store, f->worker, &error), >, 0);
  g_assert_no_error (error);
  /* Once only; someone who is not a professional never. */
  g_assert_cmpint (rmm_store_add_to_cse_distribution (f->base.store, f->officer, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rmm_store_add_to_cse_distribution (f->base.store, 9999, &error), ==, 0);
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  distribution = rmm_store_list_cse_distribution (f->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distribution->len, ==, 2);

  /* Not the list of a day still to come. */
  g_assert_true (rmm_date_parse ("2026-09-09", &day));
  g_assert_null (future = rmm_store_cse_list_circulation (f->base.store, &day, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rmm_date_parse ("2026-09-07", &day));
  circulation = rmm_store_cse_list_circulation (f->base.store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (circulation->list_as_at, ==, "2026-09-07");
  g_assert_cmpuint (circulation->recipients->len, ==, 2);
  officer = g_ptr_array_index (circulation->recipients, 0);
  worker = g_ptr_array_index (circulation->recipients, 1);
  g_assert_cmpstr (officer->name, ==, "Dev Constable");
  g_assert_cmpstr (officer->document, ==, "cse-list");
  /* The charity's address is outside the allowed domains. */
  g_assert_false (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_null (officer->problem);
  g_assert_nonnull (worker->problem);
  /* Someone not on the distribution is refused, whoever they are. */
  worker->member_id += 1000;
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (worker->problem, "distribution"));
  worker->member_id -= 1000;
  g_free (worker->outside_reason);
  worker->outside_reason = g_strdup ("The charity's CSE lead holds the list for the county.");
  g_assert_true (rmm_store_record_circulation (f->base.store, circulation, &error));
  g_assert_no_error (error);

  /* A family's contact given the officer's address (or the officer a family's): the list
   * never goes to it, whatever the reason. */
  g_clear_pointer (&circulation, rmm_circulation_free);
  add_family (f, "Pat Parent", "Dev.Constable@mail.police.example");
  circulation = rmm_store_cse_list_circulation (f->base.store, &day, &error);
  officer = g_ptr_array_index (circulation->recipients, 0);
  g_free (officer->outside_reason);
  officer->outside_reason = g_strdup ("They asked for it.");
  g_assert_false (rmm_store_check_circulation (f->base.store, circulation, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (officer->problem, "family contact"));

  /* Off the distribution: no longer sent the list, still named in the record. */
  g_assert_true (rmm_store_remove_from_cse_distribution (f->base.store, officer_place, &error));
  g_assert_false (rmm_store_remove_from_cse_distribution (f->base.store, officer_place, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&distribution, g_ptr_array_unref);
  distribution = rmm_store_list_cse_distribution (f->base.store, &error);
  g_assert_cmpuint (distribution->len, ==, 1);
  record = rmm_store_list_circulation (f->base.store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->len, ==, 2);
  g_assert_cmpstr (((RmmCirculationRecord *)g_ptr_array_index (record, 0))->document, ==,
                   "cse-list");
  g_assert_cmpstr (((RmmCirculationRecord *)g_ptr_array_index (record, 0))->list_as_at, ==,
                   "2026-09-07");
  g_assert_cmpstr (((RmmCirculationRecord *)g_ptr_array_index (record, 0))->recipient, ==,
                   "dev.constable@mail.police.example");
  assert_check_passes (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/circulation/addresses", test_addresses);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/circulation/network-and-audiences", test_network_and_audiences);
  ADD ("/circulation/allowed-domains", test_allowed_domains);
  ADD ("/circulation/outside-domain-needs-a-reason", test_outside_domain_needs_a_reason);
  ADD ("/circulation/outside-the-network-refused", test_outside_the_network_refused);
  ADD ("/circulation/family-copy-only-to-the-family", test_family_copy_only_to_the_family);
  ADD ("/circulation/superseded-plan-lists-holders", test_superseded_plan_lists_holders);
  ADD ("/circulation/cse-list-to-its-distribution", test_cse_list_to_its_distribution);
  ADD ("/circulation/record-is-append-only", test_record_is_append_only);
  ADD ("/circulation/minutes-to-those-invited", test_minutes_to_those_invited);
#undef ADD
  return g_test_run ();
}
