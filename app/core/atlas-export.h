/* atlas-export.h: views written as PNG, SVG or PDF files, with no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-export-options.h"
#include "atlas-features.h"
#include "atlas-session.h"

G_BEGIN_DECLS

gboolean atlas_export_measure    (AtlasSession             *session,
                                  const AtlasExportOptions *options,
                                  double                   *width,
                                  double                   *height,
                                  double                   *device_width,
                                  double                   *device_height,
                                  GError                  **error);
gboolean atlas_export_paint      (cairo_t                  *cr,
                                  AtlasSession             *session,
                                  AtlasFeatures            *features,
                                  const AtlasExportOptions *options,
                                  GError                  **error);
gboolean atlas_export_write_file (AtlasSession             *session,
                                  AtlasFeatures            *features,
                                  const AtlasExportOptions *options,
                                  GFile                    *file,
                                  GCancellable             *cancellable,
                                  GError                  **error);
gboolean atlas_export_write      (AtlasSession             *session,
                                  AtlasFeatures            *features,
                                  const AtlasExportOptions *options,
                                  const char               *path,
                                  GError                  **error);
GBytes  *atlas_export_to_bytes   (AtlasSession             *session,
                                  AtlasFeatures            *features,
                                  const AtlasExportOptions *options,
                                  GError                  **error);

G_END_DECLS
