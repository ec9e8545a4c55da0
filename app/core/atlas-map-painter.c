/* atlas-map-painter.c: cairo drawing of corridors, zones, places and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass per family, all from projected geometry, so the screen's feature layer and the
 * exports draw exactly the same map. Labels are placed greedily in order of importance and
 * skipped where they would collide.
 */

#define G_LOG_DOMAIN "atlas-map-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-map-painter.h"

typedef struct
{
  cairo_t          *cr;
  const AtlasView  *view;
  double            size;     /* world size in map pixels */
  AtlasBox          visible;  /* in unit Mercator */
  AtlasBox          near;     /* visible and a margin round it, for marks that spill over */
  GArray           *labels;   /* cairo_rectangle_t already taken */
  GHashTable       *named;    /* texts already drawn: a region and its province, say, once */
  AtlasLegendFlags  drawn;
  gboolean          shapes;
  gboolean          texts;
  GArray           *blits;    /* AtlasBlit, when labels are to be copied by the caller */
  GArray           *marks;    /* cairo_rectangle_t: dots that later labels keep off */
  GArray           *placed;   /* AtlasPlaced, for atlas_map_painter_place_labels(), or NULL */
} Painter;

static void
clear_blit (gpointer data)
{
  AtlasBlit *blit = data;

  cairo_surface_destroy (blit->surface);
}

/* An array for atlas_map_painter_paint_parts() to put its labels in. */
GArray *
atlas_blits_new (void)
{
  GArray *blits = g_array_new (FALSE, FALSE, sizeof (AtlasBlit));

  g_array_set_clear_func (blits, clear_blit);
  return blits;
}

static AtlasLegendFlags
corridor_flag (const char *kind)
{
  if (g_strcmp0 (kind, "rail") == 0)
    return ATLAS_LEGEND_RAIL;
  if (g_strcmp0 (kind, "road") == 0)
    return ATLAS_LEGEND_ROAD;
  if (g_strcmp0 (kind, "oil-pipeline") == 0)
    return ATLAS_LEGEND_OIL_PIPELINE;
  if (g_strcmp0 (kind, "gas-pipeline") == 0)
    return ATLAS_LEGEND_GAS_PIPELINE;
  return ATLAS_LEGEND_MULTIMODAL;
}

static AtlasLegendFlags
status_flag (AtlasStatus status)
{
  switch (status)
    {
    case ATLAS_STATUS_PROPOSED:
      return ATLAS_LEGEND_PROPOSED;
    case ATLAS_STATUS_AGREED:
      return ATLAS_LEGEND_AGREED;
    case ATLAS_STATUS_UNDER_CONSTRUCTION:
      return ATLAS_LEGEND_UNDER_CONSTRUCTION;
    case ATLAS_STATUS_OPERATIONAL:
      return ATLAS_LEGEND_OPERATIONAL;
    case ATLAS_STATUS_SUSPENDED:
      return ATLAS_LEGEND_SUSPENDED;
    case ATLAS_STATUS_NONE:
    case ATLAS_STATUS_UNKNOWN:
    default:
      return ATLAS_LEGEND_STATUS_UNKNOWN;
    }
}

/* The zoom from which each rank of place shows: capitals first, regions' names last. */
static const double place_shown_from[] = { 3.5, 5.5, 7.5, 6.5 };

void
atlas_map_painter_corridor_color (const char *kind,
                                  double     *rgb)
{
  static const struct { const char *kind; double rgb[3]; } colors[] = {
    { "rail", { 0.49, 0.24, 0.62 } },
    { "road", { 0.75, 0.22, 0.17 } },
    { "oil-pipeline", { 0.35, 0.25, 0.15 } },
    { "gas-pipeline", { 0.11, 0.44, 0.71 } },
    { "multimodal", { 0.90, 0.45, 0.05 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (kind, colors[i].kind) == 0)
      {
        memcpy (rgb, colors[i].rgb, sizeof colors[i].rgb);
        return;
      }

  rgb[0] = rgb[1] = rgb[2] = 0.4;
}

/* Proposed: short dashes; agreed: long dashes; under construction: dash-dot; operational
 * and suspended: solid (suspended is faded instead). */
const double *
atlas_map_painter_status_dashes (AtlasStatus  status,
                                 guint       *n_dashes)
{
  static const double proposed[] = { 4, 4 };
  static const double agreed[] = { 12, 4 };
  static const double construction[] = { 10, 3, 2, 3 };
  static const double unknown[] = { 1, 3 };

  switch (status)
    {
    case ATLAS_STATUS_PROPOSED:
      *n_dashes = G_N_ELEMENTS (proposed);
      return proposed;
    case ATLAS_STATUS_AGREED:
      *n_dashes = G_N_ELEMENTS (agreed);
      return agreed;
    case ATLAS_STATUS_UNDER_CONSTRUCTION:
      *n_dashes = G_N_ELEMENTS (construction);
      return construction;
    case ATLAS_STATUS_UNKNOWN:
      *n_dashes = G_N_ELEMENTS (unknown);
      return unknown;
    case ATLAS_STATUS_NONE:
    case ATLAS_STATUS_OPERATIONAL:
    case ATLAS_STATUS_SUSPENDED:
    default:
      *n_dashes = 0;
      return NULL;
    }
}

static void
to_screen (const Painter *p,
           AtlasPoint     point,
           double        *x,
           double        *y)
{
  *x = point.x * p->size - p->view->x;
  *y = point.y * p->size - p->view->y;
}

static gboolean
overlaps_any (const GArray            *rects,
              const cairo_rectangle_t *rect)
{
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *other = &g_array_index (rects, cairo_rectangle_t, i);

      if (rect->x < other->x + other->width && other->x < rect->x + rect->width &&
          rect->y < other->y + other->height && other->y < rect->y + rect->height)
        return TRUE;
    }

  return FALSE;
}

static gboolean
label_fits (Painter                 *p,
            const cairo_rectangle_t *rect)
{
  if (rect->x < 0 || rect->y < 0 || rect->x + rect->width > p->view->width ||
      rect->y + rect->height > p->view->height)
    return FALSE;

  return !overlaps_any (p->labels, rect) && !overlaps_any (p->marks, rect);
}

static void
clear_placed (gpointer data)
{
  AtlasPlaced *placed = data;

  g_free (placed->text);
}

static void
note_placed (Painter                 *p,
             AtlasPlacedKind          kind,
             const char              *text,
             const cairo_rectangle_t *rect)
{
  AtlasPlaced placed = { kind, NULL, rect->x, rect->y, rect->width, rect->height };

  if (p->placed == NULL)
    return;
  placed.text = g_strdup (text);
  g_array_append_val (p->placed, placed);
}

/* Dots and glyphs are drawn thousands of times a frame, so each look is drawn once into a
 * small surface and then only copied. Keyed by look; kept for the program's life. */
typedef enum
{
  SPRITE_CAPITAL,
  SPRITE_TOWN,
  SPRITE_EVENT,
  SPRITE_EVENT_SELECTED,
  SPRITE_CLUSTER,           /* + step: radius grows with the count, in five steps */
  SPRITE_CLUSTER_SELECTED = SPRITE_CLUSTER + 5,
  N_SPRITES = SPRITE_CLUSTER_SELECTED + 5,
} Sprite;

/* Sprites are drawn at the target's own scale (1 on screen, 2 or 3 for a sharp export),
 * because resampling a sprite costs more than drawing it. */
#define MAX_SPRITE_SCALE 4

static int
target_scale (cairo_t *cr)
{
  double x = 1, y = 0;

  cairo_user_to_device_distance (cr, &x, &y);
  return CLAMP ((int) round (hypot (x, y)), 1, MAX_SPRITE_SCALE);
}

/* A place's dot: a capital's is larger, with a bolder outline. */
static void
dot_size (gboolean  capital,
          double   *radius,
          double   *line)
{
  *radius = capital ? 4 : 3;
  *line = capital ? 2 : 1.2;
}

static cairo_surface_t *
sprite_get (Sprite  sprite,
            int     scale,
            double *half)
{
  static cairo_surface_t *sprites[MAX_SPRITE_SCALE + 1][N_SPRITES];
  static double halves[N_SPRITES];

  if (sprites[scale][sprite] == NULL)
    {
      gboolean dot = sprite == SPRITE_CAPITAL || sprite == SPRITE_TOWN;
      gboolean cluster = sprite >= SPRITE_CLUSTER;
      gboolean selected = sprite == SPRITE_EVENT_SELECTED || sprite >= SPRITE_CLUSTER_SELECTED;
      int step = cluster ? (sprite - SPRITE_CLUSTER) % 5 : 0;
      double radius = cluster ? 9 + step : 6;
      double line = selected ? 3 : 1.5;
      int size;
      cairo_surface_t *surface;
      cairo_t *cr;

      if (dot)
        dot_size (sprite == SPRITE_CAPITAL, &radius, &line);
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
        cairo_set_source_rgb (cr, 0.80, 0.14, 0.11);
      cairo_fill_preserve (cr);
      if (dot)
        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
      cairo_destroy (cr);

      sprites[scale][sprite] = surface;
      halves[sprite] = size / 2.0;
    }

  *half = halves[sprite];
  return sprites[scale][sprite];
}

static void
draw_sprite (cairo_t *cr,
             Sprite   sprite,
             double   x,
             double   y)
{
  double half;
  cairo_surface_t *surface = sprite_get (sprite, target_scale (cr), &half);

  /* A rectangle the sprite's size: cairo_paint would visit the whole clip. */
  cairo_set_source_surface (cr, surface, round (x - half), round (y - half));
  cairo_rectangle (cr, round (x - half), round (y - half), 2 * half, 2 * half);
  cairo_fill (cr);
}

/* More labels than this would not be read anyway; stopping keeps dense views fast. */
#define MAX_LABELS 120

/* Drawing text with a halo costs far more than copying it, and the same names come back
 * frame after frame while panning, so each label is drawn once into a surface, kept by its
 * text, font, colour and style. */
typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} LabelSprite;

