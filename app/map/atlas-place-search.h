/* atlas-place-search.h: finds a place on the map by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE_SEARCH (atlas_place_search_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPlaceSearch, atlas_place_search, ATLAS, PLACE_SEARCH, GtkWidget)

AtlasSession *atlas_place_search_get_session (AtlasPlaceSearch *self);
void          atlas_place_search_set_session (AtlasPlaceSearch *self,
                                              AtlasSession     *session);

G_END_DECLS
