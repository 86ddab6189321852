/* rmm-trigger-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/triggers/default.ini ships the default rules; an installation replaces the whole set
 * with $XDG_CONFIG_HOME/rmm-desk/triggers.ini. A file with anything wrong is refused whole,
 * naming the rule and key, so a typo never silently switches a rule off.
 */
#define G_LOG_DOMAIN "rmm-trigger-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "rmm-core-resources.h"
#include "rmm-document-language.h"
#include "rmm-error.h"
#include "rmm-trigger-rules.h"

#define DEFAULT_RULES "/org/rmmdesk/RmmDesk/core/triggers/default.ini"
#define RULE_PREFIX "Rule "

struct _RmmTriggerRules
{
  GObject  parent_instance;
  GArray  *rules;     /* RmmTriggerRule */
};

G_DEFINE_FINAL_TYPE (RmmTriggerRules, rmm_trigger_rules, G_TYPE_OBJECT)

static void
rule_clear (RmmTriggerRule *rule)
{
  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->title_en);
  g_free (rule->title_cy);
  g_free (rule->explanation);
  g_strfreev (rule->note_kinds);
}

static void
rmm_trigger_rules_finalize (GObject *object)
{
  RmmTriggerRules *self = RMM_TRIGGER_RULES (object);

  g_array_unref (self->rules);

  G_OBJECT_CLASS (rmm_trigger_rules_parent_class)->finalize (object);
}

static void
rmm_trigger_rules_class_init (RmmTriggerRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rmm_trigger_rules_finalize;
}

static void
rmm_trigger_rules_init (RmmTriggerRules *self)
{
  self->rules = g_array_new (FALSE, TRUE, sizeof (RmmTriggerRule));
  g_array_set_clear_func (self->rules, (GDestroyNotify)rule_clear);
}

static gboolean
fail (GError     **error,
      const char  *source,
      const char  *rule,
      const char  *key,
      const char  *what)
{
  g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("%s, rule “%s”, %s: %s"), source, rule,
               key, what);
  return FALSE;
}

/* @key's text in @locale (NULL: the window's); the untranslated text if it has none there. */
static char *
required_text_in (GKeyFile    *file,
                  const char  *group,
                  const char  *key,
                  const char  *locale,
                  const char  *source,
                  GError     **error)
{
  g_autofree char *value = g_key_file_get_locale_string (file, group, key, locale, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      fail (error, source, group + strlen (RULE_PREFIX), key, _("missing or empty"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
required_text (GKeyFile    *file,
               const char  *group,
               const char  *key,
               const char  *source,
               GError     **error)
{
  return required_text_in (file, group, key, NULL, source, error);
}

static gboolean
read_enum (GKeyFile    *file,
           const char  *group,
           const char  *key,
           const char  *source,
           const char **names,
           int         *value,
           GError     **error)
{
  g_autofree char *text = required_text (file, group, key, source, error);

  if (text == NULL)
    return FALSE;
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (text, names[i]))
      {
        *value = i;
        return TRUE;
      }
  return fail (error, source, group + strlen (RULE_PREFIX), key, _("not a known value"));
}

static gboolean
read_positive (GKeyFile    *file,
               const char  *group,
               const char  *key,
               const char  *source,
               guint       *value,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int number = g_key_file_get_integer (file, group, key, &local_error);

  if (local_error != NULL || number < 1 || number > 366)
    return fail (error, source, group + strlen (RULE_PREFIX), key,
                 _("needs a whole number from 1 to 366"));
  *value = number;
  return TRUE;
}

static gboolean
read_rule (GKeyFile        *file,
           const char      *group,
           const char      *source,
           RmmTriggerRule  *rule,
           GError         **error)
{
  static const char *facts[] = { "decision", "missing_episode", "information_note", NULL };
  static const char *targets[] = { "next-meeting", "same-working-day", NULL };
  const char *id = group + strlen (RULE_PREFIX);
  int kind = 0, target = 0;

  rule->id = g_strdup (id);
  if (*id == '\0')
    return fail (error, source, id, "[Rule]", _("needs an id"));
  if (!(rule->title = required_text (file, group, "Title", source, error)) ||
      !(rule->title_en = required_text_in (file, group, "Title", "en", source, error)) ||
      !(rule->title_cy = required_text_in (file, group, "Title", "cy", source, error)) ||
      !(rule->explanation = required_text (file, group, "Explanation", source, error)) ||
      !read_enum (file, group, "Facts", source, facts, &kind, error) ||
      !read_enum (file, group, "Target", source, targets, &target, error))
    return FALSE;
  rule->facts = kind;
  rule->target = target;
  if (rule->facts == RMM_TRIGGER_FACTS_MISSING_EPISODE)
    return read_positive (file, group, "Count", source, &rule->count, error) &&
           read_positive (file, group, "Days", source, &rule->days, error);
  if (rule->facts == RMM_TRIGGER_FACTS_INFORMATION_NOTE)
    {
      rule->note_kinds = g_key_file_get_string_list (file, group, "NoteKinds", NULL, NULL);
      if (rule->note_kinds == NULL || rule->note_kinds[0] == NULL)
        return fail (error, source, id, "NoteKinds", _("needs at least one kind of note"));
    }
  return TRUE;
}

RmmTriggerRules *
rmm_trigger_rules_new_from_data (const char  *data,
                                 gsize        length,
                                 const char  *source_name,
                                 GError     **error)
{
  g_autoptr(RmmTriggerRules) self = g_object_new (RMM_TYPE_TRIGGER_RULES, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  /* Every language's Title is kept: a document is written in its own, not the window's. */
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("%s: %s"), source_name,
                   local_error->message);
      return NULL;
    }
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      RmmTriggerRule rule = { 0 };

      if (!g_str_has_prefix (groups[i], RULE_PREFIX))
        {
          g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID,
                       _("%s: “[%s]” is not a rule: groups are [Rule ID]"), source_name,
                       groups[i]);
          return NULL;
        }
      if (rmm_trigger_rules_find (self, groups[i] + strlen (RULE_PREFIX)) != NULL)
        {
          fail (error, source_name, groups[i] + strlen (RULE_PREFIX), "[Rule]",
                _("appears twice"));
          return NULL;
        }
      if (!read_rule (file, groups[i], source_name, &rule, error))
        {
          rule_clear (&rule);
          return NULL;
        }
      g_array_append_val (self->rules, rule);
    }
  if (self->rules->len == 0)
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_INVALID, _("%s: there are no rules"), source_name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

char *
rmm_trigger_rules_override_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "rmm-desk", "triggers.ini", NULL);
}

