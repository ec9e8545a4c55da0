/* atlas-memory-file.h: files with no path, kept in memory, for tests of non-local writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_MEMORY_FILE (atlas_memory_file_get_type ())
G_DECLARE_FINAL_TYPE (AtlasMemoryFile, atlas_memory_file, ATLAS, MEMORY_FILE, GObject)

GFile  *atlas_memory_file_new       (const char *name);
GBytes *atlas_memory_file_contents  (GFile      *file);
void    atlas_memory_file_set_space (gsize       bytes);

G_END_DECLS
