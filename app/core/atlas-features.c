/* atlas-features.c: what the map draws from the store, projected once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corridors, zones and places change only when the store does, so they are read once into
 * flat arrays of unit-Mercator points; painting and hit-testing then never touch SQLite.
 */

#define G_LOG_DOMAIN "atlas-features"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-features.h"

struct _AtlasFeatures
{
  GObject  parent_instance;

  GArray  *corridors;  /* AtlasCorridorShape */
  GArray  *zones;      /* AtlasZoneShape */
  GArray  *places;     /* AtlasPlaceMark */
  GArray  *points;     /* AtlasPoint, for corridors and zones */
  GHashTable *named;   /* any name of a place, folded -> its index in places + 1 */
};

G_DEFINE_FINAL_TYPE (AtlasFeatures, atlas_features, G_TYPE_OBJECT)

static void
clear_corridor (gpointer data)
{
  AtlasCorridorShape *corridor = data;

  g_free (corridor->name);
  g_free (corridor->kind);
  g_clear_pointer (&corridor->statuses, g_array_unref);
}

static void
clear_zone (gpointer data)
{
  AtlasZoneShape *zone = data;

  g_free (zone->name);
  g_free (zone->kind);
  g_free (zone->first_day);
  g_free (zone->last_day);
}

static void
clear_place (gpointer data)
{
  AtlasPlaceMark *place = data;

  g_free (place->name);
  g_free (place->kind);
  for (guint i = 0; i < ATLAS_N_PLACE_NAMES; i++)
    g_free (place->labels[i]);
}

static void
atlas_features_finalize (GObject *object)
{
  AtlasFeatures *self = ATLAS_FEATURES (object);

  g_clear_pointer (&self->corridors, g_array_unref);
  g_clear_pointer (&self->zones, g_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->named, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_features_parent_class)->finalize (object);
}

static void
atlas_features_class_init (AtlasFeaturesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_features_finalize;
}

