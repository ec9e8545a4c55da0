/* atlas-listing.h: the records of one kind as CSV, for `caucasus-atlas --list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_LISTING_ACTORS,
  ATLAS_LISTING_PLACES,
  ATLAS_LISTING_CORRIDORS,
  ATLAS_LISTING_EVENTS,
  ATLAS_LISTING_EXCERPTS,
  ATLAS_LISTING_SOURCES,
  ATLAS_LISTING_ZONES,
  ATLAS_LISTING_STATUSES,
  ATLAS_LISTING_RELATIONS,
  ATLAS_N_LISTINGS,
} AtlasListing;

gboolean atlas_listing_from_string (const char         *name,
                                    AtlasListing       *listing);
gboolean atlas_listing_is_filtered (AtlasListing        listing);
gboolean atlas_listing_takes_date  (AtlasListing        listing);
gboolean atlas_listing_write       (AtlasStore         *store,
                                    AtlasListing        listing,
                                    const AtlasFilter  *filter,
                                    const char         *day,
                                    GOutputStream      *out,
                                    GError            **error);

G_END_DECLS
