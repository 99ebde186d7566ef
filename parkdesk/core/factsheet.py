"""Fact-sheet content: what the printed sheet of a park or the zone says, from the directory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parkdesk.core.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    KIND_LABELS,
    ORGANISATION,
    PARK,
    PERSON,
    PROJECT,
    ZONE,
    Entity,
    Figure,
)

PAPERS = ("A4", "Letter")
DEFAULT_PAPER = "A4"
# Long lists are cut here; the sheet says how many more the app holds.
MAX_ROWS = 40


@dataclass(frozen=True)
class SourceRef:
    """One numbered source of the sheet: an article."""

    number: int
    title: str
    outlet: str | None
    published: str | None
    date_inferred: bool
    url: str | None


@dataclass(frozen=True)
class Value:
    """A piece of text with the numbers of the sources that state it."""

    text: str
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class PhoneLine:
    """A phone number in national and international form (raw text when it is invalid)."""

    label: str
    raw: str
    national: str | None
    international: str | None
    tel_uri: str | None
    warning: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class AddressLine:
    """A postal address."""

    label: str
    text: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class FigureLine:
    """A key figure: value, unit, the year it refers to and where it was reported."""

    metric: str
    value: str
    unit: str | None
    refers_to: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class ProjectLine:
    """A project or carrier with its status and headline figures."""

    name: str
    subkind: str | None
    status: str | None
    investment: tuple[Value, ...]
    area: tuple[Value, ...]
    dates: tuple[Value, ...]
    sources: tuple[int, ...]


@dataclass(frozen=True)
class OrganisationLine:
    """An enterprise or institution, and the project it sits in, if any."""

    name: str
    kind: str
    where: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class PersonLine:
    """A person and one of their titles (None when no title is published)."""

    name: str
    title: str | None
    organisation: str | None
    reported: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class ParkLine:
    """A park as listed on the zone's sheet."""

    name: str
    district: str | None
    projects: int
    organisations: int


@dataclass
class FactSheet:
    """Everything one printed sheet shows, as plain text; `factsheet_html` renders it."""

    entity_id: str
    kind: str
    title: str
    zone_name: str
    district: str | None
    description: str | None
    title_sources: tuple[int, ...]
    generated: date
    built_at: str | None = None
    phones: list[PhoneLine] = field(default_factory=list)
    addresses: list[AddressLine] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)
    parks: list[ParkLine] = field(default_factory=list)
    projects: list[ProjectLine] = field(default_factory=list)
    projects_total: int = 0
    organisations: list[OrganisationLine] = field(default_factory=list)
    organisations_total: int = 0
    people: list[PersonLine] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def subject(self) -> str:
        """How the honest "nothing published" lines name the sheet's subject."""
        return "the zone" if self.kind == ZONE else "this park"

    @property
    def main_phone(self) -> PhoneLine | None:
        """The number the QR code dials: the first valid phone number."""
        return next((p for p in self.phones if p.tel_uri), None)

    @property
    def footer(self) -> str:
        """The footer text of every page (the UI adds "Page X of Y")."""
        text = f"{self.title} fact sheet · generated {self.generated.isoformat()} by parkdesk"
        if self.built_at:
            text += f" from the directory of {self.built_at[:10]}"
        return text