static void
atlas_features_init (AtlasFeatures *self)
{
  self->corridors = g_array_new (FALSE, TRUE, sizeof (AtlasCorridorShape));
  g_array_set_clear_func (self->corridors, clear_corridor);
  self->zones = g_array_new (FALSE, TRUE, sizeof (AtlasZoneShape));
  g_array_set_clear_func (self->zones, clear_zone);
  self->places = g_array_new (FALSE, TRUE, sizeof (AtlasPlaceMark));
  g_array_set_clear_func (self->places, clear_place);
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static int
place_rank (const char *kind)
{
  if (g_strcmp0 (kind, "capital") == 0)
    return 0;
  if (g_strcmp0 (kind, "city") == 0 || g_strcmp0 (kind, "port") == 0)
    return 1;
  if (g_strcmp0 (kind, "region") == 0)
    return 3;
  return 2;
}

/* Reads "owner id, lat, lon" rows in order into the point array, calling @add_point with
 * the index of the owner whose row it is. Owners are found by id in @ids. */
static gboolean
read_points (AtlasFeatures  *self,
             AtlasStore     *store,
             const char     *sql,
             GArray         *shapes,
             gsize           id_offset,
             gsize           first_offset,
             gsize           count_offset,
             gsize           box_offset,
             GError        **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, error);
  gsize element = g_array_get_element_size (shapes);
  guint current = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      AtlasPoint point = atlas_geo_project (sqlite3_column_double (stmt, 1),
                                            sqlite3_column_double (stmt, 2));
      char *shape;

      while (current < shapes->len &&
             *(gint64 *) (shapes->data + current * element + id_offset) != owner)
        current++;
      if (current == shapes->len)
        break;

      shape = shapes->data + current * element;
      if (*(guint *) (shape + count_offset) == 0)
        *(guint *) (shape + first_offset) = self->points->len;
      (*(guint *) (shape + count_offset))++;
      atlas_geo_box_add ((AtlasBox *) (shape + box_offset), point);
      g_array_append_val (self->points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      atlas_store_set_error (store, error, _("Reading the map’s features"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_corridors (AtlasFeatures  *self,
                AtlasStore     *store,
                GError        **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT id, name, kind FROM corridors ORDER BY id",
                                            error);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AtlasCorridorShape corridor = { 0 };

      corridor.id = sqlite3_column_int64 (stmt, 0);
      corridor.name = atlas_store_dup_column (stmt, 1);
      corridor.kind = atlas_store_dup_column (stmt, 2);
      corridor.statuses = g_array_new (FALSE, TRUE, sizeof (AtlasStatusEntry));
      atlas_geo_box_init (&corridor.box);
      g_array_append_val (self->corridors, corridor);
    }
  sqlite3_reset (stmt);

  if (!read_points (self, store,
                    "SELECT corridor_id, lat, lon FROM corridor_points ORDER BY corridor_id, seq",
                    self->corridors, G_STRUCT_OFFSET (AtlasCorridorShape, id),
                    G_STRUCT_OFFSET (AtlasCorridorShape, first_point),
                    G_STRUCT_OFFSET (AtlasCorridorShape, n_points),
                    G_STRUCT_OFFSET (AtlasCorridorShape, box), error))
    return FALSE;

  stmt = atlas_store_prepare (store, "SELECT corridor_id, date, status, kind, id FROM corridor_status"
                                     " ORDER BY corridor_id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 corridor_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *date = atlas_store_dup_column (stmt, 1);
      g_autofree char *status = atlas_store_dup_column (stmt, 2);
      g_autofree char *kind = atlas_store_dup_column (stmt, 3);
      AtlasStatusEntry entry;

      if (!atlas_status_entry_init (&entry, date, status, kind, sqlite3_column_int64 (stmt, 4)))
        continue;
      for (guint i = 0; i < self->corridors->len; i++)
        {
          AtlasCorridorShape *corridor = &g_array_index (self->corridors, AtlasCorridorShape, i);

          if (corridor->id == corridor_id)
            g_array_append_val (corridor->statuses, entry);
        }
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < self->corridors->len; i++)
    g_array_sort (g_array_index (self->corridors, AtlasCorridorShape, i).statuses,
                  atlas_status_entry_compare);
  return TRUE;
}

static gboolean
load_zones (AtlasFeatures  *self,
            AtlasStore     *store,
            GError        **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store,
                                            "SELECT id, name, kind, valid_from, valid_to FROM zones"
                                            " ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AtlasZoneShape zone = { 0 };
      g_autofree char *valid_from = atlas_store_dup_column (stmt, 3);
      g_autofree char *valid_to = atlas_store_dup_column (stmt, 4);

      zone.id = sqlite3_column_int64 (stmt, 0);
      zone.name = atlas_store_dup_column (stmt, 1);
      zone.kind = atlas_store_dup_column (stmt, 2);
      zone.first_day = atlas_date_first_day (valid_from);
      zone.last_day = atlas_date_last_day (valid_to);
      atlas_geo_box_init (&zone.box);
      g_array_append_val (self->zones, zone);
    }
  sqlite3_reset (stmt);

  return read_points (self, store, "SELECT zone_id, lat, lon FROM zone_points ORDER BY zone_id, seq",
                      self->zones, G_STRUCT_OFFSET (AtlasZoneShape, id),
                      G_STRUCT_OFFSET (AtlasZoneShape, first_point),
                      G_STRUCT_OFFSET (AtlasZoneShape, n_points),
                      G_STRUCT_OFFSET (AtlasZoneShape, box), error);
}

/* Every name of the places, for the provinces of the basemap that are places of ours: the
 * first place of a name keeps it. */
static gboolean
load_place_names (AtlasFeatures  *self,
                  AtlasStore     *store,
                  GError        **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT place_id, folded FROM names"
                                                   " WHERE place_id IS NOT NULL ORDER BY place_id, id",
                                            error);
  guint index = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 place_id = sqlite3_column_int64 (stmt, 0);
      const char *folded = (const char *) sqlite3_column_text (stmt, 1);

      while (index < self->places->len &&
             g_array_index (self->places, AtlasPlaceMark, index).id < place_id)
        index++;
      if (index == self->places->len)
        break;
      if (folded != NULL && g_array_index (self->places, AtlasPlaceMark, index).id == place_id &&
          !g_hash_table_contains (self->named, folded))
        g_hash_table_insert (self->named, g_strdup (folded), GUINT_TO_POINTER (index + 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      atlas_store_set_error (store, error, _("Reading the map’s features"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_places (AtlasFeatures  *self,
             AtlasStore     *store,
             GError        **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT p.id, p.kind, p.lat, p.lon,"
                                                   ATLAS_SQL_PLACE_NAMING
                                                   " FROM places p ORDER BY p.id", error);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AtlasPlaceMark place = { 0 };

      place.id = sqlite3_column_int64 (stmt, 0);
      place.kind = atlas_store_dup_column (stmt, 1);
      place.rank = place_rank (place.kind);
      place.point = atlas_geo_project (sqlite3_column_double (stmt, 2),
                                       sqlite3_column_double (stmt, 3));
      place.name = atlas_store_dup_column (stmt, 4);
      for (guint i = 0; i < ATLAS_N_PLACE_NAMES; i++)
        place.labels[i] = atlas_place_naming_read (stmt, 4, i);
      g_array_append_val (self->places, place);
    }
  sqlite3_reset (stmt);
  return load_place_names (self, store, error);
}

AtlasFeatures *
atlas_features_load (AtlasStore  *store,
                     GError     **error)
{
  g_autoptr(AtlasFeatures) self = g_object_new (ATLAS_TYPE_FEATURES, NULL);

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!load_corridors (self, store, error) || !load_zones (self, store, error) ||
      !load_places (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
atlas_features_get_n_corridors (AtlasFeatures *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), 0);

  return self->corridors->len;
}

const AtlasCorridorShape *
atlas_features_get_corridor (AtlasFeatures *self,
                             guint          index)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);
  g_return_val_if_fail (index < self->corridors->len, NULL);

  return &g_array_index (self->corridors, AtlasCorridorShape, index);
}

guint
atlas_features_get_n_zones (AtlasFeatures *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), 0);

  return self->zones->len;
}

