"""The named migrations that create a parkdesk database (sqlite-utils), applied in order.

Imported only when a database is written, so that opening one for reading stays light.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("parkdesk")


@migrations(name="m001_directory")
def m001_directory(db: Database) -> None:
    """Articles, entities and the facts about them, with citations."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": str,
            "file": str,
            "title": str,
            "published": str,
            "date_inferred": int,
            "outlet": str,
            "url": str,
            "sha256": str,
            "paragraphs": int,
            "reviewed": int,
        },
        pk="id",
    )
    db.table("entities").create(
        {
            "id": str,
            "kind": str,
            "name": str,
            "parent_id": str,
            "subkind": str,
            "district": str,
            "status": str,
            "description": str,
            "reviewed": int,
        },
        pk="id",
    )
    db.table("entities").create_index(["parent_id", "kind", "name"])
    db.table("aliases").create({"entity_id": str, "alias": str}, pk=("entity_id", "alias"))
    db.table("contacts").create(
        {
            "id": str,
            "owner_id": str,
            "kind": str,
            "label": str,
            "raw": str,
            "e164": str,
            "national": str,
            "international": str,
            "valid": int,
            "warning": str,
        },
        pk="id",
    )
    db.table("contacts").create_index(["owner_id"])
    db.table("figures").create(
        {
            "id": str,
            "entity_id": str,
            "metric": str,
            "value_text": str,
            "unit": str,
            "value": float,
            "qualifier": str,
            "refers_to": str,
            "reported": str,
        },
        pk="id",
    )
    db.table("figures").create_index(["entity_id"])
    db.table("roles").create(
        {"id": str, "person_id": str, "title": str, "org_id": str, "reported": str}, pk="id"
    )
    db.table("roles").create_index(["person_id"])
    db.table("roles").create_index(["org_id"])
    db.table("relations").create(
        {"id": str, "subject_id": str, "predicate": str, "object_id": str}, pk="id"
    )
    db.table("relations").create_index(["subject_id"])
    db.table("relations").create_index(["object_id"])
    db.table("citations").create(
        {
            "id": int,
            "record_type": str,
            "record_id": str,
            "article_id": str,
            "paragraph": int,
            "start": int,
            "end": int,
            "quote": str,
        },
        pk="id",
    )
    db.table("citations").create_index(["record_type", "record_id"])
    db.table("mentions").create(
        {
            "id": str,
            "article_id": str,
            "kind": str,
            "text": str,
            "value": float,
            "unit": str,
            "paragraph": int,
            "start": int,
            "end": int,
        },
        pk="id",
    )


@migrations(name="m002_search")
def m002_search(db: Database) -> None:
    """One search row per entity, indexed by FTS5 with prefix indexes for instant search."""
    db.table("search").create(
        {
            "entity_id": str,
            "kind": str,
            "name": str,
            "aliases": str,
            "people": str,
            "description": str,
            "park": str,
        },
    )
    db.table("search").enable_fts(
        ["name", "aliases", "people", "description"],
        tokenize="unicode61 remove_diacritics 2",
        create_triggers=True,
    )
    # sqlite-utils cannot ask for prefix indexes; rebuild the FTS table with them.
    db.execute("DROP TABLE search_fts")
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "name, aliases, people, description, content=[search], "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )


_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"


