"""What a fact sheet holds, as plain text: the lines of each section and the numbered sources.

`factsheet` fills a FactSheet from the directory; `factsheet_html` renders one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from parkdesk.core.dates import display_date
from parkdesk.core.i18n import translate
from parkdesk.core.records import ZONE

LIST_LIMIT = 100
"""The most lines a sheet gives one list (projects, enterprises and institutions, people).

A sheet is the full record of a park as the articles publish it: every published list is
printed in full, across the pages it needs (none comes near this). A longer list is a
directory rather than a sheet: a synthetic park of 250,000 enterprises would print 8,000 pages,
and Qt lays a page out in ~30 ms. The sheet then gives the first LIST_LIMIT in name order and
says how many there are and where all of them are (the app, and File › Export).
"""


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
    """A piece of text with the numbers of the sources that state it (a projection: shown as one)."""

    text: str
    sources: tuple[int, ...] = ()
    projection: bool = False


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
    """One value of a key figure: its words with qualifier and projection ("over 5,400
    enterprises (expected)"), the period resolved, when it was reported, its sources."""

    text: str
    period: str
    reported: str | None
    projection: bool
    sources: tuple[int, ...]


@dataclass(frozen=True)
class FigureLine:
    """A key figure: one value per period (newest first); `conflicts` names the periods whose
    reports differ beyond rounding; `chart` is an SVG of the values over time, if any."""

    metric: str
    values: tuple[FigureValue, ...]
    conflicts: tuple[str, ...] = ()
    chart: str | None = None


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
    standing: str = ""  # "current (as of 29 Feb 2024)" or "as of 30 Apr 2021" (core.posts)


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
    phones: tuple[str, ...] = ()
    chinese_name: str | None = None


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
    chinese_name: str | None = None  # beside the English title, where the directory has one
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
        if self.kind == ZONE:
            return translate("FactSheet", "the zone")
        return translate("FactSheet", "this park")

    @property
    def main_phone(self) -> PhoneLine | None:
        """The number the QR code dials: the first valid phone number."""
        return next((p for p in self.phones if p.tel_uri), None)

    @property
    def footer(self) -> str:
        """The small print under every page (the UI adds the title and "Page X of Y")."""
        if self.built_at:
            return translate(
                "FactSheet", "Fact sheet generated {date} by parkdesk from the directory built "
                "{built}.").format(date=display_date(self.generated),
                                   built=display_date(self.built_at))
        return translate("FactSheet", "Fact sheet generated {date} by parkdesk.").format(
            date=display_date(self.generated))
