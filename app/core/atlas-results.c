/* atlas-results.c: what the session's filter finds, computed once for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query finds the filter's events in date order with what the timeline draws of each
 * and where it happened; the map's event–place pairs, the per-actor counts and the ids the
 * event list shows are derived from those rows in memory, and one more query finds the
 * passages behind them. Views read these arrays and listen to ::changed; none of them runs
 * the filter itself. The "as of" date is in the filter when the events follow it (see
 * AtlasSession:events-as-of); otherwise moving it costs no SQL.
 *
 * A window finds in the background: each update starts a finding on a worker thread,
 * through a second connection to the store, and the arrays change (with ::changed) only
 * when it is done, in the main thread. Until then they hold what the last filter found.
 */

#define G_LOG_DOMAIN "atlas-results"

#include "config.h"

#include "atlas-id-index.h"
#include "atlas-kept-timeline.h"
#include "atlas-passages.h"
#include "atlas-results.h"

/* The second connection, shared by the results and their findings under way; a finding
 * holds it while it runs, one at a time. */
typedef struct
{
  GMutex      lock;
  AtlasStore *store;
  int         stale;   /* atomic: StaleCaches older than the store */
} Reader;

/* What a reader keeps beside its connection, as read before a write. */
typedef enum
{
  STALE_PARTICIPATION = 1 << 0,
  STALE_PASSAGES      = 1 << 1,
  STALE_TIMELINE      = 1 << 2,
} StaleCaches;

/* Drops what @store keeps of the parts @stale says are older than it. */
static void
forget_caches (AtlasStore  *store,
               StaleCaches  stale)
{
  if (stale & STALE_PARTICIPATION)
    atlas_query_forget_participation (store);
  if (stale & STALE_PASSAGES)
    atlas_query_forget_passages (store);
  if (stale & STALE_TIMELINE)
    atlas_query_forget_timeline (store);
}

static void
reader_clear (gpointer data)
{
  Reader *reader = data;

  g_mutex_clear (&reader->lock);
  g_clear_object (&reader->store);
}

static void
reader_unref (Reader *reader)
{
  g_atomic_rc_box_release_full (reader, reader_clear);
}

/* What one run of the filter finds, made on whichever thread runs it. */
typedef struct
{
  Reader      *reader;       /* for a finding in the background */
  AtlasFilter *filter;
  guint        generation;   /* of the update that asked for it */
  GArray      *timeline;
  GArray      *event_ids;
  GArray      *event_places;
  GHashTable  *counts;
  gboolean     count_later;  /* found on the caller's thread: counted when first asked */
  gboolean     keep_every;   /* for the window: every event is read and kept first */
  GArray      *excerpt_ids;
  AtlasEventActors *event_actors;
  GError      *error;
} Finding;

struct _AtlasResults
{
  GObject      parent_instance;

  AtlasStore  *store;
  AtlasFilter *filter;         /* what the arrays below were found for */
  AtlasFilter *wanted;         /* what was last asked for, found or still being found */
  GError      *error;          /* why the last update failed, or NULL */

  GArray      *timeline;       /* AtlasTimelineEvent, by date */
  GArray      *event_ids;      /* gint64, the same order */
  GArray      *event_places;   /* AtlasEventPlace, by place, then date */
  GHashTable  *counts;         /* actor id -> events of the filter, or NULL if not counted */
  gboolean     count_later;    /* the counts are yet to be made from event_ids */
  GArray      *excerpt_ids;    /* gint64, by source and position */
  AtlasEventActors *event_actors; /* as read by the finding, or NULL */

  AtlasItem    item;            /* whose events the two below hold: an actor, corridor or place */
  GArray      *item_event_ids;  /* gint64, by date */
  GHashTable  *item_events;     /* the same, as a set pointing into item_event_ids */

  /* Finding on another thread, through a connection of its own; without one (a store in
   * memory), updates find on the caller's thread. */
  Reader      *reader;
  GCancellable *finding;        /* of the finding under way, or NULL */
  guint        generation;      /* of the last update */
  gboolean     busy;
  gboolean     ready;           /* whether any finding has come in yet */
};

