/* rmm-area.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-area"

#include "config.h"

#include "rmm-area.h"

struct _RmmArea
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *framework_id;
  guint    n_children;
};

G_DEFINE_FINAL_TYPE (RmmArea, rmm_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FRAMEWORK_ID,
  PROP_N_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rmm_area_finalize (GObject *object)
{
  RmmArea *self = (RmmArea *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->framework_id, g_free);

  G_OBJECT_CLASS (rmm_area_parent_class)->finalize (object);
}

static void
rmm_area_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RmmArea *self = RMM_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FRAMEWORK_ID:
      g_value_set_string (value, self->framework_id);
      break;
    case PROP_N_CHILDREN:
      g_value_set_uint (value, self->n_children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rmm_area_class_init (RmmAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rmm_area_finalize;
  object_class->get_property = rmm_area_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK_ID] =
    g_param_spec_string ("framework-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CHILDREN] =
    g_param_spec_uint ("n-children", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rmm_area_init (RmmArea *self)
{
}

RmmArea *
rmm_area_new (gint64      id,
              const char *name,
              const char *framework_id,
              guint       n_children)
{
  RmmArea *self = g_object_new (RMM_TYPE_AREA, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->framework_id = g_strdup (framework_id);
  self->n_children = n_children;
  return self;
}

gint64
rmm_area_get_id (RmmArea *self)
{
  g_return_val_if_fail (RMM_IS_AREA (self), 0);
  return self->id;
}

const char *
rmm_area_get_name (RmmArea *self)
{
  g_return_val_if_fail (RMM_IS_AREA (self), NULL);
  return self->name;
}

const char *
rmm_area_get_framework_id (RmmArea *self)
{
  g_return_val_if_fail (RMM_IS_AREA (self), NULL);
  return self->framework_id;
}

guint
rmm_area_get_n_children (RmmArea *self)
{
  g_return_val_if_fail (RMM_IS_AREA (self), 0);
  return self->n_children;
}
