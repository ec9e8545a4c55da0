/* atlas-results.h: what the session's filter finds, computed once for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-item.h"
#include "atlas-participation.h"
#include "atlas-query.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RESULTS (atlas_results_get_type ())
G_DECLARE_FINAL_TYPE (AtlasResults, atlas_results, ATLAS, RESULTS, GObject)

AtlasResults      *atlas_results_new              (AtlasStore        *store);
gboolean           atlas_results_update           (AtlasResults      *self,
                                                   const AtlasFilter *filter,
                                                   GError           **error);
gboolean           atlas_results_refresh          (AtlasResults      *self,
                                                   GError           **error);
gboolean           atlas_results_find_in_background (AtlasResults *self);
gboolean           atlas_results_get_busy         (AtlasResults      *self);
gboolean           atlas_results_get_ready        (AtlasResults      *self);
const AtlasFilter *atlas_results_get_filter       (AtlasResults      *self);
const GError      *atlas_results_get_error        (AtlasResults      *self);

guint              atlas_results_get_n_events     (AtlasResults      *self);
GArray            *atlas_results_get_event_ids    (AtlasResults      *self);
GArray            *atlas_results_get_timeline     (AtlasResults      *self);
GArray            *atlas_results_get_event_places (AtlasResults      *self);
gboolean           atlas_results_has_counts       (AtlasResults      *self);
guint              atlas_results_get_actor_count  (AtlasResults      *self,
                                                   gint64             actor_id);
GArray            *atlas_results_get_excerpt_ids  (AtlasResults      *self);
GArray            *atlas_results_get_item_event_ids (AtlasResults    *self,
                                                   const AtlasItem   *item,
                                                   GError           **error);
GHashTable        *atlas_results_get_item_events  (AtlasResults      *self,
                                                   const AtlasItem   *item,
                                                   GError           **error);
AtlasEventActors  *atlas_results_get_event_actors (AtlasResults      *self);

G_END_DECLS
