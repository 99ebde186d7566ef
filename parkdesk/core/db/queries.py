"""Queries beyond the records the Directory hands out: counts for fact sheets, every citation for
`check`, and what the JSON export adds (unplaced entities, unreviewed findings).

With the Directory these are the only SQL of the project (the database layer): callers get plain
values and records.
"""

from __future__ import annotations

from typing import NamedTuple

from parkdesk.core.db.connect import in_chunks
from parkdesk.core.db.directory import Directory
from parkdesk.core.records import PERSON, PROJECT, Citation, Mention


class StoredCitation(NamedTuple):
    """A citation as stored: its row id and the record it backs."""

    id: int
    record_type: str
    record_id: str
    citation: Citation


def kind_of(directory: Directory, entity_id: str) -> str | None:
    """The kind of an entity, or None when there is no such entity."""
    row = directory.con.execute("SELECT kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else None


def count_below(directory: Directory, root: str, kinds: tuple[str, ...]) -> int:
    """How many entities of `kinds` sit under `root` directly or inside its projects."""
    return counts_below(directory, root, kinds)[0]


def counts_below(directory: Directory, root: str, *groups: tuple[str, ...]) -> list[int]:
    """For each group of kinds, how many entities of those kinds sit under `root` directly or
    inside its projects (the projects walked once for all the groups).

    From the stored child counts (written with the file, and again when the user's changes are
    applied), walking only the projects, level by level: neither reads the hundreds of
    thousands of enterprises of a big park. (A recursive query did: SQLite built a Bloom filter
    over every entity for its recursive join.)"""
    con = directory.con
    parents, level = [root], [root]
    while level:
        marks = ",".join("?" * len(level))
        level = [r[0] for r in con.execute(
            f"SELECT id FROM entities WHERE parent_id IN ({marks}) AND kind = ?",
            (*level, PROJECT))]
        parents += level
    by_kind: dict[str, int] = {}
    for chunk, marks in in_chunks(parents):
        for kind, n in con.execute(
                f"SELECT kind, sum(n) FROM child_counts WHERE parent_id IN ({marks}) GROUP BY kind",
                chunk):
            by_kind[kind] = by_kind.get(kind, 0) + n
    return [sum(by_kind.get(kind, 0) for kind in kinds) for kinds in groups]


def count_people(directory: Directory, entity_id: str, bodies: list[str]) -> int:
    """How many people sit directly under an entity or hold a title at one of `bodies`.

    Those under it are the stored child count; the title holders are added unless they are
    among them. (A UNION of both lists sorted the park's thousands of people each time.)"""
    marks = ",".join("?" * len(bodies))
    holders: int = directory.con.execute(
        "SELECT count(DISTINCT r.person_id) FROM roles r "
        "LEFT JOIN entities e ON e.id = r.person_id "
        f"WHERE r.org_id IN ({marks}) "
        "AND (e.id IS NULL OR e.parent_id IS NOT ? OR e.kind IS NOT ?)",
        (*bodies, entity_id, PERSON),
    ).fetchone()[0]
    return directory.count_children(entity_id, (PERSON,)) + holders


def orphan_flags(directory: Directory) -> list[tuple[str, bool]]:
    """Every entity id in name order, and whether it has no parent or a missing one."""
    rows = directory.con.execute(
        "SELECT id, parent_id IS NULL OR parent_id NOT IN (SELECT id FROM entities) "
        "FROM entities ORDER BY name, id"
    )
    return [(entity_id, bool(orphan)) for entity_id, orphan in rows]


def mentions(directory: Directory) -> list[Mention]:
    """The rule findings no curation claimed, in article and reading order."""
    rows = directory.con.execute(
        "SELECT id, article_id, kind, text, value, unit, paragraph, start, [end] "
        "FROM mentions ORDER BY article_id, paragraph, start, id"
    )
    return [
        Mention(mid, aid, kind, text, Citation(aid, paragraph, start, end, text), value, unit)
        for mid, aid, kind, text, value, unit, paragraph, start, end in rows
    ]


def all_citations(directory: Directory) -> list[StoredCitation]:
    """Every citation of the database, in id order."""
    rows = directory.con.execute(
        "SELECT id, record_type, record_id, article_id, paragraph, start, [end], quote "
        "FROM citations ORDER BY id"
    )
    return [StoredCitation(r[0], r[1], r[2], Citation(*r[3:])) for r in rows]


def figure_values(directory: Directory) -> dict[str, str]:
    """Each figure's value as written, by figure id."""
    return dict(directory.con.execute("SELECT id, value_text FROM figures"))


def contact_owners(directory: Directory) -> list[str]:
    """The ids of every entity with a phone number or an address, in id order."""
    return [r[0] for r in directory.con.execute(
        "SELECT DISTINCT owner_id FROM contacts ORDER BY owner_id")]


def record_names(directory: Directory) -> list[tuple[str, str]]:
    """(entity id, name) for every entity's name and alias: what new names are matched with."""
    return list(directory.con.execute(
        "SELECT id, name FROM entities UNION ALL SELECT entity_id, alias FROM aliases"
    ))


def phone_contacts(directory: Directory) -> list[tuple[str, str, str | None]]:
    """(contact id, number as written, E.164) of every phone contact."""
    return list(directory.con.execute(
        "SELECT id, raw, e164 FROM contacts WHERE kind = 'phone' ORDER BY id"
    ))
