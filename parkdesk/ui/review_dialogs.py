"""The review's two dialogs: attach a finding to a record (the proposals first, then a search
box; a figure's metric) and accept a name as a new record (kind, name, park, title)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.db.directory import Directory
from parkdesk.core.records import PARK, PERSON, kind_label
from parkdesk.core.userstore import review
from parkdesk.core.userstore.articles import FIGURE_KINDS, Finding, StoredArticle
from parkdesk.core.userstore.changes import ADDABLE_KINDS
from parkdesk.ui.edit_dialogs import place_choices

RECORD_ROLE = 0x0100 + 3  # UserRole + 3: a record's (or contact's) id


def _describe(f: Finding) -> str:
    return QCoreApplication.translate("ReviewDialogs", "{kind}: “{text}” (paragraph {number})").format(
        kind=f["kind"], text=f["text"], number=f["paragraph"])


def _context_label(article: StoredArticle, f: Finding) -> QLabel:
    """The words around the finding, the finding itself in bold."""
    from html import escape

    text = review.context(article, f)
    at = text.find(f["text"])
    html = escape(text) if at < 0 else (escape(text[:at]) + "<b>" + escape(f["text"]) + "</b>"
                                        + escape(text[at + len(f["text"]):]))
    label = QLabel(html)
    label.setObjectName("findingContext")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #37474f; background: #f5f5f5; padding: 6px;")
    return label


def proposals(directory: Directory, article: StoredArticle, f: Finding) -> list[tuple[str, str, str]]:
    """(record id, what to show, why) the finding may belong to: its own proposal, then the
    records proposed for the other findings of its paragraph."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    candidates = [f] + [g for g in article.findings
                        if g["paragraph"] == f["paragraph"] and g is not f and g.get("link_id")]
    for g in candidates:
        link = g.get("link_id")
        if not link or link in seen or not review.can_attach_to_proposal(directory, g):
            continue
        if g.get("link_type") == "contact" and (g is not f or f["kind"] in FIGURE_KINDS):
            continue  # a contact is only ever proposed for its own number
        seen.add(link)
        why = g.get("link_reason") or "" if g is f else QCoreApplication.translate(
            "ReviewDialogs", "named in the paragraph as “{name}”").format(name=g["text"])
        out.append((link, review.proposal_text(directory, g) or link, why))
    from parkdesk.core.db.queries import record_names
    from parkdesk.ingest.review_import import named_records, written_names

    paragraph = article.paragraphs[f["paragraph"] - 1]
    for _at, record_id, name in named_records(written_names(record_names(directory)), paragraph):
        if record_id not in seen:
            seen.add(record_id)
            out.append((record_id, directory.name_of(record_id) or record_id,
                        QCoreApplication.translate(
                            "ReviewDialogs", "written in the paragraph as “{name}”").format(
                                name=name)))
    return out


