/* atlas-sprite-cache.c: labels, dots and glyphs drawn once and then only copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dots and glyphs are drawn thousands of times a frame, and drawing text with a halo costs
 * far more than copying it while the same names come back frame after frame as the map
 * pans: so each look is drawn once into a small surface and then only copied. The cache
 * belongs to whoever paints (the map's layer, an export) rather than to the process, so
 * that each owner frees its sprites and no two painters share mutable state.
 */

#define G_LOG_DOMAIN "atlas-sprite-cache"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-event-glyph.h"
#include "atlas-sprite-cache.h"

/* Sprites are drawn at the target's own scale (1 on screen, 2 or 3 for a sharp export),
 * because resampling a sprite costs more than drawing it. */
#define MAX_SPRITE_SCALE 4

/* A long pan through many names would otherwise keep them all. */
#define MAX_LABEL_SPRITES 4000

struct _AtlasSpriteCache
{
  GObject          parent_instance;

  cairo_surface_t *marks[MAX_SPRITE_SCALE + 1][ATLAS_N_MARKS];
  double           halves[ATLAS_N_MARKS];  /* half a mark's side, the same at every scale */
  GHashTable      *labels;                 /* LabelKey -> AtlasLabelSprite */
  GHashTable      *counts;                 /* count and scale -> AtlasLabelSprite of it */
};

G_DEFINE_FINAL_TYPE (AtlasSpriteCache, atlas_sprite_cache, G_TYPE_OBJECT)

/* A label's look, whole: a hash of it would let two looks share a sprite. */
typedef struct
{
  char    *text;
  char    *font;
  double   rgb[3];
  gboolean dark;
  int      scale;
} LabelKey;

static guint
label_key_hash (gconstpointer data)
{
  const LabelKey *key = data;

  return g_str_hash (key->text) * 31 + g_str_hash (key->font);
}

static gboolean
label_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const LabelKey *x = a, *y = b;

  return x->rgb[0] == y->rgb[0] && x->rgb[1] == y->rgb[1] && x->rgb[2] == y->rgb[2] &&
         x->dark == y->dark && x->scale == y->scale && strcmp (x->text, y->text) == 0 &&
         strcmp (x->font, y->font) == 0;
}

static void
label_key_free (gpointer data)
{
  LabelKey *key = data;

  g_free (key->text);
  g_free (key->font);
  g_free (key);
}

static void
sprite_free (gpointer data)
{
  AtlasLabelSprite *sprite = data;

  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

/* The scale @cr draws at, which sprites are drawn at too. */
int
atlas_sprite_scale (cairo_t *cr)
{
  double x = 1, y = 0;

  cairo_user_to_device_distance (cr, &x, &y);
  return CLAMP ((int) round (hypot (x, y)), 1, MAX_SPRITE_SCALE);
}

/* A place's dot: a capital's is larger, with a bolder outline. */
void
atlas_sprite_dot_size (gboolean  capital,
                       double   *radius,
                       double   *line)
{
  *radius = capital ? 4 : 3;
  *line = capital ? 2 : 1.2;
}

static cairo_surface_t *
draw_mark (AtlasMark  mark,
           int        scale,
           double    *half)
{
  gboolean dot = mark == ATLAS_MARK_CAPITAL || mark == ATLAS_MARK_TOWN;
  gboolean cluster = mark >= ATLAS_MARK_CLUSTER;
  gboolean selected = mark == ATLAS_MARK_EVENT_SELECTED ||
                      (mark >= ATLAS_MARK_CLUSTER_SELECTED && mark < ATLAS_MARK_CLUSTER_EARLIER);
  gboolean earlier = mark == ATLAS_MARK_EVENT_EARLIER || mark >= ATLAS_MARK_CLUSTER_EARLIER;
  int step = cluster ? (mark - ATLAS_MARK_CLUSTER) % 5 : 0;
  double radius = cluster ? 9 + step : earlier ? ATLAS_EVENT_GLYPH_EARLIER_RADIUS : 6;
  double line = selected ? 3 : earlier ? 1.2 : 1.5;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;

  if (dot)
    atlas_sprite_dot_size (mark == ATLAS_MARK_CAPITAL, &radius, &line);
  size = (int) ceil (2 * (radius + line)) + 2;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
  cr = cairo_create (surface);
  cairo_surface_set_device_scale (surface, scale, scale);
  cairo_scale (cr, scale, scale);
  cairo_arc (cr, size / 2.0, size / 2.0, radius, 0, 2 * G_PI);
  if (dot)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else if (selected)
    cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  else
    cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, earlier ? ATLAS_EVENT_GLYPH_EARLIER_ALPHA : 1);
  cairo_fill_preserve (cr);
  if (dot)
    cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, earlier ? 0.8 : 1);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
  cairo_destroy (cr);

  *half = size / 2.0;
  return surface;
}

