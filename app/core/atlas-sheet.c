/* atlas-sheet.c: exports laid out with their words: the sheet and the captioned timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet is a page that stands on its own in a report: a title; the "as of" day and the
 * filter in words; the map with its legend and a scale bar beside it; the timeline of the
 * filtered events; and footnotes that cite the sources of the excerpts behind them, with
 * the basemap's attribution. Sheets are printed, so they are always light. When the page is
 * short, the timeline shrinks as a whole, or gives way to the map if it would be too small to
 * read, and the footnotes end with how many more there are rather than crowd the map out.
 */

#define G_LOG_DOMAIN "atlas-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-date.h"
#include "atlas-geo.h"
#include "atlas-map-view-painter.h"
#include "atlas-query.h"
#include "atlas-sheet.h"
#include "atlas-summary.h"

#define GAP             12.0
#define COLUMN_GAP      24.0
#define CAPTION_HEIGHT  24.0
#define SCALE_BAR_WIDTH 160.0
#define MIN_TIMELINE_FIT 0.6   /* smaller, and the timeline's words cannot be read */
#define EARTH_CIRCUMFERENCE 40075016.686  /* metres, at the equator */

static const double ink[] = { 0.13, 0.13, 0.13 };
static const double faint_ink[] = { 0.40, 0.40, 0.40 };

/* A layout of @text in @font; wrapped at @width when it is above 0. */
static PangoLayout *
text_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
show_layout (cairo_t      *cr,
             PangoLayout  *layout,
             const double *colour,
             double        x,
             double        y)
{
  cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* The "as of" day in words: the session's, or today. */
static char *
as_of_words (AtlasSession *session)
{
  const char *day = atlas_session_get_date (session);
  g_autofree char *today = NULL;

  if (day == NULL)
    day = today = atlas_date_from_number (atlas_date_today_number ());
  return atlas_date_format (day);
}

/* The filter in words, as the results found it: with the events as of the date, saying
 * so. */
static char *
filter_words (AtlasSession *session)
{
  return atlas_summary_describe_filter (atlas_session_get_store (session),
                                        atlas_results_get_filter (atlas_session_get_results (session)),
                                        atlas_session_get_place_names (session));
}

/* The filtered events on a timeline @width wide, over the days asked for or all of them. */
static gboolean
load_timeline (AtlasSession              *session,
               const AtlasExportOptions  *options,
               double                     width,
               AtlasTimelineScene        *scene,
               GError                   **error)
{
  atlas_timeline_scene_init (scene);
  scene->width = width;
  if (!atlas_timeline_scene_load (scene, session, options->lanes, error))
    return FALSE;
  if (options->timeline_span > 0)
    {
      scene->start = options->timeline_start;
      scene->span = options->timeline_span;
    }
  else
    atlas_timeline_scene_show_all (scene);
  return TRUE;
}

static void
paint_timeline_strip (cairo_t                  *cr,
                      const AtlasTimelineScene *scene,
                      double                    height)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, "Sans 9", "", 0);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, scene->width, height);
  cairo_clip (cr);
  atlas_timeline_painter_paint (cr, layout, scene, height, ink);
  cairo_restore (cr);
}

/**
 * atlas_sheet_measure_timeline:
 * @height: (out): the height that shows every lane and the caption
 */
gboolean
atlas_sheet_measure_timeline (AtlasSession              *session,
                              const AtlasExportOptions  *options,
                              double                     width,
                              double                    *height,
                              GError                   **error)
{
  AtlasTimelineScene scene;
  gboolean loaded = load_timeline (session, options, width, &scene, error);

  if (loaded)
    *height = atlas_timeline_scene_height (&scene) + CAPTION_HEIGHT;
  atlas_timeline_scene_clear (&scene);
  return loaded;
}

/* "82 events · All events · As of 8 August 2025" */
static char *
timeline_caption (AtlasSession *session,
                  guint         n_events)
{
  g_autofree char *filter = filter_words (session);
  g_autofree char *as_of = as_of_words (session);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                         n_events), n_events);

  /* Translators: the caption of an exported timeline: the number of events, the filter
   * in words and the "as of" day */
  return g_strdup_printf (_("%s · %s · As of %s"), count, filter, as_of);
}

/**
 * atlas_sheet_paint_timeline:
 *
 * The timeline alone, every lane of it, with a caption that says what it shows.
 */