class AttachDialog(QDialog):
    """Pick the record a finding belongs to; a figure also gets its metric."""

    def __init__(self, directory: Directory, article: StoredArticle, finding: Finding,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowTitle(self.tr("Attach to a record"))
        self.directory = directory
        self.finding = finding
        self.resize(720, 440)
        what = QLabel(_describe(finding))
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        around = _context_label(article, finding)
        self.proposed = proposals(directory, article, finding)
        self.list = QListWidget()
        self.list.setObjectName("recordList")
        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText(self.tr("Search the directory for the record…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.search.installEventFilter(self)
        paragraph = article.paragraphs[finding["paragraph"] - 1]
        self.metric_field = QLineEdit(review.default_metric(finding, paragraph))
        self.metric_field.setObjectName("metricField")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Find"), self.search)
        if finding["kind"] in FIGURE_KINDS:
            form.addRow(self.tr("Metric"), self.metric_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.buttons = buttons
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter confirms
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(around)
        layout.addWidget(QLabel(self.tr("Proposed records first; type to search for another:")))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill("")
        self.search.setFocus()

    def _fill(self, text: str) -> None:
        self.list.clear()
        for record_id, shown, why in self.proposed:
            item = QListWidgetItem(self.tr("Proposed: %1 — %2").replace("%1", shown).replace("%2", why))
            item.setData(RECORD_ROLE, record_id)
            self.list.addItem(item)
        if text.strip():
            seen = {p[0] for p in self.proposed}
            for hit in self.directory.search(text, 30):
                if hit.entity_id in seen or self.directory.entity(hit.entity_id) is None:
                    continue
                seen.add(hit.entity_id)
                where = f" ({hit.park})" if hit.park else ""
                item = QListWidgetItem(f"{hit.name}{where} · {kind_label(hit.kind)}")
                item.setData(RECORD_ROLE, hit.entity_id)
                self.list.addItem(item)
        # Typing picks the best search hit; with nothing typed, the proposal.
        row = len(self.proposed) if text.strip() and self.list.count() > len(self.proposed) else 0
        if self.list.count():
            self.list.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search field move through the records.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.list.count():
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(RECORD_ROLE)) if item is not None else None

    def _accept(self) -> None:
        if self.chosen() is None:
            self.error.setText(self.tr("Pick a record: type part of its name to find it."))
            return
        if self.finding["kind"] in FIGURE_KINDS and not self.metric_field.text().strip():
            self.error.setText(self.tr("Type the metric, e.g. Investment or Area."))
            return
        self.accept()

    @classmethod
    def ask(cls, directory: Directory, article: StoredArticle, finding: Finding,
            parent: QWidget | None = None) -> tuple[str, str | None] | None:
        """(record id, metric) or None when cancelled."""
        dialog = cls(directory, article, finding, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            metric = dialog.metric_field.text().strip() if finding["kind"] in FIGURE_KINDS else None
            return dialog.chosen() or "", metric
        finally:
            dialog.deleteLater()


def _park_in_paragraph(directory: Directory, article: StoredArticle, f: Finding) -> str | None:
    """The park a paragraph is about: one proposed for a name in it."""
    for g in article.findings:
        if g["paragraph"] == f["paragraph"] and g.get("link_type") == "entity" and g.get("link_id"):
            entity = directory.entity(g["link_id"])
            if entity is not None and entity.kind == PARK:
                return entity.id
            park = directory.park_of(g["link_id"]) if entity is not None else None
            if park is not None:
                return park.id
    return None


class NewRecordDialog(QDialog):
    """A name finding as a new record: its kind, name, park and (a person's) title."""

    def __init__(self, directory: Directory, article: StoredArticle, finding: Finding,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRecordDialog")
        self.setWindowTitle(self.tr("Accept as a new record"))
        self.kind = QComboBox()
        for k in ADDABLE_KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(review.guess_kind(finding))))
        self.name = QLineEdit(finding["text"])
        self.name.setObjectName("nameField")
        self.place = QComboBox()
        for key, label in place_choices(directory):
            self.place.addItem(label, key)
        park = _park_in_paragraph(directory, article, finding)
        self.place.setCurrentIndex(max(0, self.place.findData(park)))
        self.title = QLineEdit(finding.get("label") or "" if finding["kind"] == "person" else "")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Park"), self.place)
        form.addRow(self.tr("Title"), self.title)
        what = QLabel(_describe(finding))
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.buttons = buttons
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter confirms
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(_context_label(article, finding))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()
        self.name.selectAll()

    def _accept(self) -> None:
        if not " ".join(self.name.text().split()):
            self.error.setText(self.tr("The name is empty; type one, or cancel."))
            return
        self.accept()

    @classmethod
    def ask(cls, directory: Directory, article: StoredArticle, finding: Finding,
            parent: QWidget | None = None) -> tuple[str, str, str, str | None] | None:
        """(kind, name, park id, title) or None when cancelled."""
        dialog = cls(directory, article, finding, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            kind = dialog.kind.currentData()
            title = dialog.title.text().strip() or None if kind == PERSON else None
            return kind, dialog.name.text(), dialog.place.currentData(), title
        finally:
            dialog.deleteLater()
