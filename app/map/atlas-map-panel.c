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

#include "atlas-basemap.h"
#include "atlas-export.h"
#include "atlas-feature-layer.h"
#include "atlas-legend.h"
#include "atlas-map-lookup.h"
#include "atlas-map-panel.h"
#include "atlas-map-scene.h"
#include "atlas-place-search.h"
#include "atlas-tile-source.h"

struct _AtlasMapPanel
{
  AtlasPanel         parent_instance;

  ShumateSimpleMap  *simple_map;
  AtlasLegend       *legend;
  GtkRevealer       *notice_revealer;
  GtkLabel          *notice_label;
  GCancellable      *reach;
  guint              notice_timeout;
  AtlasTileSource   *tiles;
  AtlasFeatures     *features;
  AtlasFeatureLayer *layer;
  GArray            *event_places;  /* AtlasEventPlace of the filter, by place */
  gboolean           dark;
  gboolean           online;
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

enum {
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define OSM_TILE_HOST "tile.openstreetmap.org"

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

/* Gathers the filter's events by place into glyphs, marking those selected. */
static void
update_glyphs (AtlasMapPanel *self)
{
  g_autoptr(GArray) glyphs = NULL;

  glyphs = atlas_map_scene_glyphs (atlas_panel_get_session (ATLAS_PANEL (self)), self->features,
                                   self->event_places, &self->selected_box);
  atlas_feature_layer_set_events (self->layer, glyphs);
}

static void
reload_events (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->event_places, g_array_unref);
  self->event_places = atlas_map_scene_event_places (session, &error);
  if (self->event_places == NULL)
    g_warning ("Could not place the events on the map: %s", error->message);

  atlas_feature_layer_set_day (self->layer, atlas_session_get_date (session));
  update_glyphs (self);
}

/* Brings @box, where the selection is, into view when it is not all on screen, zooming out
 * only as far as it needs. */
static void
bring_into_view (AtlasMapPanel  *self,
                 const AtlasBox *box)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  AtlasView view;
  AtlasBox visible;
  double size, zoom, lat, lon;

  atlas_feature_layer_get_view (self->layer, &view);
  size = atlas_geo_world_size (view.zoom);
  visible = (AtlasBox) { view.x / size, view.y / size, (view.x + view.width) / size,
                         (view.y + view.height) / size };
  if (view.width <= 0 || (atlas_geo_box_contains (&visible, (AtlasPoint) { box->x1, box->y1 }) &&
                          atlas_geo_box_contains (&visible, (AtlasPoint) { box->x2, box->y2 })))
    return;

  zoom = view.zoom;
  if (box->x2 > box->x1 || box->y2 > box->y1)
    {
      double fit = log2 (MIN (view.width / (256.0 * (box->x2 - box->x1 + 1e-9)),
                              view.height / (256.0 * (box->y2 - box->y1 + 1e-9))) * 0.8);

      zoom = CLAMP (MIN (fit, view.zoom), 2.0, 12.0);
    }

  atlas_geo_unproject ((AtlasPoint) { (box->x1 + box->x2) / 2, (box->y1 + box->y2) / 2 }, &lat, &lon);
  shumate_map_go_to_full_with_duration (map, lat, lon, zoom, GO_TO_DURATION_MS);
}

/* Shows the selection: marked, with an arrow at the edge pointing to it when it is off
 * screen, and brought into view. */
