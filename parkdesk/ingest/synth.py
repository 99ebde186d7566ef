"""`parkdesk synth`: a large, realistic, deterministic directory for benchmarks.

The zone, its five parks and the management committee, carriers (science parks, incubators...)
in every park, and N enterprises and institutions with names, industries, addresses, valid
Foshan (0757) phone numbers, some figures and people. Every record cites a paragraph of a
synthetic "register" article, so the file passes `parkdesk check` like a real build. It is
written as a stream (core/db/bulk.py): same schema and search index as `parkdesk import`, the
same rows as store.write_bundle of `synth_bundle` (a test compares them), in bounded memory.
"""

from __future__ import annotations

import hashlib
import random
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from parkdesk import __version__
from parkdesk.core.db.bulk import BulkSink, write_streamed
from parkdesk.core.errors import BuildError
from parkdesk.core.phones import normalise
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PROJECT,
    ZONE,
    Article,
    Bundle,
    Citation,
    Contact,
    Entity,
    Figure,
    Relation,
    Role,
)
from parkdesk.ingest import synth_names as words
from parkdesk.ingest.synth_draws import Draws, Weighted

PER_ARTICLE = 1000  # records cited by one synthetic register article
BUILT_AT = "2026-01-01T00:00:00Z"  # fixed, so that a seed always gives the same file
ZONE_NAME = "Foshan National High-tech Industrial Development Zone"
#: Bumped whenever the same seed would give a different file (cached benchmark files are
#: rebuilt when theirs differs: see benchmarks/bigdb.py).
SYNTH_VERSION = 3


@dataclass
class _Synth:
    """State of one generation: the random stream, where records go, names used, citation slots."""

    rng: random.Random
    out: Sink
    draw: Draws = field(init=False)
    names: set[str] = field(default_factory=set)
    slots: int = 0
    phones: int = 0
    #: Indexes of the enterprises sitting directly in each park (candidate carrier operators).
    direct: dict[str, array] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.draw = Draws(self.rng)

    def cite(self, quote: str) -> list[Citation]:
        """A citation of `quote` as the next paragraph of the current register article."""
        article, paragraph = divmod(self.slots, PER_ARTICLE)
        self.slots += 1
        return [Citation(_article_id(article), paragraph + 1, 0, len(quote), quote)]

    def trade_name(self) -> str:
        first, second = self.draw.two(words.SYLLABLES)
        return (first + second).capitalize()

    def unique(self, make: Callable[[], str]) -> str:
        """A name from `make()` not used before (a third syllable breaks rare ties)."""
        for _ in range(20):
            name = make()
            if name not in self.names:
                self.names.add(name)
                return name
        name = f"{make()} {self.trade_name()}"
        self.names.add(name)
        return name

    def phone(self, owner: str, label: str) -> Contact:
        """A valid Foshan landline, written in one of the ways people write them."""
        draw = self.draw
        number = f"{draw.choice('2368')}{draw.below(10**7):07d}"
        raw = _WRITTEN[draw.below(len(_WRITTEN))](number)
        e164, national = f"+86757{number}", f"0757 {number[:4]} {number[4:]}"
        international = f"+86 757 {number[:4]} {number[4:]}"
        tel = f"tel:+86-757-{number[:4]}-{number[4:]}"
        # phonenumbers takes ~1 ms a number (most of a 1M synth); its forms of these numbers
        # are the ones written above, checked here on the first numbers and every 1000th.
        if self.phones < 20 or self.phones % 1000 == 0:
            p = normalise(raw)
            if not p.valid or (p.e164, p.national, p.international, p.rfc3966, p.line_kind) != (
                    e164, national, international, tel, "landline"):
                raise BuildError(f"synthetic phone number {raw!r} is not written as "
                                 f"phonenumbers writes it: {p}")
        self.phones += 1
        return Contact(f"{owner}/tel/{e164[1:]}", owner, "phone", label, raw, e164,
                       national, international, True, None, tel_uri=tel, line="landline",
                       sources=self.cite(raw))


# The ways a number is written (one is drawn for each).
_WRITTEN: tuple[Callable[[str], str], ...] = (
    lambda n: f"0757-{n}", lambda n: f"(0757) {n[:4]} {n[4:]}",
    lambda n: f"+86 757 {n[:4]} {n[4:]}", lambda n: f"0757 {n}",
)
_NAME_PATTERNS = Weighted([p for p, _ in words.NAME_PATTERNS], [w for _, w in words.NAME_PATTERNS])


def _article_id(number: int) -> str:
    return f"synth-{number + 1:04d}"


def _a(noun: str) -> str:
    return "An" if noun[0] in "aeiou" else "A"


