"""Dialogs for the user's changes, each with an `ask()` that returns the operations to save
(or None when cancelled). A value the user types that cannot be saved (an invalid number, an
empty name) is said in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.dates import display_date
from parkdesk.core.db.directory import Directory
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    PROJECT,
    ZONE,
    kind_label,
)
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.changes import ChangeError, Op


def _article_hint(text: object) -> QLabel:
    shown = text if text not in (None, "", []) else QCoreApplication.translate("EditDialogs", "(empty)")
    label = QLabel(QCoreApplication.translate("EditDialogs", "In the articles: {value}").format(
        value=shown))
    label.setObjectName("articleValue")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #78909c;")
    return label


def place_choices(directory: Directory) -> list[tuple[str, str]]:
    """(id, label) of the places a record can sit in: the zone, its parks, places outside."""
    zone = directory.zone()
    choices = [(zone.id, QCoreApplication.translate("EditDialogs", "{name} (zone-wide)").format(
        name=zone.name))]
    choices += [(p.id, p.name) for p in directory.parks()]
    outside = QCoreApplication.translate("EditDialogs", "{name} (outside the zone)")
    choices += [(e.id, outside.format(name=e.name)) for e in directory.roots() if e.kind == PLACE]
    return choices


class _FormDialog(QDialog):
    """A form with OK/Cancel and a line for what is wrong; `collect()` raises ChangeError."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_ops: list[Op] | None = None
        self.setMinimumWidth(460)

    def collect(self) -> list[Op]:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_ops = self.collect()
        except ChangeError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def run(self) -> list[Op] | None:
        answer = self.exec() == QDialog.DialogCode.Accepted
        self.deleteLater()
        return self.result_ops if answer and self.result_ops else None


class EditRecordDialog(_FormDialog):
    """Edit › Edit Record…: name, aliases, description, status and park of any record. The
    articles' values stay; what the user types is shown above them."""

    def __init__(self, directory: Directory, entity_id: str, parent: QWidget | None = None) -> None:
        entity = directory.entity(entity_id)
        assert entity is not None
        super().__init__(QCoreApplication.translate("EditDialogs", "Edit {kind}").format(
            kind=kind_label(entity.kind).lower()), parent)
        self.setObjectName("editRecordDialog")
        self.entity = entity
        changed = directory.layer.user_values("entity", entity_id)
        self.name = QLineEdit(entity.name)
        self.aliases = QLineEdit(", ".join(entity.aliases))
        self.aliases.setPlaceholderText(QCoreApplication.translate("EditDialogs", "other names, separated by commas"))
        self.description = QPlainTextEdit(entity.description or "")
        self.description.setFixedHeight(70)
        self.description.setTabChangesFocus(True)
        self.status = QLineEdit(entity.status or "")
        self.status.setPlaceholderText(QCoreApplication.translate("EditDialogs", "e.g. under construction, in operation"))
        self.park = QComboBox()
        self.parent_id = entity.parent_id
        rows: list[tuple[str, QWidget, str]] = [
            (QCoreApplication.translate("EditDialogs", "Name"), self.name, "name"), (QCoreApplication.translate("EditDialogs", "Also known as"), self.aliases, "aliases"),
            (QCoreApplication.translate("EditDialogs", "Description"), self.description, "description"), (QCoreApplication.translate("EditDialogs", "Status"), self.status, "status"),
        ]
        parent_record = directory.entity(entity.parent_id) if entity.parent_id else None
        parent_kind = parent_record.kind if parent_record else None
        if entity.kind not in (ZONE, PARK, PLACE) and parent_kind in (ZONE, PARK, PLACE):
            for key, label in place_choices(directory):
                self.park.addItem(label, key)
            self.park.setCurrentIndex(max(0, self.park.findData(entity.parent_id)))
            rows.append((QCoreApplication.translate("EditDialogs", "Park"), self.park, "parent"))
        for label, widget, field in rows:
            self.form.addRow(label, widget)
            if field in changed:
                old = changed[field].article_value
                if field == "parent":
                    old = directory.name_of(str(old)) if old else old
                if isinstance(old, list):
                    old = ", ".join(old)
                self.form.addRow("", _article_hint(old))
        self.name.selectAll()

    def collect(self) -> list[Op]:
        e = self.entity
        ops = []
        for field, new, old in (
            ("name", self.name.text(), e.name),
            ("description", self.description.toPlainText(), e.description or ""),
            ("status", self.status.text(), e.status or ""),
        ):
            if " ".join(new.split()) != " ".join(old.split()):
                ops.append(ch.set_field(e.id, field, new))
        aliases = ch.set_field(e.id, "aliases", self.aliases.text())
        if aliases["value"] != sorted(set(e.aliases)):
            ops.append(aliases)
        if self.park.count() and self.park.currentData() != e.parent_id:
            ops.append(ch.set_field(e.id, "parent", self.park.currentData()))
        return ops

    @classmethod
    def ask(cls, directory: Directory, entity_id: str, parent: QWidget | None = None) -> list[Op] | None:
        """The operations for the fields the user changed; None when cancelled or unchanged."""
        return cls(directory, entity_id, parent).run()


