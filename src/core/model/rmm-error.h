/* rmm-error.h: the project's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RMM_ERROR (rmm_error_quark ())

typedef enum
{
  RMM_ERROR_FAILED,
  RMM_ERROR_NOT_FOUND,
  RMM_ERROR_INVALID,          /* a value given by the user is wrong */
  RMM_ERROR_NO_FOLDER,        /* the database's folder does not exist */
  RMM_ERROR_IS_FOLDER,        /* a folder was given as the database */
  RMM_ERROR_NOT_DATABASE,     /* not an SQLite file, or damaged */
  RMM_ERROR_EMPTY_FILE,       /* zero bytes: possibly truncated */
  RMM_ERROR_FOREIGN,          /* an SQLite database of another program */
  RMM_ERROR_NEWER_SCHEMA,     /* written by a newer RMM Desk */
  RMM_ERROR_READ_ONLY,
  RMM_ERROR_LOCKED,
  RMM_ERROR_EXISTS,
  RMM_ERROR_CONSTRAINT,       /* the store refused a change that breaks a rule */
  RMM_ERROR_IMMUTABLE,        /* a confirmed record cannot be changed */
  RMM_ERROR_CHECK_FAILED,     /* integrity, foreign keys or the audit chain */
  RMM_ERROR_IO,
  RMM_ERROR_FRAMEWORK,        /* a risk framework file is wrong */
  RMM_ERROR_CONFLICT,         /* someone else saved the same record first */
  RMM_ERROR_EXPOSED,          /* the database file can be read by other users */
} RmmError;

GQuark rmm_error_quark (void);

G_END_DECLS