gboolean
atlas_sheet_paint_timeline (cairo_t                   *cr,
                            AtlasSession              *session,
                            const AtlasExportOptions  *options,
                            double                     width,
                            double                     height,
                            GError                   **error)
{
  AtlasTimelineScene scene;
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *words = NULL;
  double strip_height = MAX (0, height - CAPTION_HEIGHT);

  if (!load_timeline (session, options, width, &scene, error))
    {
      atlas_timeline_scene_clear (&scene);
      return FALSE;
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  paint_timeline_strip (cr, &scene, strip_height);

  words = timeline_caption (session, scene.events->len);
  caption = text_layout (cr, "Sans 8", words, width - 16);
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (caption, 0);  /* one line */
  show_layout (cr, caption, faint_ink, 8, strip_height + (CAPTION_HEIGHT - layout_height (caption)) / 2);

  atlas_timeline_scene_clear (&scene);
  return TRUE;
}

/**
 * atlas_sheet_scale_bar_metres:
 * @bar_width: (out): the bar's length in pixels, at most @max_width
 *
 * Returns: the longest round distance (1, 2 or 5 times a power of ten metres) that fits in
 *   @max_width pixels at @latitude on a Web Mercator map at @zoom
 */
double
atlas_sheet_scale_bar_metres (double  latitude,
                              double  zoom,
                              double  max_width,
                              double *bar_width)
{
  double metres_per_pixel = EARTH_CIRCUMFERENCE * cos (latitude * G_PI / 180) / atlas_geo_world_size (zoom);
  double longest = metres_per_pixel * max_width;
  double power = pow (10, floor (log10 (longest)));
  double metres = power;

  if (5 * power <= longest)
    metres = 5 * power;
  else if (2 * power <= longest)
    metres = 2 * power;
  *bar_width = metres / metres_per_pixel;
  return metres;
}

/* A bar in four black and white parts with its length in kilometres (or metres), on a card
 * in the map's bottom-left corner. */
static void
paint_scale_bar (cairo_t                  *cr,
                 const AtlasExportOptions *options,
                 double                    map_height)
{
  double bar_width, metres = atlas_sheet_scale_bar_metres (options->latitude, options->zoom,
                                                          SCALE_BAR_WIDTH, &bar_width);
  g_autofree char *label = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                                          : g_strdup_printf (_("%g m"), metres);
  g_autoptr(PangoLayout) layout = text_layout (cr, "Sans 8", label, 0);
  g_autoptr(PangoLayout) zero = text_layout (cr, "Sans 8", "0", 0);
  int label_width, label_height, zero_width;
  double x, y;

  pango_layout_get_pixel_size (layout, &label_width, &label_height);
  pango_layout_get_pixel_size (zero, &zero_width, NULL);
  x = 10 + zero_width / 2.0;
  y = map_height - 10 - label_height - 7 - 5;

  cairo_rectangle (cr, 6, y - 6, bar_width + zero_width / 2.0 + label_width / 2.0 + 14,
                   label_height + 7 + 5 + 10);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);

  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x + i * bar_width / 4, y, bar_width / 4, 5);
      if (i % 2 == 0)
        cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x + 0.5, y + 0.5, bar_width - 1, 4);
  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  show_layout (cr, zero, ink, x - zero_width / 2.0, y + 7);
  show_layout (cr, layout, ink, x + bar_width - label_width / 2.0, y + 7);
}

/* The sources as numbered footnotes, in @columns columns; with more than fit in
 * @max_height, the last line says how many are left out. */
typedef struct
{
  PangoLayout *heading;
  PangoLayout *columns[2];
  guint        n_columns;
  double       column_width;
  double       height;
} Footnotes;

static char *
footnote_text (GPtrArray *sources,
               guint      first,
               guint      last,
               guint      left_out)
{
  GString *text = g_string_new (NULL);

  for (guint i = first; i < last; i++)
    {
      AtlasSourceRow *source = g_ptr_array_index (sources, i);
      g_autofree char *date = source->date ? atlas_date_format (source->date) : NULL;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. ", i + 1);
      if (source->author != NULL)
        g_string_append_printf (text, "%s, ", source->author);
      /* Translators: a footnote: a source's title, its publication and its date */
      g_string_append_printf (text, _("“%s”, %s"), source->title, source->publication);
      if (date != NULL)
        g_string_append_printf (text, ", %s", date);
      if (source->reference)
        {
          /* A fact added from outside the documents says so, and where to check it. */
          if (source->url != NULL)
            g_string_append_printf (text, ", %s", source->url);
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     " (reference, not from the documents: %u note)",
                                                     " (reference, not from the documents: %u notes)",
                                                     source->n_excerpts), source->n_excerpts);
        }
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u excerpt)", " (%u excerpts)",
                                                   source->n_excerpts), source->n_excerpts);
    }
  if (left_out > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more source",
                                               "\n… and %u more sources", left_out), left_out);
  return g_string_free (text, FALSE);
}