static void
show_selection (AtlasPanel *panel)
{
  AtlasMapPanel *self = ATLAS_MAP_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  AtlasStore *store = atlas_session_get_store (session);
  const AtlasItem *item = atlas_session_get_selection (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AtlasPoint centre;
  AtlasBox box;

  atlas_feature_layer_set_selection (self->layer, item);
  update_glyphs (self);

  atlas_geo_box_init (&box);
  if (!atlas_map_lookup_item_box (store, self->features, item, &self->selected_box, &box, &error))
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not find the event on the map"), error);
      g_clear_error (&error);
    }
  if (box.x1 > box.x2)
    {
      atlas_feature_layer_set_target (self->layer, NULL, NULL);
      return;
    }

  if (!atlas_map_lookup_target_name (store, item, atlas_session_get_place_names (session), &name,
                                     &error))
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not name the selection on the map"), error);
  centre = (AtlasPoint) { (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2 };
  atlas_feature_layer_set_target (self->layer, &centre, name);
  bring_into_view (self, &box);
}

/* Names change in the labels only, which are placed afresh each frame, and by the edge
 * marker, which names the selection. */
static void
on_session_place_names (AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));

  atlas_feature_layer_set_place_names (self->layer, atlas_session_get_place_names (session));
  show_selection (ATLAS_PANEL (self));
}

/* A frame later: finding the selection's glyphs among a million events and drawing the
 * map's features again took longer than drawing the selection's details, which come first. */
static void
on_session_selection (AtlasMapPanel *self)
{
  atlas_panel_update_after_frame (ATLAS_PANEL (self), show_selection);
}

/* The bundled basemap, or OpenStreetMap's tiles when the user asked for them and they
 * could be reached. */
static void
use_source (AtlasMapPanel *self)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self->tiles);

  if (self->online)
    {
      g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();

      source = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
    }
  shumate_simple_map_set_map_source (self->simple_map, source);
}

/* The desktop's dark style, as GTK knows it: the application's preference (which
 * AtlasApplication keeps in step with GNOME's colour scheme) or a dark theme. */
static gboolean
prefers_dark (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme = NULL;
  gboolean dark = FALSE;

  const char *forced = g_getenv ("GTK_THEME");

  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark, "gtk-theme-name", &theme, NULL);
  return dark || (theme != NULL && g_str_has_suffix (theme, "-dark")) ||
         (forced != NULL && g_str_has_suffix (forced, ":dark"));
}

static void
update_style (AtlasMapPanel *self)
{
  gboolean dark = prefers_dark ();

  if (self->tiles != NULL && self->dark == dark)
    return;

  self->dark = dark;
  g_clear_object (&self->tiles);
  self->tiles = atlas_tile_source_new (atlas_basemap_get_bundled (), dark);
  if (!self->online)
    use_source (self);
  if (self->layer != NULL)
    atlas_feature_layer_set_dark (self->layer, dark);
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
  g_autoptr(GError) error = NULL;
  gboolean cluster = FALSE;
  AtlasItem hit, item;
  double lx, ly;

  if (session == NULL || self->layer == NULL || self->dragged || n_press > 1)
    return;

  if (!gtk_widget_translate_coordinates (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)),
                                         GTK_WIDGET (self->layer), x, y, &lx, &ly))
    return;

  hit = atlas_feature_layer_hit (self->layer, lx, ly, &cluster);
  if (cluster)
    {
      zoom_in_at (self, lx, ly);
      return;
    }
  /* A country selects its state; one the store cannot resolve is still a country. */
  if (!atlas_map_lookup_resolve_country (atlas_session_get_store (session),
                                         atlas_basemap_get_bundled (), &hit, &item, &error))
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not look up the country’s state"), error);
  atlas_session_set_selection (session, &item);
}

/* A hovered item that could not be read says so where the user looks, rather than showing
 * nothing as if nothing were there. */
static gboolean
show_tooltip_error (GtkTooltip   *tooltip,
                    const GError *error)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Could not read what is here"),
                                                     error->message);

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Hovering says what is under the pointer: its name, kind and, for a corridor, its status
 * on the session's date. */
