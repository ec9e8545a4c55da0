/* atlas-basemap.h: the bundled country, province and lake outlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-geo.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_BASEMAP_COUNTRY,
  ATLAS_BASEMAP_PROVINCE,
  ATLAS_BASEMAP_LAKE,
} AtlasBasemapKind;

typedef struct
{
  guint     first_point;
  guint     n_points;
  gboolean  hole;
  AtlasBox  box;
} AtlasBasemapRing;

typedef struct
{
  AtlasBasemapKind  kind;
  char             *id;
  char             *name;
  char             *parent;      /* a province's country ("051 ARM Armenia"), or NULL */
  char             *alt_name;    /* another name (GeoNames'), or NULL */
  char             *folded;      /* the name folded, to find a place of ours of that name */
  gboolean          coarse;      /* from the world outlines for low zooms */
  gboolean          detailed;    /* coarse, but the region's outlines have it in detail */
  guint             first_ring;
  guint             n_rings;
  AtlasBox          box;
  AtlasPoint        label;       /* the centroid of its largest outer ring, for its name */
} AtlasBasemapFeature;

#define ATLAS_TYPE_BASEMAP (atlas_basemap_get_type ())
G_DECLARE_FINAL_TYPE (AtlasBasemap, atlas_basemap, ATLAS, BASEMAP, GObject)

AtlasBasemap              *atlas_basemap_new            (void);
gboolean                   atlas_basemap_add_bytes      (AtlasBasemap     *self,
                                                         const char       *name,
                                                         GBytes           *bytes,
                                                         GError          **error);
AtlasBasemap              *atlas_basemap_get_bundled    (void);
void                       atlas_basemap_link_details   (AtlasBasemap     *self);
guint                      atlas_basemap_get_n_features (AtlasBasemap     *self);
const AtlasBasemapFeature *atlas_basemap_get_feature    (AtlasBasemap     *self,
                                                         guint             index);
const AtlasBasemapRing    *atlas_basemap_get_ring       (AtlasBasemap     *self,
                                                         guint             index);
const AtlasPoint          *atlas_basemap_get_points     (AtlasBasemap     *self);
gboolean                   atlas_basemap_feature_contains (AtlasBasemap   *self,
                                                         guint             index,
                                                         AtlasPoint        point);
int                        atlas_basemap_find           (AtlasBasemap     *self,
                                                         AtlasBasemapKind  kind,
                                                         AtlasPoint        point);

G_END_DECLS