class ContactDialog(_FormDialog):
    """Add a phone number or address to a record, or give a contact the user's own value."""

    def __init__(self, directory: Directory, owner_id: str, contact_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        self.contact = directory.contact(contact_id) if contact_id else None
        super().__init__(QCoreApplication.translate("EditDialogs", "Correct contact") if self.contact else QCoreApplication.translate("EditDialogs", "Add contact"), parent)
        self.setObjectName("contactDialog")
        self.owner_id = owner_id
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("EditDialogs", "Phone number"), "phone")
        self.kind.addItem(QCoreApplication.translate("EditDialogs", "Address"), "address")
        self.label = QLineEdit()
        self.label.setPlaceholderText(QCoreApplication.translate("EditDialogs", "e.g. Office, Investment hotline, Mobile"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(QCoreApplication.translate("EditDialogs", "e.g. 0757 8668 3830"))
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Of"), QLabel(directory.name_of(owner_id)))
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Kind"), self.kind)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Label"), self.label)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Number or address"), self.value)
        if self.contact is not None:
            c = self.contact
            self.kind.setCurrentIndex(self.kind.findData(c.kind))
            self.kind.setEnabled(False)
            self.label.setText(c.label)
            self.value.setText(c.display)
            mine = directory.layer.user_values("contact", c.id).get("raw")
            if mine is not None:
                self.form.addRow("", _article_hint(mine.article_value))
            self.value.selectAll()
        self.value.setFocus()

    def collect(self) -> list[Op]:
        kind = self.kind.currentData()
        if self.contact is None:
            return [ch.add_contact(self.owner_id, kind, self.label.text(), self.value.text())]
        c = self.contact
        if " ".join(self.value.text().split()) == c.display and self.label.text() == c.label:
            return []
        label = self.label.text() if self.label.text() != c.label else None
        return [ch.set_contact(c.id, kind, self.value.text(), label)]

    @classmethod
    def ask(cls, directory: Directory, owner_id: str, contact_id: str | None = None,
            parent: QWidget | None = None) -> list[Op] | None:
        """The operation adding or correcting the contact; None when cancelled."""
        return cls(directory, owner_id, contact_id, parent).run()


ADD_KINDS = (PERSON, ENTERPRISE, PROJECT, INSTITUTION)


