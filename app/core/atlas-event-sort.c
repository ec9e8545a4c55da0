/* atlas-event-sort.c: the events list's orders, found without loading its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sorting the list by comparing its rows loaded every row: 11 s and 370 MB at a million
 * events. Here each order comes from what is small or already at hand, and the rows are
 * read only as they scroll into view, as before sorting:
 *   - date: the days the result set holds. ISO dates sort as text, so by first day, and on
 *     one day a year before its months and a month before its days;
 *   - title: the store's index of titles, walked in its order. That is SQLite's NOCASE,
 *     ASCII letters without regard to case and other characters by code point, then id: a
 *     collation of our own in the schema would make the store unusable to other programs;
 *   - kind, place and actors: the few labels and names, ranked once as the list shows them
 *     (translated kinds; names case-folded in the locale's collation, as GtkStringSorter
 *     compares them), then the events counted into buckets by rank. Actors compare as
 *     their list reads, first actor shown, then the second, and so on.
 * Equal cells keep the date order; empty cells (no place, no actor) come last in both
 * directions, and descending is ascending reversed. No GTK and no shared state but the
 * store: a worker thread may call it.
 */

#define G_LOG_DOMAIN "atlas-event-sort"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-event-sort.h"
#include "atlas-id-index.h"
#include "atlas-participation.h"
#include "atlas-query.h"
#include "atlas-vocabulary.h"

/* Up to this many events not at hand are looked up by id, in one statement; more, and the
 * whole table or index is walked once (a tenth of a second at a million events). */
#define FEW_EVENTS 16384

/* The key of an empty cell: after every other. */
#define EMPTY G_MAXUINT

/* Events whose first this many actors are the same keep their date order. */
#define ACTOR_LEVELS 8

/* One stable counting pass: @to lists the positions in @from by their digit, those with
 * equal digits in their order in @from. */
static void
counting_pass (const guint *from,
               guint       *to,
               guint        n,
               const guint *digits,
               guint        n_buckets)
{
  g_autofree guint *next = g_new0 (guint, n_buckets + 1);

  for (guint i = 0; i < n; i++)
    next[digits[from[i]] + 1]++;
  for (guint b = 1; b <= n_buckets; b++)
    next[b] += next[b - 1];
  for (guint i = 0; i < n; i++)
    to[next[digits[from[i]]]++] = from[i];
}

/* The positions 0 .. @n - 1 ordered by @keys, equal keys in position order: a radix sort
 * in two passes of 16 bits, the high one skipped where all keys share it (ranks do). */
static guint *
order_by_keys (const guint *keys,
               guint        n)
{
  g_autofree guint *other = g_new (guint, n);
  g_autofree guint *digits = g_new (guint, n);
  guint *order = g_new (guint, n);
  guint high_min = G_MAXUINT, high_max = 0;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      digits[i] = keys[i] & 0xffff;
      high_min = MIN (high_min, keys[i] >> 16);
      high_max = MAX (high_max, keys[i] >> 16);
    }
  counting_pass (order, other, n, digits, 0x10000);
  if (high_min == high_max)
    {
      memcpy (order, other, n * sizeof (guint));
      return order;
    }
  for (guint i = 0; i < n; i++)
    digits[i] = keys[i] >> 16;
  counting_pass (other, order, n, digits, 0x10000);
  return order;
}

/* The ids at the positions of @order, whose last @n_empty are the empty cells: those stay
 * last when the rest is reversed. */
static GArray *
ids_in_order (const gint64 *ids,
              const guint  *order,
              guint         n,
              guint         n_empty,
              gboolean      descending)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  guint filled = n - n_empty;
  gint64 *out;

  g_array_set_size (sorted, n);
  out = (gint64 *) sorted->data;
  for (guint i = 0; i < n; i++)
    out[descending && i < filled ? filled - 1 - i : i] = ids[order[i]];
  return sorted;
}

