/* atlas-export-options.h: what an export shows, at what size and in which format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-timeline-painter.h"

G_BEGIN_DECLS

/* The largest side of an export, in pixels (PNG) or points (SVG, PDF). */
#define ATLAS_EXPORT_MAX_SIDE 16384

typedef enum
{
  ATLAS_EXPORT_PNG,
  ATLAS_EXPORT_SVG,
  ATLAS_EXPORT_PDF,
} AtlasExportFormat;

typedef enum
{
  ATLAS_EXPORT_MAP,       /* the map view, with its legend */
  ATLAS_EXPORT_SHEET,     /* the map with a title, legend, scale, timeline and sources */
  ATLAS_EXPORT_TIMELINE,  /* the timeline alone */
} AtlasExportKind;

typedef enum
{
  ATLAS_PAPER_NONE,
  ATLAS_PAPER_A4,
  ATLAS_PAPER_A3,
} AtlasPaper;

/* Logical pixels are the screen's: 96 to the inch. A page is printed at 300 dpi. */
#define ATLAS_EXPORT_PAGE_DPI 300.0
#define ATLAS_EXPORT_MM_PER_INCH 25.4

typedef struct
{
  AtlasExportFormat  format;
  AtlasExportKind    kind;
  double             latitude;   /* the centre of the map view */
  double             longitude;
  double             zoom;
  int                width;      /* in logical pixels (PNG) or points (SVG, PDF) */
  int                height;     /* for a timeline, 0 fits its lanes */
  int                scale;      /* PNG pixels per logical pixel, 1 to 3 */
  AtlasPaper         paper;      /* when set, the page's size at 300 dpi, not width and height */
  gboolean           landscape;
  gboolean           dark;       /* the map's style; sheets and timelines are always light */
  const char        *title;      /* of a sheet; NULL for the default */
  double             timeline_start;  /* the first day the timeline shows */
  double             timeline_span;   /* days; 0 fits the filtered events */
  AtlasTimelineLanes lanes;
} AtlasExportOptions;

void        atlas_export_options_init     (AtlasExportOptions       *options);
gboolean    atlas_export_format_for_name  (const char               *name,
                                           AtlasExportFormat        *format,
                                           GError                  **error);
const char *atlas_export_format_suffix    (AtlasExportFormat         format);
gboolean    atlas_export_paper_for_name   (const char               *name,
                                           AtlasPaper               *paper,
                                           GError                  **error);
gboolean    atlas_export_check_options    (const AtlasExportOptions *options,
                                           GError                  **error);
void        atlas_export_page_millimetres (AtlasPaper                paper,
                                           gboolean                  landscape,
                                           double                   *width,
                                           double                   *height);
void        atlas_export_page_size        (AtlasPaper                paper,
                                           gboolean                  landscape,
                                           double                   *width,
                                           double                   *height);

G_END_DECLS