class AddRecordDialog(_FormDialog):
    """Add a person (with a title at an organisation), an enterprise, a project or an
    institution, in a park or zone-wide."""

    def __init__(self, directory: Directory, place_id: str | None, kind: str = PERSON,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("EditDialogs", "Add to the directory"), parent)
        self.setObjectName("addRecordDialog")
        self.directory = directory
        self.kind = QComboBox()
        for k in ADD_KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.name = QLineEdit()
        self.place = QComboBox()
        for key, label in place_choices(directory):
            self.place.addItem(label, key)
        self.place.setCurrentIndex(max(0, self.place.findData(place_id)))
        self.title = QLineEdit()
        self.title.setPlaceholderText(QCoreApplication.translate("EditDialogs", "e.g. General Manager"))
        self.org = QComboBox()
        self.description = QLineEdit()
        self.description.setPlaceholderText(QCoreApplication.translate("EditDialogs", "one line in your words"))
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Kind"), self.kind)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Name"), self.name)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Park"), self.place)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Title"), self.title)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "At"), self.org)
        self.form.addRow(QCoreApplication.translate("EditDialogs", "Description"), self.description)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.place.currentIndexChanged.connect(self._fill_orgs)
        self._fill_orgs()
        self._kind_changed()

    def _fill_orgs(self) -> None:
        self.org.clear()
        place = self.place.currentData()
        self.org.addItem(QCoreApplication.translate("EditDialogs", "(no organisation)"), None)
        self.org.addItem(self.directory.name_of(place), place)
        kinds = (ORGANISATION, ENTERPRISE, INSTITUTION, PROJECT)
        for e in self.directory.children(place, kinds, 0, 500):
            self.org.addItem(e.name, e.id)

    def _kind_changed(self) -> None:
        person = self.kind.currentData() == PERSON
        for widget in (self.title, self.org):
            widget.setVisible(person)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(person)

    def collect(self) -> list[Op]:
        kind = self.kind.currentData()
        record = ch.add_entity(kind, self.name.text(), self.place.currentData(),
                               description=self.description.text())
        ops = [record]
        if kind == PERSON and self.title.text().strip():
            ops.append(ch.add_role(record["id"], self.title.text(), self.org.currentData()))
        return ops

    @classmethod
    def ask(cls, directory: Directory, place_id: str | None, kind: str = PERSON,
            parent: QWidget | None = None) -> list[Op] | None:
        """The operations adding the record (and a person's title); None when cancelled."""
        return cls(directory, place_id, kind, parent).run()


class NoteDialog(_FormDialog):
    """A free-text note on a record (empty: no note)."""

    def __init__(self, directory: Directory, record_type: str, record_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("EditDialogs", "Note"), parent)
        self.setObjectName("noteDialog")
        self.record_type, self.record_id = record_type, record_id
        note = directory.layer.note(record_type, record_id)
        self.old = note.text if note else ""
        self.text = QPlainTextEdit(self.old)
        self.text.setPlaceholderText(QCoreApplication.translate(
            "EditDialogs", "Your note: only you see it, and it is never mixed with the articles."))
        self.form.addRow(QLabel(QCoreApplication.translate("EditDialogs", "On {name}").format(
            name=directory.name_of(record_id) or record_id)))
        self.form.addRow(self.text)

    def collect(self) -> list[Op]:
        op = ch.set_note(self.record_type, self.record_id, self.text.toPlainText())
        return [] if op["text"] == self.old else [op]

    @classmethod
    def ask(cls, directory: Directory, record_type: str, record_id: str,
            parent: QWidget | None = None) -> list[Op] | None:
        """The operation setting the note; None when cancelled or unchanged."""
        return cls(directory, record_type, record_id, parent).run()


class OutdatedFiguresDialog(_FormDialog):
    """Tick the figures of a record that are out of date (they stay, marked as such)."""

    def __init__(self, directory: Directory, entity_id: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("EditDialogs", "Mark figures as outdated"), parent)
        self.setObjectName("outdatedDialog")
        self.list = QListWidget()
        self.before: dict[str, bool] = {}
        for f in directory.figures(entity_id):
            when = f" ({display_date(f.reported)})" if f.reported else ""
            item = QListWidgetItem(f"{f.metric}: {f.display}{when}")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            outdated = f.id in directory.layer.outdated
            self.before[f.id] = outdated
            item.setCheckState(Qt.CheckState.Checked if outdated else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.form.addRow(QLabel(QCoreApplication.translate("EditDialogs", "Outdated figures stay visible, marked as outdated by you.")))
        self.form.addRow(self.list)

    def collect(self) -> list[Op]:
        ops = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            figure_id = item.data(Qt.ItemDataRole.UserRole)
            ticked = item.checkState() == Qt.CheckState.Checked
            if ticked != self.before[figure_id]:
                ops.append(ch.mark_outdated(figure_id, ticked))
        return ops

    @classmethod
    def ask(cls, directory: Directory, entity_id: str, parent: QWidget | None = None) -> list[Op] | None:
        """The operations for the figures whose mark changed; None when cancelled."""
        return cls(directory, entity_id, parent).run()
