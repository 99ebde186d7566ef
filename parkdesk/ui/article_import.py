"""File › Import Articles… and article files dropped on the window: read in the background
(with a progress bar and Cancel) by the import's own reader and rules, then each article
added to the user store's review queue as one undoable change. The same text twice is a
no-op that says so."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QAction

from parkdesk.ui.window_actions import make_action

if TYPE_CHECKING:
    from parkdesk.ingest.review_import import ReadArticles
    from parkdesk.ui.main_window import MainWindow

STATUS_MS = 10_000


class _Plurals(QObject):
    """Texts with plural forms: lupdate reads those from `self.tr(text, "", n)` in a class only."""

    def imported(self, n: int) -> str:
        return self.tr("Imported %n article(s) for review; Ctrl+Z takes an import back.", "", n)


def install(window: MainWindow) -> QAction:
    """The File menu's Import Articles… (Ctrl+I), after Open Database…"""
    action = make_action(window, QCoreApplication.translate("ArticleImport", "&Import Articles…"), lambda: choose_and_import(window),
                         "Ctrl+I", "", QCoreApplication.translate("ArticleImport", "Add articles (text files, saved web pages) to "
                                           "review into your directory"))
    file_menu = window.window_actions.file_menu
    file_menu.insertAction(window.window_actions.export, action)
    window.edit_actions.editing_actions.append(action)
    return action


def dropped_files(mime: QMimeData) -> list[Path]:
    """Article files and folders among what is dragged onto the window."""
    from parkdesk.ingest.articles import ARTICLE_SUFFIXES  # (not on the way to the first paint)

    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in ARTICLE_SUFFIXES]


def choose_and_import(window: MainWindow) -> None:
    """Ask for article files (several at once; Cancel, then a folder, is offered too)."""
    from PySide6.QtWidgets import QFileDialog  # (the dialogs' enums: not on the way to the start)

    files, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("ArticleImport", "Import articles"), str(Path.home()),
        QCoreApplication.translate("ArticleImport", "Articles (*.txt *.html *.htm);;All files (*)"))
    if files:
        import_files(window, [Path(f) for f in files])
        return
    folder = QFileDialog.getExistingDirectory(window, QCoreApplication.translate("ArticleImport", "Or import every article of a folder"))
    if folder:
        import_files(window, [Path(folder)])


def import_files(window: MainWindow, paths: list[Path]) -> None:
    """Read `paths` in the background, then import what was read (on the UI thread)."""
    from parkdesk.ingest.review_import import Proposer, read_files
    from parkdesk.ui.background import BackgroundOp

    reason = window.user_data.read_only_reason
    if reason:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, "parkdesk", reason)
        return
    proposer = Proposer.of(window.directory)  # plain lists: the worker never reads our database
    op: BackgroundOp[ReadArticles] = BackgroundOp(
        parent=window, work=lambda: read_files(paths, proposer, op.task.step),
        success=lambda result: _finished(window, result))
    window.last_import = op  # (tests wait for it)
    op.with_progress(QCoreApplication.translate("ArticleImport", "Reading articles…"), cancellable=True).run_in_background()


def _finished(window: MainWindow, result: ReadArticles) -> None:
    finish_import(window, result)


def finish_import(window: MainWindow, result: ReadArticles) -> list[str]:
    """Import each article read; returns (and shows) the sentences about the import."""
    messages: list[str] = []
    if result.cancelled:
        messages.append(QCoreApplication.translate("ArticleImport", "Import cancelled; nothing was imported."))
        _show(window, messages, warn=False)
        return messages
    first: str | None = None
    imported = 0
    for article, text in result.read:
        title = window.user_data.already_imported(article.sha256)
        if title is not None:
            messages.append(QCoreApplication.translate("ArticleImport", "%1 is already in your directory as “%2”; nothing changed.")
                            .replace("%1", article.file).replace("%2", title))
            continue
        change = window.edits.import_article(article, text)
        if change is not None:
            imported += 1
            first = first or article.article_id
    messages.extend(result.skipped)
    if imported:
        window.edits.directory_changed.emit()
        window.select_review(first)
        window.tree_view.expand(window.tree_view.currentIndex().parent())
        if window.review_panel is not None:
            window.review_panel.findings.setFocus()
        messages.insert(0, _Plurals().imported(imported))
    _show(window, messages, warn=bool(result.skipped) or not imported)
    return messages


def _show(window: MainWindow, messages: list[str], warn: bool) -> None:
    if not messages:
        return
    window.statusBar().showMessage(messages[0], STATUS_MS)
    if warn:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "parkdesk", "\n\n".join(messages),
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("importMessagesBox")
        box.open()  # not modal to the app
