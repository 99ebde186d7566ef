"""Numbering the sources a page or a sheet cites: [1], [2]... in the order they are first cited.

One rule for the detail pane and the fact sheets. A sheet gives each article one number; the
pane gives each citation its own (its tooltips show each quote), listed under its article.
"""

from __future__ import annotations

from collections.abc import Iterable

from parkdesk.core.db.directory import Source


class SourceNumbers:
    """The numbers of the sources cited so far; `entries[n - 1]` is the first source of number n."""

    def __init__(self, per_article: bool = False) -> None:
        self.per_article = per_article
        self.entries: list[Source] = []
        self._numbers: dict[tuple[object, ...], int] = {}

    def _key(self, source: Source) -> tuple[object, ...]:
        c = source.citation
        if self.per_article:
            return (c.article_id,)
        return (c.article_id, c.paragraph, c.start, c.end, c.quote)

    def number(self, source: Source) -> int:
        """The number of a source, given the next one when it is cited for the first time."""
        key = self._key(source)
        if key not in self._numbers:
            self.entries.append(source)
            self._numbers[key] = len(self.entries)
        return self._numbers[key]

    def numbers(self, sources: Iterable[Source]) -> tuple[int, ...]:
        """The numbers of several sources, each once, in the order they are given."""
        return tuple(dict.fromkeys(self.number(s) for s in sources))
