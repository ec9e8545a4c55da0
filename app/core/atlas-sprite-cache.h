/* atlas-sprite-cache.h: labels, dots and glyphs drawn once and then only copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The marks of places and events, each drawn once a scale. */
typedef enum
{
  ATLAS_MARK_CAPITAL,
  ATLAS_MARK_TOWN,
  ATLAS_MARK_EVENT,
  ATLAS_MARK_EVENT_SELECTED,
  ATLAS_MARK_EVENT_EARLIER,     /* begun more than a month before the "as of" day: quieter */
  ATLAS_MARK_CLUSTER,           /* + step: radius grows with the count, in five steps */
  ATLAS_MARK_CLUSTER_SELECTED = ATLAS_MARK_CLUSTER + 5,
  ATLAS_MARK_CLUSTER_EARLIER = ATLAS_MARK_CLUSTER_SELECTED + 5,
  ATLAS_N_MARKS = ATLAS_MARK_CLUSTER_EARLIER + 5,
} AtlasMark;

/* A label drawn with its halo (its text 2 px in from each edge), or a glyph's number; sizes
 * in view pixels. */
typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} AtlasLabelSprite;

#define ATLAS_TYPE_SPRITE_CACHE (atlas_sprite_cache_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSpriteCache, atlas_sprite_cache, ATLAS, SPRITE_CACHE, GObject)

AtlasSpriteCache       *atlas_sprite_cache_new         (void);
const AtlasLabelSprite *atlas_sprite_cache_get_label   (AtlasSpriteCache *self,
                                                        cairo_t          *cr,
                                                        const char       *text,
                                                        const char       *font,
                                                        const double     *rgb,
                                                        gboolean          dark);
void                    atlas_sprite_cache_paint_mark  (AtlasSpriteCache *self,
                                                        cairo_t          *cr,
                                                        AtlasMark         mark,
                                                        double            x,
                                                        double            y);
void                    atlas_sprite_cache_paint_count (AtlasSpriteCache *self,
                                                        cairo_t          *cr,
                                                        guint             count,
                                                        gboolean          earlier,
                                                        double            x,
                                                        double            y);
int                     atlas_sprite_scale             (cairo_t          *cr);
void                    atlas_sprite_dot_size          (gboolean          capital,
                                                        double           *radius,
                                                        double           *line);

G_END_DECLS
