/* atlas-record.c: a row of the store as an object with read-only properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actors, events, excerpts, places, corridors, zones and sources are records: an id, a key
 * and fields read from one row of a query. Each record class lists its fields once, with the
 * query that reads them; this base class makes the properties, reads a row into the fields,
 * frees them, and loads one record or a page of them. So lists can sort and bind records
 * through GtkExpression, and a list model can load a screenful with one statement.
 */

#define G_LOG_DOMAIN "atlas-record"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-record.h"

typedef struct
{
  gint64  id;
  char   *key;
} AtlasRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasRecord, atlas_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of a record's query: its id, its key, then its fields'. */
#define FIRST_FIELD_COLUMN 2

static void
atlas_record_finalize (GObject *object)
{
  AtlasRecord *self = ATLAS_RECORD (object);
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (self);

  g_free (priv->key);
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == ATLAS_RECORD_FIELD_STRING)
      g_free (G_STRUCT_MEMBER (char *, self, klass->fields[i].offset));

  G_OBJECT_CLASS (atlas_record_parent_class)->finalize (object);
}

/* Serves the subclasses' properties too: they are numbered after their fields, and
 * atlas_record_class_set_query() makes this the subclass's get_property (GObject gives no
 * class its parent's). */
static void
atlas_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasRecord *self = ATLAS_RECORD (object);
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);
  AtlasRecordClass *owner;
  const AtlasRecordField *field;
  gpointer member;

  if (pspec->owner_type == ATLAS_TYPE_RECORD)
    {
      switch (prop_id)
        {
        case PROP_ID:
          g_value_set_int64 (value, priv->id);
          break;
        case PROP_KEY:
          g_value_set_string (value, priv->key);
          break;
        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
      return;
    }

  owner = g_type_class_peek (pspec->owner_type);
  if (prop_id == 0 || prop_id > owner->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &owner->fields[prop_id - 1];
  member = G_STRUCT_MEMBER_P (self, field->offset);
  switch (field->type)
    {
    case ATLAS_RECORD_FIELD_STRING:
      g_value_set_string (value, *(char **) member);
      break;
    case ATLAS_RECORD_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) member);
      break;
    case ATLAS_RECORD_FIELD_INT:
      g_value_set_int (value, *(int *) member);
      break;
    case ATLAS_RECORD_FIELD_UINT:
      g_value_set_uint (value, *(guint *) member);
      break;
    case ATLAS_RECORD_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) member);
      break;
    case ATLAS_RECORD_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) member);
      break;
    case ATLAS_RECORD_FIELD_LABEL:
      g_value_set_string (value, atlas_vocabulary_get_label (field->vocabulary,
                                                             *(char **) member));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
