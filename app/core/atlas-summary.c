/* atlas-summary.c: a few lines that say what any selected item is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details panel has full views of actors and events; places, corridors, zones and the
 * basemap's countries and provinces are described here, from the store and the basemap.
 */

#define G_LOG_DOMAIN "atlas-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-basemap.h"
#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-features.h"
#include "atlas-query.h"
#include "atlas-summary.h"
#include "atlas-vocabulary.h"

void
atlas_summary_free (AtlasSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->kicker);
  g_free (summary->title);
  g_free (summary->subtitle);
  g_free (summary->body);
  g_free (summary);
}

/* Shorthand for the label of a relation kind in the vocabulary. */
const char *
atlas_relation_kind_label (const char *kind)
{
  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_RELATION_KINDS, kind);
}

/* Runs @sql with the item's id as ?1 and the day as ?2; its columns are the kicker, title,
 * subtitle and body. */
static AtlasSummary *
from_row (AtlasStore       *store,
          const char       *sql,
          gint64            id,
          const char       *day,
          GError          **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, error);
  AtlasSummary *summary;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2 && day != NULL)
    sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, _("The item is not in the store"));
      return NULL;
    }

  summary = g_new0 (AtlasSummary, 1);
  summary->kicker = atlas_store_dup_column (stmt, 0);
  summary->title = atlas_store_dup_column (stmt, 1);
  summary->subtitle = atlas_store_dup_column (stmt, 2);
  summary->body = atlas_store_dup_column (stmt, 3);
  sqlite3_reset (stmt);
  return summary;
}

/**
 * atlas_summary_status_text:
 * @row: (nullable): the status row that decides on a day, or %NULL when none does
 *
 * Returns: (transfer full): what a corridor is on that day, saying whether it changed to it
 *   ("Operational since July 2006") or a source of a date says so ("Proposed at least by
 *   25 July 2025, as reported"), or that nothing is known of it then
 */
char *
atlas_summary_status_text (const AtlasStatusRow *row)
{
  const char *status;
  g_autofree char *date = NULL;

  if (row == NULL)
    return g_strdup (_("Status not known on this date"));

  status = atlas_status_label (atlas_status_from_string (row->status));
  date = atlas_date_format (row->date);
  if (g_strcmp0 (row->kind, "report") == 0)
    /* Translators: a corridor's status and the date of the source that reports it */
    return g_strdup_printf (_("%s at least by %s, as reported"), status, date);
  /* Translators: a corridor's status and the date it changed to it */
  return g_strdup_printf (_("%s since %s"), status, date);
}

/**
 * atlas_summary_relation_when:
 * @row: a relation
 *
 * Returns: (transfer full) (nullable): when it holds, for people: its known dates ("2000 –
 *   December 2024"), or lacking a start when it was first reported ("reported June 2025"),
 *   with its end if known; %NULL when nothing dates it
 */
char *
atlas_summary_relation_when (const AtlasRelationRow *row)
{
  g_autofree char *reported = NULL;
  g_autofree char *until = NULL;

  if (row->from != NULL)
    return atlas_date_format_span (row->from, row->to, FALSE);

  if (row->reported != NULL)
    {
      g_autofree char *date = atlas_date_format (row->reported);

      /* Translators: a relation with no known start: the date of the first source that
       * reports it */
      reported = g_strdup_printf (_("reported %s"), date);
    }
  if (row->to != NULL)
    {
      g_autofree char *date = atlas_date_format (row->to);

      /* Translators: the known end of a relation */
      until = g_strdup_printf (_("until %s"), date);
    }
  if (reported != NULL && until != NULL)
    return g_strdup_printf ("%s, %s", reported, until);
  return g_strdup (reported != NULL ? reported : until);
}

