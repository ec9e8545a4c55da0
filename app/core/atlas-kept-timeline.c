/* atlas-kept-timeline.c: every event's timeline row, kept to filter in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens on every event, so its first finding reads the whole timeline, in date
 * order. Kept beside the store with the ids and places made from it, that array answers the filters a person changes most (dates,
 * kinds, places) with one pass in memory: at a million events SQLite took 25-40 ms to walk
 * its date index for them, the pass takes a few. The other terms (actors, corridors, words,
 * passages, and any added later) are still asked of the store, for event ids only.
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include "atlas-criteria.h"
#include "atlas-date.h"
#include "atlas-id-index.h"
#include "atlas-kept-timeline.h"
#include "atlas-query.h"

#define KEPT_KEY "atlas-kept-timeline"

/* What the finding of every event made, each array shared and never changed. */
typedef struct
{
  GArray *timeline;      /* AtlasTimelineEvent, by date */
  GArray *event_ids;     /* gint64, the same order */
  GArray *event_places;  /* AtlasEventPlace, by place, then date */
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_array_unref (kept->timeline);
  g_array_unref (kept->event_ids);
  g_array_unref (kept->event_places);
  g_free (kept);
}

/**
 * atlas_query_keep_timeline:
 * @timeline: (element-type AtlasTimelineEvent): every event, as atlas_query_timeline()
 *   found them with an empty filter
 * @event_ids: (element-type gint64): their ids, in the same order
 * @event_places: (element-type AtlasEventPlace): their places, as the result set pairs them
 *
 * Keeps the three arrays by reference, never to be changed, for
 * atlas_query_filter_kept_timeline() and atlas_query_ref_kept_events(), until
 * atlas_query_forget_timeline().
 */
void
atlas_query_keep_timeline (AtlasStore *store,
                           GArray     *timeline,
                           GArray     *event_ids,
                           GArray     *event_places)
{
  Kept *kept;

  g_return_if_fail (ATLAS_IS_STORE (store));
  g_return_if_fail (timeline != NULL && event_ids != NULL && event_places != NULL);

  kept = g_new0 (Kept, 1);
  kept->timeline = g_array_ref (timeline);
  kept->event_ids = g_array_ref (event_ids);
  kept->event_places = g_array_ref (event_places);
  g_object_set_data_full (G_OBJECT (store), KEPT_KEY, kept, kept_free);
}

gboolean
atlas_query_has_kept_timeline (AtlasStore *store)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  return g_object_get_data (G_OBJECT (store), KEPT_KEY) != NULL;
}

/**
 * atlas_query_ref_kept_events:
 *
 * What an empty filter finds, as kept: no event is looked at again. Clearing the filter at a
 * million events took 200-400 ms to list the ids and pair the places again.
 *
 * Returns: whether anything was kept; then the three arrays, by reference
 */
gboolean
atlas_query_ref_kept_events (AtlasStore  *store,
                             GArray     **timeline,
                             GArray     **event_ids,
                             GArray     **event_places)
{
  Kept *kept;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  kept = g_object_get_data (G_OBJECT (store), KEPT_KEY);
  if (kept == NULL)
    return FALSE;
  *timeline = g_array_ref (kept->timeline);
  *event_ids = g_array_ref (kept->event_ids);
  *event_places = g_array_ref (kept->event_places);
  return TRUE;
}

/* Drops the kept timeline, after a write to events, or to the actors or places they name. */
void
atlas_query_forget_timeline (AtlasStore *store)
{
  g_return_if_fail (ATLAS_IS_STORE (store));

  g_object_set_data (G_OBJECT (store), KEPT_KEY, NULL);
}

/* Event ids to test many events against: a bit for each id in their range where the store's
 * ids are dense, as they are unless written by hand. An actor's 2,000 events among a
 * million spread over the whole range, and a hash table took 20-30 ms to be asked about
 * each of the million. */
typedef struct
{
  gint64        low;
  guint64       n_bits;
  guint64      *bits;
  AtlasIdIndex  sparse;   /* where the ids are too spread out for bits */
} EventSet;

