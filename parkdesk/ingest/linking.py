"""Proposing links from new findings to records the directory already has.

A name is compared with every record name and alias ending in the same head word, after the
translations the outlets vary between are made one ("Sci-tech" = "Science and Technology",
"Hi-tech" = "High-tech", an administrative committee = the Management Committee, V = W at the
start of a word). The score is the Dice overlap of the words (a word within one edit of
another counts as the same); links are proposed, never merged, until a reader reviews them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

THRESHOLD = 0.75
_REWRITES = (
    (re.compile(r"\bsci(?:ence)?[- ]?tech\b"), "science technology"),
    (re.compile(r"\bhi[- ]?tech\b"), "high-tech"),
    (re.compile(r"\b(?:administrative|administration) committee\b"), "management committee"),
    (re.compile(r"&"), " and "),
    (re.compile(r"\bcentre\b"), "center"),
    (re.compile(r"\bindustry park\b"), "industrial park"),
)
_DROP = {"and", "of", "the", "for", "co", "ltd"}


@dataclass(frozen=True)
class Link:
    """A proposed link: the record, how alike the names are (0-1), and why."""

    record_id: str
    score: float
    reason: str


def words(name: str) -> tuple[str, ...]:
    """A name's words after making the outlets' translations one."""
    text = name.lower()
    for rx, repl in _REWRITES:
        text = rx.sub(repl, text)
    out = []
    for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*|[\u3400-\u9fff]+", text):
        if w in _DROP:
            continue
        out.append("w" + w[1:] if w.startswith("v") else w)
    return tuple(out)


def _close(a: str, b: str) -> bool:
    """The same word, or one edit apart for words of five letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Dice overlap of two names' words, close words counted as the same."""
    if not a or not b:
        return 0.0
    unused = list(b)
    common = 0
    for w in a:
        for i, v in enumerate(unused):
            if _close(w, v):
                common += 1
                del unused[i]
                break
    return 2 * common / (len(a) + len(b))


class NameIndex:
    """Record names and aliases by head word, to propose the record a new name may be."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._by_head: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
        for record_id, name in names:
            w = words(name)
            if w:
                self._by_head.setdefault(w[-1], []).append((record_id, w, name))
        self._cache: dict[str, Link | None] = {}

    def propose(self, name: str) -> Link | None:
        """The closest record for `name` if it is alike enough, else None (cached per name)."""
        if name in self._cache:
            return self._cache[name]
        w = words(name)
        best: Link | None = None
        for record_id, other, written in self._by_head.get(w[-1] if w else "", ()):
            score = round(similarity(w, other), 3)
            if score >= THRESHOLD and (best is None or score > best.score):
                reason = "another translation of" if score == 1.0 else "a name like"
                best = Link(record_id, score, f"{reason} {written!r}")
        self._cache[name] = best
        return best