/* By collation key, then by index: qsort is not stable. */
static int
compare_collate_keys (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  char **keys = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int order = strcmp (keys[x], keys[y]);

  return order != 0 ? order : (x > y) - (x < y);
}

/* Dense ranks of @labels as GtkStringSorter orders them, case folded in the locale's
 * collation, equal ones sharing a rank; EMPTY for NULL or "". Sets @n_ranks to how many. */
static guint *
rank_labels (const char * const *labels,
             guint               n,
             guint              *n_ranks)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_full (n, g_free);
  g_autofree guint *order = g_new (guint, n);
  guint *ranks = g_new (guint, n);
  guint n_named = 0, rank = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = NULL;

      ranks[i] = EMPTY;
      if (labels[i] == NULL || labels[i][0] == '\0')
        {
          g_ptr_array_add (keys, NULL);
          continue;
        }
      folded = g_utf8_casefold (labels[i], -1);
      g_ptr_array_add (keys, g_utf8_collate_key (folded, -1));
      order[n_named++] = i;
    }

  g_qsort_with_data (order, n_named, sizeof (guint), compare_collate_keys, keys->pdata);
  for (guint k = 0; k < n_named; k++)
    {
      if (k > 0 && strcmp (keys->pdata[order[k]], keys->pdata[order[k - 1]]) != 0)
        rank++;
      ranks[order[k]] = rank;
    }
  *n_ranks = n_named > 0 ? rank + 1 : 0;
  return ranks;
}

/* --- Title: the index, walked ---------------------------------------------------------- */

/* @n ids (those at @positions of @ids when given) as a JSON array, for json_each(): one
 * statement for a few thousand events rather than one each. */
static char *
ids_as_json (const gint64 *ids,
             const guint  *positions,
             guint         n)
{
  GString *json = g_string_sized_new (n * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ids[positions != NULL ? positions[i] : i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The positions of the ids @stmt returns, in its order, then those it did not return (gone
 * from the store since they were found) in theirs, counted in @n_empty. */
static guint *
order_of_rows (AtlasStore    *store,
               sqlite3_stmt  *stmt,
               const gint64  *ids,
               guint          n,
               guint         *n_empty,
               GError       **error)
{
  g_autofree guint8 *found = g_new0 (guint8, n);
  guint *order = g_new (guint, n);
  guint n_found = 0;
  AtlasIdIndex index;
  int rc;

  atlas_id_index_init (&index, ids, n, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint position = atlas_id_index_lookup (&index, sqlite3_column_int64 (stmt, 0));

      if (position != G_MAXUINT && !found[position])
        {
          found[position] = TRUE;
          order[n_found++] = position;
        }
    }
  sqlite3_reset (stmt);
  atlas_id_index_clear (&index);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Sorting the events"));
      g_free (order);
      return NULL;
    }

  *n_empty = n - n_found;
  for (guint i = 0; i < n; i++)
    if (!found[i])
      order[n_found++] = i;
  return order;
}

/* A few events: their titles sorted by SQLite, as the index orders them.
 *   SCAN j VIRTUAL TABLE INDEX 1:
 *   SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
 *   USE TEMP B-TREE FOR ORDER BY   (a few thousand rows at most) */
static guint *
order_few_titles (AtlasStore    *store,
                  const gint64  *ids,
                  guint          n,
                  guint         *n_empty,
                  GError       **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT e.id FROM json_each (?) j"
                                                   " JOIN events e ON e.id = j.value"
                                                   " ORDER BY e.title COLLATE NOCASE, e.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids_as_json (ids, NULL, n), -1, g_free);
  return order_of_rows (store, stmt, ids, n, n_empty, error);
}

/* Many events: the index of titles walked once, keeping those asked about.
 *   SCAN events USING COVERING INDEX events_title */
static guint *
order_many_titles (AtlasStore    *store,
                   const gint64  *ids,
                   guint          n,
                   guint         *n_empty,
                   GError       **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT id FROM events"
                                                   " ORDER BY title COLLATE NOCASE", error);

  if (stmt == NULL)
    return NULL;
  return order_of_rows (store, stmt, ids, n, n_empty, error);
}

/* --- Date, kind and place: from the rows the result set holds ------------------------- */

typedef guint (*KeyFunc) (const AtlasTimelineEvent *row,
                          gpointer                  data);

/* A row's date, as its ISO text sorts: its first day, then year, month, day. */
static guint
date_key (const AtlasTimelineEvent *row,
          gpointer                  data)
{
  return (guint) MAX (row->first_day, 0) * 4 + (guint) CLAMP (row->precision, 0, 2);
}

typedef struct
{
  char  (*terms)[G_SIZEOF_MEMBER (AtlasTimelineEvent, kind)];
  guint  *ranks;
  guint   n;
} KindRanks;

static guint
kind_key (const AtlasTimelineEvent *row,
          gpointer                  data)
{
  KindRanks *kinds = data;

  for (guint i = 0; i < kinds->n; i++)
    if (memcmp (row->kind, kinds->terms[i], sizeof row->kind) == 0)
      return kinds->ranks[i];
  return EMPTY;
}

static guint
place_key (const AtlasTimelineEvent *row,
           gpointer                  data)
{
  return row->place_id != 0 ? atlas_id_index_lookup (data, row->place_id) : EMPTY;
}

/* What a row of the table holds of the result set's row for an event. */
#define ROW_COLUMNS "id, CAST (julianday (first_day) AS INTEGER), length (start), kind, place_id"
#define ROW_COLUMNS_E "id, CAST (julianday (e.first_day) AS INTEGER), length (e.start), e.kind," \
                      " e.place_id"

static void
read_row (sqlite3_stmt       *stmt,
          AtlasTimelineEvent *row)
{
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);
  int length = sqlite3_column_int (stmt, 2);

  memset (row, 0, sizeof *row);
  row->id = sqlite3_column_int64 (stmt, 0);
  row->first_day = sqlite3_column_int (stmt, 1);
  row->precision = length == 10 ? 2 : length == 7 ? 1 : 0;
  if (kind != NULL && strlen (kind) < sizeof row->kind)
    strcpy (row->kind, kind);
  row->place_id = sqlite3_column_int64 (stmt, 4);
}

