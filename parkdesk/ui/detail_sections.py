"""The blocks the detail pane's pages are made of, as escaped HTML: a record's header,
its figures, contacts, people, relations and children, each cited; long lists cut with a line
saying how many more the tree holds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from parkdesk.core.dates import display_date
from parkdesk.core.db.directory import Directory, Source
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.parks import HOLDER_KINDS, park_in
from parkdesk.core.posts import standing
from parkdesk.core.records import (
    PARK,
    PERSON,
    PLACE,
    Contact,
    Entity,
    kind_label,
)
from parkdesk.core.tree import GROUPS
from parkdesk.core.userstore.layer import Entered
from parkdesk.ui.detail_html import (
    SourceList,
    entity_link,
    esc,
    facts_table,
    figure_rows,
    heading,
    phone_html,
    relation_html,
    section,
)

# Pages list the first items of a long list and say how many more the tree holds: a page of
# hundreds of rows takes the text pane over 100 ms to lay out (a table row costs the most).
GROUP_LIST_LIMIT = 20
PEOPLE_LIMIT = 12
MAX_NAME_REFS = 4  # articles cited next to a name; figures and contacts cite every source


_BY_YOU = {
    "entered": QT_TRANSLATE_NOOP("DetailPage", "— entered by you, {date}"),
    "name entered": QT_TRANSLATE_NOOP("DetailPage", "— name entered by you, {date}"),
    "written": QT_TRANSLATE_NOOP("DetailPage", "— written by you, {date}"),
    "marked": QT_TRANSLATE_NOOP("DetailPage", "— marked by you, {date}"),
    "reviewed": QT_TRANSLATE_NOOP("DetailPage", "— reviewed by you, {date}"),
}


def entered_html(entered: Entered | None, what: str = "entered") -> str:
    """The mark of the user's own values: "— entered by you, 2 Dec 2026"."""
    if entered is None:
        return ""
    text = QCoreApplication.translate("DetailPage", _BY_YOU[what]).format(
        date=display_date(entered.date))
    return f' <span class="user">{esc(text)}</span>'


def more_line(n: int) -> str:
    """The line under a cut list: how many more items the tree holds."""
    if n <= 0:
        return ""
    text = QCoreApplication.translate(
        "DetailPage", "…and {count} more: browse them in the tree or search.")
    return f'<p class="muted">{esc(text.format(count=f"{n:,}"))}</p>'