/* The rules RMM Desk ships. */
RmmTriggerRules *
rmm_trigger_rules_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (rmm_core_get_resource () == NULL ||
      !(bytes = g_resources_lookup_data (DEFAULT_RULES, 0, error)))
    return NULL;
  return rmm_trigger_rules_new_from_data (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), "triggers/default.ini",
                                          error);
}

/* The installation's rules if it has its own file, else the default set. */
RmmTriggerRules *
rmm_trigger_rules_load (GError **error)
{
  g_autofree char *path = rmm_trigger_rules_override_path ();
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_get_contents (path, &contents, &length, NULL))
    return rmm_trigger_rules_new_from_data (contents, length, path, error);
  return rmm_trigger_rules_load_default (error);
}

guint
rmm_trigger_rules_get_n_rules (RmmTriggerRules *self)
{
  g_return_val_if_fail (RMM_IS_TRIGGER_RULES (self), 0);
  return self->rules->len;
}

const RmmTriggerRule *
rmm_trigger_rules_get_rule (RmmTriggerRules *self,
                            guint            position)
{
  g_return_val_if_fail (RMM_IS_TRIGGER_RULES (self), NULL);
  g_return_val_if_fail (position < self->rules->len, NULL);
  return &g_array_index (self->rules, RmmTriggerRule, position);
}

const RmmTriggerRule *
rmm_trigger_rules_find (RmmTriggerRules *self,
                        const char      *id)
{
  g_return_val_if_fail (RMM_IS_TRIGGER_RULES (self), NULL);

  for (guint i = 0; i < self->rules->len; i++)
    if (g_strcmp0 (g_array_index (self->rules, RmmTriggerRule, i).id, id) == 0)
      return &g_array_index (self->rules, RmmTriggerRule, i);
  return NULL;
}

/**
 * rmm_trigger_rule_describe:
 *
 * The rule's title in the language of the document being built, if one is (Title and
 * Title[cy] in its data file); else in the window's.
 */
const char *
rmm_trigger_rule_describe (const RmmTriggerRule *rule)
{
  g_autofree char *both = NULL;

  switch (rmm_document_language_get_current ())
    {
    case RMM_DOCUMENT_LANGUAGE_ENGLISH:
      return rule->title_en;
    case RMM_DOCUMENT_LANGUAGE_WELSH:
      return rule->title_cy;
    case RMM_DOCUMENT_LANGUAGE_BOTH:
      both = g_strdup_printf ("%s / %s", rule->title_cy, rule->title_en);
      return g_intern_string (both);
    case RMM_DOCUMENT_LANGUAGE_DEFAULT:
    default:
      return rule->title;
    }
}
