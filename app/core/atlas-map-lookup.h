/* atlas-map-lookup.h: what the map's clicks, hovers and place search read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-basemap.h"
#include "atlas-features.h"
#include "atlas-item.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* A place the search found, as its list shows it. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *kicker;  /* kind and country: "Town · Armenia" */
} AtlasPlaceMatch;

void       atlas_place_match_free           (AtlasPlaceMatch  *match);

gboolean   atlas_map_lookup_resolve_country (AtlasStore       *store,
                                             AtlasBasemap     *basemap,
                                             const AtlasItem  *item,
                                             AtlasItem        *resolved,
                                             GError          **error);
char      *atlas_map_lookup_tooltip         (AtlasStore       *store,
                                             const AtlasItem  *item,
                                             const char       *day,
                                             AtlasPlaceNames   names,
                                             GError          **error);
GPtrArray *atlas_map_lookup_places          (AtlasStore       *store,
                                             const char       *text,
                                             guint             max,
                                             AtlasPlaceNames   names,
                                             GError          **error);
gboolean   atlas_map_lookup_item_box        (AtlasStore       *store,
                                             AtlasFeatures    *features,
                                             const AtlasItem  *item,
                                             const AtlasBox   *events_box,
                                             AtlasBox         *box,
                                             GError          **error);
gboolean   atlas_map_lookup_target_name     (AtlasStore       *store,
                                             const AtlasItem  *item,
                                             AtlasPlaceNames   names,
                                             char            **name,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPlaceMatch, atlas_place_match_free)

G_END_DECLS
