"""Plain records of the directory: what the database stores and the core hands out."""

from __future__ import annotations

from dataclasses import dataclass, field

from parkdesk.core.figures.wording import is_projection, period_display, value_display
from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate

# Kinds of entity. Projects and carriers share one kind; `subkind` says which.
ZONE = "zone"
PARK = "park"
ORGANISATION = "organisation"  # the management committee and other zone bodies
PROJECT = "project"
ENTERPRISE = "enterprise"
INSTITUTION = "institution"
PERSON = "person"
PLACE = "place"  # a place outside the zone that an article covers

KINDS = (ZONE, PARK, ORGANISATION, PROJECT, ENTERPRISE, INSTITUTION, PERSON, PLACE)

#: Each kind's English name (exports and the CLI); `kind_label` gives the interface language's.
KIND_LABELS = {
    ZONE: QT_TRANSLATE_NOOP("Kinds", "Zone"),
    PARK: QT_TRANSLATE_NOOP("Kinds", "Park"),
    ORGANISATION: QT_TRANSLATE_NOOP("Kinds", "Organisation"),
    PROJECT: QT_TRANSLATE_NOOP("Kinds", "Project"),
    ENTERPRISE: QT_TRANSLATE_NOOP("Kinds", "Enterprise"),
    INSTITUTION: QT_TRANSLATE_NOOP("Kinds", "Institution"),
    PERSON: QT_TRANSLATE_NOOP("Kinds", "Person"),
    PLACE: QT_TRANSLATE_NOOP("Kinds", "Place outside the zone"),
}


def chinese_name(aliases: tuple[str, ...] | list[str]) -> str | None:
    """The fullest Chinese name among a record's aliases (佛山高新区顺德园 over 顺德园), if any."""
    han = [a for a in aliases if a and all("\u3400" <= c <= "\u9fff" for c in a)]
    return max(han, key=lambda a: (len(a), a)) if han else None


def kind_label(kind: str) -> str:
    """The name of an entity kind in the interface language (the kind itself if unknown)."""
    label = KIND_LABELS.get(kind)
    return translate("Kinds", label) if label else kind


@dataclass(frozen=True)
class Article:
    """One source article: where it was published and when."""

    id: str
    file: str
    title: str
    published: str | None  # ISO date or date-time; a year alone when only that is known
    date_inferred: bool
    outlet: str | None
    url: str | None
    sha256: str
    paragraphs: int
    reviewed: bool = True
    date_source: str | None = None  # "date line", "URL", or "text" (then date_inferred)


@dataclass(frozen=True)
class Citation:
    """Where in an article a fact is stated: paragraph (1-based), character span and words."""

    article_id: str
    paragraph: int
    start: int
    end: int
    quote: str


@dataclass
class Entity:
    """A park, project, enterprise, person... anything the tree shows."""

    id: str
    kind: str
    name: str
    parent_id: str | None = None
    subkind: str | None = None
    district: str | None = None
    status: str | None = None
    description: str | None = None
    aliases: tuple[str, ...] = ()
    reviewed: bool = True
    sources: list[Citation] = field(default_factory=list)


@dataclass
class Contact:
    """A phone number or postal address and whose it is."""

    id: str
    owner_id: str
    kind: str  # "phone" or "address"
    label: str
    raw: str
    e164: str | None = None
    national: str | None = None
    international: str | None = None
    valid: bool = True
    warning: str | None = None
    # Stored so that exports never parse a number again: the RFC 3966 URI with its extension
    # (None when invalid) and the kind of line ("landline", "mobile"... "invalid"); for
    # phones without them, the store fills them from core.phones when it writes the record.
    tel_uri: str | None = None
    line: str | None = None
    sources: list[Citation] = field(default_factory=list)

    @property
    def display(self) -> str:
        """The form to show and copy by default (national for phones)."""
        return self.national or self.raw


@dataclass
class Figure:
    """A stated quantity or date about an entity: investment, area, progress, count..."""

    id: str
    entity_id: str
    metric: str
    value_text: str  # as written, e.g. "530"; must appear in the cited words
    unit: str | None = None
    value: float | None = None  # the number, in `unit`
    qualifier: str | None = None  # "about", "over", "nearly", "expected"...
    refers_to: str | None = None  # the year or date the figure is about
    reported: str | None = None  # date of the article that reported it
    sources: list[Citation] = field(default_factory=list)

    @property
    def display(self) -> str:
        """Human form: qualifier, value and unit, a projection marked ("over 5,400 enterprises
        (expected)"), a date written relative to its article resolved ("2022 (“last year”)")."""
        return value_display(self.value_text, self.unit, self.qualifier, self.refers_to)

    @property
    def period(self) -> str:
        """The period it is about, resolved ("2020 (“last year”)"); "" when none is given."""
        return period_display(self.refers_to, [c.quote for c in self.sources])

    @property
    def projection(self) -> bool:
        """Expected, estimated, planned or a target: not yet a fact."""
        return is_projection(self.qualifier)


@dataclass
class Role:
    """A person's title at an organisation, as reported on a date."""

    id: str
    person_id: str
    title: str
    org_id: str | None = None
    reported: str | None = None
    sources: list[Citation] = field(default_factory=list)


@dataclass
class Relation:
    """A typed link between two entities: located in, operates, partners in, works at..."""

    id: str
    subject_id: str
    predicate: str
    object_id: str
    sources: list[Citation] = field(default_factory=list)


@dataclass
class Mention:
    """Something the rules found but no curation claimed: stored unreviewed, never dropped."""

    id: str
    article_id: str
    kind: str  # money, area, length, percent, rank, count, date, organisation, person, alias, phone
    text: str
    citation: Citation
    value: float | None = None
    unit: str | None = None
    label: str | None = None  # a contact's owner, a person's title, a name's likely kind, an event
    qualifier: str | None = None  # about, over, nearly, expected...
    resolved: str | None = None  # a date's ISO form or period, resolved against the article
    converted: str | None = None  # an amount's conversion as written
    about: str | None = None  # the name an event, a title or an alias is about
    link_id: str | None = None  # the record (or contact) it is proposed to be or belong to
    link_score: float | None = None
    link_reason: str | None = None


@dataclass
class Bundle:
    """Everything one build produces, ready to be written to a database."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
