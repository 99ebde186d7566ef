"""The search queries a benchmark types, by kind, chosen from the database itself."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

QUERY_KINDS = ("one letter", "common word", "rare word", "two words", "no match")
ONE_LETTER = ("r", "s", "f", "g", "c", "z")
COMMON = ("foshan", "technology", "machinery", "guangdong")
TWO_WORDS = ("nanhai robot", "foshan tech", "shunde park")
NO_MATCH = ("xyzzy", "qqqq zzzz", "jxkv", "vvqj wwkx")


def rare_words(con: sqlite3.Connection, count: int = 3) -> list[str]:
    """Words of at least six letters found in one to three names, longest first."""
    seen: Counter[str] = Counter()
    for (name,) in con.execute("SELECT name FROM search"):
        seen.update({w.lower() for w in re.findall(r"[^\W\d_]{6,}", name)})
    rare = sorted((w for w, n in seen.items() if n <= 3), key=lambda w: (-len(w), w))
    return rare[:count]


def query_set(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kind, text) pairs: each text is typed a key at a time into an empty field."""
    queries = [("one letter", q) for q in ONE_LETTER]
    queries += [("common word", q) for q in COMMON]
    queries += [("rare word", q) for q in rare_words(con)]
    queries += [("two words", q) for q in TWO_WORDS]
    queries += [("no match", q) for q in NO_MATCH]
    return queries
