/* atlas-results.c: what the session's filter finds, computed once for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query finds the filter's events in date order with what the timeline draws of each
 * and where it happened; the map's event–place pairs, the per-actor counts and the ids the
 * event list shows are derived from those rows in memory, and one more query finds the
 * passages behind them. Views read these arrays and listen to ::changed; none of them runs
 * the filter itself. The "as of" date only cuts the map's pairs, so moving it costs no SQL.
 */

#define G_LOG_DOMAIN "atlas-results"

#include "config.h"

#include "atlas-date.h"
#include "atlas-results.h"

struct _AtlasResults
{
  GObject      parent_instance;

  AtlasStore  *store;
  AtlasFilter *filter;
  GError      *error;          /* why the last update failed, or NULL */

  GArray      *timeline;       /* AtlasTimelineEvent, by date */
  GArray      *event_ids;      /* gint64, the same order */
  GArray      *event_places;   /* AtlasEventPlace, by place, then date */
  GHashTable  *counts;         /* actor id -> events of the filter, or NULL if not counted */
  GArray      *excerpt_ids;    /* gint64, by source and position */

  gint64       actor_id;         /* whose events the two below hold */
  GArray      *actor_event_ids; /* gint64, by date */
  GHashTable  *actor_events;    /* the same, as a set pointing into actor_event_ids */
};

G_DEFINE_FINAL_TYPE (AtlasResults, atlas_results, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_results_finalize (GObject *object)
{
  AtlasResults *self = ATLAS_RESULTS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, atlas_filter_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->timeline, g_array_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->event_places, g_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->excerpt_ids, g_array_unref);
  g_clear_pointer (&self->actor_events, g_hash_table_unref);
  g_clear_pointer (&self->actor_event_ids, g_array_unref);

  G_OBJECT_CLASS (atlas_results_parent_class)->finalize (object);
}

static void
atlas_results_class_init (AtlasResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_results_finalize;

  /**
   * AtlasResults::changed:
   *
   * The results were computed again, for a new filter or after the store changed. After a
   * failure the arrays are empty and atlas_results_get_error() says why.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_results_init (AtlasResults *self)
{
  self->filter = atlas_filter_new ();
  self->timeline = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent));
  self->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->event_places = g_array_new (FALSE, FALSE, sizeof (AtlasEventPlace));
  self->excerpt_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* A committed write to what the filter reads finds again; other writes (saved views)
 * leave the results as they are. */
static void
on_store_changed (AtlasResults  *self,
                  AtlasItemKind  kind,
                  GArray        *ids,
                  AtlasStore    *store)
{
  switch (kind)
    {
    case ATLAS_ITEM_EVENT:
    case ATLAS_ITEM_ACTOR:
      atlas_query_forget_participation (store);
      G_GNUC_FALLTHROUGH;
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_PLACE:
    case ATLAS_ITEM_CORRIDOR:
      atlas_results_refresh (self, NULL);
      break;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_ZONE:
    case ATLAS_ITEM_RELATION:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    case ATLAS_ITEM_SAVED_VIEW:
    default:
      break;
    }
}

/**
 * atlas_results_new:
 *
 * Returns: (transfer full): results that find nothing until atlas_results_update()
 */
AtlasResults *
atlas_results_new (AtlasStore *store)
{
  AtlasResults *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_RESULTS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The pairs by place, each place's events keeping their date order: a counting sort over
 * the places, linear in the events where sorting a million rows in SQL took seconds. */
static GArray *
pairs_by_place (GArray *timeline)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *next = NULL;
  GArray *pairs;

  /* The places, in order; then slots maps each to its index among them. */
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      if (event->place_id != 0 && g_hash_table_add (slots, &event->place_id))
        g_array_append_val (places, event->place_id);
    }
  g_array_sort (places, compare_ids);
  g_hash_table_remove_all (slots);
  for (guint i = 0; i < places->len; i++)
    g_hash_table_insert (slots, &g_array_index (places, gint64, i), GUINT_TO_POINTER (i));

  next = g_new0 (guint, places->len + 1);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      if (event->place_id != 0)
        next[GPOINTER_TO_UINT (g_hash_table_lookup (slots, &event->place_id)) + 1]++;
    }
  for (guint i = 1; i <= places->len; i++)
    next[i] += next[i - 1];

  pairs = g_array_sized_new (FALSE, FALSE, sizeof (AtlasEventPlace), next[places->len]);
  g_array_set_size (pairs, next[places->len]);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);
      AtlasEventPlace *pair;

      if (event->place_id == 0)
        continue;
      pair = &g_array_index (pairs, AtlasEventPlace,
                             next[GPOINTER_TO_UINT (g_hash_table_lookup (slots, &event->place_id))]++);
      pair->event_id = event->id;
      pair->place_id = event->place_id;
      pair->first_day = event->first_day;
    }

  return pairs;
}

