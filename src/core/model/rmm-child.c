/* rmm-child.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-child"

#include "config.h"

#include "rmm-child.h"

struct _RmmChild
{
  GObject  parent_instance;

  gint64   id;
  char    *reference;
  char    *first_name;
  char    *last_name;
  char    *date_of_birth;
  char    *area_name;
  char    *rating;       /* current confirmed level id, or "" */
  char    *school;
  char    *rating_label;
};

G_DEFINE_FINAL_TYPE (RmmChild, rmm_child, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_AREA_NAME,
  PROP_RATING,
  PROP_SCHOOL,
  PROP_RATING_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_child_finalize (GObject *object)
{
  RmmChild *self = (RmmChild *)object;

  g_free (self->reference);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->date_of_birth);
  g_free (self->area_name);
  g_free (self->rating);
  g_free (self->school);
  g_free (self->rating_label);

  G_OBJECT_CLASS (rmm_child_parent_class)->finalize (object);
}

static char **
string_slot (RmmChild *self,
             guint     prop_id)
{
  switch (prop_id)
    {
    case PROP_REFERENCE: return &self->reference;
    case PROP_FIRST_NAME: return &self->first_name;
    case PROP_LAST_NAME: return &self->last_name;
    case PROP_DATE_OF_BIRTH: return &self->date_of_birth;
    case PROP_AREA_NAME: return &self->area_name;
    case PROP_RATING: return &self->rating;
    case PROP_SCHOOL: return &self->school;
    case PROP_RATING_LABEL: return &self->rating_label;
    default: return NULL;
    }
}

static void
rmm_child_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RmmChild *self = RMM_CHILD (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_child_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RmmChild *self = RMM_CHILD (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
    }
  else if (prop_id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rmm_child_class_init (RmmChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  static const char *names[] = {
    NULL, NULL, "reference", "first-name", "last-name", "date-of-birth", "area-name", "rating",
    "school", "rating-label",
  };

  object_class->finalize = rmm_child_finalize;
  object_class->get_property = rmm_child_get_property;
  object_class->set_property = rmm_child_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint i = PROP_REFERENCE; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_child_init (RmmChild *self)
{
}

gint64
rmm_child_get_id (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), 0);
  return self->id;
}

const char *
rmm_child_get_reference (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->reference;
}

const char *
rmm_child_get_first_name (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->first_name;
}

const char *
rmm_child_get_last_name (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->last_name;
}

const char *
rmm_child_get_date_of_birth (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->date_of_birth;
}

const char *
rmm_child_get_area_name (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->area_name;
}

/* The rating as its framework calls it ("High", "3 Moderate risk"), or "". */
const char *
rmm_child_get_rating_label (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->rating_label;
}

const char *
rmm_child_get_school (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->school;
}

const char *
rmm_child_get_rating (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return self->rating;
}

/* "A.B.": what the projector shows unless the chair reveals the name. */
char *
rmm_child_initials (const char *first_name,
                    const char *last_name)
{
  GString *initials = g_string_new (NULL);
  const char *names[] = { first_name, last_name };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && *names[i] != '\0')
      {
        g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (names[i])));
        g_string_append_c (initials, '.');
      }
  return g_string_free (initials, FALSE);
}

char *
rmm_child_dup_initials (RmmChild *self)
{
  g_return_val_if_fail (RMM_IS_CHILD (self), NULL);
  return rmm_child_initials (self->first_name, self->last_name);
}