static void
footnotes_clear (Footnotes *notes)
{
  g_clear_object (&notes->heading);
  g_clear_object (&notes->columns[0]);
  g_clear_object (&notes->columns[1]);
}

/* Lays out the first @shown sources in the columns, and how many are left out; returns the
 * height of the footnotes. */
static double
footnotes_layout_shown (Footnotes *notes,
                        cairo_t   *cr,
                        GPtrArray *sources,
                        guint      shown)
{
  guint per_column = (shown + notes->n_columns - 1) / notes->n_columns;
  double tallest = 0;

  for (guint c = 0; c < notes->n_columns; c++)
    {
      guint first = MIN (c * per_column, shown), last = MIN (first + per_column, shown);
      gboolean final = c == notes->n_columns - 1;
      g_autofree char *text = footnote_text (sources, first, last, final ? sources->len - shown : 0);

      g_clear_object (&notes->columns[c]);
      notes->columns[c] = text_layout (cr, "Sans 8", text, notes->column_width);
      tallest = MAX (tallest, layout_height (notes->columns[c]));
    }
  notes->height = layout_height (notes->heading) + 4 + tallest;
  return notes->height;
}

static void
footnotes_layout (Footnotes *notes,
                  cairo_t   *cr,
                  GPtrArray *sources,
                  guint      n_excerpts,
                  double     width,
                  double     max_height)
{
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Source of the %u excerpt behind this view",
                                                           "Sources of the %u excerpts behind this view",
                                                           n_excerpts), n_excerpts);
  g_autoptr(PangoLayout) line = text_layout (cr, "Sans 8", "1.", 0);
  guint fewest = 0, most;

  notes->n_columns = width >= 900 && sources->len > 1 ? 2 : 1;
  notes->column_width = (width - (notes->n_columns - 1) * COLUMN_GAP) / notes->n_columns;
  notes->heading = text_layout (cr, "Sans Bold 9", sources->len > 0 ? heading
                                                                     : _("No excerpts stand behind this view"), width);
  notes->columns[0] = notes->columns[1] = NULL;

  /* As many as fit: a footnote takes a line at least, so no more than there are lines, and
   * then the most that fit, found by halves. Laying out every source, then one fewer, and
   * so on, took a minute with a thousand sources. */
  most = MIN (sources->len, notes->n_columns * (guint) (MAX (0, max_height) / MAX (1, layout_height (line)) + 1));
  if (footnotes_layout_shown (notes, cr, sources, most) > max_height)
    {
      while (fewest + 1 < most)
        {
          guint middle = fewest + (most - fewest) / 2;

          if (footnotes_layout_shown (notes, cr, sources, middle) <= max_height)
            fewest = middle;
          else
            most = middle;
        }
      footnotes_layout_shown (notes, cr, sources, fewest);
    }
}

static void
footnotes_paint (Footnotes *notes,
                 cairo_t   *cr,
                 double     x,
                 double     y)
{
  show_layout (cr, notes->heading, ink, x, y);
  y += layout_height (notes->heading) + 4;
  for (guint c = 0; c < notes->n_columns; c++)
    show_layout (cr, notes->columns[c], faint_ink, x + c * (notes->column_width + COLUMN_GAP), y);
}

/* Every row the legend can have: the widest it can be. */
#define ALL_LEGEND_ROWS ((AtlasLegendFlags) ((ATLAS_LEGEND_SELECTED << 1) - 1))

/**
 * atlas_sheet_paint:
 *
 * Lays out and paints a sheet from (0, 0) to (@width, @height).
 */
