"""Phone numbers: one click copies (real clipboard), the menu copies other forms or calls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.sample_data import EXTENSION_URI, extension_bundle
from tests.ui.conftest import text_point

LEFT = Qt.MouseButton.LeftButton


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def _menu_action(menu: QMenu, starts: str):
    found = [a for a in menu.actions() if a.text().startswith(starts)]
    assert found, f"no {starts!r} in {[a.text() for a in menu.actions()]}"
    return found[0]


def test_clicking_a_number_copies_its_national_form(window: MainWindow, qtbot) -> None:
    QGuiApplication.clipboard().clear()
    window.select_entity("park-shunde")
    qtbot.mouseClick(window.detail.viewport(), LEFT,
                     pos=text_point(window.detail, "0757 2636 3972"))
    assert clipboard() == "0757 2636 3972"
    assert window.statusBar().currentMessage() == (
        "Copied “0757 2636 3972” (Shunde Park, national form)"
    )


def test_shunde_phone_in_three_actions(window: MainWindow, qtbot) -> None:
    """The acceptance path: type "shun", press Enter, click the number."""
    QGuiApplication.clipboard().clear()
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "shun")  # 1
    qtbot.waitUntil(lambda: bool(window.search.hits()))
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)  # 2
    assert window.current_node().key == "park-shunde"
    qtbot.mouseClick(window.detail.viewport(), LEFT,  # 3
                     pos=text_point(window.detail, "0757 2636 3972"))
    assert clipboard() == "0757 2636 3972"


@pytest.mark.parametrize(
    ("item", "expected", "message"),
    [
        ("Copy international form", "+86 757 2636 3972", "international form"),
        ("Copy E.164 form", "+8675726363972", "E.164 form"),
        ("Copy 0757 2636 3972", "0757 2636 3972", "national form"),
    ],
)
def test_context_menu_copies_other_forms(window: MainWindow, item, expected, message) -> None:
    window.select_entity("park-shunde")
    menu = window.detail.build_context_menu(text_point(window.detail, "0757 2636 3972"))
    _menu_action(menu, item).trigger()
    assert clipboard() == expected
    assert window.statusBar().currentMessage() == f"Copied “{expected}” (Shunde Park, {message})"


def test_context_menu_copies_all_contacts_of_the_park(window: MainWindow) -> None:
    window.select_entity("zone")
    menu = window.detail.build_context_menu(text_point(window.detail, "0757 8668 3830"))
    _menu_action(menu, "Copy all contacts of Test High-tech Zone").trigger()
    assert clipboard() == (
        "Test High-tech Zone\n"
        "Management Committee: 0757 8668 3830 (+86 757 8668 3830)\n"
        "Management Committee: 0757 8668 2797 (+86 757 8668 2797)\n"
        "Address: 2 Test Road, Foshan 528222"
    )
    assert window.statusBar().currentMessage() == (
        "Copied 3 contacts of Test High-tech Zone as text"
    )


def test_copy_all_contacts_from_an_item_inside_a_park(window: MainWindow, qtbot) -> None:
    window.select_entity("lighthouse")
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert clipboard() == "Shunde Park\nShunde Park: 0757 2636 3972 (+86 757 2636 3972)"


class _Dialler(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def dial(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_call_opens_the_tel_uri(window: MainWindow) -> None:
    dialler = _Dialler()
    QDesktopServices.setUrlHandler("tel", dialler, "dial")
    try:
        window.select_entity("park-shunde")
        menu = window.detail.build_context_menu(text_point(window.detail, "0757 2636 3972"))
        _menu_action(menu, "Call").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert dialler.urls == ["tel:+86-757-2636-3972"]


def test_call_dials_the_extension_too(qtbot, tmp_path) -> None:
    """Call opens the number's full tel: URI, `;ext=` included (it once dialled E.164 only)."""
    db = tmp_path / "ext.db"
    write_bundle(extension_bundle(), db, {"built_at": "2026-01-01T00:00:00"})
    window = MainWindow(Directory.open(db), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.detail.page_pending)
    dialler = _Dialler()
    QDesktopServices.setUrlHandler("tel", dialler, "dial")
    try:
        window.select_entity("park-sanshui")
        menu = window.detail.build_context_menu(text_point(window.detail, "8777 8888"))
        _menu_action(menu, "Call").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert dialler.urls == [EXTENSION_URI]


def test_invalid_number_is_copied_as_written_and_cannot_be_called(window: MainWindow) -> None:
    window.select_entity("park-gaoming")
    assert "0757-123" in window.detail.toPlainText()
    menu = window.detail.build_context_menu(text_point(window.detail, "0757-123"))
    texts = [a.text() for a in menu.actions()]
    assert not any(t.startswith("Call") for t in texts)
    _menu_action(menu, "Copy “0757-123” as written").trigger()
    assert clipboard() == "0757-123"


def test_ctrl_c_on_a_selected_contact_copies_its_number(window: MainWindow, qtbot) -> None:
    QGuiApplication.clipboard().clear()
    assert window.select_contact("c-committee-2")
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard() == "0757 8668 2797"
    assert "Copied “0757 8668 2797”" in window.statusBar().currentMessage()


def test_ctrl_c_in_the_detail_pane_copies_the_selection(window: MainWindow, qtbot) -> None:
    window.select_entity("park-shunde")
    window.detail.setFocus()
    cursor = window.detail.document().find("Shunde District")
    window.detail.setTextCursor(cursor)
    qtbot.keyClick(window.detail, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard() == "Shunde District"
