"""Fact-sheet content: what the printed sheet of a park or the zone says, from the directory.

The sheet's parts are in `factsheet_model`, figures are grouped by `factsheet_figures`, and
`factsheet_html` renders the sheet.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from parkdesk.core.db.directory import Directory, Source
from parkdesk.core.db.queries import count_people, counts_below
from parkdesk.core.factsheet.figures import key_figures, project_columns
from parkdesk.core.factsheet.model import (
    LIST_LIMIT,
    AddressLine,
    FactSheet,
    OrganisationLine,
    ParkLine,
    PersonLine,
    PhoneLine,
    ProjectLine,
    SourceRef,
    TitleLine,
)
from parkdesk.core.parks import find_park
from parkdesk.core.phones import tel_uri
from parkdesk.core.posts import standing
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PROJECT,
    ZONE,
    Citation,
    Entity,
    Figure,
    Role,
    chinese_name,
    kind_label,
)
from parkdesk.core.sources import SourceNumbers

_Cited = TypeVar("_Cited", Figure, Role)


class _Sources:
    """Numbers the articles a sheet cites, in order of first use (core.sources)."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.numbers = SourceNumbers(per_article=True)
        self._fetched: dict[tuple[str, str], list[Citation]] = {}

    def fetch(self, record_type: str, record_ids: list[str]) -> None:
        """Read the citations of many records at once, for the `cite` calls that follow (a
        list's lines: one query, not one a line)."""
        cited = self.directory.citations_of(record_type, record_ids)
        for record_id in record_ids:
            self._fetched[record_type, record_id] = cited.get(record_id, [])

    def known(self, record_type: str, records: list[_Cited]) -> list[_Cited]:
        """`records`, read with their citations, kept for the `cite` calls that follow."""
        for record in records:
            self._fetched[record_type, record.id] = record.sources
        return records

    def cite(self, record_type: str, record_id: str) -> tuple[int, ...]:
        citations = self._fetched.get((record_type, record_id))
        if citations is None:
            citations = self.directory.citations(record_type, record_id)
        articles = self.directory.articles()
        return self.numbers.numbers([Source(c, articles[c.article_id]) for c in citations])

    @property
    def refs(self) -> list[SourceRef]:
        """The sheet's numbered sources: one per article, in the order of their numbers."""
        return [
            SourceRef(n, a.title, a.outlet, a.published, a.date_inferred, a.url)
            for n, a in enumerate((s.article for s in self.numbers.entries), start=1)
        ]


# -- finding sheets by name --------------------------------------------------------------------


def find_sheets(directory: Directory, name: str) -> list[str]:
    """Entity ids of the sheets `name` asks for: a park (see park_names), "zone" or "all"."""
    entity = find_park(directory, name)
    if entity is None:
        return [directory.zone().id] + [p.id for p in directory.parks()]
    return [entity.id]


def sheet_entity(directory: Directory, entity_id: str | None) -> Entity:
    """The park or zone whose sheet shows `entity_id` (the zone for None or an outside place)."""
    park = directory.park_of(entity_id) if entity_id else None
    return park if park and park.kind in (ZONE, PARK) else directory.zone()


# -- building a sheet -------------------------------------------------------------------------

def _phones_and_addresses(sheet: FactSheet, directory: Directory, cite: _Sources) -> None:
    for c in directory.contacts(sheet.entity_id, include_children=True):
        sources = cite.cite("contact", c.id)
        if c.kind == "phone":
            uri = tel_uri(c.raw, c.e164) if c.valid else None
            sheet.phones.append(
                PhoneLine(c.label, c.raw, c.national if c.valid else None,
                          c.international if c.valid else None, uri, c.warning, sources)
            )
        else:
            sheet.addresses.append(AddressLine(c.label, c.raw, sources))


def _project_tree(directory: Directory, root: str) -> list[tuple[Entity, str | None]]:
    """The projects under `root`, each followed by its own sub-projects: a sheet is the full
    record, spanning as many pages as it needs (up to LIST_LIMIT lines)."""
    found: list[tuple[Entity, str | None]] = []

    def walk(parent_id: str, parent_name: str | None) -> None:
        projects = directory.children(parent_id, (PROJECT,), limit=LIST_LIMIT - len(found))
        # Only the projects that have sub-projects are read again (one count query for all).
        with_sub = directory.child_totals([p.id for p in projects], (PROJECT,))
        for project in projects:
            found.append((project, parent_name))
            if len(found) < LIST_LIMIT and project.id in with_sub:
                walk(project.id, project.name)

    walk(root, None)
    return found