/**
 * atlas_sprite_cache_paint_mark:
 *
 * Copies @mark onto @cr centred on (@x, @y), rounded to whole pixels.
 */
void
atlas_sprite_cache_paint_mark (AtlasSpriteCache *self,
                               cairo_t          *cr,
                               AtlasMark         mark,
                               double            x,
                               double            y)
{
  int scale;
  double half;

  g_return_if_fail (ATLAS_IS_SPRITE_CACHE (self));
  g_return_if_fail (mark < ATLAS_N_MARKS);

  scale = atlas_sprite_scale (cr);
  if (self->marks[scale][mark] == NULL)
    self->marks[scale][mark] = draw_mark (mark, scale, &self->halves[mark]);
  half = self->halves[mark];

  /* A rectangle the sprite's size: cairo_paint would visit the whole clip. */
  cairo_set_source_surface (cr, self->marks[scale][mark], round (x - half), round (y - half));
  cairo_rectangle (cr, round (x - half), round (y - half), 2 * half, 2 * half);
  cairo_fill (cr);
}

/* The number on a glyph, drawn once per number, without a halo: white on a glyph, dark red
 * on an earlier one's paler fill. */
static AtlasLabelSprite *
draw_count (guint    count,
            gboolean earlier,
            int      scale)
{
  AtlasLabelSprite *sprite = g_new0 (AtlasLabelSprite, 1);
  cairo_text_extents_t extents;
  cairo_t *cr;
  char text[16];

  g_snprintf (text, sizeof text, count < 1000 ? "%u" : "%uk", count < 1000 ? count : count / 1000);
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40 * scale, 16 * scale);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_scale (cr, scale, scale);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 10);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, 20 - extents.width / 2 - extents.x_bearing, 8 - extents.height / 2 - extents.y_bearing);
  if (earlier)
    cairo_set_source_rgb (cr, 0.45, 0.06, 0.04);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_show_text (cr, text);
  cairo_destroy (cr);
  sprite->width = 40;
  sprite->height = 16;
  return sprite;
}

/**
 * atlas_sprite_cache_paint_count:
 *
 * @earlier: for the quieter glyph of events begun well before the "as of" day
 *
 * Copies the number @count onto @cr centred on (@x, @y), as on a cluster's glyph.
 */
void
atlas_sprite_cache_paint_count (AtlasSpriteCache *self,
                                cairo_t          *cr,
                                guint             count,
                                gboolean          earlier,
                                double            x,
                                double            y)
{
  int scale;
  guint key;
  AtlasLabelSprite *digits;

  g_return_if_fail (ATLAS_IS_SPRITE_CACHE (self));

  scale = atlas_sprite_scale (cr);
  key = (count * (MAX_SPRITE_SCALE + 1) + scale) * 2 + !!earlier;
  if ((digits = g_hash_table_lookup (self->counts, GUINT_TO_POINTER (key))) == NULL)
    {
      digits = draw_count (count, earlier, scale);
      g_hash_table_insert (self->counts, GUINT_TO_POINTER (key), digits);
    }

  cairo_set_source_surface (cr, digits->surface, round (x - digits->width / 2.0),
                            round (y - digits->height / 2.0));
  cairo_rectangle (cr, round (x - digits->width / 2.0), round (y - digits->height / 2.0),
                   digits->width, digits->height);
  cairo_fill (cr);
}