def _short(district: str) -> str:
    return district.split()[0]


def _zone_and_parks(s: _Synth) -> None:
    b = s.out
    b.entity(Entity("zone", ZONE, ZONE_NAME, None, district="Foshan, Guangdong",
                             description="One zone with five parks (synthetic directory).",
                             aliases=("FHIDZ",), sources=s.cite(ZONE_NAME)))
    b.entity(Entity("committee", ORGANISATION, "Management Committee", "zone",
                             sources=s.cite("Management Committee")))
    b.contact(s.phone("committee", "Management Committee"))
    for pid, name, district, _code, _towns, _weight in words.PARKS:
        b.entity(Entity(pid, PARK, name, "zone", district=district,
                                 description=f"The zone's park in {district}.",
                                 sources=s.cite(name)))
        b.contact(s.phone(pid, name))
        s.names.add(name)


def _carriers(s: _Synth, per_park: dict[str, int]) -> dict[str, list[str]]:
    """Science parks, incubators... in each park; returns carrier ids by park id."""
    rng, b = s.rng, s.out
    carriers: dict[str, list[str]] = {}
    carriers_made: list[str] = []
    for pid, _name, district, _code, towns, _weight in words.PARKS:
        carriers[pid] = []
        for n in range(per_park[pid]):
            subkind, noun = rng.choice(words.CARRIER_KINDS)
            def carrier_name(d: str = district, w: str = noun) -> str:
                return f"Foshan {_short(d)} {s.trade_name()} {w}"

            name = s.unique(carrier_name)
            cid = f"syn-c{7 + len(carriers_made):06d}"  # after the zone, committee and parks
            status = rng.choice(("in operation", "in operation", "under construction", "planned"))
            b.entity(Entity(cid, PROJECT, name, pid, subkind=subkind, district=district,
                                     status=status, sources=s.cite(name),
                                     description=f"{_a(subkind)} {subkind} in {rng.choice(towns)}, {district}."))
            area = rng.randrange(50, 3000)
            money = f"{rng.randrange(2, 300) / 10:g}"
            for fid, metric, value, unit in (("area", "planned area", str(area), "mu"),
                                             ("invest", "total investment", money, "billion yuan")):
                quote = f"{metric} of {value} {unit}"
                b.figure(Figure(f"{cid}/{fid}", cid, metric, value, unit, float(value),
                                        refers_to=str(2018 + n % 7), reported="2025-06-30",
                                        sources=s.cite(quote)))
            carriers[pid].append(cid)
            carriers_made.append(cid)
    return carriers


def _enterprise(s: _Synth, index: int, park: tuple, parent: str) -> None:
    rng, b = s.draw, s.out
    pid, _name, district, code, towns, _weight = park
    eid = f"syn-e{index:06d}"
    label, industry_words = rng.choice(words.INDUSTRIES)
    industry = rng.choice(industry_words)
    town = rng.choice(towns)
    trade = [""]

    def make_name() -> str:
        trade[0] = s.trade_name()
        if rng.random() < 0.03:
            pattern = rng.choice(words.INSTITUTION_PATTERNS)
            return pattern.format(t=trade[0], f=rng.choice(words.FIELDS), d=_short(district))
        pattern = _NAME_PATTERNS.pick(rng)
        if "Technology" in industry:
            pattern = pattern.replace("{i} Technology", "{i}")
        return pattern.format(d=_short(district), t=trade[0], i=industry)

    name = s.unique(make_name)
    kind = INSTITUTION if ("Institute" in name or "Laboratory" in name or "Center" in name) \
        else ENTERPRISE
    short = "Institute" if kind == INSTITUTION else industry.split()[-1]
    aliases = (f"{trade[0]} {short}",) if rng.random() < 0.3 else ()
    if kind == ENTERPRISE and parent == pid:
        s.direct.setdefault(pid, array("l")).append(index)
    what = "research body" if kind == INSTITUTION else label
    b.entity(Entity(eid, kind, name, parent, district=district, aliases=aliases,
                             description=f"{what[0].upper()}{what[1:]} in {town} Town, {district}.",
                             sources=s.cite(name)))
    if rng.random() < 0.9:
        b.contact(s.phone(eid, rng.choice(words.PHONE_LABELS)))
    if rng.random() < 0.7:
        road = f"{rng.choice(words.ROADS)} {rng.choice(words.ROAD_TYPES)}"
        raw = (f"No. {rng.between(1, 300)} {road}, {town} Town, {district}, Foshan, "
               f"Guangdong {code}{rng.between(10, 40)}")
        b.contact(Contact(f"{eid}/address", eid, "address", "Address", raw,
                                  sources=s.cite(raw)))
    if rng.random() < 0.1:
        value = f"{rng.between(5, 5000) / 10:g}"
        b.figure(Figure(f"{eid}/capital", eid, "registered capital", value,
                                "million yuan", float(value), refers_to=str(rng.between(2005, 2026)),
                                reported="2025-06-30",
                                sources=s.cite(f"registered capital of {value} million yuan")))
    if rng.random() < 0.03:
        person = f"{rng.choice(words.SURNAMES)} {s.trade_name()}"
        person_id = f"syn-p{index:06d}"
        title = rng.choice(words.TITLES)
        b.entity(Entity(person_id, PERSON, person, pid, sources=s.cite(person)))
        b.role(Role(f"{person_id}/role", person_id, title, eid, "2025-06-30",
                            sources=s.cite(f"{person}, {title}")))