def _projects(sheet: FactSheet, directory: Directory, cite: _Sources) -> list[Entity]:
    tree = _project_tree(directory, sheet.entity_id)
    cite.fetch("entity", [p.id for p, _ in tree])
    figures = directory.figures_of([p.id for p, _ in tree])
    for p, part_of in tree:
        sources = cite.cite("entity", p.id)
        columns = project_columns(cite.known("figure", figures.get(p.id, [])), cite.cite)
        sheet.projects.append(
            ProjectLine(p.name, p.subkind, p.status, columns["investment"], columns["area"],
                        columns["dates"], columns["other"], part_of, sources)
        )
    return [p for p, _ in tree]


def _organisations(
    sheet: FactSheet, directory: Directory, cite: _Sources, projects: list[Entity], below: int
) -> None:
    """The enterprises and institutions under the sheet's entity or its projects (`below` of
    them, as counted), and those related to it."""
    kinds = (ENTERPRISE, INSTITUTION)
    found: list[tuple[Entity, str | None]] = [
        (e, None) for e in directory.children(sheet.entity_id, kinds, limit=LIST_LIMIT)
    ]
    for p in projects:
        if len(found) >= LIST_LIMIT:
            break
        found += [(e, p.name) for e in directory.children(p.id, kinds,
                                                          limit=LIST_LIMIT - len(found))]
    total = below
    seen = {e.id for e, _ in found}
    for rel in directory.relations(sheet.entity_id):
        if rel.object_id == sheet.entity_id and rel.subject_id not in seen:
            other = directory.entity(rel.subject_id)
            if other and other.kind in kinds:
                if len(found) < LIST_LIMIT:
                    found.append((other, None))
                seen.add(other.id)
                total += 1
    sheet.organisations_total = total
    cite.fetch("entity", [e.id for e, _ in found])
    for e, where in found:
        sheet.organisations.append(
            OrganisationLine(e.name, kind_label(e.kind), where, cite.cite("entity", e.id))
        )


def _people(sheet: FactSheet, directory: Directory, cite: _Sources) -> None:
    bodies = [sheet.entity_id] + [
        o.id for o in directory.children(sheet.entity_id, (ORGANISATION,))
    ]
    held_at = directory.people_at(bodies)
    order: list[str] = [r.person_id for b in bodies for r in held_at.get(b, [])]
    order += [p.id for p in directory.children(sheet.entity_id, (PERSON,), limit=LIST_LIMIT)]
    people = list(dict.fromkeys(order))[:LIST_LIMIT]
    sheet.people_total = count_people(directory, sheet.entity_id, bodies)
    roles = directory.roles_of_people(people)
    titled_at = list({r.org_id for rs in roles.values() for r in rs if r.org_id})
    names = directory.names_of(people + titled_at)
    cite.fetch("entity", [p for p in people if p not in roles])
    # Every role at each body these people hold a title at: a post's latest report among them
    # (the sheet's own bodies were read above).
    at_body = held_at | directory.people_at([b for b in titled_at if b not in set(bodies)])
    for person_id in people:
        titles = []
        for role in cite.known("role", roles.get(person_id, [])):
            # A title at no body is judged alone: nothing says another's is the same post.
            held = at_body.get(role.org_id, []) if role.org_id else [role]
            titles.append(
                TitleLine(role.title, names.get(role.org_id or "") or None, role.reported,
                          cite.cite("role", role.id), standing(role, held))
            )
        sources = () if titles else cite.cite("entity", person_id)
        sheet.people.append(PersonLine(names.get(person_id, ""), tuple(titles), sources))


def build_factsheet(
    directory: Directory, entity_id: str | None, generated: date | None = None
) -> FactSheet:
    """The sheet of the park or zone that `entity_id` is (or belongs to)."""
    entity = sheet_entity(directory, entity_id)
    zone = directory.zone()
    cite = _Sources(directory)
    sheet = FactSheet(
        entity_id=entity.id,
        kind=entity.kind,
        title=entity.name,
        zone_name=zone.name,
        district=entity.district,
        description=entity.description,
        title_sources=cite.cite("entity", entity.id),
        generated=generated or date.today(),
        built_at=directory.meta().get("built_at"),
        chinese_name=chinese_name(entity.aliases),
    )
    _phones_and_addresses(sheet, directory, cite)
    sheet.figures = key_figures(cite.known("figure", directory.figures(entity.id)), cite.cite)
    if entity.kind == ZONE:
        for park in directory.parks():
            phones = tuple(c.display for c in directory.contacts(park.id)
                           if c.kind == "phone")
            projects_in, organisations_in = counts_below(directory, park.id, (PROJECT,),
                                                         (ENTERPRISE, INSTITUTION))
            sheet.parks.append(
                ParkLine(park.name, park.district, projects_in, organisations_in, phones,
                         chinese_name(park.aliases))
            )
    sheet.projects_total, organisations_below = counts_below(
        directory, entity.id, (PROJECT,), (ENTERPRISE, INSTITUTION))
    projects = _projects(sheet, directory, cite)
    _organisations(sheet, directory, cite, projects, organisations_below)
    _people(sheet, directory, cite)
    sheet.sources = cite.refs
    return sheet
