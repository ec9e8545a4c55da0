/* atlas-record-list.h: a list model of records, loaded from the store as they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Rows loaded together, with one statement. GTK 4.8's list views keep up to 200 rows
 * around what is shown, so a page holds them all: showing a list costs one statement or
 * two, and a page still costs only a few milliseconds. */
#define ATLAS_RECORD_LIST_PAGE_SIZE 256

#define ATLAS_TYPE_RECORD_LIST (atlas_record_list_get_type ())
G_DECLARE_FINAL_TYPE (AtlasRecordList, atlas_record_list, ATLAS, RECORD_LIST, GObject)

GType            atlas_record_list_type_for_kind (AtlasItemKind    kind);

AtlasRecordList *atlas_record_list_new           (AtlasStore      *store,
                                                  AtlasItemKind    kind);
void             atlas_record_list_set_ids       (AtlasRecordList *self,
                                                  GArray          *ids);
void             atlas_record_list_reorder       (AtlasRecordList *self,
                                                  GArray          *ids);
gboolean         atlas_record_list_begin_reorder (AtlasRecordList *self,
                                                  GArray          *ids);
gboolean         atlas_record_list_begin_replace (AtlasRecordList *self,
                                                  GArray          *ids);
void             atlas_record_list_end_reorder   (AtlasRecordList *self);
void             atlas_record_list_invalidate    (AtlasRecordList *self,
                                                  GArray          *ids);
gint64           atlas_record_list_get_id        (AtlasRecordList *self,
                                                  guint            position);
guint            atlas_record_list_find          (AtlasRecordList *self,
                                                  gint64           id);

G_END_DECLS
