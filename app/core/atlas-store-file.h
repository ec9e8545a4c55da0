/* atlas-store-file.h: the store's file, before and beside SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the first 100 bytes of a SQLite file say, read without SQLite. */
typedef struct
{
  gboolean empty;           /* a file of no bytes: a new database */
  gint32   user_version;    /* the schema version (signed, as SQLite keeps it) */
  guint32  application_id;
  gboolean wal;             /* written in write-ahead-log mode */
} AtlasStoreHeader;

char     *atlas_store_file_resolve     (const char        *path,
                                        gboolean          *exists,
                                        GError           **error);
gboolean  atlas_store_file_read_header (const char        *path,
                                        AtlasStoreHeader  *header,
                                        GError           **error);
gboolean  atlas_store_file_was_left_open (const char      *path);

G_END_DECLS
