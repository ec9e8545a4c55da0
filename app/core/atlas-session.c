/* atlas-session.c: the one shared state that links every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views read and write the session and listen to its notifications; they never talk to each
 * other. Every property notifies only when its value really changes, so a view that writes
 * back what it was told does not start a loop.
 */

#define G_LOG_DOMAIN "atlas-session"

#include "config.h"

#include <math.h>

#include "atlas-date.h"
#include "atlas-session.h"

/* The South Caucasus as a whole, for a first look. */
#define DEFAULT_LATITUDE  41.0
#define DEFAULT_LONGITUDE 45.5
#define DEFAULT_ZOOM      6.0

struct _AtlasSession
{
  GObject      parent_instance;

  AtlasStore  *store;
  AtlasFilter *filter;
  AtlasResults *results;      /* of filter, computed when first asked for */
  gboolean     results_asked;
  gboolean     in_background; /* whether results are found on another thread */
  AtlasItem   *selection;
  char        *date;
  gboolean     events_as_of;  /* whether the events too are as of the date */
  gboolean     find_when_found; /* the date moved while the results were being found */
  double       latitude;
  double       longitude;
  double       zoom;
  AtlasPlaceNames place_names;
};

G_DEFINE_FINAL_TYPE (AtlasSession, atlas_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_SELECTION,
  PROP_DATE,
  PROP_EVENTS_AS_OF,
  PROP_MAP_LATITUDE,
  PROP_MAP_LONGITUDE,
  PROP_MAP_ZOOM,
  PROP_PLACE_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_session_dispose (GObject *object)
{
  AtlasSession *self = ATLAS_SESSION (object);

  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_session_parent_class)->dispose (object);
}

