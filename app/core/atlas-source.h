/* atlas-source.h: an article that excerpts quote, and where it was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCE (atlas_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSource, atlas_source, ATLAS, SOURCE, AtlasRecord)

AtlasSource *atlas_source_load                 (AtlasStore  *store,
                                                gint64       id,
                                                GError     **error);
AtlasSource *atlas_source_new_unreadable       (gint64       id,
                                                const char  *reason);
const char  *atlas_source_get_title            (AtlasSource *self);
const char  *atlas_source_get_author           (AtlasSource *self);
const char  *atlas_source_get_publication      (AtlasSource *self);
const char  *atlas_source_get_date             (AtlasSource *self);
gboolean     atlas_source_get_date_approximate (AtlasSource *self);
const char  *atlas_source_get_url              (AtlasSource *self);
const char  *atlas_source_get_document         (AtlasSource *self);
int          atlas_source_get_document_line    (AtlasSource *self);

G_END_DECLS
