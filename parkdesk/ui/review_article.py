"""An imported article's text as the review queue shows it: every finding marked by what it is
(names blue, figures amber, dates green, contacts violet), taken ones underlined, rejected ones
struck out, and the finding being decided highlighted and scrolled into view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from parkdesk.core.userstore.articles import FIGURE_KINDS, NAME_KINDS, Finding
from parkdesk.core.userstore.review import QueueArticle

# Highlights by what a finding is: names blue, figures amber, dates green, contacts violet.
COLOURS = {"name": "#cfe3fb", "figure": "#ffe3a8", "date": "#d4efcf", "contact": "#e6d7f5"}
_CURRENT = "#ffb300"

DecisionOf = Callable[[str], "str | None"]
"""A finding's id -> the user's decision on it ("accepted", "rejected"…), None while pending."""


def _group(kind: str) -> str:
    if kind in NAME_KINDS:
        return "name"
    if kind == "date":
        return "date"
    return "figure" if kind in FIGURE_KINDS else "contact"


def _format(kind: str, decision: str | None) -> QTextCharFormat:
    """How a finding is marked in the text: pending (by kind), taken, or rejected."""
    fmt = QTextCharFormat()
    if decision is None:
        fmt.setBackground(QColor(COLOURS[_group(kind)]))
    elif decision == "rejected":
        fmt.setForeground(QColor("#90a4ae"))
        fmt.setFontStrikeOut(True)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#2e7d32"))
    return fmt


class ArticleText(QTextBrowser):
    """The article's paragraphs with its findings marked; laid out once per article, and
    marked again only where a decision changed."""

    def __init__(self, decision_of: DecisionOf) -> None:
        super().__init__()
        self.setObjectName("articleText")
        self.setOpenLinks(False)
        self._decision_of = decision_of
        self._block_of: dict[int, int] = {}  # paragraph number -> block position
        self._marked: dict[str, str | None] = {}  # finding id -> the decision marked

    def show_article(self, item: QueueArticle | None) -> None:
        """Lay out `item`'s article (None: empty)."""
        self._marked = {}
        self._block_of = {}
        if item is None:
            self.clear()
            return
        doc = QTextDocument(self)
        doc.setDefaultFont(self.font())
        doc.setUndoRedoEnabled(False)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        block_format = cursor.blockFormat()
        block_format.setBottomMargin(8)  # paragraphs apart, as a reader sees them
        cursor.setBlockFormat(block_format)
        plain = QTextCharFormat()
        by_paragraph: dict[int, list[Finding]] = {}
        for f in item.article.findings:
            by_paragraph.setdefault(f["paragraph"], []).append(f)
        for number, paragraph in enumerate(item.article.paragraphs, start=1):
            if number > 1:
                cursor.insertBlock(block_format)
            self._block_of[number] = cursor.position()
            at = 0
            for f in sorted(by_paragraph.get(number, []), key=lambda g: g["start"]):
                if f["start"] < at:
                    continue  # overlapping findings: the first one's format shows
                decision = self._decision_of(f["id"])
                cursor.insertText(paragraph[at:f["start"]], plain)
                cursor.insertText(paragraph[f["start"]:f["end"]], _format(f["kind"], decision))
                self._marked[f["id"]] = decision
                at = f["end"]
            cursor.insertText(paragraph[at:], plain)
        cursor.endEditBlock()
        self.setDocument(doc)

    def span(self, f: Finding) -> tuple[int, int]:
        """Where a finding sits in the text, as document positions."""
        base = self._block_of.get(f["paragraph"], 0)
        return base + f["start"], base + f["end"]

    def remark(self, item: QueueArticle) -> None:
        """Mark again only the findings whose decision changed since they were last marked."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for f in item.article.findings:
            decision = self._decision_of(f["id"])
            if f["id"] not in self._marked or self._marked[f["id"]] == decision:
                continue
            self._marked[f["id"]] = decision
            start, end = self.span(f)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(_format(f["kind"], decision))
        cursor.endEditBlock()

    def highlight(self, f: Finding | None) -> None:
        """Highlight the finding being decided and scroll it into view (None: no highlight)."""
        selections = []
        if f is not None:
            start, end = self.span(f)
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(_CURRENT))
            selection.format = fmt
            selections.append(selection)
            shown = QTextCursor(self.document())
            shown.setPosition(start)
            self.setTextCursor(shown)
            self.ensureCursorVisible()
        self.setExtraSelections(selections)
