/* atlas-zone.c: an exclave, a peacekeeping zone or another area, valid between two dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-zone"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-zone.h"

struct _AtlasZone
{
  AtlasRecord  parent_instance;

  char        *kind;
  char        *name;
  char        *valid_from;
  char        *valid_to;
  gboolean     approximate;
  char        *description;
};

G_DEFINE_FINAL_TYPE (AtlasZone, atlas_zone, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "kind", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasZone, kind) },
  { "name", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasZone, name) },
  { "valid-from", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasZone, valid_from) },
  { "valid-to", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasZone, valid_to) },
  { "approximate", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasZone, approximate) },
  { "description", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasZone, description) },
  { "kind-label", ATLAS_RECORD_FIELD_LABEL, G_STRUCT_OFFSET (AtlasZone, kind),
    ATLAS_VOCABULARY_ZONE_KINDS },
};

static void
atlas_zone_set_unreadable (AtlasRecord *record,
                           const char  *reason)
{
  AtlasZone *self = ATLAS_ZONE (record);

  self->kind = g_strdup ("");
  self->name = g_strdup (_("Unreadable zone"));
  self->description = g_strdup (reason);
}

/* Its outline is the map's (AtlasFeatures): a list does not need it. */
static void
atlas_zone_class_init (AtlasZoneClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_zone_set_unreadable;
  record_class->reading = N_("Reading a zone");
  record_class->absent = N_("There is no zone with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT z.id, z.key, z.kind, z.name, z.valid_from, z.valid_to,"
                                " z.approximate, z.description FROM zones z",
                                "z.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_zone_init (AtlasZone *self)
{
}

AtlasZone *
atlas_zone_load (AtlasStore  *store,
                 gint64       id,
                 GError     **error)
{
  return ATLAS_ZONE (atlas_record_load (ATLAS_TYPE_ZONE, store, id, error));
}

AtlasZone *
atlas_zone_new_unreadable (gint64      id,
                           const char *reason)
{
  return ATLAS_ZONE (atlas_record_new_unreadable (ATLAS_TYPE_ZONE, id, reason));
}

const char *
atlas_zone_get_kind (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return self->kind;
}

const char *
atlas_zone_get_kind_label (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_ZONE_KINDS, self->kind);
}

const char *
atlas_zone_get_name (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return self->name;
}

const char *
atlas_zone_get_valid_from (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return self->valid_from;
}

const char *
atlas_zone_get_valid_to (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return self->valid_to;
}

gboolean
atlas_zone_get_approximate (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), FALSE);

  return self->approximate;
}

const char *
atlas_zone_get_description (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return self->description;
}