atlas_record_class_init (AtlasRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_record_finalize;
  object_class->get_property = atlas_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_record_init (AtlasRecord *self)
{
}

static GParamSpec *
field_param_spec (const AtlasRecordField *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  switch (field->type)
    {
    case ATLAS_RECORD_FIELD_STRING:
    case ATLAS_RECORD_FIELD_LABEL:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case ATLAS_RECORD_FIELD_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case ATLAS_RECORD_FIELD_INT:
      return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case ATLAS_RECORD_FIELD_UINT:
      return g_param_spec_uint (field->name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case ATLAS_RECORD_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    case ATLAS_RECORD_FIELD_DOUBLE:
      return g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * atlas_record_class_set_query:
 * @klass: a record class, in its class_init
 * @select: "SELECT id, key, <a column for each field but labels> FROM …", without WHERE
 * @id_column: the id in @select's tables, such as "e.id"
 * @fields: (array length=n_fields): static, in the order of @select's columns
 *
 * Makes a read-only property for each field and the queries that load records.
 */
void
atlas_record_class_set_query (AtlasRecordClass       *klass,
                              const char             *select,
                              const char             *id_column,
                              const AtlasRecordField *fields,
                              guint                   n_fields)
{
  g_return_if_fail (ATLAS_IS_RECORD_CLASS (klass));
  g_return_if_fail (klass->fields == NULL);

  G_OBJECT_CLASS (klass)->get_property = atlas_record_get_property;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->load_sql = g_strconcat (select, " WHERE ", id_column, " = ?", NULL);
  klass->page_sql = g_strconcat (select, " WHERE ", id_column,
                                 " IN (SELECT value FROM json_each (?))", NULL);

  for (guint i = 0; i < n_fields; i++)
    g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, field_param_spec (&fields[i]));
}

/* Makes a record of @type from the row @stmt stands on, in the columns of its query. */
AtlasRecord *
atlas_record_new_from_row (GType         type,
                           sqlite3_stmt *stmt)
{
  AtlasRecord *self;
  AtlasRecordPrivate *priv;
  AtlasRecordClass *klass;
  int column = FIRST_FIELD_COLUMN;

  g_return_val_if_fail (g_type_is_a (type, ATLAS_TYPE_RECORD), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (type, NULL);
  priv = atlas_record_get_instance_private (self);
  klass = ATLAS_RECORD_GET_CLASS (self);

  priv->id = sqlite3_column_int64 (stmt, 0);
  priv->key = atlas_store_dup_column (stmt, 1);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasRecordField *field = &klass->fields[i];
      gpointer member = G_STRUCT_MEMBER_P (self, field->offset);

      switch (field->type)
        {
        case ATLAS_RECORD_FIELD_STRING:
          *(char **) member = atlas_store_dup_column (stmt, column++);
          break;
        case ATLAS_RECORD_FIELD_INT64:
          *(gint64 *) member = sqlite3_column_int64 (stmt, column++);
          break;
        case ATLAS_RECORD_FIELD_INT:
          *(int *) member = sqlite3_column_int (stmt, column++);
          break;
        case ATLAS_RECORD_FIELD_UINT:
          {
            gint64 count = sqlite3_column_int64 (stmt, column++);

            *(guint *) member = CLAMP (count, 0, G_MAXUINT);
          }
          break;
        case ATLAS_RECORD_FIELD_BOOLEAN:
          *(gboolean *) member = sqlite3_column_int (stmt, column++) != 0;
          break;
        case ATLAS_RECORD_FIELD_DOUBLE:
          *(double *) member = sqlite3_column_double (stmt, column++);
          break;
        case ATLAS_RECORD_FIELD_LABEL:
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return self;
}

/* The class's message names its kind in words a translator sees whole: a format of one %s,
 * so not a literal here. */
static void
set_absent_error (AtlasRecordClass  *klass,
                  gint64             id,
                  GError           **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, _(klass->absent), id_text);
#pragma GCC diagnostic pop
}

/**
 * atlas_record_load:
 * @type: a record class
 *
 * Returns: (transfer full): the record @id of @type, or %NULL with @error set: a failed step
 *   is told from an absent row, which is %ATLAS_STORE_ERROR_FAILED
 */
AtlasRecord *
atlas_record_load (GType        type,
                   AtlasStore  *store,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(GTypeClass) type_class = NULL;
  AtlasRecordClass *klass;
  AtlasRecord *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (g_type_is_a (type, ATLAS_TYPE_RECORD), NULL);
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  type_class = g_type_class_ref (type);
  klass = ATLAS_RECORD_CLASS (type_class);
  stmt = atlas_store_prepare (store, klass->load_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _(klass->reading));
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_absent_error (klass, id, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  self = atlas_record_new_from_row (type, stmt);
  sqlite3_reset (stmt);
  return self;
}

/**
 * atlas_record_load_many:
 * @type: a record class
 * @ids: (array length=n_ids): the records to load
 *
 * Loads the records @ids with one statement. Ids of no record are left out.
 *
 * Returns: (transfer full) (element-type AtlasRecord): the records, in no particular order,
 *   or %NULL with @error set when the store fails
 */
GPtrArray *
atlas_record_load_many (GType          type,
                        AtlasStore    *store,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autoptr(GTypeClass) type_class = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) json = g_string_new ("[");
  AtlasRecordClass *klass;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (g_type_is_a (type, ATLAS_TYPE_RECORD), NULL);
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  type_class = g_type_class_ref (type);
  klass = ATLAS_RECORD_CLASS (type_class);
  stmt = atlas_store_prepare (store, klass->page_sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, atlas_record_new_from_row (type, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _(klass->reading));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* Stands in for a row that could not be read, so that a list still has an item there,
 * one that says so. */
AtlasRecord *
atlas_record_new_unreadable (GType       type,
                             gint64      id,
                             const char *reason)
{
  AtlasRecord *self;
  AtlasRecordPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, ATLAS_TYPE_RECORD), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  self = g_object_new (type, NULL);
  priv = atlas_record_get_instance_private (self);
  priv->id = id;
  priv->key = g_strdup ("");
  ATLAS_RECORD_GET_CLASS (self)->set_unreadable (self, reason);

  return self;
}

gint64
atlas_record_get_id (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);

  return ((AtlasRecordPrivate *) atlas_record_get_instance_private (self))->id;
}

const char *
atlas_record_get_key (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);

  return ((AtlasRecordPrivate *) atlas_record_get_instance_private (self))->key;
}
