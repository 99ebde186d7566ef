"""Printing fact sheets from the app and the command line: print preview, PDF files written atomically."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QMarginsF, QStandardPaths
from PySide6.QtGui import QAction, QPageLayout, QPageSize
from PySide6.QtPrintSupport import (
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QToolBar, QWidget

from parkdesk.core.atomic import replacing
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.factsheet.content import build_factsheet, find_sheets, sheet_entity
from parkdesk.core.factsheet.model import FactSheet
from parkdesk.core.factsheet.paper import DEFAULT_PAPER, PAPERS, paper_size
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.ui import crash
from parkdesk.ui.background import QueryOp
from parkdesk.ui.printing_pages import paint_sheets

MARGINS_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom
# Qt's page size of each paper core.factsheet.model knows (PAPERS are named as Qt names them).
PAGE_SIZES = {paper: QPageSize.PageSizeId[paper] for paper in PAPERS}
NO_PRINTER = QT_TRANSLATE_NOOP(
    "Printing", "No printer is installed: Print will save the fact sheet as a PDF file instead.")


def new_printer(paper: str = DEFAULT_PAPER, pdf: bool = True) -> QPrinter:
    """A high-resolution printer (or PDF writer) set up for fact sheets on `paper`."""
    paper = paper_size(paper)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(
        QPageLayout(QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, MARGINS_MM,
                    QPageLayout.Unit.Millimeter)
    )
    printer.setCreator("parkdesk")
    return printer


def _check_written(tmp: Path, path: Path | str) -> None:
    """Raise unless `tmp` is a whole PDF (Qt does not report a failed write, e.g. a full disk)."""
    with tmp.open("rb") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(size - 32, 0))
        tail = f.read()
        os.fsync(f.fileno())
    if size == 0:
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "Cannot write {path}: the PDF came out empty.").format(path=path))
    if b"%%EOF" not in tail:
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "Cannot write {path}: the file could not be written in full; check the "
            "free disk space.").format(path=path))


def _no_room(tmp: Path) -> bool:
    """Whether the disk holding `tmp` is full: Qt's PDF writer only says that it failed."""
    try:
        with tmp.open("ab") as f:
            f.write(bytes(64 * 1024))
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return False


def write_pdf(sheets: Sequence[FactSheet], path: Path | str, paper: str = DEFAULT_PAPER) -> int:
    """Write the sheets to a PDF at `path`, atomically; returns the number of pages."""
    with replacing(path, suffix=".pdf.tmp") as tmp:
        printer = new_printer(paper)
        printer.setOutputFileName(str(tmp))
        try:
            pages = paint_sheets(printer, sheets)
            if printer.printerState() == QPrinter.PrinterState.Error:
                raise ParkdeskError(QCoreApplication.translate(
                    "Printing", "Cannot write {path}: the PDF writer reported an error.").format(
                        path=path))
            _check_written(tmp, path)
        except ParkdeskError:
            if _no_room(tmp):
                raise ParkdeskError(QCoreApplication.translate(
                    "Printing", "Cannot write {path}: the disk is full. Free some space and try "
                    "again.").format(path=path)) from None
            raise
    return pages


# -- the app's actions ---------------------------------------------------------------------------


def printers_available() -> bool:
    """Whether the system knows at least one printer."""
    return bool(QPrinterInfo.availablePrinters())


class FactSheetPreview(QPrintPreviewDialog):
    """Print preview of one sheet, with an "All parks" switch for the zone-and-parks sheet."""

    def __init__(
        self, directory: Directory, entity_id: str | None, all_parks: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.has_printer = printers_available()
        self._printer = new_printer(pdf=not self.has_printer)  # the dialog does not own it
        super().__init__(self._printer, parent)
        self.directory = directory
        self.entity_id = entity_id
        self.sheets: list[FactSheet] = []
        self.all_parks_action = QAction(self.tr("All parks"), self)
        self.all_parks_action.setCheckable(True)
        self.all_parks_action.setToolTip(
            self.tr("Preview the zone and all five parks, each from a new page"))
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.all_parks_action)
        self.paintRequested.connect(self._paint)
        if not self.has_printer:
            note = QLabel(QCoreApplication.translate("Printing", NO_PRINTER), self)
            note.setObjectName("no_printer_note")
            note.setWordWrap(True)
            note.setContentsMargins(8, 4, 8, 4)
            layout = self.layout()
            if layout is not None:
                layout.addWidget(note)
        self._load(all_parks)
        self.all_parks_action.setChecked(all_parks)
        self.all_parks_action.toggled.connect(self._all_parks_toggled)
        screen = self.screen().availableGeometry()
        self.resize(min(900, int(screen.width() * 0.9)), min(1000, int(screen.height() * 0.9)))

    def _load(self, all_parks: bool) -> None:
        if all_parks:
            ids = find_sheets(self.directory, "all")
            self.sheets = [build_factsheet(self.directory, i) for i in ids]
        else:
            self.sheets = [build_factsheet(self.directory, self.entity_id)]
        title = self.tr("All parks") if all_parks else self.sheets[0].title
        self.setWindowTitle(self.tr("Fact sheet preview — {title}").format(title=title))

    def _all_parks_toggled(self, checked: bool) -> None:
        self._load(checked)
        preview = self.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        paint_sheets(printer, self.sheets)