static void
atlas_session_finalize (GObject *object)
{
  AtlasSession *self = ATLAS_SESSION (object);

  g_clear_pointer (&self->filter, atlas_filter_free);
  g_clear_pointer (&self->selection, atlas_item_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (atlas_session_parent_class)->finalize (object);
}

static void
atlas_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_SELECTION:
      g_value_set_boxed (value, self->selection);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_EVENTS_AS_OF:
      g_value_set_boolean (value, self->events_as_of);
      break;
    case PROP_MAP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;
    case PROP_MAP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;
    case PROP_MAP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PLACE_NAMES:
      g_value_set_enum (value, self->place_names);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      atlas_session_set_filter (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTION:
      atlas_session_set_selection (self, g_value_get_boxed (value));
      break;
    case PROP_DATE:
      atlas_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_EVENTS_AS_OF:
      atlas_session_set_events_as_of (self, g_value_get_boolean (value));
      break;
    case PROP_MAP_LATITUDE:
      atlas_session_set_map_view (self, g_value_get_double (value), self->longitude, self->zoom);
      break;
    case PROP_MAP_LONGITUDE:
      atlas_session_set_map_view (self, self->latitude, g_value_get_double (value), self->zoom);
      break;
    case PROP_MAP_ZOOM:
      atlas_session_set_map_view (self, self->latitude, self->longitude, g_value_get_double (value));
      break;
    case PROP_PLACE_NAMES:
      atlas_session_set_place_names (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_class_init (AtlasSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_session_dispose;
  object_class->finalize = atlas_session_finalize;
  object_class->get_property = atlas_session_get_property;
  object_class->set_property = atlas_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, ATLAS_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTION] =
    g_param_spec_boxed ("selection", NULL, NULL, ATLAS_TYPE_ITEM,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The "as of" day, YYYY-MM-DD; NULL means today. */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtlasSession:events-as-of:
   *
   * Whether the events follow the "as of" day too: the results (the map, the lists, the
   * counts) hold only the events that had begun by it, and the map sets the last month's
   * apart from the older ones.
   */
  properties[PROP_EVENTS_AS_OF] =
    g_param_spec_boolean ("events-as-of", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAP_LATITUDE] =
    g_param_spec_double ("map-latitude", NULL, NULL, -85.0, 85.0, DEFAULT_LATITUDE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_LONGITUDE] =
    g_param_spec_double ("map-longitude", NULL, NULL, -180.0, 180.0, DEFAULT_LONGITUDE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_ZOOM] =
    g_param_spec_double ("map-zoom", NULL, NULL, 1.0, 20.0, DEFAULT_ZOOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How the map, the place search, the details and the exports name places. */
  properties[PROP_PLACE_NAMES] =
    g_param_spec_enum ("place-names", NULL, NULL, ATLAS_TYPE_PLACE_NAMES, ATLAS_PLACE_NAMES_BOTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_session_init (AtlasSession *self)
{
  self->filter = atlas_filter_new ();
  self->selection = atlas_item_new (ATLAS_ITEM_NONE, 0);
  self->latitude = DEFAULT_LATITUDE;
  self->longitude = DEFAULT_LONGITUDE;
  self->zoom = DEFAULT_ZOOM;
}

/* Finds what the filter finds, and with the events as of the date, only those begun by it:
 * the results' filter is the session's with that one bound more. */
static void
find_results (AtlasSession *self)
{
  g_autoptr(AtlasFilter) wanted = atlas_filter_copy (self->filter);
  g_autofree char *today = NULL;

  if (self->events_as_of)
    atlas_filter_set_begun_by (wanted, self->date != NULL
                                       ? self->date
                                       : (today = atlas_date_from_number (atlas_date_today_number ())));
  self->find_when_found = FALSE;
  atlas_results_update (self->results, wanted, NULL);
}

/* A date that moved while the results were being found is found once they are in, rather
 * than overtaking them: playing the timeline over a large store then shows the events as
 * fast as they can be found, instead of never. */
static void
on_results_busy (AtlasSession *self)
{
  if (self->find_when_found && !atlas_results_get_busy (self->results))
    find_results (self);
}

AtlasSession *
atlas_session_new (AtlasStore *store)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  return g_object_new (ATLAS_TYPE_SESSION, "store", store, NULL);
}

AtlasStore *
atlas_session_get_store (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->store;
}

/* Never %NULL: an empty filter lets everything through. */
const AtlasFilter *
atlas_session_get_filter (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->filter;
}

void
atlas_session_set_filter (AtlasSession      *self,
                          const AtlasFilter *filter)
{
  g_autoptr(AtlasFilter) copy = NULL;

  g_return_if_fail (ATLAS_IS_SESSION (self));

  copy = filter ? atlas_filter_copy (filter) : atlas_filter_new ();
  /* Whether the events follow the date is the session's to say, not a filter's. */
  atlas_filter_set_begun_by (copy, NULL);
  if (atlas_filter_equal (self->filter, copy))
    return;

  atlas_filter_free (self->filter);
  self->filter = g_steal_pointer (&copy);
  /* Found on this thread, the results are new before anyone hears of the filter, so that
   * every view reads results that match it; found in the background, they follow. */
  if (self->results_asked)
    find_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * atlas_session_get_results:
 *
 * What the filter finds, shared by every view; its ::changed follows the filter.
 *
 * Returns: (transfer none): the results of the session's filter
 */
AtlasResults *
atlas_session_get_results (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  if (self->results == NULL)
    {
      self->results = atlas_results_new (self->store);
      if (self->in_background)
        atlas_results_find_in_background (self->results);
      g_signal_connect_object (self->results, "notify::busy", G_CALLBACK (on_results_busy), self,
                               G_CONNECT_SWAPPED);
    }
  if (!self->results_asked)
    {
      /* A session used for one export never runs a filter it is about to replace. */
      self->results_asked = TRUE;
      find_results (self);
    }
  return self->results;
}

/**
 * atlas_session_find_in_background:
 *
 * Lets the results be found on another thread (see atlas_results_find_in_background()),
 * as a window wants; a session used for one export finds on its own thread.
 */
void
atlas_session_find_in_background (AtlasSession *self)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  self->in_background = TRUE;
  if (self->results != NULL)
    atlas_results_find_in_background (self->results);
}

/* Never %NULL: nothing selected is an item of kind %ATLAS_ITEM_NONE. */
const AtlasItem *
atlas_session_get_selection (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->selection;
}

void
atlas_session_set_selection (AtlasSession    *self,
                             const AtlasItem *selection)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  if (atlas_item_equal (self->selection, selection))
    return;

  atlas_item_free (self->selection);
  self->selection = selection ? atlas_item_copy (selection) : atlas_item_new (ATLAS_ITEM_NONE, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
atlas_session_select (AtlasSession  *self,
                      AtlasItemKind  kind,
                      gint64         id)
{
  AtlasItem item = { kind, id };

  atlas_session_set_selection (self, &item);
}

const char *
atlas_session_get_date (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->date;
}

void
atlas_session_set_date (AtlasSession *self,
                        const char   *date)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));
  g_return_if_fail (date == NULL || atlas_date_parse (date, NULL, NULL) == ATLAS_DATE_DAY);

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  if (self->events_as_of && self->results_asked)
    {
      if (atlas_results_get_busy (self->results))
        self->find_when_found = TRUE;
      else
        find_results (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/* See AtlasSession:events-as-of. */
gboolean
atlas_session_get_events_as_of (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return self->events_as_of;
}

void
atlas_session_set_events_as_of (AtlasSession *self,
                                gboolean      events_as_of)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  events_as_of = !!events_as_of;
  if (self->events_as_of == events_as_of)
    return;

  self->events_as_of = events_as_of;
  if (self->results_asked)
    find_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS_AS_OF]);
}

void
atlas_session_get_map_view (AtlasSession *self,
                            double       *latitude,
                            double       *longitude,
                            double       *zoom)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;
  if (zoom != NULL)
    *zoom = self->zoom;
}

void
atlas_session_set_map_view (AtlasSession *self,
                            double        latitude,
                            double        longitude,
                            double        zoom)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));
  /* CLAMP lets NaN through: callers check what they read. */
  g_return_if_fail (isfinite (latitude) && isfinite (longitude) && isfinite (zoom));

  latitude = CLAMP (latitude, -85.0, 85.0);
  longitude = CLAMP (longitude, -180.0, 180.0);
  zoom = CLAMP (zoom, 1.0, 20.0);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->latitude != latitude)
    {
      self->latitude = latitude;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_LATITUDE]);
    }
  if (self->longitude != longitude)
    {
      self->longitude = longitude;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_LONGITUDE]);
    }
  if (self->zoom != zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_ZOOM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

AtlasPlaceNames
atlas_session_get_place_names (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), ATLAS_PLACE_NAMES_BOTH);

  return self->place_names;
}

void
atlas_session_set_place_names (AtlasSession    *self,
                               AtlasPlaceNames  place_names)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));
  g_return_if_fail (place_names < ATLAS_N_PLACE_NAMES);

  if (self->place_names == place_names)
    return;

  self->place_names = place_names;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_NAMES]);
}
