/* atlas-sheet.h: exports laid out with their words: the sheet and the captioned timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-export-options.h"
#include "atlas-features.h"
#include "atlas-session.h"

G_BEGIN_DECLS

gboolean atlas_sheet_paint            (cairo_t                  *cr,
                                       AtlasSession             *session,
                                       AtlasFeatures            *features,
                                       const AtlasExportOptions *options,
                                       double                    width,
                                       double                    height,
                                       GError                  **error);
gboolean atlas_sheet_paint_timeline   (cairo_t                  *cr,
                                       AtlasSession             *session,
                                       const AtlasExportOptions *options,
                                       double                    width,
                                       double                    height,
                                       GError                  **error);
gboolean atlas_sheet_measure_timeline (AtlasSession             *session,
                                       const AtlasExportOptions *options,
                                       double                    width,
                                       double                   *height,
                                       GError                  **error);
double   atlas_sheet_scale_bar_metres (double                    latitude,
                                       double                    zoom,
                                       double                    max_width,
                                       double                   *bar_width);

G_END_DECLS