static void
label_sprite_free (gpointer data)
{
  LabelSprite *sprite = data;

  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

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

static const LabelSprite *
label_sprite (cairo_t    *cr,
              const char *text,
              const char *font,
              double      r,
              double      g,
              double      b,
              gboolean    dark)
{
  static GHashTable *cache;
  int scale = target_scale (cr);
  LabelKey lookup = { (char *) text, (char *) font, { r, g, b }, dark, scale };
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *description;
  LabelSprite *sprite;
  LabelKey *key;
  cairo_t *sprite_cr;
  int width, height;

  if (cache == NULL)
    cache = g_hash_table_new_full (label_key_hash, label_key_equal, label_key_free, label_sprite_free);
  if ((sprite = g_hash_table_lookup (cache, &lookup)) != NULL)
    return sprite;
  if (g_hash_table_size (cache) > 4000)
    g_hash_table_remove_all (cache);

  key = g_memdup2 (&lookup, sizeof lookup);
  key->text = g_strdup (text);
  key->font = g_strdup (font);

  layout = pango_cairo_create_layout (cr);
  description = pango_font_description_from_string (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_get_pixel_size (layout, &width, &height);

  sprite = g_new0 (LabelSprite, 1);
  sprite->width = width + 4;
  sprite->height = height + 4;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->width * scale,
                                                sprite->height * scale);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  sprite_cr = cairo_create (sprite->surface);
  cairo_scale (sprite_cr, scale, scale);
  pango_cairo_update_layout (sprite_cr, layout);

  cairo_move_to (sprite_cr, 2, 2);
  pango_cairo_layout_path (sprite_cr, layout);
  cairo_set_line_join (sprite_cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (sprite_cr, 3.0);
  if (dark)
    cairo_set_source_rgba (sprite_cr, 0.1, 0.1, 0.1, 0.8);
  else
    cairo_set_source_rgba (sprite_cr, 1, 1, 1, 0.85);
  cairo_stroke (sprite_cr);
  cairo_move_to (sprite_cr, 2, 2);
  cairo_set_source_rgb (sprite_cr, r, g, b);
  pango_cairo_show_layout (sprite_cr, layout);
  cairo_destroy (sprite_cr);

  g_hash_table_insert (cache, key, sprite);
  return sprite;
}

/* For tests: the width of @text's label as the cache gives it. */
int
atlas_map_painter_label_width (cairo_t      *cr,
                               const char   *text,
                               const char   *font,
                               const double *rgb)
{
  return label_sprite (cr, text, font, rgb[0], rgb[1], rgb[2], FALSE)->width;
}

/* Takes @rect, which must fit, for @text and draws @sprite there (or leaves it to the
 * caller, as a blit). */
static void
put_label (Painter                 *p,
           const char              *text,
           const LabelSprite       *sprite,
           const cairo_rectangle_t *rect)
{
  g_array_append_val (p->labels, *rect);
  g_hash_table_add (p->named, g_strdup (text));
  note_placed (p, ATLAS_PLACED_LABEL, text, rect);

  if (p->blits != NULL)
    {
      AtlasBlit blit = { cairo_surface_reference (sprite->surface), round (rect->x), round (rect->y),
                         sprite->width, sprite->height };

      g_array_append_val (p->blits, blit);
      return;
    }

  cairo_set_source_surface (p->cr, sprite->surface, round (rect->x), round (rect->y));
  cairo_rectangle (p->cr, round (rect->x), round (rect->y), sprite->width, sprite->height);
  cairo_fill (p->cr);
}

/* Draws @text with a halo at (x, y) (its left and vertical centre), unless it collides.
 * The size is first estimated from the text's length, so that the many labels that cannot
 * fit cost nothing at all. */
static gboolean
draw_label (Painter    *p,
            const char *text,
            double      x,
            double      y,
            const char *font,
            double      r,
            double      g,
            double      b)
{
  const LabelSprite *sprite;
  cairo_rectangle_t rect;
  double estimate = g_utf8_strlen (text, -1) * 4.5;  /* on the small side: only a first sieve */

  if (p->labels->len >= MAX_LABELS || g_hash_table_contains (p->named, text))
    return FALSE;

  rect = (cairo_rectangle_t) { x - 1, y - 8, estimate + 2, 16 };
  if (!label_fits (p, &rect))
    return FALSE;

  sprite = label_sprite (p->cr, text, font, r, g, b, p->view->dark);
  rect = (cairo_rectangle_t) { x - 2, y - sprite->height / 2.0, sprite->width, sprite->height };
  if (!label_fits (p, &rect))
    return FALSE;
  put_label (p, text, sprite, &rect);
  return TRUE;
}

static void
trace_line (Painter          *p,
            const AtlasPoint *points,
            guint             n_points,
            gboolean          close)
{
  for (guint i = 0; i < n_points; i++)
    {
      double x, y;

      to_screen (p, points[i], &x, &y);
      if (i == 0)
        cairo_move_to (p->cr, x, y);
      else
        cairo_line_to (p->cr, x, y);
    }
  if (close)
    cairo_close_path (p->cr);
}

static gboolean
is_selected (const AtlasMapState *state,
             AtlasItemKind        kind,
             gint64               id)
{
  return state->selection.kind == kind && state->selection.id == id;
}

static void
paint_zones (Painter             *p,
             const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  static const double dash[] = { 6, 3 };

  for (guint i = 0; i < atlas_features_get_n_zones (state->features); i++)
    {
      const AtlasZoneShape *zone = atlas_features_get_zone (state->features, i);
      gboolean selected = is_selected (state, ATLAS_ITEM_ZONE, zone->id);
      double x, y;

      if (!atlas_zone_valid_at (zone, state->day) ||
          !atlas_geo_box_intersects (&zone->box, p->shapes ? &p->near : &p->visible))
        continue;

      if (g_strcmp0 (zone->kind, "exclave") == 0)
        p->drawn |= ATLAS_LEGEND_EXCLAVE;
      else if (g_strcmp0 (zone->kind, "peacekeeping") == 0)
        p->drawn |= ATLAS_LEGEND_PEACEKEEPING;
      else
        p->drawn |= ATLAS_LEGEND_OTHER_ZONE;

      if (p->texts && p->view->zoom >= 6.5)
        {
          to_screen (p, (AtlasPoint) { (zone->box.x1 + zone->box.x2) / 2, (zone->box.y1 + zone->box.y2) / 2 },
                     &x, &y);
          draw_label (p, zone->name, x - 30, y, "Sans Italic 9", p->view->dark ? 0.8 : 0.35,
                      p->view->dark ? 0.7 : 0.25, p->view->dark ? 0.85 : 0.4);
        }
      if (!p->shapes)
        continue;

      /* Tinted, with a dashed edge: a zone is an arrangement, not a border. */
      trace_line (p, points + zone->first_point, zone->n_points, TRUE);
      if (g_strcmp0 (zone->kind, "exclave") == 0)
        cairo_set_source_rgba (p->cr, 0.0, 0.57, 0.74, selected ? 0.25 : 0.0);
      else if (g_strcmp0 (zone->kind, "peacekeeping") == 0)
        cairo_set_source_rgba (p->cr, 0.83, 0.33, 0.0, selected ? 0.35 : 0.18);
      else
        cairo_set_source_rgba (p->cr, 0.55, 0.35, 0.65, selected ? 0.35 : 0.15);
      cairo_fill_preserve (p->cr);

      cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (p->cr, selected ? 2.5 : 1.3);
      cairo_set_source_rgba (p->cr, 0.35, 0.25, 0.4, 0.9);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
    }
}

static void
paint_corridors (Painter             *p,
                 const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);

  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);
      AtlasStatus status = atlas_corridor_status_at (corridor, state->day);
      gboolean selected = is_selected (state, ATLAS_ITEM_CORRIDOR, corridor->id);
      const double *dashes;
      guint n_dashes;
      double rgb[3];
      double alpha = status == ATLAS_STATUS_SUSPENDED ? 0.35 : 1.0;
      double width = p->view->zoom < 6 ? 2.5 : 3.5;

      if (status == ATLAS_STATUS_NONE || corridor->n_points < 2 ||
          !atlas_geo_box_intersects (&corridor->box, p->shapes ? &p->near : &p->visible))
        continue;

      p->drawn |= corridor_flag (corridor->kind) | status_flag (status);
      if (!p->shapes)
        continue;
      cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);

      /* A pale casing keeps the line readable over any fill. */
      trace_line (p, points + corridor->first_point, corridor->n_points, FALSE);
      if (p->view->dark)
        cairo_set_source_rgba (p->cr, 0, 0, 0, selected ? 0.9 : 0.45 * alpha);
      else
        cairo_set_source_rgba (p->cr, 1, 1, 1, selected ? 0.95 : 0.7 * alpha);
      cairo_set_line_width (p->cr, width + (selected ? 6 : 2.5));
      cairo_stroke (p->cr);

      atlas_map_painter_corridor_color (corridor->kind, rgb);
      dashes = atlas_map_painter_status_dashes (status, &n_dashes);
      trace_line (p, points + corridor->first_point, corridor->n_points, FALSE);
      cairo_set_dash (p->cr, dashes, n_dashes, 0);
      cairo_set_source_rgba (p->cr, rgb[0], rgb[1], rgb[2], alpha);
      cairo_set_line_width (p->cr, width + (selected ? 1.5 : 0));
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
    }

}

