"""Chinese names: a park's Chinese alias is found by its Han characters and by its pinyin (full,
spaced, tone marks or numbers, initials); the curation's curator-supplied names are aliases
without a citation."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.search.pinyin import alias_search_text, pinyin_forms
from parkdesk.paths import CURATION_FILE, DEFAULT_DB
from tests.sample_data import sample_bundle


@pytest.fixture
def chinese_db(tmp_path: Path) -> Directory:
    """The sample directory with 顺德园 as Shunde Park's alias."""
    bundle = sample_bundle()
    bundle.entities = [dataclasses.replace(e, aliases=(*e.aliases, "佛山高新区顺德园"))
                       if e.id == "park-shunde" else e for e in bundle.entities]
    path = tmp_path / "zh.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01T00:00:00", "article_count": "2"})
    d = Directory.open(path)
    yield d
    d.close()


@pytest.mark.parametrize("typed", ["顺德", "顺德园", "佛山高新区顺德园", "德园", "shunde",
                                   "ShunDe", "shun de", "shùndé", "shun4de2", "sd", "sdy",
                                   "shundeyuan", "foshangaoxinqu"])
def test_a_chinese_alias_is_found_by_han_characters_and_pinyin(chinese_db: Directory,
                                                              typed: str) -> None:
    assert [h.entity_id for h in chinese_db.search(typed)][:1] == ["park-shunde"], typed


def test_han_characters_of_no_alias_still_get_the_hint(chinese_db: Directory) -> None:
    result = chinese_db.search_result("南海")
    assert result.hits == [] and "pinyin" in result.note


def test_pinyin_forms_of_a_name() -> None:
    forms = pinyin_forms("顺德园")
    assert {"shundeyuan", "shun de yuan", "sdy", "shun4de2yuan2", "shùndéyuán", "德园", "deyuan",
            "dy"} <= set(forms)
    assert pinyin_forms("Shunde Park") == []
    assert alias_search_text(["FHIDZ", "FHIDZ"]) == "FHIDZ"


def test_the_bundled_directory_has_the_official_chinese_names_uncited() -> None:
    """Curator-supplied names: in the curation file, marked as such, in no article; the bundled
    directory finds Shunde Park by 顺德 and by shunde, and the zone by 佛山高新区."""
    curation = tomllib.loads(CURATION_FILE.read_text(encoding="utf-8"))
    supplied = {e["id"]: e.get("curator_aliases", []) for e in curation["entity"]}
    assert {"佛山国家高新技术产业开发区", "佛山高新区"} <= set(supplied["zone"])
    for park, name in (("park-chancheng", "禅城园"), ("park-nanhai", "南海园"),
                       ("park-shunde", "顺德园"), ("park-gaoming", "高明园"),
                       ("park-sanshui", "三水园")):
        assert name in supplied[park]
    assert any("管委会" in a for a in supplied["committee"])
    d = Directory.open(DEFAULT_DB)
    try:
        assert "顺德园" in d.entity("park-shunde").aliases
        assert [h.entity_id for h in d.search("顺德")][:1] == ["park-shunde"]
        assert [h.entity_id for h in d.search("shunde")][:1] == ["park-shunde"]
        assert [h.entity_id for h in d.search("sd")][:1] == ["park-shunde"]
        assert [h.entity_id for h in d.search("佛山高新区")][:1] == ["zone"]
        assert [h.entity_id for h in d.search("guanweihui")][:1] == ["committee"]
        # No citation rests on a curator-supplied name: none of them is in an article.
        quoted = " ".join(s.citation.quote for s in d.sources("entity", "park-shunde"))
        assert "顺德" not in quoted
    finally:
        d.close()
