/* atlas-basemap.c: the bundled country, province and lake outlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the text files made by tools/make-basemap.py (format in data/basemap/README.md),
 * projects every point once into unit Mercator and keeps a bounding box per ring and per
 * feature, so painting and hit-testing skip what is far away.
 */

#define G_LOG_DOMAIN "atlas-basemap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-basemap.h"
#include "atlas-text.h"

#define BASEMAP_RESOURCE "/io/github/caucasusatlas/CaucasusAtlas/basemap"

struct _AtlasBasemap
{
  GObject  parent_instance;

  GArray  *features;  /* AtlasBasemapFeature */
  GArray  *rings;     /* AtlasBasemapRing */
  GArray  *points;    /* AtlasPoint */
};

G_DEFINE_FINAL_TYPE (AtlasBasemap, atlas_basemap, G_TYPE_OBJECT)

static void
clear_feature (gpointer data)
{
  AtlasBasemapFeature *feature = data;

  g_free (feature->id);
  g_free (feature->name);
  g_free (feature->parent);
  g_free (feature->alt_name);
  g_free (feature->folded);
}

static void
atlas_basemap_finalize (GObject *object)
{
  AtlasBasemap *self = ATLAS_BASEMAP (object);

  g_clear_pointer (&self->features, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (atlas_basemap_parent_class)->finalize (object);
}

static void
atlas_basemap_class_init (AtlasBasemapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_basemap_finalize;
}

static void
atlas_basemap_init (AtlasBasemap *self)
{
  self->features = g_array_new (FALSE, TRUE, sizeof (AtlasBasemapFeature));
  g_array_set_clear_func (self->features, clear_feature);
  self->rings = g_array_new (FALSE, TRUE, sizeof (AtlasBasemapRing));
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
}

AtlasBasemap *
atlas_basemap_new (void)
{
  return g_object_new (ATLAS_TYPE_BASEMAP, NULL);
}

static gboolean
parse_error (GError     **error,
             const char  *name,
             guint        line,
             const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Basemap %s, line %u: %s"), name, line, what);
  return FALSE;
}

static gboolean
parse_kind (const char       *word,
            AtlasBasemapKind *kind)
{
  if (g_str_equal (word, "country"))
    *kind = ATLAS_BASEMAP_COUNTRY;
  else if (g_str_equal (word, "province"))
    *kind = ATLAS_BASEMAP_PROVINCE;
  else if (g_str_equal (word, "lake"))
    *kind = ATLAS_BASEMAP_LAKE;
  else
    return FALSE;

  return TRUE;
}

/* Closes the ring being read: checks its size and widens the boxes. */
static gboolean
end_ring (AtlasBasemap *self,
          guint         expected)
{
  AtlasBasemapRing *ring;
  AtlasBasemapFeature *feature;

  if (self->rings->len == 0)
    return TRUE;

  ring = &g_array_index (self->rings, AtlasBasemapRing, self->rings->len - 1);
  if (ring->n_points != expected)
    return FALSE;

  feature = &g_array_index (self->features, AtlasBasemapFeature, self->features->len - 1);
  atlas_geo_box_add (&feature->box, (AtlasPoint) { ring->box.x1, ring->box.y1 });
  atlas_geo_box_add (&feature->box, (AtlasPoint) { ring->box.x2, ring->box.y2 });
  return TRUE;
}

/* Puts each feature's name at the centroid of its largest outer ring (by area), so that
 * Azerbaijan's name sits on the mainland, not between it and Nakhchivan. */
static void
place_labels (AtlasBasemap *self,
              guint         first_feature)
{
  const AtlasPoint *points = (const AtlasPoint *) self->points->data;

  for (guint f = first_feature; f < self->features->len; f++)
    {
      AtlasBasemapFeature *feature = &g_array_index (self->features, AtlasBasemapFeature, f);
      double best_area = -1;

      feature->label = (AtlasPoint) { (feature->box.x1 + feature->box.x2) / 2,
                                      (feature->box.y1 + feature->box.y2) / 2 };
      for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
        {
          const AtlasBasemapRing *ring = &g_array_index (self->rings, AtlasBasemapRing, r);
          const AtlasPoint *p = points + ring->first_point;
          double area = 0, cx = 0, cy = 0;

          if (ring->hole)
            continue;
          for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
            {
              double cross = p[j].x * p[i].y - p[i].x * p[j].y;

              area += cross;
              cx += (p[j].x + p[i].x) * cross;
              cy += (p[j].y + p[i].y) * cross;
            }
          if (fabs (area) > best_area && area != 0)
            {
              best_area = fabs (area);
              feature->label = (AtlasPoint) { cx / (3 * area), cy / (3 * area) };
            }
        }
    }
}

/**
 * atlas_basemap_add_bytes:
 * @name: the file's name, for messages
 *
 * Adds the features of one basemap file.
 */
gboolean
atlas_basemap_add_bytes (AtlasBasemap  *self,
                         const char    *name,
                         GBytes        *bytes,
                         GError       **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint first_feature = self->features->len;
  guint expected = 0;
  gboolean in_ring = FALSE;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), FALSE);

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      guint number = i + 1;

      if (*line == '\0' || *line == '#')
        continue;

      if (g_ascii_isdigit (*line) || *line == '-')
        {
          AtlasBasemapRing *ring;
          char *end = NULL;
          double lon, lat;

          if (!in_ring)
            return parse_error (error, name, number, _("a point outside any ring"));

          lon = g_ascii_strtod (line, &end);
          lat = g_ascii_strtod (end, &end);
          if (end == line || lon < -180 || lon > 180 || lat < -90 || lat > 90)
            return parse_error (error, name, number, _("not a point written as “lon lat”"));

          ring = &g_array_index (self->rings, AtlasBasemapRing, self->rings->len - 1);
          {
            AtlasPoint point = atlas_geo_project (lat, lon);

            g_array_append_val (self->points, point);
            atlas_geo_box_add (&ring->box, point);
          }
          ring->n_points++;
          continue;
        }

      if (in_ring && !end_ring (self, expected))
        return parse_error (error, name, number, _("the ring before has fewer points than it says"));
      in_ring = FALSE;

      if (g_str_has_prefix (line, "feature "))
        {
          g_auto(GStrv) words = g_strsplit (line + strlen ("feature "), " ", 3);
          AtlasBasemapFeature feature = { 0 };

          if (g_strv_length (words) < 3 || !parse_kind (words[0], &feature.kind))
            return parse_error (error, name, number, _("a feature needs a kind, an id and a name"));

          feature.coarse = strstr (name, "world") != NULL;
          feature.id = g_strdup (words[1]);
          feature.name = g_strdup (words[2]);
          feature.folded = atlas_text_fold (words[2]);
          feature.first_ring = self->rings->len;
          atlas_geo_box_init (&feature.box);
          g_array_append_val (self->features, feature);
          expected = 0;
        }
      else if (g_str_has_prefix (line, "parent "))
        {
          AtlasBasemapFeature *feature;

          if (self->features->len == 0)
            return parse_error (error, name, number, _("a parent outside any feature"));
          feature = &g_array_index (self->features, AtlasBasemapFeature, self->features->len - 1);
          g_free (feature->parent);
          feature->parent = g_strdup (line + strlen ("parent "));
        }
      else if (g_str_has_prefix (line, "altname "))
        {
          AtlasBasemapFeature *feature;

          if (self->features->len == 0)
            return parse_error (error, name, number, _("another name outside any feature"));
          feature = &g_array_index (self->features, AtlasBasemapFeature, self->features->len - 1);
          g_free (feature->alt_name);
          feature->alt_name = g_strdup (line + strlen ("altname "));
        }
      else if (g_str_has_prefix (line, "ring ") || g_str_has_prefix (line, "hole "))
        {
          AtlasBasemapRing ring = { 0 };
          AtlasBasemapFeature *feature;
          char *end = NULL;

          if (self->features->len == 0)
            return parse_error (error, name, number, _("a ring outside any feature"));

          expected = (guint) strtoul (line + 5, &end, 10);
          if (end == line + 5 || expected < 3)
            return parse_error (error, name, number, _("a ring needs at least three points"));

          in_ring = TRUE;
          ring.first_point = self->points->len;
          ring.hole = line[0] == 'h';
          atlas_geo_box_init (&ring.box);
          g_array_append_val (self->rings, ring);

          feature = &g_array_index (self->features, AtlasBasemapFeature, self->features->len - 1);
          feature->n_rings++;
        }
      else
        return parse_error (error, name, number,
                            _("not a feature, parent, altname, ring, hole or point"));
    }

  if (in_ring && !end_ring (self, expected))
    return parse_error (error, name, g_strv_length (lines), _("the last ring is cut short"));

  place_labels (self, first_feature);
  return TRUE;
}