@migrations(name="m003_ranked_search")
def m003_ranked_search(db: Database) -> None:
    """Search that ranks without scoring every match.

    Search rows are written in rank order (zone, parks, ... enterprises; then by name), so an
    unranked FTS5 query in rowid order lists the best matches first and can stop at its limit.
    `lead` (the first word of the name) has its own small index, for names that start with the
    first word typed; prefix indexes up to six letters answer "foshan*" without merging.
    """
    db.table("search").add_column("lead", str)
    db.execute("DROP TABLE search_fts")
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        f"name, aliases, people, description, content=[search], {_TOKENIZE}, "
        "prefix='1 2 3 4 5 6')"
    )
    db.execute(
        f"CREATE VIRTUAL TABLE lead_fts USING fts5(lead, content=[search], {_TOKENIZE}, "
        "prefix='1 2 3 4 5 6')"
    )
    db.execute(
        "CREATE TRIGGER search_lead_ai AFTER INSERT ON search BEGIN "
        "INSERT INTO lead_fts (rowid, lead) VALUES (new.rowid, new.lead); END"
    )
    db.execute(
        "CREATE TRIGGER search_lead_ad AFTER DELETE ON search BEGIN "
        "INSERT INTO lead_fts (lead_fts, rowid, lead) VALUES ('delete', old.rowid, old.lead); END"
    )
    db.execute(
        "CREATE TRIGGER search_lead_au AFTER UPDATE ON search BEGIN "
        "INSERT INTO lead_fts (lead_fts, rowid, lead) VALUES ('delete', old.rowid, old.lead); "
        "INSERT INTO lead_fts (rowid, lead) VALUES (new.rowid, new.lead); END"
    )


@migrations(name="m004_tree_order")
def m004_tree_order(db: Database) -> None:
    """Children in name order straight from an index, and their numbers counted once, at build.

    A page of a 25,000-item folder is one index seek; a folder's size is one row.
    """
    db.table("entities").create_index(["parent_id", "name", "id", "kind"])
    # With the id, the kind index answers "a park's projects, in name order" by itself.
    db.execute("DROP INDEX idx_entities_parent_id_kind_name")
    db.table("entities").create_index(["parent_id", "kind", "name", "id"])
    db.table("entities").create_index(["kind", "name"])  # the zone, the parks, counts by kind
    db.table("child_counts").create({"parent_id": str, "kind": str, "n": int}, pk=("parent_id", "kind"))


@migrations(name="m005_findings")
def m005_findings(db: Database) -> None:
    """What a reviewer needs beside each rule finding (owner, title, qualifier, resolved date,
    conversion, subject) and the record it is proposed to link to; where a date came from."""
    mentions = db.table("mentions")
    for column in ("label", "qualifier", "resolved", "converted", "about", "link_id"):
        mentions.add_column(column, str)
    mentions.add_column("link_score", float)
    mentions.add_column("link_reason", str)
    db.table("articles").add_column("date_source", str)


_SEARCH_COLUMNS = ("name", "aliases", "people", "description", "contacts")


@migrations(name="m006_search_numbers_typos_findings")
def m006_search_numbers_typos_findings(db: Database) -> None:
    """Search by phone digits and address text, exact names, typos; findings ranked last.

    - `search.contacts`: the record's addresses, a fifth FTS5 column;
    - `names_fts`: names and aliases alone, so that "every word in a name" reads no
      addresses or descriptions (a column filter on search_fts walks all their matches);
    - `search.key`: the name's folded words (an exact name is one index seek);
    - `search.reviewed`: 0 for unreviewed records and for findings (rows of kind "finding",
      one per distinct name the rules found in an article but no curation claimed);
    - `search_phones` + `phone_fts`: each phone's national and E.164 digits, under a trigram
      index, so that any run of three or more digits, even from the middle, is a substring
      lookup; rows in their owner's rank order;
    - `phone_keys`: each phone's national and E.164 digits and every tail of three or more
      digits of its subscriber number, so that a rare run of digits is one index range;
    - `search_words`: every word of the index, for words of more than six letters (outside the
      prefix indexes) to be looked up as the few whole words they start;
    - `search_typos`: the names' and aliases' words with up to two letters removed (typos).
    """
    search = db.table("search")
    search.add_column("contacts", str)
    search.add_column("key", str)
    search.add_column("reviewed", int)
    search.create_index(["key"])
    for trigger in ("search_ai", "search_ad", "search_au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{trigger}]")
    db.execute("DROP TABLE search_fts")
    columns = ", ".join(_SEARCH_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in _SEARCH_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in _SEARCH_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, content=[search], {_TOKENIZE}, "
        "prefix='1 2 3 4 5 6')"
    )
    insert = f"INSERT INTO search_fts (rowid, {columns}) VALUES (new.rowid, {new});"
    delete = (f"INSERT INTO search_fts (search_fts, rowid, {columns}) "
              f"VALUES ('delete', old.rowid, {old});")
    db.execute(
        f"CREATE VIRTUAL TABLE names_fts USING fts5(name, aliases, content=[search], {_TOKENIZE}, "
        "prefix='1 2 3 4 5 6')"
    )
    insert += " INSERT INTO names_fts (rowid, name, aliases) VALUES (new.rowid, new.name, new.aliases);"
    delete += (" INSERT INTO names_fts (names_fts, rowid, name, aliases) "
               "VALUES ('delete', old.rowid, old.name, old.aliases);")
    db.execute(f"CREATE TRIGGER search_ai AFTER INSERT ON search BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER search_ad AFTER DELETE ON search BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER search_au AFTER UPDATE ON search BEGIN {delete} {insert} END")
    db.execute(
        "CREATE TABLE search_phones (id INTEGER PRIMARY KEY, search_rowid INTEGER NOT NULL, "
        "contact_id TEXT NOT NULL, digits TEXT NOT NULL)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE phone_fts USING fts5(digits, content=[search_phones], "
        "content_rowid=id, tokenize='trigram')"
    )
    db.execute(
        "CREATE TABLE phone_keys (key TEXT NOT NULL, id INTEGER NOT NULL, "
        "PRIMARY KEY (key, id)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE search_words (word TEXT PRIMARY KEY, n INTEGER NOT NULL, "
        "named INTEGER NOT NULL) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE search_typos (variant TEXT NOT NULL, word TEXT NOT NULL, "
        "PRIMARY KEY (variant, word)) WITHOUT ROWID"
    )


