#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the bundled dataset (data/dataset/*.ini) against data/dataset/README.md.

Usage: tools/dataset-check.py [--seeds DIR] [--fill-positions] [FILE...]
       tools/dataset-check.py --vocabulary

Reports every problem as FILE:LINE: message and exits non-zero if there is one.
With --fill-positions, rewrites each excerpt's position= line from the seed documents.
The kinds and statuses allowed are read from the schema's CHECK constraints (data/schema/);
--vocabulary prints them, a line for each column: "events.kind agreement summit ...".
The program's own loader enforces the same rules; this tool exists so that people editing
the data get all the problems at once, with line numbers, before building.
"""
import argparse
import glob
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATASET = os.path.join(HERE, "..", "data", "dataset")

SCHEMA = os.path.join(HERE, "..", "data", "schema")

# The fields whose values come from a vocabulary, and the column of the store whose CHECK
# constraint lists its terms. The schema is where the terms are listed; the program's table
# of them (app/core/atlas-vocabulary.c) is checked against it by tests/test-records.c, with
# --vocabulary below.
VOCAB_COLUMNS = {
    ("actor", "kind"): ("actors", "kind"),
    ("place", "kind"): ("places", "kind"),
    ("corridor", "kind"): ("corridors", "kind"),
    ("status", "status"): ("corridor_status", "status"),
    ("status", "kind"): ("corridor_status", "kind"),
    ("source", "kind"): ("sources", "kind"),
    ("zone", "kind"): ("zones", "kind"),
    ("event", "kind"): ("events", "kind"),
    ("relation", "kind"): ("relations", "kind"),
}


# Words that judge rather than tell, kept out of event titles.
CHARACTERISING = ("conquer", "defeat", "ethnic cleansing", "genocide", "aggression", "liberat",
                  "massacre")


def schema_vocabularies():
    """{(table, column): [terms]} from the CHECK (column IN (...)) constraints of the schema
    that the migrations make, applied in order as the program applies them."""
    db = sqlite3.connect(":memory:")
    for path in sorted(glob.glob(os.path.join(SCHEMA, "[0-9]*.sql"))):
        with open(path, encoding="utf-8") as f:
            db.executescript(f.read())
    vocabularies = {}
    for table, column in VOCAB_COLUMNS.values():
        row = db.execute("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                         (table,)).fetchone()
        m = row and re.search(r"CHECK\s*\(\s*%s\s+IN\s*\(([^)]*)\)" % column, row[0])
        if not m:
            sys.exit(f"{SCHEMA}: no CHECK ({column} IN (...)) in table {table}")
        vocabularies[(table, column)] = re.findall(r"'([^']*)'", m.group(1))
    db.close()
    return vocabularies


FIELDS = {
    "actor": ({"kind", "name"}, {"role", "affiliation", "color", "description", "aliases"}),
    "place": ({"kind", "name", "lat", "lon"},
              {"country", "approximate", "description", "aliases", "official", "source-name"}),
    "corridor": ({"kind", "name", "route"}, {"approximate", "description", "aliases"}),
    "status": ({"corridor", "date", "status", "kind", "excerpts"}, {"note"}),
    "zone": ({"kind", "name", "polygon"}, {"from", "to", "approximate", "description", "aliases"}),
    # What a document or a reference needs besides is in SOURCE_KINDS.
    "source": ({"title", "publication"},
               {"kind", "author", "date", "approximate", "url", "document", "line"}),
    "excerpt": ({"source"},
                {"text", "note", "position", "actors", "places", "corridors", "zones", "events",
                 "relations"}),
    "event": ({"kind", "title", "start", "excerpts"},
              {"end", "approximate", "when", "summary", "place", "actors", "corridors", "zones",
               "note"}),
    "relation": ({"a", "b", "kind", "excerpts"}, {"from", "to", "title", "description"}),
    # One source's account of an event the sources disagree on.
    "account": ({"event", "source", "excerpts"}, {"date", "description"}),
}
NAMED = {"actor", "place", "corridor", "zone"}

# A source is a document (an article of the seed documents, quoted) or a reference (a public
# reference page for a well-established fact the documents lack, whose excerpts are notes in
# our own words). kind -> (source fields required, source fields forbidden, excerpt fields
# required, excerpt fields forbidden).
SOURCE_KINDS = {
    "document": ({"document", "line"}, set(), {"text", "position"}, {"note"}),
    "reference": ({"url"}, {"document", "line"}, {"note"}, {"text", "position"}),
}

# field -> kind of record its keys refer to
REFS = {
    "affiliation": "actor", "country": "actor", "corridor": "corridor", "excerpts": "excerpt",
    "source": "source", "actors": "actor", "places": "place", "corridors": "corridor",
    "zones": "zone", "place": "place", "a": "actor", "b": "actor", "events": "event",
    "relations": "relation", "event": "event",
}

KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
GROUP_RE = re.compile(r"^\[([a-z]+):([^\]]*)\]\s*$")
LOCALE_RE = re.compile(r"^(name|aliases)\[([a-z]{2,3})\]$")


def unescape(value):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\", ";": ";"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_list(value):
    items, cur, i = [], [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            cur.append(value[i:i + 2])
            i += 2
            continue
        if c == ";":
            items.append(unescape("".join(cur)).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if cur:
        items.append(unescape("".join(cur)).strip())
    return [x for x in items if x]


class Record:
    def __init__(self, kind, key, path, line):
        self.kind, self.key, self.path, self.line = kind, key, path, line
        self.fields = {}  # name -> (raw value, line)


def parse(path, problems):
    records, cur = [], None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = GROUP_RE.match(line)
            if m:
                cur = Record(m.group(1), m.group(2), path, n)
                records.append(cur)
                continue
            if "=" not in line or cur is None:
                problems.append(f"{path}:{n}: not a group header or field")
                continue
            name, value = line.split("=", 1)
            name = name.strip()
            if name in cur.fields:
                problems.append(f"{path}:{n}: field {name} given twice")
            cur.fields[name] = (value.strip(), n)
    return records


def normalize(text):
    return re.sub(r"\s+", " ", text).strip()


def unmark(text):
    """A document's line as it reads, without its markdown: an escaped character ("\\$") as
    itself and emphasis ("*Turkic World Vision*") as its words. Excerpts quote the words."""
    return re.sub(r"\\([^\w\s])", r"\1", text.replace("*", ""))


def paragraphs_from(document_lines, first_line):
    """Yield (paragraph number, line number, text) for non-blank lines from first_line on."""
    number = 0
    for n in range(first_line, len(document_lines) + 1):
        text = document_lines[n - 1]
        if text.strip():
            number += 1
            yield number, n, normalize(unmark(text))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=os.path.join(HERE, "..", "..", "shared", "seeds"))
    ap.add_argument("--fill-positions", action="store_true")
    ap.add_argument("--vocabulary", action="store_true",
                    help="print the terms of each vocabulary, a line each, and exit")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    vocabularies = schema_vocabularies()
    if args.vocabulary:
        for (table, column), terms in vocabularies.items():
            print(f"{table}.{column}", *terms)
        return 0
    vocab_of = {field: set(vocabularies[column]) for field, column in VOCAB_COLUMNS.items()}
    files = args.files or sorted(glob.glob(os.path.join(DATASET, "*.ini")))
    problems, records = [], []
    for path in files:
        records += parse(path, problems)

    index = {}
    for r in records:
        where = f"{r.path}:{r.line}"
        if r.kind not in FIELDS:
            problems.append(f"{where}: unknown record kind '{r.kind}'")
            continue
        if not KEY_RE.match(r.key):
            problems.append(f"{where}: key '{r.key}' is not lowercase words joined by hyphens")
        if (r.kind, r.key) in index:
            o = index[(r.kind, r.key)]
            problems.append(f"{where}: {r.kind}:{r.key} already defined at {o.path}:{o.line}")
        index[(r.kind, r.key)] = r

    def exists(kind, key):
        return (kind, key) in index

    texts = {}
    for r in records:
        if r.kind not in FIELDS:
            continue
        required, optional = FIELDS[r.kind]
        for name in required:
            if name not in r.fields or not r.fields[name][0]:
                problems.append(f"{r.path}:{r.line}: {r.kind}:{r.key} lacks {name}=")
        for name, (value, n) in r.fields.items():
            where = f"{r.path}:{n}"
            m = LOCALE_RE.match(name)
            if m and r.kind in NAMED:
                continue
            if name not in required and name not in optional:
                problems.append(f"{where}: unknown field '{name}' in {r.kind}")
                continue
            vocab = vocab_of.get((r.kind, name))
            if vocab and value not in vocab:
                problems.append(f"{where}: '{value}' is not one of {sorted(vocab)}")
            if name in ("start", "end", "date", "from", "to") and not DATE_RE.match(value):
                problems.append(f"{where}: '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD")
            if name in ("lat", "lon"):
                try:
                    v = float(value)
                    if not (-90 <= v <= 90 if name == "lat" else -180 <= v <= 180):
                        raise ValueError
                except ValueError:
                    problems.append(f"{where}: '{value}' is not a valid {name}")
            if name == "color" and not re.match(r"^#[0-9a-fA-F]{6}$", value):
                problems.append(f"{where}: colour '{value}' is not #rrggbb")
            if name == "approximate" and value not in ("true", "false"):
                problems.append(f"{where}: approximate must be true or false")
            if name in REFS:
                target = REFS[name]
                for item in split_list(value):
                    if name == "actors" and r.kind == "event":
                        item = item.split(":", 1)[0]
                    if not exists(target, item):
                        problems.append(f"{where}: {r.kind}:{r.key} refers to unknown {target}:{item}")
            if name in ("route", "polygon"):
                for item in split_list(value):
                    if re.match(r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$", item):
                        continue
                    if name == "route" and exists("place", item):
                        continue
                    problems.append(f"{where}: '{item}' is neither lat,lon nor a place key")
        if r.kind == "source":
            kind = r.fields.get("kind", ("document", 0))[0]
            needed, forbidden, _, _ = SOURCE_KINDS.get(kind, (set(), set(), set(), set()))
            for name in sorted(needed - set(r.fields)):
                problems.append(f"{r.path}:{r.line}: source:{r.key} ({kind}) lacks {name}=")
            for name in sorted(forbidden & set(r.fields)):
                problems.append(f"{r.path}:{r.fields[name][1]}: a {kind} has no {name}=")
            if "url" in r.fields and not re.match(r"^https?://\S+$", r.fields["url"][0]):
                problems.append(f"{r.path}:{r.fields['url'][1]}: url is not a web address")
        if r.kind == "excerpt" and "source" in r.fields:
            src = index.get(("source", r.fields["source"][0]))
            kind = src.fields.get("kind", ("document", 0))[0] if src else None
            _, _, needed, forbidden = SOURCE_KINDS.get(kind, (set(), set(), set(), set()))
            for name in sorted(needed - set(r.fields)):
                problems.append(f"{r.path}:{r.line}: excerpt:{r.key} of a {kind} lacks {name}=")
            hint = "a note in our own words" if kind == "reference" else "a quotation"
            for name in sorted(forbidden & set(r.fields)):
                problems.append(f"{r.path}:{r.fields[name][1]}: an excerpt of a {kind} has no "
                                f"{name}= (it is {hint})")
        # A title says what happened in neutral words; a characterisation belongs to one
        # author and goes in the summary, with "according to".
        if r.kind == "event" and "title" in r.fields:
            title, n = r.fields["title"]
            for word in CHARACTERISING:
                if word in title.lower():
                    problems.append(f"{r.path}:{n}: event:{r.key}'s title characterises ('{word}'): "
                                    "say it in the summary, with whose words they are")
        if r.kind == "excerpt" and "text" in r.fields:
            t = normalize(unescape(r.fields["text"][0]))
            if t in texts:
                problems.append(f"{r.path}:{r.line}: excerpt:{r.key} repeats excerpt:{texts[t]}")
            texts[t] = r.key

    # Excerpts: verbatim in their document, and their paragraph.
    fills = {}
    if not os.path.isdir(args.seeds):
        print(f"note: no seed documents at {args.seeds}; excerpts not checked against them")
    for r in records if os.path.isdir(args.seeds) else []:
        if r.kind != "excerpt" or "source" not in r.fields or "text" not in r.fields:
            continue
        src = index.get(("source", r.fields["source"][0]))
        if not src or "document" not in src.fields:
            continue
        doc = os.path.join(args.seeds, src.fields["document"][0])
        if not os.path.exists(doc):
            problems.append(f"{src.path}:{src.line}: document {doc} not found")
            continue
        with open(doc, encoding="utf-8") as f:
            lines = f.read().split("\n")
        try:
            first = int(src.fields["line"][0])
        except (KeyError, ValueError):
            problems.append(f"{src.path}:{src.line}: line= must be a number")
            continue
        text = normalize(unescape(r.fields["text"][0]))
        found = [p for p, _, para in paragraphs_from(lines, first) if text in para]
        if not found:
            problems.append(f"{r.path}:{r.line}: excerpt:{r.key} is not verbatim in its article "
                            f"({src.fields['document'][0]} from line {first})")
            continue
        fills[r.key] = found[0]
        have = r.fields.get("position", ("", 0))[0]
        if have != str(found[0]) and not args.fill_positions:
            problems.append(f"{r.path}:{r.line}: excerpt:{r.key} position is {have or 'missing'}, "
                            f"should be {found[0]}")
        if len(re.findall(r"[.!?][\"”’]?(\s|$)", text)) > 3:
            problems.append(f"{r.path}:{r.line}: excerpt:{r.key} is longer than three sentences")

    check_accounts(records, index, problems)
    check_place_names(records, index, problems)
    if os.path.isdir(args.seeds):
        check_in_documents(records, index, args.seeds, problems)

    if args.fill_positions:
        fill(files, records, fills)

    counts = {}
    for r in records:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    for p in problems:
        print(p)
    print("records: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def listed(record, field):
    return split_list(record.fields[field][0]) if field in record.fields else []


def check_accounts(records, index, problems):
    """Where the sources disagree on an event, each source has an account, backed by
    excerpts of its own (also behind the event), saying a date or what it says; a disputed
    event has two accounts or more, from as many sources."""
    behind = {}  # event key -> excerpts behind it, from either side of the link
    for r in records:
        if r.kind == "event":
            behind.setdefault(r.key, set()).update(listed(r, "excerpts"))
        if r.kind == "excerpt":
            for event in listed(r, "events"):
                behind.setdefault(event, set()).add(r.key)
    by_event = {}
    for r in records:
        if r.kind != "account":
            continue
        where = f"{r.path}:{r.line}: account:{r.key}"
        event = r.fields.get("event", ("", 0))[0]
        source = r.fields.get("source", ("", 0))[0]
        by_event.setdefault(event, []).append(r)
        if "date" not in r.fields and "description" not in r.fields:
            problems.append(f"{where} says nothing: give its date=, its description= or both")
        for key in listed(r, "excerpts"):
            excerpt = index.get(("excerpt", key))
            if excerpt is None:
                continue
            own = excerpt.fields.get("source", ("", 0))[0]
            if own != source:
                problems.append(f"{where} is backed by excerpt:{key}, which is {own}'s words, "
                                f"not {source}'s: an account has only its own source's excerpts")
            if key not in behind.get(event, set()):
                problems.append(f"{where}: excerpt:{key} does not back event:{event} "
                                "(list it in the event's excerpts=)")
    for event, accounts in sorted(by_event.items()):
        first = accounts[0]
        if len(accounts) < 2:
            problems.append(f"{first.path}:{first.line}: event:{event} has one account: a "
                            "disputed event has two or more, an undisputed one none")
        sources = [a.fields.get("source", ("", 0))[0] for a in accounts]
        for source in sorted({s for s in sources if sources.count(s) > 1}):
            problems.append(f"{first.path}:{first.line}: event:{event} has two accounts of "
                            f"source:{source}: one source, one account")


def place_names(record):
    """Every name and alias of a named record, in any language."""
    names = []
    for name, (value, _) in record.fields.items():
        if name == "name" or LOCALE_RE.match(name) and name.startswith("name"):
            names.append(unescape(value).strip())
        elif name == "aliases" or LOCALE_RE.match(name):
            names += split_list(value)
    return names


def check_place_names(records, index, problems):
    """official=STATE:NAME names states and names the place has; the state that administers
    it (country=) is among them."""
    for r in records:
        if r.kind != "place" or "official" not in r.fields:
            continue
        value, n = r.fields["official"]
        states = []
        for item in split_list(value):
            state, _, name = item.partition(":")
            state, name = state.strip(), name.strip()
            if not name:
                problems.append(f"{r.path}:{n}: '{item}' is not written as state:name")
                continue
            actor = index.get(("actor", state))
            if actor is None or actor.fields.get("kind", ("", 0))[0] != "state":
                problems.append(f"{r.path}:{n}: {state} is not a state: only states have official names")
            if name not in place_names(r):
                problems.append(f"{r.path}:{n}: '{name}' is not one of place:{r.key}'s names or "
                                "aliases")
            states.append(state)
        country = r.fields.get("country", ("", 0))[0]
        if country and country not in states:
            problems.append(f"{r.path}:{n}: place:{r.key} gives official names but not that of "
                            f"{country}, which administers it")


def check_in_documents(records, index, seeds, problems):
    """The name the sources use is in them; an account's description is in our own words,
    not the document's sentence."""
    texts = []
    for path in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(normalize(unmark(f.read())))
    everything = "\n".join(texts)
    for r in records:
        if r.kind == "place" and "source-name" in r.fields:
            name, n = r.fields["source-name"]
            if not re.search(r"(?<!\w)%s(?!\w)" % re.escape(name), everything):
                problems.append(f"{r.path}:{n}: source-name '{name}' is in none of the documents")
        if r.kind == "account" and "description" in r.fields:
            text, n = r.fields["description"]
            words = normalize(unescape(text)).rstrip(".")
            if len(words.split()) >= 6 and words in everything:
                problems.append(f"{r.path}:{n}: account:{r.key}'s description quotes the "
                                "document: say it in our own words (the excerpts quote)")


def fill(files, records, fills):
    by_path = {}
    for r in records:
        if r.kind == "excerpt" and r.key in fills:
            by_path.setdefault(r.path, []).append(r)
    for path, recs in by_path.items():
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        # Work bottom-up so earlier line numbers stay valid.
        for r in sorted(recs, key=lambda r: r.line, reverse=True):
            pos = f"position={fills[r.key]}"
            if "position" in r.fields:
                lines[r.fields["position"][1] - 1] = pos
            else:
                lines.insert(r.fields["text"][1], pos)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
