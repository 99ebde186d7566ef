"""Search over the directory: any user text becomes a safe FTS5 prefix query."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One match: which entity, what it is, where it is, and the words that matched."""

    entity_id: str
    kind: str
    name: str
    park: str
    terms: tuple[str, ...]


def query_terms(text: str) -> list[str]:
    """The words of a user's query, lower-cased, de-duplicated; operators and quotes dropped."""
    terms: list[str] = []
    for word in _WORD.findall(text[:4096]):
        word = word.lower()[:MAX_TERM_LENGTH]
        if word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return terms


def fts_query(terms: list[str], any_term: bool = False) -> str:
    """An FTS5 MATCH expression: every term quoted, as a prefix; all required unless `any_term`."""
    joiner = " OR " if any_term else " "
    return joiner.join('"' + t.replace('"', '""') + '"*' for t in terms)


# Weights per column: name, aliases, people, description. Name matches come first.
_SQL = """
SELECT s.entity_id, s.kind, s.name, s.park,
       CASE WHEN lower(s.name) LIKE :first || '%' ESCAPE '\\' THEN 0 ELSE 1 END AS starts,
       bm25(search_fts, 10.0, 6.0, 2.0, 1.0) AS score
FROM search_fts JOIN search s ON s.rowid = search_fts.rowid
WHERE search_fts MATCH :match
ORDER BY starts, score, s.name
LIMIT :limit
"""


def search(con: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Entities matching `text` (any text at all), best name matches first."""
    terms = query_terms(text)
    if not terms or limit <= 0:
        return []
    first = terms[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params = {"match": fts_query(terms), "first": first, "limit": limit}
    rows = con.execute(_SQL, params).fetchall()
    if not rows and len(terms) > 1:
        # No record has every word ("name:shunde"): rank those that have some of them.
        params["match"] = fts_query(terms, any_term=True)
        rows = con.execute(_SQL, params).fetchall()
    return [SearchHit(r[0], r[1], r[2], r[3] or "", tuple(terms)) for r in rows]