static void
clear_rows (AtlasResults *self)
{
  g_array_set_size (self->timeline, 0);
  g_array_set_size (self->event_ids, 0);
  g_array_set_size (self->event_places, 0);
  g_array_set_size (self->excerpt_ids, 0);
  g_clear_pointer (&self->counts, g_hash_table_unref);
}

static gboolean
compute (AtlasResults  *self,
         GError       **error)
{
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) excerpts = NULL;
  g_autoptr(GError) count_error = NULL;

  timeline = atlas_query_timeline (self->store, self->filter, error);
  if (timeline == NULL)
    return FALSE;
  excerpts = atlas_query_excerpts (self->store, self->filter, error);
  if (excerpts == NULL)
    return FALSE;

  g_clear_pointer (&self->timeline, g_array_unref);
  self->timeline = g_steal_pointer (&timeline);
  g_clear_pointer (&self->excerpt_ids, g_array_unref);
  self->excerpt_ids = g_steal_pointer (&excerpts);

  g_array_set_size (self->event_ids, self->timeline->len);
  for (guint i = 0; i < self->timeline->len; i++)
    g_array_index (self->event_ids, gint64, i) = g_array_index (self->timeline, AtlasTimelineEvent, i).id;

  g_clear_pointer (&self->event_places, g_array_unref);
  self->event_places = pairs_by_place (self->timeline);

  /* The counts have a failure of their own: the rest is still worth showing. */
  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = atlas_query_actor_counts (self->store, self->event_ids, &count_error);
  if (self->counts == NULL)
    g_warning ("Could not count the actors’ events under the filter: %s", count_error->message);

  return TRUE;
}

/**
 * atlas_results_update:
 * @filter: (nullable): what to find; %NULL finds everything
 *
 * Runs @filter and emits ::changed, also when it fails (then every array is empty).
 *
 * Returns: whether the results were found
 */
gboolean
atlas_results_update (AtlasResults       *self,
                      const AtlasFilter  *filter,
                      GError            **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  if (filter != self->filter)
    {
      g_clear_pointer (&self->filter, atlas_filter_free);
      self->filter = filter ? atlas_filter_copy (filter) : atlas_filter_new ();
    }

  return atlas_results_refresh (self, error);
}

/**
 * atlas_results_refresh:
 *
 * Runs the same filter again, as after the store changed, and emits ::changed.
 *
 * Returns: whether the results were found
 */
gboolean
atlas_results_refresh (AtlasResults  *self,
                       GError       **error)
{
  gint64 start = g_get_monotonic_time ();
  gboolean found;

  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  g_clear_error (&self->error);
  g_clear_pointer (&self->actor_events, g_hash_table_unref);
  g_clear_pointer (&self->actor_event_ids, g_array_unref);
  found = compute (self, &self->error);
  g_debug ("Found %u events and %u passages in %.1f ms", self->timeline->len,
           self->excerpt_ids->len, (g_get_monotonic_time () - start) / 1000.0);
  if (!found)
    {
      clear_rows (self);
      if (error != NULL)
        *error = g_error_copy (self->error);
    }

  g_signal_emit (self, signals[CHANGED], 0);
  return found;
}

const AtlasFilter *
atlas_results_get_filter (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->filter;
}

/* Why the last update found nothing, or %NULL when it worked. */
const GError *
atlas_results_get_error (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->error;
}

guint
atlas_results_get_n_events (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), 0);

  return self->event_ids->len;
}

/**
 * atlas_results_get_event_ids:
 *
 * Returns: (transfer none) (element-type gint64): the events found, by date
 */
GArray *
atlas_results_get_event_ids (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->event_ids;
}