/* Clips the segment from @a to @b to @box (after Liang and Barsky): the part inside runs
 * from @t0 to @t1 of the way along. Returns FALSE when no part is inside. */
static gboolean
clip_segment (AtlasPoint      a,
              AtlasPoint      b,
              const AtlasBox *box,
              double         *t0,
              double         *t1)
{
  const double d[2] = { b.x - a.x, b.y - a.y };
  const double low[2] = { box->x1 - a.x, box->y1 - a.y }, high[2] = { box->x2 - a.x, box->y2 - a.y };

  *t0 = 0;
  *t1 = 1;
  for (int k = 0; k < 2; k++)
    {
      double ta, tb;

      if (d[k] == 0)
        {
          if (low[k] > 0 || high[k] < 0)
            return FALSE;
          continue;
        }
      ta = low[k] / d[k];
      tb = high[k] / d[k];
      *t0 = MAX (*t0, MIN (ta, tb));
      *t1 = MIN (*t1, MAX (ta, tb));
    }

  return *t0 <= *t1;
}

/* The places' dots and the events' glyphs in view, which the labels placed from the
 * corridors' names on keep off: towns' dots are drawn after those names, but a name over
 * one would hide the town. Only the dot's outline counts, so that a town's own name still
 * fits beside it. */
static void
collect_marks (Painter             *p,
               const AtlasMapState *state)
{
  for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
      gboolean selected = is_selected (state, ATLAS_ITEM_PLACE, place->id);
      cairo_rectangle_t rect;
      double x, y, radius, line;

      /* As paint_places() draws them: the selected place with a ring round its dot. */
      if (place->rank >= 3 || (p->view->zoom < place_shown_from[place->rank] && !selected))
        continue;
      to_screen (p, place->point, &x, &y);
      dot_size (place->rank == 0, &radius, &line);
      if (selected)
        {
          radius = 9;
          line = 2.5;
        }
      rect = (cairo_rectangle_t) { x - radius - line / 2, y - radius - line / 2,
                                   2 * radius + line, 2 * radius + line };
      if (rect.x >= p->view->width || rect.y >= p->view->height || rect.x + rect.width <= 0 ||
          rect.y + rect.height <= 0)
        continue;
      g_array_append_val (p->marks, rect);
      note_placed (p, ATLAS_PLACED_DOT, place->name, &rect);
    }

  /* The events' glyphs too: a name over one would hide how many events are there. */
  for (guint i = 0; state->events != NULL && i < state->events->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      cairo_rectangle_t rect;
      double x, y, radius;

      if (!atlas_geo_box_contains (&p->visible, glyph->point))
        continue;
      atlas_map_painter_event_position (glyph, p->view, &x, &y, &radius);
      rect = (cairo_rectangle_t) { x - radius, y - radius, 2 * radius, 2 * radius };
      g_array_append_val (p->marks, rect);
    }
}

/* Names are tried beside points NAME_STEP pixels apart along the part of a line in view (or
 * further apart, spread over it, where there would be more than MAX_NAME_SPOTS), NAME_GAP
 * pixels off the line. */
