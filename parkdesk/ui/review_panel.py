"""The review queue on screen: an imported article's text with every finding highlighted, the
list of its findings beside it, and the decisions on the keyboard (Enter accept, Del reject,
Tab next, P attach to the proposed record, F attach to a record found by search, N a new
record, Ctrl+Shift+A accept all proposals). Each decision is one change (Ctrl+Z undoes it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.dates import display_date
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.userstore import review
from parkdesk.core.userstore.articles import NAME_KINDS, Finding
from parkdesk.core.userstore.review import QueueArticle
from parkdesk.ui.review_article import COLOURS, ArticleText

if TYPE_CHECKING:
    from parkdesk.ui.main_window import MainWindow

FINDING_ROLE = 0x0100 + 2  # UserRole + 2: a finding's id
class _FindingsList(QListWidget):
    """The findings; the review keys act on the current one, Tab moves to the next pending."""

    key_action = Signal(str)

    _KEYS: ClassVar[dict[Qt.Key, str]] = {Qt.Key.Key_Return: "accept", Qt.Key.Key_Enter: "accept",
             Qt.Key.Key_Delete: "reject", Qt.Key.Key_Backspace: "reject",
             Qt.Key.Key_P: "proposal", Qt.Key.Key_F: "search", Qt.Key.Key_N: "new"}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = self._KEYS.get(Qt.Key(event.key()))
        if action and mods == Qt.KeyboardModifier.NoModifier:
            self.key_action.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        self.key_action.emit("next" if next else "previous")
        return True


class ReviewPanel(QWidget):
    """One imported article under review. `show_article(id)` opens it; `refresh()` after a
    change shows the decisions and moves on to the next pending finding."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("reviewPanel")
        self.window_ = window
        self.item: QueueArticle | None = None
        self._listed: dict[str, str | None] = {}  # finding id -> the decision its row shows
        self._proposals: dict[str, str | None] = {}  # finding id -> its proposed record, named
        self.title = QLabel()
        self.title.setObjectName("reviewTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.meta = QLabel()
        self.meta.setObjectName("reviewMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setStyleSheet("color: #546e7a;")
        self.text = ArticleText(self._decision_of)
        self.findings = _FindingsList()
        self.findings.setObjectName("findingsList")
        self.findings.setUniformItemSizes(True)
        self.findings.currentItemChanged.connect(lambda *_: self._show_current())
        self.findings.key_action.connect(self._on_key)
        self.detail = QLabel()
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        legend = " ".join(
            f'<span style="background:{COLOURS[key]}">&nbsp;{label}&nbsp;</span>'
            for key, label in (("name", self.tr("name")), ("figure", self.tr("figure")),
                               ("date", self.tr("date")), ("contact", self.tr("contact"))))
        keys = self.tr("Enter accept · Del reject · Tab next · P attach to the proposal · "
                       "F find a record · N new record · Ctrl+Shift+A accept all proposals · "
                       "Ctrl+Z undo")
        taken, rejected = self.tr("taken"), self.tr("rejected")
        self.hint = QLabel(f"{legend}&nbsp;&nbsp; <u>{taken}</u> <s>{rejected}</s><br>{keys}")
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #78909c;")
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("accept", self.tr("&Accept")), ("proposal", self.tr("Attach to &Proposal")),
                          ("search", self.tr("Attach to &Record…")), ("new", self.tr("&New Record…")),
                          ("reject", self.tr("Re&ject")),
                          ("all", self.tr("Accept All Pr&oposals"))):
            button = QPushButton(text)
            button.setObjectName(f"review_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self._on_key(k))
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.findings, 1)
        side.addWidget(self.detail)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.findings)
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Shift+A anywhere in the panel: accept all proposals of the article.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if event.key() == Qt.Key.Key_A and event.modifiers() == wanted:
                event.accept()
                self._on_key("all")
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_A and event.modifiers() == wanted:
            self._on_key("all")
            return
        super().keyPressEvent(event)

    # -- what is shown ------------------------------------------------------------------------

    @property
    def article_id(self) -> str | None:
        return self.item.article_id if self.item else None

    def _find_item(self, article_id: str | None) -> QueueArticle | None:
        items = self.window_.user_data.queue()
        if article_id is None:  # the queue itself: the first article with findings to review
            return next((i for i in items if i.pending), items[0] if items else None)
        return next((i for i in items if i.article_id == article_id), None)

    def show_article(self, article_id: str | None) -> None:
        """Open an article of the queue (None: the first with findings still to review)."""
        self.item = self._find_item(article_id)
        self.findings.clear()
        self._listed = {}
        if self.item is None:
            self.title.setText(self.tr("Nothing to review"))
            self.meta.setText(self.tr("Import articles with File › Import Articles… or drop "
                                      "them on the window."))
            self.text.show_article(None)
            return
        art = self.item.article
        self.title.setText(art.title)
        self.text.show_article(self.item)
        self._fill_list(keep=None)

    def refresh(self) -> None:
        """After a change: the same article, its decisions shown, on the next pending finding."""
        current = self.current_finding()
        self.item = self._find_item(self.article_id)
        if self.item is None:
            self.show_article(None)
            return
        self.text.remark(self.item)
        self._fill_list(keep=current["id"] if current else None)

    def _meta_text(self) -> str:
        assert self.item is not None
        art = self.item.article
        where = [x for x in (art.outlet, display_date(art.published) if art.published else None,
                             art.file) if x]
        total = len(art.findings)
        left = len(self.item.pending)
        counts = self.tr("%n to review", "", left) + " " + self.tr("of %n findings", "", total)
        return " · ".join([*where, counts])

    def _decision_of(self, finding_id: str) -> str | None:
        decided = self.window_.directory.layer.decisions.get(finding_id)
        return decided.decision if decided else None

    def _state(self, f: Finding) -> str | None:
        return self._decision_of(f["id"])

    def _item_text(self, f: Finding) -> str:
        decided = self.window_.directory.layer.decisions.get(f["id"])
        kind = f["kind"]
        text = f["text"] if len(f["text"]) <= 60 else f["text"][:59] + "…"
        line = f"{kind} · {text}"
        if f.get("resolved") and kind == "date" and f["resolved"] != f["text"]:
            line += f" = {f['resolved']}"
        proposal = self._proposals.get(f["id"])
        if decided is not None:
            mark = {"rejected": "✗", "accepted": "✓", "attached": "✓", "set": "✓"}[decided.decision]
            return f"{mark} {line} — {self._decision_text(decided.decision)}"
        return f"• {line}" + (f"  →  {proposal}" if proposal else "")

    def _decision_text(self, decision: str) -> str:
        return {"rejected": self.tr("rejected"), "accepted": self.tr("added as a new record"),
                "attached": self.tr("attached"), "set": self.tr("set as a figure")}[decision]

    def _fill_list(self, keep: str | None) -> None:
        """The findings; when the article is listed already, only the rows whose decision
        changed are written again."""
        assert self.item is not None
        self.meta.setText(self._meta_text())
        decisions = self.window_.directory.layer.decisions
        findings = self.item.article.findings
        self.findings.blockSignals(True)
        if len(self._listed) != len(findings):
            self.findings.clear()
            self._listed = {}
            self._proposals = {f["id"]: review.proposal_text(self.window_.directory, f)
                               for f in findings}
        keep_row = next((i for i, f in enumerate(findings) if f["id"] == keep), None)
        for row, f in enumerate(findings):
            state = self._state(f)
            if f["id"] in self._listed and self._listed[f["id"]] == state:
                continue
            item = self.findings.item(row) if f["id"] in self._listed else QListWidgetItem()
            item.setText(self._item_text(f))
            item.setData(FINDING_ROLE, f["id"])
            item.setForeground(QColor("#78909c") if state else QColor("#263238"))
            if f["id"] not in self._listed:
                self.findings.addItem(item)
            self._listed[f["id"]] = state
        # Stay on the finding, or move to the next one still pending after it.
        if keep_row is not None:
            target = next((i for i in range(keep_row, len(findings))
                           if findings[i]["id"] not in decisions), keep_row)
        else:
            target = next((i for i, f in enumerate(findings) if f["id"] not in decisions), 0)
        self.findings.blockSignals(False)
        if findings and self.findings.currentRow() != target:
            self.findings.setCurrentRow(target)  # which shows it
        else:
            self._show_current()

    def current_finding(self) -> Finding | None:
        """The finding selected in the list."""
        if self.item is None or self.findings.currentItem() is None:
            return None
        return self.item.article.finding(self.findings.currentItem().data(FINDING_ROLE))

    def _show_current(self) -> None:
        f = self.current_finding()
        self.text.highlight(f)
        self.detail.setText(self._detail_text(f))
        has_proposal = f is not None and review.can_attach_to_proposal(self.window_.directory, f)
        self.buttons["proposal"].setEnabled(has_proposal)

    def _detail_text(self, f: Finding | None) -> str:
        if f is None:
            return ""
        parts = [self.tr("Paragraph %1").replace("%1", str(f["paragraph"]))]
        if f.get("label"):
            parts.append(f["label"])
        if f.get("qualifier"):
            parts.append(f["qualifier"])
        if f.get("converted"):
            parts.append(f["converted"])
        proposal = review.proposal_text(self.window_.directory, f)
        if proposal:
            parts.append(self.tr("Proposed: %1 (%2)").replace("%1", proposal)
                         .replace("%2", f.get("link_reason") or ""))
        return " · ".join(parts)

    # -- decisions ---------------------------------------------------------------------------

    def _on_key(self, action: str) -> None:
        if action in ("next", "previous"):
            self._step(1 if action == "next" else -1)
            return
        if self.item is None:
            return
        if action == "all":
            self.accept_all()
            return
        f = self.current_finding()
        if f is None:
            return
        if f["id"] in self.window_.directory.layer.decisions:
            self._say(self.tr("Already decided; Ctrl+Z takes the decision back."))
            return
        {"accept": self.accept, "reject": self.reject, "proposal": self.attach_to_proposal,
         "search": self.attach_to_record, "new": self.new_record}[action](f)

    def _step(self, direction: int) -> None:
        """Tab: the next finding still to review (Shift+Tab: the one before)."""
        if self.item is None:
            return
        decisions = self.window_.directory.layer.decisions
        findings = self.item.article.findings
        row = self.findings.currentRow()
        for i in range(1, len(findings) + 1):
            j = (row + direction * i) % len(findings)
            if findings[j]["id"] not in decisions:
                self.findings.setCurrentRow(j)
                return

    def _say(self, message: str) -> None:
        self.window_.statusBar().showMessage(message, 10_000)

    def _decide(self, decided: review.Decided) -> None:
        from parkdesk.ui.edit_actions import make_change

        make_change(self.window_, decided.summary, decided.ops)

    def accept(self, f: Finding) -> None:
        """Enter: the proposed record when there is one; else a new record (names) or the
        record and metric of a figure, or the owner of a contact."""
        if review.can_attach_to_proposal(self.window_.directory, f):
            self.attach_to_proposal(f)
        elif f["kind"] in NAME_KINDS:
            self.new_record(f)
        else:
            self.attach_to_record(f)

    def attach_to_proposal(self, f: Finding) -> None:
        d = self.window_.directory
        if not review.can_attach_to_proposal(d, f):
            self._say(self.tr("No record is proposed for this finding: F finds one, N makes one."))
            return
        assert self.item is not None
        item = self.item
        self._guarded(lambda: review.attach(d, item.article_id, f, f["link_id"]))

    def attach_to_record(self, f: Finding) -> None:
        from parkdesk.ui.review_dialogs import AttachDialog

        assert self.item is not None
        chosen = AttachDialog.ask(self.window_.directory, self.item.article, f, self)
        self.findings.setFocus()  # the keys go on acting on the list
        if chosen is not None:
            record_id, metric = chosen
            item = self.item
            self._guarded(lambda: review.attach(self.window_.directory, item.article_id, f,
                                                record_id, metric))

    def new_record(self, f: Finding) -> None:
        from parkdesk.ui.review_dialogs import NewRecordDialog

        if f["kind"] not in NAME_KINDS:
            self.attach_to_record(f)  # a figure or a contact belongs to a record
            return
        assert self.item is not None
        item = self.item
        chosen = NewRecordDialog.ask(self.window_.directory, item.article, f, self)
        self.findings.setFocus()
        if chosen is not None:
            kind, name, parent, title = chosen
            self._guarded(lambda: review.accept_new(item.article_id, f, kind, name, parent, title))

    def reject(self, f: Finding) -> None:
        assert self.item is not None
        self._decide(review.reject(self.item.article_id, f))

    def accept_all(self) -> None:
        """Every pending finding with a proposed record, attached to it, as one change."""
        if self.item is None:
            return
        decided = review.accept_proposals(self.window_.directory, self.item.article_id,
                                          self.item.article, self.item.pending)
        if not decided.ops:
            self._say(self.tr("No finding of this article has a proposed record left."))
            return
        self._decide(decided)

    def _guarded(self, make: Callable[[], review.Decided]) -> None:
        try:
            decided = make()
        except ParkdeskError as exc:
            self._say(str(exc))
            return
        self._decide(decided)
