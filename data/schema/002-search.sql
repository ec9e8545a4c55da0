-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: full-text search over excerpt text and event titles and summaries.
-- External-content FTS5 tables keep one copy of the text; triggers keep them in step.
-- remove_diacritics 2 lets "Turkiye" find "Türkiye".

CREATE VIRTUAL TABLE excerpt_search USING fts5 (
  text, content = 'excerpts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE event_search USING fts5 (
  title, summary, content = 'events', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER excerpts_search_insert AFTER INSERT ON excerpts BEGIN
  INSERT INTO excerpt_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER excerpts_search_delete AFTER DELETE ON excerpts BEGIN
  INSERT INTO excerpt_search (excerpt_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER excerpts_search_update AFTER UPDATE OF text ON excerpts BEGIN
  INSERT INTO excerpt_search (excerpt_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO excerpt_search (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
  INSERT INTO event_search (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
  INSERT INTO event_search (event_search, rowid, title, summary)
    VALUES ('delete', old.id, old.title, old.summary);
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF title, summary ON events BEGIN
  INSERT INTO event_search (event_search, rowid, title, summary)
    VALUES ('delete', old.id, old.title, old.summary);
  INSERT INTO event_search (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;

-- A store made at version 1 already has rows: index them.
INSERT INTO excerpt_search (excerpt_search) VALUES ('rebuild');
INSERT INTO event_search (event_search) VALUES ('rebuild');
