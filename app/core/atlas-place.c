/* atlas-place.c: a town, port, crossing, region or site, at a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-place"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-place.h"

struct _AtlasPlace
{
  AtlasRecord  parent_instance;

  char        *kind;
  char        *name;
  double       latitude;
  double       longitude;
  gboolean     approximate;
  char        *description;
  gint64       country_id;
  char        *country;
};

G_DEFINE_FINAL_TYPE (AtlasPlace, atlas_place, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "kind", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasPlace, kind) },
  { "name", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasPlace, name) },
  { "latitude", ATLAS_RECORD_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasPlace, latitude) },
  { "longitude", ATLAS_RECORD_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasPlace, longitude) },
  { "approximate", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasPlace, approximate) },
  { "description", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasPlace, description) },
  { "country-id", ATLAS_RECORD_FIELD_INT64, G_STRUCT_OFFSET (AtlasPlace, country_id) },
  { "country", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasPlace, country) },
  { "kind-label", ATLAS_RECORD_FIELD_LABEL, G_STRUCT_OFFSET (AtlasPlace, kind),
    ATLAS_VOCABULARY_PLACE_KINDS },
};

static void
atlas_place_set_unreadable (AtlasRecord *record,
                            const char  *reason)
{
  AtlasPlace *self = ATLAS_PLACE (record);

  self->kind = g_strdup ("");
  self->name = g_strdup (_("Unreadable place"));
  self->description = g_strdup (reason);
}

/* The country is the actor the place belongs to, by name. */
static void
atlas_place_class_init (AtlasPlaceClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_place_set_unreadable;
  record_class->reading = N_("Reading a place");
  record_class->absent = N_("There is no place with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT p.id, p.key, p.kind, p.name, p.lat, p.lon, p.approximate,"
                                " p.description, p.country_id, c.name"
                                " FROM places p LEFT JOIN actors c ON c.id = p.country_id",
                                "p.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_place_init (AtlasPlace *self)
{
}

AtlasPlace *
atlas_place_load (AtlasStore  *store,
                  gint64       id,
                  GError     **error)
{
  return ATLAS_PLACE (atlas_record_load (ATLAS_TYPE_PLACE, store, id, error));
}

AtlasPlace *
atlas_place_new_unreadable (gint64      id,
                            const char *reason)
{
  return ATLAS_PLACE (atlas_record_new_unreadable (ATLAS_TYPE_PLACE, id, reason));
}

const char *
atlas_place_get_kind (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  return self->kind;
}

const char *
atlas_place_get_kind_label (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_PLACE_KINDS, self->kind);
}

const char *
atlas_place_get_name (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  return self->name;
}

double
atlas_place_get_latitude (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);

  return self->latitude;
}

double
atlas_place_get_longitude (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);

  return self->longitude;
}

gboolean
atlas_place_get_approximate (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), FALSE);

  return self->approximate;
}

const char *
atlas_place_get_description (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  return self->description;
}

gint64
atlas_place_get_country_id (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);

  return self->country_id;
}

const char *
atlas_place_get_country (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  return self->country;
}
