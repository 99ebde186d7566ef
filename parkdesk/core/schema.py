"""The database schema, created by named migrations; identity via application_id and user_version."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

# "PRKD": marks a file as a parkdesk directory.
APPLICATION_ID = 0x50524B44

migrations = Migrations("parkdesk")


@migrations(name="m001_directory")
def m001_directory(db: Database) -> None:
    """Articles, entities and the facts about them, with citations."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["articles"].create(
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
    db["entities"].create(
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
    db["entities"].create_index(["parent_id", "kind", "name"])
    db["aliases"].create({"entity_id": str, "alias": str}, pk=("entity_id", "alias"))
    db["contacts"].create(
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
    db["contacts"].create_index(["owner_id"])
    db["figures"].create(
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
    db["figures"].create_index(["entity_id"])
    db["roles"].create(
        {"id": str, "person_id": str, "title": str, "org_id": str, "reported": str}, pk="id"
    )
    db["roles"].create_index(["person_id"])
    db["roles"].create_index(["org_id"])
    db["relations"].create(
        {"id": str, "subject_id": str, "predicate": str, "object_id": str}, pk="id"
    )
    db["relations"].create_index(["subject_id"])
    db["relations"].create_index(["object_id"])
    db["citations"].create(
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
    db["citations"].create_index(["record_type", "record_id"])
    db["mentions"].create(
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
    db["search"].create(
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
    db["search"].enable_fts(
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


SCHEMA_VERSION = len(migrations._migrations)


def create_schema(db: Database) -> None:
    """Apply every migration and stamp the file as a parkdesk database of this version."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
