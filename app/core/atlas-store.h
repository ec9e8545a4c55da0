/* atlas-store.h: the SQLite file that holds the atlas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "atlas-item.h"

G_BEGIN_DECLS

#define ATLAS_STORE_ERROR (atlas_store_error_quark ())

typedef enum
{
  ATLAS_STORE_ERROR_NO_DIRECTORY,
  ATLAS_STORE_ERROR_PERMISSION,
  ATLAS_STORE_ERROR_NOT_A_DATABASE,
  ATLAS_STORE_ERROR_NOT_AN_ATLAS,
  ATLAS_STORE_ERROR_CORRUPT,
  ATLAS_STORE_ERROR_TOO_NEW,
  ATLAS_STORE_ERROR_READ_ONLY,
  ATLAS_STORE_ERROR_DATASET,
  ATLAS_STORE_ERROR_FAILED,
  ATLAS_STORE_ERROR_BUSY,
  ATLAS_STORE_ERROR_INTERRUPTED,
  ATLAS_STORE_ERROR_SCHEMA,
} AtlasStoreError;

typedef enum
{
  ATLAS_STORE_FLAGS_NONE = 0,
  /* Open an existing store only to read it: never create, upgrade or write it. An older
   * store stays at its own schema version, so only version-independent work (the check)
   * may use it. */
  ATLAS_STORE_FLAGS_READ_ONLY = 1 << 1,
} AtlasStoreFlags;

/* "CAtl": marks a SQLite file as ours in its header (PRAGMA application_id). */
#define ATLAS_STORE_APPLICATION_ID 0x4341746c

#define ATLAS_TYPE_STORE (atlas_store_get_type ())
G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

GQuark        atlas_store_error_quark          (void);
int           atlas_store_get_latest_version   (void);
char         *atlas_store_get_default_path     (void);

/* Writes the first records of a store just created, in the transaction that creates it. */
typedef gboolean (*AtlasStoreFillFunc) (AtlasStore  *store,
                                        gpointer     user_data,
                                        GError     **error);

AtlasStore   *atlas_store_open                 (const char       *path,
                                                AtlasStoreFlags   flags,
                                                GError          **error);
AtlasStore   *atlas_store_open_full            (const char          *path,
                                                AtlasStoreFlags      flags,
                                                AtlasStoreFillFunc   fill,
                                                gpointer             user_data,
                                                GError             **error);
AtlasStore   *atlas_store_open_reader          (AtlasStore       *store,
                                                GError          **error);
void          atlas_store_set_cancellable      (AtlasStore       *self,
                                                GCancellable     *cancellable);
GCancellable *atlas_store_get_cancellable      (AtlasStore       *self);
void          atlas_store_read_mapped          (AtlasStore       *self);
const char   *atlas_store_get_path             (AtlasStore       *self);
gboolean      atlas_store_get_read_only        (AtlasStore       *self);
gboolean      atlas_store_get_created          (AtlasStore       *self);
const char   *atlas_store_get_backup_path      (AtlasStore       *self);
int           atlas_store_get_schema_version   (AtlasStore       *self);
guint64       atlas_store_get_statement_count  (AtlasStore       *self);
void          atlas_store_set_time_limit       (AtlasStore       *self,
                                                guint             milliseconds);
GStrv         atlas_store_check                (AtlasStore       *self,
                                                GCancellable     *cancellable,
                                                GError          **error);

sqlite3_stmt *atlas_store_prepare              (AtlasStore       *self,
                                                const char       *sql,
                                                GError          **error);
gboolean      atlas_store_exec                 (AtlasStore       *self,
                                                const char       *sql,
                                                GError          **error);
gboolean      atlas_store_begin                (AtlasStore       *self,
                                                GError          **error);
gboolean      atlas_store_commit               (AtlasStore       *self,
                                                GError          **error);
void          atlas_store_rollback             (AtlasStore       *self);

gboolean      atlas_store_begin_change         (AtlasStore       *self,
                                                GError          **error);
void          atlas_store_note_change          (AtlasStore       *self,
                                                AtlasItemKind     kind,
                                                gint64            id);
gboolean      atlas_store_commit_change        (AtlasStore       *self,
                                                GError          **error);
void          atlas_store_rollback_change      (AtlasStore       *self);

gboolean      atlas_store_step_done            (AtlasStore       *self,
                                                sqlite3_stmt     *stmt,
                                                GError          **error);
void          atlas_store_set_error            (AtlasStore       *self,
                                                GError          **error,
                                                const char       *what);
sqlite3      *atlas_store_get_db               (AtlasStore       *self);
char         *atlas_store_dup_column           (sqlite3_stmt     *stmt,
                                                int               column);

/* Makes one row of a statement into a new structure. */
typedef gpointer (*AtlasStoreRowReader) (sqlite3_stmt *stmt);

GPtrArray    *atlas_store_read_rows            (AtlasStore          *self,
                                                sqlite3_stmt        *stmt,
                                                AtlasStoreRowReader  read_row,
                                                GDestroyNotify       free_row,
                                                const char          *what,
                                                GError             **error);

G_END_DECLS
