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

#include <math.h>

#include "atlas-actor.h"
#include "atlas-basemap.h"
#include "atlas-event.h"
#include "atlas-feature-layer.h"
#include "atlas-legend.h"
#include "atlas-map-panel.h"
#include "atlas-query.h"
#include "atlas-tile-source.h"

struct _AtlasMapPanel
{
  AtlasPanel         parent_instance;

  ShumateSimpleMap  *simple_map;
  AtlasLegend       *legend;
  AtlasTileSource   *tiles;
  AtlasFeatures     *features;
  AtlasFeatureLayer *layer;
  GArray            *event_places;  /* AtlasEventPlace of the filter, by place */
  AtlasBox           selected_box;   /* where the selection's features are, unit Mercator */
  guint              syncing : 1;
  guint              dragged : 1;
};

/* The whole region, for a first look and for the reset shortcut. */
#define REGION_LATITUDE  41.0
#define REGION_LONGITUDE 45.5
#define REGION_ZOOM      6.0

/* Long enough to follow where the map goes, short enough not to wait for it. */
#define GO_TO_DURATION_MS 600

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

  atlas_geo_box_init (&self->selected_box);
  for (guint i = 0; self->event_places != NULL && i < self->event_places->len; i++)
    {
      const AtlasEventPlace *pair = &g_array_index (self->event_places, AtlasEventPlace, i);
      AtlasEventGlyph *last = glyphs->len ? &g_array_index (glyphs, AtlasEventGlyph, glyphs->len - 1)
                                          : NULL;
      gboolean is_selected = g_hash_table_contains (selected, &pair->event_id);
      const AtlasPlaceMark *mark = atlas_features_find_place (self->features, pair->place_id);

      if (is_selected && mark != NULL)
        atlas_geo_box_add (&self->selected_box, mark->point);

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

/* Widens @box with where @item lies on the map. */
static void
add_item_to_box (AtlasMapPanel   *self,
                 const AtlasItem *item,
                 AtlasBox        *box)
{
  AtlasStore *store = atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self)));
  const AtlasPlaceMark *place = NULL;

  switch (item->kind)
    {
    case ATLAS_ITEM_PLACE:
      place = atlas_features_find_place (self->features, item->id);
      break;
    case ATLAS_ITEM_EVENT:
      {
        g_autoptr(AtlasEvent) event = atlas_event_load (store, item->id, NULL);

        if (event != NULL && atlas_event_get_place_id (event) != 0)
          place = atlas_features_find_place (self->features, atlas_event_get_place_id (event));
      }
      break;
    case ATLAS_ITEM_CORRIDOR:
      for (guint i = 0; i < atlas_features_get_n_corridors (self->features); i++)
        if (atlas_features_get_corridor (self->features, i)->id == item->id)
          {
            const AtlasBox *b = &atlas_features_get_corridor (self->features, i)->box;

            atlas_geo_box_add (box, (AtlasPoint) { b->x1, b->y1 });
            atlas_geo_box_add (box, (AtlasPoint) { b->x2, b->y2 });
          }
      break;
    case ATLAS_ITEM_ZONE:
      for (guint i = 0; i < atlas_features_get_n_zones (self->features); i++)
        if (atlas_features_get_zone (self->features, i)->id == item->id)
          {
            const AtlasBox *b = &atlas_features_get_zone (self->features, i)->box;

            atlas_geo_box_add (box, (AtlasPoint) { b->x1, b->y1 });
            atlas_geo_box_add (box, (AtlasPoint) { b->x2, b->y2 });
          }
      break;
    case ATLAS_ITEM_ACTOR:
      if (self->selected_box.x1 <= self->selected_box.x2)
        {
          atlas_geo_box_add (box, (AtlasPoint) { self->selected_box.x1, self->selected_box.y1 });
          atlas_geo_box_add (box, (AtlasPoint) { self->selected_box.x2, self->selected_box.y2 });
        }
      break;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    default:
      break;
    }

  if (place != NULL)
    atlas_geo_box_add (box, place->point);
}

/* Brings the selection's features into view when they are not all on screen, zooming out
 * only as far as they need. */
