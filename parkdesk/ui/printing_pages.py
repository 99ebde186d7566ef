"""Fact-sheet pages: HTML laid out once for a printer, cut into pages, painted with footers."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
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


@dataclass(frozen=True)
class PageSlice:
    """One printed page: the band of the laid-out sheet from `top` to `bottom` (document
    pixels), under `header` (a table's header rows, repeated when the page starts inside it)."""

    top: float
    bottom: float
    header: QRectF | None = None


@dataclass(frozen=True)
class LaidOutSheet:
    """A sheet laid out once, as one long page, and cut into printed pages."""

    doc: QTextDocument
    page_height: float
    pages: list[PageSlice]

    def page_of(self, y: float) -> int:
        """The index of the page that prints document height `y`."""
        return max(bisect_right([p.top for p in self.pages], y) - 1, 0)


def layout_sheet(sheet: FactSheet, printer: QPrinter) -> LaidOutSheet:
    """The sheet laid out for the printer's pages: no split rows, no heading left alone."""
    body = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(sheet_font())
    doc.setDocumentMargin(0)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs
    doc.setDefaultTextOption(option)
    # One long page (no height: Qt does not paginate), laid out once; the pages are cut
    # from it here. Letting Qt paginate meant laying the rest out again after each fix to a
    # split row or a lone heading: half of a 16-page sheet's time.
    doc.setTextWidth(body.width())
    doc.setHtml(render_html(sheet))
    height = body.height() - footer_height(printer)
    return LaidOutSheet(doc, height, cut_pages(doc, height))


# -- page breaks ----------------------------------------------------------------------------------


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


class _Cuts:
    """What may not be cut (every line, whole rows, a heading with what it introduces), and
    the tables' header rows that a page starting inside their table repeats."""

    def __init__(self, doc: QTextDocument, page_height: float) -> None:
        self.doc, self.page_height = doc, page_height
        self.kept: list[tuple[float, float]] = []  # (top, bottom) bands not to be cut
        self.headers: list[tuple[QRectF, float]] = []  # (header rows, bottom of their table)
        self.starts: list[int] = []  # each block's first position, and its top and bottom
        self.tops: list[float] = []
        self.bottoms: list[float] = []
        headings = self._read_blocks()
        for heading in headings:
            self._keep_with_content(heading)
        for table in _tables(doc.rootFrame()):
            self._keep_rows(table)
        self.kept.sort()
        self.band_tops = [top for top, _ in self.kept]
        self.reach: list[float] = []  # the lowest bottom of the first n kept bands
        lowest = float("-inf")
        for _, bottom in self.kept:
            lowest = max(lowest, bottom)
            self.reach.append(lowest)
        self.end = lowest

    def _read_blocks(self) -> list[QTextBlock]:
        """Note every block's place and keep its lines whole; returns the headings."""
        layout = self.doc.documentLayout()
        headings = []
        block = self.doc.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top, bottom = rect.top(), rect.bottom()
            self.starts.append(block.position())
            self.tops.append(top)
            self.bottoms.append(bottom)
            lines = block.layout()
            if lines.lineCount() > 1:
                for i in range(lines.lineCount()):
                    line = lines.lineAt(i)
                    self.kept.append((top + line.y(), top + line.y() + line.height()))
            else:
                self.kept.append((top, bottom))
            if block.blockFormat().headingLevel():
                headings.append(block)
            block = block.next()
        return headings

    def _block_at(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def row_extent(self, table: QTextTable, row: int) -> tuple[float, float]:
        """A row's text: from its cells' first blocks' top to their last blocks' foot."""
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        return (min(self.tops[self._block_at(c.firstPosition())] for c in cells),
                max(self.bottoms[self._block_at(c.lastPosition())] for c in cells))

    def _keep_with_content(self, heading: QTextBlock) -> None:
        """Keep a heading on the page of what it introduces: a table's first body row, or the
        next paragraph (unless that is half a page or more)."""
        block = heading.next()
        if not block.isValid():
            return
        table = QTextCursor(block).currentTable()
        if table is not None:
            first = min(table.format().headerRowCount(), table.rows() - 1)
            bottom = self.row_extent(table, first)[1]
        else:
            bottom = self.bottoms[self._block_at(block.position())]
        top = self.tops[self._block_at(heading.position())]
        if bottom - top < self.page_height * 0.5:
            self.kept.append((top, bottom))

    def _keep_rows(self, table: QTextTable) -> None:
        """Keep each row (shorter than most of a page) whole; note the table's header rows."""
        device = self.doc.documentLayout().paintDevice()
        scale = (device.logicalDpiY() / 96) if device else 1.0
        table_format = table.format()
        pad = (table_format.cellPadding() + table_format.border()) * scale
        edges = [self.row_extent(table, row) for row in range(table.rows())]
        for top, bottom in edges:
            if bottom - top < self.page_height * 0.8:
                self.kept.append((top - pad, bottom + pad))
        header_rows = table_format.headerRowCount()
        if 0 < header_rows < len(edges):
            top, body_top = edges[0][0] - pad, edges[header_rows][0] - pad
            if body_top - top < self.page_height * 0.5:  # (a page still holds rows under it)
                frame = self.doc.documentLayout().frameBoundingRect(table)
                self.headers.append((QRectF(frame.left(), top, frame.width(), body_top - top),
                                     edges[-1][1]))

    def cuttable(self, y: float) -> bool:
        """Whether no kept band has its top above `y` and its bottom below it."""
        above = bisect_left(self.band_tops, y - EPSILON)
        return above == 0 or self.reach[above - 1] <= y + EPSILON

    def last_cut(self, after: float, limit: float) -> float | None:
        """The lowest place to cut above `limit` and below `after`: the top of a kept band."""
        i = bisect_right(self.band_tops, limit) - 1
        while i >= 0 and self.band_tops[i] > after + EPSILON:
            if self.cuttable(self.band_tops[i]):
                return self.band_tops[i]
            i -= 1
        return None

    def header_at(self, y: float) -> QRectF | None:
        """The header rows a page starting at `y` repeats: those of the table it starts in."""
        for header, table_bottom in self.headers:
            if header.bottom() <= y + EPSILON and y < table_bottom:
                return header
        return None


EPSILON = 0.5  # device pixels: a band's top and the one above's bottom may differ by rounding


def cut_pages(doc: QTextDocument, page_height: float) -> list[PageSlice]:
    """Cut the laid-out sheet into pages of `page_height`, each cut as low as it can be
    without splitting a line or a row, or parting a heading from what it introduces. A band
    taller than a page is cut where the page ends."""
    cuts = _Cuts(doc, page_height)
    pages: list[PageSlice] = []
    top, header = 0.0, None
    while True:
        limit = top + page_height - (header.height() if header else 0.0)
        if cuts.end <= limit + EPSILON:
            pages.append(PageSlice(top, max(cuts.end, top), header))
            return pages
        cut = cuts.last_cut(top, limit)
        bottom = cut if cut is not None else limit
        pages.append(PageSlice(top, bottom, header))
        top, header = bottom, cuts.header_at(bottom)


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


def _paint_band(painter: QPainter, doc: QTextDocument, band: QRectF, y: float) -> None:
    """Paint the document's `band` (document pixels) with its top at page height `y`."""
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
    context.clip = band
    painter.save()
    painter.setClipRect(QRectF(band.left(), y, band.width(), band.height()))
    painter.translate(0, y - band.top())
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _paint_page(painter: QPainter, doc: QTextDocument, page: PageSlice, width: float) -> None:
    """A page's band of the sheet, under its repeated header rows if it has them."""
    y = 0.0
    if page.header is not None:
        _paint_band(painter, doc, page.header, y)
        y = page.header.height()
    _paint_band(painter, doc, QRectF(0, page.top, width, page.bottom - page.top), y)


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
            laid_out = layout_sheet(sheet, printer)
            width, count = laid_out.doc.textWidth(), len(laid_out.pages)
            for i, page in enumerate(laid_out.pages):
                if pages and not printer.newPage():
                    raise ParkdeskError(QCoreApplication.translate(
                        "Printing", "The fact sheet could not be printed: no new page."))
                pages += 1
                _paint_page(painter, laid_out.doc, page, width)
                _paint_footer(painter, printer, width, laid_out.page_height, sheet,
                              QCoreApplication.translate("Printing", "Page {page} of {count}")
                              .format(page=i + 1, count=count))
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise ParkdeskError(QCoreApplication.translate(
            "Printing", "The fact sheet could not be printed: the printer did not finish."))
    return pages
