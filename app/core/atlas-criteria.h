/* atlas-criteria.h: a filter as the terms of SQL queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the queries of core (atlas-query, atlas-results): the filter's criteria as bound
 * parameters, and the WHERE terms an event must meet.
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* The dates of the sources behind the relation @column, each once, joined by commas: when it
 * was reported, for atlas_first_report(). */
#define ATLAS_SQL_RELATION_REPORTS(column) \
  " (SELECT group_concat (DISTINCT s.date) FROM excerpt_links l JOIN excerpts x" \
  "  ON x.id = l.excerpt_id JOIN sources s ON s.id = x.source_id" \
  "  WHERE l.relation_id = " column " AND s.date IS NOT NULL)"

typedef struct
{
  char *from;   /* first day of the filter's from date */
  char *to;     /* last day of the filter's to date, or the day the events began by if nearer */
  char *fts;
  char *actors;     /* JSON arrays, for json_each () */
  char *corridors;
  char *places;
  char *kinds;
  gboolean with_excerpts;
  gboolean disputed;
  gint64 id;    /* the record a query is about, as :id */
} AtlasCriteria;

gboolean  atlas_criteria_init               (AtlasCriteria       *criteria,
                                             const AtlasFilter   *filter,
                                             GError             **error);
void      atlas_criteria_clear              (AtlasCriteria       *criteria);
void      atlas_criteria_append_event_terms (GString             *sql,
                                             const AtlasCriteria *criteria);
gboolean  atlas_criteria_append_id_query    (GString             *sql,
                                             const AtlasCriteria *criteria);
void      atlas_criteria_bind               (sqlite3_stmt        *stmt,
                                             const AtlasCriteria *criteria);

char     *atlas_ids_json                    (const GArray        *ids);
char     *atlas_strv_json                   (const char * const  *strings);
void      atlas_sql_bind_text               (sqlite3_stmt        *stmt,
                                             const char          *name,
                                             const char          *value);
GArray   *atlas_sql_collect_ids             (AtlasStore          *store,
                                             const char          *sql,
                                             const AtlasCriteria *criteria,
                                             GError             **error);

G_END_DECLS
