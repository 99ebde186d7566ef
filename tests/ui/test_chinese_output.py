"""Chinese on paper and on screen: a zh_CN fact sheet's PDF holds its Chinese headings and the
directory's Chinese names as text (read back with pypdf), in a font with CJK glyphs."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFontInfo, QFontMetrics

from parkdesk.core.db.directory import Directory
from parkdesk.core.factsheet.content import build_factsheet, find_sheets
from parkdesk.paths import DEFAULT_DB
from parkdesk.ui import language
from parkdesk.ui.printing import write_pdf
from parkdesk.ui.printing_pages import sheet_font


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    assert language.install(language.CHINESE)
    yield
    language.install(language.ENGLISH)


def _text(pdf: Path) -> str:
    """The PDF's text as a reader's search sees it: NFKC (Qt's PDF writer maps glyphs that the
    CJK font shares, such as 山 and the radical ⼭, to the radical's code point), no spaces."""
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_a_chinese_fact_sheet_reads_back_in_chinese(chinese, tmp_path: Path) -> None:
    d = Directory.open(DEFAULT_DB)
    try:
        zone, shunde = find_sheets(d, "zone")[0], find_sheets(d, "shunde")[0]
        out = tmp_path / "zh.pdf"
        write_pdf([build_factsheet(d, zone), build_factsheet(d, shunde)], out)
    finally:
        d.close()
    text = _text(out)
    for heading in ("联系方式", "主要数据", "园区", "来源", "一区五园"):
        assert heading in text, heading
    # The data's English names stay, with the Chinese names beside them.
    assert "ShundePark" in text and "佛山高新区顺德园" in text
    assert "佛山国家高新技术产业开发区" in text
    # The footer, painted by the UI: 第 1 页，共 1 页 (页 itself comes back as the radical ⻚,
    # which NFKC leaves alone).
    assert "第1" in text and "共1" in text
    assert "\ufffd" not in text and "Keyfigures" not in text


def test_the_sheet_font_has_chinese_glyphs(qapp) -> None:
    """No tofu: every character of the Chinese headings has a glyph in the sheet's fonts."""
    font = sheet_font()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) or _fallback_has(c) for c in "联系方式顺德园佛山高新区")
    assert QFontInfo(font).family()


def _fallback_has(char: str) -> bool:
    from PySide6.QtGui import QFont, QFontDatabase

    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"):
        if family in QFontDatabase.families() and QFontMetrics(QFont(family)).inFontUcs4(ord(char)):
            return True
    return False
