"""`parkdesk synth`: a large, realistic, deterministic directory for benchmarks.

The zone, its five parks and the management committee, carriers (science parks, incubators...)
in every park, and N enterprises and institutions with names, industries, addresses, valid
Foshan (0757) phone numbers, some figures and people. Every record cites a paragraph of a
synthetic "register" article, so the file passes `parkdesk check` like a real build. It is
written with the same store.write_bundle as `parkdesk import`: same schema, same search index.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk import __version__
from parkdesk.core.db.store import write_bundle
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

#: Bumped whenever the records generated for a seed change: benchmarks cache the file by it.
GENERATOR_VERSION = 1
PER_ARTICLE = 1000  # records cited by one synthetic register article
BUILT_AT = "2026-01-01T00:00:00Z"  # fixed, so that a seed always gives the same file
ZONE_NAME = "Foshan National High-tech Industrial Development Zone"


@dataclass
class _Synth:
    """State of one generation: the random stream, the bundle, names used, citation slots."""

    rng: random.Random
    bundle: Bundle = field(default_factory=Bundle)
    names: set[str] = field(default_factory=set)
    slots: int = 0
    checked_starts: set[str] = field(default_factory=set)

    def cite(self, quote: str) -> list[Citation]:
        """A citation of `quote` as the next paragraph of the current register article."""
        article, paragraph = divmod(self.slots, PER_ARTICLE)
        self.slots += 1
        return [Citation(_article_id(article), paragraph + 1, 0, len(quote), quote)]

    def trade_name(self) -> str:
        first, second = self.rng.sample(words.SYLLABLES, 2)
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
        rng = self.rng
        number = f"{rng.choice('2368')}{rng.randrange(10**7):07d}"
        raw = rng.choice((
            f"0757-{number}", f"(0757) {number[:4]} {number[4:]}",
            f"+86 757 {number[:4]} {number[4:]}", f"0757 {number}",
        ))
        e164, national, international = _landline_forms(number)
        if number[0] not in self.checked_starts:  # phonenumbers agrees, once per leading digit
            self.checked_starts.add(number[0])
            p = normalise(raw)
            if not p.valid or (p.e164, p.national, p.international) != (e164, national,
                                                                        international):
                raise BuildError(f"synthetic phone number {raw!r} is not valid: {p.warning}")
        return Contact(f"{owner}/tel/{e164.lstrip('+')}", owner, "phone", label, raw, e164,
                       national, international, True, None, sources=self.cite(raw))


def _landline_forms(number: str) -> tuple[str, str, str]:
    """E.164, national and international forms of a Foshan (0757) eight-digit landline, as
    phonenumbers writes them; parsing a million numbers with it took most of the synth's time."""
    spaced = f"{number[:4]} {number[4:]}"
    return f"+86757{number}", f"0757 {spaced}", f"+86 757 {spaced}"


def _article_id(number: int) -> str:
    return f"synth-{number + 1:04d}"


def _a(noun: str) -> str:
    return "An" if noun[0] in "aeiou" else "A"


def _short(district: str) -> str:
    return district.split()[0]


def _zone_and_parks(s: _Synth) -> None:
    b = s.bundle
    b.entities.append(Entity("zone", ZONE, ZONE_NAME, None, district="Foshan, Guangdong",
                             description="One zone with five parks (synthetic directory).",
                             aliases=("FHIDZ",), sources=s.cite(ZONE_NAME)))
    b.entities.append(Entity("committee", ORGANISATION, "Management Committee", "zone",
                             sources=s.cite("Management Committee")))
    b.contacts.append(s.phone("committee", "Management Committee"))
    for pid, name, district, _code, _towns, _weight in words.PARKS:
        b.entities.append(Entity(pid, PARK, name, "zone", district=district,
                                 description=f"The zone's park in {district}.",
                                 sources=s.cite(name)))
        b.contacts.append(s.phone(pid, name))
        s.names.add(name)


def _carriers(s: _Synth, per_park: dict[str, int]) -> dict[str, list[str]]:
    """Science parks, incubators... in each park; returns carrier ids by park id."""
    rng, b = s.rng, s.bundle
    carriers: dict[str, list[str]] = {}
    for pid, _name, district, _code, towns, _weight in words.PARKS:
        carriers[pid] = []
        for n in range(per_park[pid]):
            subkind, noun = rng.choice(words.CARRIER_KINDS)
            def carrier_name(d: str = district, w: str = noun) -> str:
                return f"Foshan {_short(d)} {s.trade_name()} {w}"

            name = s.unique(carrier_name)
            cid = f"syn-c{len(b.entities):06d}"
            status = rng.choice(("in operation", "in operation", "under construction", "planned"))
            b.entities.append(Entity(cid, PROJECT, name, pid, subkind=subkind, district=district,
                                     status=status, sources=s.cite(name),
                                     description=f"{_a(subkind)} {subkind} in {rng.choice(towns)}, {district}."))
            area = rng.randrange(50, 3000)
            money = f"{rng.randrange(2, 300) / 10:g}"
            for fid, metric, value, unit in (("area", "planned area", str(area), "mu"),
                                             ("invest", "total investment", money, "billion yuan")):
                quote = f"{metric} of {value} {unit}"
                b.figures.append(Figure(f"{cid}/{fid}", cid, metric, value, unit, float(value),
                                        refers_to=str(2018 + n % 7), reported="2025-06-30",
                                        sources=s.cite(quote)))
            carriers[pid].append(cid)
    return carriers