#define NAME_STEP      24.0
#define MAX_NAME_SPOTS 32
#define NAME_GAP       3.0

typedef struct
{
  double x, y;    /* on the line, in view pixels */
  double dx, dy;  /* the line's direction there, of unit length */
} LineSpot;

/* Points every NAME_STEP pixels along the line, counted from its start so that they stay
 * put while the map pans, where they are in view. */
static GArray *
line_spots (Painter          *p,
            const AtlasPoint *points,
            guint             n_points)
{
  GArray *spots = g_array_new (FALSE, FALSE, sizeof (LineSpot));
  AtlasBox view = { 0, 0, p->view->width, p->view->height };
  double along = 0;

  for (guint k = 0; k + 1 < n_points; k++)
    {
      AtlasPoint a, b;
      double length, t0, t1;

      to_screen (p, points[k], &a.x, &a.y);
      to_screen (p, points[k + 1], &b.x, &b.y);
      length = hypot (b.x - a.x, b.y - a.y);
      if (length > 0 && clip_segment (a, b, &view, &t0, &t1))
        for (double s = ceil ((along + t0 * length) / NAME_STEP) * NAME_STEP;
             s <= along + t1 * length; s += NAME_STEP)
          {
            double t = (s - along) / length;
            LineSpot spot = { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y),
                              (b.x - a.x) / length, (b.y - a.y) / length };

            g_array_append_val (spots, spot);
          }
      along += length;
    }

  /* The line's direction over about a name's length rather than one segment's, so that a
   * kink does not turn the name away from the line. */
  for (guint i = 0; i < spots->len; i++)
    {
      LineSpot *spot = &g_array_index (spots, LineSpot, i);
      const LineSpot *before = &g_array_index (spots, LineSpot, i >= 2 ? i - 2 : 0);
      const LineSpot *after = &g_array_index (spots, LineSpot, MIN (i + 2, spots->len - 1));
      double dx = after->x - before->x, dy = after->y - before->y, chord = hypot (dx, dy);

      /* Not across a gap where the line leaves the view, nor a hairpin. */
      if (chord > NAME_STEP && chord <= 4 * NAME_STEP)
        {
          spot->dx = dx / chord;
          spot->dy = dy / chord;
        }
    }

  return spots;
}

/* Where a label goes beside the line at @spot, on the side @side (1: to the left of the
 * line's direction, -1: to its right): its corner nearest the line just off the line at the
 * spot, so that it stays with the line however the line slants. */
static cairo_rectangle_t
beside_line (const LineSpot *spot,
             double          width,
             double          height,
             int             side)
{
  double nx = side * spot->dy, ny = -side * spot->dx;
  double x = spot->x + nx * NAME_GAP, y = spot->y + ny * NAME_GAP;

  /* Right of that point, centred on it or left of it as the side leans; likewise below. */
  return (cairo_rectangle_t) { x - width / 2 * (1 - (nx > 0) + (nx < 0)),
                               y - height / 2 * (1 - (ny > 0) + (ny < 0)), width, height };
}

/* How well a place suits a line's name, best first. */
typedef enum
{
  NAME_CLEAR,         /* off every line */
  NAME_ON_OTHER_LINE,
  NAME_ON_OWN_LINE,
  NAME_NOWHERE,
} NamePlace;

static gboolean
crosses_line (const AtlasPoint *points,
              guint             n_points,
              const AtlasBox   *area)
{
  double t0, t1;

  for (guint k = 0; k + 1 < n_points; k++)
    if (clip_segment (points[k], points[k + 1], area, &t0, &t1))
      return TRUE;

  return FALSE;
}

static NamePlace
judge_name_place (Painter                  *p,
                  const AtlasMapState      *state,
                  const AtlasCorridorShape *own,
                  const cairo_rectangle_t  *rect)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  AtlasBox area = { (rect->x + p->view->x) / p->size, (rect->y + p->view->y) / p->size,
                    (rect->x + rect->width + p->view->x) / p->size,
                    (rect->y + rect->height + p->view->y) / p->size };

  if (crosses_line (points + own->first_point, own->n_points, &area))
    return NAME_ON_OWN_LINE;

  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);

      if (corridor != own && atlas_geo_box_intersects (&corridor->box, &area) &&
          atlas_corridor_status_at (corridor, state->day) != ATLAS_STATUS_NONE &&
          crosses_line (points + corridor->first_point, corridor->n_points, &area))
        return NAME_ON_OTHER_LINE;
    }

  return NAME_CLEAR;
}

/* Places @corridor's name beside its line, at one of @spots: tried from the middle of the
 * part in view outwards, on both sides; the first place off every line wins, else the
 * first one off the line's own, else any that fits. */
static void
name_line (Painter                  *p,
           const AtlasMapState      *state,
           const AtlasCorridorShape *corridor,
           const GArray             *spots)
{
  /* Darker than the line on a light map, lighter on a dark one. */
  double shade = p->view->dark ? 0.55 : 0.7, lift = p->view->dark ? 0.45 : 0;
  int stride = ((int) spots->len + MAX_NAME_SPOTS - 1) / MAX_NAME_SPOTS, middle = (int) spots->len / 2;
  NamePlace best = NAME_NOWHERE;
  cairo_rectangle_t best_rect = { 0 };
  const LabelSprite *sprite;
  double rgb[3];

  if (p->labels->len >= MAX_LABELS || g_hash_table_contains (p->named, corridor->name))
    return;

  /* Its real size is needed to set the name beside the line; made once and kept. */
  atlas_map_painter_corridor_color (corridor->kind, rgb);
  sprite = label_sprite (p->cr, corridor->name, "Sans Bold 9", rgb[0] * shade + lift,
                         rgb[1] * shade + lift, rgb[2] * shade + lift, p->view->dark);

  for (int k = 0; k <= MAX_NAME_SPOTS && best != NAME_CLEAR; k++)
    {
      int index = middle + ((k % 2) ? 1 : -1) * ((k + 1) / 2) * stride;
      const LineSpot *spot;
      int side;

      if (index < 0 || index >= (int) spots->len)
        continue;
      spot = &g_array_index (spots, LineSpot, index);
      /* Above the line first, or right of an upright one. */
      side = spot->dx > 0 || (spot->dx == 0 && spot->dy > 0) ? 1 : -1;
      for (int n = 0; n < 2 && best != NAME_CLEAR; n++, side = -side)
        {
          cairo_rectangle_t rect = beside_line (spot, sprite->width, sprite->height, side);
          NamePlace place;

          if (!label_fits (p, &rect))
            continue;
          place = judge_name_place (p, state, corridor, &rect);
          if (place < best)
            {
              best = place;
              best_rect = rect;
            }
        }
    }

  if (best != NAME_NOWHERE)
    put_label (p, corridor->name, sprite, &best_rect);
}

typedef struct
{
  const AtlasCorridorShape *corridor;
  GArray                   *spots;
} LineInView;

static void
clear_line_in_view (gpointer data)
{
  LineInView *line = data;

  g_array_unref (line->spots);
}

static int
compare_fewer_spots (gconstpointer a,
                     gconstpointer b)
{
  const LineInView *x = a, *y = b;

  return (int) x->spots->len - (int) y->spots->len;
}

/* Names beside their lines, once every line and the more important names are drawn. The
 * lines least in view go first: they have the fewest places for a name. */
