/* rmm-trigger-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-trigger-entry"

#include "config.h"

#include "rmm-document-i18n.h"

#include "rmm-dates.h"
#include "rmm-trigger-entry.h"

struct _RmmTriggerEntry
{
  GObject   parent_instance;

  char     *texts[7];     /* by property, from PROP_REFERENCE */
  gboolean  open;
  gboolean  overdue;
};

G_DEFINE_FINAL_TYPE (RmmTriggerEntry, rmm_trigger_entry, G_TYPE_OBJECT)

/* Read-only text properties for the view's columns and sorters. */
enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_CHILD_NAME,
  PROP_AREA,
  PROP_RULE,
  PROP_RAISED_ON,
  PROP_OPEN_FOR,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_trigger_entry_finalize (GObject *object)
{
  RmmTriggerEntry *self = RMM_TRIGGER_ENTRY (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (rmm_trigger_entry_parent_class)->finalize (object);
}

static void
rmm_trigger_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RmmTriggerEntry *self = RMM_TRIGGER_ENTRY (object);

  if (prop_id >= PROP_REFERENCE && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - PROP_REFERENCE]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_trigger_entry_class_init (RmmTriggerEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[] = {
    NULL, "reference", "child-name", "area", "rule", "raised-on", "open-for", "status",
  };

  object_class->finalize = rmm_trigger_entry_finalize;
  object_class->get_property = rmm_trigger_entry_get_property;
  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "",
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_trigger_entry_init (RmmTriggerEntry *self)
{
}

/* "12 days" open (sortable as text: the days are zero-padded to three places). */
static char *
open_for (const RmmTrigger *trigger,
          const GDate      *today)
{
  g_autoptr(GDate) raised = rmm_date_from_time (trigger->raised_at);
  int days;

  if (!trigger->open || raised == NULL)
    return g_strdup ("");
  days = MAX (g_date_days_between (raised, today), 0);
  return g_strdup_printf (rmm_document_ngettext ("%03d day", "%03d days", days), days);
}

RmmTriggerEntry *
rmm_trigger_entry_new (const RmmTrigger *trigger,
                       const char       *rule_title,
                       const GDate      *today)
{
  RmmTriggerEntry *self = g_object_new (RMM_TYPE_TRIGGER_ENTRY, NULL);

  self->open = trigger->open;
  self->overdue = trigger->overdue;
  self->texts[0] = g_strdup (trigger->reference);
  self->texts[1] = g_strdup (trigger->child_name);
  self->texts[2] = g_strdup (trigger->area);
  self->texts[3] = g_strdup (rule_title ? rule_title : trigger->rule_id);
  self->texts[4] = rmm_time_format_uk (trigger->raised_at, "%Y-%m-%d");
  self->texts[5] = open_for (trigger, today);
  self->texts[6] = g_strdup (!trigger->open ? _("Answered")
                             : trigger->overdue ? _("Overdue") : _("Open"));
  return self;
}

gboolean
rmm_trigger_entry_get_open (RmmTriggerEntry *self)
{
  g_return_val_if_fail (RMM_IS_TRIGGER_ENTRY (self), FALSE);
  return self->open;
}

gboolean
rmm_trigger_entry_get_overdue (RmmTriggerEntry *self)
{
  g_return_val_if_fail (RMM_IS_TRIGGER_ENTRY (self), FALSE);
  return self->overdue;
}