const AtlasZoneShape *
atlas_features_get_zone (AtlasFeatures *self,
                         guint          index)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);
  g_return_val_if_fail (index < self->zones->len, NULL);

  return &g_array_index (self->zones, AtlasZoneShape, index);
}

guint
atlas_features_get_n_places (AtlasFeatures *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), 0);

  return self->places->len;
}

const AtlasPlaceMark *
atlas_features_get_place (AtlasFeatures *self,
                          guint          index)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);
  g_return_val_if_fail (index < self->places->len, NULL);

  return &g_array_index (self->places, AtlasPlaceMark, index);
}

const AtlasPlaceMark *
atlas_features_find_place (AtlasFeatures *self,
                           gint64         id)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);

  for (guint i = 0; i < self->places->len; i++)
    if (g_array_index (self->places, AtlasPlaceMark, i).id == id)
      return &g_array_index (self->places, AtlasPlaceMark, i);

  return NULL;
}

/* The place one of whose names folds to @folded, as a province of the basemap is named. */
const AtlasPlaceMark *
atlas_features_find_place_named (AtlasFeatures *self,
                                 const char    *folded)
{
  guint index;

  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);

  index = folded != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->named, folded)) : 0;
  return index > 0 ? &g_array_index (self->places, AtlasPlaceMark, index - 1) : NULL;
}

const AtlasPoint *
atlas_features_get_points (AtlasFeatures *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURES (self), NULL);

  return (const AtlasPoint *) self->points->data;
}

/**
 * atlas_corridor_status_entry_at:
 * @day: "YYYY-MM-DD", or %NULL for all that is known
 *
 * Returns: (nullable): the status row that says what the corridor is on @day (see
 *   atlas-as-of.c), or %NULL when nothing is known of it then
 */
const AtlasStatusEntry *
atlas_corridor_status_entry_at (const AtlasCorridorShape *corridor,
                                const char               *day)
{
  return atlas_status_at ((const AtlasStatusEntry *) corridor->statuses->data,
                          corridor->statuses->len, day);
}

AtlasStatus
atlas_corridor_status_at (const AtlasCorridorShape *corridor,
                          const char               *day)
{
  const AtlasStatusEntry *entry = atlas_corridor_status_entry_at (corridor, day);

  return entry != NULL ? entry->status : ATLAS_STATUS_NOT_KNOWN;
}

/* Whether the zone exists on @day ("YYYY-MM-DD"; %NULL for today). */
gboolean
atlas_zone_valid_at (const AtlasZoneShape *zone,
                     const char           *day)
{
  if (day == NULL)
    return zone->last_day == NULL;

  return (zone->first_day == NULL || strcmp (zone->first_day, day) <= 0) &&
         (zone->last_day == NULL || strcmp (day, zone->last_day) <= 0);
}
