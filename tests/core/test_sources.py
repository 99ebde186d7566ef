"""Source numbers: first cited, first numbered; per article on sheets, per citation in the pane."""

from __future__ import annotations

from parkdesk.core.db.directory import Source
from parkdesk.core.records import Article, Citation
from parkdesk.core.sources import SourceNumbers

A = Article("a", "a.txt", "A", None, False, None, None, "0" * 64, 3)
B = Article("b", "b.txt", "B", None, False, None, None, "1" * 64, 3)


def _source(article: Article, paragraph: int) -> Source:
    return Source(Citation(article.id, paragraph, 0, 1, "x"), article)


def test_per_citation_and_per_article() -> None:
    cited = [_source(B, 1), _source(A, 2), _source(B, 3), _source(B, 1)]
    pane, sheet = SourceNumbers(), SourceNumbers(per_article=True)
    assert [pane.number(s) for s in cited] == [1, 2, 3, 1]
    assert [sheet.number(s) for s in cited] == [1, 2, 1, 1]
    assert [s.article.id for s in sheet.entries] == ["b", "a"]
    assert SourceNumbers(per_article=True).numbers(cited) == (1, 2)