static void
event_set_init (EventSet     *set,
                const GArray *ids,
                guint         n_events)
{
  gint64 low = G_MAXINT64, high = G_MININT64;

  memset (set, 0, sizeof *set);
  for (guint i = 0; i < ids->len; i++)
    {
      low = MIN (low, g_array_index (ids, gint64, i));
      high = MAX (high, g_array_index (ids, gint64, i));
    }
  if (ids->len > 0 && (guint64) high - (guint64) low < (guint64) n_events * 8 + 65536)
    {
      set->low = low;
      set->n_bits = (guint64) high - (guint64) low + 1;
      set->bits = g_new0 (guint64, set->n_bits / 64 + 1);
      for (guint i = 0; i < ids->len; i++)
        {
          guint64 bit = (guint64) g_array_index (ids, gint64, i) - (guint64) low;

          set->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
    }
  else
    atlas_id_index_init (&set->sparse, (const gint64 *) ids->data, ids->len, NULL);
}

static inline gboolean
event_set_has (const EventSet *set,
               gint64          id)
{
  if (set->bits != NULL)
    {
      guint64 bit = (guint64) id - (guint64) set->low;

      return bit < set->n_bits && (set->bits[bit / 64] >> (bit % 64)) & 1;
    }
  return atlas_id_index_lookup (&set->sparse, id) != G_MAXUINT;
}

static void
event_set_clear (EventSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  atlas_id_index_clear (&set->sparse);
}

/* The events that meet the terms of @criteria other than dates, kinds and places, in @set;
 * *any_terms says whether there were such terms. */
static gboolean
find_other_terms (AtlasStore    *store,
                  AtlasCriteria *criteria,
                  guint          n_events,
                  EventSet      *set,
                  gboolean      *any_terms,
                  GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) ids = NULL;
  AtlasCriteria others = *criteria;

  /* Taken out of a copy, which owns nothing: the caller clears the criteria. */
  others.from = others.to = others.kinds = others.places = NULL;
  /* Lists of events are asked for their ids alone: looking each up in the events table
   * took 10-25 ms for an actor's 2,000 events at a million. A term on the events' own
   * columns that is not tested here is asked of the table. */
  if (!atlas_criteria_append_id_query (sql, &others))
    {
      g_string_assign (sql, "SELECT e.id FROM events e WHERE 1");
      atlas_criteria_append_event_terms (sql, &others);
    }
  memset (set, 0, sizeof *set);
  *any_terms = sql->len > 0;
  if (!*any_terms)
    return TRUE;

  ids = atlas_sql_collect_ids (store, sql->str, &others, error);
  if (ids == NULL)
    return FALSE;
  event_set_init (set, ids, n_events);
  return TRUE;
}

static gboolean
has_kind (const char * const *kinds,
          const char         *kind)
{
  if (kinds[0] == NULL)
    return TRUE;
  for (guint i = 0; kinds[i] != NULL; i++)
    if (strcmp (kinds[i], kind) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_place (const GArray *places,
           gint64        place_id)
{
  if (places->len == 0)
    return TRUE;
  for (guint i = 0; i < places->len; i++)
    if (g_array_index (places, gint64, i) == place_id)
      return TRUE;
  return FALSE;
}

/**
 * atlas_query_filter_kept_timeline:
 *
 * As atlas_query_timeline() for @filter, from the kept timeline (see
 * atlas_query_keep_timeline(), which must have been called).
 *
 * Returns: (transfer full): the events that meet @filter, in the kept (date) order; for an
 *   empty filter the kept array itself, which no one may change
 */
GArray *
atlas_query_filter_kept_timeline (AtlasStore         *store,
                                  const AtlasFilter  *filter,
                                  GError            **error)
{
  Kept *kept;
  GArray *found;
  AtlasCriteria criteria;
  EventSet others;
  gboolean other_terms;
  const char * const *kinds;
  const GArray *places;
  int from, to;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  kept = g_object_get_data (G_OBJECT (store), KEPT_KEY);
  g_return_val_if_fail (kept != NULL, NULL);
  if (filter == NULL || atlas_filter_is_empty (filter))
    return g_array_ref (kept->timeline);

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;
  /* Days as the timeline counts them: their order is the order of the ISO dates that SQL
   * compares. */
  from = criteria.from != NULL ? atlas_date_to_number (criteria.from) : G_MININT;
  to = criteria.to != NULL ? atlas_date_to_number (criteria.to) : G_MAXINT;
  kinds = atlas_filter_get_kinds (filter);
  places = atlas_filter_get_ids (filter, ATLAS_FILTER_PLACES);
  if (!find_other_terms (store, &criteria, kept->timeline->len, &others, &other_terms, error))
    {
      atlas_criteria_clear (&criteria);
      return NULL;
    }
  atlas_criteria_clear (&criteria);

  found = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent));
  for (guint i = 0; i < kept->timeline->len; i++)
    {
      const AtlasTimelineEvent *event = &g_array_index (kept->timeline, AtlasTimelineEvent, i);

      if (event->last_day >= from && event->first_day <= to &&
          has_kind (kinds, event->kind) && has_place (places, event->place_id) &&
          (!other_terms || event_set_has (&others, event->id)))
        g_array_append_vals (found, event, 1);
    }
  event_set_clear (&others);
  return found;
}
