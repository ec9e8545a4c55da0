/* atlas-query.h: a filter in, record ids out, all in SQL and FTS5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-item.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* One name of an item: lang is an ISO 639 code, or NULL for another spelling. */
typedef struct
{
  char *lang;
  char *name;
} AtlasName;

void      atlas_name_free            (AtlasName          *name);

typedef struct
{
  gint64 event_id;
  gint64 place_id;
  int    first_day;    /* the event's, as a Julian day number */
} AtlasEventPlace;

/* A relation as seen from one of its actors. */
typedef struct
{
  gint64  id;
  char   *kind;
  char   *title;
  gint64  other_id;
  char   *other_name;
  char   *from;
  char   *to;
  char   *reported;   /* the date of its first report, for a relation with no start */
} AtlasRelationRow;

void      atlas_relation_row_free    (AtlasRelationRow   *row);

/* A dated status of a corridor: a change, or a report (see atlas-as-of.c). */
typedef struct
{
  gint64  id;
  char   *date;
  char   *status;
  char   *note;
  char   *kind;    /* "change" or "report" */
} AtlasStatusRow;

void      atlas_status_row_free      (AtlasStatusRow     *row);

/* A source, as a footnote cites it. */
typedef struct
{
  char  *author;       /* may be NULL */
  char  *title;
  char  *publication;
  char  *date;         /* may be NULL */
  guint  n_excerpts;   /* of those asked about */
  gboolean reference;  /* a reference page, not one of the documents */
  char  *url;          /* may be NULL */
} AtlasSourceRow;

void      atlas_source_row_free      (AtlasSourceRow     *row);

/* An event as the timeline draws it. Days are Julian day numbers (as SQLite's julianday). */
typedef struct
{
  gint64 id;
  int    first_day;
  int    last_day;
  int    precision;    /* 0 year, 1 month, 2 day */
  gboolean has_end;
  char   kind[16];
  gint64 first_actor;  /* for lanes by actor */
  gint64 place_id;     /* or 0 */
} AtlasTimelineEvent;

char     *atlas_query_fts_expression (const char         *text);
GArray   *atlas_query_events         (AtlasStore         *store,
                                      const AtlasFilter  *filter,
                                      GError            **error);
GPtrArray *atlas_query_sources_of    (AtlasStore         *store,
                                      const GArray       *excerpt_ids,
                                      GError            **error);
GArray   *atlas_query_actors_named   (AtlasStore         *store,
                                      const char         *text,
                                      GError            **error);
GArray   *atlas_query_places_named   (AtlasStore         *store,
                                      const char         *text,
                                      GError            **error);
gboolean  atlas_query_resolve_actor  (AtlasStore         *store,
                                      const char         *name,
                                      gint64             *actor_id,
                                      GError            **error);

GArray   *atlas_query_excerpts_for_item (AtlasStore      *store,
                                         const AtlasItem *item,
                                         GError         **error);
GArray   *atlas_query_event_actors   (AtlasStore         *store,
                                      gint64              event_id,
                                      GError            **error);
GPtrArray *atlas_query_other_names   (AtlasStore         *store,
                                      const AtlasItem    *item,
                                      GError            **error);

GArray   *atlas_query_event_places   (AtlasStore         *store,
                                      const AtlasFilter  *filter,
                                      const char         *until,
                                      GError            **error);

GHashTable *atlas_query_actor_counts (AtlasStore         *store,
                                      GArray             *events,
                                      GError            **error);
GHashTable *atlas_query_actor_totals (AtlasStore         *store,
                                      GError            **error);
void      atlas_query_forget_participation (AtlasStore   *store);

typedef struct _AtlasParticipationRead AtlasParticipationRead;

AtlasParticipationRead *atlas_query_start_participation  (AtlasStore             *store);
void                    atlas_query_finish_participation (AtlasStore             *store,
                                                          AtlasParticipationRead *read);
gboolean  atlas_query_fill_first_actors (AtlasStore      *store,
                                         GArray          *events,
                                         GError         **error);
GPtrArray *atlas_query_relations     (AtlasStore         *store,
                                      gint64              actor_id,
                                      const char         *day,
                                      GError            **error);
GPtrArray *atlas_query_status_history (AtlasStore        *store,
                                       gint64             corridor_id,
                                       GError           **error);
const AtlasStatusRow *atlas_status_history_at (GPtrArray  *history,
                                               const char *day);
GArray   *atlas_query_status_excerpts (AtlasStore        *store,
                                       gint64             status_id,
                                       GError           **error);
gint64    atlas_query_excerpt_event  (AtlasStore         *store,
                                      gint64              excerpt_id);
GArray   *atlas_query_timeline       (AtlasStore         *store,
                                      const AtlasFilter  *filter,
                                      GError            **error);

G_END_DECLS
