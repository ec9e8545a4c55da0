/* atlas-listing-private.h: what the listings of each kind share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-csv.h"
#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

const char *atlas_listing_column_text  (sqlite3_stmt       *stmt,
                                        int                 column,
                                        GPtrArray          *repaired);
gboolean    atlas_listing_write_events (AtlasStore         *store,
                                        const AtlasFilter  *filter,
                                        AtlasCsvWriter     *writer,
                                        GError            **error);

G_END_DECLS
