/* atlas-label-placer.c: the map's names, placed so that none hides another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are placed greedily in order of importance and skipped where they would collide
 * with a name already placed, a place's dot, an event's glyph or a reserved box (a legend).
 * Each is drawn once into a sprite of the frame's cache and then copied.
 */

#define G_LOG_DOMAIN "atlas-label-placer"

#include "config.h"

#include <math.h>

#include "atlas-map-painter-private.h"

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
label_fits (AtlasMapFrame           *frame,
            const cairo_rectangle_t *rect)
{
  if (rect->x < 0 || rect->y < 0 || rect->x + rect->width > frame->view->width ||
      rect->y + rect->height > frame->view->height)
    return FALSE;

  return !overlaps_any (frame->labels, rect) && !overlaps_any (frame->marks, rect);
}

static void
note_placed (AtlasMapFrame           *frame,
             AtlasPlacedKind          kind,
             const char              *text,
             const cairo_rectangle_t *rect)
{
  AtlasPlaced placed = { kind, NULL, rect->x, rect->y, rect->width, rect->height };

  if (frame->placed == NULL)
    return;
  placed.text = g_strdup (text);
  g_array_append_val (frame->placed, placed);
}

/* More labels than this would not be read anyway; stopping keeps dense views fast. */
#define MAX_LABELS 120

/* Takes @rect, which must fit, for @text and draws @sprite there (or leaves it to the
 * caller, as a blit). */
static void
put_label (AtlasMapFrame           *frame,
           const char              *text,
           const AtlasLabelSprite  *sprite,
           const cairo_rectangle_t *rect)
{
  g_array_append_val (frame->labels, *rect);
  g_hash_table_add (frame->named, g_strdup (text));
  note_placed (frame, ATLAS_PLACED_LABEL, text, rect);

  if (frame->blits != NULL)
    {
      AtlasBlit blit = { cairo_surface_reference (sprite->surface), round (rect->x), round (rect->y),
                         sprite->width, sprite->height };

      g_array_append_val (frame->blits, blit);
      return;
    }

  cairo_set_source_surface (frame->cr, sprite->surface, round (rect->x), round (rect->y));
  cairo_rectangle (frame->cr, round (rect->x), round (rect->y), sprite->width, sprite->height);
  cairo_fill (frame->cr);
}

/* Draws @text with a halo at (x, y) (its left and vertical centre), unless it collides.
 * The size is first estimated from the text's length, so that the many labels that cannot
 * fit cost nothing at all. */