static gboolean
on_query_tooltip (GtkWidget     *map,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  AtlasMapPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  gboolean cluster = FALSE;
  AtlasItem item;
  double lx, ly;

  if (session == NULL || self->layer == NULL || keyboard ||
      !gtk_widget_translate_coordinates (map, GTK_WIDGET (self->layer), x, y, &lx, &ly))
    return FALSE;

  item = atlas_feature_layer_hit (self->layer, lx, ly, &cluster);
  if (cluster)
    {
      gtk_tooltip_set_text (tooltip, _("Events at several places: click to zoom in"));
      return TRUE;
    }

  markup = atlas_map_lookup_tooltip (atlas_session_get_store (session), &item,
                                     atlas_session_get_date (session),
                                     atlas_session_get_place_names (session), &error);
  if (error != NULL)
    return show_tooltip_error (tooltip, error);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Goes to a place found by the search, close enough to see its town, and selects it. */
static void
on_place_activated (AtlasMapPanel *self,
                    gint64         place_id)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  const AtlasPlaceMark *place;
  double lat, lon, zoom;

  if (session == NULL || self->features == NULL ||
      (place = atlas_features_find_place (self->features, place_id)) == NULL)
    return;

  atlas_geo_unproject (place->point, &lat, &lon);
  zoom = shumate_viewport_get_zoom_level (atlas_map_panel_get_viewport (self));
  shumate_map_go_to_full_with_duration (shumate_simple_map_get_map (self->simple_map), lat, lon,
                                        MAX (zoom, place->rank == 3 ? 7 : 9), GO_TO_DURATION_MS);
  atlas_session_select (session, ATLAS_ITEM_PLACE, place_id);
}

static gboolean
hide_notice (gpointer user_data)
{
  AtlasMapPanel *self = ATLAS_MAP_PANEL (user_data);

  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  self->notice_timeout = 0;
  return G_SOURCE_REMOVE;
}

/* A short message over the map, gone after a few seconds. */
static void
show_notice (AtlasMapPanel *self,
             const char    *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (6, hide_notice, self);
}

static void
on_reached (GObject      *monitor,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AtlasMapPanel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (monitor), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("OpenStreetMap cannot be reached: %s", error->message);
      self->online = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
      show_notice (self, _("OpenStreetMap’s tiles cannot be reached, so the bundled map stays."));
      return;
    }

  use_source (self);
  show_notice (self, _("Showing OpenStreetMap’s tiles; Caucasus Atlas’s borders stay on top."));
}

/**
 * atlas_map_panel_set_online:
 *
 * Switches to OpenStreetMap's tiles when they can be reached, or back to the bundled basemap.
 * Offline, the switch says so and the bundled basemap stays.
 */
void
atlas_map_panel_set_online (AtlasMapPanel *self,
                            gboolean       online)
{
  g_autoptr(GSocketConnectable) host = NULL;

  g_return_if_fail (ATLAS_IS_MAP_PANEL (self));

  if (self->online == online)
    return;

  g_cancellable_cancel (self->reach);
  g_clear_object (&self->reach);
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);

  if (!online)
    {
      use_source (self);
      return;
    }

  /* Only once the tiles are known to be reachable does the map leave the bundled ones. */
  self->reach = g_cancellable_new ();
  host = g_network_address_new (OSM_TILE_HOST, 443);
  g_network_monitor_can_reach_async (g_network_monitor_get_default (), host, self->reach,
                                     on_reached, g_object_ref (self));
}

gboolean
atlas_map_panel_get_online (AtlasMapPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), FALSE);

  return self->online;
}

/**
 * atlas_map_panel_get_export_options:
 *
 * Fills @options with the map as it is on screen: its centre, zoom, size, pixel density
 * and style, as a PNG.
 *
 * Returns: %FALSE with @error set when the map has nothing to export yet
 */
gboolean
atlas_map_panel_get_export_options (AtlasMapPanel       *self,
                                    AtlasExportOptions  *options,
                                    GError             **error)
{
  ShumateViewport *viewport;
  GtkWidget *map;

  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), FALSE);

  if (self->features == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The map has no data to export"));
      return FALSE;
    }

  viewport = atlas_map_panel_get_viewport (self);
  map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  atlas_export_options_init (options);
  options->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  options->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  options->zoom = shumate_viewport_get_zoom_level (viewport);
  options->width = MAX (1, gtk_widget_get_width (map));
  options->height = MAX (1, gtk_widget_get_height (map));
  options->scale = CLAMP (gtk_widget_get_scale_factor (map), 1, 3);
  options->dark = self->dark;
  return TRUE;
}

