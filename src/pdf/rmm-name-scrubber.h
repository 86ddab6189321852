/* rmm-name-scrubber.h: children's names taken out of typed text for an anonymised document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RmmNameScrubber RmmNameScrubber;

RmmNameScrubber *rmm_name_scrubber_new              (void);
void             rmm_name_scrubber_free             (RmmNameScrubber *self);
void             rmm_name_scrubber_add_child        (RmmNameScrubber *self,
                                                     gint64           child_id,
                                                     const char      *first_name,
                                                     const char      *last_name);
void             rmm_name_scrubber_add_professional (RmmNameScrubber *self,
                                                     const char      *full_name);
void             rmm_name_scrubber_set_word_list    (RmmNameScrubber *self,
                                                     const char      *path);
char            *rmm_name_scrubber_apply            (RmmNameScrubber *self,
                                                     gint64           child_id,
                                                     const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RmmNameScrubber, rmm_name_scrubber_free)

G_END_DECLS
