-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: claims as claims, and names as the states and the sources use them.

-- Where the sources disagree about an event (its day, a number, what happened), each source's
-- account is kept: what it says, as a date at its own precision and a short description in
-- our own words, and the excerpts of that source that say it. An event with two accounts or more
-- is disputed. One account a source: what one article says is one claim.
CREATE TABLE event_accounts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  date TEXT,
  description TEXT,
  CHECK (date IS NOT NULL OR description IS NOT NULL),
  CHECK (date IS NULL OR (length (date) IN (4, 7, 10)
                          AND date (substr (date || '-01-01', 1, 10)) IS NOT NULL)),
  CHECK (description IS NULL OR description <> ''),
  -- Its index also finds an event's accounts, and the disputed events.
  UNIQUE (event_id, source_id)
);

-- The excerpts behind an account, every one of them from the account's own source: an
-- account backed by another source's words would put them in its mouth.
CREATE TABLE event_account_excerpts (
  account_id INTEGER NOT NULL REFERENCES event_accounts (id) ON DELETE CASCADE,
  excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX event_account_excerpts_excerpt ON event_account_excerpts (excerpt_id);

CREATE TRIGGER event_account_excerpts_own_source BEFORE INSERT ON event_account_excerpts
WHEN (SELECT source_id FROM excerpts WHERE id = new.excerpt_id)
     IS NOT (SELECT source_id FROM event_accounts WHERE id = new.account_id)
BEGIN
  SELECT RAISE (ABORT, 'an account is backed only by excerpts of its own source');
END;
CREATE TRIGGER event_account_excerpts_own_source_update BEFORE UPDATE ON event_account_excerpts
WHEN (SELECT source_id FROM excerpts WHERE id = new.excerpt_id)
     IS NOT (SELECT source_id FROM event_accounts WHERE id = new.account_id)
BEGIN
  SELECT RAISE (ABORT, 'an account is backed only by excerpts of its own source');
END;

-- A name that a state uses officially for a place (or another named item): "Khankendi" for
-- Azerbaijan, which administers the city, and "Stepanakert" for Armenia. The map can then
-- name a place as the state that administers it does, or both ways.
CREATE TABLE official_names (
  name_id INTEGER NOT NULL REFERENCES names (id) ON DELETE CASCADE,
  state_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  PRIMARY KEY (name_id, state_id)
) WITHOUT ROWID;
CREATE INDEX official_names_state ON official_names (state_id);

-- The name the documents use for the item, where it is not its name in English. Names of
-- older stores are nobody's official names and no source's.
ALTER TABLE names ADD COLUMN in_sources INTEGER NOT NULL DEFAULT 0 CHECK (in_sources IN (0, 1));