/* "valid_from – valid_to" of the row @id for people, or %NULL when it has no start. */
static char *
valid_span (AtlasStore *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      from = atlas_store_dup_column (stmt, 0);
      to = atlas_store_dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  return from != NULL ? atlas_date_format_span (from, to, FALSE) : NULL;
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

/**
 * atlas_summary_load:
 * @day: (nullable): the "as of" day, for a corridor's status
 * @names: how a place is named
 */
AtlasSummary *
atlas_summary_load (AtlasStore       *store,
                    const AtlasItem  *item,
                    const char       *day,
                    AtlasPlaceNames   names,
                    GError          **error)
{
  AtlasSummary *summary = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case ATLAS_ITEM_PLACE:
      summary = from_row (store, "SELECT p.kind, p.name, c.name, p.description"
                                 " FROM places p LEFT JOIN actors c ON c.id = p.country_id"
                                 " WHERE p.id = ?1", item->id, day, error);
      if (summary != NULL)
        {
          const char *label = atlas_vocabulary_get_label (ATLAS_VOCABULARY_PLACE_KINDS,
                                                          summary->kicker);

          replace (&summary->kicker, summary->subtitle ? g_strdup_printf ("%s · %s", label, summary->subtitle)
                                                       : g_strdup (label));
          g_clear_pointer (&summary->subtitle, g_free);
          replace (&summary->title, atlas_place_label_load (store, item->id, names, error));
          if (summary->title == NULL)
            g_clear_pointer (&summary, atlas_summary_free);
        }
      break;

    case ATLAS_ITEM_CORRIDOR:
      summary = from_row (store,
                          "SELECT c.kind, c.name, NULL, c.description FROM corridors c WHERE c.id = ?1",
                          item->id, day, error);
      if (summary != NULL)
        {
          g_autoptr(GPtrArray) history = atlas_query_status_history (store, item->id, NULL);

          replace (&summary->kicker,
                   g_strdup (atlas_vocabulary_get_label (ATLAS_VOCABULARY_CORRIDOR_KINDS,
                                                         summary->kicker)));
          replace (&summary->subtitle,
                   atlas_summary_status_text (history ? atlas_status_history_at (history, day)
                                                      : NULL));
        }
      break;

    case ATLAS_ITEM_ZONE:
      summary = from_row (store, "SELECT kind, name, NULL, description FROM zones WHERE id = ?1",
                              item->id, day, error);
      if (summary != NULL)
        {
          g_autofree char *span = valid_span (store, "SELECT valid_from, valid_to FROM zones"
                                                     " WHERE id = ?", item->id);

          replace (&summary->kicker,
                   g_strdup (atlas_vocabulary_get_label (ATLAS_VOCABULARY_ZONE_KINDS,
                                                         summary->kicker)));
          if (span != NULL)
            replace (&summary->subtitle, g_steal_pointer (&span));
        }
      break;

    case ATLAS_ITEM_RELATION:
      summary = from_row (store, "SELECT r.kind, a.name || ' – ' || b.name, r.title, r.description"
                                 " FROM relations r JOIN actors a ON a.id = r.actor_a"
                                 " JOIN actors b ON b.id = r.actor_b WHERE r.id = ?1",
                          item->id, day, error);
      if (summary != NULL)
        {
          g_autofree char *span = valid_span (store, "SELECT valid_from, valid_to FROM relations"
                                                     " WHERE id = ?", item->id);

          replace (&summary->kicker, span ? g_strdup_printf ("%s · %s", atlas_relation_kind_label (summary->kicker), span)
                                          : g_strdup (atlas_relation_kind_label (summary->kicker)));
        }
      break;

    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
      {
        AtlasBasemap *basemap = atlas_basemap_get_bundled ();
        const AtlasBasemapFeature *feature;

        if (item->id < 0 || item->id >= atlas_basemap_get_n_features (basemap))
          break;
        feature = atlas_basemap_get_feature (basemap, item->id);
        summary = g_new0 (AtlasSummary, 1);
        summary->title = g_strdup (feature->name);
        summary->subtitle = g_strdup (feature->alt_name);
        if (item->kind == ATLAS_ITEM_PROVINCE && feature->parent != NULL)
          {
            /* "051 ARM Armenia": the country's name is the third word on. */
            g_auto(GStrv) parts = g_strsplit (feature->parent, " ", 3);

            summary->kicker = g_strdup_printf (_("Province · %s"),
                                               g_strv_length (parts) == 3 ? parts[2] : feature->parent);
          }
        else
          summary->kicker = g_strdup (item->kind == ATLAS_ITEM_PROVINCE ? _("Province") : _("Country"));
      }
      break;

    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_ACTOR:
    case ATLAS_ITEM_EVENT:
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    default:
      break;
    }

  if (summary == NULL && error != NULL && *error == NULL)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, _("Nothing to describe"));

  return summary;
}

