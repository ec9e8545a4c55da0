/* atlas-export.h: views written as PNG, SVG or PDF files, with no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-features.h"
#include "atlas-session.h"

G_BEGIN_DECLS

/* The largest side of an export, in pixels (PNG) or points (SVG, PDF). */
#define ATLAS_EXPORT_MAX_SIDE 16384

typedef enum
{
  ATLAS_EXPORT_PNG,
  ATLAS_EXPORT_SVG,
  ATLAS_EXPORT_PDF,
} AtlasExportFormat;

typedef struct
{
  AtlasExportFormat format;
  double            latitude;   /* the centre of the view */
  double            longitude;
  double            zoom;
  int               width;      /* in logical pixels (PNG) or points (SVG, PDF) */
  int               height;
  int               scale;      /* PNG pixels per logical pixel, 1 to 3 */
  gboolean          dark;
} AtlasExportOptions;

gboolean atlas_export_format_for_name (const char               *name,
                                       AtlasExportFormat        *format,
                                       GError                  **error);
gboolean atlas_export_map             (AtlasSession             *session,
                                       AtlasFeatures            *features,
                                       const AtlasExportOptions *options,
                                       const char               *path,
                                       GError                  **error);
GBytes  *atlas_export_map_to_bytes    (AtlasSession             *session,
                                       AtlasFeatures            *features,
                                       const AtlasExportOptions *options,
                                       GError                  **error);

G_END_DECLS
