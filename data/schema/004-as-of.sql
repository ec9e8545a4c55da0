-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: what a status row claims, and sources from outside the documents.

-- A status row is a change (the corridor became the status on the date) or a report (a
-- source of the date says the corridor is in the status, which it may have been long
-- before). As of a day the map shows the last change; a later report is what is known when
-- it says something else, and it never moves a change. Stores made before version 4 knew
-- only changes, so their rows stay changes.
ALTER TABLE corridor_status ADD COLUMN kind TEXT NOT NULL DEFAULT 'change'
  CHECK (kind IN ('change', 'report'));

-- A document is an article the dataset was read from, quoted in its excerpts. A reference
-- is a public reference page (its publisher in publication, its url) for a well-established
-- fact the documents lack; its excerpts are short notes in our own words, not quotations,
-- and every view marks them as such. Stores made before version 4 hold documents only.
ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'document'
  CHECK (kind IN ('document', 'reference'));
