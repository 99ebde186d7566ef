"""Writing the search index of a new database: rows in rank order, phones, words, typos."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from parkdesk.core.parks import park_in
from parkdesk.core.phones import normalise, subscriber_digits
from parkdesk.core.records import Bundle, Entity
from parkdesk.core.search.hits import FINDING, rank_key
from parkdesk.core.search.pinyin import alias_search_text
from parkdesk.core.search.text import MIN_DIGITS, digits_of, lead_word, name_key
from parkdesk.core.search.typos import MIN_WORD, deletes

# Kinds of unreviewed finding that name something a user could look for.
FINDING_KINDS = ("organisation", "person", "phone")
_COLUMNS = ("entity_id", "kind", "name", "aliases", "people", "description", "park", "lead",
            "contacts", "key", "reviewed")


def write_search_index(con: sqlite3.Connection, bundle: Bundle, by_id: dict[str, Entity]) -> None:
    """Fill search (and so search_fts, lead_fts), search_phones, search_words and search_typos."""
    names = ", ".join(f"[{c}]" for c in _COLUMNS)
    marks = ", ".join("?" * len(_COLUMNS))
    con.executemany(f"INSERT INTO search ({names}) VALUES ({marks})", _search_rows(bundle, by_id))
    rowids = dict(con.execute("SELECT entity_id, rowid FROM search"))
    phones = sorted(_phone_rows(bundle, rowids))
    con.executemany(
        "INSERT INTO search_phones (id, search_rowid, contact_id, digits) VALUES (?, ?, ?, ?)",
        ((i, r, c, " ".join(forms)) for i, (r, c, forms, _) in enumerate(phones, 1)),
    )
    con.executemany(
        "INSERT OR IGNORE INTO phone_keys (key, id) VALUES (?, ?)",
        ((key, i) for i, (_, _, _, keys) in enumerate(phones, 1) for key in keys),
    )
    for table in ("search_fts", "names_fts", "lead_fts"):
        con.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    con.execute("INSERT INTO phone_fts (phone_fts) VALUES ('rebuild')")
    _write_words(con)


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


def _search_rows(bundle: Bundle, by_id: dict[str, Entity]) -> Iterator[tuple]:
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
    rows = []
    known = set()
    for e in by_id.values():
        known.add(name_key(e.name))
        known.update(name_key(a) for a in e.aliases)
        aliases = alias_search_text(e.aliases)
        rows.append((rank_key(e.kind, e.name, e.id, e.reviewed), (
            e.id, e.kind, e.name, aliases, " | ".join(people.get(e.id, [])), e.description or "",
            _park_of(e, by_id), lead_word(e.name), " | ".join(addresses.get(e.id, [])),
            name_key(e.name), int(e.reviewed),
        )))
    for m in sorted(bundle.mentions, key=lambda m: m.id):
        key = name_key(m.text)
        if m.kind in FINDING_KINDS and key and key not in known:
            known.add(key)
            rows.append((rank_key(FINDING, m.text, m.id, False), (
                m.id, FINDING, m.text, "", "", m.kind, "", lead_word(m.text), "", key, 0,
            )))
    # Rank order: an unranked search walks its matches best-first (see core/db/search.py).
    rows.sort(key=lambda r: r[0])
    return iter([r for _, r in rows])


PhoneRow = tuple[int, str, tuple[str, ...], tuple[str, ...]]


def _phone_rows(bundle: Bundle, rowids: dict[str, int]) -> Iterator[PhoneRow]:
    """(owner's search rowid, contact id, its digit forms, its keys): national, E.164 and as
    written; the keys add every tail of the subscriber number (see m005 in migrations)."""
    for c in bundle.contacts:
        if c.kind == "phone" and c.owner_id in rowids:
            forms = _digit_forms(c.national, c.e164, c.raw)
            yield rowids[c.owner_id], c.id, forms, _keys(forms, subscriber_digits(c.national))
    for m in bundle.mentions:
        if m.kind == "phone" and m.id in rowids:
            phone = normalise(m.text)
            forms = _digit_forms(phone.national, phone.e164, m.text)
            yield rowids[m.id], "", forms, _keys(forms, subscriber_digits(phone.national))


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
