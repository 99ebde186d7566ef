"""The window's editing commands: Undo/Redo, Edit Record, Add, Contacts, Notes, Outdated
figures, Hide, History and Restore from Backup; and showing the directory anew after each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from parkdesk.core.records import PARK, PLACE, ZONE
from parkdesk.core.tree import (
    CONTACT,
    ENTITY,
    GROUP,
    REVIEW,
    REVIEW_ARTICLE,
    DirectoryTree,
    TreeNode,
)
from parkdesk.core.userstore import changes as ch
from parkdesk.ui.enum_properties import set_enum
from parkdesk.ui.window_actions import make_action

if TYPE_CHECKING:
    from parkdesk.ui.history_view import HistoryDialog
    from parkdesk.ui.main_window import MainWindow

STATUS_MS = 10_000


class EditActions:
    """The editing actions the window holds (made by `build`)."""

    undo_action: QAction
    redo_action: QAction
    edit_record_action: QAction
    add_record_action: QAction
    add_contact_action: QAction
    note_action: QAction
    outdated_action: QAction
    hide_action: QAction
    history_action: QAction
    restore_action: QAction
    editing_actions: list[QAction]

    def __init__(self) -> None:
        self.history_dialog: HistoryDialog | None = None


def build(window: MainWindow) -> EditActions:
    """The window's editing actions, put in the Edit and File menus (the tree's menu adds them
    when it opens); the window holds what this returns as `window.edit_actions`."""
    acts = EditActions()
    edits = window.edits
    K = QKeySequence.StandardKey  # noqa: N806
    acts.undo_action = edits.stack.createUndoAction(window, QCoreApplication.translate("EditActions", "&Undo"))
    acts.undo_action.setShortcuts(K.Undo)
    acts.redo_action = edits.stack.createRedoAction(window, QCoreApplication.translate("EditActions", "&Redo"))
    acts.redo_action.setShortcuts(K.Redo)
    window.addActions([acts.undo_action, acts.redo_action])
    acts.edit_record_action = make_action(window, QCoreApplication.translate("EditActions", "&Edit Record…"), lambda: edit_record(window),
                                            "F2", "", QCoreApplication.translate("EditActions", "Correct the selected record or contact"))
    acts.add_record_action = make_action(window, QCoreApplication.translate("EditActions", "&Add to Directory…"), lambda: add_record(window),
                                           "Ctrl+N", "", QCoreApplication.translate("EditActions", "Add a person, enterprise, project or institution"))
    acts.add_contact_action = make_action(window, QCoreApplication.translate("EditActions", "Add &Contact…"), lambda: add_contact(window),
                                            "Ctrl+Shift+N", "", QCoreApplication.translate("EditActions", "Add a phone number or address"))
    acts.note_action = make_action(window, QCoreApplication.translate("EditActions", "&Note…"), lambda: edit_note(window), "Ctrl+Shift+M",
                                     "", QCoreApplication.translate("EditActions", "Write a note on the selected record"))
    acts.outdated_action = make_action(window, QCoreApplication.translate("EditActions", "Mark Figures &Outdated…"),
                                         lambda: mark_outdated(window), "Ctrl+Shift+U")
    acts.hide_action = make_action(window, QCoreApplication.translate("EditActions", "&Hide"), lambda: hide_selected(window), "Delete", "",
                                     QCoreApplication.translate("EditActions", "Hide the selected record (undo, or revert it in the History)"))
    # Delete hides only from the tree: in the search field it deletes text.
    window.removeAction(acts.hide_action)
    set_enum(acts.hide_action, "shortcutContext", "WidgetWithChildrenShortcut")
    window.tree_view.addAction(acts.hide_action)
    acts.history_action = make_action(window, QCoreApplication.translate("EditActions", "&History…"), lambda: show_history(window), "Ctrl+H",
                                        "", QCoreApplication.translate("EditActions", "All your changes; revert any of them"))
    acts.restore_action = make_action(window, QCoreApplication.translate("EditActions", "&Restore from Backup…"),
                                        lambda: restore_backup(window), "Ctrl+Shift+R")
    acts.editing_actions = [acts.edit_record_action, acts.add_record_action,
                              acts.add_contact_action, acts.note_action,
                              acts.outdated_action, acts.hide_action, acts.restore_action]
    edit_menu, file_menu = window.window_actions.edit_menu, window.window_actions.file_menu
    first = edit_menu.actions()[0]
    edit_menu.insertActions(first, [acts.undo_action, acts.redo_action])
    edit_menu.insertSeparator(first)
    edit_menu.addSeparator()
    edit_menu.addActions([acts.edit_record_action, acts.add_record_action,
                          acts.add_contact_action, acts.note_action, acts.outdated_action,
                          acts.hide_action])
    edit_menu.addSeparator()
    edit_menu.addAction(acts.history_action)
    file_menu.insertAction(window.window_actions.quit, acts.restore_action)
    file_menu.insertSeparator(window.window_actions.quit)
    edits.directory_changed.connect(lambda: refresh(window))
    edits.failed.connect(lambda message: _say(window, message))
    return acts


def update_enabled(window: MainWindow) -> None:
    """Editing is possible only with a writable store; the reason shows in each tooltip."""
    reason = window.edits.data.read_only_reason
    for action in window.edit_actions.editing_actions:
        action.setEnabled(not reason)
        if reason:
            action.setToolTip(reason)
    window.edit_actions.history_action.setEnabled(window.edits.data.store is not None)


def extend_tree_menu(window: MainWindow, menu: QMenu, node: TreeNode) -> None:
    """The tree's context menu: the editing commands that apply to the clicked node."""
    menu.addSeparator()
    menu.addAction(window.edit_actions.edit_record_action)
    if node.type == ENTITY:
        menu.addActions([window.edit_actions.add_contact_action, window.edit_actions.note_action, window.edit_actions.hide_action])
    elif node.type == CONTACT:
        menu.addAction(window.edit_actions.hide_action)


