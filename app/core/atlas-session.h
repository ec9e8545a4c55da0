/* atlas-session.h: the one shared state that links every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-item.h"
#include "atlas-place-names.h"
#include "atlas-results.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SESSION (atlas_session_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSession, atlas_session, ATLAS, SESSION, GObject)

AtlasSession      *atlas_session_new             (AtlasStore        *store);
AtlasStore        *atlas_session_get_store       (AtlasSession      *self);
const AtlasFilter *atlas_session_get_filter      (AtlasSession      *self);
void               atlas_session_set_filter      (AtlasSession      *self,
                                                  const AtlasFilter *filter);
AtlasResults      *atlas_session_get_results     (AtlasSession      *self);
void               atlas_session_find_in_background (AtlasSession     *self);
const AtlasItem   *atlas_session_get_selection   (AtlasSession      *self);
void               atlas_session_set_selection   (AtlasSession      *self,
                                                  const AtlasItem   *selection);
void               atlas_session_select          (AtlasSession      *self,
                                                  AtlasItemKind      kind,
                                                  gint64             id);
const char        *atlas_session_get_date        (AtlasSession      *self);
void               atlas_session_set_date        (AtlasSession      *self,
                                                  const char        *date);
gboolean           atlas_session_get_events_as_of (AtlasSession     *self);
void               atlas_session_set_events_as_of (AtlasSession     *self,
                                                  gboolean           events_as_of);
void               atlas_session_get_map_view    (AtlasSession      *self,
                                                  double            *latitude,
                                                  double            *longitude,
                                                  double            *zoom);
void               atlas_session_set_map_view    (AtlasSession      *self,
                                                  double             latitude,
                                                  double             longitude,
                                                  double             zoom);
AtlasPlaceNames    atlas_session_get_place_names (AtlasSession      *self);
void               atlas_session_set_place_names (AtlasSession      *self,
                                                  AtlasPlaceNames    place_names);

G_END_DECLS
