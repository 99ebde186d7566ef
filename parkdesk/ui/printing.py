"""Printing fact sheets: the core's HTML laid out page by page with footers; preview, print, PDF."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, QMarginsF, QRectF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from parkdesk.core.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.factsheet import DEFAULT_PAPER, FactSheet, build_factsheet, find_sheets
from parkdesk.core.factsheet_html import render_html

# Families tried in order; fontconfig falls back per glyph (CJK, symbols) beyond these.
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
BODY_PT = 9.0
FOOTER_PT = 7.0
MARGINS_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
AUTO_BREAK = QTextFormat.PageBreakFlag.PageBreak_Auto
NO_PRINTER = "No printer is installed: Print will save the fact sheet as a PDF file instead."


def sheet_font(point_size: float = BODY_PT) -> QFont:
    """The font of fact sheets: a common sans serif that has every Latin glyph."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font


def new_printer(paper: str = DEFAULT_PAPER, pdf: bool = True) -> QPrinter:
    """A high-resolution printer (or PDF writer) set up for fact sheets on `paper`."""
    if paper not in PAGE_SIZES:
        raise ParkdeskError(f"Unknown paper size {paper!r}; choose A4 or Letter.")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(
        QPageLayout(QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, MARGINS_MM,
                    QPageLayout.Unit.Millimeter)
    )
    printer.setCreator("parkdesk")
    return printer


def _footer_height(printer: QPrinter) -> float:
    return printer.resolution() * 0.35  # about 9 mm: a gap, a hairline and one line of text


def layout_sheet(sheet: FactSheet, printer: QPrinter) -> QTextDocument:
    """The sheet's HTML laid out for the printer's pages, headings kept with what follows."""
    body = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(sheet_font())
    doc.setDocumentMargin(0)
    doc.setHtml(render_html(sheet))
    doc.setPageSize(QSizeF(body.width(), body.height() - _footer_height(printer)))
    _keep_headings_with_next(doc)
    return doc


def _first_content_block(heading: QTextBlock) -> QTextBlock:
    """The first block after a heading that is not a repeated table header."""
    block = heading.next()
    table = QTextCursor(block).currentTable() if block.isValid() else None
    if table is not None:
        header_rows = table.format().headerRowCount()
        if table.rows() > header_rows:
            return table.cellAt(header_rows, 0).firstCursorPosition().block()
    return block


def _keep_headings_with_next(doc: QTextDocument) -> None:
    """Move a heading to the next page when what it introduces starts on a later page."""
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    for _ in range(50):  # each pass moves one heading; a sheet has far fewer
        block = doc.begin()
        moved = False
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.headingLevel() and fmt.pageBreakPolicy() == AUTO_BREAK:
                content = _first_content_block(block)
                if content.isValid():
                    top = layout.blockBoundingRect(block).top()
                    below = _absolute_rect(doc, content).bottom()
                    if int(top // page_height) != int((below - 1) // page_height):
                        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        QTextCursor(block).setBlockFormat(fmt)
                        moved = True
                        break
            block = block.next()
        if not moved:
            return


def _absolute_rect(doc: QTextDocument, block: QTextBlock) -> QRectF:
    """A block's rectangle in document coordinates, also for blocks inside table cells."""
    layout = doc.documentLayout()
    rect = layout.blockBoundingRect(block)
    frame = QTextCursor(block).currentFrame()
    if frame is not None and frame != doc.rootFrame():
        origin = layout.frameBoundingRect(frame).topLeft()
        if rect.top() < origin.y():  # the layout gave frame-relative coordinates
            rect.translate(origin)
    return rect


def _paint_footer(
    painter: QPainter, printer: QPrinter, width: float, top: float, text: str, page: str
) -> None:
    painter.save()
    painter.setFont(sheet_font(FOOTER_PT))
    painter.setPen(QPen(QColor("#8a939c"), printer.resolution() / 200))
    gap = printer.resolution() * 0.12
    painter.drawLine(0, top + gap, width, top + gap)
    painter.setPen(QColor("#3c4650"))
    metrics = painter.fontMetrics()
    box = QRectF(0, top + gap * 1.5, width, metrics.height() * 1.5)
    page_width = metrics.horizontalAdvance(page) + metrics.averageCharWidth() * 2
    left = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - page_width))
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page)
    painter.restore()


