"""Fact-sheet content: what the printed sheet of a park or the zone says, from the directory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parkdesk.core.directory import Directory
from parkdesk.core.park_names import find_park
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
class FigureValue:
    """One reported value of a key figure: value, unit, the year it refers to, its sources."""

    value: str
    unit: str | None
    refers_to: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class FigureLine:
    """A key figure; several values when articles disagree or report several years."""

    metric: str
    values: tuple[FigureValue, ...]


@dataclass(frozen=True)
class ProjectLine:
    """A project or carrier with its status and headline figures."""

    name: str
    subkind: str | None
    status: str | None
    investment: tuple[Value, ...]
    area: tuple[Value, ...]
    dates: tuple[Value, ...]
    other: tuple[Value, ...]
    part_of: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class OrganisationLine:
    """An enterprise or institution, and the project it sits in, if any."""

    name: str
    kind: str
    where: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class TitleLine:
    """A title a person holds at a body, as reported on a date."""

    title: str
    organisation: str | None
    reported: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class PersonLine:
    """A person and their titles (none when no title is published)."""

    name: str
    titles: tuple[TitleLine, ...]
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class ParkLine:
    """A park as listed on the zone's sheet."""

    name: str
    district: str | None
    projects: int
    organisations: int  # enterprises and institutions together


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
    people_total: int = 0
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
        """The small print under every page (the UI adds the title and "Page X of Y")."""
        text = f"Fact sheet generated {self.generated.isoformat()} by parkdesk"
        if self.built_at:
            text += f" from the directory built {self.built_at[:10]}"
        return text + "."


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


def find_sheets(directory: Directory, name: str) -> list[str]:
    """Entity ids of the sheets `name` asks for: a park (see park_names), "zone" or "all"."""
    entity = find_park(directory, name)
    if entity is None:
        return [directory.zone().id] + [p.id for p in directory.parks()]
    return [entity.id]


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

# Which column of the projects table a figure goes to, by words of its metric.
_INVESTMENT = re.compile(r"\b(investment|invest|invested|funding|funds|capital|cost)\b", re.I)
_AREA = re.compile(r"\b(area|floor space|land)\b", re.I)
_DATE = re.compile(
    r"\b(dates?|start|started|begin|began|completion|completed|open|opening|opened|"
    r"groundbreaking|signed|signing|launch|launched|topping-out|delivery|founded|established)\b",
    re.I,
)


def _project_column(figure: Figure) -> str:
    if _INVESTMENT.search(figure.metric):
        return "investment"
    if _AREA.search(figure.metric):
        return "area"
    if _DATE.search(figure.metric) and not figure.unit:
        return "dates"
    return "other"


def _figure_value(figure: Figure) -> str:
    return " ".join(p for p in (figure.qualifier, figure.value_text) if p)


def _with_year(text: str, refers_to: str | None) -> str:
    """`text (2023)`, unless the text already names that year."""
    if not refers_to or refers_to[:4] in text:
        return text
    return f"{text} ({refers_to})"


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


def _key_figures(sheet: FactSheet, directory: Directory, cite: _Sources) -> None:
    groups: dict[str, list[FigureValue]] = {}
    for f in directory.figures(sheet.entity_id):
        groups.setdefault(f.metric, []).append(
            FigureValue(_figure_value(f), f.unit, f.refers_to, cite.cite("figure", f.id))
        )
    sheet.figures = [FigureLine(metric, tuple(values)) for metric, values in groups.items()]


def _count_below(directory: Directory, root: str, kinds: tuple[str, ...]) -> int:
    """How many entities of `kinds` sit under `root` directly or inside its projects."""
    marks = ",".join("?" * len(kinds))
    sql = (
        "WITH RECURSIVE below(id) AS ("
        "  SELECT ? UNION ALL"
        "  SELECT e.id FROM entities e JOIN below b ON e.parent_id = b.id WHERE e.kind = ?"
        f") SELECT count(*) FROM entities WHERE kind IN ({marks}) "
        "AND parent_id IN (SELECT id FROM below)"
    )
    return directory.con.execute(sql, (root, PROJECT, *kinds)).fetchone()[0]


