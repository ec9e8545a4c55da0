/* atlas-record.h: a row of the store as an object with read-only properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"
#include "atlas-vocabulary.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD (atlas_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (AtlasRecord, atlas_record, ATLAS, RECORD, GObject)

typedef enum
{
  ATLAS_RECORD_FIELD_STRING,
  ATLAS_RECORD_FIELD_INT64,
  ATLAS_RECORD_FIELD_INT,
  ATLAS_RECORD_FIELD_UINT,
  ATLAS_RECORD_FIELD_BOOLEAN,
  ATLAS_RECORD_FIELD_DOUBLE,
  ATLAS_RECORD_FIELD_LABEL,  /* no column: the vocabulary's label of the string at offset */
} AtlasRecordFieldType;

/* A field of a record class: a member of its instance, read from a column of its query and
 * shown as a read-only property. */
typedef struct
{
  const char           *name;        /* of the property */
  AtlasRecordFieldType  type;
  gsize                 offset;      /* of the member in the instance */
  AtlasVocabulary       vocabulary;  /* for ATLAS_RECORD_FIELD_LABEL */
} AtlasRecordField;

struct _AtlasRecordClass
{
  GObjectClass parent_class;

  /* Set through atlas_record_class_set_query() */
  const AtlasRecordField *fields;
  guint                   n_fields;
  char                   *load_sql;    /* one record: ? is its id */
  char                   *page_sql;    /* many: ? is a JSON array of ids */

  const char             *reading;     /* untranslated: what a failed step was doing */
  const char             *absent;      /* untranslated: "There is no … with the id %s" */

  /* Fills a record that stands for a row that could not be read. */
  void (*set_unreadable) (AtlasRecord *self,
                          const char  *reason);
};

void         atlas_record_class_set_query (AtlasRecordClass        *klass,
                                           const char              *select,
                                           const char              *id_column,
                                           const AtlasRecordField  *fields,
                                           guint                    n_fields);

AtlasRecord *atlas_record_new_from_row    (GType                    type,
                                           sqlite3_stmt            *stmt);
AtlasRecord *atlas_record_load            (GType                    type,
                                           AtlasStore              *store,
                                           gint64                   id,
                                           GError                 **error);
GPtrArray   *atlas_record_load_many       (GType                    type,
                                           AtlasStore              *store,
                                           const gint64            *ids,
                                           guint                    n_ids,
                                           GError                 **error);
AtlasRecord *atlas_record_new_unreadable  (GType                    type,
                                           gint64                   id,
                                           const char              *reason);

gint64       atlas_record_get_id          (AtlasRecord             *self);
const char  *atlas_record_get_key         (AtlasRecord             *self);

G_END_DECLS