/* Keys for the events at @missing positions, read from the store: looked up by id when they
 * are few, else in one walk of the table. Those gone from it keep EMPTY.
 *   SCAN j VIRTUAL TABLE INDEX 1:
 *   SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
 * or
 *   SCAN events */
static gboolean
read_missing_keys (AtlasStore    *store,
                   const gint64  *ids,
                   const guint   *missing,
                   guint          n_missing,
                   KeyFunc        key_of,
                   gpointer       data,
                   guint         *keys,
                   GError       **error)
{
  g_autofree gint64 *wanted = g_new (gint64, n_missing);
  AtlasTimelineEvent row;
  sqlite3_stmt *stmt;
  AtlasIdIndex index;
  int rc;

  if (n_missing <= FEW_EVENTS)
    {
      stmt = atlas_store_prepare (store, "SELECT e." ROW_COLUMNS_E " FROM json_each (?) j"
                                         " JOIN events e ON e.id = j.value", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, ids_as_json (ids, missing, n_missing), -1, g_free);
    }
  else
    {
      stmt = atlas_store_prepare (store, "SELECT " ROW_COLUMNS " FROM events", error);
      if (stmt == NULL)
        return FALSE;
    }

  for (guint i = 0; i < n_missing; i++)
    wanted[i] = ids[missing[i]];
  atlas_id_index_init (&index, wanted, n_missing, missing);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint position = atlas_id_index_lookup (&index, sqlite3_column_int64 (stmt, 0));

      if (position != G_MAXUINT)
        {
          read_row (stmt, &row);
          keys[position] = key_of (&row, data);
        }
    }
  atlas_id_index_clear (&index);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Sorting the events"));
      return FALSE;
    }
  return TRUE;
}

