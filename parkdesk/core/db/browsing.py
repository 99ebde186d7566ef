"""The directory as Datasette shows it (`parkdesk serve`): title, sources, which tables a reader
sees, their labels and facets, and the canned queries (their SQL belongs to the database layer).

The metadata is keyed by the database's name, which Datasette takes from the file's name, so it
is made for the file being served (`metadata_for(path)`), not kept as a fixed file.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from parkdesk import __version__
from parkdesk.core.db.directory import FIRST_STATED

TITLE = "Foshan National High-tech Zone directory"
DESCRIPTION = (
    "Parks, projects, enterprises, institutions and people of the Foshan National High-tech "
    "Industrial Development Zone, with their phone numbers and addresses. Every record cites "
    "the article it comes from (the citations and articles tables). Read only."
)
SOURCE = "parkdesk"
SOURCE_URL = "https://github.com/parkdesk/parkdesk"

#: Tables of the app's own machinery: search indexes, counts, the build's bookkeeping. Datasette
#: also hides every table whose name starts with a hidden one (search -> search_phones, ...),
#: and FTS tables by itself.
HIDDEN = ("_sqlite_migrations", "meta", "child_counts", "search", "phone_keys")

_ENTITY = {"label_column": "name"}
TABLES: dict[str, dict[str, Any]] = {
    "entities": {
        **_ENTITY,
        "description": "Every record of the directory. Search it, or narrow it by kind, park or "
                       "review with the facets; a record's page lists its numbers, figures and "
                       "sources.",
        "facets": ["kind", "park_id", "reviewed"],
        "sort": "name",
        "fts_table": "entities_fts",
        "searchmode": "escaped",
    },
    "contacts": {
        "label_column": "national",
        "description": "Phone numbers and addresses; owner_id is the record they belong to.",
        "facets": ["kind"],
        "sort": "owner_id",
    },
    "articles": {
        "label_column": "title",
        "description": "The source articles: title, date, outlet and address of each.",
        "sort_desc": "published",
    },
    "figures": {"description": "Numbers the articles report (investment, area, output...).",
                "facets": ["metric"]},
    "roles": {"description": "Who holds which title where."},
    "relations": {"description": "How records relate (located in, works at...)."},
    "aliases": {"description": "Other names a record is known by."},
    "citations": {"description": "Where each fact is written: article, paragraph and the words "
                                 "quoted; entity_id is the record the fact is about.",
                  "facets": ["record_type"]},
    "mentions": {"description": "What the reading rules found in the articles that no record "
                                "claims yet: findings awaiting a reviewer.",
                 "facets": ["kind"]},
}

# The record types whose citations `sources_of` reads (an IN list uses the (type, id) index).
_RECORD_TYPES = "'entity', 'contact', 'figure', 'role', 'relation'"

QUERIES: dict[str, dict[str, str]] = {
    "phone_book": {
        "title": "Phone book",
        "description": "Every phone number with its owner and park, by park.",
        "sql": (
            "SELECT p.name AS park, e.name AS owner, contacts.national AS number, "
            "contacts.international AS international_number, contacts.raw AS as_written, "
            "e.id AS owner_id\n"
            "FROM contacts JOIN entities AS e ON e.id = contacts.owner_id\n"
            "LEFT JOIN entities AS p ON p.id = e.park_id\n"
            "WHERE contacts.kind = 'phone'\n"
            f"ORDER BY p.kind != 'zone', p.name, e.name, {FIRST_STATED}, contacts.id"
        ),
    },
    "sources_of": {
        "title": "Sources of a record",
        "description": "Where a record and the facts about it are written: give its id "
                       "(as on its page) or its exact name.",
        "sql": (
            "SELECT c.record_type, c.record_id, a.title AS article, "
            "substr(a.published, 1, 10) AS published, a.outlet, a.url, c.paragraph, c.quote\n"
            "FROM citations AS c JOIN articles AS a ON a.id = c.article_id\n"
            "WHERE c.entity_id IN (SELECT id FROM entities WHERE id = :record "
            "OR name = :record COLLATE NOCASE)\n"
            f"OR (c.record_type IN ({_RECORD_TYPES}) AND c.record_id = :record)\n"
            "ORDER BY c.record_type != 'entity', c.record_type, c.record_id, "
            "a.published, c.paragraph"
        ),
    },
    "unreviewed": {
        "title": "Findings awaiting review",
        "description": "What the reading rules found that no reviewed record holds yet, by "
                       "article, with the record each may be.",
        "sql": (
            "SELECT a.title AS article, substr(a.published, 1, 10) AS published, m.kind, "
            "m.text, m.label, m.qualifier, m.resolved, l.name AS may_be, m.link_reason, "
            "m.paragraph\n"
            "FROM mentions AS m JOIN articles AS a ON a.id = m.article_id\n"
            "LEFT JOIN entities AS l ON l.id = m.link_id\n"
            "ORDER BY a.published DESC, m.paragraph, m.start"
        ),
    },
    "figures_over_time": {
        "title": "A figure over time",
        "description": "A metric's values by year (part of its name is enough: 'output').",
        "sql": (
            "SELECT f.metric, substr(coalesce(f.refers_to, f.reported), 1, 4) AS year, "
            "e.name AS of, f.qualifier, f.value_text AS value, f.unit, f.value AS number, "
            "f.reported\n"
            "FROM figures AS f JOIN entities AS e ON e.id = f.entity_id\n"
            "WHERE f.metric LIKE '%' || :metric || '%'\n"
            "ORDER BY f.metric, year, e.name, f.reported"
        ),
    },
}


def database_name(path: Path) -> str:
    """The name Datasette gives a database file: its name without the suffix."""
    return Path(path).stem


def _start_here(name: str) -> str:
    """The home page's first lines: where a colleague looking for a number starts."""
    links = (
        (f"/{name}/phone_book", "Phone book"),
        (f"/{name}/entities?kind=park", "The parks"),
        (f"/{name}/entities", "Search every record"),
        (f"/{name}/articles", "The source articles"),
    )
    items = " · ".join(f'<a href="{href}">{text}</a>' for href, text in links)
    return f"<p>{escape(DESCRIPTION)}</p><p><strong>Start here:</strong> {items}</p>"


def metadata_for(path: Path) -> dict[str, Any]:
    """Datasette's metadata for serving the directory file `path`."""
    tables: dict[str, dict[str, Any]] = {name: dict(t) for name, t in TABLES.items()}
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    name = database_name(path)
    return {
        "title": TITLE,
        "description_html": _start_here(quote(name)),
        "source": f"{SOURCE} {__version__}",
        "source_url": SOURCE_URL,
        "databases": {
            name: {
                "title": TITLE,
                "description": DESCRIPTION,
                "tables": tables,
                # Colleagues read the answers; the SQL is one click away ("show").
                "queries": {query: {**q, "hide_sql": True} for query, q in QUERIES.items()},
            }
        },
    }
