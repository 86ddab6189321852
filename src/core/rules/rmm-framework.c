/* rmm-framework.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rmm-framework"

#include "config.h"

#include <gio/gio.h>

#include "rmm-core-resources.h"
#include "rmm-error.h"
#include "rmm-document-i18n.h"
#include "rmm-framework.h"

#define FRAMEWORKS_PATH "/org/rmmdesk/RmmDesk/core/frameworks"

struct _RmmFramework
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  GPtrArray *levels;   /* RmmRiskLevel, lowest first */
};

G_DEFINE_FINAL_TYPE (RmmFramework, rmm_framework, G_TYPE_OBJECT)

static void
risk_level_free (gpointer data)
{
  RmmRiskLevel *level = data;

  g_free (level->id);
  g_free (level->label);
  g_free (level->label_en);
  g_free (level->label_cy);
  g_free (level->colour);
  g_free (level);
}

static void
rmm_framework_finalize (GObject *object)
{
  RmmFramework *self = (RmmFramework *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->levels, g_ptr_array_unref);

  G_OBJECT_CLASS (rmm_framework_parent_class)->finalize (object);
}

static void
rmm_framework_class_init (RmmFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_framework_finalize;
}

static void
rmm_framework_init (RmmFramework *self)
{
  self->levels = g_ptr_array_new_with_free_func (risk_level_free);
}

/* Every key is required: a framework that leaves out whether a level needs a safety plan
 * must not load with a silent default. */
static gboolean
read_level (GKeyFile      *file,
            const char    *source_name,
            const char    *level_id,
            RmmRiskLevel **out,
            GError       **error)
{
  g_autofree char *group = g_strdup_printf ("Level %s", level_id);
  g_autoptr(GError) local_error = NULL;
  RmmRiskLevel *level = g_new0 (RmmRiskLevel, 1);
  int interval;

  level->id = g_strdup (level_id);
  level->label = g_key_file_get_locale_string (file, group, "Label", NULL, &local_error);
  if (!local_error)
    level->label_en = g_key_file_get_locale_string (file, group, "Label", "en", &local_error);
  if (!local_error)
    level->label_cy = g_key_file_get_locale_string (file, group, "Label", "cy", &local_error);
  if (!local_error)
    level->colour = g_key_file_get_string (file, group, "Colour", &local_error);
  if (!local_error)
    level->safety_plan_required = g_key_file_get_boolean (file, group, "SafetyPlanRequired",
                                                          &local_error);
  if (!local_error)
    level->cse_list = g_key_file_get_boolean (file, group, "CseList", &local_error);
  if (!local_error)
    level->strategy_meeting_required = g_key_file_get_boolean (file, group,
                                                               "StrategyMeetingRequired",
                                                               &local_error);
  if (!local_error)
    level->held_at_early_help = g_key_file_get_boolean (file, group, "HeldAtEarlyHelp",
                                                        &local_error);
  if (!local_error)
    {
      interval = g_key_file_get_integer (file, group, "ReviewIntervalDays", &local_error);
      if (!local_error && (interval < 0 || interval > 92))
        g_set_error (&local_error, RMM_ERROR, RMM_ERROR_FRAMEWORK,
                     _("ReviewIntervalDays must be between 0 and 92 (three months)"));
      level->review_interval_days = MAX (interval, 0);
    }

  if (local_error)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK, "%s, [%s]: %s",
                   source_name, group, local_error->message);
      risk_level_free (level);
      return FALSE;
    }
  *out = level;
  return TRUE;
}

RmmFramework *
rmm_framework_new_from_data (const char  *data,
                             gsize        length,
                             const char  *source_name,
                             GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(RmmFramework) self = g_object_new (RMM_TYPE_FRAMEWORK, NULL);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) level_ids = NULL;

  /* Every language's Label is kept: a document is written in its own, not the window's. */
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error) ||
      !(self->id = g_key_file_get_string (file, "Framework", "Id", &local_error)) ||
      !(self->name = g_key_file_get_locale_string (file, "Framework", "Name", NULL,
                                                   &local_error)) ||
      !(level_ids = g_key_file_get_string_list (file, "Framework", "Levels", NULL,
                                                &local_error)))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK, "%s: %s",
                   source_name, local_error->message);
      return NULL;
    }
  if (g_strv_length (level_ids) < 2)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK,
                   _("%s: a framework needs at least two levels"), source_name);
      return NULL;
    }

  for (guint i = 0; level_ids[i] != NULL; i++)
    {
      RmmRiskLevel *level;

      if (rmm_framework_find_level (self, level_ids[i]) != NULL)
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_FRAMEWORK,
                       _("%s: level “%s” is listed twice"), source_name, level_ids[i]);
          return NULL;
        }
      if (!read_level (file, source_name, level_ids[i], &level, error))
        return NULL;
      g_ptr_array_add (self->levels, level);
    }

  return g_steal_pointer (&self);
}

