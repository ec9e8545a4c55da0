/* atlas-store-private.h: what the files of the store share and nothing else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

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

void atlas_store_emit_changed (AtlasStore    *self,
                               AtlasItemKind  kind,
                               GArray        *ids);

G_END_DECLS
