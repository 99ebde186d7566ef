"""The detail pane's page for each kind of tree node, as escaped HTML."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from parkdesk.core.db.directory import Directory
from parkdesk.core.posts import standing
from parkdesk.core.records import (
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    ZONE,
    Entity,
    kind_label,
)
from parkdesk.core.tree import BEYOND_KEY, CONTACT, GROUP, GROUPS, Group, TreeNode
from parkdesk.ui.detail_html import (
    STYLE,
    entity_link,
    esc,
    facts_table,
    heading,
    section,
)
from parkdesk.ui.detail_sections import (
    GROUP_LIST_LIMIT,
    Sections,
    entered_html,
    more_line,
)


def page_html(directory: Directory, node: TreeNode) -> str:
    """The whole page for a tree node: header, sections per kind, then Sources."""
    page = _Page(directory)
    if node.type == GROUP:
        body = page.group(node)
    elif node.type == CONTACT:
        body = page.contact(node.key)
    else:
        body = page.entity(node.key)
    return f"<html><head><style>{STYLE}</style></head><body>{body}{page.sources.section()}</body></html>"


def empty_html(message: str) -> str:
    """A page with one line on it (nothing selected, or a record that is gone)."""
    return f'<html><head><style>{STYLE}</style></head><body><p class="muted">{esc(message)}</p></body></html>'


def problem_html(message: str, retry_href: str) -> str:
    """A page saying why the selected item cannot be shown now, with a link to try again."""
    again = QCoreApplication.translate("DetailPage", "Try again")
    return (f'<html><head><style>{STYLE}</style></head><body><p>{esc(message)}</p>'
            f'<p><a href="{esc(retry_href)}">{esc(again)}</a></p></body></html>')


def no_phones() -> str:
    return QCoreApplication.translate("DetailPage", "No phone numbers in the articles.")


class _Page(Sections):
    """One page per kind of node, made of the shared sections."""

    def entity(self, entity_id: str) -> str:
        e = self.d.entity(entity_id)
        if e is None:
            return '<p class="muted">' + esc(QCoreApplication.translate(
                "DetailPage", "This item is no longer in the database.")) + "</p>"
        builder = {
            ZONE: self._zone,
            PARK: self._park,
            PLACE: self._park,
            PERSON: self._person,
        }.get(e.kind, self._organisation)
        return builder(e)

    def _zone(self, e: Entity) -> str:
        html = self._header(e) + facts_table(self._place_rows(e))
        html += self._contacts(e.id, True, no_phones())
        head = "".join(f"<th>{esc(g.title)}</th>" for g in GROUPS)
        rows = []
        not_published = esc(QCoreApplication.translate("DetailPage", "not published"))
        for park in self.d.children(e.id, (PARK,)):
            cells = "".join(f'<td align="right">{n:,}</td>' for n in self._group_counts(park.id))
            phones = "<br>".join(self._contact_value(c) for c in self.d.contacts(park.id)
                                 if c.kind == "phone") or \
                f'<span class="muted">{not_published}</span>'
            rows.append(f"<tr><td>{entity_link(park.id, park.name)}</td><td>{phones}</td>"
                        f"{cells}</tr>")
        cells = "".join(f'<td align="right">{n:,}</td>' for n in self._group_counts(e.id))
        zone_wide = esc(QCoreApplication.translate("DetailPage", "Zone-wide"))
        rows.append(f'<tr><td class="muted">{zone_wide}</td><td></td>{cells}</tr>')
        park_head = esc(QCoreApplication.translate("DetailPage", "Park"))
        phone_head = esc(QCoreApplication.translate("DetailPage", "Phone"))
        table = (
            '<table class="counts" cellspacing="0" cellpadding="3">'
            f"<tr><th>{park_head}</th><th>{phone_head}</th>{head}</tr>"
            + "".join(rows) + "</table>"
        )
        html += section(QCoreApplication.translate("DetailPage", "Parks"), table)
        html += self._figures(e)
        html += self._people([e.id] + [o.id for o in self.d.children(e.id, (ORGANISATION,))], e.id)
        return html

    def _park(self, e: Entity) -> str:
        html = self._header(e) + facts_table(self._place_rows(e))
        html += self._contacts(e.id, True, no_phones())
        html += self._figures(e)
        for group in GROUPS:
            if group.kinds:
                html += self._group_list(e.id, group)
        html += self._relations(e, QCoreApplication.translate("DetailPage", "Related"))
        return html

    def _item(self, c: Entity) -> str:
        """A list item: the entity's link, then what it is (a person's latest title)."""
        if c.kind == PERSON:
            roles = self.d.roles_of(c.id)
            what = roles[0].title if roles else ""
        else:
            what = c.subkind or c.status or ""
        tail = f' <span class="muted">{esc(what)}</span>' if what else ""
        return f"<li>{entity_link(c.id, c.name)}{tail}</li>"

    def _group_list(self, parent_id: str, group: Group, title: str = "") -> str:
        """The items of one folder as links, the first GROUP_LIST_LIMIT of them."""
        children = self.d.children(parent_id, group.kinds, 0, GROUP_LIST_LIMIT)
        if not children:
            return ""
        items = "".join(self._item(c) for c in children)
        more = self.d.count_children(parent_id, group.kinds) - len(children)
        body = f"<ul>{items}</ul>" + more_line(more)
        return section(title or group.title, body) if title != "-" else body

    def _organisation(self, e: Entity) -> str:
        """Projects, enterprises, institutions and zone bodies."""
        rows = self._place_rows(e)
        if e.status:
            rows.insert(0, (QCoreApplication.translate("DetailPage", "Status"), esc(e.status)))
        title = (QCoreApplication.translate("DetailPage", "Organisations involved")
                 if e.kind == "project" else QCoreApplication.translate("DetailPage", "Related"))
        header = self._header(e)  # first, so that the name's sources are numbered first
        sections = (
            self._figures(e, QCoreApplication.translate("DetailPage", "Figures and dates"))
            + self._contacts(e.id, False)
            + self._relations(e, title) + self._people([e.id]) + self._children(e)
        )
        if not sections:
            sections = '<p class="muted">' + esc(QCoreApplication.translate(
                "DetailPage", "The source articles name it but give no figures, dates, contacts "
                "or people for it.")) + "</p>"
        return header + facts_table(rows) + sections

    def _person(self, e: Entity) -> str:
        html = self._header(e) + facts_table(self._place_rows(e))
        rows = []
        for role in self.d.roles_of(e.id):
            title = self._cited(esc(role.title), "role", role.id)
            title += entered_html(self.d.layer.entered("role", role.id))
            if role.org_id:
                title += " — " + entity_link(role.org_id, self.d.name_of(role.org_id))
            at_body = self.d.people_of(role.org_id) if role.org_id else [role]
            rows.append((esc(standing(role, at_body)), title))
        body = "".join(
            f'<tr><th>{d}</th><td>{t}</td></tr>' for d, t in rows
        )
        html += section(QCoreApplication.translate("DetailPage", "Titles"),
                        f'<table class="facts">{body}</table>' if rows else "",
                        QCoreApplication.translate("DetailPage", "No titles in the articles."))
        html += self._figures(e, QCoreApplication.translate("DetailPage", "Figures"))
        html += self._contacts(e.id, False)
        html += self._relations(e, QCoreApplication.translate("DetailPage", "Related"))
        return html

    def group(self, node: TreeNode) -> str:
        if node.key == BEYOND_KEY:
            return self._beyond(node)
        parent_id, key = node.key.rsplit("/", 1)
        parent = self.d.name_of(parent_id)
        html = heading(parent, f"{node.label} ({node.count or 0:,})")
        if key == "contacts":
            return html + self._contacts(
                parent_id, True, QCoreApplication.translate("DetailPage", "No contacts."), title="")
        group = next(g for g in GROUPS if g.key == key)
        return html + self._group_list(parent_id, group, "-")

    def _beyond(self, node: TreeNode) -> str:
        """Places outside the zone that the articles cover, as links."""
        places = [e for e in self.d.roots() if e.kind == PLACE]
        items = "".join(
            f"<li>{entity_link(p.id, p.name)}"
            + (f' <span class="muted">{esc(p.district)}</span>' if p.district else "")
            + "</li>" for p in places
        )
        return (heading(kind_label(PLACE), f"{node.label} ({len(places):,})")
                + '<p class="muted">' + esc(QCoreApplication.translate(
                    "DetailPage", "Places outside the zone that the articles cover, with the "
                    "firms and people named there."))
                + f"</p><ul>{items}</ul>")

    def contact(self, contact_id: str) -> str:
        c = self.d.contact(contact_id)
        if c is None:
            return '<p class="muted">' + esc(QCoreApplication.translate(
                "DetailPage", "This contact is no longer in the database.")) + "</p>"
        kind = (QCoreApplication.translate("DetailPage", "Phone number") if c.kind == "phone"
                else QCoreApplication.translate("DetailPage", "Address"))
        html = heading(kind, c.label or c.display)
        rows = [(QCoreApplication.translate("DetailPage", "Of"),
                 entity_link(c.owner_id, self.d.name_of(c.owner_id)))]
        if c.kind == "phone":
            rows.append((QCoreApplication.translate("DetailPage", "Number"), self._contact_value(c)))
            if c.valid:
                rows.append((QCoreApplication.translate("DetailPage", "International"),
                             esc(c.international or "")))
                rows.append(("E.164", esc(c.e164 or "")))
            rows.append((QCoreApplication.translate("DetailPage", "As written"), esc(c.raw)))
        else:
            rows.append((QCoreApplication.translate("DetailPage", "Address"),
                         self._contact_value(c)))
        html += facts_table(rows)
        note = self.d.layer.note("contact", c.id)
        if note is not None:
            html += self._note(note.text, note.entered)
        if c.kind == "phone":
            html += '<p class="muted">' + esc(QCoreApplication.translate(
                "DetailPage", "Click the number to copy it; right-click for more.")) + "</p>"
        return html