G_DEFINE_FINAL_TYPE (AtlasResults, atlas_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Finding *
finding_new (const AtlasFilter *filter,
             guint              generation)
{
  Finding *finding = g_new0 (Finding, 1);

  finding->filter = atlas_filter_copy (filter);
  finding->generation = generation;
  return finding;
}

static void
finding_free (gpointer data)
{
  Finding *finding = data;

  g_clear_pointer (&finding->reader, reader_unref);
  atlas_filter_free (finding->filter);
  g_clear_pointer (&finding->timeline, g_array_unref);
  g_clear_pointer (&finding->event_ids, g_array_unref);
  g_clear_pointer (&finding->event_places, g_array_unref);
  g_clear_pointer (&finding->counts, g_hash_table_unref);
  g_clear_pointer (&finding->excerpt_ids, g_array_unref);
  g_clear_pointer (&finding->event_actors, atlas_event_actors_unref);
  g_clear_error (&finding->error);
  g_free (finding);
}

static void
atlas_results_finalize (GObject *object)
{
  AtlasResults *self = ATLAS_RESULTS (object);

  /* A finding under way holds the results, so none is under way now. */
  g_clear_object (&self->finding);
  g_clear_pointer (&self->reader, reader_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, atlas_filter_free);
  g_clear_pointer (&self->wanted, atlas_filter_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->timeline, g_array_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->event_places, g_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->excerpt_ids, g_array_unref);
  g_clear_pointer (&self->event_actors, atlas_event_actors_unref);
  g_clear_pointer (&self->item_events, g_hash_table_unref);
  g_clear_pointer (&self->item_event_ids, g_array_unref);

  G_OBJECT_CLASS (atlas_results_parent_class)->finalize (object);
}

static void
atlas_results_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasResults *self = ATLAS_RESULTS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_results_class_init (AtlasResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_results_finalize;
  object_class->get_property = atlas_results_get_property;

  /**
   * AtlasResults:busy:
   *
   * Whether a finding is under way on another thread: the arrays still hold what the
   * filter before found, and ::changed follows when the new results are in.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->wanted = atlas_filter_new ();
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
  StaleCaches stale = 0;

  switch (kind)
    {
    case ATLAS_ITEM_EVENT:
      stale = STALE_PARTICIPATION | STALE_PASSAGES | STALE_TIMELINE;
      break;
    case ATLAS_ITEM_ACTOR:
      /* The kept timeline holds each event's first actor, and its place. */
      stale = STALE_PARTICIPATION | STALE_TIMELINE;
      break;
    case ATLAS_ITEM_PLACE:
      stale = STALE_TIMELINE;
      break;
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
      stale = STALE_PASSAGES;
      break;
    default:
      break;
    }
  forget_caches (store, stale);
  if (stale != 0 && self->reader != NULL)
    g_atomic_int_or (&self->reader->stale, stale);

  switch (kind)
    {
    case ATLAS_ITEM_EVENT:
    case ATLAS_ITEM_ACTOR:
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

/* The pairs by place, each place's events keeping their date order: a counting sort over
 * the places, linear in the events where sorting a million rows in SQL took seconds. */
static GArray *
pairs_by_place (GArray *timeline)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *next = NULL;
  AtlasIdIndex slots;
  GArray *pairs;

  /* The places, in order; then slots maps each to its index among them. */
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      if (event->place_id != 0 && g_hash_table_add (seen, &event->place_id))
        g_array_append_val (places, event->place_id);
    }
  g_array_sort (places, atlas_id_compare);
  /* Looked up twice an event: in constant time, where a hash table took a tenth of a
   * second at a million events. */
  atlas_id_index_init (&slots, (const gint64 *) places->data, places->len, NULL);

  next = g_new0 (guint, places->len + 1);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      if (event->place_id != 0)
        next[atlas_id_index_lookup (&slots, event->place_id) + 1]++;
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
      pair = &g_array_index (pairs, AtlasEventPlace, next[atlas_id_index_lookup (&slots, event->place_id)]++);
      pair->event_id = event->id;
      pair->place_id = event->place_id;
      pair->first_day = event->first_day;
    }

  atlas_id_index_clear (&slots);
  return pairs;
}

static GArray *
ids_of (GArray *timeline)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), timeline->len);

  g_array_set_size (ids, timeline->len);
  for (guint i = 0; i < timeline->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (timeline, AtlasTimelineEvent, i).id;
  return ids;
}

/* Reads every event and keeps it, with what is made from it, for the findings to come. */
static gboolean
keep_every_event (AtlasStore  *store,
                  GError     **error)
{
  g_autoptr(GArray) timeline = atlas_query_timeline (store, NULL, error);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) places = NULL;

  if (timeline == NULL)
    return FALSE;
  ids = ids_of (timeline);
  places = pairs_by_place (timeline);
  atlas_query_keep_timeline (store, timeline, ids, places);
  return TRUE;
}

