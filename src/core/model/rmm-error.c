/* rmm-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rmm-error.h"

G_DEFINE_QUARK (rmm-error-quark, rmm_error)
