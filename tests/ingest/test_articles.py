"""Reading articles: title, date, outlet, the contact block, and each kind of noise."""

from pathlib import Path

import pytest

from parkdesk.ingest.articles import ArticleError, parse_article

ARTICLE = """Riverbank Park opens its doors
Test Herald 2023-05-06 10:00

Riverbank Park opened on Monday with twelve new companies.



Opening day at the river
The park covers 40 hectares and cost 300 million yuan.

photo_01.jpg

Workers at the new hall. Image provided by Riverbank Park
1 2 3 4
- -
Author | Someone
Editor丨Someone Else
Copyright © Test Herald
"""


def _parse(tmp_path: Path, text: str, name: str = "a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_article(path)


def test_title_date_outlet(tmp_path: Path) -> None:
    art = _parse(tmp_path, ARTICLE)
    assert art.title == "Riverbank Park opens its doors"
    assert art.published == "2023-05-06T10:00"
    assert not art.date_inferred
    assert art.outlet == "Test Herald"


def test_noise_is_stripped(tmp_path: Path) -> None:
    art = _parse(tmp_path, ARTICLE)
    kept = [p.text for p in art.paragraphs]
    assert kept == [
        "Riverbank Park opened on Monday with twelve new companies.",
        "The park covers 40 hectares and cost 300 million yuan.",
    ]
    kinds = {kind for _, kind, _ in art.noise}
    assert {"caption", "image file name", "pagination", "punctuation", "byline", "copyright"} <= kinds


def test_contact_block_is_data(tmp_path: Path) -> None:
    text = (
        "Contact Us\n\nOffice:0757-11112222(或0757-33334444)\n\nAddress:1 Test Road,Foshan 528000\n\n"
        "A report on the zone\n\nsend date:2024-01-02 08:00\n\nThe zone grew this year.\n"
    )
    art = _parse(tmp_path, text)
    contact = [p.text for p in art.paragraphs if p.contact]
    assert contact == [
        "Contact Us", "Office:0757-11112222(或0757-33334444)", "Address:1 Test Road,Foshan 528000"
    ]
    assert art.title == "A report on the zone"
    assert art.published == "2024-01-02T08:00"


def test_undated_article_infers_year(tmp_path: Path) -> None:
    art = _parse(tmp_path, "A title without date\nIn 2019 the park was planned. This year, 2020, it opened.\n")
    assert art.published == "2020"
    assert art.date_inferred
    assert any("inferred" in w for w in art.warnings)


def test_no_title_and_no_date_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="b.txt: has neither a title line nor a date"):
        _parse(tmp_path, "This article starts with a sentence. It never says when.\n", "b.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("Titel\nÜberschrift mit Umlauten".encode("latin-1"), "is not UTF-8 text"),
    ],
)
def test_unreadable_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as info:
        parse_article(path)
    assert "bad.txt" in str(info.value)
    assert "\n" not in str(info.value)
