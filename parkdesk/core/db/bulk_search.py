"""The search side of a streamed write (core/db/bulk.py), built from the rows already written.

The search table in rank order, its phone digits and phone keys, and the full-text indexes.
Phone digits and keys are made by SQLite (INSERT ... SELECT), the same rows that
search_index._phone_rows makes in Python for a normal build (a test compares them); text that
is not plain digits after taking out the usual separators goes through the Python functions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from parkdesk.core.phones import subscriber_digits
from parkdesk.core.search.hits import rank_key
from parkdesk.core.search.text import MIN_DIGITS, digits_of, lead_word, name_key

#: FTS5 keeps this much of a full-text index in memory before it writes a segment (its
#: default is 1 MB): fewer, larger segments, half the CPU of a rebuild at 250k rows. Set for
#: the rebuild only; the setting is taken out of the table's config afterwards.
FTS_HASH_BYTES = 64 * 1024 * 1024
FTS_TABLES = ("search_fts", "names_fts", "lead_fts", "phone_fts", "entities_fts")
#: What separates the digits of a number as written ("+86 (757) 8631-6675"), taken out in SQL
#: (anything else left is handed to Python); the stored national and E.164 forms have only
#: spaces and a plus sign.
_WRITTEN = " -()+"


def rebuild_fts(con: sqlite3.Connection, table: str) -> None:
    """Fill the external-content FTS5 `table` from its content table in one pass."""
    con.execute(f"INSERT INTO [{table}] ([{table}], rank) VALUES ('hashsize', ?)",
                (FTS_HASH_BYTES,))
    con.execute(f"INSERT INTO [{table}] ([{table}]) VALUES ('rebuild')")
    con.execute(f"DELETE FROM [{table}_config] WHERE k = 'hashsize'")


def write_search(con: sqlite3.Connection) -> None:
    """The search table, in rank order (see search_index), from the rows just written."""
    people: dict[str, list[str]] = {}
    for person_id, title, org_id, person in con.execute(
            "SELECT r.person_id, r.title, r.org_id, p.name FROM roles r "
            "LEFT JOIN entities p ON p.id = r.person_id ORDER BY r.id"):
        people.setdefault(person_id, []).append(title)
        if org_id and person is not None:
            people.setdefault(org_id, []).append(f"{person} {title}")
    con.execute(
        "CREATE TEMP TABLE search_stage (unreviewed, kind_rank, fold, entity_id, kind, name, "
        "aliases, people, description, park, lead, contacts, key, reviewed)")
    con.executemany("INSERT INTO temp.search_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)", _search_rows(con, people))
    con.execute(
        "INSERT INTO search (entity_id, kind, name, aliases, people, description, park, lead, "
        "contacts, key, reviewed) SELECT entity_id, kind, name, aliases, people, description, "
        "park, lead, contacts, key, reviewed FROM temp.search_stage "
        "ORDER BY unreviewed, kind_rank, fold, entity_id")
    con.execute("DROP TABLE temp.search_stage")

def _search_rows(con: sqlite3.Connection, people: dict[str, list[str]]) -> Iterator[tuple]:
    """One row per entity, its aliases and addresses merged in from cursors in id order."""
    reader = con.cursor()  # the reading cursors run while the rows are inserted elsewhere
    entities = reader.execute(
        "SELECT e.id, e.kind, e.name, e.description, e.reviewed, pp.name FROM entities e "
        "LEFT JOIN entities par ON par.id = e.parent_id "
        "LEFT JOIN entities pp ON pp.id = par.park_id ORDER BY e.id")
    aliases = _grouped(con.cursor().execute(
        "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"))
    addresses = _grouped(con.cursor().execute(
        "SELECT owner_id, raw FROM contacts WHERE kind = 'address' ORDER BY owner_id, id"))
    for eid, kind, name, description, reviewed, park in entities:
        alias_list = aliases(eid)
        unreviewed, kind_rank, fold, _ = rank_key(kind, name, eid, bool(reviewed))
        yield (int(unreviewed), kind_rank, fold, eid, kind, name, " | ".join(alias_list),
               " | ".join(people.get(eid, [])), description or "", park or "", lead_word(name),
               " | ".join(addresses(eid)), name_key(name), int(reviewed))


def _grouped(cursor: sqlite3.Cursor) -> Callable[[str], list[str]]:
    """For rows (key, value) in key order: a function giving the values of each key, asked
    for in increasing key order."""
    rows = iter(cursor)
    head: list = [next(rows, None)]

    def values(key: str) -> list[str]:
        out = []
        while head[0] is not None and head[0][0] < key:
            head[0] = next(rows, None)
        while head[0] is not None and head[0][0] == key:
            out.append(head[0][1])
            head[0] = next(rows, None)
        return out

    return values


def _stripped(column: str, separators: str) -> str:
    """SQL for `column` without the characters of `separators` ('' for NULL)."""
    sql = f"coalesce({column}, '')"
    for c in separators:
        sql = f"replace({sql}, '{c}', '')"
    return sql


# The national form's subscriber part, as phones.subscriber_digits takes it.
_SUBSCRIBER = _stripped(
    "CASE WHEN substr(c.national, 1, 1) = '0' AND instr(c.national, ' ') > 0 "
    "THEN substr(c.national, instr(c.national, ' ') + 1) ELSE c.national END", " ")


def write_phones(con: sqlite3.Connection) -> None:
    """search_phones and phone_keys (see search_index._phone_rows and _keys), in SQL.

    Per phone, in its owner's rank order: the digits of its national form, E.164 form and the
    text as written (a, b, r) and of its subscriber number (sub). search_phones.digits is the
    distinct ones of a, b, r in that order; the keys are those, each of them starting with 86
    without the 86, and every tail of three or more digits of sub (of the first form when sub
    is empty)."""
    con.create_function("parkdesk_digits", 1, digits_of, deterministic=True)
    con.create_function("parkdesk_subscriber", 1, subscriber_digits, deterministic=True)
    con.execute("CREATE TEMP TABLE phone_forms (id INTEGER PRIMARY KEY, search_rowid, "
                "contact_id, a, b, r, sub)")
    con.execute(
        "INSERT INTO temp.phone_forms (search_rowid, contact_id, a, b, r, sub) "
        f"SELECT s.rowid, c.id, {_stripped('c.national', ' ')}, {_stripped('c.e164', '+')}, "
        f"{_stripped('c.raw', _WRITTEN)}, {_SUBSCRIBER} FROM search s "
        "CROSS JOIN contacts c ON c.owner_id = s.entity_id WHERE c.kind = 'phone' "
        "ORDER BY s.rowid, c.id")
    # Anything else than ASCII digits left (letters, other separators, other scripts' digits):
    # the Python functions decide, as they do for a normal build.
    odd = " OR ".join(f"trim({x}, '0123456789') != ''" for x in ("a", "b", "r", "sub"))
    con.execute(
        "UPDATE temp.phone_forms AS f SET a = parkdesk_digits(c.national), "
        "b = parkdesk_digits(c.e164), r = parkdesk_digits(c.raw), "
        f"sub = parkdesk_subscriber(c.national) FROM contacts c WHERE c.id = f.contact_id "
        f"AND ({odd})")
    con.execute(
        "INSERT INTO search_phones (id, search_rowid, contact_id, digits) "
        "SELECT id, search_rowid, contact_id, trim(replace(replace(a || ' ' || "
        "(CASE WHEN b != a THEN b ELSE '' END) || ' ' || "
        "(CASE WHEN r NOT IN (a, b) THEN r ELSE '' END), '  ', ' '), '  ', ' ')) "
        "FROM temp.phone_forms ORDER BY id")
    con.execute(
        "INSERT OR IGNORE INTO phone_keys (key, id) "
        "WITH form (id, key) AS (SELECT id, a FROM temp.phone_forms "
        "  UNION ALL SELECT id, b FROM temp.phone_forms "
        "  UNION ALL SELECT id, r FROM temp.phone_forms), "
        "tail (id, digits) AS (SELECT id, CASE WHEN sub != '' THEN sub WHEN a != '' THEN a "
        "  WHEN b != '' THEN b ELSE r END FROM temp.phone_forms), "
        "start (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM start "
        "  WHERE i < (SELECT max(length(digits)) FROM tail)), "
        "keyed (key, id) AS (SELECT key, id FROM form WHERE key != '' "
        "  UNION ALL SELECT substr(key, 3), id FROM form WHERE key GLOB '86*' "
        f"  UNION ALL SELECT substr(digits, i), id FROM tail JOIN start "
        f"  ON i <= length(digits) - {MIN_DIGITS - 1}) "
        "SELECT key, id FROM keyed ORDER BY key, id")
    con.execute("DROP TABLE temp.phone_forms")