def _enterprise(s: _Synth, index: int, park: tuple, parent: str) -> None:
    rng, b = s.rng, s.bundle
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
        pattern = rng.choices([p for p, _ in words.NAME_PATTERNS],
                              [w for _, w in words.NAME_PATTERNS])[0]
        if "Technology" in industry:
            pattern = pattern.replace("{i} Technology", "{i}")
        return pattern.format(d=_short(district), t=trade[0], i=industry)

    name = s.unique(make_name)
    kind = INSTITUTION if ("Institute" in name or "Laboratory" in name or "Center" in name) \
        else ENTERPRISE
    short = "Institute" if kind == INSTITUTION else industry.split()[-1]
    aliases = (f"{trade[0]} {short}",) if rng.random() < 0.3 else ()
    what = "research body" if kind == INSTITUTION else label
    b.entities.append(Entity(eid, kind, name, parent, district=district, aliases=aliases,
                             description=f"{what[0].upper()}{what[1:]} in {town} Town, {district}.",
                             sources=s.cite(name)))
    if rng.random() < 0.9:
        b.contacts.append(s.phone(eid, rng.choice(words.PHONE_LABELS)))
    if rng.random() < 0.7:
        road = f"{rng.choice(words.ROADS)} {rng.choice(words.ROAD_TYPES)}"
        raw = (f"No. {rng.randrange(1, 300)} {road}, {town} Town, {district}, Foshan, "
               f"Guangdong {code}{rng.randrange(10, 40)}")
        b.contacts.append(Contact(f"{eid}/address", eid, "address", "Address", raw,
                                  sources=s.cite(raw)))
    if rng.random() < 0.1:
        value = f"{rng.randrange(5, 5000) / 10:g}"
        b.figures.append(Figure(f"{eid}/capital", eid, "registered capital", value,
                                "million yuan", float(value), refers_to=str(rng.randrange(2005, 2026)),
                                reported="2025-06-30",
                                sources=s.cite(f"registered capital of {value} million yuan")))
    if rng.random() < 0.03:
        person = f"{rng.choice(words.SURNAMES)} {s.trade_name()}"
        person_id = f"syn-p{index:06d}"
        title = rng.choice(words.TITLES)
        b.entities.append(Entity(person_id, PERSON, person, pid, sources=s.cite(person)))
        b.roles.append(Role(f"{person_id}/role", person_id, title, eid, "2025-06-30",
                            sources=s.cite(f"{person}, {title}")))


def synth_bundle(enterprises: int, seed: int = 1) -> Bundle:
    """A synthetic directory of `enterprises` enterprises and institutions; same seed, same bundle."""
    s = _Synth(random.Random(seed))
    _zone_and_parks(s)
    total_weight = sum(p[5] for p in words.PARKS)
    n_carriers = max(5, enterprises // 500)
    per_park = {p[0]: max(1, round(n_carriers * p[5] / total_weight)) for p in words.PARKS}
    carriers = _carriers(s, per_park)
    parks = list(words.PARKS)
    weights = [p[5] for p in parks]
    for index in range(enterprises):
        park = s.rng.choices(parks, weights)[0]
        parent = park[0]
        if s.rng.random() < 0.15:
            parent = s.rng.choice(carriers[park[0]])
        _enterprise(s, index, park, parent)
    _operators(s, carriers)
    _articles(s)
    return s.bundle


def _operators(s: _Synth, carriers: dict[str, list[str]]) -> None:
    """Each carrier is operated by one enterprise sitting directly in its park."""
    by_park: dict[str, list[str]] = {}
    for e in s.bundle.entities:
        if e.kind == ENTERPRISE and e.parent_id in carriers:
            by_park.setdefault(e.parent_id, []).append(e.id)
    for pid, ids in carriers.items():
        candidates = by_park.get(pid, [])
        for cid in ids:
            if candidates:
                op = s.rng.choice(candidates)
                s.bundle.relations.append(Relation(f"{cid}/operator", op, "operates", cid,
                                                   sources=s.cite("operates")))


def _articles(s: _Synth) -> None:
    count = -(-s.slots // PER_ARTICLE)
    for n in range(count):
        aid = _article_id(n)
        paragraphs = min(PER_ARTICLE, s.slots - n * PER_ARTICLE)
        s.bundle.articles.append(Article(
            aid, f"synthetic/{aid}.txt", f"Synthetic enterprise register, part {n + 1}",
            "2025-06-30", False, "parkdesk synth", None,
            hashlib.sha256(aid.encode()).hexdigest(), paragraphs))


def write_synthetic(enterprises: int, output: Path, seed: int = 1) -> Bundle:
    """Write a synthetic directory of `enterprises` enterprises to `output`; returns its bundle."""
    if enterprises < 1:
        raise BuildError("--enterprises must be at least 1.")
    bundle = synth_bundle(enterprises, seed)
    meta = {
        "built_at": BUILT_AT,
        "parkdesk_version": __version__,
        "article_count": str(len(bundle.articles)),
        "synthetic": f"{enterprises} enterprises, seed {seed}",
    }
    write_bundle(bundle, Path(output), meta, bulk=True)
    return bundle