/* Marks the coarse countries that the detailed outlines also have, so that a map names
 * each country once without searching polygons every frame. */
void
atlas_basemap_link_details (AtlasBasemap *self)
{
  g_autoptr(GHashTable) detailed = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (ATLAS_IS_BASEMAP (self));

  for (guint i = 0; i < self->features->len; i++)
    {
      AtlasBasemapFeature *feature = &g_array_index (self->features, AtlasBasemapFeature, i);

      if (!feature->coarse && feature->kind == ATLAS_BASEMAP_COUNTRY)
        g_hash_table_add (detailed, feature->name);
    }

  for (guint i = 0; i < self->features->len; i++)
    {
      AtlasBasemapFeature *feature = &g_array_index (self->features, AtlasBasemapFeature, i);

      feature->detailed = feature->coarse && g_hash_table_contains (detailed, feature->name);
    }
}

/* The outlines compiled into the program, loaded once. */
AtlasBasemap *
atlas_basemap_get_bundled (void)
{
  static gsize bundled = 0;

  if (g_once_init_enter (&bundled))
    {
      AtlasBasemap *basemap = atlas_basemap_new ();
      g_auto(GStrv) names = g_resources_enumerate_children (BASEMAP_RESOURCE, 0, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_build_path ("/", BASEMAP_RESOURCE, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
          g_autoptr(GError) error = NULL;

          if (!g_str_has_suffix (names[i], ".txt"))
            continue;
          if (bytes == NULL || !atlas_basemap_add_bytes (basemap, names[i], bytes, &error))
            g_critical ("The bundled basemap is broken: %s", error ? error->message : names[i]);
        }

      atlas_basemap_link_details (basemap);
      g_once_init_leave (&bundled, (gsize) basemap);
    }

  return (AtlasBasemap *) bundled;
}

guint
atlas_basemap_get_n_features (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), 0);

  return self->features->len;
}