static void
paint_corridor_names (Painter             *p,
                      const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineInView));

  g_array_set_clear_func (lines, clear_line_in_view);
  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);
      LineInView line = { corridor };

      if (atlas_corridor_status_at (corridor, state->day) == ATLAS_STATUS_NONE ||
          corridor->n_points < 2 || !atlas_geo_box_intersects (&corridor->box, &p->visible))
        continue;

      line.spots = line_spots (p, points + corridor->first_point, corridor->n_points);
      if (line.spots->len > 0)
        g_array_append_val (lines, line);
      else
        g_array_unref (line.spots);
    }

  /* A stable sort: lines as long in view keep their order. */
  g_array_sort (lines, compare_fewer_spots);
  for (guint i = 0; i < lines->len; i++)
    {
      const LineInView *line = &g_array_index (lines, LineInView, i);

      name_line (p, state, line->corridor, line->spots);
    }
}

static void
paint_places (Painter             *p,
              const AtlasMapState *state,
              int                  first_rank,
              int                  last_rank)
{
  for (int rank = first_rank; rank <= last_rank; rank++)
    for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
      {
        const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
        gboolean selected = is_selected (state, ATLAS_ITEM_PLACE, place->id);
        double x, y;

        if (place->rank != rank || (p->view->zoom < place_shown_from[rank] && !selected) ||
            !atlas_geo_box_contains (p->shapes ? &p->near : &p->visible, place->point))
          continue;

        to_screen (p, place->point, &x, &y);
        if (rank < 3)
          p->drawn |= ATLAS_LEGEND_PLACES;
        if (rank == 3)
          {
            if (!p->texts)
              continue;
            if (p->view->dark)
              draw_label (p, place->name, x, y, "Sans Italic 9", 0.75, 0.72, 0.68);
            else
              draw_label (p, place->name, x, y, "Sans Italic 9", 0.4, 0.35, 0.3);
            continue;
          }

        if (p->shapes)
          draw_sprite (p->cr, rank == 0 ? SPRITE_CAPITAL : SPRITE_TOWN, x, y);
        if (selected && p->shapes)
          {
            cairo_new_path (p->cr);
            cairo_arc (p->cr, x, y, 9, 0, 2 * G_PI);
            cairo_set_source_rgb (p->cr, 0.21, 0.52, 0.89);
            cairo_set_line_width (p->cr, 2.5);
            cairo_stroke (p->cr);
          }

        if (!p->texts || !atlas_geo_box_contains (&p->visible, place->point))
          continue;
        if (p->view->dark)
          draw_label (p, place->name, x + 7, y, rank == 0 ? "Sans Bold 10" : "Sans 9", 0.92, 0.92, 0.9);
        else
          draw_label (p, place->name, x + 7, y, rank == 0 ? "Sans Bold 10" : "Sans 9", 0.15, 0.15, 0.15);
      }
}

typedef struct
{
  cairo_surface_t *surface;
  double           width;
  double           height;
} CountSprite;

/* The number on a glyph, drawn once per number. */
static const CountSprite *
count_sprite (cairo_t *target,
              guint    count)
{
  static GHashTable *cache;
  int scale = target_scale (target);
  guint key = count * (MAX_SPRITE_SCALE + 1) + scale;
  CountSprite *sprite;
  cairo_text_extents_t extents;
  cairo_t *cr;
  char text[16];

  if (cache == NULL)
    cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  if ((sprite = g_hash_table_lookup (cache, GUINT_TO_POINTER (key))) != NULL)
    return sprite;

  g_snprintf (text, sizeof text, count < 1000 ? "%u" : "%uk", count < 1000 ? count : count / 1000);
  sprite = g_new0 (CountSprite, 1);
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40 * scale, 16 * scale);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_scale (cr, scale, scale);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 10);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, 20 - extents.width / 2 - extents.x_bearing, 8 - extents.height / 2 - extents.y_bearing);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_show_text (cr, text);
  cairo_destroy (cr);
  sprite->width = 40;
  sprite->height = 16;

  g_hash_table_insert (cache, GUINT_TO_POINTER (key), sprite);
  return sprite;
}

/* Where an event glyph is drawn: just above its place's dot, so both stay visible. */
void
atlas_map_painter_event_position (const AtlasEventGlyph *glyph,
                                  const AtlasView       *view,
                                  double                *x,
                                  double                *y,
                                  double                *radius)
{
  double size = atlas_geo_world_size (view->zoom);

  *radius = glyph->count > 1 ? 9 + floor (MIN (log2 (glyph->count), 4)) : 6;
  *x = glyph->point.x * size - view->x;
  *y = glyph->point.y * size - view->y - *radius - 4;
}

static void
paint_events (Painter             *p,
              const AtlasMapState *state)
{
  if (state->events == NULL)
    return;

  for (guint i = 0; i < state->events->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      double radius, x, y;

      if (!atlas_geo_box_contains (p->shapes ? &p->near : &p->visible, glyph->point))
        continue;

      atlas_map_painter_event_position (glyph, p->view, &x, &y, &radius);
      p->drawn |= ATLAS_LEGEND_EVENTS | (glyph->selected ? ATLAS_LEGEND_SELECTED : 0);
      if (!p->shapes)
        continue;

      if (glyph->count > 1)
        draw_sprite (p->cr, (glyph->selected ? SPRITE_CLUSTER_SELECTED : SPRITE_CLUSTER) +
                            (int) (radius - 9), x, y);
      else
        draw_sprite (p->cr, glyph->selected ? SPRITE_EVENT_SELECTED : SPRITE_EVENT, x, y);

      if (glyph->count > 1)
        {
          const CountSprite *digits = count_sprite (p->cr, glyph->count);

          cairo_set_source_surface (p->cr, digits->surface, round (x - digits->width / 2.0),
                                    round (y - digits->height / 2.0));
          cairo_rectangle (p->cr, round (x - digits->width / 2.0), round (y - digits->height / 2.0),
                           digits->width, digits->height);
          cairo_fill (p->cr);
        }
    }
}

/* Glyphs closer than this, in pixels, are drawn as one. */
#define CLUSTER_CELL 36.0

/**
 * atlas_map_painter_cluster:
 * @glyphs: (element-type AtlasEventGlyph): one glyph per place
 * @zoom: the zoom to cluster for
 *
 * Gathers glyphs that would overlap at @zoom into one, on a grid fixed to the world (so the
 * clusters do not change while panning), at the count-weighted centre of its members.
 *
 * Returns: (transfer full) (element-type AtlasEventGlyph): the glyphs to draw
 */
/* One grid cell's key. Cells are counted in doubles and clamped before they become
 * integers, so no zoom or point (NaN from a hostile store included) overflows the key. */
static gint64
cell_key (AtlasPoint point,
          double     size)
{
  double column = floor (point.x * size / CLUSTER_CELL);
  double row = floor (point.y * size / CLUSTER_CELL);

  column = isnan (column) ? 0 : CLAMP (column, 0, G_MAXINT32);
  row = isnan (row) ? 0 : CLAMP (row, 0, G_MAXINT32);
  return (gint64) column << 32 | (gint64) row;
}

