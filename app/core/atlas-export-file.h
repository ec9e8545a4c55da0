/* atlas-export-file.h: an export's file, written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AtlasExportFile AtlasExportFile;

AtlasExportFile *atlas_export_file_open             (GFile            *target,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
gboolean         atlas_export_file_write            (AtlasExportFile  *self,
                                                     const guchar     *data,
                                                     gsize             length,
                                                     GError          **error);
gboolean         atlas_export_file_commit           (AtlasExportFile  *self,
                                                     GError          **error);
void             atlas_export_file_free             (AtlasExportFile  *self);
void             atlas_export_file_remove_temporary (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasExportFile, atlas_export_file_free)

G_END_DECLS