def _project_tree(directory: Directory, root: str) -> list[tuple[Entity, str | None]]:
    """Projects under `root`, each followed by its own sub-projects; at most MAX_ROWS."""
    found: list[tuple[Entity, str | None]] = []

    def walk(parent_id: str, parent_name: str | None) -> None:
        for project in directory.children(parent_id, (PROJECT,), limit=MAX_ROWS):
            if len(found) >= MAX_ROWS:
                return
            found.append((project, parent_name))
            walk(project.id, project.name)

    walk(root, None)
    return found


def _add_value(values: list[Value], value: Value) -> None:
    """Append a value; the same words from another article only add its source number."""
    for i, old in enumerate(values):
        if old.text == value.text:
            values[i] = Value(old.text, tuple(dict.fromkeys(old.sources + value.sources)))
            return
    values.append(value)


def _projects(sheet: FactSheet, directory: Directory, cite: _Sources) -> list[Entity]:
    tree = _project_tree(directory, sheet.entity_id)
    sheet.projects_total = _count_below(directory, sheet.entity_id, (PROJECT,))
    for p, part_of in tree:
        sources = cite.cite("entity", p.id)
        columns: dict[str, list[Value]] = {"investment": [], "area": [], "dates": [], "other": []}
        for f in directory.figures(p.id):
            column = _project_column(f)
            text = _with_year(f.display, f.refers_to)
            if column in ("dates", "other"):
                text = f"{f.metric[:1].upper()}{f.metric[1:]}: {text}"
            _add_value(columns[column], Value(text, cite.cite("figure", f.id)))
        sheet.projects.append(
            ProjectLine(p.name, p.subkind, p.status, tuple(columns["investment"]),
                        tuple(columns["area"]), tuple(columns["dates"]),
                        tuple(columns["other"]), part_of, sources)
        )
    return [p for p, _ in tree]


def _organisations(
    sheet: FactSheet, directory: Directory, cite: _Sources, projects: list[Entity]
) -> None:
    kinds = (ENTERPRISE, INSTITUTION)
    found: list[tuple[Entity, str | None]] = [
        (e, None) for e in directory.children(sheet.entity_id, kinds, limit=MAX_ROWS)
    ]
    for p in projects:
        if len(found) >= MAX_ROWS:
            break
        found += [(e, p.name) for e in directory.children(p.id, kinds, limit=MAX_ROWS)]
    total = _count_below(directory, sheet.entity_id, kinds)
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
    order: list[str] = [r.person_id for b in bodies for r in directory.people_of(b)]
    order += [p.id for p in directory.children(sheet.entity_id, (PERSON,), limit=MAX_ROWS)]
    people = list(dict.fromkeys(order))
    marks = ",".join("?" * len(bodies))
    sheet.people_total = directory.con.execute(
        "SELECT count(*) FROM (SELECT id FROM entities WHERE parent_id = ? AND kind = ? "
        f"UNION SELECT person_id FROM roles WHERE org_id IN ({marks}))",
        (sheet.entity_id, PERSON, *bodies),
    ).fetchone()[0]
    for person_id in people[:MAX_ROWS]:
        titles = tuple(
            TitleLine(role.title, directory.name_of(role.org_id) or None, role.reported,
                      cite.cite("role", role.id))
            for role in directory.roles_of(person_id)
        )
        sources = () if titles else cite.cite("entity", person_id)
        sheet.people.append(PersonLine(directory.name_of(person_id), titles, sources))


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
    _key_figures(sheet, directory, cite)
    if entity.kind == ZONE:
        for park in directory.parks():
            sheet.parks.append(
                ParkLine(park.name, park.district,
                         _count_below(directory, park.id, (PROJECT,)),
                         _count_below(directory, park.id, (ENTERPRISE, INSTITUTION)))
            )
    projects = _projects(sheet, directory, cite)
    _organisations(sheet, directory, cite, projects)
    _people(sheet, directory, cite)
    sheet.sources = cite.refs
    return sheet
