"""The search queries a benchmark types, by kind, chosen from the database itself."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

QUERY_KINDS = ("one letter", "common word", "long prefix", "rare word", "two words",
               "phone fragment", "typo", "no match")
ONE_LETTER = ("r", "s", "f", "g", "c", "z")
COMMON = ("foshan", "technology", "machinery", "guangdong")
# Seven letters and more: past the FTS5 prefix indexes (1-6), typed on to the whole word.
LONG_PREFIX = ("intellige", "equipment", "electrical", "automation")
TWO_WORDS = ("nanhai robot", "foshan tech", "shunde park", "foshan intelligent")
TYPOS = ("shnde park", "nanhia", "technolgy", "intelligant equipment")
NO_MATCH = ("xyzzy", "qqqq zzzz", "jxkv", "vvqj wwkx")


def rare_words(con: sqlite3.Connection, count: int = 3) -> list[str]:
    """Words of at least six letters found in one to three names, longest first."""
    seen: Counter[str] = Counter()
    for (name,) in con.execute("SELECT name FROM search"):
        seen.update({w.lower() for w in re.findall(r"[^\W\d_]{6,}", name)})
    rare = sorted((w for w, n in seen.items() if n <= 3), key=lambda w: (-len(w), w))
    return rare[:count]


def phone_fragments(con: sqlite3.Connection, count: int = 3) -> list[str]:
    """Runs of digits from stored numbers as people write them: from the middle, and the
    start of one with its area code."""
    rows = con.execute(
        "SELECT national FROM contacts WHERE kind = 'phone' AND national IS NOT NULL "
        "ORDER BY id LIMIT ?", (count * 7,)).fetchall()
    numbers = [re.sub(r"\D", "", n) for (n,) in rows][::7][:count]
    forms = ("{m} {n}", "{m}{n}", "0757-{s}")
    return [forms[i % 3].format(m=d[5:9], n=d[9:11], s=d[4:10]) for i, d in enumerate(numbers)]


def query_set(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kind, text) pairs: each text is typed a key at a time into an empty field."""
    queries = [("one letter", q) for q in ONE_LETTER]
    queries += [("common word", q) for q in COMMON]
    queries += [("long prefix", q) for q in LONG_PREFIX]
    queries += [("rare word", q) for q in rare_words(con)]
    queries += [("two words", q) for q in TWO_WORDS]
    queries += [("phone fragment", q) for q in phone_fragments(con)]
    queries += [("typo", q) for q in TYPOS]
    queries += [("no match", q) for q in NO_MATCH]
    return queries
