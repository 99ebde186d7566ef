"""Search as you type: hits, keyboard selection in the tree, and no error for any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListView

from parkdesk.core.db.directory import Directory
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.search_results import highlight_ranges
from parkdesk.ui.settings import Settings


def _search(window: MainWindow, text: str) -> None:
    window.search.field.setText(text)
    window.search.run_search()


def test_search_field_has_focus_at_start_up(window: MainWindow) -> None:
    assert window.search.field.hasFocus()
    assert not window.search.isVisible()  # no results area until something is typed


def test_typing_searches_after_a_short_pause(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.search.field, "light")
    qtbot.waitUntil(lambda: window.search.status.text() == "1 match — ↑↓ to choose, Enter to show")
    assert [h.name for h in window.search.hits()] == ["Lighthouse Innovation Centre"]
    assert window.search.hits()[0].park == "Shunde Park"


def test_enter_selects_the_hit_in_the_tree(window: MainWindow, qtbot) -> None:
    _search(window, "andao")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    node = window.current_node()
    assert node.key == "andao"
    assert window.tree_view.isExpanded(window.tree_view.currentIndex().parent())
    assert window.tree_view.hasFocus()
    assert "Andao Test Devices Co., Ltd." in window.detail.toPlainText()


def test_arrow_keys_move_through_hits_and_the_tree_follows(window: MainWindow, qtbot) -> None:
    _search(window, "park")
    names = [h.name for h in window.search.hits()]
    assert len(names) >= 3
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    hit = window.search.hits()[1]
    assert window.current_node().key == hit.entity_id
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Up)
    assert window.current_node().key == hit.entity_id
    assert window.search.field.hasFocus()


def test_clicking_a_hit_selects_it(window: MainWindow, qtbot) -> None:
    _search(window, "pan")
    view = window.search.view
    rect = view.visualRect(window.search.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_node().key == "pan"


def test_aliases_find_their_entity(window: MainWindow) -> None:
    _search(window, "beacon")
    assert [h.entity_id for h in window.search.hits()] == ["lighthouse"]


def test_no_matches_says_so(window: MainWindow) -> None:
    _search(window, "zzzqqq")
    assert window.search.status.text() == "No matches"
    assert window.search.isVisible() and not window.search.view.isVisible()


def test_escape_clears_the_search(window: MainWindow, qtbot) -> None:
    _search(window, "shun")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert not window.search.isVisible()


def test_ctrl_f_returns_to_the_search_field(window: MainWindow, qtbot) -> None:
    _search(window, "shun")
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    assert window.search.field.selectedText() == "shun"


ODD_TEXTS = ['"', '""', "shunde AND", "AND", "OR NOT", "*", "name:", "name:shunde", "-", "a-b",
             "shun-de", "\x00", "sh\x00un", "(", ")", "^", "NEAR(a b)", "'", "\\", "%", "_",
             "x" * 10_000, "park " * 2_000]


def test_odd_texts_show_results_or_no_matches(window: MainWindow) -> None:
    for text in ODD_TEXTS:
        _search(window, text)
        status = window.search.status.text()
        assert status == "No matches" or "match" in status, (text[:20], status)
    _search(window, "shun-de")
    _search(window, "\"shunde\"")
    assert [h.entity_id for h in window.search.hits()] == ["park-shunde"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_never_raises(window: MainWindow, text: str) -> None:
    _search(window, text)
    if text.strip():
        assert window.search.status.text()
        window.search.activate_current()
    else:
        assert not window.search.isVisible()


def test_matching_word_starts_are_highlighted() -> None:
    assert highlight_ranges("Shunde Park", ("shun",)) == [(0, 4)]
    assert highlight_ranges("Lighthouse Innovation Centre", ("inn", "c")) == [(11, 14), (22, 23)]
    assert highlight_ranges("Andao", ("xyz",)) == []
    assert highlight_ranges("", ("a",)) == []


def test_hits_show_their_park_or_zone_wide(window: MainWindow) -> None:
    from parkdesk.ui.search_results import PLACE_ROLE

    _search(window, "management")
    model = window.search.model
    assert model.index(0).data(PLACE_ROLE) == "zone-wide"
    _search(window, "andao")
    assert model.index(0).data(PLACE_ROLE) == "Shunde Park"
    _search(window, "shunde")
    assert model.index(0).data(PLACE_ROLE) == ""  # a park is not "in" a park


def test_the_results_list_is_made_by_the_first_search(window: MainWindow, qtbot) -> None:
    assert window.findChildren(QListView) == []  # not needed for the first paint
    assert window.search.hits() == []
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)  # nothing typed: nothing made
    assert window.findChildren(QListView) == []
    qtbot.keyClicks(window.search.field, "light")
    qtbot.waitUntil(lambda: window.search.status.text().startswith("1 match"))
    assert window.findChildren(QListView) == [window.search.view]


def test_the_clear_button_comes_after_the_first_paint(qtbot, sample_db, tmp_path) -> None:
    window = MainWindow(Directory.open(sample_db), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert not window.search.field.isClearButtonEnabled()
    window.show()
    qtbot.waitUntil(window.search.field.isClearButtonEnabled)


def test_phone_fragment_enter_then_a_click_on_the_number_copies_it(window: MainWindow, qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    from parkdesk.ui.search_results import MATCHED_ROLE

    QGuiApplication.clipboard().clear()
    qtbot.keyClicks(window.search.field, "2636 39")
    qtbot.waitUntil(lambda: window.search.status.text().startswith("1 match"))
    hit = window.search.hits()[0]
    assert (hit.entity_id, hit.matched) == ("park-shunde", "0757 2636 3972")
    index = window.search.model.index(0)
    assert index.data(MATCHED_ROLE) == "☎ 0757 2636 3972"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_node().key == "c-shunde"  # the number, in Shunde Park's contacts
    view = window.search.view
    row = view.visualRect(index)
    number = view.itemDelegate().matched_rect(view, row, index)
    assert not number.isEmpty() and row.contains(number.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=number.center())
    assert QGuiApplication.clipboard().text() == "0757 2636 3972"
    assert "Copied" in window.statusBar().currentMessage()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row.topLeft() + QPoint(30, 5))
    assert QGuiApplication.clipboard().text() == ""  # the name: shows the hit, copies nothing
    assert window.current_node().key == "c-shunde"


def test_a_corrected_typo_is_said_in_the_status_line(window: MainWindow) -> None:
    _search(window, "shnde")
    assert window.search.status.text() == "Showing results for “shunde” · 1 match"
    assert [h.entity_id for h in window.search.hits()] == ["park-shunde"]


def test_intent_words_in_the_app(window: MainWindow, qtbot) -> None:
    _search(window, "shunde park phone")
    assert window.search.hits()[0].matched == "0757 2636 3972"
    _search(window, "shunde projects")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_node().key == "park-shunde/projects"


def test_chinese_text_says_the_directory_is_in_english(window: MainWindow) -> None:
    _search(window, "顺德")
    assert "directory is in English" in window.search.status.text()
