"""Reading articles the curation has never seen: recall on our own evaluation texts.

The texts in tests/ingest/reading/ are written for parkdesk in the outlets' styles (China
Daily, foshannews, the zone's site); expected.toml lists by hand what a reader finds in each.
They are imported beside the seed articles, as a new article would be into the directory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parkdesk.ingest.build import build_database
from parkdesk.paths import CURATION_FILE
from tests.conftest import SHARED_ARTICLES
from tests.ingest.reading.score import ARTICLES, EXPECTED, GROUPS, HERE, score

HELD_OUT = HERE / "heldout"  # written after the rules, scored once without tuning them
SOURCES = (SHARED_ARTICLES, ARTICLES, HELD_OUT)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reading")
    for source in SOURCES:
        for path in source.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    rows = [line for source in SOURCES
            for line in (source / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    (folder / "SOURCES.tsv").write_text("file\turl\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = folder / "parks.db"
    build_database(folder, out, CURATION_FILE)
    return out


@pytest.mark.parametrize(("articles", "expected"), [(ARTICLES, EXPECTED),
                                                   (HELD_OUT, HELD_OUT / "expected.toml")])
def test_at_least_80_percent_of_what_a_reader_finds(
    built: Path, articles: Path, expected: Path
) -> None:
    result = score(built, articles, expected)
    assert result.recall >= 0.8, "\n".join(result.lines() + result.missed)


def test_every_publication_date_read_and_no_caption_cited(built: Path) -> None:
    result = score(built)
    for group in ("dates of publication", "outlets", "captions not cited"):
        assert result.found[group] == result.total[group], (group, result.missed)


@pytest.mark.parametrize("group", [g for g in GROUPS if g not in ("links",)])
def test_each_kind_of_finding_is_mostly_found(built: Path, group: str) -> None:
    result = score(built)
    assert result.found[group] >= 0.8 * result.total[group], result.missed
