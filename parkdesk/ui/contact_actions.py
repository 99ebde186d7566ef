"""What can be done with a contact: copy it in each form, copy a park's list, call it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.phones import tel_uri
from parkdesk.core.records import Contact
from parkdesk.ui import icons
from parkdesk.ui.clipboard import copy_text

_FORMS = {"national": QT_TRANSLATE_NOOP("ContactActions", "national form"),
          "international": QT_TRANSLATE_NOOP("ContactActions", "international form"),
          "e164": QT_TRANSLATE_NOOP("ContactActions", "E.164 form")}


def _whose(directory: Directory, contact: Contact) -> str:
    return contact.label or directory.name_of(contact.owner_id)


def copy_number(directory: Directory, contact: Contact, form: str = "national") -> None:
    """Copy one number: form "national" (the default), "international" or "e164"."""
    if contact.kind != "phone":
        copy_text(contact.raw, QCoreApplication.translate(
            "ContactActions", "Copied the address “{address}” ({whose})").format(
                address=contact.raw, whose=_whose(directory, contact)))
        return
    value = {"national": contact.national, "international": contact.international,
             "e164": contact.e164}.get(form) or ""
    if not value:
        copy_text(contact.raw, QCoreApplication.translate(
            "ContactActions", "Copied “{number}” as written ({whose})").format(
                number=contact.raw, whose=_whose(directory, contact)))
        return
    label = QCoreApplication.translate("ContactActions", _FORMS[form])
    copy_text(value, QCoreApplication.translate(
        "ContactActions", "Copied “{number}” ({whose}, {form})").format(
            number=value, whose=_whose(directory, contact), form=label))


def contacts_owner(directory: Directory, entity_id: str) -> str | None:
    """The park, zone or outside place whose contact list covers `entity_id`: its park."""
    park = directory.park_of(entity_id)
    return park.id if park else None


def contacts_text(directory: Directory, owner_id: str) -> str:
    """All contacts of a park (or the zone) as plain text, one per line, under its name."""
    lines = [directory.name_of(owner_id)]
    for c in directory.contacts(owner_id, include_children=True):
        if c.kind == "phone" and c.valid:
            lines.append(f"{c.label}: {c.national} ({c.international})")
        else:
            lines.append(f"{c.label}: {c.raw}")
    return "\n".join(lines)


def copy_all_contacts(directory: Directory, owner_id: str) -> None:
    """Copy every contact of a park or the zone as text."""
    text = contacts_text(directory, owner_id)
    n = text.count("\n")
    copy_text(text, _Plurals().copied_contacts(n, directory.name_of(owner_id)))


class _Plurals(QObject):
    """Texts with plural forms: lupdate reads those from `self.tr(text, "", n)` in a class
    only, not from QCoreApplication.translate."""

    def copied_contacts(self, n: int, name: str) -> str:
        return self.tr("Copied %n contact(s) of {name} as text", "", n).format(name=name)


def call(contact: Contact) -> bool:
    """Open the number's tel: URI (extension included) with the system's dialler; False if it
    cannot be dialled."""
    uri = tel_uri(contact.raw, contact.e164) if contact.kind == "phone" else None
    if uri is None:
        return False
    return QDesktopServices.openUrl(QUrl(uri))


def add_phone_actions(menu: QMenu, directory: Directory, contact: Contact,
                      context_entity: str | None) -> None:
    """Fill `menu` with the copy/call actions for one contact."""
    def add(text: str, slot: Callable[[], object], icon: str = "") -> QAction:
        action = menu.addAction(icons.icon(icon), text) if icon else menu.addAction(text)
        action.triggered.connect(slot)
        return action

    if contact.kind == "phone" and contact.valid:
        add(QCoreApplication.translate("ContactActions", "Copy {number}").format(
            number=contact.national), lambda: copy_number(directory, contact), "copy")
        add(QCoreApplication.translate("ContactActions", "Copy international form  {number}")
            .format(number=contact.international),
            lambda: copy_number(directory, contact, "international"))
        add(QCoreApplication.translate("ContactActions", "Copy E.164 form  {number}").format(
            number=contact.e164), lambda: copy_number(directory, contact, "e164"))
    else:
        add(QCoreApplication.translate("ContactActions", "Copy “{number}” as written").format(
            number=contact.raw), lambda: copy_number(directory, contact), "copy")
    owner = contacts_owner(directory, context_entity or contact.owner_id) or contacts_owner(
        directory, contact.owner_id
    )
    if owner:
        menu.addSeparator()
        add(QCoreApplication.translate("ContactActions", "Copy all contacts of {name}").format(
            name=directory.name_of(owner)),
            lambda: copy_all_contacts(directory, owner))
    if contact.kind == "phone" and contact.valid:
        menu.addSeparator()
        add(QCoreApplication.translate("ContactActions", "Call {number}").format(
            number=contact.international), lambda: call(contact), "call")


def phone_menu(parent: QWidget, directory: Directory, contact: Contact,
               context_entity: str | None = None) -> QMenu:
    """A context menu for one contact."""
    menu = QMenu(parent)
    add_phone_actions(menu, directory, contact, context_entity)
    return menu
