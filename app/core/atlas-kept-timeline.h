/* atlas-kept-timeline.h: every event's timeline row, kept to filter in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

void      atlas_query_keep_timeline     (AtlasStore         *store,
                                         GArray             *timeline,
                                         GArray             *event_ids,
                                         GArray             *event_places);
gboolean  atlas_query_has_kept_timeline (AtlasStore         *store);
gboolean  atlas_query_ref_kept_events   (AtlasStore         *store,
                                         GArray            **timeline,
                                         GArray            **event_ids,
                                         GArray            **event_places);
GArray   *atlas_query_filter_kept_timeline (AtlasStore      *store,
                                         const AtlasFilter  *filter,
                                         GError            **error);
void      atlas_query_forget_timeline   (AtlasStore         *store);

G_END_DECLS
