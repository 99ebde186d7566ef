"""The QR code of a contact's vCard: what is drawn on screen decodes to the card, big enough to scan.

The drawn widget is grabbed to a PNG and read with zbarimg (zbar-tools), a decoder of its own,
as a phone would read the screen.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import segno
import vobject
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QTextBrowser

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.vcard_format import entity_card
from parkdesk.core.qr import make_qr
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.qr_widget import MIN_MODULE, MIN_SIDE, QrWidget, attach_qr
from parkdesk.ui.settings import Settings
from tests.core.test_export_support import CHINESE_NAME, write_rich_db


@pytest.fixture
def rich(tmp_path: Path):
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


def decode(widget: QrWidget, folder: Path) -> str:
    """The text zbarimg reads from the widget's QR image, as grabbed from the screen."""
    png = folder / "qr.png"
    assert widget.image.grab().save(str(png))
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True, check=True, timeout=60,
    )
    assert result.stdout.endswith(b"\n")
    return result.stdout[:-1].decode("utf-8")


def assert_draws(widget: QrWidget, text: str, folder: Path) -> None:
    image = widget.image.grab().toImage()
    assert decode(widget, folder) == text
    # The quiet zone is white all round.
    assert image.pixelColor(1, 1).lightness() > 200
    assert image.pixelColor(image.width() - 2, image.height() - 2).lightness() > 200


def test_widget_draws_the_card_big_enough(qtbot, rich: Directory, tmp_path: Path) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    assert widget.show_entity(rich, "li")
    card = entity_card(rich, "li")
    assert widget.vcard == card
    assert widget.module_pixels >= MIN_MODULE
    assert widget.image.pixmap().width() >= MIN_SIDE
    assert widget.caption.text() == "Scan to add Li Mingzhu to your phone's contacts"
    assert_draws(widget, card, tmp_path)
    # A 3.0 card (what phone scanners read best), every number and extension intact.
    parsed = vobject.readOne(decode(widget, tmp_path))
    assert parsed.version.value == "3.0"
    assert [t.value for t in parsed.contents["tel"]] == [
        "+86 138 0013 8000", "+86 757 2222 3333 ext. 808"
    ]


def test_chinese_card_is_flagged_utf8(qtbot, rich: Directory, tmp_path: Path) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    assert widget.show_entity(rich, "cn-co")
    assert CHINESE_NAME in widget.vcard
    assert_draws(widget, widget.vcard, tmp_path)  # the Chinese name decodes as written
    # Flagged with an ECI header (UTF-8), so readers need not guess the encoding: the
    # symbol differs from the same text without ECI.
    without_eci = segno.make(widget.vcard, error="m", micro=False)
    assert make_qr(widget.vcard).matrix != without_eci.matrix
    # Plain ASCII cards carry no ECI, for the oldest readers.
    ascii_card = entity_card(rich, "li")
    assert make_qr(ascii_card).matrix == segno.make(ascii_card, error="m", micro=False).matrix


def test_no_phone_no_code(qtbot, rich: Directory) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    assert widget.show_entity(rich, "li")
    assert not widget.show_entity(rich, "pan")
    assert widget.isHidden() and widget.vcard is None
    assert not widget.show_entity(None, "li")


def test_attached_code_sits_beside_the_text(qtbot, rich: Directory) -> None:
    pane = QTextBrowser()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.setPlainText("Some text\n" * 200)
    qr = attach_qr(pane)
    pane.show()
    qtbot.waitExposed(pane)
    qr.show_entity(rich, "committee")
    assert qr.isVisible()
    viewport = pane.viewport().geometry()
    assert qr.geometry().left() > viewport.right()  # never over the text
    scroll_bar = pane.verticalScrollBar()
    assert scroll_bar.isVisible()
    assert qr.geometry().right() < scroll_bar.mapTo(pane, QPoint(0, 0)).x()
    pane.resize(400, 600)  # too narrow for both: the text wins
    qtbot.waitUntil(lambda: not qr.isVisible())
    assert pane.viewport().width() > 350
    pane.resize(900, 600)
    qtbot.waitUntil(qr.isVisible)


def test_detail_pane_shows_the_contact_card(qtbot, rich: Directory, tmp_path: Path) -> None:
    window = MainWindow(rich, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.select_contact("c-committee-2")
    qr = window.detail.qr
    qtbot.waitUntil(qr.isVisible)
    assert qr.vcard == entity_card(rich, "committee")
    assert_draws(qr, qr.vcard, tmp_path)
    assert window.select_entity("park-shunde")
    # drawn once the page is on screen
    qtbot.waitUntil(lambda: qr.vcard == entity_card(rich, "park-shunde"))
    assert window.select_entity("pan")
    qtbot.waitUntil(lambda: not qr.isVisible())
