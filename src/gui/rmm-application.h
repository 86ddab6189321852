/* rmm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RMM_TYPE_APPLICATION (rmm_application_get_type ())
G_DECLARE_FINAL_TYPE (RmmApplication, rmm_application, RMM, APPLICATION, AdwApplication)

RmmApplication *rmm_application_new (void);

G_END_DECLS
