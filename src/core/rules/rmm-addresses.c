/* rmm-addresses.c: what an email address and a recipient domain are, and which domains a
 * document may go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deliberately narrower than RFC 5322: the addresses a council, the NHS, the police and
 * schools give their staff (name.surname@team.example.gov.uk), in plain ASCII. An address
 * that is odd enough to need quoting is far more likely a typing slip than a real colleague,
 * and the cost of a slip here is a child's plan in a stranger's inbox.
 */
#define G_LOG_DOMAIN "rmm-addresses"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-addresses.h"

#define LOCAL_PART_MAX 64
#define DOMAIN_MAX     253
#define LABEL_MAX      63

static gboolean
is_label_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/**
 * rmm_address_why_not_domain:
 *
 * A domain is two or more dot-separated labels of letters, digits and hyphens ("nhs.net",
 * "surrey.police.uk"), none starting or ending with a hyphen, in lower case.
 *
 * Returns: (nullable): why @domain is not one, or NULL when it is
 */
const char *
rmm_address_why_not_domain (const char *domain)
{
  g_auto(GStrv) labels = NULL;

  if (domain == NULL || *domain == '\0')
    return _("a domain is needed");
  if (strlen (domain) > DOMAIN_MAX)
    return _("a domain is at most 253 characters");
  for (const char *p = domain; *p; p++)
    if (!is_label_char (*p) && *p != '.')
      return _("a domain has only letters, digits, hyphens and dots");
    else if (g_ascii_isupper (*p))
      return _("a domain is written in lower case");
  labels = g_strsplit (domain, ".", -1);
  if (g_strv_length (labels) < 2)
    return _("a domain has at least two parts, such as nhs.net");
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > LABEL_MAX || labels[i][0] == '-' ||
          labels[i][length - 1] == '-')
        return _("each part of a domain is 1 to 63 letters, digits or hyphens, not starting "
                 "or ending with a hyphen");
    }
  return NULL;
}

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || strchr (".!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

/**
 * rmm_address_why_not_email:
 *
 * An address is a local part (letters, digits and the usual punctuation, no two dots
 * running, none at either end) and a domain, joined by one "@", with no spaces.
 *
 * Returns: (nullable): why @address is not one, or NULL when it is
 */
const char *
rmm_address_why_not_email (const char *address)
{
  const char *at;
  g_autofree char *domain = NULL;
  gsize local;

  if (address == NULL || *address == '\0')
    return _("no email address");
  if (!(at = strchr (address, '@')) || strchr (at + 1, '@') != NULL)
    return _("an email address has exactly one @");
  local = at - address;
  if (local == 0 || local > LOCAL_PART_MAX)
    return _("an email address has 1 to 64 characters before the @");
  for (const char *p = address; p < at; p++)
    if (!is_local_char (*p))
      return _("an email address has no spaces or unusual characters before the @");
  /* A mail client takes an argument starting with "-" for an option. */
  if (address[0] == '-')
    return _("an email address does not begin with a hyphen");
  if (address[0] == '.' || at[-1] == '.' || g_strstr_len (address, local, "..") != NULL)
    return _("an email address has no dot at either end of its name, nor two together");
  domain = g_ascii_strdown (at + 1, -1);
  return rmm_address_why_not_domain (domain);
}

/* @address's domain, in lower case ("Team.Example.GOV.UK" → "team.example.gov.uk"); NULL
 * for no address. */
char *
rmm_address_get_domain (const char *address)
{
  const char *at = address ? strrchr (address, '@') : NULL;

  return at ? g_ascii_strdown (at + 1, -1) : NULL;
}

/* A domain as typed ("@NHS.net ", "nhs.net.") as it is kept: trimmed, without a leading @
 * or a trailing dot, in lower case. */
char *
rmm_address_normalize_domain (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *start = trimmed;
  gsize length;

  if (*start == '@')
    start++;
  length = strlen (start);
  if (length > 0 && start[length - 1] == '.')
    length--;
  return g_ascii_strdown (start, length);
}

/**
 * rmm_address_is_allowed:
 *
 * Whether @address (a valid one) goes to one of @allowed_domains or a domain under one:
 * "police.uk" allows "a.b@surrey.police.uk", never "a.b@notpolice.uk".
 */
gboolean
rmm_address_is_allowed (const char         *address,
                        const char * const *allowed_domains)
{
  g_autofree char *domain = rmm_address_get_domain (address);
  gsize length;

  if (domain == NULL || allowed_domains == NULL)
    return FALSE;
  length = strlen (domain);
  for (guint i = 0; allowed_domains[i] != NULL; i++)
    {
      const char *allowed = allowed_domains[i];
      gsize allowed_length = strlen (allowed);

      if (g_str_equal (domain, allowed) ||
          (length > allowed_length && g_str_has_suffix (domain, allowed) &&
           domain[length - allowed_length - 1] == '.'))
        return TRUE;
    }
  return FALSE;
}
