"""The search relevance table: queries a directory user types, each with the record that must be
first. Shared by the tests (every case must pass) and `make bench` (prints top-1 and MRR).

A case is (query, expected): expected is an entity id, or "kind:name" for a finding, and may
end in "#phone", "#address" or "#folder" when the first hit must show that kind of match.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.core.db.directory import Directory
from parkdesk.core.records import ENTERPRISE
from parkdesk.core.search.hits import SearchHit
from parkdesk.core.search.text import digits_of

# On the bundled directory (data/parks.db, built from ../shared/articles).
REAL_CASES: list[tuple[str, str]] = [
    # Phone numbers in every written form, whole and in part.
    ("86316675", "park-nanhai#phone"),
    ("0757-86316675", "park-nanhai#phone"),
    ("0757 8631 6675", "park-nanhai#phone"),
    ("(0757) 8631-6675", "park-nanhai#phone"),
    ("+86 757 8631 6675", "park-nanhai#phone"),
    ("+8675786316675", "park-nanhai#phone"),
    ("86 757 86316675", "park-nanhai#phone"),
    ("8631 6675", "park-nanhai#phone"),
    ("2210", "park-chancheng#phone"),
    ("82210575", "park-chancheng#phone"),
    ("0757-88881609", "park-gaoming#phone"),
    ("8888 16", "park-gaoming#phone"),
    ("26363972", "park-shunde#phone"),
    ("3972", "park-shunde#phone"),
    ("86683830", "committee#phone"),
    ("0757 8668 2797", "committee#phone"),
    ("0757.8738.8225", "park-sanshui#phone"),
    ("0757", "park-chancheng#phone"),
    ("nanhai 0757", "park-nanhai#phone"),
    # Typos.
    ("shnde", "park-shunde"),
    ("nanhia", "park-nanhai"),
    ("lighthose", "lighthouse-community"),
    ("vanyang", "wanyang-park"),
    ("gaomnig park", "park-gaoming"),
    ("sanshiu", "park-sanshui"),
    ("chanchen park", "park-chancheng"),
    ("managment committee", "committee"),
    # Intent words.
    ("gaoming park phone", "park-gaoming#phone"),
    ("management committee phone", "committee#phone"),
    ("nanhai park tel", "park-nanhai#phone"),
    ("shunde 电话", "park-shunde#phone"),
    ("committee address", "committee#address"),
    ("nanhai projects", "park-nanhai#folder"),
    # Word order, prefixes, exact names.
    ("innovation center lighthouse", "lighthouse-innovation-center"),
    ("lighthouse innovation center", "lighthouse-innovation-center"),
    ("park talent", "talent-park"),
    ("Talent Park", "talent-park"),
    ("gaomin", "park-gaoming"),
    ("shun-de", "park-shunde"),
    ("robot valley", "robot-valley"),
    ("yundonghai", "yundonghai-park"),
    ("xuejun", "hu-xuejun"),
    ("hu xuejun", "hu-xuejun"),
    ("merchants bank", "cmb"),
    # Aliases across translations.
    ("administrative committee", "committee"),
    ("beacon community", "lighthouse-community"),
    ("Foshan National Hi-tech Industrial Development Zone", "zone"),
    ("fhidz", "zone"),
    ("icbc", "icbc"),
    ("shenzhen science and technology park", "shenzhen-park"),
    ("andao medical", "andao"),
    # Addresses.
    ("markham", "committee#address"),
    ("2 markham road", "committee#address"),
    ("shishan", "committee#address"),
    # Findings in articles that no curation claimed yet.
    ("municipal party committee", "finding:Foshan Municipal Party Committee"),
    ("pazhou", "finding:Pazhou Artificial Intelligence and Digital Economy Pilot Zone"),
    ("west railway station", "foshan-sci-tech-park"),  # a record's words before a finding
]


@dataclass(frozen=True)
class Outcome:
    """How one case went: the rank of the expected record (0: not listed) and what came first."""

    query: str
    expected: str
    rank: int
    first: str


def _label(hit: SearchHit) -> str:
    return hit.entity_id if hit.kind != "finding" else f"finding:{hit.name}"


def _matches(hit: SearchHit, expected: str) -> bool:
    target, _, how = expected.partition("#")
    if _label(hit) != target:
        return False
    return not how or hit.matched_kind == how


def run_cases(directory: Directory, cases: list[tuple[str, str]]) -> list[Outcome]:
    """Each case's outcome on `directory`."""
    outcomes = []
    for query, expected in cases:
        hits = directory.search(query, 20)
        rank = next((i + 1 for i, h in enumerate(hits) if _matches(h, expected)), 0)
        outcomes.append(Outcome(query, expected, rank, _label(hits[0]) if hits else ""))
    return outcomes


def scores(outcomes: list[Outcome]) -> tuple[float, float]:
    """Top-1 (share of cases whose expected record is first) and mean reciprocal rank."""
    if not outcomes:
        return 0.0, 0.0
    top1 = sum(o.rank == 1 for o in outcomes) / len(outcomes)
    mrr = sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)
    return top1, mrr


def synthetic_cases(directory: Directory, count: int = 8) -> list[tuple[str, str]]:
    """Cases made from a synthetic directory's own records: every enterprise chosen by its
    exact name, its number in three written forms and a run of digits from its middle that no
    other number holds; the parks by a typo and with "phone"."""
    con = directory.con
    all_digits = [d for (d,) in con.execute("SELECT digits FROM search_phones")]
    rows = con.execute(
        "SELECT e.id, e.name, c.national FROM entities e JOIN contacts c ON c.owner_id = e.id "
        "AND c.kind = 'phone' WHERE e.kind = ? ORDER BY e.id LIMIT ?", (ENTERPRISE, count),
    ).fetchall()
    cases: list[tuple[str, str]] = []
    for entity_id, name, national in rows:
        digits = digits_of(national)  # 0757xxxxxxxx
        local = digits[4:]
        cases += [(name, entity_id), (national, f"{entity_id}#phone"),
                  (f"+86 757 {local[:4]} {local[4:]}", f"{entity_id}#phone"),
                  (f"0757-{local}", f"{entity_id}#phone")]
        middle = next((local[i : i + 6] for i in range(1, 3)
                       if sum(local[i : i + 6] in d for d in all_digits) == 1), None)
        if middle:
            cases.append((middle, f"{entity_id}#phone"))
    cases += [("nanhia park", "park-nanhai"), ("shnde", "park-shunde"),
              ("gaoming park phone", "park-gaoming#phone"), ("chancheng park", "park-chancheng"),
              ("managment committee", "committee"), ("sanshui park tel", "park-sanshui#phone")]
    return cases