static const char *
language_name (const char *code)
{
  static const struct { const char *code; const char *name; } languages[] = {
    { "az", N_("Azerbaijani") },
    { "hy", N_("Armenian") },
    { "ru", N_("Russian") },
    { "fa", N_("Persian") },
    { "tr", N_("Turkish") },
    { "ka", N_("Georgian") },
    { "ar", N_("Arabic") },
    { "he", N_("Hebrew") },
    { "zh", N_("Chinese") },
    { "en", N_("English") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (code, languages[i].code) == 0)
      return _(languages[i].name);

  return code;
}

/**
 * atlas_summary_other_names:
 *
 * Returns: (transfer full) (nullable): the item's other names, each with its language:
 *   "Also: Xankəndi (Azerbaijani) · Stepanakert", or "" when it has none; %NULL with
 *   @error set when the store could not give them
 */
char *
atlas_summary_other_names (AtlasStore       *store,
                           const AtlasItem  *item,
                           GError          **error)
{
  g_autoptr(GPtrArray) names = atlas_query_other_names (store, item, error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (names == NULL)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      AtlasName *name = g_ptr_array_index (names, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      if (name->lang != NULL)
        g_string_append_printf (text, "%s (%s)", name->name, language_name (name->lang));
      else
        g_string_append (text, name->name);
    }

  if (text->len > 0)
    g_string_prepend (text, _("Also: "));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The names of a filter's actors, corridors or places, joined by commas. */
static char *
filter_set_names (AtlasStore        *store,
                  const AtlasFilter *filter,
                  AtlasFilterSet     set,
                  AtlasPlaceNames    place_names)
{
  const GArray *ids = atlas_filter_get_ids (filter, set);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (set == ATLAS_FILTER_ACTORS)
        {
          g_autoptr(AtlasActor) actor = atlas_actor_load (store, id, NULL);

          g_ptr_array_add (names, g_strdup (actor ? atlas_actor_get_name (actor) : "?"));
        }
      else
        {
          AtlasItem item = { set == ATLAS_FILTER_CORRIDORS ? ATLAS_ITEM_CORRIDOR : ATLAS_ITEM_PLACE, id };
          g_autoptr(AtlasSummary) summary = atlas_summary_load (store, &item, NULL, place_names, NULL);

          g_ptr_array_add (names, g_strdup (summary ? summary->title : "?"));
        }
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/**
 * atlas_summary_describe_filter:
 * @names: how the filter's places are named
 *
 * Returns: (transfer full): @filter in words, for the caption of an export:
 *   "8 August 2025 – 2026 · Actors: Armenia, Azerbaijan · Summit · “peace”", ending with
 *   "Only events begun by 1 June 2021" when the events follow the "as of" day; or
 *   "All events" when it is empty
 */
char *
atlas_summary_describe_filter (AtlasStore        *store,
                               const AtlasFilter *filter,
                               AtlasPlaceNames    names)
{
  static const char *set_titles[] = { N_("Actors"), N_("Corridors"), N_("Places") };
  const char *from = atlas_filter_get_from (filter), *to = atlas_filter_get_to (filter);
  const char * const *kinds = atlas_filter_get_kinds (filter);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (atlas_filter_is_empty (filter))
    return g_strdup (_("All events"));

  if (from != NULL || to != NULL)
    {
      g_autofree char *first = from ? atlas_date_format (from) : NULL;
      g_autofree char *last = to ? atlas_date_format (to) : NULL;

      if (first != NULL && last != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("%s – %s"), first, last));
      else if (first != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("From %s"), first));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("Until %s"), last));
    }

  for (guint set = 0; set < ATLAS_FILTER_N_SETS; set++)
    if (atlas_filter_get_ids (filter, set)->len > 0)
      {
        g_autofree char *members = filter_set_names (store, filter, set, names);

        /* Translators: a filter's set and its members: "Actors: Armenia, Iran" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), _(set_titles[set]), members));
      }

  if (kinds[0] != NULL)
    {
      GString *labels = g_string_new (NULL);

      for (guint i = 0; kinds[i] != NULL; i++)
        g_string_append_printf (labels, "%s%s", i ? ", " : "", atlas_event_kind_label (kinds[i]));
      g_ptr_array_add (parts, g_string_free (labels, FALSE));
    }

  if (atlas_filter_get_text (filter) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Words: “%s”"), atlas_filter_get_text (filter)));
  if (atlas_filter_get_with_excerpts (filter))
    g_ptr_array_add (parts, g_strdup (_("Only events with sources")));
  if (atlas_filter_get_begun_by (filter) != NULL)
    {
      g_autofree char *day = atlas_date_format (atlas_filter_get_begun_by (filter));

      g_ptr_array_add (parts, g_strdup_printf (_("Only events begun by %s"), day));
    }
  if (atlas_filter_get_disputed (filter))
    g_ptr_array_add (parts, g_strdup (_("Only disputed events")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}