/* Each event's key, from @known where it holds the event (at once where @ids are its rows,
 * as for the whole result set), else from the store. */
static guint *
keys_of_rows (AtlasStore    *store,
              const gint64  *ids,
              guint          n,
              GArray        *known,
              KeyFunc        key_of,
              gpointer       data,
              GError       **error)
{
  const AtlasTimelineEvent *rows = known != NULL ? (const AtlasTimelineEvent *) known->data : NULL;
  g_autofree guint8 *found = NULL;
  g_autofree guint *missing = NULL;
  guint *keys = g_new (guint, n);
  guint n_missing = 0, i;
  AtlasIdIndex index;

  for (i = 0; known != NULL && known->len == n && i < n && rows[i].id == ids[i]; i++)
    keys[i] = key_of (&rows[i], data);
  if (i == n)
    return keys;

  found = g_new0 (guint8, n);
  if (known != NULL && known->len > 0)
    {
      atlas_id_index_init (&index, ids, n, NULL);
      for (guint j = 0; j < known->len; j++)
        {
          guint position = atlas_id_index_lookup (&index, rows[j].id);

          if (position != G_MAXUINT)
            {
              keys[position] = key_of (&rows[j], data);
              found[position] = TRUE;
            }
        }
      atlas_id_index_clear (&index);
    }

  missing = g_new (guint, n);
  for (i = 0; i < n; i++)
    if (!found[i])
      {
        keys[i] = EMPTY;
        missing[n_missing++] = i;
      }
  if (n_missing > 0 &&
      !read_missing_keys (store, ids, missing, n_missing, key_of, data, keys, error))
    g_clear_pointer (&keys, g_free);
  return keys;
}

/* The place names ranked, as an index from place id to rank.
 *   SCAN places   (thousands of rows) */
static gboolean
rank_places (AtlasStore    *store,
             AtlasIdIndex  *ranks,
             GError       **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT id, name FROM places", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *values = NULL;
  guint n_ranks;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, atlas_store_dup_column (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Sorting the events"));
      return FALSE;
    }

  values = rank_labels ((const char * const *) names->pdata, names->len, &n_ranks);
  atlas_id_index_init (ranks, (const gint64 *) ids->data, ids->len, values);
  return TRUE;
}

/* The kinds' labels, translated, ranked. */
static void
rank_kinds (KindRanks *kinds)
{
  AtlasVocabulary vocabulary = ATLAS_VOCABULARY_EVENT_KINDS;
  g_autofree const char **labels = NULL;
  guint n_ranks;

  kinds->n = atlas_vocabulary_get_n_terms (vocabulary);
  kinds->terms = g_malloc0 (kinds->n * sizeof kinds->terms[0]);
  labels = g_new (const char *, kinds->n);
  for (guint i = 0; i < kinds->n; i++)
    {
      const char *term = atlas_vocabulary_get_term (vocabulary, i);

      g_strlcpy (kinds->terms[i], term, sizeof kinds->terms[i]);
      labels[i] = atlas_vocabulary_get_label (vocabulary, term);
    }
  kinds->ranks = rank_labels (labels, kinds->n, &n_ranks);
}