def _preview(
    parent: QWidget | None, directory: Directory, entity_id: str | None, all_parks: bool
) -> None:
    dialog = FactSheetPreview(directory, entity_id, all_parks, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def print_preview(parent: QWidget | None, directory: Directory, entity_id: str | None) -> None:
    """Preview (and print from there) the sheet of the park or zone `entity_id` belongs to."""
    _preview(parent, directory, entity_id, all_parks=False)


def print_preview_all(parent: QWidget | None, directory: Directory) -> None:
    """Preview the all-parks sheet: the zone, then each park from a new page."""
    _preview(parent, directory, None, all_parks=True)


def _file_name(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "fact-sheet"
    return f"{slug}-fact-sheet.pdf"


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Ask where to save a PDF; None when the user cancels."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or QDir.homePath()
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Printing", "Export fact sheet as PDF"),
        str(Path(folder) / suggested), QCoreApplication.translate("Printing", "PDF files (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _export(
    parent: QWidget | None, directory: Directory, entity_ids: list[str | None],
    path: Path | str | None, name: str, user_store: Path | None = None,
) -> QueryOp[Path] | None:
    """Write the sheets of `entity_ids` to a PDF in the background; None when no file is chosen.
    With `user_store`, the sheets are of the directory as the user sees it (their changes).

    The sheets are built and painted in the worker (QPainter on a QPrinter is fine off the UI
    thread); the status bar, or a message, says how it went."""
    target = Path(path) if path is not None else ask_pdf_path(parent, name)
    if target is None:
        return None

    def op(own: Directory) -> Path:
        write_pdf([build_factsheet(own, i) for i in entity_ids], target)
        return target

    def succeeded(written: Path) -> None:
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(
                QCoreApplication.translate("Printing", "Saved {path}").format(path=written), 10_000)

    def failed(exc: Exception) -> None:
        if isinstance(exc, ParkdeskError):
            QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Export fact sheet"),
                                str(exc))
        else:
            crash.report(exc)

    progress = (QCoreApplication.translate("Printing", "Writing the fact sheet…")
                if len(entity_ids) == 1 else
                QCoreApplication.translate("Printing", "Writing the fact sheets…"))
    query = QueryOp(parent=parent, db=directory.path, op=op, success=succeeded,
                    user_store=user_store)
    query.failure(failed).with_progress(progress).run_in_background()
    return query


def export_pdf(
    parent: QWidget | None, directory: Directory, entity_id: str | None,
    path: Path | str | None = None, user_store: Path | None = None,
) -> QueryOp[Path] | None:
    """Save the sheet of `entity_id`'s park (or the zone) as PDF, in the background; asks for a
    file unless `path`. None when the user cancels. `user_store`: as in `_export`."""
    title = sheet_entity(directory, entity_id).name
    return _export(parent, directory, [entity_id], path, _file_name(title), user_store)


def export_all_pdf(
    parent: QWidget | None, directory: Directory, path: Path | str | None = None,
    user_store: Path | None = None,
) -> QueryOp[Path] | None:
    """Save the all-parks sheet (zone, then each park) as one PDF, in the background."""
    ids: list[str | None] = list(find_sheets(directory, "all"))
    return _export(parent, directory, ids, path, "all-parks-fact-sheet.pdf", user_store)


_headless_app: list[object] = []


def ensure_application() -> None:
    """A QApplication for headless PDF writing, made once per process if none exists yet."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _headless_app.append(QApplication(["parkdesk"]))  # kept alive for the process
