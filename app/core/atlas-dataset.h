/* atlas-dataset.h: fills a store from the dataset's key files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

AtlasStore *atlas_dataset_open_store     (const char       *path,
                                          AtlasStoreFlags   flags,
                                          GError          **error);
gboolean    atlas_dataset_load_bundled   (AtlasStore       *store,
                                          GError          **error);
gboolean    atlas_dataset_load_directory (AtlasStore       *store,
                                          const char       *directory,
                                          GError          **error);

G_END_DECLS
