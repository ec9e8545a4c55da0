/* atlas-legend-painter.c: the key to what a painted map view showed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The on-screen legend, the exports' legend card and a sheet's legend are all drawn here,
 * from the flags the map painter sets for what it drew, so that the key lists just what is
 * on the map.
 */

#define G_LOG_DOMAIN "atlas-legend-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-event-glyph.h"
#include "atlas-legend-painter.h"
#include "atlas-map-painter.h"

/* The rows of a corridor of @kind with @status on the day. */
AtlasLegendFlags
atlas_legend_flag_for_corridor (const char  *kind,
                                AtlasStatus  status)
{
  AtlasLegendFlags flags;

  if (g_strcmp0 (kind, "rail") == 0)
    flags = ATLAS_LEGEND_RAIL;
  else if (g_strcmp0 (kind, "road") == 0)
    flags = ATLAS_LEGEND_ROAD;
  else if (g_strcmp0 (kind, "oil-pipeline") == 0)
    flags = ATLAS_LEGEND_OIL_PIPELINE;
  else if (g_strcmp0 (kind, "gas-pipeline") == 0)
    flags = ATLAS_LEGEND_GAS_PIPELINE;
  else
    flags = ATLAS_LEGEND_MULTIMODAL;

  switch (status)
    {
    case ATLAS_STATUS_PROPOSED:
      return flags | ATLAS_LEGEND_PROPOSED;
    case ATLAS_STATUS_AGREED:
      return flags | ATLAS_LEGEND_AGREED;
    case ATLAS_STATUS_UNDER_CONSTRUCTION:
      return flags | ATLAS_LEGEND_UNDER_CONSTRUCTION;
    case ATLAS_STATUS_OPERATIONAL:
      return flags | ATLAS_LEGEND_OPERATIONAL;
    case ATLAS_STATUS_SUSPENDED:
      return flags | ATLAS_LEGEND_SUSPENDED;
    case ATLAS_STATUS_NOT_KNOWN:
    default:
      return flags | ATLAS_LEGEND_STATUS_NOT_KNOWN;
    }
}

/* The row of a zone of @kind. */
AtlasLegendFlags
atlas_legend_flag_for_zone (const char *kind)
{
  if (g_strcmp0 (kind, "exclave") == 0)
    return ATLAS_LEGEND_EXCLAVE;
  if (g_strcmp0 (kind, "peacekeeping") == 0)
    return ATLAS_LEGEND_PEACEKEEPING;
  return ATLAS_LEGEND_OTHER_ZONE;
}

typedef enum
{
  SWATCH_LINE,
  SWATCH_TINT,
  SWATCH_DOT,
  SWATCH_GLYPH,
  SWATCH_GLYPH_RECENT,
  SWATCH_GLYPH_EARLIER,
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
  { ATLAS_LEGEND_STATUS_NOT_KNOWN, N_("Status on the date"), N_("Not known"), SWATCH_LINE, NULL, ATLAS_STATUS_NOT_KNOWN },
  { ATLAS_LEGEND_EXCLAVE, N_("Areas"), N_("Exclave"), SWATCH_TINT, NULL, 0, { 0.0, 0.57, 0.74, 0.0 } },
  { ATLAS_LEGEND_PEACEKEEPING, N_("Areas"), N_("Peacekeeping zone"), SWATCH_TINT, NULL, 0, { 0.83, 0.33, 0.0, 0.18 } },
  { ATLAS_LEGEND_OTHER_ZONE, N_("Areas"), N_("Former oblast, corridor"), SWATCH_TINT, NULL, 0, { 0.55, 0.35, 0.65, 0.15 } },
  { ATLAS_LEGEND_EVENTS, N_("Events"), N_("Events (number at a place)"), SWATCH_GLYPH, NULL, 0, { 0.80, 0.14, 0.11, 1 } },
  { ATLAS_LEGEND_EVENTS_RECENT, N_("Events"), N_("Begun in the month before the date"), SWATCH_GLYPH_RECENT, NULL, 0, { 0.80, 0.14, 0.11, 1 } },
  { ATLAS_LEGEND_EVENTS_EARLIER, N_("Events"), N_("Begun earlier"), SWATCH_GLYPH_EARLIER, NULL, 0, { 0.80, 0.14, 0.11, ATLAS_EVENT_GLYPH_EARLIER_ALPHA } },
  { ATLAS_LEGEND_SELECTED, N_("Events"), N_("Selected"), SWATCH_GLYPH, NULL, 0, { 0.21, 0.52, 0.89, 1 } },
  { ATLAS_LEGEND_PLACES, N_("Boundaries"), N_("Capital, town"), SWATCH_DOT },
  { 0, N_("Boundaries"), N_("International border"), SWATCH_LINE, NULL, ATLAS_STATUS_OPERATIONAL, { 0.42, 0.37, 0.34, 0.9 } },
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
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2],
                             atlas_map_painter_status_alpha (row->status));
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
    case SWATCH_GLYPH_EARLIER:
      cairo_arc (cr, x + LEGEND_SWATCH / 2.0, y, ATLAS_EVENT_GLYPH_EARLIER_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, row->rgba[0], row->rgba[1], row->rgba[2], row->rgba[3]);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      break;
    case SWATCH_GLYPH_RECENT:
      atlas_event_glyph_paint_halo (cr, x + LEGEND_SWATCH / 2.0, y, 4.5);
      G_GNUC_FALLTHROUGH;
    case SWATCH_GLYPH:
    default:
      cairo_arc (cr, x + LEGEND_SWATCH / 2.0, y, row->swatch == SWATCH_GLYPH_RECENT ? 4.5 : 6,
                 0, 2 * G_PI);
      cairo_set_source_rgb (cr, row->rgba[0], row->rgba[1], row->rgba[2]);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

/**
 * atlas_legend_painter_paint:
 * @cr: (nullable): where to draw, at the origin; %NULL only measures
 * @flags: what the view showed; borders are always explained
 * @width: (out): the legend's width
 * @height: (out): the legend's height
 *
 * Draws the key to every colour and line style in @flags, grouped under headings.
 */
void
atlas_legend_painter_paint (cairo_t          *cr,
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