def _say(window: MainWindow, message: str) -> None:
    """A change that could not be saved: one sentence, in a box and the status bar."""
    from PySide6.QtCore import Qt  # (not at the top: see enum_properties)
    from PySide6.QtWidgets import QMessageBox  # (not at the top: its enums slow the start)

    window.statusBar().showMessage(message, STATUS_MS)
    box = QMessageBox(QMessageBox.Icon.Warning, "parkdesk", message, QMessageBox.StandardButton.Ok,
                      window)
    box.setObjectName("changeNotSavedBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    box.deleteLater()


def make_change(window: MainWindow, summary: str, ops: list[ch.Op] | None) -> bool:
    """Save one change (undoable) and say so in the status bar; False if nothing was saved."""
    return _make(window, summary, ops)


def _make(window: MainWindow, summary: str, ops: list[ch.Op] | None) -> bool:
    if not ops:
        return False
    change = window.edits.make(summary, ops)
    if change is None:
        return False
    window.statusBar().showMessage(
        QCoreApplication.translate("EditActions", "Saved: {change}. Undo with Ctrl+Z.").format(
            change=summary), STATUS_MS)
    return True


# -- what the commands act on ----------------------------------------------------------------

def _selected_entity(window: MainWindow) -> str | None:
    node = window.current_node()
    if node is None:
        return None
    if node.type == GROUP:
        return node.key.rsplit("/", 1)[0] or None  # "Beyond the zone" has no owner
    return node.key if node.type == ENTITY else None


def _place_of(window: MainWindow, entity_id: str | None) -> str | None:
    """The park, zone or outside place a new record should go in by default."""
    if entity_id is None:
        return None
    d = window.directory
    entity = d.entity(entity_id)
    if entity is not None and entity.kind in (ZONE, PARK, PLACE):
        return entity.id
    home = d.park_of(entity_id)
    return home.id if home else None


# -- the commands ------------------------------------------------------------------------------

def edit_record(window: MainWindow) -> None:
    """Edit › Edit Record…: the selected record's fields, or the selected contact's value."""
    from parkdesk.ui.edit_dialogs import ContactDialog, EditRecordDialog

    node = window.current_node()
    d = window.directory
    if node is not None and node.type == CONTACT:
        contact = d.contact(node.key)
        if contact is None:
            return
        ops = ContactDialog.ask(d, contact.owner_id, contact.id, window)
        if ops:
            text = (QCoreApplication.translate("EditActions", "Corrected phone of {name}: {value}")
                    if contact.kind == "phone" else
                    QCoreApplication.translate("EditActions", "Corrected address of {name}: {value}"))
            _make(window, text.format(name=d.name_of(contact.owner_id), value=ops[0]["raw"]), ops)
        return
    entity_id = _selected_entity(window)
    if entity_id is None:
        window.statusBar().showMessage(QCoreApplication.translate("EditActions", "Select a record to edit"),
                                       STATUS_MS)
        return
    name = d.name_of(entity_id)
    ops = EditRecordDialog.ask(d, entity_id, window)
    if ops:
        fields = ", ".join(QCoreApplication.translate("Fields", ch.FIELD_LABELS[op["field"]]).lower()
                           for op in ops)
        _make(window, QCoreApplication.translate("EditActions", "Edited {name}: {fields}").format(
            name=name, fields=fields), ops)


def add_record(window: MainWindow) -> None:
    """Edit › Add to Directory…: a person (with title), enterprise, project or institution."""
    from parkdesk.ui.edit_dialogs import AddRecordDialog

    place = _place_of(window, _selected_entity(window))
    ops = AddRecordDialog.ask(window.directory, place, parent=window)
    if ops and _make(window, QCoreApplication.translate("EditActions", "Added {name}").format(
            name=ops[0]["name"]), ops):
        window.select_entity(ops[0]["id"])


def add_contact(window: MainWindow) -> None:
    """Edit › Add Contact…: a phone number or address of the selected record."""
    from parkdesk.ui.edit_dialogs import ContactDialog

    owner = _selected_entity(window)
    if owner is None:
        node = window.current_node()
        contact = window.directory.contact(node.key) if node and node.type == CONTACT else None
        owner = contact.owner_id if contact else None
    if owner is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("EditActions", "Select a record to add a contact to"),
            STATUS_MS)
        return
    ops = ContactDialog.ask(window.directory, owner, None, window)
    added = QCoreApplication.translate("EditActions", "Added {value} to {name}")
    if ops and _make(window, added.format(value=ops[0]["raw"],
                                          name=window.directory.name_of(owner)), ops):
        window.select_contact(ops[0]["id"])


