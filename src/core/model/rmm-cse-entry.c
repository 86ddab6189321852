/* rmm-cse-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-cse-entry"

#include "config.h"

#include "rmm-document-i18n.h"

#include <string.h>

#include "rmm-cse-entry.h"

struct _RmmCseEntry
{
  GObject       parent_instance;

  gint64        child_id;
  char         *reference;
  char         *first_name;
  char         *last_name;
  char         *area_name;
  char         *rating;
  char         *rating_label;
  char         *previous_label;
  RmmCseChange  change;
};

G_DEFINE_FINAL_TYPE (RmmCseEntry, rmm_cse_entry, G_TYPE_OBJECT)

/* Read-only properties for the list's columns and sorters. */
enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_LAST_NAME,
  PROP_FIRST_NAME,
  PROP_AREA_NAME,
  PROP_RATING_LABEL,
  PROP_PREVIOUS_LABEL,
  PROP_CHANGE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_cse_entry_finalize (GObject *object)
{
  RmmCseEntry *self = (RmmCseEntry *)object;

  g_free (self->reference);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->area_name);
  g_free (self->rating);
  g_free (self->rating_label);
  g_free (self->previous_label);

  G_OBJECT_CLASS (rmm_cse_entry_parent_class)->finalize (object);
}

static void
rmm_cse_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RmmCseEntry *self = RMM_CSE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_LAST_NAME: g_value_set_string (value, self->last_name); break;
    case PROP_FIRST_NAME: g_value_set_string (value, self->first_name); break;
    case PROP_AREA_NAME: g_value_set_string (value, self->area_name); break;
    case PROP_RATING_LABEL: g_value_set_string (value, self->rating_label); break;
    case PROP_PREVIOUS_LABEL: g_value_set_string (value, self->previous_label); break;
    case PROP_CHANGE_TEXT: g_value_set_string (value, rmm_cse_change_to_string (self->change)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_cse_entry_class_init (RmmCseEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[] = {
    NULL, "reference", "last-name", "first-name", "area-name", "rating-label",
    "previous-label", "change-text",
  };

  object_class->finalize = rmm_cse_entry_finalize;
  object_class->get_property = rmm_cse_entry_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "",
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_cse_entry_init (RmmCseEntry *self)
{
}

RmmCseEntry *
rmm_cse_entry_new (const RmmCseEntryFields *fields)
{
  RmmCseEntry *self = g_object_new (RMM_TYPE_CSE_ENTRY, NULL);

  self->child_id = fields->child_id;
  self->reference = g_strdup (fields->reference);
  self->first_name = g_strdup (fields->first_name);
  self->last_name = g_strdup (fields->last_name);
  self->area_name = g_strdup (fields->area_name);
  self->rating = g_strdup (fields->rating);
  self->rating_label = g_strdup (fields->rating_label);
  self->previous_label = g_strdup (fields->previous_label ? fields->previous_label : "");
  self->change = fields->change;
  return self;
}

/* The machine-readable words for a change, as rmmctl cse-list prints them. */
const char *
rmm_cse_change_to_string (RmmCseChange change)
{
  switch (change)
    {
    case RMM_CSE_CHANGE_ADDED: return "added";
    case RMM_CSE_CHANGE_REMOVED: return "removed";
    case RMM_CSE_CHANGE_UP: return "up";
    case RMM_CSE_CHANGE_DOWN: return "down";
    case RMM_CSE_CHANGE_NONE:
    default: return "unchanged";
    }
}

/* What a change is called on screen and on paper; "" for none. */
const char *
rmm_cse_change_label (RmmCseChange change)
{
  switch (change)
    {
    case RMM_CSE_CHANGE_ADDED: return _("Added");
    case RMM_CSE_CHANGE_REMOVED: return _("Removed");
    case RMM_CSE_CHANGE_UP: return _("Rating up");
    case RMM_CSE_CHANGE_DOWN: return _("Rating down");
    case RMM_CSE_CHANGE_NONE:
    default: return "";
    }
}

#define GETTER(type, name) \
  type rmm_cse_entry_get_##name (RmmCseEntry *self) \
  { \
    g_return_val_if_fail (RMM_IS_CSE_ENTRY (self), 0); \
    return self->name; \
  }

GETTER (gint64, child_id)
GETTER (const char *, reference)
GETTER (const char *, first_name)
GETTER (const char *, last_name)
GETTER (const char *, area_name)
GETTER (const char *, rating)
GETTER (const char *, rating_label)
GETTER (const char *, previous_label)
GETTER (RmmCseChange, change)

#undef GETTER

/* How many of @entries (RmmCseEntry) have each change, indexed by RmmCseChange. */
void
rmm_cse_entries_count_changes (GListModel *entries,
                               guint       counts[RMM_CSE_N_CHANGES])
{
  guint n = g_list_model_get_n_items (entries);

  memset (counts, 0, RMM_CSE_N_CHANGES * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RmmCseEntry) entry = g_list_model_get_item (entries, i);

      counts[rmm_cse_entry_get_change (entry)]++;
    }
}
