"""Typo tolerance: corrections within an edit distance of 1 or 2, from the directory's words.

Candidates come from a table of deletions (symmetric delete, as in SymSpell): the build
stores every word of the names and aliases with up to two letters removed; a typed term
with up to two letters removed meets its word there. `distance` then keeps the close ones.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_WORD = 4  # shorter words are not corrected: too many near neighbours
STORED_DELETES = 2


def max_distance(term: str) -> int:
    """How many edits a term of this length may be corrected by: 0, 1 (4-5 letters) or 2."""
    if len(term) < MIN_WORD:
        return 0
    return 1 if len(term) <= 5 else 2


def deletes(word: str, depth: int = STORED_DELETES) -> set[str]:
    """`word` and every string made by removing up to `depth` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit); above `limit`
    the answer is just limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def best_correction(term: str, candidates: Iterable[tuple[str, int]]) -> str | None:
    """The closest candidate (word, how many records have it) within `max_distance(term)`;
    ties go to the more common word, then to alphabetical order."""
    limit = max_distance(term)
    best: tuple[int, int, str] | None = None
    for word, count in candidates:
        if word == term:
            continue
        d = distance(term, word, limit)
        # A typed prefix of a long word ("lighthos") counts by the word's start as well.
        d = min(d, distance(term, word[: len(term)], limit) + (1 if len(word) > len(term) else 0))
        if d <= limit:
            key = (d, -count, word)
            if best is None or key < best:
                best = key
    return best[2] if best else None