GArray *
atlas_map_painter_cluster (GArray *glyphs,
                           double  zoom)
{
  g_autoptr(GHashTable) cells = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (AtlasEventGlyph));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  double size = atlas_geo_world_size (zoom);

  if (glyphs == NULL)
    return clusters;

  /* Keys live in an array that never moves once sized. */
  g_array_set_size (keys, glyphs->len);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (glyphs, AtlasEventGlyph, i);
      gint64 *key = &g_array_index (keys, gint64, i);
      gpointer index;

      *key = cell_key (glyph->point, size);
      if (g_hash_table_lookup_extended (cells, key, NULL, &index))
        {
          AtlasEventGlyph *cluster = &g_array_index (clusters, AtlasEventGlyph, GPOINTER_TO_UINT (index));
          double w = (double) glyph->count / (cluster->count + glyph->count);

          cluster->point.x += (glyph->point.x - cluster->point.x) * w;
          cluster->point.y += (glyph->point.y - cluster->point.y) * w;
          cluster->count += glyph->count;
          cluster->selected |= glyph->selected;
          cluster->several_places |= cluster->place_id != glyph->place_id;
        }
      else
        {
          g_hash_table_insert (cells, key, GUINT_TO_POINTER (clusters->len));
          g_array_append_val (clusters, *glyph);
        }
    }

  return clusters;
}

/**
 * atlas_map_painter_hit:
 * @x: (in map pixels from the view's top-left corner)
 *
 * Finds what a click at (@x, @y) means, in the order a person sees the layers: an event
 * glyph, a place, a corridor within a few pixels, a zone valid on the day, a province
 * (zoomed in) and a country.
 *
 * @cluster: (out) (optional): set when the click is on a cluster of events at several
 *   places, which is no one item: the map zooms in on it instead
 *
 * Returns: the item, of kind %ATLAS_ITEM_NONE when the click is on open water or a cluster
 */
AtlasItem
atlas_map_painter_hit (const AtlasView     *view,
                       const AtlasMapState *state,
                       AtlasBasemap        *basemap,
                       double               x,
                       double               y,
                       gboolean            *cluster)
{
  double size = atlas_geo_world_size (view->zoom);
  AtlasPoint point = { (view->x + x) / size, (view->y + y) / size };
  const AtlasPoint *points = atlas_features_get_points (state->features);
  double best = 7.0;
  AtlasItem hit = { ATLAS_ITEM_NONE, 0 };
  int feature;

  if (cluster != NULL)
    *cluster = FALSE;

  /* Last painted, on top: first hit. */
  for (guint i = state->events != NULL ? state->events->len : 0; i-- > 0;)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      double gx, gy, radius;

      /* Glyphs are at most 13 px in radius and drawn up to 30 px above their place. */
      if (fabs (glyph->point.x * size - view->x - x) > 16 ||
          fabs (glyph->point.y * size - view->y - y) > 34)
        continue;
      atlas_map_painter_event_position (glyph, view, &gx, &gy, &radius);
      if (hypot (gx - x, gy - y) > radius + 2)
        continue;
      if (glyph->several_places)
        {
          if (cluster != NULL)
            *cluster = TRUE;
          return hit;
        }
      return glyph->count == 1 ? (AtlasItem) { ATLAS_ITEM_EVENT, glyph->event_id }
                               : (AtlasItem) { ATLAS_ITEM_PLACE, glyph->place_id };
    }

  for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
      double dx = place->point.x * size - view->x - x, dy = place->point.y * size - view->y - y;
      double d;

      if (fabs (dx) >= best || fabs (dy) >= best)
        continue;
      d = hypot (dx, dy);
      if (place->rank < 3 && view->zoom >= place_shown_from[place->rank] && d < best)
        {
          best = d;
          hit = (AtlasItem) { ATLAS_ITEM_PLACE, place->id };
        }
    }
  if (hit.kind != ATLAS_ITEM_NONE)
    return hit;

  best = 6.0;
  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);

      if (atlas_corridor_status_at (corridor, state->day) == ATLAS_STATUS_NONE)
        continue;

      for (guint k = 0; k + 1 < corridor->n_points; k++)
        {
          AtlasPoint a = points[corridor->first_point + k], b = points[corridor->first_point + k + 1];
          double d = atlas_geo_segment_distance (point, a, b) * size;

          if (d < best)
            {
              best = d;
              hit = (AtlasItem) { ATLAS_ITEM_CORRIDOR, corridor->id };
            }
        }
    }
  if (hit.kind != ATLAS_ITEM_NONE)
    return hit;

  for (guint i = 0; i < atlas_features_get_n_zones (state->features); i++)
    {
      const AtlasZoneShape *zone = atlas_features_get_zone (state->features, i);

      if (atlas_zone_valid_at (zone, state->day) && atlas_geo_box_contains (&zone->box, point) &&
          atlas_geo_ring_contains (points + zone->first_point, zone->n_points, point) &&
          g_strcmp0 (zone->kind, "exclave") != 0)
        return (AtlasItem) { ATLAS_ITEM_ZONE, zone->id };
    }

  if (basemap != NULL)
    {
      if (view->zoom >= 6.5 && (feature = atlas_basemap_find (basemap, ATLAS_BASEMAP_PROVINCE, point)) >= 0)
        return (AtlasItem) { ATLAS_ITEM_PROVINCE, feature };
      if ((feature = atlas_basemap_find (basemap, ATLAS_BASEMAP_COUNTRY, point)) >= 0)
        return (AtlasItem) { ATLAS_ITEM_COUNTRY, feature };
    }

  return hit;
}

/* The selected place's name comes before every other label, so nothing hides it. */
static void
paint_selected_place_name (Painter             *p,
                           const AtlasMapState *state)
{
  const AtlasPlaceMark *place;
  double x, y;

  if (state->selection.kind != ATLAS_ITEM_PLACE ||
      (place = atlas_features_find_place (state->features, state->selection.id)) == NULL ||
      !atlas_geo_box_contains (&p->visible, place->point))
    return;

  to_screen (p, place->point, &x, &y);
  if (p->view->dark)
    draw_label (p, place->name, x + 11, y, "Sans Bold 10", 0.6, 0.78, 1.0);
  else
    draw_label (p, place->name, x + 11, y, "Sans Bold 10", 0.13, 0.36, 0.70);
}

/* When the selection lies off screen, an arrow at the edge points to it, with its name. */
static void
paint_edge_marker (Painter             *p,
                   const AtlasMapState *state)
{
  double tx, ty, cx = p->view->width / 2, cy = p->view->height / 2;
  double dx, dy, t, x, y, angle;
  const double margin = 22;

  if (!state->has_target || atlas_geo_box_contains (&p->visible, state->target))
    return;

  to_screen (p, state->target, &tx, &ty);
  dx = tx - cx;
  dy = ty - cy;
  /* Where the line from the centre to the target leaves the view, inset by the margin. */
  t = MIN (fabs (dx) > 0 ? (cx - margin) / fabs (dx) : G_MAXDOUBLE,
           fabs (dy) > 0 ? (cy - margin) / fabs (dy) : G_MAXDOUBLE);
  x = cx + dx * t;
  y = cy + dy * t;
  angle = atan2 (dy, dx);

  {
    /* Drawn on its own small surface, so that it can be copied like a label. */
    int scale = target_scale (p->cr);
    cairo_surface_t *arrow = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40 * scale, 40 * scale);
    cairo_t *acr = cairo_create (arrow);

    cairo_surface_set_device_scale (arrow, scale, scale);
    cairo_scale (acr, scale, scale);
    cairo_translate (acr, 20, 20);
    cairo_rotate (acr, angle);
    cairo_move_to (acr, 14, 0);
    cairo_line_to (acr, -8, -10);
    cairo_line_to (acr, -3, 0);
    cairo_line_to (acr, -8, 10);
    cairo_close_path (acr);
    cairo_set_source_rgb (acr, 0.21, 0.52, 0.89);
    cairo_fill_preserve (acr);
    cairo_set_source_rgb (acr, 1, 1, 1);
    cairo_set_line_width (acr, 2);
    cairo_stroke (acr);
    cairo_destroy (acr);

    if (p->blits != NULL)
      {
        AtlasBlit blit = { arrow, round (x - 20), round (y - 20), 40, 40 };

        g_array_append_val (p->blits, blit);
      }
    else
      {
        cairo_set_source_surface (p->cr, arrow, round (x - 20), round (y - 20));
        cairo_rectangle (p->cr, round (x - 20), round (y - 20), 40, 40);
        cairo_fill (p->cr);
        cairo_surface_destroy (arrow);
      }
  }

  if (state->target_name != NULL)
    {
      double lx = dx > 0 ? x - 24 - g_utf8_strlen (state->target_name, -1) * 6.5 : x + 20;

      draw_label (p, state->target_name, CLAMP (lx, 4, p->view->width - 120),
                  y + (dy > 0 ? -20 : 20), "Sans Bold 9", 0.13, 0.36, 0.70);
    }
}