gboolean
atlas_map_frame_label (AtlasMapFrame *frame,
                       const char    *text,
                       double         x,
                       double         y,
                       const char    *font,
                       double         r,
                       double         g,
                       double         b)
{
  const AtlasLabelSprite *sprite;
  cairo_rectangle_t rect;
  double estimate = g_utf8_strlen (text, -1) * 4.5;  /* on the small side: only a first sieve */

  if (frame->labels->len >= MAX_LABELS || g_hash_table_contains (frame->named, text))
    return FALSE;

  rect = (cairo_rectangle_t) { x - 1, y - 8, estimate + 2, 16 };
  if (!label_fits (frame, &rect))
    return FALSE;

  sprite = atlas_sprite_cache_get_label (frame->sprites, frame->cr, text, font,
                                         (double[]) { r, g, b }, frame->view->dark);
  rect = (cairo_rectangle_t) { x - 2, y - sprite->height / 2.0, sprite->width, sprite->height };
  if (!label_fits (frame, &rect))
    return FALSE;
  put_label (frame, text, sprite, &rect);
  return TRUE;
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
void
atlas_label_placer_collect_marks (AtlasMapFrame       *frame,
                                  const AtlasMapState *state)
{
  for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
      gboolean selected = atlas_map_state_is_selected (state, ATLAS_ITEM_PLACE, place->id);
      cairo_rectangle_t rect;
      double x, y, radius, line;

      /* As paint_places() draws them: the selected place with a ring round its dot. */
      if (place->rank >= 3 ||
          (frame->view->zoom < atlas_map_painter_place_min_zoom (place->rank) && !selected))
        continue;
      atlas_map_frame_to_screen (frame, place->point, &x, &y);
      atlas_sprite_dot_size (place->rank == 0, &radius, &line);
      if (selected)
        {
          radius = 9;
          line = 2.5;
        }
      rect = (cairo_rectangle_t) { x - radius - line / 2, y - radius - line / 2,
                                   2 * radius + line, 2 * radius + line };
      if (rect.x >= frame->view->width || rect.y >= frame->view->height ||
          rect.x + rect.width <= 0 || rect.y + rect.height <= 0)
        continue;
      g_array_append_val (frame->marks, rect);
      note_placed (frame, ATLAS_PLACED_DOT, place->name, &rect);
    }

  /* The events' glyphs too: a name over one would hide how many events are there. */
  for (guint i = 0; state->events != NULL && i < state->events->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      cairo_rectangle_t rect;
      double x, y, radius;

      if (!atlas_geo_box_contains (&frame->visible, glyph->point))
        continue;
      atlas_event_glyph_position (glyph, frame->view, &x, &y, &radius);
      rect = (cairo_rectangle_t) { x - radius, y - radius, 2 * radius, 2 * radius };
      g_array_append_val (frame->marks, rect);
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
line_spots (AtlasMapFrame    *frame,
            const AtlasPoint *points,
            guint             n_points)
{
  GArray *spots = g_array_new (FALSE, FALSE, sizeof (LineSpot));
  AtlasBox view = { 0, 0, frame->view->width, frame->view->height };
  double along = 0;

  for (guint k = 0; k + 1 < n_points; k++)
    {
      AtlasPoint a, b;
      double length, t0, t1;

      atlas_map_frame_to_screen (frame, points[k], &a.x, &a.y);
      atlas_map_frame_to_screen (frame, points[k + 1], &b.x, &b.y);
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
judge_name_place (AtlasMapFrame            *frame,
                  const AtlasMapState      *state,
                  const AtlasCorridorShape *own,
                  const cairo_rectangle_t  *rect)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  AtlasBox area = { (rect->x + frame->view->x) / frame->size, (rect->y + frame->view->y) / frame->size,
                    (rect->x + rect->width + frame->view->x) / frame->size,
                    (rect->y + rect->height + frame->view->y) / frame->size };

  if (crosses_line (points + own->first_point, own->n_points, &area))
    return NAME_ON_OWN_LINE;

  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);

      if (corridor != own && atlas_geo_box_intersects (&corridor->box, &area) &&
          crosses_line (points + corridor->first_point, corridor->n_points, &area))
        return NAME_ON_OTHER_LINE;
    }

  return NAME_CLEAR;
}

/* Places @corridor's name beside its line, at one of @spots: tried from the middle of the
 * part in view outwards, on both sides; the first place off every line wins, else the
 * first one off the line's own, else any that fits. */
static void
name_line (AtlasMapFrame            *frame,
           const AtlasMapState      *state,
           const AtlasCorridorShape *corridor,
           const GArray             *spots)
{
  /* Darker than the line on a light map, lighter on a dark one. */
  double shade = frame->view->dark ? 0.55 : 0.7, lift = frame->view->dark ? 0.45 : 0;
  int stride = ((int) spots->len + MAX_NAME_SPOTS - 1) / MAX_NAME_SPOTS, middle = (int) spots->len / 2;
  NamePlace best = NAME_NOWHERE;
  cairo_rectangle_t best_rect = { 0 };
  const AtlasLabelSprite *sprite;
  double rgb[3];

  if (frame->labels->len >= MAX_LABELS || g_hash_table_contains (frame->named, corridor->name))
    return;

  /* Its real size is needed to set the name beside the line; made once and kept. */
  atlas_map_painter_corridor_color (corridor->kind, rgb);
  for (int i = 0; i < 3; i++)
    rgb[i] = rgb[i] * shade + lift;
  sprite = atlas_sprite_cache_get_label (frame->sprites, frame->cr, corridor->name, "Sans Bold 9",
                                         rgb, frame->view->dark);

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

          if (!label_fits (frame, &rect))
            continue;
          place = judge_name_place (frame, state, corridor, &rect);
          if (place < best)
            {
              best = place;
              best_rect = rect;
            }
        }
    }

  if (best != NAME_NOWHERE)
    put_label (frame, corridor->name, sprite, &best_rect);
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
void
atlas_label_placer_name_corridors (AtlasMapFrame       *frame,
                                   const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineInView));

  g_array_set_clear_func (lines, clear_line_in_view);
  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);
      LineInView line = { corridor };

      if (corridor->n_points < 2 || !atlas_geo_box_intersects (&corridor->box, &frame->visible))
        continue;

      line.spots = line_spots (frame, points + corridor->first_point, corridor->n_points);
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

      name_line (frame, state, line->corridor, line->spots);
    }
}

/* The selected place's name comes before every other label, so nothing hides it. */
void
atlas_label_placer_name_selected_place (AtlasMapFrame       *frame,
                                        const AtlasMapState *state)
{
  const AtlasPlaceMark *place;
  double x, y;

  if (state->selection.kind != ATLAS_ITEM_PLACE ||
      (place = atlas_features_find_place (state->features, state->selection.id)) == NULL ||
      !atlas_geo_box_contains (&frame->visible, place->point))
    return;

  atlas_map_frame_to_screen (frame, place->point, &x, &y);
  if (frame->view->dark)
    atlas_map_frame_label (frame, atlas_place_mark_label (place, state->place_names), x + 11, y,
                           "Sans Bold 10", 0.6, 0.78, 1.0);
  else
    atlas_map_frame_label (frame, atlas_place_mark_label (place, state->place_names), x + 11, y,
                           "Sans Bold 10", 0.13, 0.36, 0.70);
}

