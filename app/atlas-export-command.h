/* atlas-export-command.h: caucasus-atlas --export, run with no window or display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

gboolean atlas_filter_from_options (AtlasStore    *store,
                                    GVariantDict  *options,
                                    AtlasFilter   *filter,
                                    GError       **error);
int      atlas_export_command_run  (const char    *db_path,
                                    const char    *file,
                                    GVariantDict  *options);

G_END_DECLS
