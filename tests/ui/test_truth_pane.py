"""Issue 15's examples on screen, over the bundled directory: qualifiers and periods, who holds
a post now, real conflicts only, linked pages, park phones, "Beyond the zone", usable sizes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from parkdesk.core.db.directory import Directory
from parkdesk.core.tree import BEYOND_KEY
from parkdesk.ui.main_window import MIN_TREE_HEIGHT, MainWindow
from parkdesk.ui.search_panel import MIN_RESULT_ROWS
from parkdesk.ui.settings import Settings
from tests.ui.conftest import text_point

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "parks.db"


@pytest.fixture
def bundled_window(qtbot, tmp_path: Path) -> MainWindow:
    copy = tmp_path / "parks.db"
    shutil.copy(BUNDLED, copy)  # the bundled file is never opened for writing, even here
    w = MainWindow(Directory.open(copy), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.detail.page_pending)
    return w


def _page(window: MainWindow, qtbot, entity_id: str) -> str:
    assert window.select_entity(entity_id)
    qtbot.waitUntil(lambda: not window.detail.page_pending)
    return " ".join(window.detail.toPlainText().split())


def test_the_zone_page_keeps_qualifiers_and_resolves_periods(bundled_window, qtbot) -> None:
    text = _page(bundled_window, qtbot, "zone")
    assert "over 5,400 enterprises (expected)" in text
    assert "76.21% (also reported as over 70%)" in text
    assert "for 2020 (“last year”)" in text
    assert "different values" not in text
    # the most important figures first
    assert text.index("Total industrial output value") < text.index("Operating income") < \
        text.index("High-tech enterprises") < text.index("Auto-parts enterprises")


def test_a_figure_tooltip_names_its_qualifier_and_period(bundled_window, qtbot) -> None:
    _page(bundled_window, qtbot, "zone")
    tip = bundled_window.detail._tooltip_at(
        text_point(bundled_window.detail, "over 5,400 enterprises (expected)"))
    assert tip.startswith("over 5,400 enterprises (expected) — for end of 2023")
    assert "“expected to exceed 5,400”" in tip


def test_last_year_and_this_year_are_resolved_on_project_pages(bundled_window, qtbot) -> None:
    assert "2022 (“last year”)" in _page(bundled_window, qtbot, "lighthouse-innovation-center")
    text = _page(bundled_window, qtbot, "hannanwan")
    assert "2021 (“this year”), planned" in text
    assert "over 1.65 billion yuan (expected)" in text


def test_78_organizations_and_78_institutions_are_one_value(bundled_window, qtbot) -> None:
    text = _page(bundled_window, qtbot, "service-platform")
    assert "78 organizations (also reported as 78 institutions)" in text
    assert "different values" not in text


def test_who_directs_the_committee_now(bundled_window, qtbot) -> None:
    text = _page(bundled_window, qtbot, "committee")
    assert "Director of the Management Committee[6] · current (as of 29 Feb 2024)" in text
    assert "Director of the Administrative Committee[7] · as of 30 Apr 2021" in text
    pan = _page(bundled_window, qtbot, "pan-dongsheng")
    assert "as of 30 Apr 2021 Director of the Administrative Committee" in pan
    hu = _page(bundled_window, qtbot, "hu-xuejun")
    assert "current (as of 29 Feb 2024) Director of the Management Committee" in hu


def test_the_zone_page_lists_each_park_with_its_phone(bundled_window, qtbot) -> None:
    text = _page(bundled_window, qtbot, "zone")
    parks = text[text.index("Parks Park Phone"):]
    for name, phone in (("Chancheng Park", "0757 8221 0575"), ("Shunde Park", "0757 2636 3972")):
        assert f"{name} {phone}" in parks


def test_park_and_folder_pages_list_their_items_as_links(bundled_window, qtbot) -> None:
    _page(bundled_window, qtbot, "park-nanhai")
    html = bundled_window.detail.toHtml()
    assert 'href="entity:foshan-sci-tech-park"' in html
    assert 'href="entity:cnc-institute"' in html
    assert bundled_window.select_folder("zone/people")
    qtbot.waitUntil(lambda: not bundled_window.detail.page_pending)
    text = " ".join(bundled_window.detail.toPlainText().split())
    assert "Hu Xuejun Deputy Secretary of the Party Working Committee" in text
    assert 'href="entity:hu-xuejun"' in bundled_window.detail.toHtml()
    assert bundled_window.select_folder("zone/contacts")
    qtbot.waitUntil(lambda: not bundled_window.detail.page_pending)
    assert "0757 8668 2797" in bundled_window.detail.toPlainText()


def test_places_outside_the_zone_sit_in_beyond_the_zone(bundled_window) -> None:
    model = bundled_window.model
    roots = [model.index(r, 0).data() for r in range(model.rowCount(QModelIndex()))]
    assert roots == ["Foshan National High-tech Industrial Development Zone",
                     "Beyond the zone (2)"]
    beyond = model.index(1, 0)
    assert model.node(beyond).key == BEYOND_KEY
    model.fetchMore(beyond)
    assert sorted(model.index(r, 0, beyond).data() for r in range(model.rowCount(beyond))) == [
        "Pearl River Science and Technology Innovation Park", "Shenzhen Science & Industry Park"]
    assert bundled_window.select_entity("huawei")
    assert model.node(bundled_window.tree_view.currentIndex().parent().parent().parent()).key \
        == BEYOND_KEY


def test_a_narrow_short_window_keeps_usable_results_and_tree(bundled_window, qtbot) -> None:
    bundled_window.resize(420, 300)
    qtbot.keyClicks(bundled_window.search.field, "park")
    qtbot.waitUntil(lambda: bundled_window.search.view.isVisible())
    qtbot.waitUntil(lambda: bundled_window.search.view.height() >=
                    MIN_RESULT_ROWS * bundled_window.search.view.sizeHintForRow(0))
    assert bundled_window.tree_view.height() >= MIN_TREE_HEIGHT
    assert bundled_window.detail.width() >= 300


def test_long_names_elide_in_the_middle_with_the_full_name_in_the_tooltip(bundled_window) -> None:
    tree = bundled_window.tree_view
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert bundled_window.select_entity("defense-tech-center")
    tip = tree.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert "Foshan Industrial Application and Promotion Center for National Defense " \
        "Technology Outcomes" in tip


def test_the_pane_draws_figures_over_time_with_qtsvg(bundled_window, qtbot) -> None:
    import base64

    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    _page(bundled_window, qtbot, "zone")
    html = bundled_window.detail.toHtml()
    start = html.index("data:image/svg+xml;base64,")
    uri = html[start:html.index('"', start)]
    svg = base64.b64decode(uri.split(",", 1)[1])
    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
    assert b"419.183 [" in svg and b"472.657 expected [" in svg
