/* rmm-demo.h: a deterministic database of fictitious people, for demos, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rmm-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_children;
  guint    years;
  guint32  seed;
  GDate    today;     /* the demo's "now": meetings up to next week, history before */
} RmmDemoOptions;

void       rmm_demo_options_init (RmmDemoOptions        *options);
gboolean   rmm_demo_generate     (RmmStore              *store,
                                  const RmmDemoOptions  *options,
                                  GError               **error);
RmmStore  *rmm_demo_create       (const char            *path,
                                  const RmmDemoOptions  *options,
                                  gboolean               replace,
                                  GError               **error);

G_END_DECLS
