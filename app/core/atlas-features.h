/* atlas-features.h: what the map draws from the store, projected once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-as-of.h"
#include "atlas-geo.h"
#include "atlas-item.h"
#include "atlas-place-names.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  char    *name;
  char    *kind;        /* rail, road, oil-pipeline, gas-pipeline, multimodal */
  guint    first_point;
  guint    n_points;
  AtlasBox box;
  GArray  *statuses;    /* AtlasStatusEntry, in the order atlas_status_at() reads them */
} AtlasCorridorShape;

typedef struct
{
  gint64   id;
  char    *name;
  char    *kind;
  char    *first_day;   /* NULL: always */
  char    *last_day;    /* NULL: still */
  guint    first_point;
  guint    n_points;
  AtlasBox box;
} AtlasZoneShape;

typedef struct
{
  gint64     id;
  char      *name;
  char      *kind;
  int        rank;      /* 0 capitals .. 3 regions: lower shows from further out */
  AtlasPoint point;
  char      *labels[ATLAS_N_PLACE_NAMES];  /* its name under each rule, made once */
} AtlasPlaceMark;

/* What the map calls @place under @names. */
static inline const char *
atlas_place_mark_label (const AtlasPlaceMark *place,
                        AtlasPlaceNames       names)
{
  return place->labels[names < ATLAS_N_PLACE_NAMES ? names : ATLAS_PLACE_NAMES_BOTH];
}

#define ATLAS_TYPE_FEATURES (atlas_features_get_type ())
G_DECLARE_FINAL_TYPE (AtlasFeatures, atlas_features, ATLAS, FEATURES, GObject)

AtlasFeatures            *atlas_features_load              (AtlasStore     *store,
                                                            GError        **error);
guint                     atlas_features_get_n_corridors   (AtlasFeatures  *self);
const AtlasCorridorShape *atlas_features_get_corridor      (AtlasFeatures  *self,
                                                            guint           index);
guint                     atlas_features_get_n_zones       (AtlasFeatures  *self);
const AtlasZoneShape     *atlas_features_get_zone          (AtlasFeatures  *self,
                                                            guint           index);
guint                     atlas_features_get_n_places      (AtlasFeatures  *self);
const AtlasPlaceMark     *atlas_features_get_place         (AtlasFeatures  *self,
                                                            guint           index);
const AtlasPlaceMark     *atlas_features_find_place        (AtlasFeatures  *self,
                                                            gint64          id);
const AtlasPlaceMark     *atlas_features_find_place_named  (AtlasFeatures  *self,
                                                            const char     *folded);
const AtlasPoint         *atlas_features_get_points        (AtlasFeatures  *self);

const AtlasStatusEntry   *atlas_corridor_status_entry_at   (const AtlasCorridorShape *corridor,
                                                            const char               *day);
AtlasStatus               atlas_corridor_status_at         (const AtlasCorridorShape *corridor,
                                                            const char               *day);
gboolean                  atlas_zone_valid_at              (const AtlasZoneShape     *zone,
                                                            const char               *day);

G_END_DECLS