class _Sources:
    """Numbers the articles a sheet cites, in order of first use."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.numbers: dict[str, int] = {}
        self.refs: list[SourceRef] = []

    def cite(self, record_type: str, record_id: str) -> tuple[int, ...]:
        numbers: list[int] = []
        for source in self.directory.sources(record_type, record_id):
            article = source.article
            if article.id not in self.numbers:
                self.numbers[article.id] = len(self.refs) + 1
                self.refs.append(
                    SourceRef(
                        len(self.refs) + 1, article.title, article.outlet, article.published,
                        article.date_inferred, article.url,
                    )
                )
            n = self.numbers[article.id]
            if n not in numbers:
                numbers.append(n)
        return tuple(numbers)


# -- finding sheets by name --------------------------------------------------------------------

_FILLER = {"park", "district", "the", "zone", "high-tech", "hi-tech"}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\-]+", " ", text.casefold()).split())


def _names(entity: Entity) -> set[str]:
    names = {_norm(entity.id), _norm(entity.name)}
    names |= {_norm(a) for a in entity.aliases}
    if entity.district:
        names.add(_norm(entity.district))
    # "Chancheng Park" also answers to "Chancheng".
    names |= {" ".join(w for w in n.split() if w not in _FILLER) for n in list(names)}
    return {n for n in names if n}


def park_choices(directory: Directory) -> list[str]:
    """What `find_sheets` accepts, for messages: the parks' short names, "zone" and "all"."""
    return [_short_name(p) for p in directory.parks()] + ["zone", "all"]


def _short_name(park: Entity) -> str:
    words = [w for w in park.name.split() if w.casefold() not in _FILLER]
    return " ".join(words) or park.name


def find_sheets(directory: Directory, name: str) -> list[str]:
    """Entity ids of the sheets `name` asks for: a park (any case, alias), "zone" or "all"."""
    wanted = _norm(name)
    zone = directory.zone()
    parks = directory.parks()
    if wanted == "all":
        return [zone.id] + [p.id for p in parks]
    if wanted == "zone" or wanted in _names(zone) - {""}:
        return [zone.id]
    exact = [p for p in parks if wanted in _names(p)]
    if len(exact) == 1:
        return [exact[0].id]
    # A word of the name that fits one park only ("nanhai" for "Foshan Nanhai Science Park").
    partial = [
        p for p in parks
        if wanted and any(f" {wanted} " in f" {n} " for n in _names(p))
    ]
    if len(partial) == 1:
        return [partial[0].id]
    choices = ", ".join(park_choices(directory))
    raise ParkdeskError(f"There is no park called {name!r}; choose one of: {choices}.")


def sheet_entity(directory: Directory, entity_id: str | None) -> Entity:
    """The park or zone whose sheet shows `entity_id` (the zone for None or an outside place)."""
    if entity_id:
        entity = directory.entity(entity_id)
        if entity and entity.kind in (ZONE, PARK):
            return entity
        owner = directory.park_of(entity_id) if entity else None
        if owner and owner.kind in (ZONE, PARK):
            return owner
    return directory.zone()


# -- building a sheet -------------------------------------------------------------------------

_INVESTMENT = ("investment", "invest", "funding", "capital", "cost")
_AREA = ("area", "floor space", "land")
_DATE = ("date", "start", "begin", "began", "complet", "open", "groundbreak", "sign",
         "launch", "operation", "construction", "founded", "established", "deliver")


def _project_column(figure: Figure) -> str:
    metric = figure.metric.casefold()
    if any(k in metric for k in _INVESTMENT):
        return "investment"
    if any(k in metric for k in _AREA):
        return "area"
    if any(k in metric for k in _DATE) or (not figure.unit and _looks_like_date(figure)):
        return "dates"
    return "other"


def _looks_like_date(figure: Figure) -> bool:
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", figure.value_text.strip()))


def _figure_value(figure: Figure) -> str:
    return " ".join(p for p in (figure.qualifier, figure.value_text) if p)


def _phones_and_addresses(sheet: FactSheet, directory: Directory, cite: _Sources) -> None:
    for c in directory.contacts(sheet.entity_id, include_children=True):
        sources = cite.cite("contact", c.id)
        if c.kind == "phone":
            uri = f"tel:{c.e164}" if c.valid and c.e164 else None
            sheet.phones.append(
                PhoneLine(c.label, c.raw, c.national if c.valid else None,
                          c.international if c.valid else None, uri, c.warning, sources)
            )
        else:
            sheet.addresses.append(AddressLine(c.label, c.raw, sources))