static GHashTable *
load_shipped (void)
{
  GHashTable *frameworks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_auto(GStrv) names = NULL;

  /* Referencing the resource links it in from the static library (and registers it). */
  if (rmm_core_get_resource () == NULL)
    g_error ("the core resources are missing from the build");
  names = g_resources_enumerate_children (FRAMEWORKS_PATH, 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", FRAMEWORKS_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      RmmFramework *framework;
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      /* Shipped files are checked by the test suite; a broken one is a build bug. */
      framework = rmm_framework_new_from_data (data, length, names[i], &error);
      if (framework == NULL)
        g_error ("%s", error->message);
      g_hash_table_insert (frameworks, framework->id, framework);
    }
  return frameworks;
}

static GHashTable *
shipped_frameworks (void)
{
  static GHashTable *frameworks;

  if (g_once_init_enter (&frameworks))
    g_once_init_leave (&frameworks, load_shipped ());
  return frameworks;
}

RmmFramework *
rmm_framework_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (shipped_frameworks (), id);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  RmmFramework *fa = *(RmmFramework **)a;
  RmmFramework *fb = *(RmmFramework **)b;

  return g_strcmp0 (fa->id, fb->id);
}

/* All shipped frameworks, in a stable order. */
GPtrArray *
rmm_framework_list_all (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, shipped_frameworks ());
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, g_object_ref (value));
  g_ptr_array_sort (list, compare_by_id);
  return list;
}

const char *
rmm_framework_get_id (RmmFramework *self)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), NULL);
  return self->id;
}

const char *
rmm_framework_get_name (RmmFramework *self)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), NULL);
  return self->name;
}

guint
rmm_framework_get_n_levels (RmmFramework *self)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), 0);
  return self->levels->len;
}

const RmmRiskLevel *
rmm_framework_get_level (RmmFramework *self,
                         guint         position)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (position < self->levels->len, NULL);
  return g_ptr_array_index (self->levels, position);
}

const RmmRiskLevel *
rmm_framework_find_level (RmmFramework *self,
                          const char   *level_id)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), NULL);

  for (guint i = 0; i < self->levels->len; i++)
    {
      RmmRiskLevel *level = g_ptr_array_index (self->levels, i);

      if (g_strcmp0 (level->id, level_id) == 0)
        return level;
    }
  return NULL;
}

static int
level_position (RmmFramework *self,
                const char   *level_id)
{
  for (guint i = 0; i < self->levels->len; i++)
    if (g_strcmp0 (((RmmRiskLevel *)g_ptr_array_index (self->levels, i))->id, level_id) == 0)
      return i;
  return -1;
}

/* Negative when @level_a is lower risk than @level_b: "raised to high" is compare > 0. */
int
rmm_framework_compare (RmmFramework *self,
                       const char   *level_a,
                       const char   *level_b)
{
  g_return_val_if_fail (RMM_IS_FRAMEWORK (self), 0);
  return level_position (self, level_a) - level_position (self, level_b);
}

/**
 * rmm_risk_level_describe:
 *
 * The level's label as people read it: in the language of the document being built, if one
 * is (its own words from its data file, Label and Label[cy]); else in the window's.
 */
const char *
rmm_risk_level_describe (const RmmRiskLevel *level)
{
  g_autofree char *both = NULL;

  switch (rmm_document_language_get_current ())
    {
    case RMM_DOCUMENT_LANGUAGE_ENGLISH:
      return level->label_en;
    case RMM_DOCUMENT_LANGUAGE_WELSH:
      return level->label_cy;
    case RMM_DOCUMENT_LANGUAGE_BOTH:
      /* Interned, as a framework's labels live as long as the process. */
      both = g_strdup_printf ("%s / %s", level->label_cy, level->label_en);
      return g_intern_string (both);
    case RMM_DOCUMENT_LANGUAGE_DEFAULT:
    default:
      return level->label;
    }
}

/* A rating as people read it: the level's label (rmm_risk_level_describe ()); "Not rated"
 * for none; an unknown id as it is. @self may be NULL (an area whose framework is missing). */
const char *
rmm_framework_describe_level (RmmFramework *self,
                              const char   *level_id)
{
  const RmmRiskLevel *level = self ? rmm_framework_find_level (self, level_id) : NULL;

  if (level != NULL)
    return rmm_risk_level_describe (level);
  return level_id == NULL || *level_id == '\0' ? _("Not rated") : level_id;
}
