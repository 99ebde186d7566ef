"""Fact-sheet pages: HTML laid out for a printer, kept tidy across page breaks, painted with footers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextOption,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.factsheet.html import render_html
from parkdesk.core.factsheet.model import FactSheet

# Families tried in order, per glyph: Latin first, then Simplified Chinese (a zh_CN sheet, the
# directory's Chinese names); fontconfig falls back beyond these (symbols, other CJK fonts).
# WenQuanYi Zen Hei, not Noto Sans CJK: Noto shares one glyph between 山 and the radical ⼭, and
# Qt's PDF writer then maps it to the radical, so text copied or searched in the PDF is wrong.
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica",
                 "WenQuanYi Zen Hei"]
BODY_PT = 8.5
FOOTER_PT = 7.0
AUTO_BREAK = QTextFormat.PageBreakFlag.PageBreak_Auto
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def sheet_font(point_size: float = BODY_PT) -> QFont:
    """The font of fact sheets: a common sans serif that has every Latin glyph."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    # No ligatures: a PDF's "ﬁ" glyph copies and searches badly ("ﬁgures" is not "figures").
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def footer_height(printer: QPrinter) -> float:
    """Room kept at the foot of each page for the footer, in device pixels (about 11 mm)."""
    return printer.resolution() * 0.42


def layout_sheet(sheet: FactSheet, printer: QPrinter) -> QTextDocument:
    """The sheet laid out on the printer's pages: no split rows, no heading left alone."""
    body = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(sheet_font())
    doc.setDocumentMargin(0)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs
    doc.setDefaultTextOption(option)
    # The page size first: the HTML is then laid out once, on the page, not once at Qt's
    # default width and again on the page (a third of a long sheet's time).
    doc.setPageSize(QSizeF(body.width(), body.height() - footer_height(printer)))
    doc.setHtml(render_html(sheet))
    tidy_page_breaks(doc)
    return doc


# -- page breaks ----------------------------------------------------------------------------------


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


def _row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the first line and bottom of the last line of a table row, in document pixels."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _push_row_to_next_page(doc: QTextDocument, table: QTextTable, row: int) -> None:
    """Stretch the row above `row` to the foot of the page, so that `row` starts on the next.

    An empty, tiny paragraph is added at the end of each cell of the row above, its top
    margin reaching down to just above the page's foot; Qt then starts `row` on a new page.
    """
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    top, _ = _row_extent(doc, table, row)
    page = _page(top, height)
    device = layout.paintDevice()
    scale = (device.logicalDpiY() / 96) if device else 1.0
    fmt = table.format()
    gap = 2 * (fmt.cellPadding() + fmt.border()) * scale
    first_target = (page + 1) * height - gap
    spacers = []
    # One edit block, closed by _relayout(): Qt lays the document out once for all the cells
    # and the rest of the sheet, not once per cell and again for the rest (each relayout of a
    # six-page sheet takes ~17 ms). The first try of a margin is usually enough.
    batch = QTextCursor(doc)
    batch.beginEditBlock()
    for column in range(table.columns()):
        cell = table.cellAt(row - 1, column)
        if cell.row() != row - 1 or cell.column() != column:
            continue
        end = layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
        spacer = QTextBlockFormat()
        spacer.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        spacer.setTopMargin(max(first_target - end, 0.0) / scale)
        tiny = QTextCharFormat()
        tiny.setFontPointSize(0.5)
        cursor = cell.lastCursorPosition()
        cursor.insertBlock(spacer, tiny)
        spacers.append((cursor.block(), end))
    for attempt in range(4):  # Qt's page foot sits a little above ours: leave more room each time
        if attempt:
            target = (page + 1) * height - gap * (1 + attempt)
            batch.beginEditBlock()
            for block, end in spacers:
                spacer = block.blockFormat()
                spacer.setTopMargin(max(target - end, 0.0) / scale)
                QTextCursor(block).setBlockFormat(spacer)
        # Inside the edit block, this one layout covers the edits too, and closing the block
        # finds nothing left to lay out.
        _relayout(doc, table.firstPosition())
        batch.endEditBlock()
        if _page(_row_extent(doc, table, row)[0], height) > page:
            return


def _content_bottom(doc: QTextDocument, heading: QTextBlock) -> float | None:
    """Bottom of what a heading introduces: a table's first body row, or the next paragraph."""
    block = heading.next()
    if not block.isValid():
        return None
    table = QTextCursor(block).currentTable()
    if table is not None:
        first = min(table.format().headerRowCount(), table.rows() - 1)
        return _row_extent(doc, table, first)[1]
    return doc.documentLayout().blockBoundingRect(block).bottom()


