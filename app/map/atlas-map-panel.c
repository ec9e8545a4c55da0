/* atlas-map-panel.c: the map of the region, following the session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libshumate map whose only tile source is the bundled basemap, so it works with no
 * network. The session holds the view: the map writes its centre and zoom there when the
 * user moves it, and goes where the session says otherwise.
 */

#define G_LOG_DOMAIN "atlas-map-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-basemap.h"
#include "atlas-feature-layer.h"
#include "atlas-map-panel.h"
#include "atlas-query.h"
#include "atlas-tile-source.h"

struct _AtlasMapPanel
{
  AtlasPanel         parent_instance;

  ShumateSimpleMap  *simple_map;
  AtlasTileSource   *tiles;
  AtlasFeatures     *features;
  AtlasFeatureLayer *layer;
  GArray            *event_places;  /* AtlasEventPlace of the filter, by place */
  guint              syncing : 1;
  guint              dragged : 1;
};

G_DEFINE_FINAL_TYPE (AtlasMapPanel, atlas_map_panel, ATLAS_TYPE_PANEL)

ShumateViewport *
atlas_map_panel_get_viewport (AtlasMapPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), NULL);

  return shumate_simple_map_get_viewport (self->simple_map);
}

static void
on_viewport_changed (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  ShumateViewport *viewport = atlas_map_panel_get_viewport (self);

  if (session == NULL || self->syncing)
    return;

  self->syncing = TRUE;
  atlas_session_set_map_view (session,
                              shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                              shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                              shumate_viewport_get_zoom_level (viewport));
  self->syncing = FALSE;
}

static void
on_session_view (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  ShumateViewport *viewport = atlas_map_panel_get_viewport (self);
  double latitude, longitude, zoom;

  if (self->syncing)
    return;

  self->syncing = TRUE;
  atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
  self->syncing = FALSE;
}

/* The ids of the events the selection stands for: an event, or an actor's events. */
static GHashTable *
selected_events (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  const AtlasItem *selection = atlas_session_get_selection (session);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (selection->kind == ATLAS_ITEM_EVENT)
    g_hash_table_add (ids, g_memdup2 (&selection->id, sizeof (gint64)));
  else if (selection->kind == ATLAS_ITEM_ACTOR)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GArray) events = NULL;

      atlas_filter_add_actor (filter, selection->id);
      events = atlas_query_events (atlas_session_get_store (session), filter, NULL);
      for (guint i = 0; events != NULL && i < events->len; i++)
        g_hash_table_add (ids, g_memdup2 (&g_array_index (events, gint64, i), sizeof (gint64)));
    }

  return ids;
}

/* Gathers the filter's events by place into glyphs, marking those selected. */
static void
update_glyphs (AtlasMapPanel *self)
{
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (AtlasEventGlyph));
  g_autoptr(GHashTable) selected = selected_events (self);

  for (guint i = 0; self->event_places != NULL && i < self->event_places->len; i++)
    {
      const AtlasEventPlace *pair = &g_array_index (self->event_places, AtlasEventPlace, i);
      AtlasEventGlyph *last = glyphs->len ? &g_array_index (glyphs, AtlasEventGlyph, glyphs->len - 1)
                                          : NULL;
      gboolean is_selected = g_hash_table_contains (selected, &pair->event_id);

      if (last != NULL && last->place_id == pair->place_id)
        {
          last->count++;
          last->selected |= is_selected;
        }
      else
        {
          const AtlasPlaceMark *place = atlas_features_find_place (self->features, pair->place_id);
          AtlasEventGlyph glyph = { { 0, 0 }, pair->place_id, pair->event_id, 1, is_selected };

          if (place == NULL)
            continue;
          glyph.point = place->point;
          g_array_append_val (glyphs, glyph);
        }
    }

  atlas_feature_layer_set_events (self->layer, glyphs);
}

static void
reload_events (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->event_places, g_array_unref);
  self->event_places = atlas_query_event_places (atlas_session_get_store (session),
                                                 atlas_session_get_filter (session),
                                                 atlas_session_get_date (session), &error);
  if (self->event_places == NULL)
    g_warning ("Could not place the events on the map: %s", error->message);

  atlas_feature_layer_set_day (self->layer, atlas_session_get_date (session));
  update_glyphs (self);
}

static void
on_session_selection (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));

  atlas_feature_layer_set_selection (self->layer, atlas_session_get_selection (session));
  update_glyphs (self);
}

