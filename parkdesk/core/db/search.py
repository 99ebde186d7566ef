"""The SQL of search: a plan from parkdesk.core.search answered from the search tables.

Nothing is scored. Search rows are stored in rank order (reviewed first, then by kind and
name), so an unranked FTS5 query walks its matches best-first and stops at the limit. Words
run in tiers, each adding matches the earlier ones did not have, until the limit is reached:

0. the exact name typed;
1. names that start with the first word typed (and have the other words in name or aliases);
2. names or aliases with every word;
3. every word anywhere (people, description, addresses);
4. only when nothing has every word (and no number matched): any of the words.

Digits typed (3 or more, in any written form) are looked up first, as a substring of each
phone's national and E.164 digits (a trigram index). A word that starts no word of the
directory is corrected from the names' own words (edit distance 1-2). Words of more than six
letters, beyond the prefix indexes, become the whole words they start (from `search_words`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

from parkdesk.core.db.connect import in_chunks
from parkdesk.core.db.overlay import delta_search_rows, fts_source, overlaid
from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from parkdesk.core.records import PARK, PLACE, ZONE, Contact
from parkdesk.core.search.hits import (
    ADDRESS,
    FOLDER,
    PHONE,
    SearchHit,
    SearchResult,
    rank_key,
)
from parkdesk.core.search.intent import Intent, split_intent
from parkdesk.core.search.text import (
    PREFIX_INDEXED,
    digit_runs,
    fold,
    fts_query,
    has_all,
    has_cjk,
    hyphenated,
    lead_word,
    query_terms,
    quoted,
)
from parkdesk.core.search.typos import best_correction, deletes, max_distance

__all__ = ["SearchHit", "SearchResult", "fts_query", "lead_word", "query_terms", "rank_key",
           "search", "search_result"]

# Above this many names starting with the first word, tier 1 lets SQLite intersect the sets.
LEAD_CHECK_LIMIT = 500
# A run of digits that starts more keys than this is looked up in the trigram index instead.
DENSE_DIGITS = 300
# A long prefix is looked up as the whole words it starts when it starts at most this many.
MAX_EXPANSIONS = 16
CJK_NOTE = QT_TRANSLATE_NOOP(
    "Search", "No matches. The directory is in English: try the pinyin or English name "
    "(Nanhai for 南海, Shunde for 顺德).")

Contacts = Callable[[str, bool], list[Contact]]


class _Terms:
    """A query's terms as FTS5 expressions, long prefixes expanded into whole words."""

    def __init__(self, con: sqlite3.Connection, terms: list[str]) -> None:
        self.terms = terms
        self.expanded = {t: _expansions(con, t) for t in terms if len(t) > PREFIX_INDEXED}

    def term(self, t: str, initial: bool = False) -> str:
        words = self.expanded.get(t)
        caret = "^" if initial else ""
        if not words:
            return caret + quoted(t) + "*"
        return "(" + " OR ".join(caret + quoted(w) for w in words) + ")"

    def every(self, terms: list[str] | None = None) -> str:
        return " AND ".join(self.term(t) for t in (self.terms if terms is None else terms))

    def some(self) -> str:
        return " OR ".join(self.term(t) for t in self.terms)

    def in_names(self) -> str:
        """For names_fts: every term in the name or an alias."""
        return self.every()


def _expansions(con: sqlite3.Connection, term: str) -> list[str] | None:
    """The words of the index that start with `term`, when few; None when there are many."""
    words = [w for (w,) in con.execute(
        "SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
        (term, term + "\U0010ffff", MAX_EXPANSIONS + 1),
    )]
    return words if len(words) <= MAX_EXPANSIONS else None


def _known(con: sqlite3.Connection, term: str) -> bool:
    """Whether any word of the index starts with `term`."""
    row = con.execute(
        "SELECT 1 FROM search_words WHERE word >= ? AND word < ? LIMIT 1",
        (term, term + "\U0010ffff"),
    ).fetchone()
    return row is not None


def _correction(con: sqlite3.Connection, term: str) -> str | None:
    """The directory's word closest to a term that starts none (edit distance 1-2)."""
    if max_distance(term) == 0 or term.isdigit():
        return None
    variants = sorted(deletes(term, max_distance(term)))
    marks = ",".join("?" * len(variants))
    candidates = con.execute(
        f"SELECT DISTINCT t.word, w.n FROM search_typos t JOIN search_words w ON w.word = t.word "
        f"WHERE t.variant IN ({marks})",
        variants,
    ).fetchall()
    return best_correction(term, candidates)


def _fts(con: sqlite3.Connection, table: str, match: str, limit: int) -> list[int]:
    # With the user's changes: the file's index minus the rows they replaced, plus theirs.
    return [r for (r,) in con.execute(fts_source(con, table), (match, limit))]


def _exact(con: sqlite3.Connection, terms: list[str], limit: int) -> list[int]:
    """Tier 0: records whose whole name is the words typed (in any order)."""
    rows = con.execute("SELECT rowid FROM search WHERE key = ? ORDER BY rowid LIMIT ?",
                       (" ".join(sorted(terms)), limit))
    return [r for (r,) in rows]


