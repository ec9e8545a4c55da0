/* atlas-store-schema.h: the schema a store must have, version by version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "atlas-store.h"

G_BEGIN_DECLS

int       atlas_store_schema_get_latest_version (void);
char     *atlas_store_schema_get_migration      (int          version,
                                                 GError     **error);
gboolean  atlas_store_schema_verify             (AtlasStore  *store,
                                                 int          version,
                                                 GError     **error);

G_END_DECLS
