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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk import __version__
from parkdesk.core.db.store import write_parts
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

    def take(self) -> Bundle:
        """The records made since the last take (the next part to write)."""
        part, self.bundle = self.bundle, Bundle()
        return part

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
        e164, national, international, tel = _landline_forms(number)
        if number[0] not in self.checked_starts:  # phonenumbers agrees, once per leading digit
            self.checked_starts.add(number[0])
            p = normalise(raw)
            if not p.valid or (p.e164, p.national, p.international, p.rfc3966, p.line_kind) != (
                    e164, national, international, tel, "landline"):
                raise BuildError(f"synthetic phone number {raw!r} is not valid: {p.warning}")
        return Contact(f"{owner}/tel/{e164.lstrip('+')}", owner, "phone", label, raw, e164,
                       national, international, True, None, tel_uri=tel, line="landline",
                       sources=self.cite(raw))


def _landline_forms(number: str) -> tuple[str, str, str, str]:
    """E.164, national, international and tel: forms of a Foshan (0757) eight-digit landline,
    as phonenumbers writes them; parsing a million numbers with it took most of the synth's time."""
    spaced = f"{number[:4]} {number[4:]}"
    return (f"+86757{number}", f"0757 {spaced}", f"+86 757 {spaced}",
            f"tel:+86-757-{number[:4]}-{number[4:]}")


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


def _enterprise(s: _Synth, index: int, park: tuple, parent: str) -> bool:
    """One enterprise or institution (with its phone, address, figure, person); True for an
    enterprise."""
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
    return kind == ENTERPRISE


#: Enterprises per part written: the records of one part are let go once it is written.
PART_SIZE = 10_000


def synth_parts(enterprises: int, seed: int = 1, meta: dict[str, str] | None = None
                ) -> Iterator[Bundle]:
    """The synthetic directory a part at a time: the zone, parks and carriers first, then
    enterprises PART_SIZE at a time, then the carriers' operators and the register articles.
    Same seed, same records. `meta` gets the article count once the last part is made."""
    s = _Synth(random.Random(seed))
    _zone_and_parks(s)
    total_weight = sum(p[5] for p in words.PARKS)
    n_carriers = max(5, enterprises // 500)
    per_park = {p[0]: max(1, round(n_carriers * p[5] / total_weight)) for p in words.PARKS}
    carriers = _carriers(s, per_park)
    yield s.take()
    parks = list(words.PARKS)
    weights = [p[5] for p in parks]
    in_park: dict[str, list[str]] = {}  # enterprises sitting directly in each park
    for index in range(enterprises):
        park = s.rng.choices(parks, weights)[0]
        parent = park[0]
        if s.rng.random() < 0.15:
            parent = s.rng.choice(carriers[park[0]])
        if _enterprise(s, index, park, parent) and parent == park[0]:
            in_park.setdefault(parent, []).append(f"syn-e{index:06d}")
        if (index + 1) % PART_SIZE == 0:
            yield s.take()
    _operators(s, carriers, in_park)
    _articles(s)
    if meta is not None:
        meta["article_count"] = str(len(s.bundle.articles))
    yield s.take()


def synth_bundle(enterprises: int, seed: int = 1) -> Bundle:
    """A synthetic directory of `enterprises` enterprises and institutions; same seed, same bundle."""
    whole = Bundle()
    for part in synth_parts(enterprises, seed):
        for name in ("articles", "entities", "contacts", "figures", "roles", "relations",
                     "mentions"):
            getattr(whole, name).extend(getattr(part, name))
    return whole


def _operators(s: _Synth, carriers: dict[str, list[str]], in_park: dict[str, list[str]]) -> None:
    """Each carrier is operated by one enterprise sitting directly in its park."""
    for pid, ids in carriers.items():
        candidates = in_park.get(pid, [])
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


def write_synthetic(enterprises: int, output: Path, seed: int = 1) -> dict[str, int]:
    """Write a synthetic directory of `enterprises` enterprises to `output`, a part at a time;
    returns how many records, contacts and figures it holds."""
    if enterprises < 1:
        raise BuildError("--enterprises must be at least 1.")
    meta = {
        "built_at": BUILT_AT,
        "parkdesk_version": __version__,
        "synthetic": f"{enterprises} enterprises, seed {seed}",
    }
    counts = {"records": 0, "contacts": 0, "figures": 0}

    def counted() -> Iterator[Bundle]:
        for part in synth_parts(enterprises, seed, meta):
            counts["records"] += len(part.entities)
            counts["contacts"] += len(part.contacts)
            counts["figures"] += len(part.figures)
            yield part

    write_parts(counted(), Path(output), meta, bulk=True)
    return counts
