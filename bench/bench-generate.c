/* bench-generate.c: large stores for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a store in SQL, with recursive counters and multiplicative hashes for variety, so
 * that a million events take a minute rather than an hour of single inserts. Actor 1 is
 * the "heavy" actor that many passages quote. Dates run from 1990 to 2025, mostly to the
 * day, some to the month or the year, as the sources give them.
 */

#include "config.h"

#include "bench-generate.h"

static void
run (AtlasStore *store,
     const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!atlas_store_exec (store, sql, &error))
    g_error ("Could not generate the store: %s", error->message);
}

void
bench_generate_store (AtlasStore           *store,
                      const BenchStoreSize *size)
{
  g_autofree char *actors = NULL, *places = NULL, *events = NULL, *event_actors = NULL;
  g_autofree char *sources = NULL, *excerpts = NULL, *links = NULL;

  /* A statement here runs far longer than a query of the program may. */
  atlas_store_set_time_limit (store, 3600 * 1000);

  actors = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %u)"
                            " INSERT INTO actors (key, kind, name, role, color)"
                            " SELECT 'bench-actor-' || v, 'state', 'Actor ' || v, 'Generated actor',"
                            " printf ('#%%06x', (v * 2654435761) %% 16777216) FROM n",
                            size->actors);
  places = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %u)"
                            " INSERT INTO places (key, kind, name, lat, lon)"
                            " SELECT 'bench-place-' || v, 'town', 'Place ' || v,"
                            " 38.4 + ((v * 7919) %% 5200) / 1000.0, 40.0 + ((v * 104729) %% 10500) / 1000.0"
                            " FROM n", size->places);
  events = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %u),"
                            " kinds (i, k) AS (VALUES (0, 'agreement'), (1, 'summit'), (2, 'visit'),"
                            " (3, 'meeting'), (4, 'statement'), (5, 'military'), (6, 'conflict'),"
                            " (7, 'exercise'), (8, 'incident'), (9, 'economic'))"
                            " INSERT INTO events (key, kind, title, summary, start, place_id)"
                            " SELECT 'bench-event-' || v, k,"
                            " 'Generated ' || k || ' on the corridor ' || v,"
                            " 'Talks on transit, energy and the border, number ' || v,"
                            " CASE v %% 10 WHEN 9 THEN printf ('%%04d', 1990 + (v * 7) %% 36)"
                            " WHEN 7 THEN printf ('%%04d-%%02d', 1990 + (v * 7) %% 36, 1 + (v * 13) %% 12)"
                            " ELSE printf ('%%04d-%%02d-%%02d', 1990 + (v * 7) %% 36, 1 + (v * 13) %% 12,"
                            " 1 + (v * 17) %% 28) END,"
                            " (SELECT min (id) FROM places WHERE key LIKE 'bench-place-%%') + (v * 31) %% %u"
                            " FROM n JOIN kinds ON i = v %% 10",
                            size->events, size->places);
  /* Two actors an event, from the generated ones (whose ids follow any bundled actors). */
  event_actors = g_strdup_printf ("INSERT OR IGNORE INTO event_actors (event_id, actor_id)"
                                  " SELECT e.id, a.base + (e.id * m) %% %u"
                                  " FROM events e, (SELECT min (id) AS base FROM actors WHERE key LIKE 'bench-actor-%%') a,"
                                  " (SELECT 37 AS m UNION ALL SELECT 101) WHERE e.key LIKE 'bench-event-%%'",
                                  size->actors);
  sources = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %u)"
                             " INSERT INTO sources (key, title, author, publication, date)"
                             " SELECT 'bench-source-' || v, 'Generated report ' || v, 'A. Writer',"
                             " 'Bench Gazette', printf ('%%04d-%%02d-01', 1990 + v %% 36, 1 + v %% 12) FROM n",
                             MAX (size->passages / 20, 1));
  excerpts = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %u)"
                              " INSERT INTO excerpts (key, source_id, text, position)"
                              " SELECT 'bench-excerpt-' || v,"
                              " (SELECT min (id) FROM sources WHERE key LIKE 'bench-source-%%') + (v - 1) / 20,"
                              " 'Passage ' || v || ': the corridor would carry goods across the border,"
                              " the ministers said after long talks on transit and security.', 1 + (v - 1) %% 20"
                              " FROM n", size->passages);
  links = g_strdup_printf ("INSERT INTO excerpt_links (excerpt_id, actor_id, event_id)"
                           " SELECT x.id,"
                           " CASE WHEN x.rank <= %u THEN (SELECT min (id) FROM actors WHERE key LIKE 'bench-actor-%%') END,"
                           " CASE WHEN x.rank > %u THEN (SELECT min (id) FROM events WHERE key LIKE 'bench-event-%%')"
                           " + (x.rank * 7) %% %u END"
                           " FROM (SELECT id, row_number () OVER (ORDER BY id) AS rank FROM excerpts"
                           " WHERE key LIKE 'bench-excerpt-%%') x",
                           size->heavy_passages, size->heavy_passages, size->events);

  run (store, "BEGIN");
  run (store, actors);
  run (store, places);
  run (store, events);
  run (store, event_actors);
  run (store, sources);
  run (store, excerpts);
  run (store, links);
  run (store, "COMMIT");
  run (store, "ANALYZE");
  atlas_store_set_time_limit (store, 10 * 1000);
}