def _leading(con: sqlite3.Connection, q: _Terms, limit: int) -> list[int]:
    """Tier 1: names whose first word starts with the first term, best first."""
    terms = q.terms
    lead = q.term(terms[0])
    if len(terms) == 1:
        return _fts(con, "lead_fts", lead, limit)
    rest = terms[1:]
    candidates = _fts(con, "lead_fts", lead, LEAD_CHECK_LIMIT + 1)
    if len(candidates) <= LEAD_CHECK_LIMIT:
        marks = ",".join("?" * len(candidates))
        rows = con.execute(
            f"SELECT rowid, name, aliases FROM search WHERE rowid IN ({marks}) ORDER BY rowid",
            candidates,
        )
        return [r for r, name, aliases in rows if has_all(rest, f"{name} {aliases or ''}")][:limit]
    # Many names start with it ("foshan ..."): the initial-token query finds them fast.
    return _fts(con, "names_fts", f"{{name}} : {q.term(terms[0], initial=True)} AND {q.in_names()}", limit)


def ranked_rowids(con: sqlite3.Connection, terms: list[str], limit: int,
                  q: _Terms | None = None) -> list[int]:
    """Search rows matching every term, tier by tier (see the module docstring)."""
    q = q or _Terms(con, terms)
    found: list[int] = []
    seen: set[int] = set()

    def add(rowids: list[int]) -> None:
        for r in rowids:
            if r not in seen and len(found) < limit:
                seen.add(r)
                found.append(r)

    add(_exact(con, terms, limit))
    add(_leading(con, q, limit))
    for table, match in (("names_fts", q.in_names()), ("search_fts", q.every())):
        if len(found) >= limit:
            break
        # Each tier holds the earlier ones: asking for as many more rows is always enough.
        add(_fts(con, table, match, limit + len(found)))
    return found


def _phone_rows(con: sqlite3.Connection, runs: list[str], limit: int) -> list[tuple[int, str]]:
    """(search rowid, contact id) of phones whose digits hold every run, in rank order.

    A run that starts few keys (a number's start, or the tail of its subscriber number) is
    one index range, sorted here; a common one ("0757") streams from the trigram index,
    which finds its first matches at once.
    """
    run = max(runs, key=len)
    ids = [i for (i,) in con.execute(
        "SELECT id FROM phone_keys WHERE key >= ? AND key < ? LIMIT ?",
        (run, run + ":", DENSE_DIGITS + 1),
    )]
    if len(ids) <= DENSE_DIGITS:
        found: list[tuple[int, str]] = []
        ordered = sorted(set(ids))
        for start in range(0, len(ordered), 200):
            chunk = ordered[start : start + 200]
            rows = con.execute(
                "SELECT search_rowid, contact_id, digits FROM search_phones WHERE id IN "
                f"({','.join('?' * len(chunk))}) ORDER BY id", chunk)
            found += [(r, c) for r, c, digits in rows if all(x in digits for x in runs)]
            if len(found) >= limit:
                break
        # None: the run is in no number, or spans its area code and subscriber number
        # ("57 8631"), which is not looked for.
        return found[:limit]
    match = " AND ".join(quoted(r) for r in runs)
    rows = con.execute(
        "SELECT p.search_rowid, p.contact_id FROM phone_fts f JOIN search_phones p "
        "ON p.id = f.rowid WHERE phone_fts MATCH ? ORDER BY f.rowid LIMIT ?",
        (match, limit),
    )
    return rows.fetchall()


_ROW_SQL = ("SELECT rowid, entity_id, kind, name, park, reviewed, aliases, contacts "
            "FROM search WHERE rowid IN ({})")


def _rows(con: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple]:
    rows: dict[int, tuple] = {}
    for chunk, marks in in_chunks(rowids):
        for r in con.execute(_ROW_SQL.format(marks), chunk):
            rows[r[0]] = r[1:]
    return rows


def _hit(row: tuple, terms: tuple[str, ...], **extra: str) -> SearchHit:
    entity_id, kind, name, park, reviewed, _aliases, _contacts = row
    return SearchHit(entity_id, kind, name, park or "", terms, reviewed=bool(reviewed), **extra)


def _address_matched(row: tuple, terms: list[str]) -> str:
    """The address a record was found by, when its name and aliases do not have every word."""
    _eid, _kind, name, _park, _rev, aliases, contacts = row
    if not contacts:
        return ""
    named = fold(f"{name} {aliases or ''}")
    # Every term inside the name is (nearly always) the name matching: no need to split words.
    if all(t in named for t in terms) and has_all(terms, named):
        return ""
    for address in str(contacts).split(" | "):
        if any(has_all([t], address) for t in terms):
            return address
    return ""


def _word_hits(con: sqlite3.Connection, terms: list[str], limit: int,
               allow_some: bool) -> list[SearchHit]:
    q = _Terms(con, terms)
    rowids = ranked_rowids(con, terms, limit, q)
    if not rowids and len(terms) > 1 and allow_some:
        # No record has every word ("name:shunde"): list those that have some of them.
        rowids = _fts(con, "search_fts", q.some(), limit)
    rows = _rows(con, rowids)
    hits = []
    for r in rowids:
        address = _address_matched(rows[r], terms)
        extra = {"matched": address, "matched_kind": ADDRESS} if address else {}
        hits.append(_hit(rows[r], tuple(terms), **extra))
    # Findings and unreviewed records after every reviewed one, whatever tier found them.
    return [h for h in hits if h.reviewed] + [h for h in hits if not h.reviewed]


