/* atlas-passage.h: a quoted passage as the details panel shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-excerpt.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PASSAGE (atlas_passage_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPassage, atlas_passage, ATLAS, PASSAGE, GObject)

AtlasPassage *atlas_passage_new          (AtlasExcerpt *excerpt,
                                          const char   *words);
AtlasExcerpt *atlas_passage_get_excerpt  (AtlasPassage *self);
const char   *atlas_passage_get_citation (AtlasPassage *self);

G_END_DECLS