# Every reference between tables, declared so that a browser of the file (Datasette) links a
# record to the ones it names; SQLite does not enforce them (PRAGMA foreign_keys stays off).
FOREIGN_KEYS = (
    ("entities", "parent_id", "entities", "id"),
    ("entities", "park_id", "entities", "id"),
    ("aliases", "entity_id", "entities", "id"),
    ("contacts", "owner_id", "entities", "id"),
    ("figures", "entity_id", "entities", "id"),
    ("roles", "person_id", "entities", "id"),
    ("roles", "org_id", "entities", "id"),
    ("relations", "subject_id", "entities", "id"),
    ("relations", "object_id", "entities", "id"),
    ("citations", "entity_id", "entities", "id"),
    ("citations", "article_id", "articles", "id"),
    ("mentions", "article_id", "articles", "id"),
)


@migrations(name="m007_browsing")
def m007_browsing(db: Database) -> None:
    """What reading the file in a browser (Datasette, `parkdesk serve`) needs.

    - `entities.park_id`: the park an entity is in (core.parks.park_in, written at build), so a
      record links to its park and a list of records can be faceted by park;
    - `citations.entity_id`: the entity a cited record is about (an entity itself, a contact's
      owner, a figure's entity, a role's person, a relation's subject), so an entity's page
      lists every source of it and its facts;
    - the foreign keys of FOREIGN_KEYS, with an index on each referring column that has none
      (a record's page counts the rows that refer to it);
    - `entities_fts`: names and descriptions under FTS5, filled once at build (no triggers),
      which Datasette finds and uses for a table's `_search`.
    """
    db.table("entities").add_column("park_id", str)
    db.table("citations").add_column("entity_id", str)
    db.add_foreign_keys(FOREIGN_KEYS)
    db.table("entities").create_index(["park_id"])
    db.table("citations").create_index(["entity_id"])
    db.table("citations").create_index(["article_id"])
    db.table("mentions").create_index(["article_id"])
    db.table("entities").enable_fts(["name", "description"],
                                    tokenize="unicode61 remove_diacritics 2")


@migrations(name="m008_contact_forms")
def m008_contact_forms(db: Database) -> None:
    """Each phone's `tel:` URI (extension kept) and kind of line, stored at build time so that
    exports read them instead of parsing every number again (1M numbers take minutes)."""
    contacts = db.table("contacts")
    contacts.add_column("tel_uri", str)
    contacts.add_column("line", str)