/* When the selection lies off screen, an arrow at the edge points to it, with its name. */
void
atlas_label_placer_edge_marker (AtlasMapFrame       *frame,
                                const AtlasMapState *state)
{
  double tx, ty, cx = frame->view->width / 2, cy = frame->view->height / 2;
  double dx, dy, t, x, y, angle;
  const double margin = 22;

  if (!state->has_target || atlas_geo_box_contains (&frame->visible, state->target))
    return;

  atlas_map_frame_to_screen (frame, state->target, &tx, &ty);
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
    int scale = atlas_sprite_scale (frame->cr);
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

    if (frame->blits != NULL)
      {
        AtlasBlit blit = { arrow, round (x - 20), round (y - 20), 40, 40 };

        g_array_append_val (frame->blits, blit);
      }
    else
      {
        cairo_set_source_surface (frame->cr, arrow, round (x - 20), round (y - 20));
        cairo_rectangle (frame->cr, round (x - 20), round (y - 20), 40, 40);
        cairo_fill (frame->cr);
        cairo_surface_destroy (arrow);
      }
  }

  if (state->target_name != NULL)
    {
      double lx = dx > 0 ? x - 24 - g_utf8_strlen (state->target_name, -1) * 6.5 : x + 20;

      atlas_map_frame_label (frame, state->target_name, CLAMP (lx, 4, frame->view->width - 120),
                             y + (dy > 0 ? -20 : 20), "Sans Bold 9", 0.13, 0.36, 0.70);
    }
}

/* Country names, spaced capitals in a quiet colour, at each country's main body. The
 * detailed outlines give the names in the region, the coarse ones elsewhere. */
void
atlas_label_placer_name_countries (AtlasMapFrame       *frame,
                                   const AtlasMapState *state)
{
  gboolean detailed = frame->view->zoom >= ATLAS_PAINTER_DETAIL_ZOOM;

  if (state->basemap == NULL || frame->view->zoom < 3.5 || frame->view->zoom > 9.5)
    return;

  for (guint i = 0; i < atlas_basemap_get_n_features (state->basemap); i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (state->basemap, i);
      g_autofree char *name = NULL;
      double x, y;

      if (feature->kind != ATLAS_BASEMAP_COUNTRY || !atlas_geo_box_contains (&frame->visible, feature->label))
        continue;
      /* Where detailed outlines exist they name the country; skip the coarse twin. */
      if (feature->coarse && detailed && feature->detailed)
        continue;
      if (!feature->coarse && !detailed)
        continue;

      name = g_utf8_strup (feature->name, -1);
      atlas_map_frame_to_screen (frame, feature->label, &x, &y);
      {
        double shade = frame->view->dark ? 0.72 : 0.40;
        double rgb[3] = { shade + 0.05, shade, shade - 0.04 };
        int width = atlas_sprite_cache_get_label (frame->sprites, frame->cr, name, "Sans Bold 10",
                                                  rgb, frame->view->dark)->width;

        /* At the centre, or just above or below it when a capital's name is there. */
        for (int k = 0; k < 3; k++)
          if (atlas_map_frame_label (frame, name, x - width / 2.0,
                                     y + (k == 0 ? 0 : k == 1 ? 18 : -18), "Sans Bold 10",
                                     rgb[0], rgb[1], rgb[2]))
            break;
      }
    }
}

/* Provinces' names from the zoom at which their boundaries show, quieter than countries'.
 * A province that is one of our places (Şuşa is Shusha's district, Stepanakert Khankendi's)
 * takes the place's name, so that the map names each place one way, and once. */
void
atlas_label_placer_name_provinces (AtlasMapFrame       *frame,
                                   const AtlasMapState *state)
{
  double shade = frame->view->dark ? 0.68 : 0.5;

  if (state->basemap == NULL || frame->view->zoom < 7)
    return;

  for (guint i = 0; i < atlas_basemap_get_n_features (state->basemap); i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (state->basemap, i);
      const AtlasPlaceMark *place;
      const char *name;
      double x, y;

      if (feature->kind != ATLAS_BASEMAP_PROVINCE || !atlas_geo_box_contains (&frame->visible, feature->label))
        continue;

      place = atlas_features_find_place_named (state->features, feature->folded);
      name = place != NULL ? atlas_place_mark_label (place, state->place_names) : feature->name;
      atlas_map_frame_to_screen (frame, feature->label, &x, &y);
      atlas_map_frame_label (frame, name, x - g_utf8_strlen (name, -1) * 3.0, y,
                             "Sans Italic 9", shade + 0.04, shade, shade - 0.03);
    }
}

