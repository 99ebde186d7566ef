"""Writing the search index of a new database: rows in rank order, phones, words, typos."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from parkdesk.core.parks import park_in
from parkdesk.core.phones import normalise, subscriber_digits
from parkdesk.core.records import Bundle, Entity, Mention
from parkdesk.core.search.hits import FINDING, rank_key
from parkdesk.core.search.text import MIN_DIGITS, digits_of, lead_word, name_key
from parkdesk.core.search.typos import MIN_WORD, deletes

# Kinds of unreviewed finding that name something a user could look for.
FINDING_KINDS = ("organisation", "person", "phone")
_COLUMNS = ("entity_id", "kind", "name", "aliases", "people", "description", "park", "lead",
            "contacts", "key", "reviewed")


_RANKED = ("not_reviewed", "kind_rank", "folded", "rank_id")


class SearchIndexWriter:
    """Fills search (and so search_fts, names_fts, lead_fts), search_phones, search_words and
    search_typos of a new database, from bundles written a part at a time.

    Each part's search rows wait in a temporary table with their rank key; `finish` writes
    them in rank order (SQLite sorts them, on disk if need be), then the phones, found in the
    tables already written, and the word lists.
    """

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.known: set[str] = set()  # folded names and aliases: a finding that is one is left out
        self.mentions: list[Mention] = []
        columns = ", ".join(f"[{c}]" for c in (*_RANKED, *_COLUMNS))
        con.execute(f"CREATE TEMP TABLE search_stage ({columns})")

    def add(self, bundle: Bundle, by_id: dict[str, Entity]) -> None:
        """Stage the search rows of one part's entities (findings wait for `finish`); `by_id`:
        the part's entities and those they may sit under (their park is named)."""
        rows = _entity_rows(bundle, by_id, self.known)
        marks = ", ".join("?" * (len(_RANKED) + len(_COLUMNS)))
        self.con.executemany(f"INSERT INTO temp.search_stage VALUES ({marks})", rows)
        self.mentions += bundle.mentions

    def finish(self, rebuild_fts: bool = False) -> None:
        """Write the staged rows in rank order, then phones and words. `rebuild_fts`: the
        triggers that keep the full-text indexes were dropped for a bulk write; the indexes
        are built from their tables in one pass instead."""
        con = self.con
        marks = ", ".join("?" * (len(_RANKED) + len(_COLUMNS)))
        con.executemany(f"INSERT INTO temp.search_stage VALUES ({marks})",
                        _finding_rows(self.mentions, self.known))
        names = ", ".join(f"[{c}]" for c in _COLUMNS)
        # Rank order: an unranked search walks its matches best-first (see core/db/search.py).
        ranked = f"SELECT {names} FROM temp.search_stage ORDER BY {', '.join(_RANKED)}"
        if rebuild_fts:
            con.execute(f"INSERT INTO search ({names}) {ranked}")
        else:  # row by row, as the triggers have always filled the full-text indexes
            marks = ", ".join("?" * len(_COLUMNS))
            con.executemany(f"INSERT INTO search ({names}) VALUES ({marks})",
                            con.execute(ranked))
        con.execute("DROP TABLE temp.search_stage")
        _write_phones(con)
        for table in ("search_fts", "names_fts", "lead_fts"):
            command = "rebuild" if rebuild_fts else "optimize"
            con.execute(f"INSERT INTO {table} ({table}) VALUES ('{command}')")
        con.execute("INSERT INTO phone_fts (phone_fts) VALUES ('rebuild')")
        _write_words(con)


def _write_phones(con: sqlite3.Connection) -> None:
    """Each phone of a record or finding in the index, in its owner's rank order: its digit
    forms (search_phones) and keys (phone_keys)."""
    rows = con.execute(
        "SELECT s.rowid, c.id, c.national, c.e164, c.raw, 0 FROM search s "
        "JOIN contacts c ON c.owner_id = s.entity_id WHERE c.kind = 'phone' "
        "UNION ALL SELECT s.rowid, '', NULL, NULL, m.text, 1 FROM search s "
        "JOIN mentions m ON m.id = s.entity_id WHERE m.kind = 'phone' ORDER BY 1, 2"
    )
    phone_id = 0
    while batch := rows.fetchmany(10_000):
        phones, keys = [], []
        for rowid, contact_id, national, e164, raw, finding in batch:
            if finding:
                phone = normalise(raw)
                national, e164 = phone.national, phone.e164
            forms = _digit_forms(national, e164, raw)
            phone_id += 1
            phones.append((phone_id, rowid, contact_id, " ".join(forms)))
            keys += [(key, phone_id) for key in _keys(forms, subscriber_digits(national))]
        con.executemany(
            "INSERT INTO search_phones (id, search_rowid, contact_id, digits) VALUES (?, ?, ?, ?)",
            phones)
        con.executemany("INSERT OR IGNORE INTO phone_keys (key, id) VALUES (?, ?)", keys)