static AtlasLabelSprite *
draw_label (cairo_t        *cr,
            const LabelKey *key)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (key->font);
  AtlasLabelSprite *sprite = g_new0 (AtlasLabelSprite, 1);
  cairo_t *sprite_cr;
  int width, height;

  pango_layout_set_text (layout, key->text, -1);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_get_pixel_size (layout, &width, &height);

  sprite->width = width + 4;
  sprite->height = height + 4;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->width * key->scale,
                                                sprite->height * key->scale);
  cairo_surface_set_device_scale (sprite->surface, key->scale, key->scale);
  sprite_cr = cairo_create (sprite->surface);
  cairo_scale (sprite_cr, key->scale, key->scale);
  pango_cairo_update_layout (sprite_cr, layout);

  cairo_move_to (sprite_cr, 2, 2);
  pango_cairo_layout_path (sprite_cr, layout);
  cairo_set_line_join (sprite_cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (sprite_cr, 3.0);
  if (key->dark)
    cairo_set_source_rgba (sprite_cr, 0.1, 0.1, 0.1, 0.8);
  else
    cairo_set_source_rgba (sprite_cr, 1, 1, 1, 0.85);
  cairo_stroke (sprite_cr);
  cairo_move_to (sprite_cr, 2, 2);
  cairo_set_source_rgb (sprite_cr, key->rgb[0], key->rgb[1], key->rgb[2]);
  pango_cairo_show_layout (sprite_cr, layout);
  cairo_destroy (sprite_cr);
  return sprite;
}

/**
 * atlas_sprite_cache_get_label:
 * @cr: what the label will be copied onto: its scale and font options count
 * @rgb: the text's colour
 * @dark: a dark halo for a dark map, else a light one
 *
 * Returns: (transfer none): @text drawn in @font with a halo, valid until the cache is
 *   next asked for a label
 */
const AtlasLabelSprite *
atlas_sprite_cache_get_label (AtlasSpriteCache *self,
                              cairo_t          *cr,
                              const char       *text,
                              const char       *font,
                              const double     *rgb,
                              gboolean          dark)
{
  LabelKey lookup = { (char *) text, (char *) font, { rgb[0], rgb[1], rgb[2] }, dark,
                      atlas_sprite_scale (cr) };
  AtlasLabelSprite *sprite;
  LabelKey *key;

  g_return_val_if_fail (ATLAS_IS_SPRITE_CACHE (self), NULL);
  g_return_val_if_fail (text != NULL && font != NULL, NULL);

  if ((sprite = g_hash_table_lookup (self->labels, &lookup)) != NULL)
    return sprite;
  if (g_hash_table_size (self->labels) > MAX_LABEL_SPRITES)
    g_hash_table_remove_all (self->labels);

  key = g_memdup2 (&lookup, sizeof lookup);
  key->text = g_strdup (text);
  key->font = g_strdup (font);
  sprite = draw_label (cr, key);
  g_hash_table_insert (self->labels, key, sprite);
  return sprite;
}

static void
atlas_sprite_cache_finalize (GObject *object)
{
  AtlasSpriteCache *self = ATLAS_SPRITE_CACHE (object);

  for (guint scale = 0; scale <= MAX_SPRITE_SCALE; scale++)
    for (guint mark = 0; mark < ATLAS_N_MARKS; mark++)
      g_clear_pointer (&self->marks[scale][mark], cairo_surface_destroy);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_sprite_cache_parent_class)->finalize (object);
}

static void
atlas_sprite_cache_class_init (AtlasSpriteCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_sprite_cache_finalize;
}

static void
atlas_sprite_cache_init (AtlasSpriteCache *self)
{
  self->labels = g_hash_table_new_full (label_key_hash, label_key_equal, label_key_free,
                                        sprite_free);
  self->counts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, sprite_free);
}

AtlasSpriteCache *
atlas_sprite_cache_new (void)
{
  return g_object_new (ATLAS_TYPE_SPRITE_CACHE, NULL);
}
