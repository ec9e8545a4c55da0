/* atlas-passages.h: the excerpts behind a filter's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

GArray   *atlas_query_excerpts           (AtlasStore         *store,
                                          const AtlasFilter  *filter,
                                          GError            **error);
GArray   *atlas_query_excerpts_behind    (AtlasStore         *store,
                                          const AtlasFilter  *filter,
                                          const GArray       *event_ids,
                                          GError            **error);
void      atlas_query_forget_passages    (AtlasStore         *store);

G_END_DECLS
