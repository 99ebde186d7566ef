"""Checking a database: its shape and every citation, each quoted span re-read from its article
when the articles are at hand, with the import's own parser. The `check` command prints what
`database_problems` finds; the build runs it on the new file before putting it in place."""

from __future__ import annotations

import hashlib
from pathlib import Path

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import all_citations, figure_values
from parkdesk.core.db.structure import structure_problems
from parkdesk.core.errors import ParkdeskError
from parkdesk.ingest.articles import ArticleError, parse_article, read_text
from parkdesk.ingest.curation import load_curation
from parkdesk.paths import CURATION_FILE


def database_problems(directory: Directory, articles_dir: Path | None = None,
                      curation: Path = CURATION_FILE) -> list[str]:
    """Everything `parkdesk check` rejects beyond SQLite's own check, one sentence each
    (`curation`: the file whose noise lines the articles were read with)."""
    return structure_problems(directory) + citation_problems(directory, articles_dir, curation)


def file_problems(path: Path, articles_dir: Path | None = None,
                  curation: Path = CURATION_FILE) -> list[str]:
    """`database_problems` of the file at `path`, SQLite's full check included."""
    directory = Directory.open(path)
    try:
        directory.verify()
        return database_problems(directory, articles_dir, curation)
    finally:
        directory.close()


def citation_problems(directory: Directory, articles_dir: Path | None = None,
                      curation: Path = CURATION_FILE) -> list[str]:
    """Every citation that does not hold: bad article, paragraph or span, or a figure value
    missing from its cited words. With the articles at hand, spans are checked against them."""
    articles = directory.articles()
    texts: dict[str, list[str]] = {}
    if articles_dir and articles_dir.is_dir():
        noise = _curated_noise(curation)
        for article in articles.values():
            path = articles_dir / article.file
            try:
                raw = read_text(path) if path.exists() else None
            except ArticleError:
                raw = None
            if raw is not None and hashlib.sha256(raw.encode()).hexdigest() == article.sha256:
                texts[article.id] = [p.text for p in parse_article(path, raw, noise.get(article.id, frozenset())).paragraphs]
    problems = []
    values = figure_values(directory)
    for cid, rtype, rid, cited in all_citations(directory):
        aid, para, start, end, quote = (
            cited.article_id, cited.paragraph, cited.start, cited.end, cited.quote
        )
        where = f"citation {cid} ({rtype} {rid})"
        art = articles.get(aid)
        if art is None:
            problems.append(f"{where}: unknown article {aid}")
        elif not 1 <= para <= art.paragraphs:
            problems.append(f"{where}: paragraph {para} not in {art.file}")
        elif not 0 <= start < end or end - start != len(quote):
            problems.append(f"{where}: span {start}-{end} does not fit the cited words")
        elif rtype == "figure" and values.get(rid, "") not in quote:
            problems.append(f"{where}: value {values.get(rid)!r} not in {quote!r}")
        elif aid in texts and texts[aid][para - 1][start:end] != quote:
            problems.append(f"{where}: {art.file} paragraph {para} does not say {quote!r} there")
    return problems


def _curated_noise(curation: Path) -> dict[str, frozenset[str]]:
    """Lines the curation file marks as noise, per article (the file only helps here)."""
    try:
        return load_curation(curation).noise
    except ParkdeskError:
        return {}