/* Runs the filter through @store, on whichever thread the finding is made. */
static void
finding_run (Finding    *finding,
             AtlasStore *store)
{
  g_autoptr(GError) count_error = NULL;
  gint64 start = g_get_monotonic_time (), timeline_done, excerpts_done;
  gboolean every = atlas_filter_is_empty (finding->filter);
  gboolean kept;

  /* Every event is kept with what is made from it, and filters are answered from that:
   * the window reads it first, also when it opens on a filter (a saved view, or the events
   * following the date), and otherwise a finding of every event keeps what it read. */
  if (finding->keep_every && !atlas_query_has_kept_timeline (store) &&
      !keep_every_event (store, &finding->error))
    return;
  kept = every && atlas_query_ref_kept_events (store, &finding->timeline, &finding->event_ids,
                                               &finding->event_places);
  if (kept)
    g_debug ("Every event, as kept");
  else if (atlas_query_has_kept_timeline (store))
    finding->timeline = atlas_query_filter_kept_timeline (store, finding->filter, &finding->error);
  else
    finding->timeline = atlas_query_timeline (store, finding->filter, &finding->error);
  if (finding->timeline == NULL)
    return;
  timeline_done = g_get_monotonic_time ();
  /* Read with the timeline's first actors: for the events list sorted by actors. */
  finding->event_actors = atlas_query_ref_event_actors (store, NULL);

  if (finding->event_ids == NULL)
    finding->event_ids = ids_of (finding->timeline);

  finding->excerpt_ids = atlas_query_excerpts_behind (store, finding->filter, finding->event_ids,
                                                      &finding->error);
  if (finding->excerpt_ids == NULL)
    return;
  excerpts_done = g_get_monotonic_time ();

  if (finding->event_places == NULL)
    finding->event_places = pairs_by_place (finding->timeline);
  if (every && !kept)
    atlas_query_keep_timeline (store, finding->timeline, finding->event_ids, finding->event_places);

  /* The counts have a failure of their own: the rest is still worth showing. */
  if (!finding->count_later)
    {
      /* Every event, as when the window opens: counted as who takes part was read. */
      if (every)
        finding->counts = atlas_query_actor_totals (store, &count_error);
      else
        finding->counts = atlas_query_actor_counts (store, finding->event_ids, &count_error);
      if (finding->counts == NULL)
        g_warning ("Could not count the actors’ events under the filter: %s", count_error->message);
    }

  g_debug ("Found %u events and %u passages in %.1f ms (timeline %.1f, passages %.1f, counts %.1f)",
           finding->timeline->len, finding->excerpt_ids->len,
           (g_get_monotonic_time () - start) / 1000.0, (timeline_done - start) / 1000.0,
           (excerpts_done - timeline_done) / 1000.0, (g_get_monotonic_time () - excerpts_done) / 1000.0);
}

static void
replace_array (GArray **array,
               GArray **by,
               gsize    element_size)
{
  g_clear_pointer (array, g_array_unref);
  *array = by != NULL && *by != NULL ? g_steal_pointer (by) : g_array_new (FALSE, FALSE, element_size);
}

/* Takes what @finding found as the results, or empty ones and its error, and says so. */
static void
apply (AtlasResults *self,
       Finding      *finding)
{
  gboolean found = finding->error == NULL;

  g_clear_pointer (&self->filter, atlas_filter_free);
  self->filter = atlas_filter_copy (finding->filter);
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&finding->error);

  replace_array (&self->timeline, found ? &finding->timeline : NULL, sizeof (AtlasTimelineEvent));
  replace_array (&self->event_ids, found ? &finding->event_ids : NULL, sizeof (gint64));
  replace_array (&self->event_places, found ? &finding->event_places : NULL, sizeof (AtlasEventPlace));
  replace_array (&self->excerpt_ids, found ? &finding->excerpt_ids : NULL, sizeof (gint64));
  g_clear_pointer (&self->counts, g_hash_table_unref);
  if (found)
    self->counts = g_steal_pointer (&finding->counts);
  self->count_later = found && finding->count_later;
  g_clear_pointer (&self->event_actors, atlas_event_actors_unref);
  if (found)
    self->event_actors = g_steal_pointer (&finding->event_actors);

  g_clear_pointer (&self->item_events, g_hash_table_unref);
  g_clear_pointer (&self->item_event_ids, g_array_unref);

  self->ready = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_busy (AtlasResults *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* One finding holds the reader at a time; one that was overtaken before its turn came
 * does not run at all, and one overtaken while it runs is stopped by its cancellable. */
static void
find_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Finding *finding = data;
  Reader *reader = finding->reader;

  g_mutex_lock (&reader->lock);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      forget_caches (reader->store, g_atomic_int_and (&reader->stale, 0));
      atlas_store_set_cancellable (reader->store, cancellable);
      finding_run (finding, reader->store);
      atlas_store_set_cancellable (reader->store, NULL);
    }
  g_mutex_unlock (&reader->lock);
  g_task_return_boolean (task, TRUE);
}

