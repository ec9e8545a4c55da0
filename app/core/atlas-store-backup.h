/* atlas-store-backup.h: the copy of a store kept before an upgrade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *atlas_store_backup_keep_copy (const char  *path,
                                    int          version,
                                    GError     **error);

G_END_DECLS
