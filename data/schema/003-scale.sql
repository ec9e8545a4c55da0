-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: indexes for stores of a million events.

-- The timeline's rows by day, with everything the result set reads of an event: a date
-- filter ("since 1990") walked the old index on the two days and looked each of a million
-- rows up in the table, for ten seconds; with the rest in the index it takes 0.3 s. It
-- leads with the same two days, so it serves every query the old one did, and the id after
-- them gives the lists' order (day, then id) with no sort.
DROP INDEX events_span;
CREATE INDEX events_timeline ON events (first_day, last_day, id, kind, place_id, start, end);

-- Sorting the events list by title (app/core/atlas-event-sort.c): the list walks this
-- index in its order and reads no row of the table (0.1 s at a million events, where
-- sorting the rows took 11 s). NOCASE is built into every SQLite, so other programs can
-- still read and write the store; an index with a collation of our own would make them
-- fail on the table.
CREATE INDEX events_title ON events (title COLLATE NOCASE);
