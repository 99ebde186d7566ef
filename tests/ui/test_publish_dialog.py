"""File › Publish to Address Book…: the dialog, the remembered address, and a publish to a real
CardDAV server (Radicale on a free local port) in the background."""

from __future__ import annotations

from pathlib import Path

import vobject
from PySide6.QtWidgets import QDialogButtonBox

from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.publish_dialog import PublishDialog
from parkdesk.ui.settings import Settings
from tests.servers import radicale_book
from tests.ui.conftest import DIALOG_WAIT_S, _when_shown, answer_next_dialog

USER, PASSWORD = "alice", "s3cret words"


def _fill(url: str, password: str) -> None:
    def answer(dialog: PublishDialog) -> None:
        dialog.url.setText(url)
        dialog.user.setText(USER)
        dialog.password.setText(password)
        dialog.publish_button.click()

    _when_shown(PublishDialog, answer, DIALOG_WAIT_S)


def test_publishing_from_the_window_fills_the_book(qtbot, window: MainWindow, tmp_path: Path,
                                                   settings_path: Path) -> None:
    assert window.window_actions.publish in window.menuBar().actions()[0].menu().actions()
    with radicale_book(tmp_path, USER, PASSWORD) as (url, folder):
        _fill(url, PASSWORD)
        window.window_actions.publish.trigger()
        qtbot.waitUntil(lambda: "Published to" in window.statusBar().currentMessage(),
                        timeout=30_000)
        assert "3 added, 0 updated, 0 deleted" in window.statusBar().currentMessage()
        cards = [vobject.readOne(p.read_text()) for p in folder.glob("*.vcf")]
    assert "Shunde Park" in {c.fn.value for c in cards}
    window.settings.sync()
    remembered = Settings(settings_path)
    assert (remembered.carddav_url(), remembered.carddav_user()) == (url, USER)
    assert PASSWORD not in settings_path.read_text()  # the password is kept nowhere


def test_a_wrong_password_is_said_in_a_message(qtbot, window: MainWindow, tmp_path: Path) -> None:
    with radicale_book(tmp_path, USER, PASSWORD) as (url, folder):
        _fill(url, "wrong")
        seen = answer_next_dialog(timeout_s=30)
        window.window_actions.publish.trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
        assert list(folder.glob("*.vcf")) == []
    assert "refused the user name or password" in seen[0]["text"]
    assert seen[0]["title"] == "Publishing failed"


def test_the_dialog_asks_for_an_address_and_remembers_it(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.set_carddav("https://dav.example.org/team/book/", "bo")
    dialog = PublishDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.url.text() == "https://dav.example.org/team/book/"
    assert dialog.user.text() == "bo"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.url.setText("dav.example.org")
    dialog.publish_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.problem.isVisibleTo(dialog)
    assert "https://" in dialog.problem.text()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    cancel.click()
    assert dialog.result() == dialog.DialogCode.Rejected