def _number_hits(con: sqlite3.Connection, runs: list[str], words: list[str], limit: int,
                 terms: tuple[str, ...]) -> list[SearchHit]:
    """The owners of the phones holding the digits typed, each with its matched number."""
    found = _phone_rows(con, runs, limit)
    if not found:
        return []
    rows = _rows(con, [r for r, _ in found])
    if len(rows) < len({r for r, _ in found}):
        found = _rewritten(con, found, rows)
        rows = _rows(con, [r for r, _ in found])
    numbers = dict(_numbers(con, [c for _, c in found if c]))
    hits = [
        _hit(rows[r], terms, matched=numbers.get(c, rows[r][2]), matched_kind=PHONE,
             contact_id=c)
        for r, c in found
    ]
    if words:
        named = [h for h in hits if has_all(words, h.name)]
        hits = named or hits
    return hits


def _rewritten(con: sqlite3.Connection, found: list[tuple[int, str]],
               rows: dict[int, tuple]) -> list[tuple[int, str]]:
    """The phones' rows with the user's changes: a record they changed has a search row of
    theirs (the phone index still names the file's); a hidden one, none (its phones go)."""
    result = []
    for r, c in found:
        if r in rows:
            result.append((r, c))
            continue
        owner = con.execute("SELECT owner_id FROM contacts WHERE id = ?", (c,)).fetchone()
        if owner is not None and overlaid(con, "search"):
            result += [(row, c) for row in delta_search_rows(con, [owner[0]])]
    return result


def _numbers(con: sqlite3.Connection, contact_ids: list[str]) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(contact_ids))
    return con.execute(
        f"SELECT id, coalesce(national, raw) FROM contacts WHERE id IN ({marks})", contact_ids
    ).fetchall()


def _corrected(con: sqlite3.Connection, terms: list[str]) -> list[str]:
    """The terms with each one that starts no word of the directory corrected, when possible."""
    result = []
    for t in terms:
        if t.isdigit() or _known(con, t):
            result.append(t)
        else:
            result.append(_correction(con, t) or t)
    return result


def _with_intent(hits: list[SearchHit], intent: Intent, contacts: Contacts | None,
                 limit: int) -> list[SearchHit]:
    """The first record's numbers (or the folder asked for) before the hits."""
    if not hits:
        return hits
    top = hits[0]
    extra: list[SearchHit] = []
    if intent.folder and top.kind in (ZONE, PARK, PLACE):
        extra = [replace(top, matched=intent.folder, matched_kind=FOLDER,
                         folder=f"{top.entity_id}/{intent.folder}")]
    elif intent.contact and contacts is not None:
        for c in contacts(top.entity_id, top.kind == ZONE):
            if c.kind == intent.contact:
                extra.append(replace(top, matched=c.display, matched_kind=intent.contact,
                                     contact_id=c.id))
    return (extra + hits)[:limit]


def search_result(con: sqlite3.Connection, text: str, limit: int = 50,
                  contacts: Contacts | None = None) -> SearchResult:
    """Entities matching `text` (any text at all), best first, with what the search did.

    `contacts(owner_id, include_children)` lists a record's contacts in their display order;
    it serves intent words ("gaoming park phone").
    """
    if limit <= 0:
        return SearchResult()
    for typed, joined in hyphenated(text):
        # "shun-de" is Shunde, not "shun" and a "de" that starts "Deputy".
        if _known(con, fold(joined)):
            text = text.replace(typed, joined, 1)
    terms = query_terms(text)
    if not terms:
        return SearchResult()
    runs = digit_runs(text)
    words = [t for t in terms if not t.isdigit()]
    hits = _number_hits(con, runs, words, limit, tuple(terms)) if runs else []
    name_terms, intent = split_intent(words if hits else terms)
    corrected = ""
    fixed = _corrected(con, name_terms)
    if fixed != name_terms:
        corrected = " ".join(fixed)
        name_terms = fixed
    more: list[SearchHit] = []
    if name_terms:
        more = _word_hits(con, name_terms, limit, allow_some=not hits)
        if not more and intent:
            # The intent words may be part of a name after all ("talent park people").
            name_terms, intent = terms, Intent()
            more = _word_hits(con, terms, limit, allow_some=not hits)
    if intent:
        more = _with_intent(more, intent, contacts, limit)
    seen = {(h.entity_id, h.contact_id) for h in hits}
    hits += [h for h in more if (h.entity_id, h.contact_id) not in seen]
    hits = hits[:limit]
    if not hits:
        return SearchResult(note=translate("Search", CJK_NOTE) if has_cjk(text) else "")
    return SearchResult(hits, corrected if hits and corrected else "")


def search(con: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Entities matching `text` (any text at all), best name matches first."""
    return search_result(con, text, limit).hits
