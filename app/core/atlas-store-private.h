/* atlas-store-private.h: what the files of the store share and nothing else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

/* How long another program may hold the store before we give up and say so. */
#define ATLAS_STORE_BUSY_TIMEOUT_MS  5000
/* How long one step of a statement may take before the statement is stopped. */
#define ATLAS_STORE_TIME_LIMIT_MS    10000

struct _AtlasStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  char         *backup_path;
  GHashTable   *statements;  /* SQL text -> sqlite3_stmt */
  int           schema_version;
  guint         time_limit_ms;
  gint64        step_started;   /* 0 until the step under way has made progress */
  guint64       statement_count;
  GCancellable *cancellable;
  GHashTable   *changes;     /* during a change: AtlasItemKind -> GArray of gint64, or NULL */
  guint         read_only : 1;      /* by permission or by request */
  guint         file_writable : 1;
  guint         created : 1;
  guint         interrupted : 1;
};

void     atlas_store_emit_changed      (AtlasStore     *self,
                                        AtlasItemKind   kind,
                                        GArray         *ids);
void     atlas_store_set_failure       (AtlasStore     *self,
                                        GError        **error,
                                        int             rc,
                                        const char     *what,
                                        const char     *message);
gboolean atlas_store_query_int         (AtlasStore     *self,
                                        const char     *sql,
                                        int            *value,
                                        GError        **error);
void     atlas_store_harden_connection (AtlasStore     *self);

G_END_DECLS