static GArray *
sort_by_key (AtlasStore      *store,
             const gint64    *ids,
             guint            n,
             GArray          *known,
             AtlasEventSort   by,
             gboolean         descending,
             GError         **error)
{
  g_autofree guint *keys = NULL;
  g_autofree guint *order = NULL;
  KindRanks kinds = { 0 };
  AtlasIdIndex places = { 0 };
  guint n_empty = 0;

  switch (by)
    {
    case ATLAS_EVENT_SORT_KIND:
      rank_kinds (&kinds);
      keys = keys_of_rows (store, ids, n, known, kind_key, &kinds, error);
      g_free (kinds.terms);
      g_free (kinds.ranks);
      break;
    case ATLAS_EVENT_SORT_PLACE:
      if (rank_places (store, &places, error))
        keys = keys_of_rows (store, ids, n, known, place_key, &places, error);
      atlas_id_index_clear (&places);
      break;
    case ATLAS_EVENT_SORT_DATE:
    case ATLAS_EVENT_SORT_TITLE:
    case ATLAS_EVENT_SORT_ACTORS:
    default:
      keys = keys_of_rows (store, ids, n, known, date_key, NULL, error);
      break;
    }
  if (keys == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    n_empty += keys[i] == EMPTY;
  order = order_by_keys (keys, n);
  return ids_in_order (ids, order, n, n_empty, descending);
}

/* --- Actors: as their list reads ------------------------------------------------------- */

/* The digits of events' actors: at each level (first actor shown, second...) the actor's
 * rank plus one, 0 where an event has fewer actors, as a list that is the start of another
 * sorts first. */
typedef struct
{
  AtlasEventActors *actors;
  const guint      *starts;
  const guint      *shown;
  const guint      *ranks;
  guint             base;        /* ranks + 1 */
  guint             key_levels;  /* the levels one key of 32 bits holds */
  guint             levels;      /* the levels compared */
  const gint64     *ids;
} ActorDigits;

static inline guint
actor_digit (const ActorDigits *digits,
             guint              row,
             guint              level)
{
  guint first = digits->starts[row];

  return first + level < digits->starts[row + 1] ? digits->ranks[digits->shown[first + level]] + 1
                                                 : 0;
}

/* The first levels' digits in one key, the first actor's highest. */
static inline guint
actor_key (const ActorDigits *digits,
           guint              row)
{
  guint key = 0;

  for (guint level = 0; level < digits->key_levels; level++)
    key = key * digits->base + actor_digit (digits, row, level);
  return key;
}

/* Two events with the same key, by the levels past it, then in date order. Rare: both must
 * have more actors than the key holds, the same ones first. */
static int
compare_past_key (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const ActorDigits *digits = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint row_x = atlas_event_actors_find (digits->actors, digits->ids[x]);
  guint row_y = atlas_event_actors_find (digits->actors, digits->ids[y]);

  for (guint level = digits->key_levels; level < digits->levels; level++)
    {
      guint dx = actor_digit (digits, row_x, level), dy = actor_digit (digits, row_y, level);

      if (dx != dy)
        return dx < dy ? -1 : 1;
    }
  return (x > y) - (x < y);
}

static GArray *
sort_by_actors (AtlasStore        *store,
                const gint64      *ids,
                guint              n,
                AtlasEventActors  *known,
                gboolean           descending,
                GError           **error)
{
  g_autoptr(AtlasEventActors) actors = known != NULL ? atlas_event_actors_ref (known)
                                                     : atlas_query_ref_event_actors (store, error);
  g_autofree guint *ranks = NULL, *keys = NULL, *order = NULL;
  g_autofree guint8 *longer = NULL;   /* whether an event has actors past its key */
  ActorDigits digits;
  guint n_ranks, n_empty = 0;
  guint64 span;

  if (actors == NULL)
    return NULL;

  /* An actor without a name (none has one) after those with one. */
  ranks = rank_labels ((const char * const *) actors->names->pdata, actors->names->len, &n_ranks);
  for (guint i = 0; i < actors->names->len; i++)
    if (ranks[i] == EMPTY)
      ranks[i] = n_ranks;
  n_ranks++;

  digits.actors = actors;
  digits.starts = (const guint *) actors->starts->data;
  digits.shown = (const guint *) actors->actors->data;
  digits.ranks = ranks;
  digits.base = n_ranks + 1;
  digits.levels = CLAMP (actors->most, 1, ACTOR_LEVELS);
  digits.ids = ids;
  digits.key_levels = 0;
  for (span = digits.base; span < EMPTY && digits.key_levels < digits.levels; span *= digits.base)
    digits.key_levels++;
  digits.key_levels = MAX (digits.key_levels, 1);

  /* Each event's key: its row of actors found one by one for a short list; else in one walk
   * beside the events that have actors, which reads them in order. */
  keys = g_new (guint, n);
  longer = g_new0 (guint8, n);
  for (guint i = 0; i < n; i++)
    keys[i] = EMPTY;
  if (n < actors->event_ids->len / 16)
    for (guint i = 0; i < n; i++)
      {
        guint row = atlas_event_actors_find (actors, ids[i]);

        if (row == G_MAXUINT)
          continue;
        keys[i] = actor_key (&digits, row);
        longer[i] = digits.starts[row + 1] - digits.starts[row] > digits.key_levels;
      }
  else
    {
      AtlasIdIndex index;

      atlas_id_index_init (&index, ids, n, NULL);
      for (guint row = 0; row < actors->event_ids->len; row++)
        {
          guint i = atlas_id_index_lookup (&index, g_array_index (actors->event_ids, gint64, row));

          if (i == G_MAXUINT)
            continue;
          keys[i] = actor_key (&digits, row);
          longer[i] = digits.starts[row + 1] - digits.starts[row] > digits.key_levels;
        }
      atlas_id_index_clear (&index);
    }

  for (guint i = 0; i < n; i++)
    n_empty += keys[i] == EMPTY;
  order = order_by_keys (keys, n);

  /* Equal keys of events with more actors than a key holds: ordered by the rest. */
  for (guint i = 0, j; i < n; i = j)
    {
      gboolean past = longer[order[i]];

      for (j = i + 1; j < n && keys[order[j]] == keys[order[i]]; j++)
        past |= longer[order[j]];
      if (past && j - i > 1)
        g_qsort_with_data (order + i, j - i, sizeof (guint), compare_past_key, &digits);
    }

  return ids_in_order (ids, order, n, n_empty, descending);
}

/**
 * atlas_event_sort:
 * @ids: (element-type gint64): the events of the list, in date order (as the result set and
 *   atlas_query_events() give them)
 * @known: (element-type AtlasTimelineEvent) (nullable): rows already at hand (the result
 *   set's timeline), which may hold more events or fewer; those of @ids it lacks are read
 *   from the store
 * @actors: (nullable): the events' actors already at hand (the result set's), else read
 *   from the store, once for the store
 * @by: the column
 * @descending: whether the greatest first (empty cells stay last)
 *
 * Orders @ids as the events list shows them sorted by a column, without loading an event:
 * see the top of this file for each order.
 *
 * Returns: (transfer full) (element-type gint64): @ids in that order, or %NULL on failure
 */
GArray *
atlas_event_sort (AtlasStore        *store,
                  GArray            *ids,
                  GArray            *known,
                  AtlasEventActors  *actors,
                  AtlasEventSort     by,
                  gboolean           descending,
                  GError           **error)
{
  g_autofree guint *order = NULL;
  guint n_empty = 0;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64), NULL);
  g_return_val_if_fail (known == NULL ||
                        g_array_get_element_size (known) == sizeof (AtlasTimelineEvent), NULL);

  if (ids->len == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  switch (by)
    {
    case ATLAS_EVENT_SORT_TITLE:
      order = ids->len <= FEW_EVENTS
              ? order_few_titles (store, (const gint64 *) ids->data, ids->len, &n_empty, error)
              : order_many_titles (store, (const gint64 *) ids->data, ids->len, &n_empty, error);
      return order != NULL ? ids_in_order ((const gint64 *) ids->data, order, ids->len, n_empty,
                                           descending)
                           : NULL;
    case ATLAS_EVENT_SORT_ACTORS:
      return sort_by_actors (store, (const gint64 *) ids->data, ids->len, actors, descending,
                             error);
    case ATLAS_EVENT_SORT_DATE:
    case ATLAS_EVENT_SORT_KIND:
    case ATLAS_EVENT_SORT_PLACE:
    default:
      return sort_by_key (store, (const gint64 *) ids->data, ids->len, known, by, descending,
                          error);
    }
}