gboolean
atlas_sheet_paint (cairo_t                   *cr,
                   AtlasSession              *session,
                   AtlasFeatures             *features,
                   const AtlasExportOptions  *options,
                   double                     width,
                   double                     height,
                   GError                   **error)
{
  AtlasStore *store = atlas_session_get_store (session);
  double margin = CLAMP (MIN (width, height) * 0.03, 16, 40), inner = width - 2 * margin;
  g_autofree char *as_of = as_of_words (session);
  g_autofree char *filter = filter_words (session);
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *timeline_title = NULL;
  g_autoptr(GArray) excerpts = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle_layout = NULL;
  g_autoptr(PangoLayout) credits_layout = NULL;
  g_autoptr(PangoLayout) timeline_caption_layout = NULL;
  Footnotes notes = { 0 };
  AtlasTimelineScene scene;
  AtlasMapViewFrame frame;
  AtlasLegendFlags drawn = 0;
  double header, footer, available, strip = 0, timeline_block = 0, timeline_fit, map_width, map_height, y;
  double legend_width, legend_height;

  if (atlas_results_get_error (atlas_session_get_results (session)) != NULL)
    {
      g_propagate_error (error, g_error_copy (atlas_results_get_error (atlas_session_get_results (session))));
      return FALSE;
    }
  excerpts = g_array_ref (atlas_results_get_excerpt_ids (atlas_session_get_results (session)));
  sources = atlas_query_sources_of (store, excerpts, error);
  if (sources == NULL)
    return FALSE;
  if (!load_timeline (session, options, inner, &scene, error))
    {
      atlas_timeline_scene_clear (&scene);
      return FALSE;
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The header: title, then the day and the filter. */
  title = text_layout (cr, "Sans Bold 20", options->title ? options->title : _("The South Caucasus"), inner);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, 0);
  /* Translators: under a sheet's title: the "as of" day and the filter in words */
  subtitle = g_strdup_printf (_("As of %s · %s"), as_of, filter);
  subtitle_layout = text_layout (cr, "Sans 10", subtitle, inner);
  header = layout_height (title) + 4 + layout_height (subtitle_layout) + GAP;

  /* The footer: footnotes, then the credits. */
  today = atlas_date_from_number (atlas_date_today_number ());
  {
    g_autofree char *exported = atlas_date_format (today);

    /* Translators: the last line of a sheet */
    credits = g_strdup_printf (_("Borders: Natural Earth (public domain) · Events, corridors and "
                                 "excerpts: the Caucasus Atlas dataset, from the sources above · "
                                 "Made with Caucasus Atlas on %s"), exported);
  }
  credits_layout = text_layout (cr, "Sans 7.5", credits, inner);
  footnotes_layout (&notes, cr, sources, excerpts->len, inner, height * 0.22);
  footer = notes.height + 6 + layout_height (credits_layout);

  /* The timeline, unless the map would be left too little room. */
  timeline_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Timeline of the %u event shown",
                                                 "Timeline of the %u events shown", scene.events->len),
                                    scene.events->len);
  timeline_caption_layout = text_layout (cr, "Sans Bold 9", timeline_title, inner);
  available = height - 2 * margin - header - GAP - footer;
  timeline_fit = MIN (1, (available * 0.45 - layout_height (timeline_caption_layout) - 4 - GAP) /
                         atlas_timeline_scene_height (&scene));
  if (timeline_fit >= MIN_TIMELINE_FIT)
    {
      /* Every lane, shrunk as a whole if need be, rather than lanes cut off. */
      scene.width = inner / timeline_fit;
      strip = atlas_timeline_scene_height (&scene) * timeline_fit;
      timeline_block = layout_height (timeline_caption_layout) + 4 + strip + GAP;
    }
  map_height = available - timeline_block;
  map_height = MAX (map_height, 40);

  /* The map, with its legend and scale bar in a column beside it. */
  atlas_legend_painter_paint (NULL, ALL_LEGEND_ROWS, FALSE, &legend_width, &legend_height);
  map_width = MAX (inner - legend_width - GAP, inner / 2);
  y = margin + header;

  show_layout (cr, title, ink, margin, margin);
  show_layout (cr, subtitle_layout, faint_ink, margin, margin + layout_height (title) + 4);

  frame = (AtlasMapViewFrame) {
    .latitude = options->latitude,
    .longitude = options->longitude,
    .zoom = options->zoom,
    .width = map_width,
    .height = map_height,
    .scale_bar = TRUE,
  };
  cairo_save (cr);
  cairo_translate (cr, margin, y);
  if (!atlas_map_view_painter_paint (cr, session, features, &frame, &drawn, error))
    {
      cairo_restore (cr);
      cairo_restore (cr);
      footnotes_clear (&notes);
      atlas_timeline_scene_clear (&scene);
      return FALSE;
    }
  paint_scale_bar (cr, options, map_height);
  cairo_rectangle (cr, 0.5, 0.5, map_width - 1, map_height - 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, margin + map_width + GAP - 8, y - 8);
  atlas_legend_painter_paint (cr, drawn, FALSE, &legend_width, &legend_height);
  cairo_restore (cr);

  y += map_height + GAP;
  if (timeline_block > 0)
    {
      show_layout (cr, timeline_caption_layout, ink, margin, y);
      y += layout_height (timeline_caption_layout) + 4;
      cairo_save (cr);
      cairo_translate (cr, margin, y);
      cairo_scale (cr, timeline_fit, timeline_fit);
      paint_timeline_strip (cr, &scene, atlas_timeline_scene_height (&scene));
      cairo_restore (cr);
      y += strip + GAP;
    }

  footnotes_paint (&notes, cr, margin, height - margin - footer);
  show_layout (cr, credits_layout, faint_ink, margin, height - margin - layout_height (credits_layout));
  cairo_restore (cr);

  footnotes_clear (&notes);
  atlas_timeline_scene_clear (&scene);
  return TRUE;
}