def _park_of(entity: Entity, by_id: dict[str, Entity]) -> str:
    """The name of the park above an entity (not the entity itself: a park's is the zone)."""
    above: list[Entity] = []
    seen = {entity.id}
    current = by_id.get(entity.parent_id or "")
    while current is not None and current.id not in seen:  # (a parent cycle ends the chain)
        seen.add(current.id)
        above.insert(0, current)
        current = by_id.get(current.parent_id or "")
    park = park_in(above, _kind)
    return park.name if park else ""


def _kind(entity: Entity) -> str:
    return entity.kind


def _ranked(key: tuple) -> tuple:
    not_reviewed, kind_rank, folded, rank_id = key
    return (int(not_reviewed), kind_rank, folded, rank_id)


def _entity_rows(bundle: Bundle, by_id: dict[str, Entity], known: set[str]) -> Iterator[tuple]:
    """Staged search rows (rank key, then the columns) of a bundle's entities; adds their
    folded names and aliases to `known`."""
    people: dict[str, list[str]] = {}
    for role in sorted(bundle.roles, key=lambda r: r.id):
        person = by_id.get(role.person_id)
        people.setdefault(role.person_id, []).append(role.title)
        if role.org_id and person:
            people.setdefault(role.org_id, []).append(f"{person.name} {role.title}")
    addresses: dict[str, list[str]] = {}
    for c in sorted(bundle.contacts, key=lambda c: c.id):
        if c.kind == "address":
            addresses.setdefault(c.owner_id, []).append(c.raw)
    for e in bundle.entities:
        known.add(name_key(e.name))
        known.update(name_key(a) for a in e.aliases)
        aliases = " | ".join(sorted(set(e.aliases)))
        yield (*_ranked(rank_key(e.kind, e.name, e.id, e.reviewed)),
               e.id, e.kind, e.name, aliases, " | ".join(people.get(e.id, [])),
               e.description or "", _park_of(e, by_id), lead_word(e.name),
               " | ".join(addresses.get(e.id, [])), name_key(e.name), int(e.reviewed))


def _finding_rows(mentions: list[Mention], known: set[str]) -> Iterator[tuple]:
    """Staged search rows of the findings: one per distinct name no record has."""
    for m in sorted(mentions, key=lambda m: m.id):
        key = name_key(m.text)
        if m.kind in FINDING_KINDS and key and key not in known:
            known.add(key)
            yield (*_ranked(rank_key(FINDING, m.text, m.id, False)),
                   m.id, FINDING, m.text, "", "", m.kind, "", lead_word(m.text), "", key, 0)


def _digit_forms(*texts: str | None) -> tuple[str, ...]:
    forms: list[str] = []
    for text in texts:
        digits = digits_of(text)
        if digits and digits not in forms:
            forms.append(digits)
    return tuple(forms)


def _keys(forms: tuple[str, ...], subscriber: str) -> tuple[str, ...]:
    keys = set(forms)
    keys.update(f[2:] for f in forms if f.startswith("86"))  # 757... with neither 0 nor +86
    tail = subscriber or (forms[0] if forms else "")
    keys.update(tail[i:] for i in range(len(tail) - MIN_DIGITS + 1))
    return tuple(sorted(keys))


def _write_words(con: sqlite3.Connection) -> None:
    con.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, search_fts, col)")
    try:
        con.execute(
            "INSERT INTO search_words (word, n, named) SELECT term, sum(doc), "
            "max(col IN ('name', 'aliases')) FROM temp.search_vocab GROUP BY term"
        )
    finally:
        con.execute("DROP TABLE temp.search_vocab")
    named = [w for (w,) in con.execute("SELECT word FROM search_words WHERE named")]
    con.executemany("INSERT OR IGNORE INTO search_typos (variant, word) VALUES (?, ?)",
                    _typo_rows(named))


def _typo_rows(words: Iterable[str]) -> Iterator[tuple[str, str]]:
    for word in words:
        if len(word) >= MIN_WORD and not word.isdigit():
            for variant in deletes(word):
                yield variant, word
