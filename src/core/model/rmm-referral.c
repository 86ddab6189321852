/* rmm-referral.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-referral"

#include "config.h"

#include "rmm-dates.h"
#include "rmm-referral.h"
#include "rmm-state-types.h"
#include "rmm-working-calendar.h"

/* SERAF: the decision on a referral within 24 hours; the assessment within 7 working days. */
#define DECISION_HOURS 24
#define ASSESSMENT_WORKING_DAYS 7

struct _RmmReferral
{
  GObject   parent_instance;

  gint64    id;
  gint64    child_id;
  char     *child_reference;
  char     *child_name;
  char     *area_name;
  char     *received_at;
  char     *route;
  char     *referrer_name;
  char     *agency_name;
  char     *concern_summary;
  char     *screening_outcome;
  char     *assessment_completed_on;
  gboolean  repeat;
};

G_DEFINE_FINAL_TYPE (RmmReferral, rmm_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_CHILD_REFERENCE,
  PROP_CHILD_NAME,
  PROP_AREA_NAME,
  PROP_RECEIVED_AT,
  PROP_ROUTE,
  PROP_REFERRER_NAME,
  PROP_AGENCY_NAME,
  PROP_CONCERN_SUMMARY,
  PROP_SCREENING_OUTCOME,
  PROP_ASSESSMENT_COMPLETED_ON,
  PROP_REPEAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (RmmReferral *self,
             guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_CHILD_REFERENCE: return &self->child_reference;
    case PROP_CHILD_NAME: return &self->child_name;
    case PROP_AREA_NAME: return &self->area_name;
    case PROP_RECEIVED_AT: return &self->received_at;
    case PROP_ROUTE: return &self->route;
    case PROP_REFERRER_NAME: return &self->referrer_name;
    case PROP_AGENCY_NAME: return &self->agency_name;
    case PROP_CONCERN_SUMMARY: return &self->concern_summary;
    case PROP_SCREENING_OUTCOME: return &self->screening_outcome;
    case PROP_ASSESSMENT_COMPLETED_ON: return &self->assessment_completed_on;
    default: return NULL;
    }
}

static void
rmm_referral_finalize (GObject *object)
{
  RmmReferral *self = (RmmReferral *)object;

  for (guint i = PROP_CHILD_REFERENCE; i <= PROP_ASSESSMENT_COMPLETED_ON; i++)
    g_free (*string_slot (self, i));

  G_OBJECT_CLASS (rmm_referral_parent_class)->finalize (object);
}

static void
rmm_referral_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RmmReferral *self = RMM_REFERRAL (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_CHILD_ID)
    g_value_set_int64 (value, self->child_id);
  else if (prop_id == PROP_REPEAT)
    g_value_set_boolean (value, self->repeat);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_referral_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RmmReferral *self = RMM_REFERRAL (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
    }
  else if (prop_id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else if (prop_id == PROP_CHILD_ID)
    self->child_id = g_value_get_int64 (value);
  else if (prop_id == PROP_REPEAT)
    self->repeat = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_referral_class_init (RmmReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  static const char *names[] = {
    NULL, NULL, NULL, "child-reference", "child-name", "area-name", "received-at", "route",
    "referrer-name", "agency-name", "concern-summary", "screening-outcome",
    "assessment-completed-on",
  };

  object_class->finalize = rmm_referral_finalize;
  object_class->get_property = rmm_referral_get_property;
  object_class->set_property = rmm_referral_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint i = PROP_CHILD_REFERENCE; i <= PROP_ASSESSMENT_COMPLETED_ON; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL, flags);
  properties[PROP_REPEAT] = g_param_spec_boolean ("repeat", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_referral_init (RmmReferral *self)
{
}

#define GETTER(type, name, field) \
  type rmm_referral_get_##name (RmmReferral *self) \
  { \
    g_return_val_if_fail (RMM_IS_REFERRAL (self), 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (gint64, child_id, child_id)
GETTER (const char *, child_reference, child_reference)
GETTER (const char *, child_name, child_name)
GETTER (const char *, area_name, area_name)
GETTER (const char *, received_at, received_at)
GETTER (const char *, route, route)
GETTER (const char *, referrer_name, referrer_name)
GETTER (const char *, agency_name, agency_name)
GETTER (const char *, concern_summary, concern_summary)
GETTER (const char *, screening_outcome, screening_outcome)
GETTER (const char *, assessment_completed_on, assessment_completed_on)
GETTER (gboolean, repeat, repeat)

#undef GETTER

/* When the decision on the referral is due: 24 hours after it was received (UTC). */
char *
rmm_referral_dup_decision_due (RmmReferral *self)
{
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL (self), NULL);

  if (!(received = g_date_time_new_from_iso8601 (self->received_at, NULL)))
    return NULL;
  due = g_date_time_add_hours (received, DECISION_HOURS);
  return g_date_time_format (due, "%Y-%m-%dT%H:%M:%SZ");
}

/* When the assessment is due: 7 working days after the (UK) day it was received. */
GDate *
rmm_referral_dup_assessment_due (RmmReferral *self)
{
  GDate *day;

  g_return_val_if_fail (RMM_IS_REFERRAL (self), NULL);

  if (!(day = rmm_date_from_time (self->received_at)))
    return NULL;
  rmm_working_calendar_add_working_days (rmm_working_calendar_get_default (), day,
                                         ASSESSMENT_WORKING_DAYS);
  return day;
}

/* What screening decided; a word no RMM Desk writes is UNKNOWN. */
RmmScreeningOutcome
rmm_referral_get_outcome (RmmReferral *self)
{
  g_return_val_if_fail (RMM_IS_REFERRAL (self), RMM_SCREENING_OUTCOME_UNKNOWN);

  return rmm_state_from_text (RMM_TYPE_SCREENING_OUTCOME, self->screening_outcome,
                              RMM_SCREENING_OUTCOME_UNKNOWN);
}

gboolean
rmm_referral_is_decision_overdue (RmmReferral *self,
                                  GDateTime   *now)
{
  g_autofree char *due = NULL;
  g_autoptr(GDateTime) due_time = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL (self), FALSE);

  if (rmm_referral_get_outcome (self) != RMM_SCREENING_OUTCOME_PENDING ||
      !(due = rmm_referral_dup_decision_due (self)) ||
      !(due_time = g_date_time_new_from_iso8601 (due, NULL)))
    return FALSE;
  return g_date_time_compare (now, due_time) > 0;
}

/* Overdue when an assessment is required, not completed, and its 7th working day is past. */
gboolean
rmm_referral_is_assessment_overdue (RmmReferral *self,
                                    const GDate *today)
{
  g_autoptr(GDate) due = NULL;

  g_return_val_if_fail (RMM_IS_REFERRAL (self), FALSE);

  if (rmm_referral_get_outcome (self) != RMM_SCREENING_OUTCOME_ASSESSMENT_REQUIRED ||
      (self->assessment_completed_on != NULL && *self->assessment_completed_on != '\0') ||
      !(due = rmm_referral_dup_assessment_due (self)))
    return FALSE;
  return g_date_compare (today, due) > 0;
}