def edit_note(window: MainWindow) -> None:
    """Edit › Note…: the user's note on the selected record."""
    from parkdesk.ui.edit_dialogs import NoteDialog

    node = window.current_node()
    if node is None or node.type == GROUP:
        window.statusBar().showMessage(
            QCoreApplication.translate("EditActions", "Select a record to write a note on"),
            STATUS_MS)
        return
    record_type = "contact" if node.type == CONTACT else "entity"
    ops = NoteDialog.ask(window.directory, record_type, node.key, window)
    if ops:
        name = window.directory.name_of(node.key) or node.label
        text = (QCoreApplication.translate("EditActions", "Note on {name}") if ops[0]["text"]
                else QCoreApplication.translate("EditActions", "Removed the note on {name}"))
        _make(window, text.format(name=name), ops)


def mark_outdated(window: MainWindow) -> None:
    """Edit › Mark Figures Outdated…: tick the selected record's out-of-date figures."""
    from parkdesk.ui.edit_dialogs import OutdatedFiguresDialog

    entity_id = _selected_entity(window)
    if entity_id is None or not window.directory.figures(entity_id):
        window.statusBar().showMessage(
            QCoreApplication.translate("EditActions", "The selected record has no figures"),
            STATUS_MS)
        return
    ops = OutdatedFiguresDialog.ask(window.directory, entity_id, window)
    _make(window, QCoreApplication.translate("EditActions", "Marked figures of {name}").format(
        name=window.directory.name_of(entity_id)), ops)


def hide_selected(window: MainWindow) -> None:
    """Edit › Hide: the selected record (and what is under it) or contact, reversibly."""
    node = window.current_node()
    d = window.directory
    if node is None or node.type == GROUP:
        return
    if node.type == CONTACT:
        _make(window, QCoreApplication.translate("EditActions", "Hid {name}").format(
            name=node.label), [ch.hide("contact", node.key)])
        return
    entity = d.entity(node.key)
    if entity is None or entity.kind == ZONE:
        window.statusBar().showMessage(
            QCoreApplication.translate("EditActions", "The zone itself cannot be hidden"),
            STATUS_MS)
        return
    _make(window, QCoreApplication.translate("EditActions", "Hid {name}").format(
        name=entity.name), [ch.hide("entity", entity.id)])


def show_history(window: MainWindow) -> None:
    """Edit › History…: the journal of changes, non-modal, one window."""
    from parkdesk.ui.history_view import HistoryDialog

    dialog = window.edit_actions.history_dialog
    if dialog is None:
        dialog = window.edit_actions.history_dialog = HistoryDialog(window.edits, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def restore_backup(window: MainWindow) -> None:
    """File › Restore from Backup…"""
    from parkdesk.ui.history_view import RestoreBackupDialog

    store = window.edits.data.store
    if store is None:
        return
    chosen = RestoreBackupDialog.ask(store.path, window)
    if chosen is not None and window.edits.restore_backup(chosen):
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "EditActions", "Restored your changes from {backup}; what you had is in "
                "{saved}.").format(backup=chosen.name,
                                   saved=window.edits.last_restore_backup.name), STATUS_MS)


# Operations that change no row of the tree (names, parents, counts): after a change made of
# these alone the tree keeps its rows, and only the review counts are shown anew.
_TREE_KEEPING = frozenset({"finding.decide", "citation.add", "alias.add", "figure.add",
                           "note.set", "figure.outdated"})


def _keeps_tree(window: MainWindow) -> bool:
    change = window.edits.last_change
    return change is not None and all(op["op"] in _TREE_KEEPING for op in change.ops)


def refresh(window: MainWindow) -> None:
    """Show the directory anew after a change: the tree, the search, the selected page."""
    if _keeps_tree(window) and window.model.update_review_counts():
        window.search.set_directory(window.directory)
        window.show_node(window.current_node())
        if window.edit_actions.history_dialog is not None:
            window.edit_actions.history_dialog.reload()
        return
    node = window.current_node()
    window.tree = DirectoryTree(window.directory)
    window.model.set_tree(window.tree)
    window.tree_view.expand(window.model.index(0, 0))
    window.search.set_directory(window.directory)
    restored = False
    if node is not None and node.type == CONTACT:
        restored = window.select_contact(node.key)
    elif node is not None and node.type == ENTITY:
        restored = window.select_entity(node.key)
    elif node is not None and node.type == GROUP:
        restored = window.select_folder(node.key)
    elif node is not None and node.type in (REVIEW, REVIEW_ARTICLE):
        restored = window.select_review(node.key if node.type == REVIEW_ARTICLE else None,
                                        show=False)
    if not restored:
        window.tree_view.setCurrentIndex(window.model.index(0, 0))
    window.show_node(window.current_node())
    if window.edit_actions.history_dialog is not None:
        window.edit_actions.history_dialog.reload()