const AtlasBasemapFeature *
atlas_basemap_get_feature (AtlasBasemap *self,
                           guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);

  return &g_array_index (self->features, AtlasBasemapFeature, index);
}

const AtlasBasemapRing *
atlas_basemap_get_ring (AtlasBasemap *self,
                        guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->rings->len, NULL);

  return &g_array_index (self->rings, AtlasBasemapRing, index);
}

const AtlasPoint *
atlas_basemap_get_points (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);

  return (const AtlasPoint *) self->points->data;
}

/* Inside an outer ring of the feature and none of its holes. Rings are tested even-odd
 * together, which gives the same answer for well-formed polygons and needs no pairing. */
gboolean
atlas_basemap_feature_contains (AtlasBasemap *self,
                                guint         index,
                                AtlasPoint    point)
{
  const AtlasBasemapFeature *feature = atlas_basemap_get_feature (self, index);
  gboolean inside = FALSE;

  if (feature == NULL || !atlas_geo_box_contains (&feature->box, point))
    return FALSE;

  for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
    {
      const AtlasBasemapRing *ring = &g_array_index (self->rings, AtlasBasemapRing, r);

      if (atlas_geo_box_contains (&ring->box, point) &&
          atlas_geo_ring_contains (atlas_basemap_get_points (self) + ring->first_point,
                                   ring->n_points, point))
        inside = !inside;
    }

  return inside;
}

/* The feature of @kind holding @point, or -1: the detailed outlines of the region before
 * the coarse ones of the world. */
int
atlas_basemap_find (AtlasBasemap     *self,
                    AtlasBasemapKind  kind,
                    AtlasPoint        point)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), -1);

  for (int coarse = 0; coarse <= 1; coarse++)
    for (guint i = 0; i < self->features->len; i++)
      {
        const AtlasBasemapFeature *feature = &g_array_index (self->features, AtlasBasemapFeature, i);

        if (feature->kind == kind && feature->coarse == coarse &&
            atlas_basemap_feature_contains (self, i, point))
          return i;
      }

  return -1;
}
