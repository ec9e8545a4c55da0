-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: the records of the atlas. See data/README.md for what each table holds.
--
-- Dates are ISO 8601 text at the precision the sources give: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
-- The precision and the first and last day a date can mean are derived columns, so that
-- range queries compare plain ISO days and nobody can store a precision that disagrees with
-- the date.

CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'person', 'organisation', 'alliance', 'company')),
  name TEXT NOT NULL CHECK (name <> ''),
  role TEXT,
  affiliation_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
  color TEXT CHECK (color IS NULL OR (length (color) = 7 AND color GLOB '#[0-9A-Fa-f]*')),
  description TEXT
);
CREATE INDEX actors_affiliation ON actors (affiliation_id);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('capital', 'city', 'town', 'port', 'border-crossing',
                                     'region', 'site')),
  name TEXT NOT NULL CHECK (name <> ''),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  country_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
  approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
  description TEXT
);

CREATE TABLE corridors (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('rail', 'road', 'oil-pipeline', 'gas-pipeline',
                                     'multimodal')),
  name TEXT NOT NULL CHECK (name <> ''),
  approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
  description TEXT
);

-- The line of a corridor, in order; a point may be a place it passes through.
CREATE TABLE corridor_points (
  corridor_id INTEGER NOT NULL REFERENCES corridors (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  place_id INTEGER REFERENCES places (id) ON DELETE SET NULL,
  PRIMARY KEY (corridor_id, seq)
) WITHOUT ROWID;

CREATE TABLE corridor_status (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  corridor_id INTEGER NOT NULL REFERENCES corridors (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'under-construction',
                                         'operational', 'suspended')),
  note TEXT,
  first_day TEXT GENERATED ALWAYS AS (date (date || CASE length (date) WHEN 4 THEN '-01-01'
                                                    WHEN 7 THEN '-01' ELSE '' END)) STORED,
  CHECK (length (date) IN (4, 7, 10) AND first_day IS NOT NULL)
);
CREATE INDEX corridor_status_by_corridor ON corridor_status (corridor_id, first_day);

CREATE TABLE zones (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('exclave', 'peacekeeping', 'autonomous-oblast',
                                     'transit-corridor', 'conflict-zone')),
  name TEXT NOT NULL CHECK (name <> ''),
  valid_from TEXT,
  valid_to TEXT,
  approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
  description TEXT,
  CHECK (valid_from IS NULL OR (length (valid_from) IN (4, 7, 10)
                                AND date (substr (valid_from || '-01-01', 1, 10)) IS NOT NULL)),
  CHECK (valid_to IS NULL OR (length (valid_to) IN (4, 7, 10)
                              AND date (substr (valid_to || '-01-01', 1, 10)) IS NOT NULL))
);

-- The outer ring of a zone; the last point joins the first.
CREATE TABLE zone_points (
  zone_id INTEGER NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  PRIMARY KEY (zone_id, seq)
) WITHOUT ROWID;

-- Names in other languages and other spellings. The English display name is in the item's own
-- table and repeated here with lang 'en' so that one lookup searches every name.
-- folded is the name case-folded and without diacritics, written by the program.
CREATE TABLE names (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
  place_id INTEGER REFERENCES places (id) ON DELETE CASCADE,
  corridor_id INTEGER REFERENCES corridors (id) ON DELETE CASCADE,
  zone_id INTEGER REFERENCES zones (id) ON DELETE CASCADE,
  lang TEXT,
  name TEXT NOT NULL CHECK (name <> ''),
  folded TEXT NOT NULL,
  CHECK ((actor_id IS NOT NULL) + (place_id IS NOT NULL) + (corridor_id IS NOT NULL)
         + (zone_id IS NOT NULL) = 1)
);
CREATE INDEX names_folded ON names (folded);
CREATE INDEX names_actor ON names (actor_id);
CREATE INDEX names_place ON names (place_id);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (title <> ''),
  author TEXT,
  publication TEXT NOT NULL,
  date TEXT CHECK (date IS NULL OR (length (date) IN (4, 7, 10)
                                    AND date (substr (date || '-01-01', 1, 10)) IS NOT NULL)),
  date_approximate INTEGER NOT NULL DEFAULT 0 CHECK (date_approximate IN (0, 1)),
  url TEXT,
  document TEXT,          -- the seed document it was read from
  document_line INTEGER   -- the line of that document where the article starts
);