def paint_sheets(printer: QPrinter, sheets: Sequence[FactSheet]) -> int:
    """Paint each sheet from a new page, numbered "Page X of Y" per sheet; returns pages."""
    if sheets:
        printer.setDocName(sheets[0].title if len(sheets) == 1 else "Fact sheets")
    painter = QPainter()
    if not painter.begin(printer):
        raise ParkdeskError("The fact sheet could not be printed: the printer did not start.")
    pages = 0
    try:
        for sheet in sheets:
            doc = layout_sheet(sheet, printer)
            size = doc.pageSize()
            count = doc.pageCount()
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
            for i in range(count):
                if pages:
                    printer.newPage()
                pages += 1
                page_rect = QRectF(0, i * size.height(), size.width(), size.height())
                painter.save()
                painter.setClipRect(QRectF(0, 0, size.width(), size.height()))
                painter.translate(0, -page_rect.top())
                context.clip = page_rect
                doc.documentLayout().draw(painter, context)
                painter.restore()
                _paint_footer(painter, printer, size.width(), size.height(), sheet.footer,
                              f"Page {i + 1} of {count}")
    finally:
        painter.end()
    return pages


def write_pdf(sheets: Sequence[FactSheet], path: Path | str, paper: str = DEFAULT_PAPER) -> int:
    """Write the sheets to a PDF at `path`, atomically; returns the number of pages."""
    path = Path(path)
    if path.is_dir():
        raise ParkdeskError(f"{path} is a folder; give a file name for the PDF.")
    folder = path.parent
    if not folder.is_dir():
        raise ParkdeskError(f"Cannot write {path}: the folder {folder} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf.tmp", dir=folder)
    except OSError as exc:
        reason = (exc.strerror or "not writable").lower()
        raise ParkdeskError(f"Cannot write {path}: {reason}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        printer = new_printer(paper)
        printer.setOutputFileName(str(tmp))
        pages = paint_sheets(printer, sheets)
        if tmp.stat().st_size == 0:
            raise ParkdeskError(f"Cannot write {path}: the PDF came out empty.")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParkdeskError(f"Cannot write {path}: {(exc.strerror or str(exc)).lower()}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return pages


# -- the app's actions ---------------------------------------------------------------------------


def printers_available() -> bool:
    """Whether the system knows at least one printer."""
    return bool(QPrinterInfo.availablePrinters())


def _preview(parent: QWidget | None, sheets: list[FactSheet]) -> None:
    has_printer = printers_available()
    printer = new_printer(pdf=not has_printer)
    dialog = QPrintPreviewDialog(printer, parent)
    title = sheets[0].title if len(sheets) == 1 else "All parks"
    dialog.setWindowTitle(f"Fact sheet preview — {title}")
    dialog.paintRequested.connect(lambda p: paint_sheets(p, sheets))
    if not has_printer:
        note = QLabel(NO_PRINTER, dialog)
        note.setObjectName("no_printer_note")
        note.setWordWrap(True)
        dialog.layout().addWidget(note)
    dialog.resize(900, 1000)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def print_preview(parent: QWidget | None, directory: Directory, entity_id: str | None) -> None:
    """Preview (and print from there) the sheet of the park or zone `entity_id` belongs to."""
    _preview(parent, [build_factsheet(directory, entity_id)])


def print_preview_all(parent: QWidget | None, directory: Directory) -> None:
    """Preview the all-parks sheet: the zone, then each park from a new page."""
    _preview(parent, [build_factsheet(directory, i) for i in find_sheets(directory, "all")])


def _file_name(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "fact-sheet"
    return f"{slug}-fact-sheet.pdf"


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Ask where to save a PDF; None when the user cancels."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or QDir.homePath()
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export fact sheet as PDF", str(Path(folder) / suggested), "PDF files (*.pdf)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _export(
    parent: QWidget | None, sheets: list[FactSheet], path: Path | str | None, name: str
) -> Path | None:
    target = Path(path) if path is not None else ask_pdf_path(parent, name)
    if target is None:
        return None
    try:
        write_pdf(sheets, target)
    except ParkdeskError as exc:
        QMessageBox.warning(parent, "Export fact sheet", str(exc))
        return None
    return target


def export_pdf(
    parent: QWidget | None, directory: Directory, entity_id: str | None,
    path: Path | str | None = None,
) -> Path | None:
    """Save the sheet of `entity_id`'s park (or the zone) as PDF; asks for a file unless `path`."""
    sheet = build_factsheet(directory, entity_id)
    return _export(parent, [sheet], path, _file_name(sheet.title))


def export_all_pdf(
    parent: QWidget | None, directory: Directory, path: Path | str | None = None
) -> Path | None:
    """Save the all-parks sheet (zone, then each park) as one PDF."""
    sheets = [build_factsheet(directory, i) for i in find_sheets(directory, "all")]
    return _export(parent, sheets, path, "all-parks-fact-sheet.pdf")