/* Country names, spaced capitals in a quiet colour, at each country's main body. The
 * detailed outlines give the names in the region, the coarse ones elsewhere. */
static void
paint_country_names (Painter             *p,
                     const AtlasMapState *state)
{
  gboolean detailed = p->view->zoom >= ATLAS_PAINTER_DETAIL_ZOOM;

  if (state->basemap == NULL || p->view->zoom < 3.5 || p->view->zoom > 9.5)
    return;

  for (guint i = 0; i < atlas_basemap_get_n_features (state->basemap); i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (state->basemap, i);
      g_autofree char *name = NULL;
      double x, y;

      if (feature->kind != ATLAS_BASEMAP_COUNTRY || !atlas_geo_box_contains (&p->visible, feature->label))
        continue;
      /* Where detailed outlines exist they name the country; skip the coarse twin. */
      if (feature->coarse && detailed && feature->detailed)
        continue;
      if (!feature->coarse && !detailed)
        continue;

      name = g_utf8_strup (feature->name, -1);
      to_screen (p, feature->label, &x, &y);
      {
        double shade = p->view->dark ? 0.72 : 0.40;
        int width = label_sprite (p->cr, name, "Sans Bold 10", shade + 0.05, shade, shade - 0.04,
                                  p->view->dark)->width;

        /* At the centre, or just above or below it when a capital's name is there. */
        for (int k = 0; k < 3; k++)
          if (draw_label (p, name, x - width / 2.0, y + (k == 0 ? 0 : k == 1 ? 18 : -18),
                          "Sans Bold 10", shade + 0.05, shade, shade - 0.04))
            break;
      }
    }
}

/* Provinces' names from the zoom at which their boundaries show, quieter than countries'. */
static void
paint_province_names (Painter             *p,
                      const AtlasMapState *state)
{
  double shade = p->view->dark ? 0.68 : 0.5;

  if (state->basemap == NULL || p->view->zoom < 7)
    return;

  for (guint i = 0; i < atlas_basemap_get_n_features (state->basemap); i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (state->basemap, i);
      double x, y;

      if (feature->kind != ATLAS_BASEMAP_PROVINCE || !atlas_geo_box_contains (&p->visible, feature->label))
        continue;

      to_screen (p, feature->label, &x, &y);
      draw_label (p, feature->name, x - g_utf8_strlen (feature->name, -1) * 3.0, y,
                  "Sans Italic 9", shade + 0.04, shade, shade - 0.03);
    }
}

static void
paint (cairo_t             *cr,
       const AtlasView     *view,
       const AtlasMapState *state,
       AtlasPaintParts      parts,
       double               margin,
       GArray              *blits,
       GArray              *placed,
       AtlasLegendFlags    *drawn)
{
  Painter p = { cr, view, atlas_geo_world_size (view->zoom) };

  g_return_if_fail (state != NULL && state->features != NULL);

  p.visible = (AtlasBox) { view->x / p.size, view->y / p.size,
                           (view->x + view->width) / p.size, (view->y + view->height) / p.size };
  p.near = (AtlasBox) { (view->x - margin) / p.size, (view->y - margin) / p.size,
                        (view->x + view->width + margin) / p.size,
                        (view->y + view->height + margin) / p.size };
  p.labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  p.named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.shapes = (parts & ATLAS_PAINT_SHAPES) != 0;
  p.texts = (parts & ATLAS_PAINT_LABELS) != 0;
  p.blits = blits;
  p.marks = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  p.placed = placed;
  if (state->reserved != NULL)
    g_array_append_vals (p.marks, state->reserved->data, state->reserved->len);

  cairo_save (cr);
  paint_zones (&p, state);
  paint_corridors (&p, state);
  paint_events (&p, state);
  /* Names in order of importance: the selection's, capitals', countries', then the rest as
   * room allows. */
  if (p.texts)
    {
      paint_edge_marker (&p, state);
      paint_selected_place_name (&p, state);
    }
  paint_places (&p, state, 0, 0);
  if (p.texts)
    {
      paint_country_names (&p, state);
      collect_marks (&p, state);
      paint_corridor_names (&p, state);
    }
  paint_places (&p, state, 1, 3);
  if (p.texts)
    paint_province_names (&p, state);
  cairo_restore (cr);

  if (view->zoom >= 6.5)
    p.drawn |= ATLAS_LEGEND_PROVINCES;
  if (drawn != NULL)
    *drawn = p.drawn;
  g_array_unref (p.labels);
  g_hash_table_unref (p.named);
  g_array_unref (p.marks);
}

/**
 * atlas_map_painter_paint:
 *
 * Paints zones valid on the state's day, corridors styled by their status on it, places by
 * importance for the zoom, and the events' glyphs, onto @cr whose origin is the view's
 * top-left corner.
 */
void
atlas_map_painter_paint (cairo_t             *cr,
                         const AtlasView     *view,
                         const AtlasMapState *state,
                         AtlasLegendFlags    *drawn)
{
  atlas_map_painter_paint_parts (cr, view, state, ATLAS_PAINT_ALL, 0, NULL, drawn);
}

/**
 * atlas_map_painter_paint_parts:
 * @parts: the shapes, the labels or both
 * @margin: how far outside the view, in pixels, marks are still drawn: a tile needs the
 *   glyphs of its neighbours that spill over its edge
 * @blits: (nullable) (element-type AtlasBlit): where labels go instead of onto @cr
 *
 * Paints part of what atlas_map_painter_paint() paints, for a map that keeps its shapes in
 * tiles and places its labels for each frame.
 */
void
atlas_map_painter_paint_parts (cairo_t             *cr,
                               const AtlasView     *view,
                               const AtlasMapState *state,
                               AtlasPaintParts      parts,
                               double               margin,
                               GArray              *blits,
                               AtlasLegendFlags    *drawn)
{
  paint (cr, view, state, parts, margin, blits, NULL, drawn);
}

/**
 * atlas_map_painter_place_labels:
 *
 * Places the labels of @view as atlas_map_painter_paint() does, without drawing them, for
 * tests to see where each went and where the places' dots they keep off are.
 *
 * Returns: (transfer full) (element-type AtlasPlaced): labels and dots, in the order placed
 */
GArray *
atlas_map_painter_place_labels (const AtlasView     *view,
                                const AtlasMapState *state)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  g_autoptr(GArray) blits = atlas_blits_new ();
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlaced));

  g_array_set_clear_func (placed, clear_placed);
  paint (cr, view, state, ATLAS_PAINT_LABELS, 0, blits, placed, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return placed;
}

typedef enum
{
  SWATCH_LINE,
  SWATCH_TINT,
  SWATCH_DOT,
  SWATCH_GLYPH,
} SwatchKind;