def _orphaned(doc: QTextDocument, block: QTextBlock) -> bool:
    """Whether a heading's content starts or ends on a later page than the heading."""
    fmt = block.blockFormat()
    if not fmt.headingLevel() or fmt.pageBreakPolicy() != AUTO_BREAK:
        return False
    height = doc.pageSize().height()
    bottom = _content_bottom(doc, block)
    # A heading a hair above the page's foot is laid out on the next page already; breaking
    # before it would leave a blank page.
    top = doc.documentLayout().blockBoundingRect(block).top() + height * 0.005
    return bottom is not None and bottom - top < height * 0.5 and \
        _page(top, height) != _page(bottom - 1, height)


def _relayout(doc: QTextDocument, start: int = 0) -> None:
    """Lay the document out again from `start` to its end: Qt's incremental relayout after a
    change inside a table can leave the blocks after it unlaid (zero height, so not painted).
    What comes before `start` has not moved, so laying it out again would only cost time."""
    doc.markContentsDirty(start, doc.characterCount() - start)


def _keep_rows_whole(doc: QTextDocument, table: QTextTable) -> None:
    """Move each row that would start on one page and end on the next to the next page."""
    height = doc.pageSize().height()
    for row in range(table.format().headerRowCount() + 1, table.rows()):
        top, bottom = _row_extent(doc, table, row)
        if bottom - top < height * 0.8 and _page(top, height) != _page(bottom - 1, height):
            _push_row_to_next_page(doc, table, row)


def tidy_page_breaks(doc: QTextDocument) -> None:
    """Keep headings with what follows them and table rows whole, in one pass down the sheet.

    A fix only moves what comes after it, so each heading and each table is looked at once,
    in order, and the document is laid out again only from the fix on: the time grows with
    the pages, not with their square (fixing from the top each time took 77 s for 76 pages).
    """
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            _keep_rows_whole(doc, table)
            end = table.lastPosition()
            while block.isValid() and block.position() <= end:
                block = block.next()
            continue
        if _orphaned(doc, block):
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(BREAK_BEFORE)
            QTextCursor(block).setBlockFormat(fmt)
            _relayout(doc, block.position())
        block = block.next()


# -- painting -------------------------------------------------------------------------------------


def _paint_footer(
    painter: QPainter, printer: QPrinter, width: float, top: float, sheet: FactSheet, page: str
) -> None:
    """A hairline, then the sheet's title and the page number, then the small print."""
    painter.save()
    painter.setFont(sheet_font(FOOTER_PT))
    painter.setPen(QPen(QColor("#8a939c"), printer.resolution() / 200))
    gap = printer.resolution() * 0.1
    painter.drawLine(QLineF(0, top + gap, width, top + gap))
    painter.setPen(QColor("#3c4650"))
    metrics = painter.fontMetrics()
    line = metrics.lineSpacing()
    page_width = metrics.horizontalAdvance(page) + metrics.averageCharWidth() * 3
    title = metrics.elidedText(sheet.title, Qt.TextElideMode.ElideRight, int(width - page_width))
    note = metrics.elidedText(sheet.footer, Qt.TextElideMode.ElideRight, int(width))
    first = QRectF(0, top + gap * 1.5, width, line)
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    painter.drawText(first, left | Qt.AlignmentFlag.AlignTop, title)
    painter.drawText(first, right | Qt.AlignmentFlag.AlignTop, page)
    painter.drawText(first.translated(0, line), left | Qt.AlignmentFlag.AlignTop, note)
    painter.restore()


def paint_sheets(printer: QPrinter, sheets: Sequence[FactSheet]) -> int:
    """Paint each sheet from a new page, numbered "Page X of Y" per sheet; returns pages."""
    if not QFontDatabase.families():
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "No fonts are installed, so the fact sheet would have no text; install "
            "some (on Debian or Ubuntu: apt install fonts-dejavu-core fonts-noto-cjk)."))
    if sheets:
        printer.setDocName(sheets[0].title if len(sheets) == 1 else
                           QCoreApplication.translate("Printing", "Fact sheets"))
    painter = QPainter()
    if not painter.begin(printer):
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "The fact sheet could not be printed: the printer did not start."))
    pages = 0
    try:
        for sheet in sheets:
            doc = layout_sheet(sheet, printer)
            size = doc.pageSize()
            count = doc.pageCount()
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
            for i in range(count):
                if pages and not printer.newPage():
                    raise ParkdeskError(QCoreApplication.translate(
                        "Printing", "The fact sheet could not be printed: no new page."))
                pages += 1
                page_rect = QRectF(0, i * size.height(), size.width(), size.height())
                painter.save()
                painter.setClipRect(QRectF(0, 0, size.width(), size.height()))
                painter.translate(0, -page_rect.top())
                context.clip = page_rect
                doc.documentLayout().draw(painter, context)
                painter.restore()
                _paint_footer(painter, printer, size.width(), size.height(), sheet,
                              QCoreApplication.translate("Printing", "Page {page} of {count}")
                              .format(page=i + 1, count=count))
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "The fact sheet could not be printed: the printer did not finish."))
    return pages
