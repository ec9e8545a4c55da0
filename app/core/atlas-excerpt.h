/* atlas-excerpt.h: a quoted passage and where it comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXCERPT (atlas_excerpt_get_type ())
G_DECLARE_FINAL_TYPE (AtlasExcerpt, atlas_excerpt, ATLAS, EXCERPT, AtlasRecord)

AtlasExcerpt *atlas_excerpt_load              (AtlasStore    *store,
                                               gint64         id,
                                               GError       **error);
AtlasExcerpt *atlas_excerpt_new_unreadable    (gint64         id,
                                               const char    *reason);
gint64        atlas_excerpt_get_id            (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_key           (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_text          (AtlasExcerpt  *self);
int           atlas_excerpt_get_position      (AtlasExcerpt  *self);
gint64        atlas_excerpt_get_source_id     (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_source_title  (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_author        (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_publication   (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_source_date   (AtlasExcerpt  *self);
gboolean      atlas_excerpt_get_reference     (AtlasExcerpt  *self);
const char   *atlas_excerpt_get_source_url    (AtlasExcerpt  *self);
char         *atlas_excerpt_dup_words         (AtlasExcerpt  *self);
char         *atlas_excerpt_dup_attribution   (AtlasExcerpt  *self);

G_END_DECLS