CREATE TABLE excerpts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  text TEXT NOT NULL CHECK (text <> ''),
  position INTEGER CHECK (position IS NULL OR position > 0)
);
CREATE INDEX excerpts_source ON excerpts (source_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('agreement', 'summit', 'visit', 'meeting', 'statement',
                                     'military', 'conflict', 'exercise', 'incident',
                                     'legislation', 'sanction', 'economic', 'infrastructure',
                                     'election', 'diplomatic')),
  title TEXT NOT NULL CHECK (title <> ''),
  summary TEXT,
  start TEXT NOT NULL,
  end TEXT,
  approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
  date_wording TEXT,
  place_id INTEGER REFERENCES places (id) ON DELETE SET NULL,
  note TEXT,
  precision TEXT GENERATED ALWAYS AS (CASE length (start) WHEN 4 THEN 'year'
                                      WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  end_precision TEXT GENERATED ALWAYS AS (CASE length (end) WHEN 4 THEN 'year'
                                          WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  -- The first and last day the event can cover, for range queries.
  first_day TEXT GENERATED ALWAYS AS (date (start || CASE length (start) WHEN 4 THEN '-01-01'
                                                     WHEN 7 THEN '-01' ELSE '' END)) STORED,
  last_day TEXT GENERATED ALWAYS AS (
    date (coalesce (end, start) || CASE length (coalesce (end, start)) WHEN 4 THEN '-01-01'
                                   WHEN 7 THEN '-01' ELSE '' END,
          CASE length (coalesce (end, start)) WHEN 4 THEN '+1 year' WHEN 7 THEN '+1 month'
          ELSE '+0 days' END,
          CASE length (coalesce (end, start)) WHEN 10 THEN '+0 days' ELSE '-1 day' END)) STORED,
  CHECK (length (start) IN (4, 7, 10) AND first_day IS NOT NULL),
  CHECK (end IS NULL OR (length (end) IN (4, 7, 10) AND last_day >= first_day))
);
CREATE INDEX events_span ON events (first_day, last_day);
CREATE INDEX events_place ON events (place_id);

CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  role TEXT,
  PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id);

CREATE TABLE event_corridors (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  corridor_id INTEGER NOT NULL REFERENCES corridors (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, corridor_id)
) WITHOUT ROWID;
CREATE INDEX event_corridors_corridor ON event_corridors (corridor_id, event_id);

CREATE TABLE event_zones (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  zone_id INTEGER NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, zone_id)
) WITHOUT ROWID;

CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  actor_a INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  actor_b INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('alliance', 'strategic-partnership', 'partnership',
                                     'rivalry', 'mediation', 'sanction', 'conflict')),
  title TEXT,
  description TEXT,
  valid_from TEXT,
  valid_to TEXT,
  CHECK (actor_a <> actor_b),
  CHECK (valid_from IS NULL OR (length (valid_from) IN (4, 7, 10)
                                AND date (substr (valid_from || '-01-01', 1, 10)) IS NOT NULL)),
  CHECK (valid_to IS NULL OR (length (valid_to) IN (4, 7, 10)
                              AND date (substr (valid_to || '-01-01', 1, 10)) IS NOT NULL))
);
CREATE INDEX relations_a ON relations (actor_a);
CREATE INDEX relations_b ON relations (actor_b);

-- What an excerpt backs or speaks of: exactly one linked item per row.
CREATE TABLE excerpt_links (
  excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
  actor_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
  place_id INTEGER REFERENCES places (id) ON DELETE CASCADE,
  corridor_id INTEGER REFERENCES corridors (id) ON DELETE CASCADE,
  zone_id INTEGER REFERENCES zones (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,
  status_id INTEGER REFERENCES corridor_status (id) ON DELETE CASCADE,
  CHECK ((event_id IS NOT NULL) + (actor_id IS NOT NULL) + (place_id IS NOT NULL)
         + (corridor_id IS NOT NULL) + (zone_id IS NOT NULL) + (relation_id IS NOT NULL)
         + (status_id IS NOT NULL) = 1)
);
CREATE INDEX excerpt_links_excerpt ON excerpt_links (excerpt_id);
CREATE UNIQUE INDEX excerpt_links_event ON excerpt_links (event_id, excerpt_id)
  WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_actor ON excerpt_links (actor_id, excerpt_id)
  WHERE actor_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_place ON excerpt_links (place_id, excerpt_id)
  WHERE place_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_corridor ON excerpt_links (corridor_id, excerpt_id)
  WHERE corridor_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_zone ON excerpt_links (zone_id, excerpt_id)
  WHERE zone_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_relation ON excerpt_links (relation_id, excerpt_id)
  WHERE relation_id IS NOT NULL;
CREATE UNIQUE INDEX excerpt_links_status ON excerpt_links (status_id, excerpt_id)
  WHERE status_id IS NOT NULL;

-- A named view of the atlas: what the window shows, stored as a GVariant text form.
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  state TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  modified TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