/**
 * atlas_results_get_timeline:
 *
 * Returns: (transfer none) (element-type AtlasTimelineEvent): the events found, by date
 */
GArray *
atlas_results_get_timeline (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->timeline;
}

/**
 * atlas_results_get_event_places:
 *
 * Returns: (transfer none) (element-type AtlasEventPlace): the events found that have a
 *   place, by place and then by date
 */
GArray *
atlas_results_get_event_places (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->event_places;
}

/**
 * atlas_results_dup_event_places_until:
 * @date: (nullable): "YYYY-MM-DD"; %NULL for no limit
 *
 * Returns: (transfer full) (element-type AtlasEventPlace): the event places of events that
 *   had begun by @date, in the same order
 */
GArray *
atlas_results_dup_event_places_until (AtlasResults *self,
                                      const char   *date)
{
  GArray *pairs;
  int until;

  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  pairs = g_array_sized_new (FALSE, FALSE, sizeof (AtlasEventPlace), self->event_places->len);
  until = date != NULL ? atlas_date_to_number (date) : G_MAXINT;
  for (guint i = 0; i < self->event_places->len; i++)
    {
      const AtlasEventPlace *pair = &g_array_index (self->event_places, AtlasEventPlace, i);

      if (pair->first_day <= until)
        g_array_append_val (pairs, *pair);
    }
  return pairs;
}

/* Whether the per-actor counts are known; when counting failed, a view should not pass
 * the store's totals off as the filter's. */
gboolean
atlas_results_has_counts (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  return self->counts != NULL;
}

/* How many of the events found @actor_id, or those affiliated with it, take part in. */
guint
atlas_results_get_actor_count (AtlasResults *self,
                               gint64        actor_id)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), 0);

  if (self->counts == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &actor_id));
}

/**
 * atlas_results_get_excerpt_ids:
 *
 * Returns: (transfer none) (element-type gint64): the passages behind the events found
 *   (see atlas_query_excerpts()), by source and position
 */
GArray *
atlas_results_get_excerpt_ids (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->excerpt_ids;
}

/* Runs the filter with @actor_id for its actors, once for the last actor asked about. */
static gboolean
ensure_actor_events (AtlasResults  *self,
                     gint64         actor_id,
                     GError       **error)
{
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GArray) events = NULL;

  if (self->actor_events != NULL && self->actor_id == actor_id)
    return TRUE;

  filter = atlas_filter_copy (self->filter);
  atlas_filter_clear_actors (filter);
  atlas_filter_add_actor (filter, actor_id);
  events = atlas_query_events (self->store, filter, error);
  if (events == NULL)
    return FALSE;

  g_clear_pointer (&self->actor_events, g_hash_table_unref);
  g_clear_pointer (&self->actor_event_ids, g_array_unref);
  self->actor_events = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->actor_event_ids = g_steal_pointer (&events);
  self->actor_id = actor_id;
  for (guint i = 0; i < self->actor_event_ids->len; i++)
    g_hash_table_add (self->actor_events, &g_array_index (self->actor_event_ids, gint64, i));
  return TRUE;
}

/**
 * atlas_results_get_actor_event_ids:
 *
 * The events of @actor_id (or of those affiliated with it) under the rest of the filter,
 * as a list of one actor shows them: the filter with this actor for its actors.
 *
 * Returns: (transfer none) (nullable) (element-type gint64): by date, or %NULL on failure
 */
GArray *
atlas_results_get_actor_event_ids (AtlasResults  *self,
                                   gint64         actor_id,
                                   GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return ensure_actor_events (self, actor_id, error) ? self->actor_event_ids : NULL;
}

/**
 * atlas_results_get_actor_events:
 *
 * The same events as atlas_results_get_actor_event_ids(), as a set: among the events the
 * filter finds, these are those @actor_id takes part in. Kept for the last actor asked
 * about, so that the map marking them as the date moves asks the store once, and the list
 * of the actor's events and the map share one query.
 *
 * Returns: (transfer none) (nullable): a set of event ids (gint64 *), or %NULL on failure
 */
GHashTable *
atlas_results_get_actor_events (AtlasResults  *self,
                                gint64         actor_id,
                                GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return ensure_actor_events (self, actor_id, error) ? self->actor_events : NULL;
}