/* A country on the basemap is the state actor of that name, when the store has one. */
static AtlasItem
resolve_country (AtlasMapPanel *self,
                 AtlasItem      item)
{
  AtlasStore *store = atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self)));
  const AtlasBasemapFeature *feature;
  g_autoptr(AtlasActor) actor = NULL;
  gint64 actor_id;

  if (item.kind != ATLAS_ITEM_COUNTRY)
    return item;

  feature = atlas_basemap_get_feature (atlas_basemap_get_bundled (), item.id);
  if (!atlas_query_resolve_actor (store, feature->name, &actor_id, NULL))
    return item;

  actor = atlas_actor_load (store, actor_id, NULL);
  if (actor == NULL || g_strcmp0 (atlas_actor_get_kind (actor), "state") != 0)
    return item;

  return (AtlasItem) { ATLAS_ITEM_ACTOR, actor_id };
}

static void
on_drag_stopped (AtlasMapPanel *self)
{
  self->dragged = TRUE;
}

static void
on_pressed (AtlasMapPanel *self)
{
  self->dragged = FALSE;
}

/* A click selects what lies under it; a drag (GTK still emits released after "stopped")
 * and the second press of a double-click zoom do not. */
static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             AtlasMapPanel   *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  AtlasItem item;
  double lx, ly;

  if (session == NULL || self->layer == NULL || self->dragged || n_press > 1)
    return;

  if (!gtk_widget_translate_coordinates (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)),
                                         GTK_WIDGET (self->layer), x, y, &lx, &ly))
    return;

  item = resolve_country (self, atlas_feature_layer_hit (self->layer, lx, ly));
  atlas_session_set_selection (session, &item);
}

/* The layer, so tests and the click handler can reach it. */
AtlasFeatureLayer *
atlas_map_panel_get_feature_layer (AtlasMapPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), NULL);

  return self->layer;
}

static void
atlas_map_panel_session_changed (AtlasPanel *panel)
{
  AtlasMapPanel *self = ATLAS_MAP_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (panel);
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  g_autoptr(GError) error = NULL;

  if (self->layer != NULL)
    {
      shumate_map_remove_layer (map, SHUMATE_LAYER (self->layer));
      self->layer = NULL;
    }
  g_clear_object (&self->features);

  if (session == NULL)
    return;

  self->features = atlas_features_load (atlas_session_get_store (session), &error);
  if (self->features == NULL)
    {
      g_warning ("Could not load the map’s features: %s", error->message);
      return;
    }
  self->layer = atlas_feature_layer_new (atlas_map_panel_get_viewport (self), self->features);
  shumate_map_add_layer (map, SHUMATE_LAYER (self->layer));

  g_signal_connect_swapped (session, "notify::filter", G_CALLBACK (reload_events), self);
  g_signal_connect_swapped (session, "notify::date", G_CALLBACK (reload_events), self);
  g_signal_connect_swapped (session, "notify::selection", G_CALLBACK (on_session_selection), self);
  reload_events (self);
  on_session_selection (self);

  g_signal_connect_swapped (session, "notify::map-latitude", G_CALLBACK (on_session_view), self);
  g_signal_connect_swapped (session, "notify::map-longitude", G_CALLBACK (on_session_view), self);
  g_signal_connect_swapped (session, "notify::map-zoom", G_CALLBACK (on_session_view), self);
  on_session_view (self);
}

static void
atlas_map_panel_dispose (GObject *object)
{
  AtlasMapPanel *self = ATLAS_MAP_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_PANEL);
  g_clear_object (&self->tiles);
  g_clear_object (&self->features);
  g_clear_pointer (&self->event_places, g_array_unref);
  self->layer = NULL;

  G_OBJECT_CLASS (atlas_map_panel_parent_class)->dispose (object);
}

static void
atlas_map_panel_class_init (AtlasMapPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_panel_dispose;
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_map_panel_session_changed;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-map-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, simple_map);
}

static void
atlas_map_panel_init (AtlasMapPanel *self)
{
  ShumateViewport *viewport;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tiles = atlas_tile_source_new (atlas_basemap_get_bundled (), FALSE);
  shumate_simple_map_set_map_source (self->simple_map, SHUMATE_MAP_SOURCE (self->tiles));

  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "atlas-map-click");
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect_swapped (gesture, "stopped", G_CALLBACK (on_drag_stopped), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)),
                             GTK_EVENT_CONTROLLER (gesture));

  viewport = atlas_map_panel_get_viewport (self);
  g_signal_connect_swapped (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self);
}