def _projects(sheet: FactSheet, directory: Directory, cite: _Sources) -> list[Entity]:
    projects = directory.children(sheet.entity_id, (PROJECT,), limit=MAX_ROWS)
    sheet.projects_total = directory.count_children(sheet.entity_id, (PROJECT,))
    for p in projects:
        sources = cite.cite("entity", p.id)
        columns: dict[str, list[Value]] = {"investment": [], "area": [], "dates": [], "other": []}
        for f in directory.figures(p.id):
            column = _project_column(f)
            text = f.display
            if column == "dates":
                text = f"{f.metric}: {text}"
            elif column == "other":
                continue
            if f.refers_to and column != "dates":
                text += f" ({f.refers_to})"
            columns[column].append(Value(text, cite.cite("figure", f.id)))
        sheet.projects.append(
            ProjectLine(p.name, p.subkind, p.status, tuple(columns["investment"]),
                        tuple(columns["area"]), tuple(columns["dates"]), sources)
        )
    return projects


def _organisations(
    sheet: FactSheet, directory: Directory, cite: _Sources, projects: list[Entity]
) -> None:
    kinds = (ENTERPRISE, INSTITUTION)
    found: list[tuple[Entity, str | None]] = [
        (e, None) for e in directory.children(sheet.entity_id, kinds, limit=MAX_ROWS)
    ]
    total = directory.count_children(sheet.entity_id, kinds)
    for p in projects:
        found += [(e, p.name) for e in directory.children(p.id, kinds, limit=MAX_ROWS)]
        total += directory.count_children(p.id, kinds)
    seen = {e.id for e, _ in found}
    for rel in directory.relations(sheet.entity_id):
        if rel.object_id == sheet.entity_id and rel.subject_id not in seen:
            other = directory.entity(rel.subject_id)
            if other and other.kind in kinds:
                found.append((other, None))
                seen.add(other.id)
                total += 1
    sheet.organisations_total = total
    for e, where in found[:MAX_ROWS]:
        sheet.organisations.append(
            OrganisationLine(e.name, KIND_LABELS[e.kind], where, cite.cite("entity", e.id))
        )


def _people(sheet: FactSheet, directory: Directory, cite: _Sources) -> None:
    bodies = [sheet.entity_id] + [
        o.id for o in directory.children(sheet.entity_id, (ORGANISATION,), limit=MAX_ROWS)
    ]
    roles = [r for b in bodies for r in directory.people_of(b)]
    people = {p.id: p for p in directory.children(sheet.entity_id, (PERSON,), limit=MAX_ROWS)}
    listed: set[str] = set()
    for role in roles:
        listed.add(role.person_id)
        sources = cite.cite("role", role.id)
        sheet.people.append(
            PersonLine(directory.name_of(role.person_id), role.title,
                       directory.name_of(role.org_id) or None, role.reported, sources)
        )
    for pid, person in people.items():
        if pid in listed:
            continue
        own = directory.roles_of(pid)
        if not own:
            sheet.people.append(PersonLine(person.name, None, None, None, cite.cite("entity", pid)))
        for role in own:
            sheet.people.append(
                PersonLine(person.name, role.title, directory.name_of(role.org_id) or None,
                           role.reported, cite.cite("role", role.id))
            )


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
    )
    _phones_and_addresses(sheet, directory, cite)
    for f in directory.figures(entity.id):
        sheet.figures.append(
            FigureLine(f.metric, _figure_value(f), f.unit, f.refers_to, cite.cite("figure", f.id))
        )
    if entity.kind == ZONE:
        for park in directory.parks():
            sheet.parks.append(
                ParkLine(park.name, park.district,
                         directory.count_children(park.id, (PROJECT,)),
                         directory.count_children(park.id, (ENTERPRISE, INSTITUTION)))
            )
    projects = _projects(sheet, directory, cite)
    _organisations(sheet, directory, cite, projects)
    _people(sheet, directory, cite)
    sheet.sources = cite.refs
    return sheet