/* In the main thread. The task has no source object: its last reference may go on the
 * worker's thread, and the results must not end there; the callback holds them instead. */
static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AtlasResults) self = user_data;
  Finding *finding = g_task_get_task_data (G_TASK (result));

  /* Let go of the reader here, not where the task ends: the results' own reference then
   * closes the connection in the main thread, when they go. */
  g_clear_pointer (&finding->reader, reader_unref);

  /* Overtaken: a later update's finding brings the results. */
  if (finding->generation != self->generation)
    return;

  g_clear_object (&self->finding);
  apply (self, finding);
  set_busy (self, FALSE);
}

static gboolean
find (AtlasResults  *self,
      GError       **error)
{
  g_autoptr(GTask) task = NULL;
  Finding *finding;

  self->generation++;
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);

  finding = finding_new (self->wanted, self->generation);
  if (self->reader == NULL)
    {
      gboolean found;

      /* Without a thread of its own to count on, a result set counts only when a view asks:
       * an export, which shows no counts, was a tenth slower for them at a million events. */
      finding->count_later = TRUE;

      finding_run (finding, self->store);
      found = finding->error == NULL;
      if (!found && error != NULL)
        *error = g_error_copy (finding->error);
      apply (self, finding);
      finding_free (finding);
      return found;
    }

  finding->reader = g_atomic_rc_box_acquire (self->reader);
  finding->keep_every = TRUE;
  self->finding = g_cancellable_new ();
  task = g_task_new (NULL, self->finding, on_found, g_object_ref (self));
  g_task_set_source_tag (task, find);
  g_task_set_task_data (task, finding, finding_free);
  /* The callback decides by the generation; a cancelled finding still returns there. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, find_in_thread);
  set_busy (self, TRUE);
  return TRUE;
}

/**
 * atlas_results_update:
 * @filter: (nullable): what to find; %NULL finds everything
 *
 * Runs @filter and emits ::changed, also when it fails (then every array is empty). With
 * atlas_results_find_in_background() on, this returns at once and ::changed follows when
 * the results are in; an update made before then overtakes the one under way.
 *
 * Returns: whether the results were found, or are being found
 */
gboolean
atlas_results_update (AtlasResults       *self,
                      const AtlasFilter  *filter,
                      GError            **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  if (filter != self->wanted)
    {
      g_clear_pointer (&self->wanted, atlas_filter_free);
      self->wanted = filter ? atlas_filter_copy (filter) : atlas_filter_new ();
    }

  return find (self, error);
}

/**
 * atlas_results_refresh:
 *
 * Runs the same filter again, as after the store changed, and emits ::changed.
 *
 * Returns: whether the results were found, or are being found
 */
gboolean
atlas_results_refresh (AtlasResults  *self,
                       GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  return find (self, error);
}

/**
 * atlas_results_find_in_background:
 *
 * From now on, finds on another thread through a connection of its own, so that a window
 * never waits for a large store. A store kept in memory cannot be reached from another
 * connection: its results are found on the caller's thread as before.
 *
 * Returns: whether finding moved to another thread
 */
gboolean
atlas_results_find_in_background (AtlasResults *self)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store;

  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  if (self->reader != NULL)
    return TRUE;
  store = atlas_store_open_reader (self->store, &error);
  if (store == NULL)
    {
      g_debug ("Finding on the main thread: %s", error->message);
      return FALSE;
    }
  self->reader = g_atomic_rc_box_new0 (Reader);
  g_mutex_init (&self->reader->lock);
  self->reader->store = store;
  return TRUE;
}

/* Whether the results hold what a filter found; until the first finding in the background
 * comes in, they are empty without meaning that nothing was found. */
gboolean
atlas_results_get_ready (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  return self->ready;
}

