/* atlas-corridor.c: a rail, road, pipeline or multimodal route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-corridor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-corridor.h"

struct _AtlasCorridor
{
  AtlasRecord  parent_instance;

  char        *kind;
  char        *name;
  gboolean     approximate;
  char        *description;
};

G_DEFINE_FINAL_TYPE (AtlasCorridor, atlas_corridor, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "kind", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasCorridor, kind) },
  { "name", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasCorridor, name) },
  { "approximate", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasCorridor, approximate) },
  { "description", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasCorridor, description) },
  { "kind-label", ATLAS_RECORD_FIELD_LABEL, G_STRUCT_OFFSET (AtlasCorridor, kind),
    ATLAS_VOCABULARY_CORRIDOR_KINDS },
};

static void
atlas_corridor_set_unreadable (AtlasRecord *record,
                               const char  *reason)
{
  AtlasCorridor *self = ATLAS_CORRIDOR (record);

  self->kind = g_strdup ("");
  self->name = g_strdup (_("Unreadable corridor"));
  self->description = g_strdup (reason);
}

/* Its line and its statuses by date are the map's (AtlasFeatures): a list needs neither. */
static void
atlas_corridor_class_init (AtlasCorridorClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_corridor_set_unreadable;
  record_class->reading = N_("Reading a corridor");
  record_class->absent = N_("There is no corridor with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT c.id, c.key, c.kind, c.name, c.approximate, c.description"
                                " FROM corridors c",
                                "c.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_corridor_init (AtlasCorridor *self)
{
}

AtlasCorridor *
atlas_corridor_load (AtlasStore  *store,
                     gint64       id,
                     GError     **error)
{
  return ATLAS_CORRIDOR (atlas_record_load (ATLAS_TYPE_CORRIDOR, store, id, error));
}

AtlasCorridor *
atlas_corridor_new_unreadable (gint64      id,
                               const char *reason)
{
  return ATLAS_CORRIDOR (atlas_record_new_unreadable (ATLAS_TYPE_CORRIDOR, id, reason));
}

const char *
atlas_corridor_get_kind (AtlasCorridor *self)
{
  g_return_val_if_fail (ATLAS_IS_CORRIDOR (self), NULL);

  return self->kind;
}

const char *
atlas_corridor_get_kind_label (AtlasCorridor *self)
{
  g_return_val_if_fail (ATLAS_IS_CORRIDOR (self), NULL);

  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_CORRIDOR_KINDS, self->kind);
}

const char *
atlas_corridor_get_name (AtlasCorridor *self)
{
  g_return_val_if_fail (ATLAS_IS_CORRIDOR (self), NULL);

  return self->name;
}

gboolean
atlas_corridor_get_approximate (AtlasCorridor *self)
{
  g_return_val_if_fail (ATLAS_IS_CORRIDOR (self), FALSE);

  return self->approximate;
}

const char *
atlas_corridor_get_description (AtlasCorridor *self)
{
  g_return_val_if_fail (ATLAS_IS_CORRIDOR (self), NULL);

  return self->description;
}