def _generate(s: _Synth, enterprises: int) -> None:
    """Put the whole synthetic directory into `s.out`, parents before children."""
    _zone_and_parks(s)
    total_weight = sum(p[5] for p in words.PARKS)
    n_carriers = max(5, enterprises // 500)
    per_park = {p[0]: max(1, round(n_carriers * p[5] / total_weight)) for p in words.PARKS}
    carriers = _carriers(s, per_park)
    parks = Weighted(words.PARKS, [p[5] for p in words.PARKS])
    draw = s.draw
    for index in range(enterprises):
        park = parks.pick(draw)
        parent = park[0]
        if draw.random() < 0.15:
            parent = draw.choice(carriers[park[0]])
        _enterprise(s, index, park, parent)
    _operators(s, carriers)
    _articles(s)


def synth_bundle(enterprises: int, seed: int = 1) -> Bundle:
    """A synthetic directory of `enterprises` enterprises and institutions; same seed, same bundle."""
    bundle = Bundle()
    _generate(_Synth(random.Random(seed), _BundleSink(bundle)), enterprises)
    return bundle


def _operators(s: _Synth, carriers: dict[str, list[str]]) -> None:
    """Each carrier is operated by one enterprise sitting directly in its park."""
    for pid, ids in carriers.items():
        candidates = s.direct.get(pid)
        for cid in ids:
            if candidates:
                op = f"syn-e{s.rng.choice(candidates):06d}"
                s.out.relation(Relation(f"{cid}/operator", op, "operates", cid,
                                        sources=s.cite("operates")))


def _articles(s: _Synth) -> None:
    count = -(-s.slots // PER_ARTICLE)
    for n in range(count):
        aid = _article_id(n)
        paragraphs = min(PER_ARTICLE, s.slots - n * PER_ARTICLE)
        s.out.article(Article(
            aid, f"synthetic/{aid}.txt", f"Synthetic enterprise register, part {n + 1}",
            "2025-06-30", False, "parkdesk synth", None,
            hashlib.sha256(aid.encode()).hexdigest(), paragraphs))


def write_synthetic(enterprises: int, output: Path, seed: int = 1) -> dict[str, int]:
    """Write a synthetic directory of `enterprises` enterprises to `output`, streamed (a million
    in about a minute and a few hundred MB); returns the rows written per table."""
    if enterprises < 1:
        raise BuildError("--enterprises must be at least 1.")
    meta = {
        "built_at": BUILT_AT,
        "parkdesk_version": __version__,
        "synthetic": f"{enterprises} enterprises, seed {seed}",
        "synth_version": str(SYNTH_VERSION),
    }

    def produce(sink: BulkSink) -> None:
        s = _Synth(random.Random(seed), sink)
        _generate(s, enterprises)
        meta["article_count"] = str(-(-s.slots // PER_ARTICLE))  # known only now

    return write_streamed(Path(output), produce, meta)


class Sink(Protocol):
    """Where the generator puts each record as it is made."""

    def entity(self, e: Entity) -> None: ...
    def contact(self, c: Contact) -> None: ...
    def figure(self, f: Figure) -> None: ...
    def role(self, r: Role) -> None: ...
    def relation(self, r: Relation) -> None: ...
    def article(self, a: Article) -> None: ...


class _BundleSink:
    """A Sink that keeps everything in a Bundle (small sizes, tests)."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle

    def entity(self, e: Entity) -> None:
        self.bundle.entities.append(e)

    def contact(self, c: Contact) -> None:
        self.bundle.contacts.append(c)

    def figure(self, f: Figure) -> None:
        self.bundle.figures.append(f)

    def role(self, r: Role) -> None:
        self.bundle.roles.append(r)

    def relation(self, r: Relation) -> None:
        self.bundle.relations.append(r)

    def article(self, a: Article) -> None:
        self.bundle.articles.append(a)