static void
bring_into_view (AtlasMapPanel *self)
{
  const AtlasItem *item = atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)));
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  AtlasView view;
  AtlasBox box, visible;
  double size, zoom, lat, lon;

  atlas_geo_box_init (&box);
  add_item_to_box (self, item, &box);
  if (box.x1 > box.x2)
    return;

  atlas_feature_layer_get_view (self->layer, &view);
  size = atlas_geo_world_size (view.zoom);
  visible = (AtlasBox) { view.x / size, view.y / size, (view.x + view.width) / size,
                         (view.y + view.height) / size };
  if (view.width <= 0 || (atlas_geo_box_contains (&visible, (AtlasPoint) { box.x1, box.y1 }) &&
                          atlas_geo_box_contains (&visible, (AtlasPoint) { box.x2, box.y2 })))
    return;

  zoom = view.zoom;
  if (box.x2 > box.x1 || box.y2 > box.y1)
    {
      double fit = log2 (MIN (view.width / (256.0 * (box.x2 - box.x1 + 1e-9)),
                              view.height / (256.0 * (box.y2 - box.y1 + 1e-9))) * 0.8);

      zoom = CLAMP (MIN (fit, view.zoom), 2.0, 12.0);
    }

  atlas_geo_unproject ((AtlasPoint) { (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2 }, &lat, &lon);
  shumate_map_go_to_full_with_duration (map, lat, lon, zoom, GO_TO_DURATION_MS);
}

static void
on_session_selection (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));

  atlas_feature_layer_set_selection (self->layer, atlas_session_get_selection (session));
  update_glyphs (self);
  bring_into_view (self);
}

/* Arrows pan by a quarter of the view, + and - zoom, Home shows the whole region again. */
static gboolean
on_key_pressed (AtlasMapPanel   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  ShumateViewport *viewport = atlas_map_panel_get_viewport (self);
  double dx = 0, dy = 0;
  AtlasView view;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      shumate_map_zoom_in (map);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      shumate_map_zoom_out (map);
      return TRUE;
    case GDK_KEY_Home:
      atlas_map_panel_show_region (self);
      return TRUE;
    default:
      return FALSE;
    }

  atlas_feature_layer_get_view (self->layer, &view);
  {
    double size = atlas_geo_world_size (view.zoom);
    AtlasPoint centre = { (view.x + view.width / 2 + dx * view.width / 4) / size,
                          (view.y + view.height / 2 + dy * view.height / 4) / size };
    double lat, lon;

    atlas_geo_unproject (centre, &lat, &lon);
    shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  }
  return TRUE;
}

/* Shows the whole South Caucasus. */
void
atlas_map_panel_show_region (AtlasMapPanel *self)
{
  g_return_if_fail (ATLAS_IS_MAP_PANEL (self));

  shumate_map_go_to_full_with_duration (shumate_simple_map_get_map (self->simple_map),
                                        REGION_LATITUDE, REGION_LONGITUDE, REGION_ZOOM,
                                        GO_TO_DURATION_MS);
}

static void
on_drawn (AtlasMapPanel *self)
{
  atlas_legend_set_flags (self->legend, atlas_feature_layer_get_drawn (self->layer));
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

/* A cluster of events at several places opens up: two levels closer, centred on it. */
static void
zoom_in_at (AtlasMapPanel *self,
            double         x,
            double         y)
{
  AtlasView view;
  double lat, lon, size;

  atlas_feature_layer_get_view (self->layer, &view);
  size = atlas_geo_world_size (view.zoom);
  atlas_geo_unproject ((AtlasPoint) { (view.x + x) / size, (view.y + y) / size }, &lat, &lon);
  shumate_map_go_to_full_with_duration (shumate_simple_map_get_map (self->simple_map), lat, lon,
                                        MIN (view.zoom + 2, 13), GO_TO_DURATION_MS);
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
  gboolean cluster = FALSE;
  AtlasItem item;
  double lx, ly;

  if (session == NULL || self->layer == NULL || self->dragged || n_press > 1)
    return;

  if (!gtk_widget_translate_coordinates (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)),
                                         GTK_WIDGET (self->layer), x, y, &lx, &ly))
    return;

  item = resolve_country (self, atlas_feature_layer_hit (self->layer, lx, ly, &cluster));
  if (cluster)
    {
      zoom_in_at (self, lx, ly);
      return;
    }
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
  g_signal_connect_object (self->layer, "notify::drawn", G_CALLBACK (on_drawn), self, G_CONNECT_SWAPPED);

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
  g_type_ensure (ATLAS_TYPE_LEGEND);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-map-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, simple_map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, legend);
}

static void
atlas_map_panel_init (AtlasMapPanel *self)
{
  ShumateViewport *viewport;
  GtkEventController *keys;
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

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focusable (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)), TRUE);

  viewport = atlas_map_panel_get_viewport (self);
  g_signal_connect_swapped (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self);
}