/* The corridors, zones and places the map shows, for exports; NULL before they are loaded. */
AtlasFeatures *
atlas_map_panel_get_features (AtlasMapPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), NULL);

  return self->features;
}

/**
 * atlas_map_panel_export:
 * @path: the file to write
 *
 * Writes the map as it is on screen, with the session's filter, date and selection, by the
 * same painters: no blurred capture.
 */
gboolean
atlas_map_panel_export (AtlasMapPanel      *self,
                        const char         *path,
                        AtlasExportFormat   format,
                        GError            **error)
{
  AtlasExportOptions options;

  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), FALSE);

  if (!atlas_map_panel_get_export_options (self, &options, error))
    return FALSE;
  options.format = format;
  return atlas_export_write (atlas_panel_get_session (ATLAS_PANEL (self)), self->features,
                           &options, path, error);
}

/**
 * atlas_map_panel_copy:
 *
 * Puts the map as it is on screen on the clipboard, as an image.
 */
gboolean
atlas_map_panel_copy (AtlasMapPanel  *self,
                      GError        **error)
{
  AtlasExportOptions options;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_PANEL (self), FALSE);

  if (!atlas_map_panel_get_export_options (self, &options, error))
    return FALSE;
  png = atlas_export_to_bytes (atlas_panel_get_session (ATLAS_PANEL (self)), self->features,
                                   &options, error);
  if (png == NULL || (texture = gdk_texture_new_from_bytes (png, error)) == NULL)
    return FALSE;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  return TRUE;
}

static void
atlas_map_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, ATLAS_MAP_PANEL (object)->online);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ONLINE:
      atlas_map_panel_set_online (ATLAS_MAP_PANEL (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * atlas_map_panel_focus_map:
 *
 * Gives the keyboard focus to the map itself, where the arrows move it. The window starts
 * there: in the place search, the entry's blinking cursor would redraw the window about
 * thirty times a second for as long as it is open.
 */
void
atlas_map_panel_focus_map (AtlasMapPanel *self)
{
  g_return_if_fail (ATLAS_IS_MAP_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)));
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
  atlas_feature_layer_set_dark (self->layer, self->dark);
  shumate_map_add_layer (map, SHUMATE_LAYER (self->layer));
  g_signal_connect_object (self->layer, "notify::drawn", G_CALLBACK (on_drawn), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (atlas_panel_get_results (panel), "changed", G_CALLBACK (reload_events), self);
  g_signal_connect_swapped (session, "notify::date", G_CALLBACK (reload_events), self);
  g_signal_connect_swapped (session, "notify::selection", G_CALLBACK (on_session_selection), self);
  reload_events (self);
  show_selection (panel);

  g_signal_connect_swapped (session, "notify::place-names", G_CALLBACK (on_session_place_names), self);
  on_session_place_names (self);

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
  g_cancellable_cancel (self->reach);
  g_clear_object (&self->reach);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
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
  object_class->get_property = atlas_map_panel_get_property;
  object_class->set_property = atlas_map_panel_set_property;

  /* Whether the map shows OpenStreetMap's tiles instead of the bundled basemap. */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_map_panel_session_changed;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (ATLAS_TYPE_LEGEND);
  g_type_ensure (ATLAS_TYPE_PLACE_SEARCH);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-map-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, simple_map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, legend);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPanel, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_place_activated);
}

static void
atlas_map_panel_init (AtlasMapPanel *self)
{
  ShumateViewport *viewport;
  GtkEventController *keys;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  update_style (self);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-theme-name",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);

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
  gtk_widget_set_has_tooltip (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)), TRUE);
  g_signal_connect (shumate_simple_map_get_map (self->simple_map), "query-tooltip",
                    G_CALLBACK (on_query_tooltip), self);

  viewport = atlas_map_panel_get_viewport (self);
  g_signal_connect_swapped (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self);
  g_signal_connect_swapped (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self);
}
