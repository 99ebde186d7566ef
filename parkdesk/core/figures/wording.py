"""How a figure reads: its qualifier split into an approximation ("over") and a projection
("expected"), its value with both, and its period resolved ("2022 (“last year”)").

Works on plain values, so `records.Figure` can use it without an import cycle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parkdesk.core.dates import display_date
from parkdesk.core.patterns import lazy

# Words that make a figure a projection rather than a count of what happened.
PROJECTIONS = ("expected", "estimated", "planned", "projected", "target")
# Words that say a figure is not exact; longest first so "more than" wins over "more".
APPROXIMATIONS = (
    "approximately", "more than", "less than", "fewer than", "at least", "at most", "up to",
    "nearly", "almost", "around", "about", "over", "under",
)
QUALIFIERS = APPROXIMATIONS + PROJECTIONS

# Words that place a period relative to the article's date, as the articles write them.
_RELATIVE = lazy(
    r"\b(?:(?:by |at |before |until )?the end of (?:this|last|next|the) year"
    r"|(?:the )?(?:first|second|third|fourth) quarter of (?:this|last) year"
    r"|(?:the )?(?:first|second) half of (?:this|last) year"
    r"|(?:last|this|next|the previous|the past) (?:year|month)"
    r"|end of (?:this|last|next) year|as of now|so far|within the year)\b",
    re.I,
)
_RELATIVE_YEAR = lazy(r"\b(?:this|last|next|the previous|the) year\b", re.I)
_HAS_YEAR = lazy(r"\b(?:19|20)\d{2}\b")
_ISO_DAY = lazy(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Qualifier:
    """A qualifier in its two parts: how exact (`approx`) and whether it is a projection."""

    approx: str | None = None
    projection: str | None = None


_PROJECTION = lazy(r"\b(" + "|".join(PROJECTIONS) + r")\b")


@lru_cache(maxsize=256)
def split_qualifier(text: str | None) -> Qualifier:
    """"expected over" -> Qualifier("over", "expected"); unknown words are kept as `approx`."""
    words = " ".join((text or "").replace(",", " ").split()).casefold()
    m = _PROJECTION.search(words)
    projection = m[1] if m else None
    rest = _PROJECTION.sub(" ", words, count=1) if projection else words
    approx = " ".join(rest.split()) or None
    if approx in ("to exceed", "exceed", "exceeding"):
        approx = "over"
    return Qualifier(approx, projection)


def is_projection(qualifier: str | None) -> bool:
    """Whether the figure is expected, estimated, planned or a target, not a reported fact."""
    return split_qualifier(qualifier).projection is not None


def amount_text(value_text: str, unit: str | None, qualifier: str | None) -> str:
    """Approximation, value and unit: "over 5,400 enterprises", "12%"."""
    q = split_qualifier(qualifier)
    text = " ".join(p for p in (q.approx, value_text, unit) if p)
    return text.replace(" %", "%")


@lru_cache(maxsize=4096)
def value_display(value_text: str, unit: str | None, qualifier: str | None,
                  refers_to: str | None = None) -> str:
    """The whole value as shown: "over 5,400 enterprises (expected)"; a date written relative
    to its article reads resolved, the article's words after it ("2022 (“last year”)")."""
    q = split_qualifier(qualifier)
    resolved = resolve_words(value_text, refers_to) if not unit else None
    if resolved and resolved != value_text:
        text = " ".join(p for p in (q.approx, resolved) if p) + f" (“{value_text}”)"
    else:
        text = amount_text(value_text, unit, qualifier)
    if not q.projection:
        return text
    return f"{text}, {q.projection}" if text.endswith(")") else f"{text} ({q.projection})"


def resolve_words(words: str, refers_to: str | None) -> str | None:
    """Date words made absolute with the period they refer to: "this year" + 2021 -> "2021",
    "end of this year" + 2023 -> "end of 2023", "August 8" + 2021-08-08 -> "8 Aug 2021",
    "before October" + 2021 -> "before October 2021"; None when there is nothing to resolve."""
    if not refers_to or _HAS_YEAR.search(words):
        return None
    year = refers_to[:4] if refers_to[:4].isdigit() else None
    if _ISO_DAY.match(refers_to) and re.search(r"\d", words):
        return display_date(refers_to)
    if year and _RELATIVE_YEAR.search(words):
        return _RELATIVE_YEAR.sub(year, words)
    if year and re.search(r"\b(January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)\b", words):
        return f"{words} {year}"
    return None


def words_as_written(quotes: Iterable[str]) -> str | None:
    """The relative period words the cited text uses ("last year"), if any."""
    for quote in quotes:
        m = _RELATIVE.search(quote)
        if m:
            return m[0]
    return None


def period_display(refers_to: str | None, quotes: Iterable[str] = ()) -> str:
    """The period a figure is about, resolved: "2022", "end of 2023", "2020 (“last year”)";
    "" when the articles give none."""
    if not refers_to:
        return ""
    text = display_date(refers_to)
    written = words_as_written(quotes)
    if written and not _HAS_YEAR.search(written):
        text += f" (“{written}”)"
    return text
