"""Chinese on paper and on screen: a zh_CN fact sheet's PDF holds its Chinese headings and the
directory's Chinese names as text (read back with pypdf), in a font with CJK glyphs."""

from __future__ import annotations

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
    """The PDF's text as a reader's copy and search get it, without spaces and line breaks."""
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    # No CJK radicals: a font whose 山 is also the radical ⼭ copies as the radical.
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF], "radicals instead of characters"
    return "".join(text.split())


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
    assert "第1页，共" in text  # the footer, painted by the UI
    assert "现任（截至2024年2月29日）" in text  # who holds a post now, in the sheet's language
    assert "\ufffd" not in text and "Keyfigures" not in text


def test_the_sheet_font_has_chinese_glyphs(qapp) -> None:
    """No tofu: every character of the Chinese headings has a glyph in the sheet's fonts."""
    font = sheet_font()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) or _fallback_has(c) for c in "联系方式顺德园佛山高新区")
    assert QFontInfo(font).family()


def _fallback_has(char: str) -> bool:
    from PySide6.QtGui import QFont, QFontDatabase

    for family in ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        if family in QFontDatabase.families() and QFontMetrics(QFont(family)).inFontUcs4(ord(char)):
            return True
    return False