class Sections:
    """State while one page is built: the directory and the sources cited so far; the
    sections pages share."""

    def __init__(self, directory: Directory) -> None:
        self.d = directory
        self.sources = SourceList(directory.layer.articles)

    def _cited(self, text_html: str, record_type: str, record_id: str) -> str:
        return self.sources.cited(text_html, self.d.sources(record_type, record_id))

    def _header(self, e: Entity) -> str:
        label = kind_label(e.kind)
        if e.subkind and e.subkind != e.kind:
            label += f" · {e.subkind}"
        mine = self.d.layer.user_values("entity", e.id)
        refs = self._mention_refs(e.id)
        html = heading(label, e.name, "" if "name" in mine else refs)
        added = self.d.layer.entered("entity", e.id)
        if added is not None:
            text = QCoreApplication.translate("DetailPage", "Entered by you, {date}.")
            html += f'<p class="user">{esc(text.format(date=display_date(added.date)))}</p>'
        reviewed = self.d.layer.reviewed_on("entity", e.id)
        if reviewed is not None:
            text = QCoreApplication.translate(
                "DetailPage", "Reviewed by you from an imported article, {date}.")
            html += f'<p class="user">{esc(text.format(date=display_date(reviewed.date)))}</p>'
        in_articles = QCoreApplication.translate("DetailPage", "In the articles: {value}")
        if "name" in mine:
            html += (f'<p>{entered_html(mine["name"].entered, "name entered")}<br>'
                     f'<span class="muted">{esc(in_articles.format(value=mine["name"].article_value))}'
                     f"</span>{refs}</p>")
        if e.aliases or "aliases" in mine:
            also = QCoreApplication.translate("DetailPage", "Also known as: {names}")
            html += f'<p class="muted">{esc(also.format(names=", ".join(e.aliases) or "—"))}'
            if "aliases" in mine:
                given = mine["aliases"].article_value or []
                old = ", ".join(str(a) for a in given) or (  # type: ignore[attr-defined]
                    QCoreApplication.translate("DetailPage", "none"))
                was = QCoreApplication.translate("DetailPage", " (in the articles: {value})")
                html += f'{entered_html(mine["aliases"].entered)}{esc(was.format(value=old))}'
            html += "</p>"
        if not e.reviewed:
            html += '<p class="warn">' + esc(QCoreApplication.translate(
                "DetailPage", "Found automatically in the articles; not yet reviewed.")) + "</p>"
        if e.description or "description" in mine:
            html += f"<p>{esc(e.description or '—')}"
            if "description" in mine:
                old = str(mine["description"].article_value or "")
                html += entered_html(mine["description"].entered)
                if old:
                    html += f'<br><span class="muted">{esc(in_articles.format(value=old))}</span>'
            html += "</p>"
        note = self.d.layer.note("entity", e.id)
        if note is not None:
            html += self._note(note.text, note.entered)
        return html

    def _note(self, text: str, entered: Entered) -> str:
        lines = "<br>".join(esc(line) for line in text.splitlines())
        yours = esc(QCoreApplication.translate("DetailPage", "Your note"))
        return (f'<p class="note"><b>{yours}</b>{entered_html(entered, "written")}<br>'
                f"{lines}</p>")

    def _mention_refs(self, entity_id: str) -> str:
        """References for where an entity is named: the first mention in each article only."""
        first: dict[str, Source] = {}
        for source in self.d.sources("entity", entity_id):
            first.setdefault(source.article.id, source)
        shown = list(first.values())[:MAX_NAME_REFS]
        refs = self.sources.refs(shown)
        more = len(first) - len(shown)
        if more > 0:
            text = QCoreApplication.translate("DetailPage", "+{count} more articles")
            refs += f' <span class="muted">{esc(text.format(count=more))}</span>'
        return refs

    def _place_rows(self, e: Entity) -> list[tuple[str, str]]:
        """District, the body it is part of, and its park (or "zone-wide", or outside)."""
        rows = []
        if e.district:
            rows.append((QCoreApplication.translate("DetailPage", "District"), esc(e.district)))
        chain = self.d.ancestors(e.id)
        if not chain:
            return rows
        parent = chain[-1]
        if parent.kind not in HOLDER_KINDS:
            rows.append((QCoreApplication.translate("DetailPage", "Part of"),
                         entity_link(parent.id, parent.name)))
        home = park_in(chain, lambda a: a.kind)  # the park above: a park's own is the zone
        if home is None:
            return rows
        if home.kind == PARK:
            rows.append((QCoreApplication.translate("DetailPage", "Park"),
                         entity_link(home.id, home.name)))
        elif home.kind == PLACE:
            rows.append((QCoreApplication.translate("DetailPage", "Outside the zone"),
                         entity_link(home.id, home.name)))
        elif e.kind == PARK:
            rows.append((QCoreApplication.translate("DetailPage", "Zone"),
                         entity_link(home.id, home.name)))
        else:
            before, _, after = QCoreApplication.translate(
                "DetailPage", "zone-wide ({zone})").partition("{zone}")
            rows.append((QCoreApplication.translate("DetailPage", "Park"),
                         esc(before) + entity_link(home.id, home.name) + esc(after)))
        return rows

    def _figures(self, e: Entity, title: str = "") -> str:
        outdated = self.d.layer.outdated
        word = esc(QCoreApplication.translate("DetailPage", "outdated"))
        marks = {key[1]: entered_html(when, "reviewed")
                 for key, when in self.d.layer.reviewed.items() if key[0] == "figure"}
        marks.update({fid: f' <span class="warn">{word}</span>{entered_html(when, "marked")}'
                      for fid, when in outdated.items()})
        rows = figure_rows(
            self.d.figures(e.id), lambda f: self.d.sources("figure", f.id), self.sources, marks
        )
        return section(title or QCoreApplication.translate("DetailPage", "Key figures"),
                       facts_table(rows))

    def _contacts(self, owner_id: str, include_children: bool, empty: str = "",
                  title: str | None = None) -> str:
        contacts = self.d.contacts(owner_id, include_children=include_children)
        rows = []
        for c in contacts:
            label = c.label
            if c.owner_id != owner_id:
                label = c.label or self.d.name_of(c.owner_id)
            rows.append((label, self._contact_value(c)))
        body = facts_table(rows)
        if body:
            body += '<p class="muted">' + esc(QCoreApplication.translate(
                "DetailPage", "Click a number to copy it; right-click for more.")) + "</p>"
        if title is None:
            title = QCoreApplication.translate("DetailPage", "Contacts")
        if not title:
            return body or f'<p class="muted">{esc(empty)}</p>'
        return section(title, body, empty)

    def _contact_value(self, c: Contact) -> str:
        """A contact's value: the user's (marked, above the article's, which keeps its
        citation) or the article's as it is."""
        sources = self.d.sources("contact", c.id)
        mine = self.d.layer.user_values("contact", c.id).get("raw")
        added = self.d.layer.entered("contact", c.id)
        if mine is None:
            reviewed = self.d.layer.reviewed_on("contact", c.id)
            mark = entered_html(reviewed, "reviewed") if reviewed else entered_html(added)
            return phone_html(c, self.sources, sources) + mark
        html = phone_html(c, self.sources, []) + entered_html(mine.entered)
        old = esc(mine.article_value) if mine.article_value else ""
        if old and added is None:
            was = esc(QCoreApplication.translate("DetailPage", "In the article: {value}"))
            html += "<br>" + self.sources.cited(
                f'<span class="muted">{was.replace("{value}", old)}</span>', sources)
        return html

    def _people(self, org_ids: list[str], person_parent: str | None = None) -> str:
        rows, seen = [], set()
        for org_id in org_ids:
            at_body = self.d.people_of(org_id)
            for role in at_body:
                seen.add(role.person_id)
                person = entity_link(role.person_id, self.d.name_of(role.person_id))
                title = self._cited(esc(role.title), "role", role.id)
                mine = self.d.layer.entered("role", role.id)
                title += entered_html(mine)
                if role.reported and mine is None:
                    title += f' <span class="muted">· {esc(standing(role, at_body))}</span>'
                rows.append((person, title))
        more = 0
        if person_parent:
            for p in self.d.children(person_parent, (PERSON,), 0, PEOPLE_LIMIT):
                if p.id not in seen:
                    roles = self.d.roles_of(p.id)
                    title = esc(roles[0].title) if roles else ""
                    rows.append((entity_link(p.id, p.name), title))
            more = self.d.count_children(person_parent, (PERSON,)) - PEOPLE_LIMIT
        if not rows:
            return ""
        body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return section(QCoreApplication.translate("DetailPage", "People"),
                       f'<table class="facts">{body}</table>' + more_line(more))

    def _relations(self, e: Entity, title: str) -> str:
        rows = []
        for rel in self.d.relations(e.id):
            mine = rel.subject_id == e.id
            other = rel.object_id if mine else rel.subject_id
            link = entity_link(other, self.d.name_of(other) or other)
            rows.append(self._cited(relation_html(rel.predicate, link, mine), "relation", rel.id))
        if not rows:
            return ""
        body = "".join(f"<tr><td>{row}</td></tr>" for row in rows)
        return section(title, f'<table class="facts">{body}</table>')

    def _children(self, e: Entity, title: str = "") -> str:
        children = self.d.children(e.id, None, 0, GROUP_LIST_LIMIT)
        if not children:
            return ""
        items = "".join(
            f"<li>{entity_link(c.id, c.name)} "
            f'<span class="muted">{esc(c.subkind or kind_label(c.kind))}</span></li>'
            for c in children
        )
        more = self.d.count_children(e.id) - len(children)
        return section(title or QCoreApplication.translate("DetailPage", "Includes"),
                       f"<ul>{items}</ul>" + more_line(more))

    def _group_counts(self, entity_id: str) -> list[int]:
        counts = [
            self.d.count_children(entity_id, g.kinds) for g in GROUPS if g.kinds
        ]
        counts.append(len(self.d.contacts(entity_id, include_children=True)))
        return counts

    # -- pages -----------------------------------------------------------------------------