/* Whether a finding is under way: see AtlasResults:busy. */
gboolean
atlas_results_get_busy (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  return self->busy;
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

/* Counts what the last finding left to count when first asked. */
static void
count_now (AtlasResults *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->count_later)
    return;
  self->count_later = FALSE;
  self->counts = atlas_filter_is_empty (self->filter)
                 ? atlas_query_actor_totals (self->store, &error)
                 : atlas_query_actor_counts (self->store, self->event_ids, &error);
  if (self->counts == NULL)
    g_warning ("Could not count the actors’ events under the filter: %s", error->message);
}

/* Whether the per-actor counts are known; when counting failed, a view should not pass
 * the store's totals off as the filter's. */
gboolean
atlas_results_has_counts (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), FALSE);

  count_now (self);
  return self->counts != NULL;
}

/* How many of the events found @actor_id, or those affiliated with it, take part in. */
guint
atlas_results_get_actor_count (AtlasResults *self,
                               gint64        actor_id)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), 0);

  count_now (self);
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

/* The set of records the filter narrows by that @kind is, if any. */
static gboolean
filter_set_of (AtlasItemKind   kind,
               AtlasFilterSet *set)
{
  switch (kind)
    {
    case ATLAS_ITEM_ACTOR:
      *set = ATLAS_FILTER_ACTORS;
      return TRUE;
    case ATLAS_ITEM_CORRIDOR:
      *set = ATLAS_FILTER_CORRIDORS;
      return TRUE;
    case ATLAS_ITEM_PLACE:
      *set = ATLAS_FILTER_PLACES;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Runs the filter with @item for its actors, corridors or places, once for the last item
 * asked about. */
static gboolean
ensure_item_events (AtlasResults     *self,
                    const AtlasItem  *item,
                    GError          **error)
{
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GArray) events = NULL;
  AtlasFilterSet set;

  if (self->item_events != NULL && atlas_item_equal (&self->item, item))
    return TRUE;
  if (!filter_set_of (item->kind, &set))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Only an actor, a corridor or a place has events of its own");
      return FALSE;
    }

  filter = atlas_filter_copy (self->filter);
  atlas_filter_clear_ids (filter, set);
  atlas_filter_add_id (filter, set, item->id);
  events = atlas_query_events (self->store, filter, error);
  if (events == NULL)
    return FALSE;

  g_clear_pointer (&self->item_events, g_hash_table_unref);
  g_clear_pointer (&self->item_event_ids, g_array_unref);
  self->item_events = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->item_event_ids = g_steal_pointer (&events);
  self->item = *item;
  for (guint i = 0; i < self->item_event_ids->len; i++)
    g_hash_table_add (self->item_events, &g_array_index (self->item_event_ids, gint64, i));
  return TRUE;
}

/**
 * atlas_results_get_item_event_ids:
 * @item: an actor, a corridor or a place
 *
 * The events of @item under the rest of the filter, as a list of its events shows them:
 * the filter with this one for its actors, corridors or places (an actor's include those
 * of the people and bodies affiliated with it).
 *
 * Returns: (transfer none) (nullable) (element-type gint64): by date, or %NULL on failure
 */
GArray *
atlas_results_get_item_event_ids (AtlasResults     *self,
                                  const AtlasItem  *item,
                                  GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return ensure_item_events (self, item, error) ? self->item_event_ids : NULL;
}

/**
 * atlas_results_get_item_events:
 * @item: an actor, a corridor or a place
 *
 * The same events as atlas_results_get_item_event_ids(), as a set: among the events the
 * filter finds, these are @item's. Kept for the last item asked about, so that the map
 * and the timeline marking them as the date moves ask the store once, and the list of an
 * actor's events shares that one query.
 *
 * Returns: (transfer none) (nullable): a set of event ids (gint64 *), valid until the
 *   results change or another item is asked about, or %NULL on failure
 */
GHashTable *
atlas_results_get_item_events (AtlasResults     *self,
                               const AtlasItem  *item,
                               GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return ensure_item_events (self, item, error) ? self->item_events : NULL;
}

/**
 * atlas_results_get_event_actors:
 *
 * Each event's own actors in the order the events list shows them, as the finding read
 * them (see atlas_query_ref_event_actors()): sorting by actors needs them, and a window's
 * results read them on another connection.
 *
 * Returns: (transfer none) (nullable): the events' actors, or %NULL when they were not read
 */
AtlasEventActors *
atlas_results_get_event_actors (AtlasResults *self)
{
  g_return_val_if_fail (ATLAS_IS_RESULTS (self), NULL);

  return self->event_actors;
}