typedef struct
{
  AtlasLegendFlags flag;
  const char      *section;
  const char      *label;
  SwatchKind       swatch;
  const char      *corridor_kind;  /* for colour */
  AtlasStatus      status;         /* for the dash pattern */
  double           rgba[4];
} LegendRow;

static const LegendRow legend_rows[] = {
  { ATLAS_LEGEND_RAIL, N_("Corridors"), N_("Rail"), SWATCH_LINE, "rail", ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_ROAD, N_("Corridors"), N_("Road"), SWATCH_LINE, "road", ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_OIL_PIPELINE, N_("Corridors"), N_("Oil pipeline"), SWATCH_LINE, "oil-pipeline", ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_GAS_PIPELINE, N_("Corridors"), N_("Gas pipeline"), SWATCH_LINE, "gas-pipeline", ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_MULTIMODAL, N_("Corridors"), N_("Multimodal"), SWATCH_LINE, "multimodal", ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_PROPOSED, N_("Status on the date"), N_("Proposed"), SWATCH_LINE, NULL, ATLAS_STATUS_PROPOSED },
  { ATLAS_LEGEND_AGREED, N_("Status on the date"), N_("Agreed"), SWATCH_LINE, NULL, ATLAS_STATUS_AGREED },
  { ATLAS_LEGEND_UNDER_CONSTRUCTION, N_("Status on the date"), N_("Under construction"), SWATCH_LINE, NULL, ATLAS_STATUS_UNDER_CONSTRUCTION },
  { ATLAS_LEGEND_OPERATIONAL, N_("Status on the date"), N_("Operational"), SWATCH_LINE, NULL, ATLAS_STATUS_OPERATIONAL },
  { ATLAS_LEGEND_SUSPENDED, N_("Status on the date"), N_("Suspended"), SWATCH_LINE, NULL, ATLAS_STATUS_SUSPENDED },
  { ATLAS_LEGEND_STATUS_UNKNOWN, N_("Status on the date"), N_("Not given in the sources"), SWATCH_LINE, NULL, ATLAS_STATUS_UNKNOWN },
  { ATLAS_LEGEND_EXCLAVE, N_("Areas"), N_("Exclave"), SWATCH_TINT, NULL, 0, { 0.0, 0.57, 0.74, 0.0 } },
  { ATLAS_LEGEND_PEACEKEEPING, N_("Areas"), N_("Peacekeeping zone"), SWATCH_TINT, NULL, 0, { 0.83, 0.33, 0.0, 0.18 } },
  { ATLAS_LEGEND_OTHER_ZONE, N_("Areas"), N_("Former oblast, corridor"), SWATCH_TINT, NULL, 0, { 0.55, 0.35, 0.65, 0.15 } },
  { ATLAS_LEGEND_EVENTS, N_("Events"), N_("Events (number at a place)"), SWATCH_GLYPH, NULL, 0, { 0.80, 0.14, 0.11, 1 } },
  { ATLAS_LEGEND_SELECTED, N_("Events"), N_("Selected"), SWATCH_GLYPH, NULL, 0, { 0.21, 0.52, 0.89, 1 } },
  { ATLAS_LEGEND_PLACES, N_("Boundaries"), N_("Capital, town"), SWATCH_DOT },
  { 0, N_("Boundaries"), N_("International border"), SWATCH_LINE, NULL, ATLAS_STATUS_NONE, { 0.42, 0.37, 0.34, 0.9 } },
  { ATLAS_LEGEND_PROVINCES, N_("Boundaries"), N_("Province"), SWATCH_LINE, NULL, ATLAS_STATUS_PROPOSED, { 0.45, 0.40, 0.36, 0.6 } },
};

#define LEGEND_PADDING 8
#define LEGEND_ROW     17
#define LEGEND_SWATCH  28

static void
legend_swatch (cairo_t         *cr,
               const LegendRow *row,
               double           x,
               double           y)
{
  double rgb[3] = { 0.35, 0.35, 0.35 };
  const double *dashes;
  guint n_dashes;

  switch (row->swatch)
    {
    case SWATCH_LINE:
      if (row->corridor_kind != NULL)
        atlas_map_painter_corridor_color (row->corridor_kind, rgb);
      else if (row->rgba[3] > 0)
        memcpy (rgb, row->rgba, sizeof rgb);
      dashes = atlas_map_painter_status_dashes (row->status, &n_dashes);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      cairo_set_line_width (cr, row->rgba[3] > 0 ? 1.2 : 3.0);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], row->status == ATLAS_STATUS_SUSPENDED ? 0.35 : 1);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + LEGEND_SWATCH, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case SWATCH_TINT:
      cairo_rectangle (cr, x, y - 5, LEGEND_SWATCH, 10);
      cairo_set_source_rgba (cr, row->rgba[0], row->rgba[1], row->rgba[2], row->rgba[3]);
      cairo_fill_preserve (cr);
      {
        static const double dash[] = { 3, 2 };

        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_set_source_rgba (cr, 0.35, 0.25, 0.4, 0.9);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case SWATCH_DOT:
      cairo_arc (cr, x + LEGEND_SWATCH / 2.0, y, 3.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case SWATCH_GLYPH:
    default:
      cairo_arc (cr, x + LEGEND_SWATCH / 2.0, y, 6, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, row->rgba[0], row->rgba[1], row->rgba[2]);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

/**
 * atlas_map_painter_paint_legend:
 * @cr: (nullable): where to draw, at the origin; %NULL only measures
 * @flags: what the view showed; borders are always explained
 * @width: (out): the legend's width
 * @height: (out): the legend's height
 *
 * Draws the key to every colour and line style in @flags, grouped under headings.
 */
void
atlas_map_painter_paint_legend (cairo_t          *cr,
                                AtlasLegendFlags  flags,
                                gboolean          dark,
                                double           *width,
                                double           *height)
{
  cairo_surface_t *scratch = NULL;
  const char *section = NULL;
  double y = LEGEND_PADDING, w = 0;

  if (cr == NULL)
    {
      scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (scratch);
    }

  for (guint i = 0; i < G_N_ELEMENTS (legend_rows); i++)
    {
      const LegendRow *row = &legend_rows[i];
      g_autoptr(PangoLayout) layout = NULL;
      PangoFontDescription *font;
      int text_width, text_height;

      if (row->flag != 0 && (flags & row->flag) == 0)
        continue;

      if (g_strcmp0 (section, row->section) != 0)
        {
          section = row->section;
          layout = pango_cairo_create_layout (cr);
          font = pango_font_description_from_string ("Sans Bold 8");
          pango_layout_set_text (layout, _(section), -1);
          pango_layout_set_font_description (layout, font);
          pango_font_description_free (font);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          y += y > LEGEND_PADDING ? 4 : 0;
          cairo_move_to (cr, LEGEND_PADDING, y);
          cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.6);
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
          w = MAX (w, text_width);
          y += text_height + 2;
          g_clear_object (&layout);
        }

      legend_swatch (cr, row, LEGEND_PADDING, y + LEGEND_ROW / 2.0);
      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string ("Sans 8.5");
      pango_layout_set_text (layout, _(row->label), -1);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_move_to (cr, LEGEND_PADDING + LEGEND_SWATCH + 8, y + (LEGEND_ROW - text_height) / 2.0);
      cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.85);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
      w = MAX (w, LEGEND_SWATCH + 8 + text_width);
      y += LEGEND_ROW;
    }

  *width = w + 2 * LEGEND_PADDING;
  *height = y + LEGEND_PADDING;

  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
}
